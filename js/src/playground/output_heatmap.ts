// The big output view: the map of the output (or of the hovered neuron) over [-6, 6]², the data
// points on it, and the original's axes (ticks every unit, below and to the right).

import { type Binary, readBytes } from "../shared/binary";
import { argmaxToRgba } from "../shared/class_colors";
import { HiDpiCanvas } from "../shared/hidpi_canvas";
import type { Lifetime } from "../shared/lifetime";
import { MapCanvas } from "../shared/map_canvas";
import { onPlane, PLANE_EXTENT, toCanvas } from "./plane";
import type { DataPoints, PointRows } from "./points";

/** Room below and right of the map for the axes, in CSS pixels (the map box leaves it free). */
const AXIS_ROOM = 24;
/** How far the overlay reaches left of and above the map (see the stylesheet). */
const OVERLAY_LEFT = 12;
const OVERLAY_TOP = 8;
const TICK = 5;

export class OutputHeatmap {
  readonly element = document.createElement("div");
  private readonly map = new MapCanvas("nnw-pg-heatmap-map");
  private readonly overlay: HiDpiCanvas;
  private points: DataPoints = { train: new Float32Array(0), test: new Float32Array(0) };
  private showTest = true;
  private colorOf: (label: number) => string = () => "";

  constructor(life: Lifetime) {
    this.element.className = "nnw-pg-heatmap";
    this.overlay = life.own(new HiDpiCanvas("nnw-pg-heatmap-overlay", () => this.drawOverlay()));
    this.element.append(this.map.canvas, this.overlay.canvas);
    // The axes take the theme's colours when drawn: a new theme draws them again.
    life.onTheme(() => this.drawOverlay());
  }

  /** The canvas the map fills, exactly the plane [-6, 6]²: where clicks add points. */
  get mapCanvas(): HTMLCanvasElement {
    return this.map.canvas;
  }

  /** Takes a new map and draws it (call from the frame loop). */
  showMap(map: Binary | null | undefined, resolution: number, lut: Uint8ClampedArray): void {
    this.map.show(map, resolution, lut);
  }

  /** Takes `classes` probability maps and draws each cell in its likeliest class' colour. */
  showClasses(
    maps: Binary | null | undefined,
    resolution: number,
    classes: number,
    luts: readonly Uint8ClampedArray[],
  ): void {
    const bytes = readBytes(maps);
    if (bytes.length === resolution * resolution * classes) {
      this.map.paint(resolution, (pixels) => argmaxToRgba(bytes, classes, luts, pixels));
    } else {
      this.map.clear();
    }
  }

  /** Takes the data and how to colour a point by its label. */
  setPoints(points: DataPoints, showTest: boolean, colorOf: (label: number) => string): void {
    this.points = points;
    this.showTest = showTest;
    this.colorOf = colorOf;
    this.drawOverlay();
  }

  private drawOverlay(): void {
    const context = this.overlay.context();
    if (!context) return;
    const side = this.overlay.width - OVERLAY_LEFT - AXIS_ROOM;
    context.clearRect(0, 0, this.overlay.width, this.overlay.height);
    if (side <= 0) return;
    context.translate(OVERLAY_LEFT, OVERLAY_TOP);
    this.drawAxes(context, side);
    const radius = Math.max(2, Math.min(3.5, (3 * side) / 260));
    drawPoints(context, this.points.train, side, radius, this.colorOf, "rgba(255,255,255,0.8)");
    if (this.showTest) drawPoints(context, this.points.test, side, radius, this.colorOf, "rgba(0,0,0,0.6)");
  }

  private drawAxes(context: CanvasRenderingContext2D, side: number): void {
    const style = getComputedStyle(this.element);
    const soft = style.getPropertyValue("--nnw-pg-line-strong").trim() || "#ddd";
    const label = style.getPropertyValue("--nnw-pg-label").trim() || "#999";
    const strong = style.getPropertyValue("--nnw-pg-text").trim() || "#333";
    context.font = `10px ${style.fontFamily}`;
    context.lineWidth = 1;
    for (let value = -PLANE_EXTENT; value <= PLANE_EXTENT; value++) {
      const at = toCanvas(value, 0, side).x;
      const zero = value === 0;
      context.strokeStyle = zero ? label : soft;
      context.fillStyle = zero ? strong : label;
      // x axis below the map
      context.beginPath();
      context.moveTo(at, side);
      context.lineTo(at, side + TICK);
      context.stroke();
      context.textAlign = "center";
      context.textBaseline = "top";
      context.fillText(String(value), at, side + TICK + 2);
      // x2 axis right of the map, +6 at the top
      const y = side - at;
      context.beginPath();
      context.moveTo(side, y);
      context.lineTo(side + TICK, y);
      context.stroke();
      context.textAlign = "left";
      context.textBaseline = "middle";
      context.fillText(String(value), side + TICK + 2, y);
    }
  }
}

function drawPoints(
  context: CanvasRenderingContext2D,
  rows: PointRows,
  side: number,
  radius: number,
  colorOf: (label: number) => string,
  edge: string,
): void {
  context.lineWidth = 1;
  context.strokeStyle = edge;
  for (let k = 0; k + 2 < rows.length; k += 3) {
    if (!onPlane(rows[k], rows[k + 1])) continue;
    const { x, y } = toCanvas(rows[k], rows[k + 1], side);
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.globalAlpha = 0.9;
    context.fillStyle = colorOf(rows[k + 2]);
    context.fill();
    context.globalAlpha = 1;
    context.stroke();
  }
}
