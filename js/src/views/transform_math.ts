// The TransformView's maths, pure and allocation-free per frame: easing, interpolation between
// two stages (each held as rows of 3 values, a 2-D or 1-D stage padded with zeros), the view's
// scale (one scale for every axis, so shears and rotations look like what they are), and the
// 3-D projection into preallocated screen buffers.

import type { Angles } from "./projection";

/** Smooth start and stop: cubic ease-in-out of t in [0, 1]. */
export function ease(t: number): number {
  const u = Math.max(0, Math.min(1, t));
  return u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2;
}

/**
 * Rows of `dims` values (flat) as rows of 3, the missing axes zero: a 2-D stage is the plane
 * z = 0 of the 3-D space, a 1-D stage the x axis. Writes into `out` (length ≥ count × 3).
 */
export function padTo3(values: ArrayLike<number>, dims: number, count: number, out: Float32Array): Float32Array {
  for (let k = 0; k < count; k++) {
    for (let axis = 0; axis < 3; axis++) out[k * 3 + axis] = axis < dims ? values[k * dims + axis] : 0;
  }
  return out;
}

/** out = a + (b - a)·t, elementwise over the first `length` values. */
export function interpolateInto(out: Float32Array, a: Float32Array, b: Float32Array, t: number, length = out.length): void {
  for (let k = 0; k < length; k++) out[k] = a[k] + (b[k] - a[k]) * t;
}

/** A view's fit: the centre of each axis and one half-width for all of them. */
export interface Fit {
  cx: number;
  cy: number;
  cz: number;
  half: number;
}

/** The fit around rows of 3 (`count` of them): their bounding box's centre, its largest half-span, padded. */
export function fitOf(points: Float32Array, count: number, pad = 0.08): Fit {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < count; k++) {
    for (let axis = 0; axis < 3; axis++) {
      const v = points[k * 3 + axis];
      if (!Number.isFinite(v)) continue;
      if (v < lo[axis]) lo[axis] = v;
      if (v > hi[axis]) hi[axis] = v;
    }
  }
  const centre = [0, 0, 0];
  let half = 0;
  for (let axis = 0; axis < 3; axis++) {
    if (!(lo[axis] <= hi[axis])) continue;
    centre[axis] = (lo[axis] + hi[axis]) / 2;
    half = Math.max(half, (hi[axis] - lo[axis]) / 2);
  }
  half = half > 0 ? half * (1 + pad) : 1;
  return { cx: centre[0], cy: centre[1], cz: centre[2], half };
}

/** Fits between two stages: each value interpolated by t (the axes glide with the points). */
export function mixFit(a: Fit, b: Fit, t: number, out: Fit): Fit {
  out.cx = a.cx + (b.cx - a.cx) * t;
  out.cy = a.cy + (b.cy - a.cy) * t;
  out.cz = a.cz + (b.cz - a.cz) * t;
  // Geometric, so that a zoom by 100× takes as long on each decade.
  out.half = a.half > 0 && b.half > 0 ? a.half * (b.half / a.half) ** t : a.half + (b.half - a.half) * t;
  return out;
}

/** Screen positions in 2-D: the fit's square filling `size` CSS pixels centred at (ox, oy). */
export function project2Into(
  points: Float32Array,
  count: number,
  fit: Fit,
  ox: number,
  oy: number,
  size: number,
  outX: Float32Array,
  outY: Float32Array,
): void {
  const scale = size / 2 / fit.half;
  for (let k = 0; k < count; k++) {
    outX[k] = ox + (points[k * 3] - fit.cx) * scale;
    outY[k] = oy - (points[k * 3 + 1] - fit.cy) * scale;
  }
}

/**
 * Screen positions in 3-D: each point relative to the fit's centre over its half-width (the
 * cube [-1, 1]³), turned by `angles` as projection.ts turns it, orthographically projected so
 * that the cube's diagonal fits `size`. Depth (larger is nearer) into `outDepth`.
 */
export function project3Into(
  points: Float32Array,
  count: number,
  fit: Fit,
  angles: Angles,
  ox: number,
  oy: number,
  size: number,
  outX: Float32Array,
  outY: Float32Array,
  outDepth: Float32Array | null = null,
): void {
  const cyaw = Math.cos(angles.yaw);
  const syaw = Math.sin(angles.yaw);
  const cp = Math.cos(angles.pitch);
  const sp = Math.sin(angles.pitch);
  const half = size / 2 / Math.sqrt(3);
  const inv = 1 / fit.half;
  for (let k = 0; k < count; k++) {
    const a = (points[k * 3] - fit.cx) * inv;
    const b = (points[k * 3 + 1] - fit.cy) * inv;
    const c = (points[k * 3 + 2] - fit.cz) * inv;
    const x = a * cyaw - b * syaw;
    const toward = a * syaw + b * cyaw;
    outX[k] = ox + x * half;
    outY[k] = oy - (c * cp + toward * sp) * half;
    if (outDepth) outDepth[k] = c * sp - toward * cp;
  }
}

/**
 * Where a stage position (a float: 2.25 is a quarter of the way from stage 2 to 3) lies: the
 * two stages and the eased fraction between them.
 */
export function stageSpan(position: number, stages: number): { from: number; to: number; t: number } {
  const last = Math.max(0, stages - 1);
  const p = Math.max(0, Math.min(last, position));
  const from = Math.min(Math.floor(p), last);
  const to = Math.min(from + 1, last);
  return { from, to, t: to === from ? 0 : ease(p - from) };
}

/** The segment of the line w·p + b = 0 inside the square centred at (cx, cy) of half-width `half`; null if it misses. */
export function lineInSquare(
  w: readonly number[],
  b: number,
  cx: number,
  cy: number,
  half: number,
): [number, number, number, number] | null {
  const [w0, w1] = [w[0] ?? 0, w[1] ?? 0];
  const hits: [number, number][] = [];
  const lo = [cx - half, cy - half];
  const hi = [cx + half, cy + half];
  if (w1 !== 0) {
    for (const x of [lo[0], hi[0]]) {
      const y = -(w0 * x + b) / w1;
      if (y >= lo[1] && y <= hi[1]) hits.push([x, y]);
    }
  }
  if (w0 !== 0) {
    for (const y of [lo[1], hi[1]]) {
      const x = -(w1 * y + b) / w0;
      if (x >= lo[0] && x <= hi[0]) hits.push([x, y]);
    }
  }
  if (hits.length < 2) return null;
  let best: [number, number, number, number] = [hits[0][0], hits[0][1], hits[1][0], hits[1][1]];
  let longest = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = (hits[i][0] - hits[j][0]) ** 2 + (hits[i][1] - hits[j][1]) ** 2;
      if (d > longest) {
        longest = d;
        best = [hits[i][0], hits[i][1], hits[j][0], hits[j][1]];
      }
    }
  }
  return best;
}
