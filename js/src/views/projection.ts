// The 3-D scatter's maths: data normalised into the cube [-1, 1]³, turned by a yaw (about the
// vertical axis) and a pitch (tilting towards the viewer), and projected orthographically onto
// the screen. Pure functions: the view keeps its angles and draws what these return.

import type { Extent } from "./scales";

export interface Angles {
  yaw: number; // radians, about the data's third axis (drawn vertical)
  pitch: number; // radians, 0 looks at the cube side-on, π/2 from straight above
}

export const DEFAULT_ANGLES: Angles = { yaw: -0.6, pitch: 0.45 };
const PITCH_LIMIT = Math.PI / 2 - 0.01;

/**
 * Screen coordinates of a point of the cube: x to the right, y up, depth towards the viewer
 * (larger is nearer), all in [-√3, √3]. Axis 0 and 1 span the floor, axis 2 points up.
 */
export function rotate(p: readonly [number, number, number], angles: Angles): [number, number, number] {
  const [a, b, c] = p;
  const cy = Math.cos(angles.yaw);
  const sy = Math.sin(angles.yaw);
  const cp = Math.cos(angles.pitch);
  const sp = Math.sin(angles.pitch);
  // Yaw turns the floor (axes 0 and 1) about the vertical axis 2.
  const x = a * cy - b * sy;
  const toward = a * sy + b * cy; // away from the viewer before pitching
  // Pitch tilts the top of the cube towards the viewer.
  const y = c * cp + toward * sp;
  const depth = c * sp - toward * cp;
  return [x, y, depth];
}

/** A drag of (dx, dy) CSS pixels turns the view; the pitch stops short of the poles. */
export function dragAngles(angles: Angles, dx: number, dy: number, radiansPerPixel = 0.01): Angles {
  const pitch = Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, angles.pitch + dy * radiansPerPixel));
  return { yaw: angles.yaw + dx * radiansPerPixel, pitch };
}

/** Maps a value of `range` to [-1, 1]; a flat range maps to 0. */
export function normalizer(range: Extent): (value: number) => number {
  const span = range.hi - range.lo;
  return (value) => (span > 0 ? ((value - range.lo) / span) * 2 - 1 : 0);
}

export interface Projected {
  x: Float32Array; // screen x in CSS pixels
  y: Float32Array; // screen y in CSS pixels (down)
  depth: Float32Array; // larger is nearer
  order: Uint32Array; // point indices, farthest first (the order to paint)
}

/**
 * Projects rows of three values (`points`, flat) into a box of `size` CSS pixels centred at
 * (cx, cy): each axis normalised by its range into the cube, the cube's diagonal fitting the box.
 */
export function projectPoints(
  points: Float32Array,
  ranges: readonly [Extent, Extent, Extent],
  angles: Angles,
  cx: number,
  cy: number,
  size: number,
): Projected {
  const count = Math.floor(points.length / 3);
  const norms = ranges.map(normalizer);
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const depth = new Float32Array(count);
  const half = size / 2 / Math.sqrt(3);
  for (let k = 0; k < count; k++) {
    const [sx, sy, sd] = rotate(
      [norms[0](points[k * 3]), norms[1](points[k * 3 + 1]), norms[2](points[k * 3 + 2])],
      angles,
    );
    x[k] = cx + sx * half;
    y[k] = cy - sy * half;
    depth[k] = sd;
  }
  const order = Uint32Array.from({ length: count }, (_, k) => k).sort((i, j) => depth[i] - depth[j]);
  return { x, y, depth, order };
}

/** Screen position of one cube point, with the same fitting as projectPoints. */
export function projectCorner(
  p: readonly [number, number, number],
  angles: Angles,
  cx: number,
  cy: number,
  size: number,
): [number, number, number] {
  const half = size / 2 / Math.sqrt(3);
  const [sx, sy, sd] = rotate(p, angles);
  return [cx + sx * half, cy - sy * half, sd];
}

/** The cube's 12 edges as pairs of corners. */
export function cubeEdges(): [number, number, number][][] {
  const edges: [number, number, number][][] = [];
  const corners: [number, number, number][] = [];
  for (const a of [-1, 1]) for (const b of [-1, 1]) for (const c of [-1, 1]) corners.push([a, b, c]);
  for (let i = 0; i < corners.length; i++) {
    for (let j = i + 1; j < corners.length; j++) {
      const differing = corners[i].filter((v, axis) => v !== corners[j][axis]).length;
      if (differing === 1) edges.push([corners[i], corners[j]]);
    }
  }
  return edges;
}
