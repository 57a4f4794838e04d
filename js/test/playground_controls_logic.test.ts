import { describe, expect, it } from "vitest";
import { mapToRgba, PLAYGROUND_LUT } from "../src/colors";
import { DISCRETE_MAP_LUT, discretizeLut, fadeLut, MAP_LUT, mapLut } from "../src/playground/map_colors";
import { numericMenu, textMenu } from "../src/playground/menu_options";
import { addLayer, changeNeurons, removeLayer, toggleFeature } from "../src/playground/shape_edits";

const pixel = (lut: Uint8ClampedArray, byte: number) => [...lut.subarray(byte * 4, byte * 4 + 4)];

describe("discretising a map", () => {
  it("colours bytes below 128 as -1 and from 128 on as +1", () => {
    const map = new Uint8Array([0, 100, 127, 128, 200, 255]);
    const rgba = mapToRgba(map, discretizeLut(PLAYGROUND_LUT));
    const orange = pixel(PLAYGROUND_LUT, 0);
    const blue = pixel(PLAYGROUND_LUT, 255);
    const cells = [0, 1, 2, 3, 4, 5].map((k) => [...rgba.subarray(k * 4, k * 4 + 4)]);
    expect(cells).toEqual([orange, orange, orange, blue, blue, blue]);
  });

  it("is what the checkbox picks", () => {
    expect(mapLut(true)).toBe(DISCRETE_MAP_LUT);
    expect(mapLut(false)).toBe(MAP_LUT);
  });
});

describe("fadeLut", () => {
  it("paints like the original's alpha 160 over white, opaque", () => {
    // #0877bd at 160/255 over white: 8→100, 119→170, 189→214
    expect(pixel(MAP_LUT, 255)).toEqual([100, 170, 214, 255]);
    expect(pixel(fadeLut(PLAYGROUND_LUT, 1), 0)).toEqual(pixel(PLAYGROUND_LUT, 0));
  });
});

describe("menus", () => {
  it("add a value Python set that the original's menu lacks, in order", () => {
    expect(numericMenu([0.1, 0.3, 1], 0.5)).toEqual([0.1, 0.3, 0.5, 1]);
    expect(numericMenu([0.1, 0.3], 0.3)).toEqual([0.1, 0.3]);
    expect(textMenu(["relu", "tanh"], "tanh")).toEqual(["relu", "tanh"]);
    expect(textMenu<string>(["relu", "tanh"], "elu")).toEqual(["relu", "tanh", "elu"]);
  });
});

describe("shape edits", () => {
  it("toggles a feature, keeping FEATURES order", () => {
    expect(toggleFeature(["x1", "x2"], "x1^2")).toEqual(["x1", "x2", "x1^2"]);
    expect(toggleFeature(["x2", "sin(x1)"], "x1")).toEqual(["x1", "x2", "sin(x1)"]);
    expect(toggleFeature(["x1", "x2"], "x1")).toEqual(["x2"]);
  });

  it("refuses to switch off the last feature", () => {
    expect(toggleFeature(["x2"], "x2")).toBeNull();
  });

  it("adds layers of two neurons up to six, and removes the last", () => {
    expect(addLayer([4])).toEqual([4, 2]);
    expect(addLayer([1, 1, 1, 1, 1, 1])).toBeNull();
    expect(removeLayer([4, 2])).toEqual([4]);
    expect(removeLayer([])).toBeNull();
  });

  it("keeps 1 to 8 neurons per layer", () => {
    expect(changeNeurons([4, 2], 1, 1)).toEqual([4, 3]);
    expect(changeNeurons([8, 2], 0, 1)).toBeNull();
    expect(changeNeurons([1, 2], 0, -1)).toBeNull();
    expect(changeNeurons([4], 3, 1)).toBeNull();
  });
});
