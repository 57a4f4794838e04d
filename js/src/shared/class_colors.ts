// Colours of classes. Data points take their class' colour. With more than two classes the
// output view paints each cell in the colour of its likeliest class, paler as that class is less
// sure: grey where its probability is 1/classes (the net cannot tell), full colour at 1. With two
// classes that rule is the original's diverging scale: the likelier class has p = (1 + |v|) / 2.

import { buildColorLut, CLASS_COLORS, mixColors, parseHexColor, PLAYGROUND_COLORS, type Rgb, valueColor } from "./colors";
import { discretizeLut, fadeLut } from "./map_colors";

const NEUTRAL = parseHexColor(PLAYGROUND_COLORS.zero);
const CLASS_RGB = CLASS_COLORS.map(parseHexColor);

/** The CSS colour of class `k` (the palette repeats past its five colours). */
export function classColor(k: number): string {
  return CLASS_COLORS[k % CLASS_COLORS.length];
}

function classRgb(k: number): Rgb {
  return CLASS_RGB[k % CLASS_RGB.length];
}

/** A point's class: with two classes labels are ±1 (class 1 if positive), else class indices. */
export function classOfLabel(label: number, classes: number): number {
  if (classes <= 2) return label > 0 ? 1 : 0;
  return Math.min(classes - 1, Math.max(0, Math.round(label)));
}

/** How points are coloured: regression targets on the diverging scale, else by class. */
export function pointColors(state: { problem: string; classes: number }): (label: number) => string {
  if (state.problem === "regression") return valueColor;
  return (label) => classColor(classOfLabel(label, state.classes));
}

/** How sure a cell whose likeliest class has probability `p` is: 0 at p = 1/classes, 1 at p = 1. */
export function confidence(p: number, classes: number): number {
  const chance = 1 / classes;
  return Math.min(1, Math.max(0, (p - chance) / (1 - chance)));
}

/** The colour of a cell whose likeliest class is `k`, with probability `p`, before fading. */
export function confidenceColor(k: number, p: number, classes: number): Rgb {
  return mixColors(NEUTRAL, classRgb(k), confidence(p, classes));
}

/** A byte of a probability map stands for v = 2p - 1, so p = byte / 255. */
const probabilityOf = (value: number) => (value + 1) / 2;

const cache = new Map<string, Uint8ClampedArray>();
function cached(key: string, build: () => Uint8ClampedArray): Uint8ClampedArray {
  let lut = cache.get(key);
  if (!lut) cache.set(key, (lut = build()));
  return lut;
}

/**
 * For each class, the RGBA table from the byte of its probability (when it is the likeliest) to
 * the output view's colour, faded as every map is (unless `faded` is false, as the Sweep's small
 * maps are drawn). Discretized: the class' full colour.
 */
export function argmaxLuts(classes: number, discretize: boolean, faded = true): Uint8ClampedArray[] {
  return Array.from({ length: classes }, (_, k) =>
    cached(`argmax ${classes} ${k} ${discretize} ${faded}`, () => {
      const lut = buildColorLut((value) => confidenceColor(k, discretize ? 1 : probabilityOf(value), classes));
      return faded ? fadeLut(lut) : lut;
    }),
  );
}

/**
 * The RGBA table of one class' probability map (an output neuron's): grey at p = 0 to the class'
 * colour at p = 1. Discretized like every map at v = 0: full colour where p ≥ 1/2.
 */
export function probabilityLut(k: number, discretize: boolean): Uint8ClampedArray {
  const lut = cached(`probability ${k}`, () =>
    fadeLut(buildColorLut((value) => mixColors(NEUTRAL, classRgb(k), probabilityOf(value)))),
  );
  return discretize ? cached(`probability ${k} discrete`, () => discretizeLut(lut)) : lut;
}

/**
 * Turns `classes` probability maps (back to back, one byte per cell, as `_output_map` holds them)
 * into one map's RGBA pixels, each cell coloured by `luts[k]` of its likeliest class k (the lowest
 * on ties). `maps` may be a view into a larger buffer: only its own bytes are read.
 */
export function argmaxToRgba(
  maps: ArrayBufferView,
  classes: number,
  luts: readonly Uint8ClampedArray[],
  out: Uint8ClampedArray,
): Uint8ClampedArray {
  const bytes = new Uint8Array(maps.buffer, maps.byteOffset, maps.byteLength);
  const cells = bytes.length / classes;
  if (!Number.isInteger(cells) || out.length !== cells * 4 || luts.length < classes) {
    throw new Error(`${bytes.length} bytes are not ${classes} maps of ${out.length / 4} cells`);
  }
  // Whole pixels as 32-bit words, as mapToRgba copies them.
  const words = luts.map((lut) => new Uint32Array(lut.buffer, lut.byteOffset, 256));
  const outWords = new Uint32Array(out.buffer, out.byteOffset, cells);
  for (let i = 0; i < cells; i++) {
    let best = 0;
    let top = bytes[i];
    for (let k = 1; k < classes; k++) {
      const byte = bytes[k * cells + i];
      if (byte > top) {
        top = byte;
        best = k;
      }
    }
    outWords[i] = words[best][top];
  }
  return out;
}
