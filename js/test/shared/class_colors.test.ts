import { describe, expect, it } from "vitest";
import {
  argmaxLuts,
  argmaxToRgba,
  classColor,
  classOfLabel,
  confidence,
  confidenceColor,
  pointColors,
  probabilityLut,
} from "../../src/shared/class_colors";
import { CLASS_COLORS, mixColors, parseHexColor, PLAYGROUND_COLORS, valueColor } from "../../src/shared/colors";
import { MAP_LUT, ORIGINAL_MAP_ALPHA } from "../../src/shared/map_colors";

const pixel = (lut: Uint8ClampedArray, byte: number) => [...lut.subarray(byte * 4, byte * 4 + 4)];
const cell = (rgba: Uint8ClampedArray, k: number) => [...rgba.subarray(k * 4, k * 4 + 4)];
/** A colour as a map shows it: at the original's alpha over white, opaque. */
const faded = (rgb: readonly number[]) => [
  ...rgb.map((c) => Math.round(c * ORIGINAL_MAP_ALPHA + 255 * (1 - ORIGINAL_MAP_ALPHA))),
  255,
];
const NEUTRAL = parseHexColor(PLAYGROUND_COLORS.zero);
/** The byte the kernel sends for probability p (v = 2p - 1). */
const byteOf = (p: number) => Math.round(p * 255);

describe("class palette", () => {
  it("keeps the original's orange and blue for classes 0 and 1, then three more hues", () => {
    expect(CLASS_COLORS.slice(0, 2)).toEqual([PLAYGROUND_COLORS.negative, PLAYGROUND_COLORS.positive]);
    expect(new Set(CLASS_COLORS).size).toBe(5);
    expect(classColor(2)).toBe(CLASS_COLORS[2]);
  });

  it("mixes colours linearly, channels rounded", () => {
    expect(mixColors([0, 0, 0], [255, 100, 10], 0.5)).toEqual([128, 50, 5]);
    expect(mixColors([1, 2, 3], [9, 9, 9], 0)).toEqual([1, 2, 3]);
  });
});

describe("point colours", () => {
  it("reads ±1 labels as classes 0 and 1, class indices with more classes", () => {
    expect([-1, 1, 0.3, -0.2].map((label) => classOfLabel(label, 2))).toEqual([0, 1, 1, 0]);
    expect([0, 1, 2, 4].map((label) => classOfLabel(label, 5))).toEqual([0, 1, 2, 4]);
    // Thumbnails of two-class data sets keep ±1 labels: still orange and blue.
    expect([-1, 1].map((label) => classOfLabel(label, 3))).toEqual([0, 1]);
  });

  it("colours two classes as before: the diverging scale's ends", () => {
    const colorOf = pointColors({ problem: "classification", classes: 2 });
    const rgb = (css: string) => css.match(/\d+/g)?.map(Number);
    expect(parseHexColor(colorOf(-1))).toEqual(rgb(valueColor(-1)));
    expect(parseHexColor(colorOf(1))).toEqual(rgb(valueColor(1)));
  });

  it("colours classes by the palette and regression targets on the scale", () => {
    const classes = pointColors({ problem: "classification", classes: 3 });
    expect([0, 1, 2].map(classes)).toEqual(CLASS_COLORS.slice(0, 3));
    const regression = pointColors({ problem: "regression", classes: 3 });
    expect(regression(0.25)).toBe(valueColor(0.25));
  });
});

describe("confidence colouring", () => {
  it("is 0 at chance, 1 when sure, clamped", () => {
    expect(confidence(1 / 3, 3)).toBeCloseTo(0);
    expect(confidence(1, 3)).toBe(1);
    expect(confidence(2 / 3, 3)).toBeCloseTo(0.5);
    expect(confidence(0.1, 3)).toBe(0);
  });

  it("goes from the neutral grey to the class' colour", () => {
    expect(confidenceColor(2, 0.25, 4)).toEqual(NEUTRAL);
    expect(confidenceColor(2, 1, 4)).toEqual(parseHexColor(CLASS_COLORS[2]));
  });

  it("with two classes, is exactly the original's faded map", () => {
    const [orange, blue] = argmaxLuts(2, false);
    for (let byte = 128; byte < 256; byte++) {
      expect(pixel(blue, byte)).toEqual(pixel(MAP_LUT, byte));
      expect(pixel(orange, byte)).toEqual(pixel(MAP_LUT, 255 - byte));
    }
  });
});

