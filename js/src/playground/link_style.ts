// How a weight looks as a link: the Playground's colour of its value, and a width growing with
// its size from 1 px at 0 to 10 px at |w| ≥ 5 (the original's d3 scale, clamped).

import { divergingColor } from "../colors";

const MAX_WEIGHT = 5;
const MIN_WIDTH = 1;
const MAX_WIDTH = 10;

export function linkWidth(weight: number): number {
  const size = Math.min(Math.abs(weight), MAX_WEIGHT);
  if (Number.isNaN(size)) return MIN_WIDTH;
  return MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * size) / MAX_WEIGHT;
}

/** The CSS colour of a value; 256 steps over [-1, 1] are more than the eye tells apart. */
export function valueColor(value: number): string {
  const v = Number.isNaN(value) ? 0 : Math.min(1, Math.max(-1, value));
  return COLORS[Math.round((v + 1) * 127.5)];
}

const COLORS = Array.from({ length: 256 }, (_, step) => {
  const [r, g, b] = divergingColor(step / 127.5 - 1);
  return `rgb(${r},${g},${b})`;
});

/** Width as an attribute string, in tenths of a pixel so unchanged widths compare equal. */
export function linkWidthAttr(weight: number): string {
  return (Math.round(linkWidth(weight) * 10) / 10).toString();
}
