// Pure maths for the views' axes and colours: data extents, "nice" tick values, linear scales,
// number labels, and the class palettes. No DOM, so vitest checks every value.

import { PLAYGROUND_COLORS } from "../shared/colors";

export interface Extent {
  lo: number;
  hi: number;
}

/** The finite minimum and maximum of `values` (every `stride`-th from `offset`); null if none. */
export function extent(values: ArrayLike<number>, stride = 1, offset = 0): Extent | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = offset; k < values.length; k += stride) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** An extent widened by `fraction` of its span each side; a single value gets a unit span. */
export function padExtent(range: Extent | null, fraction = 0.05): Extent {
  if (!range) return { lo: 0, hi: 1 };
  const span = range.hi - range.lo;
  if (span === 0) {
    const pad = Math.abs(range.lo) * 0.5 || 0.5;
    return { lo: range.lo - pad, hi: range.hi + pad };
  }
  return { lo: range.lo - span * fraction, hi: range.hi + span * fraction };
}

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** Tick values inside [lo, hi], multiples of a nice step, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(hi - lo, count);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(cleanFloat(k * step));
  return ticks;
}

/** Integer ticks (epochs) in [lo, hi]: nice steps of at least 1. */
export function integerTicks(lo: number, hi: number, count = 5): number[] {
  const step = Math.max(1, niceStep(hi - lo, count));
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(Math.round(t));
  return ticks;
}

function cleanFloat(value: number): number {
  return Number(value.toPrecision(12));
}

/** Maps [from.lo, from.hi] linearly onto [to0, to1] (to0 > to1 for a y axis). */
export function linearScale(from: Extent, to0: number, to1: number): (value: number) => number {
  const span = from.hi - from.lo;
  return (value) => (span === 0 ? (to0 + to1) / 2 : to0 + ((value - from.lo) / span) * (to1 - to0));
}

/** A tick or value label: short, no float noise ("0.25", "1.2e-5", "12,000"). */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const size = Math.abs(value);
  if (size >= 1e5 || size < 1e-3) return value.toExponential(1).replace("e+", "e");
  if (size >= 1000) return Math.round(value).toLocaleString("en-US");
  return String(Number(value.toPrecision(3)));
}

/** A figure as a chart shows its last value: four significant digits. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e5 || size < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function formatSeconds(seconds: number): string {
  if (!(seconds >= 0)) return "";
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.floor(seconds % 60);
  return `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** Tableau 10, then its light companions: distinguishable classes, in a fixed order. */
export const CATEGORICAL = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
];

/** Colours of `count` classes: two classes in the Playground's orange (first) and blue. */
export function classColors(count: number): string[] {
  if (count <= 2) return [PLAYGROUND_COLORS.negative, PLAYGROUND_COLORS.positive].slice(0, Math.max(count, 1));
  return Array.from({ length: count }, (_, k) => CATEGORICAL[k % CATEGORICAL.length]);
}