describe("argmaxToRgba", () => {
  // Three classes, four cells: class 0 sure, class 1 likeliest but unsure, class 2 sure, a tie.
  const maps = [
    [1, 0.2, 0, 0.4],
    [0, 0.5, 0, 0.4],
    [0, 0.3, 1, 0.2],
  ].flatMap((row) => row.map(byteOf));
  const luts = argmaxLuts(3, false);

  it("paints each cell in its likeliest class' colour, paler when less sure, ties to the lower class", () => {
    const rgba = argmaxToRgba(new Uint8Array(maps), 3, luts, new Uint8ClampedArray(16));
    expect(cell(rgba, 0)).toEqual(faded(parseHexColor(CLASS_COLORS[0])));
    expect(cell(rgba, 2)).toEqual(faded(parseHexColor(CLASS_COLORS[2])));
    expect(cell(rgba, 1)).toEqual(pixel(luts[1], byteOf(0.5)));
    expect(cell(rgba, 3)).toEqual(pixel(luts[0], byteOf(0.4)));
    // Paler: nearer the faded grey than the full colour is.
    const grey = faded(NEUTRAL);
    const distance = (a: number[], b: number[]) => a.reduce((sum, v, c) => sum + Math.abs(v - b[c]), 0);
    expect(distance(cell(rgba, 1), grey)).toBeLessThan(distance(faded(parseHexColor(CLASS_COLORS[1])), grey));
  });

  it("unfaded, as the Sweep draws its cells, a sure cell is the class' own colour", () => {
    const rgba = argmaxToRgba(new Uint8Array(maps), 3, argmaxLuts(3, false, false), new Uint8ClampedArray(16));
    expect(cell(rgba, 2).slice(0, 3)).toEqual(parseHexColor(CLASS_COLORS[2]));
    expect(cell(rgba, 0).slice(0, 3)).toEqual(parseHexColor(CLASS_COLORS[0]));
  });

  it("paints the full colour when discretized", () => {
    const rgba = argmaxToRgba(new Uint8Array(maps), 3, argmaxLuts(3, true), new Uint8ClampedArray(16));
    expect(cell(rgba, 1)).toEqual(faded(parseHexColor(CLASS_COLORS[1])));
  });

  it("reads only the DataView's own bytes and refuses a size that does not fit", () => {
    const buffer = new Uint8Array([9, 9, ...maps, 9]).buffer;
    const view = new DataView(buffer, 2, maps.length);
    const expected = argmaxToRgba(new Uint8Array(maps), 3, luts, new Uint8ClampedArray(16));
    expect([...argmaxToRgba(view, 3, luts, new Uint8ClampedArray(16))]).toEqual([...expected]);
    expect(() => argmaxToRgba(new Uint8Array(10), 3, luts, new Uint8ClampedArray(16))).toThrow(/3 maps/);
  });
});

describe("an output neuron's probability map", () => {
  it("runs from grey at p = 0 to its class' colour at p = 1", () => {
    expect(pixel(probabilityLut(3, false), 0)).toEqual(faded(NEUTRAL));
    expect(pixel(probabilityLut(3, false), 255)).toEqual(faded(parseHexColor(CLASS_COLORS[3])));
  });

  it("discretizes at p = 1/2, as every map at v = 0", () => {
    const lut = probabilityLut(2, true);
    expect(pixel(lut, 127)).toEqual(faded(NEUTRAL));
    expect(pixel(lut, 128)).toEqual(faded(parseHexColor(CLASS_COLORS[2])));
  });
});
