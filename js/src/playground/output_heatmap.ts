// The big output view: the map of the output (or of the hovered neuron) over [-6, 6]², the data
// points on it, and the original's axes (ticks every unit, below and to the right).

import { HiDpiCanvas } from "../hidpi_canvas";
import { valueColor } from "./link_style";
import { MapAtlas } from "./map_atlas";
import type { DataPoints, PointRows } from "./points";

const DOMAIN = 6;
/** Room below and right of the map for the axes, in CSS pixels (the map box leaves it free). */
const AXIS_ROOM = 24;
/** How far the overlay reaches left of and above the map (see the stylesheet). */
const OVERLAY_LEFT = 12;
const OVERLAY_TOP = 8;
const TICK = 5;

export class OutputHeatmap {
  readonly element = document.createElement("div");
  private readonly map: HiDpiCanvas;
  private readonly overlay: HiDpiCanvas;
  private readonly atlas = new MapAtlas();
  private points: DataPoints = { train: new Float32Array(0), test: new Float32Array(0) };
  private showTest = true;

  constructor() {
    this.element.className = "nnw-pg-heatmap";
    this.map = new HiDpiCanvas("nnw-pg-heatmap-map", () => this.drawMap());
    this.overlay = new HiDpiCanvas("nnw-pg-heatmap-overlay", () => this.drawOverlay());
    this.element.append(this.map.canvas, this.overlay.canvas);
  }

  /** Takes a new map and draws it (call from the frame loop). */
  showMap(map: DataView | null | undefined, resolution: number, lut: Uint8ClampedArray): void {
    this.atlas.load(map, resolution, 1, lut);
    this.drawMap();
  }

  setPoints(points: DataPoints, showTest: boolean): void {
    this.points = points;
    this.showTest = showTest;
    this.drawOverlay();
  }

  destroy(): void {
    this.map.destroy();
    this.overlay.destroy();
  }

  private drawMap(): void {
    const context = this.map.context();
    if (!context) return;
    context.clearRect(0, 0, this.map.width, this.map.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    this.atlas.draw(context, 0, 0, 0, this.map.width);
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
    drawPoints(context, this.points.train, side, radius, "rgba(255,255,255,0.8)");
    if (this.showTest) drawPoints(context, this.points.test, side, radius, "rgba(0,0,0,0.6)");
  }

  private drawAxes(context: CanvasRenderingContext2D, side: number): void {
    const style = getComputedStyle(this.element);
    const soft = style.getPropertyValue("--nnw-pg-line-strong").trim() || "#ddd";
    const label = style.getPropertyValue("--nnw-pg-label").trim() || "#999";
    const strong = style.getPropertyValue("--nnw-pg-text").trim() || "#333";
    context.font = `10px ${style.fontFamily}`;
    context.lineWidth = 1;
    for (let value = -DOMAIN; value <= DOMAIN; value++) {
      const at = ((value + DOMAIN) / (2 * DOMAIN)) * side;
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
  edge: string,
): void {
  context.lineWidth = 1;
  context.strokeStyle = edge;
  for (let k = 0; k + 2 < rows.length; k += 3) {
    const x1 = rows[k];
    const x2 = rows[k + 1];
    // Points outside the plane are left out, as in the original.
    if (!(Math.abs(x1) <= DOMAIN && Math.abs(x2) <= DOMAIN)) continue;
    const x = ((x1 + DOMAIN) / (2 * DOMAIN)) * side;
    const y = ((DOMAIN - x2) / (2 * DOMAIN)) * side;
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.globalAlpha = 0.9;
    context.fillStyle = valueColor(rows[k + 2]);
    context.fill();
    context.globalAlpha = 1;
    context.stroke();
  }
}
