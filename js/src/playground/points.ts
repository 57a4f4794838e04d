// Data points as the kernel sends them: float32 rows [x1, x2, label].

import { type Binary, readFloat32 } from "../shared/binary";

/** Flat rows [x1, x2, label, x1, x2, label, ...]. */
export type PointRows = Float32Array;

export interface DataPoints {
  train: PointRows;
  test: PointRows;
}

/** `_points` split into training rows (the first `trainCount`) and test rows. */
export function parsePoints(view: Binary | null | undefined, trainCount: number): DataPoints {
  const all = readFloat32(view);
  const rows = Math.floor(all.length / 3);
  const split = Math.max(0, Math.min(rows, Math.floor(trainCount))) * 3;
  return { train: all.subarray(0, split), test: all.subarray(split, rows * 3) };
}

/**
 * `_thumbnails` as one set of rows per dataset name, in the order given; null when the byte
 * count does not match (the problem type changed and new thumbnails are on their way).
 */
export function parseThumbnails(
  view: Binary | null | undefined,
  names: readonly string[],
  pointsEach: number,
): Map<string, PointRows> | null {
  const all = readFloat32(view);
  const size = pointsEach * 3;
  if (names.length === 0 || size <= 0 || all.length !== names.length * size) return null;
  return new Map(names.map((name, k) => [name, all.subarray(k * size, (k + 1) * size)]));
}
