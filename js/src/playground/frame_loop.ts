// Drawing at most once per animation frame, only the parts whose state changed, and telling the
// kernel which `_frame` has been drawn (its back-pressure: without acknowledgements it slows to
// one frame a second).

import type { AnyModel } from "@anywidget/types";
import type { Lifetime } from "../shared/lifetime";
import type { FromBrowser, PlaygroundState } from "./protocol";

export type Draw = () => void;

export class FrameLoop {
  private readonly parts = new Map<string, Draw>();
  private readonly dirty = new Set<string>();
  private request = 0;
  private acknowledged = -1;

  /** `onDrawn` runs after each frame is drawn, before the acknowledgement goes out. */
  constructor(
    private readonly model: AnyModel<PlaygroundState>,
    private readonly life: Lifetime,
    private readonly onDrawn: (frame: number) => void = () => {},
  ) {}

  /** Registers a part; parts draw in the order they were added. */
  part(name: string, draw: Draw): void {
    this.parts.set(name, draw);
  }

  /** Marks parts as needing a redraw in the next animation frame. */
  invalidate(...names: string[]): void {
    for (const name of names) this.dirty.add(name);
    if (!this.request) this.request = this.life.frame(() => this.run());
  }

  private run(): void {
    this.request = 0;
    const frame = this.model.get("_frame");
    for (const [name, draw] of this.parts) {
      if (!this.dirty.has(name)) continue;
      this.dirty.delete(name);
      try {
        draw();
      } catch (error) {
        // One broken part must not stop the others, nor the acknowledgements.
        console.error(`nnwidgets playground: drawing ${name} failed`, error);
      }
    }
    if (typeof frame === "number" && frame !== this.acknowledged) {
      this.acknowledged = frame;
      this.onDrawn(frame);
      const message: FromBrowser = { type: "drawn", frame };
      this.model.send(message);
    }
  }
}
