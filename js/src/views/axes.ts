// Drawing a chart's frame on canvas: grid lines, tick labels and axis titles, in theme colours.

import { type Extent, formatTick, linearScale } from "./scales";
import { font, type Theme } from "./kit";

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Axes {
  x: (value: number) => number;
  y: (value: number) => number;
}

export function makeAxes(box: Box, xRange: Extent, yRange: Extent): Axes {
  return { x: linearScale(xRange, box.left, box.right), y: linearScale(yRange, box.bottom, box.top) };
}

export function drawFrame(
  context: CanvasRenderingContext2D,
  theme: Theme,
  box: Box,
  axes: Axes,
  xTicks: number[],
  yTicks: number[],
  labels: { x?: string; y?: string } = {},
): void {
  context.save();
  context.lineWidth = 1;
  context.strokeStyle = theme.line;
  context.beginPath();
  for (const t of yTicks) {
    const y = Math.round(axes.y(t)) + 0.5;
    context.moveTo(box.left, y);
    context.lineTo(box.right, y);
  }
  for (const t of xTicks) {
    const x = Math.round(axes.x(t)) + 0.5;
    context.moveTo(x, box.top);
    context.lineTo(x, box.bottom);
  }
  context.stroke();
  context.strokeStyle = theme.strong;
  context.strokeRect(box.left + 0.5, box.top + 0.5, box.right - box.left - 1, box.bottom - box.top - 1);
  context.fillStyle = theme.label;
  context.font = font(theme, 10);
  context.textAlign = "right";
  context.textBaseline = "middle";
  for (const t of yTicks) context.fillText(formatTick(t), box.left - 4, axes.y(t));
  context.textAlign = "center";
  context.textBaseline = "top";
  for (const t of xTicks) context.fillText(formatTick(t), axes.x(t), box.bottom + 3);
  context.font = font(theme, 11);
  context.fillStyle = theme.soft;
  if (labels.x) {
    context.textBaseline = "top";
    context.fillText(labels.x, (box.left + box.right) / 2, box.bottom + 15);
  }
  if (labels.y) {
    context.translate(11, (box.top + box.bottom) / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = "middle";
    context.fillText(labels.y, 0, 0);
  }
  context.restore();
}
