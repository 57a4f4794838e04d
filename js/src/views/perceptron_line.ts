// The Perceptron with one input: a number line coloured by the output, the points on it in
// lanes so that none hides another, the threshold marked and the probe below the band.

import { font, type Theme } from "./kit";
import { fixed, predictedClass, shade, stackLanes, threshold } from "./perceptron_maths";
import { backgroundColor, drawPoint, drawProbe, type ToData } from "./perceptron_marks";
import type { Reading } from "./perceptron_state";
import { withUnit } from "./perceptron_text";
import { formatTick, linearScale, niceTicks } from "./scales";

/** Paints the number line; returns where a pointer on it lies. */
export function paintLine(
  context: CanvasRenderingContext2D,
  theme: Theme,
  reading: Reading,
  width: number,
  height: number,
): ToData {
  const { activation: f, bias: b } = reading;
  const [w] = reading.weights;
  const xr = reading.ranges[0];
  const box = { left: 14, right: width - 14, top: 34, bottom: height - 44 };
  const x = linearScale(xr, box.left, box.right);
  const toData = (px: number) => xr.lo + ((px - box.left) / (box.right - box.left)) * (xr.hi - xr.lo);
  // The band, coloured by the output along the line.
  for (let px = Math.floor(box.left); px < box.right; px++) {
    context.fillStyle = backgroundColor(shade(f, w * toData(px + 0.5) + b));
    context.fillRect(px, box.top, 1, box.bottom - box.top);
  }
  context.strokeStyle = theme.strong;
  context.lineWidth = 1;
  context.strokeRect(box.left + 0.5, box.top + 0.5, box.right - box.left - 1, box.bottom - box.top - 1);
  // Axis and ticks.
  context.fillStyle = theme.label;
  context.font = font(theme, 10);
  context.textAlign = "center";
  context.textBaseline = "top";
  context.beginPath();
  for (const t of niceTicks(xr.lo, xr.hi, 8)) {
    const px = Math.round(x(t)) + 0.5;
    context.moveTo(px, box.bottom);
    context.lineTo(px, box.bottom + 4);
    context.fillText(formatTick(t), px, box.bottom + 6);
  }
  context.stroke();
  context.fillStyle = theme.soft;
  context.font = font(theme, 11);
  const unit = reading.unit ? ` (${reading.unit})` : "";
  context.fillText(`${reading.featureNames[0] ?? "x"}${unit}`, (box.left + box.right) / 2, box.bottom + 22);
  // The points, in lanes so that none hides another.
  const { count: n, points: pts, labels: lbl } = reading;
  const positions = Array.from({ length: n }, (_, k) => x(pts[k]));
  const lanes = stackLanes(positions, 12, 3);
  const laneHeight = (box.bottom - box.top) / 3;
  for (let k = 0; k < n; k++) {
    const y = box.bottom - laneHeight * (lanes[k] + 0.5);
    drawPoint(context, positions[k], y, predictedClass(w * pts[k] + b), lbl[k]);
  }
  // The threshold.
  const t = threshold(w, b);
  context.textBaseline = "bottom";
  if (t !== null && t >= xr.lo && t <= xr.hi) {
    const px = Math.round(x(t)) + 0.5;
    context.strokeStyle = theme.text;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(px, box.top - 6);
    context.lineTo(px, box.bottom + 2);
    context.stroke();
    const text = `threshold ${withUnit(reading, fixed(t, 1))} · on ${w > 0 ? "→" : "←"}`;
    context.font = font(theme, 12, 500);
    context.fillStyle = theme.text;
    const half = context.measureText(text).width / 2;
    context.textAlign = "center";
    context.fillText(text, Math.min(Math.max(px, box.left + half), box.right - half), box.top - 8);
  } else {
    context.font = font(theme, 12, 500);
    context.fillStyle = theme.text;
    context.textAlign = "center";
    const on = (w * (xr.lo + xr.hi)) / 2 + b >= 0;
    const where = t === null ? "w1 = 0: no threshold" : `threshold ${withUnit(reading, fixed(t, 1))}, off the line`;
    context.fillText(`${where} · always ${on ? "on" : "off"}`, (box.left + box.right) / 2, box.top - 8);
  }
  // The probe, below the band.
  const probe = reading.probe[0] ?? 0;
  drawProbe(context, theme, Math.min(Math.max(x(probe), box.left), box.right), box.bottom);
  return (px) => [toData(px)];
}
