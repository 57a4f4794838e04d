import { describe, expect, it } from "vitest";
import {
  buildColorLut,
  dequantize,
  divergingColor,
  mapToRgba,
  PLAYGROUND_COLORS,
  PLAYGROUND_LUT,
  parseHexColor,
  valueColor,
} from "../../src/shared/colors";

const ORANGE = [245, 147, 34];
const GREY = [232, 234, 235];
const BLUE = [8, 119, 189];

describe("divergingColor", () => {
  it("gives the Playground's colours at -1, 0 and 1", () => {
    expect(divergingColor(-1)).toEqual(ORANGE);
    expect(divergingColor(0)).toEqual(GREY);
    expect(divergingColor(1)).toEqual(BLUE);
  });

  it("rounds midpoints as d3 v3 does (checked against d3 3.5.17)", () => {
    expect(divergingColor(-0.5)).toEqual([239, 191, 135]);
    expect(divergingColor(0.5)).toEqual([120, 177, 212]);
  });

  it("clamps values outside [-1, 1]", () => {
    expect(divergingColor(-3)).toEqual(ORANGE);
    expect(divergingColor(-Infinity)).toEqual(ORANGE);
    expect(divergingColor(1.0001)).toEqual(BLUE);
    expect(divergingColor(Infinity)).toEqual(BLUE);
  });

  it("moves each channel monotonically from one colour to the next on each half", () => {
    const segments = [
      { from: -1, to: 0, start: ORANGE, end: GREY },
      { from: 0, to: 1, start: GREY, end: BLUE },
    ];
    for (const { from, to, start, end } of segments) {
      const steps = 200;
      let previous = divergingColor(from);
      for (let i = 1; i <= steps; i++) {
        const color = divergingColor(from + ((to - from) * i) / steps);
        for (let c = 0; c < 3; c++) {
          const direction = Math.sign(end[c] - start[c]);
          expect((color[c] - previous[c]) * direction).toBeGreaterThanOrEqual(0);
        }
        previous = color;
      }
      expect(previous).toEqual(end);
    }
  });
});

describe("parseHexColor", () => {
  it("reads the palette and refuses other notations", () => {
    expect(parseHexColor(PLAYGROUND_COLORS.positive)).toEqual(BLUE);
    expect(parseHexColor("#F59322")).toEqual(ORANGE);
    expect(() => parseHexColor("rgb(1, 2, 3)")).toThrow(/#0877bd/);
  });
});

describe("color lookup table", () => {
  it("maps bytes back to [-1, 1] as the kernel quantised them", () => {
    expect(dequantize(0)).toBe(-1);
    expect(dequantize(255)).toBe(1);
    expect(dequantize(Math.round(((0.3 + 1) / 2) * 255))).toBeCloseTo(0.3, 2);
  });

  it("holds an opaque RGBA colour for each of the 256 bytes", () => {
    expect(PLAYGROUND_LUT).toHaveLength(1024);
    expect([...PLAYGROUND_LUT.subarray(0, 4)]).toEqual([...ORANGE, 255]);
    expect([...PLAYGROUND_LUT.subarray(255 * 4)]).toEqual([...BLUE, 255]);
    for (let byte = 0; byte < 256; byte++) {
      expect([...PLAYGROUND_LUT.subarray(byte * 4, byte * 4 + 3)]).toEqual(
        divergingColor(dequantize(byte)),
      );
      expect(PLAYGROUND_LUT[byte * 4 + 3]).toBe(255);
    }
  });

  it("takes any colour function", () => {
    const lut = buildColorLut((value) => (value < 0 ? [0, 0, 0] : [255, 255, 255]));
    expect([...lut.subarray(127 * 4, 129 * 4)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });
});

describe("mapToRgba", () => {
  // A 2×2 map, row-major: -1, 1 on top; about 0 and -0.5 below.
  const cells = [0, 255, 128, 64];
  const lutPixel = (byte: number) => [...PLAYGROUND_LUT.subarray(byte * 4, byte * 4 + 4)];
  const expected = cells.flatMap(lutPixel);

  it("turns each byte into its RGBA pixel", () => {
    expect(expected.slice(0, 8)).toEqual([...ORANGE, 255, ...BLUE, 255]);
    expect([...mapToRgba(new Uint8Array(cells))]).toEqual(expected);
  });

  it("reads only the DataView's own bytes when it starts inside a larger buffer", () => {
    const buffer = new Uint8Array([7, 7, 7, ...cells, 9]).buffer;
    const view = new DataView(buffer, 3, 4);
    expect([...mapToRgba(view)]).toEqual(expected);
  });

  it("writes into a given pixel array, such as ImageData.data", () => {
    const out = new Uint8ClampedArray(16);
    expect(mapToRgba(new Uint8Array(cells), PLAYGROUND_LUT, out)).toBe(out);
    expect([...out]).toEqual(expected);
    expect(() => mapToRgba(new Uint8Array(cells), PLAYGROUND_LUT, new Uint8ClampedArray(12))).toThrow(
      /12 bytes/,
    );
  });
});

describe("valueColor", () => {
  it("colours by sign: orange negative, grey zero, blue positive", () => {
    expect(valueColor(-1)).toBe("rgb(245,147,34)");
    expect(valueColor(1)).toBe("rgb(8,119,189)");
    expect(valueColor(-7)).toBe(valueColor(-1));
    expect(valueColor(0)).toBe(`rgb(${divergingColor(0).join(",")})`);
  });

  it("follows the Playground scale in between, to within a step of its table", () => {
    for (const value of [-0.77, -0.5, -0.1, 0.03, 0.5, 0.9]) {
      const shown = valueColor(value).match(/\d+/g)!.map(Number);
      const exact = divergingColor(value);
      shown.forEach((channel, c) => expect(Math.abs(channel - exact[c])).toBeLessThanOrEqual(2));
    }
  });
});
