// A chart of an activation function: frame, the z = 0 line and the curve. The ActivationGallery
// draws one per function, the Perceptron one beside its plot.

import { drawFrame, makeAxes, type Axes, type Box } from "./axes";
import type { Theme } from "./kit";
import { type Activation, curvePoints, curveRange } from "./perceptron_maths";
import { type Extent, niceTicks } from "./scales";

/** The accent the curves are drawn in: the Playground's blue, lighter on a dark theme. */
function curveColor(theme: Theme): string {
  return theme.dark ? "#3d9ad6" : "#0877bd";
}

/** A chart of f over `domain`: frame, the z = 0 line, the curve; returns its axes and box. */
export function drawActivationCurve(
  context: CanvasRenderingContext2D,
  theme: Theme,
  name: Activation,
  domain: Extent,
  box: Box,
  options: { labels?: { x?: string; y?: string }; color?: string; lineWidth?: number; ticks?: number } = {},
): Axes {
  const range = curveRange(name, domain);
  const axes = makeAxes(box, domain, range);
  const ticks = options.ticks ?? 5;
  drawFrame(context, theme, box, axes, niceTicks(domain.lo, domain.hi, ticks), niceTicks(range.lo, range.hi, 4), options.labels);
  context.save();
  context.beginPath();
  context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
  context.clip();
  // The axes through 0, a little stronger than the grid.
  context.strokeStyle = theme.strong;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(Math.round(axes.x(0)) + 0.5, box.top);
  context.lineTo(Math.round(axes.x(0)) + 0.5, box.bottom);
  if (range.lo < 0 && range.hi > 0) {
    context.moveTo(box.left, Math.round(axes.y(0)) + 0.5);
    context.lineTo(box.right, Math.round(axes.y(0)) + 0.5);
  }
  context.stroke();
  context.strokeStyle = options.color ?? curveColor(theme);
  context.lineWidth = options.lineWidth ?? 2.25;
  context.lineJoin = "round";
  context.beginPath();
  curvePoints(name, domain).forEach(([z, y], k) => {
    if (k === 0) context.moveTo(axes.x(z), axes.y(y));
    else context.lineTo(axes.x(z), axes.y(y));
  });
  context.stroke();
  context.restore();
  return axes;
}
