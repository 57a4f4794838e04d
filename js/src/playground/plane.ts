// The input plane [-6, 6]² and where its points fall on a square drawing of it: x1 to the right,
// x2 upwards, as the original draws maps, data and thumbnails.

import { PLANE } from "../shared/spec";

export const PLANE_EXTENT = PLANE;

/** Whether a point lies on the drawn plane (points outside it are left out, as in the original). */
export function onPlane(x1: number, x2: number): boolean {
  return Math.abs(x1) <= PLANE_EXTENT && Math.abs(x2) <= PLANE_EXTENT;
}

/** Where plane point (x1, x2) is drawn on a square of `side` pixels whose top-left is (0, 0). */
export function toCanvas(x1: number, x2: number, side: number): { x: number; y: number } {
  return {
    x: ((x1 + PLANE_EXTENT) / (2 * PLANE_EXTENT)) * side,
    y: ((PLANE_EXTENT - x2) / (2 * PLANE_EXTENT)) * side,
  };
}

/**
 * The plane point under (x, y) in a box of `width` × `height` showing the whole plane: pass CSS
 * pixels from the box's top-left (a pointer event's position less getBoundingClientRect), never
 * the canvas' device pixels. Clamped to the plane, for clicks on its very edge.
 */
export function toPlane(x: number, y: number, width: number, height: number): { x1: number; x2: number } {
  const clamp = (v: number) => Math.min(PLANE_EXTENT, Math.max(-PLANE_EXTENT, v));
  return {
    x1: clamp((x / width) * 2 * PLANE_EXTENT - PLANE_EXTENT),
    x2: clamp(PLANE_EXTENT - (y / height) * 2 * PLANE_EXTENT),
  };
}
