// The Perceptron with two inputs: the plane, its half-planes in the output's colours, the
// boundary w·x + b = 0 with its normal pointing to the "on" side, the points and the probe.

import { drawFrame, makeAxes } from "./axes";
import { font, type Theme } from "./kit";
import { boundarySegment, predictedClass, shade } from "./perceptron_maths";
import { backgroundRgb, drawPoint, drawProbe, type ToData } from "./perceptron_marks";
import type { Reading } from "./perceptron_state";
import { axisName } from "./perceptron_text";
import { formatTick, niceTicks } from "./scales";

const GRID = 120; // cells a side of the background

export class PlanePainter {
  // The coloured half-planes at GRID² cells, drawn scaled; made again after `invalidate`.
  private background: HTMLCanvasElement | null = null;

  /** The weights, the activation or the ranges changed: the background must be made again. */
  invalidate(): void {
    this.background = null;
  }

  /** Paints the plane; returns where a pointer on it lies. */
  paint(context: CanvasRenderingContext2D, theme: Theme, reading: Reading, width: number, height: number): ToData {
    const [w1, w2] = reading.weights;
    const b = reading.bias;
    const [xr, yr] = reading.ranges;
    const box = { left: 36, top: 8, right: width - 8, bottom: height - 34 };
    const axes = makeAxes(box, xr, yr);
    this.background ??= backgroundOf(reading);
    context.save();
    context.imageSmoothingEnabled = true;
    context.drawImage(this.background, box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.restore();
    drawFrame(context, theme, box, axes, [], [], {});
    // Ticks and labels without grid lines over the colours.
    context.fillStyle = theme.label;
    context.font = font(theme, 10);
    context.textAlign = "center";
    context.textBaseline = "top";
    for (const t of niceTicks(xr.lo, xr.hi, 6)) context.fillText(formatTick(t), axes.x(t), box.bottom + 3);
    context.textAlign = "right";
    context.textBaseline = "middle";
    for (const t of niceTicks(yr.lo, yr.hi, 6)) context.fillText(formatTick(t), box.left - 4, axes.y(t));
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    context.textAlign = "center";
    context.textBaseline = "top";
    context.fillText(axisName(reading, 0), (box.left + box.right) / 2, box.bottom + 17);
    context.save();
    context.translate(10, (box.top + box.bottom) / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = "middle";
    context.fillText(axisName(reading, 1), 0, 0);
    context.restore();

    context.save();
    context.beginPath();
    context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.clip();
    const segment = boundarySegment(w1, w2, b, xr, yr);
    if (segment) {
      const [x0, y0, x1, y1] = segment;
      // Dark on a pale halo: the plane's colours are the same in either theme.
      context.beginPath();
      context.moveTo(axes.x(x0), axes.y(y0));
      context.lineTo(axes.x(x1), axes.y(y1));
      context.strokeStyle = "rgba(255, 255, 255, 0.7)";
      context.lineWidth = 4.5;
      context.stroke();
      context.strokeStyle = "#1f1f1f";
      context.lineWidth = 2;
      context.stroke();
      // The normal w from the segment's middle: the side where the neuron is on.
      const mx = axes.x((x0 + x1) / 2);
      const my = axes.y((y0 + y1) / 2);
      const length = Math.hypot(w1, w2);
      const dx = (w1 / length) * 26;
      const dy = (-w2 / length) * 26;
      context.beginPath();
      context.moveTo(mx, my);
      context.lineTo(mx + dx, my + dy);
      context.stroke();
      const angle = Math.atan2(dy, dx);
      context.beginPath();
      context.moveTo(mx + dx, my + dy);
      context.lineTo(mx + dx - 7 * Math.cos(angle - 0.45), my + dy - 7 * Math.sin(angle - 0.45));
      context.lineTo(mx + dx - 7 * Math.cos(angle + 0.45), my + dy - 7 * Math.sin(angle + 0.45));
      context.closePath();
      context.fillStyle = context.strokeStyle;
      context.fill();
    }
    const { count: n, points: pts, labels: lbl } = reading;
    for (let k = 0; k < n; k++) {
      const xv = pts[2 * k];
      const yv = pts[2 * k + 1];
      drawPoint(context, axes.x(xv), axes.y(yv), predictedClass(w1 * xv + w2 * yv + b), lbl[k]);
    }
    drawProbe(context, theme, axes.x(reading.probe[0] ?? 0), axes.y(reading.probe[1] ?? 0));
    context.restore();
    return (px, py) => [
      xr.lo + ((px - box.left) / (box.right - box.left)) * (xr.hi - xr.lo),
      yr.lo + ((box.bottom - py) / (box.bottom - box.top)) * (yr.hi - yr.lo),
    ];
  }
}

/** The half-planes' colours at GRID² cells, row 0 at the top. */
function backgroundOf(reading: Reading): HTMLCanvasElement {
  const [w1, w2] = reading.weights;
  const [xr, yr] = reading.ranges;
  const canvas = document.createElement("canvas");
  canvas.width = GRID;
  canvas.height = GRID;
  const context = canvas.getContext("2d");
  if (!context) return canvas;
  const image = context.createImageData(GRID, GRID);
  for (let row = 0; row < GRID; row++) {
    const y = yr.hi - ((row + 0.5) / GRID) * (yr.hi - yr.lo);
    for (let col = 0; col < GRID; col++) {
      const x = xr.lo + ((col + 0.5) / GRID) * (xr.hi - xr.lo);
      const [r, g, b] = backgroundRgb(shade(reading.activation, w1 * x + w2 * y + reading.bias));
      image.data.set([r, g, b, 255], (row * GRID + col) * 4);
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}
