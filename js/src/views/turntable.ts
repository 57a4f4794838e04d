// Turning a 3-D view: drag on its canvas, or the arrow keys while the canvas has focus. Shared by
// the views that draw a 3-D projection (ActivationView, TransformView).

import type { Lifetime } from "../shared/lifetime";
import { type Angles, DEFAULT_ANGLES, dragAngles } from "./projection";

const KEY_STEP = 0.08; // radians per arrow key press
const TURNS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export class Turntable {
  angles: Angles = { ...DEFAULT_ANGLES };
  private dragging: { x: number; y: number; id: number } | null = null;

  /** `active()`: whether a 3-D view is shown now; `turned()` runs after every turn. */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    life: Lifetime,
    private readonly active: () => boolean,
    private readonly turned: () => void,
  ) {
    life.listen<PointerEvent>(canvas, "pointerdown", (event) => this.down(event));
    life.listen<PointerEvent>(canvas, "pointermove", (event) => this.move(event));
    life.listen<PointerEvent>(canvas, "pointerup", (event) => this.up(event));
    life.listen<PointerEvent>(canvas, "pointercancel", (event) => this.up(event));
    life.listen<KeyboardEvent>(canvas, "keydown", (event) => this.key(event));
  }

  private down(event: PointerEvent): void {
    if (!this.active()) return;
    this.dragging = { x: event.clientX, y: event.clientY, id: event.pointerId };
    this.canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private move(event: PointerEvent): void {
    const dragging = this.dragging;
    if (!dragging || event.pointerId !== dragging.id) return;
    this.angles = dragAngles(this.angles, event.clientX - dragging.x, event.clientY - dragging.y);
    dragging.x = event.clientX;
    dragging.y = event.clientY;
    this.turned();
  }

  private up(event: PointerEvent): void {
    if (this.dragging && event.pointerId === this.dragging.id) this.dragging = null;
  }

  private key(event: KeyboardEvent): void {
    const turn = TURNS[event.key];
    if (!turn || !this.active()) return;
    this.angles = dragAngles(this.angles, turn[0], turn[1], KEY_STEP);
    this.turned();
    event.preventDefault();
    event.stopPropagation(); // JupyterLab would move between cells
  }
}
