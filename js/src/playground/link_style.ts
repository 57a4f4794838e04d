// How a weight looks as a link: its colour is valueColor's (shared/colors.ts); its width grows
// with its size from 1 px at 0 to 10 px at |w| ≥ 5 (the original's d3 scale, clamped).

const MAX_WEIGHT = 5;
const MIN_WIDTH = 1;
const MAX_WIDTH = 10;

export function linkWidth(weight: number): number {
  const size = Math.min(Math.abs(weight), MAX_WEIGHT);
  if (Number.isNaN(size)) return MIN_WIDTH;
  return MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * size) / MAX_WEIGHT;
}

/** Width as an attribute string, in tenths of a pixel so unchanged widths compare equal. */
export function linkWidthAttr(weight: number): string {
  return (Math.round(linkWidth(weight) * 10) / 10).toString();
}

// The dash pattern's period (stroke-dasharray 9 1 in styles.ts).
const FLOW_PERIOD = 10;
// Dashes flow at the original's 20 px a second, in steps: each step restyles, lays out and
// repaints every link (4-15 ms a frame for the largest network in JupyterLab, measured), so ten
// 2 px steps a second rather than one per drawn frame; above MANY_LINKS, five 4 px steps (the
// largest network, 384 links, drew 34 frames a second with ten steps and 43 with five; make bench).
const FLOW_PX_PER_S = 20;
const FLOW_STEP_PX = 2;
const MANY_LINKS = 200;

/** How far the dashes move at each step, in px, for a diagram of `links` links. */
export function flowStep(links: number): number {
  return links > MANY_LINKS ? 2 * FLOW_STEP_PX : FLOW_STEP_PX;
}

/** How far the dashes have flowed at time `now` (ms), moving `step` px at a time: whole steps, within one period. */
export function flowOffset(now: number, step: number = FLOW_STEP_PX): number {
  const steps = Math.floor((now / 1000) * (FLOW_PX_PER_S / step));
  return (steps * step) % FLOW_PERIOD;
}
