import { describe, expect, it } from "vitest";
import { mapToRgba, PLAYGROUND_LUT } from "../../src/shared/colors";
import { DISCRETE_MAP_LUT, discretizeLut, fadeLut, MAP_LUT, mapLut } from "../../src/shared/map_colors";

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
