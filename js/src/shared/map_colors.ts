// Colour tables for maps. The original paints maps at alpha 160/255 over a white page, so its
// decision regions are pastel and the saturated data points stand out on them; `fadeLut` bakes
// that in (opaque, so it looks the same on a dark theme). `discretizeLut` is the "Discretize
// output" checkbox: every value takes the colour of its sign (byte ≥ 128, i.e. v ≥ 0, is blue).

import { PLAYGROUND_LUT } from "./colors";

export const ORIGINAL_MAP_ALPHA = 160 / 255;

export function fadeLut(lut: Uint8ClampedArray, alpha = ORIGINAL_MAP_ALPHA, background = [255, 255, 255]) {
  const faded = new Uint8ClampedArray(lut.length);
  for (let k = 0; k < lut.length; k += 4) {
    for (let c = 0; c < 3; c++) faded[k + c] = Math.round(lut[k + c] * alpha + background[c] * (1 - alpha));
    faded[k + 3] = 255;
  }
  return faded;
}

/** The byte at which values count as positive: 128 stands for +0.004, 127 for -0.004. */
export const ZERO_BYTE = 128;

export function discretizeLut(lut: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(lut.length);
  for (let byte = 0; byte < 256; byte++) {
    const from = byte >= ZERO_BYTE ? 255 : 0;
    out.set(lut.subarray(from * 4, from * 4 + 4), byte * 4);
  }
  return out;
}

export const MAP_LUT = fadeLut(PLAYGROUND_LUT);
export const DISCRETE_MAP_LUT = discretizeLut(MAP_LUT);

export function mapLut(discretize: boolean): Uint8ClampedArray {
  return discretize ? DISCRETE_MAP_LUT : MAP_LUT;
}
