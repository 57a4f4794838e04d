import { describe, expect, it } from "vitest";
import {
  bandColor, bandOf, contourLevels, type Extent, inside, surfacePixels, toCanvas, visiblePath,
} from "../../src/views/loss_surface_maths";

describe("loss surface maths", () => {
  it("spaces contour levels in log between the lowest and highest value", () => {
    const levels = contourLevels([0.01, 1, 100, NaN], 3);
    expect(levels).toHaveLength(3);
    expect(levels[0]).toBeCloseTo(0.1, 6);
    expect(levels[1]).toBeCloseTo(1, 6);
    expect(levels[2]).toBeCloseTo(10, 6);
    expect(contourLevels([2, 2, 2])).toEqual([]);
  });

  it("puts each value in the band of the levels below it", () => {
    expect(bandOf(0.05, [0.1, 1, 10])).toBe(0);
    expect(bandOf(5, [0.1, 1, 10])).toBe(2);
    expect(bandOf(50, [0.1, 1, 10])).toBe(3);
  });

  it("colours low loss light and high loss dark", () => {
    const light = bandColor(0, 10).reduce((a, b) => a + b);
    const dark = bandColor(10, 10).reduce((a, b) => a + b);
    expect(light).toBeGreaterThan(600);
    expect(dark).toBeLessThan(250);
  });

  it("darkens the pixels where the band changes: the contours", () => {
    // 3×3, left column low, the rest high: the edge runs down the left column.
    const values = [0.1, 5, 5, 0.1, 5, 5, 0.1, 5, 5];
    const pixels = surfacePixels(values, 3, [1]);
    const red = (k: number) => pixels[k * 4];
    expect(pixels[3]).toBe(255);
    expect(red(0)).toBeLessThan(bandColor(0, 1)[0]); // an edge pixel
    expect(red(2)).toBe(bandColor(1, 1)[0]); // inside the high band
  });

  it("maps weights to the canvas with w2 upwards, and finds where a path flies off", () => {
    const extent: Extent = [-1, 1, -2, 2];
    const box = { left: 10, top: 20, size: 100 };
    expect(toCanvas(extent, box, [-1, 2])).toEqual([10, 20]);
    expect(toCanvas(extent, box, [1, -2])).toEqual([110, 120]);
    expect(inside(extent, [0, 0])).toBe(true);
    expect(inside(extent, [1.5, 0])).toBe(false);
    const path = [[0, 0], [0.5, 1], [-3, -5], [40, 60]];
    expect(visiblePath(extent, path)).toEqual({ points: [[0, 0], [0.5, 1], [-3, -5]], flewOff: true });
    expect(visiblePath(extent, path.slice(0, 2)).flewOff).toBe(false);
  });
});
