// The TensorFlow Playground's diverging colour scale, and the conversion of quantised
// maps to RGBA pixels. Pure functions: no DOM, so vitest can check every byte.

export type Rgb = readonly [number, number, number];

/** The Playground's colours for -1 (orange), 0 (light grey) and +1 (blue). */
export const PLAYGROUND_COLORS = {
  negative: "#f59322",
  zero: "#e8eaeb",
  positive: "#0877bd",
} as const;

export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`expected a colour like "#0877bd", got ${JSON.stringify(hex)}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

const NEGATIVE = parseHexColor(PLAYGROUND_COLORS.negative);
const ZERO = parseHexColor(PLAYGROUND_COLORS.zero);
const POSITIVE = parseHexColor(PLAYGROUND_COLORS.positive);

/**
 * The colour of a value, exactly as the Playground's d3 v3 `scale.linear().domain([-1, 0, 1])
 * .range([orange, grey, blue]).clamp(true)` gives it: linear in RGB, channels rounded.
 */
export function divergingColor(value: number): Rgb {
  const v = Math.min(1, Math.max(-1, value));
  // Same segment choice and arithmetic as d3, so rounding ties land the same way; at exactly
  // 0 d3 takes the upper segment.
  return v < 0 ? mixColors(NEGATIVE, ZERO, v + 1) : mixColors(ZERO, POSITIVE, v);
}

/** Steps each side of zero: more than the eye tells apart, and zero itself is one of them. */
const HALF_STEPS = 127;

/** The CSS colour of a value, from a table so that unchanged colours compare equal cheaply. */
export function valueColor(value: number): string {
  const v = Number.isNaN(value) ? 0 : Math.min(1, Math.max(-1, value));
  return VALUE_COLORS[Math.round((v + 1) * HALF_STEPS)];
}

const VALUE_COLORS = Array.from({ length: 2 * HALF_STEPS + 1 }, (_, step) => {
  const [r, g, b] = divergingColor(step / HALF_STEPS - 1);
  return `rgb(${r},${g},${b})`;
});

/** The colour a fraction `t` of the way from `from` to `to`, linear in RGB, channels rounded. */
export function mixColors(from: Rgb, to: Rgb, t: number): Rgb {
  return [
    Math.round(from[0] + (to[0] - from[0]) * t),
    Math.round(from[1] + (to[1] - from[1]) * t),
    Math.round(from[2] + (to[2] - from[2]) * t),
  ];
}

/**
 * Colours of classes 0-4: the Playground's orange and blue for the original's two, then green,
 * reddish purple and wine (Okabe-Ito's and Paul Tol's), chosen so that all five stay apart, pale
 * or full, under protanopia, deuteranopia and tritanopia (Machado 2009 simulation, ΔE ≥ 8.7).
 */
export const CLASS_COLORS = [
  PLAYGROUND_COLORS.negative,
  PLAYGROUND_COLORS.positive,
  "#117733",
  "#cc79a7",
  "#882255",
] as const;

/** The value a quantised byte stands for: the kernel sends round((v + 1) / 2 * 255). */
export function dequantize(byte: number): number {
  return (byte / 255) * 2 - 1;
}

/** RGBA bytes for each of the 256 quantised values, opaque. */
export function buildColorLut(colorOf: (value: number) => Rgb = divergingColor): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let byte = 0; byte < 256; byte++) {
    lut.set([...colorOf(dequantize(byte)), 255], byte * 4);
  }
  return lut;
}

export const PLAYGROUND_LUT = buildColorLut();

/**
 * Turns a quantised map (one byte per cell, row-major, row 0 at the top) into RGBA pixels for
 * ImageData. `map` may be a view into a larger buffer, as binary traits arrive: only its own
 * bytes are read. Writes into `out` when given (its length must be 4 × the map's).
 */
export function mapToRgba(
  map: ArrayBufferView,
  lut: Uint8ClampedArray = PLAYGROUND_LUT,
  out: Uint8ClampedArray = new Uint8ClampedArray(map.byteLength * 4),
): Uint8ClampedArray {
  const bytes = new Uint8Array(map.buffer, map.byteOffset, map.byteLength);
  if (out.length !== bytes.length * 4) {
    throw new Error(`RGBA output holds ${out.length} bytes, the map needs ${bytes.length * 4}`);
  }
  // Copy whole pixels as 32-bit words: both views use the platform's byte order, so the
  // RGBA byte order of the table survives on any endianness.
  const lutWords = new Uint32Array(lut.buffer, lut.byteOffset, 256);
  const outWords = new Uint32Array(out.buffer, out.byteOffset, bytes.length);
  for (let i = 0; i < bytes.length; i++) outWords[i] = lutWords[bytes[i]];
  return out;
}
