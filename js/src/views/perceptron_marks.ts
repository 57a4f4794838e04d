// What the Perceptron's plots draw alike: the colours of the two classes and of the output under
// the points, a point (filled by its predicted class, ringed by its true one) and the probe ◆.

import { divergingColor, PLAYGROUND_COLORS } from "../shared/colors";
import type { Theme } from "./kit";

/** Class 0 orange, class 1 blue: the Playground's colours of -1 and +1. */
export const CLASS_COLORS = [PLAYGROUND_COLORS.negative, PLAYGROUND_COLORS.positive];
/** The background is the output's colour at this strength, so that the points stand out. */
const BACKGROUND_STRENGTH = 0.6;

/** Where a pointer at (px, py) on a plot lies in the data: one value per input. */
export type ToData = (px: number, py: number) => number[];

/** The background's colour for an output shade in [-1, 1]. */
export function backgroundRgb(shade: number): readonly [number, number, number] {
  return divergingColor(shade * BACKGROUND_STRENGTH);
}

export function backgroundColor(shade: number): string {
  const [r, g, b] = backgroundRgb(shade);
  return `rgb(${r}, ${g}, ${b})`;
}

export function drawPoint(context: CanvasRenderingContext2D, x: number, y: number, predicted: number, truth: number): void {
  context.beginPath();
  context.arc(x, y, 5.5, 0, 2 * Math.PI);
  context.fillStyle = CLASS_COLORS[predicted];
  context.fill();
  context.lineWidth = 2.2;
  context.strokeStyle = CLASS_COLORS[truth];
  context.stroke();
  context.beginPath();
  context.arc(x, y, 6.8, 0, 2 * Math.PI);
  context.lineWidth = 1;
  context.strokeStyle = "rgba(255, 255, 255, 0.9)";
  context.stroke();
}

export function drawProbe(context: CanvasRenderingContext2D, theme: Theme, x: number, y: number): void {
  context.save();
  context.beginPath();
  context.moveTo(x, y - 7);
  context.lineTo(x + 7, y);
  context.lineTo(x, y + 7);
  context.lineTo(x - 7, y);
  context.closePath();
  context.fillStyle = theme.surface;
  context.fill();
  context.lineWidth = 2;
  context.strokeStyle = theme.text;
  context.stroke();
  context.restore();
}
