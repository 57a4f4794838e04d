// The links' shape, as the original's d3 "diagonal": a cubic curve leaving the source's right
// edge and entering the target's left edge horizontally. A neuron's incoming links fan out
// over 12 px of its left edge, so they stay apart where they arrive.

import { NODE_SIZE } from "./layout";

export interface LinkEnds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const FAN = 12;
/** Node borders are drawn outside the map square; links touch the border, not the map. */
const BORDER = 2;

/** Ends of link number `index` of `count` entering the node centred at (tx, ty). */
export function linkEnds(
  source: { cx: number; cy: number },
  target: { cx: number; cy: number },
  index: number,
  count: number,
): LinkEnds {
  const spread = count > 0 ? ((index - (count - 1) / 2) / count) * FAN : 0;
  return {
    x0: source.cx + NODE_SIZE / 2 + BORDER,
    y0: source.cy,
    x1: target.cx - NODE_SIZE / 2 - BORDER,
    y1: target.cy + spread,
  };
}

/** SVG path data: control points half-way across, at each end's height. */
export function linkPath({ x0, y0, x1, y1 }: LinkEnds): string {
  const xm = r(x0 + (x1 - x0) / 2);
  return `M${r(x0)},${r(y0)}C${xm},${r(y0)} ${xm},${r(y1)} ${r(x1)},${r(y1)}`;
}

/** The point half-way along the curve (t = 0.5), where a tooltip can point. */
export function linkMidpoint({ x0, y0, x1, y1 }: LinkEnds): { x: number; y: number } {
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
