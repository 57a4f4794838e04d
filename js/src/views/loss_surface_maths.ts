// The LossSurface's maths, apart from the DOM: contour levels, the heatmap's pixels with its
// contour lines, weights to canvas positions, and where a path leaves the box.

/** [w1 lo, w1 hi, w2 lo, w2 hi], as the kernel sends it. */
export type Extent = readonly [number, number, number, number];

export interface Box {
  left: number;
  top: number;
  size: number;
}

/** `count` contour levels spaced evenly in log between the surface's lowest and highest value. */
export function contourLevels(values: ArrayLike<number>, count = 12): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return [];
  const floor = Math.max(lo, 1e-12);
  const a = Math.log(floor);
  const b = Math.log(hi);
  // Levels near the bottom crowd where the valley is, as on a map.
  return Array.from({ length: count }, (_, k) => Math.exp(a + ((b - a) * (k + 1)) / (count + 1)));
}

/** How many levels lie below `value`: the band it falls in. */
export function bandOf(value: number, levels: readonly number[]): number {
  let band = 0;
  while (band < levels.length && value > levels[band]) band++;
  return band;
}

/** A light (low loss) to dark (high loss) colour for band `band` of `bands`, as [r, g, b]. */
export function bandColor(band: number, bands: number): [number, number, number] {
  const t = bands > 0 ? band / bands : 0;
  // From a pale yellow through orange to a deep purple: low is bright, the valley shows.
  const stops: [number, number, number][] = [
    [255, 250, 220],
    [253, 190, 110],
    [230, 110, 80],
    [150, 50, 110],
    [60, 20, 90],
  ];
  const x = t * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f)) as [number, number, number];
}

/**
 * RGBA pixels of the surface, `resolution` per side (row 0 the largest w₂): each sample coloured
 * by its band, and a darker pixel where the band changes to the right or below: the contours.
 */
export function surfacePixels(values: ArrayLike<number>, resolution: number, levels: readonly number[]): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(resolution * resolution * 4);
  const bands = new Int32Array(resolution * resolution);
  for (let k = 0; k < bands.length; k++) bands[k] = bandOf(values[k], levels);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const k = row * resolution + col;
      const band = bands[k];
      const edge =
        (col + 1 < resolution && bands[k + 1] !== band) || (row + 1 < resolution && bands[k + resolution] !== band);
      const [r, g, b] = bandColor(band, levels.length);
      const shade = edge ? 0.72 : 1;
      pixels.set([r * shade, g * shade, b * shade, 255], k * 4);
    }
  }
  return pixels;
}

/** Weights (w₁, w₂) to a canvas position in `box` (w₂ upwards). */
export function toCanvas(extent: Extent, box: Box, w: readonly number[]): [number, number] {
  const x = box.left + ((w[0] - extent[0]) / (extent[1] - extent[0])) * box.size;
  const y = box.top + ((extent[3] - w[1]) / (extent[3] - extent[2])) * box.size;
  return [x, y];
}

/** Whether weights lie inside the extent. */
export function inside(extent: Extent, w: readonly number[]): boolean {
  return w[0] >= extent[0] && w[0] <= extent[1] && w[1] >= extent[2] && w[1] <= extent[3];
}

/**
 * The part of a path to draw: its points up to the first one outside the box, and whether it
 * left the box (it flew off); that last point is kept so the line runs to the edge.
 */
export function visiblePath(extent: Extent, path: readonly (readonly number[])[]): { points: number[][]; flewOff: boolean } {
  const points: number[][] = [];
  for (const w of path) {
    points.push([w[0], w[1]]);
    if (!inside(extent, w)) return { points, flewOff: true };
  }
  return { points, flewOff: false };
}
