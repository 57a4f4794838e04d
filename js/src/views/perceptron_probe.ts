// The Perceptron's probe moved by keyboard, the path beside dragging it on the plot: arrows
// step it a fiftieth of the range (left/right along x₁, up/down along x₂, or x₁ with one
// input), Page Up/Down ten steps up/down, Home and End to the ends of x₁.

import type { Extent } from "./scales";

const STEPS = 50;
const PAGE = 10;

/** The probe after `key`, clamped to `ranges` and rounded as dragging rounds it; null: not ours. */
export function probeAfterKey(probe: readonly number[], ranges: readonly Extent[], key: string): number[] | null {
  if (ranges.length === 0) return null;
  const moved = ranges.map((_, k) => probe[k] ?? 0);
  const vertical = ranges.length > 1 ? 1 : 0;
  const step = (k: number, steps: number) => (moved[k] += (steps * (ranges[k].hi - ranges[k].lo)) / STEPS);
  switch (key) {
    case "ArrowRight": step(0, 1); break;
    case "ArrowLeft": step(0, -1); break;
    case "ArrowUp": step(vertical, 1); break;
    case "ArrowDown": step(vertical, -1); break;
    case "PageUp": step(vertical, PAGE); break;
    case "PageDown": step(vertical, -PAGE); break;
    case "Home": moved[0] = ranges[0].lo; break;
    case "End": moved[0] = ranges[0].hi; break;
    default: return null;
  }
  return moved.map((v, k) => Number(Math.min(Math.max(v, ranges[k].lo), ranges[k].hi).toFixed(2)));
}
