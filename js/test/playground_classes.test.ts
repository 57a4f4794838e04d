import { describe, expect, it } from "vitest";
import { CLASS_COLORS, mixColors, parseHexColor, PLAYGROUND_COLORS } from "../src/colors";
import {
  argmaxLuts,
  argmaxToRgba,
  classColor,
  classOfLabel,
  confidence,
  confidenceColor,
  pointColors,
  probabilityLut,
} from "../src/playground/class_colors";
import { unavailableReason } from "../src/playground/datasets";
import { drawChoices } from "../src/playground/draw_choices";
import { valueColor } from "../src/playground/link_style";
import { MAP_LUT, ORIGINAL_MAP_ALPHA } from "../src/playground/map_colors";
import { onPlane, toCanvas, toPlane } from "../src/playground/plane";
import { DATASETS, MULTICLASS_DATASETS } from "../src/playground/protocol";
import { layerSizes, parameterCount } from "../src/playground/weights";

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

describe("the plane on a canvas", () => {
  it("puts x1 = -6 left, x2 = +6 on top", () => {
    expect(toCanvas(-6, 6, 240)).toEqual({ x: 0, y: 0 });
    expect(toCanvas(6, -6, 240)).toEqual({ x: 240, y: 240 });
    expect(toCanvas(0, 0, 240)).toEqual({ x: 120, y: 120 });
    expect(toCanvas(3, 3, 240)).toEqual({ x: 180, y: 60 });
  });

  it("maps a click in CSS pixels back to the plane, whatever the device pixel ratio", () => {
    // A 268 px box (the canvas holds 536 device pixels at DPR 2): the click is in CSS pixels.
    const { x1, x2 } = toPlane(201, 67, 268, 268);
    expect(x1).toBeCloseTo(3);
    expect(x2).toBeCloseTo(3);
    for (const [a, b] of [[-5.5, 2], [0, 0], [4.25, -6]]) {
      const at = toCanvas(a, b, 300);
      const back = toPlane(at.x, at.y, 300, 300);
      expect(back.x1).toBeCloseTo(a);
      expect(back.x2).toBeCloseTo(b);
    }
  });

  it("clamps clicks on the edge to the plane and knows what lies on it", () => {
    expect(toPlane(-1, 301, 300, 300)).toEqual({ x1: -6, x2: -6 });
    expect(onPlane(6, -6)).toBe(true);
    expect(onPlane(6.01, 0)).toBe(false);
  });
});

describe("choosable data sets", () => {
  const classification = (classes: number) => ({ problem: "classification" as const, classes });

  it("offers every data set with two classes, and for regression", () => {
    for (const name of DATASETS.classification) expect(unavailableReason(name, classification(2))).toBeNull();
    for (const name of DATASETS.regression) {
      expect(unavailableReason(name, { problem: "regression", classes: 4 })).toBeNull();
    }
  });

  it("offers only the multi-class ones with more classes, saying why not the others", () => {
    const choosable = DATASETS.classification.filter((name) => unavailableReason(name, classification(3)) === null);
    expect(choosable).toEqual([...MULTICLASS_DATASETS]);
    expect(unavailableReason("circle", classification(4))).toMatch(/Circle has two classes/);
  });
});

describe("draw choices", () => {
  it("offers ±1 in orange and blue for two classes", () => {
    expect(drawChoices({ problem: "classification", classes: 2 })).toEqual([
      { label: -1, name: "class -1", color: PLAYGROUND_COLORS.negative },
      { label: 1, name: "class +1", color: PLAYGROUND_COLORS.positive },
    ]);
  });

  it("offers each class index with more, and targets along the scale for regression", () => {
    expect(drawChoices({ problem: "classification", classes: 4 }).map((c) => c.label)).toEqual([0, 1, 2, 3]);
    expect(drawChoices({ problem: "classification", classes: 4 })[3].color).toBe(CLASS_COLORS[3]);
    const targets = drawChoices({ problem: "regression", classes: 4 });
    expect(targets.map((c) => c.label)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(targets[0].color).toBe(valueColor(-1));
  });
});

describe("weights with one output per class", () => {
  it("sizes the last layer by the classes", () => {
    expect(layerSizes(2, [4], 3)).toEqual([2, 4, 3]);
    expect(parameterCount(layerSizes(2, [4], 3))).toBe(3 * 4 + 5 * 3);
  });
});
