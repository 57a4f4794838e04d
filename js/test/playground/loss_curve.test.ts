import { describe, expect, it } from "vitest";
import { lossChartScale, lossPath, parseLossCurve, TEST, TRAIN } from "../../src/playground/loss_curve";

function curveView(rows: number[][]): DataView {
  const flat = new Float32Array(rows.flat());
  return new DataView(flat.buffer);
}

describe("parseLossCurve", () => {
  it("reads whole rows only", () => {
    const flat = new Float32Array([1, 0.5, 0.6, 2, 0.4]);
    expect([...parseLossCurve(new DataView(flat.buffer))]).toEqual([1, 0.5, 0.6].map(Math.fround));
  });
});

describe("lossChartScale", () => {
  const curve = parseLossCurve(curveView([[10, 0.5, 0.6], [20, 0.3, 0.4], [30, 0.2, 0.25]]));
  const scale = lossChartScale(curve, 100, 50);

  it("spans the epochs across the width", () => {
    expect(scale.x(10)).toBe(0);
    expect(scale.x(30)).toBe(100);
    expect(scale.x(20)).toBe(50);
  });

  it("spans the losses seen (both curves) over the height, high losses at the top", () => {
    expect(scale.y(0.6)).toBeCloseTo(0);
    expect(scale.y(0.2)).toBeCloseTo(50);
  });

  it("centres a single point and a flat curve", () => {
    const one = lossChartScale(parseLossCurve(curveView([[5, 0.3, 0.3]])), 100, 50);
    expect(one.x(5)).toBe(50);
    expect(one.y(0.3)).toBeCloseTo(25);
  });

  it("ignores non-finite losses (no test data, divergence)", () => {
    const withGaps = parseLossCurve(curveView([[1, 1, NaN], [2, 0.5, Infinity]]));
    const gapScale = lossChartScale(withGaps, 10, 10);
    expect(gapScale.y(1)).toBeCloseTo(0);
    expect(gapScale.y(0.5)).toBeCloseTo(10);
  });

  it("survives an empty curve", () => {
    const empty = lossChartScale(new Float32Array(0), 100, 50);
    expect(Number.isFinite(empty.y(0.5))).toBe(true);
  });
});

describe("lossPath", () => {
  it("draws one line per column", () => {
    const curve = parseLossCurve(curveView([[0, 1, 0.5], [10, 0.5, 0.5]]));
    const scale = lossChartScale(curve, 100, 10);
    expect(lossPath(curve, TRAIN, scale)).toBe("M0,0L100,10");
    expect(lossPath(curve, TEST, scale)).toBe("M0,10L100,10");
  });

  it("lifts the pen over missing values", () => {
    const curve = parseLossCurve(curveView([[0, 1, 0], [1, NaN, 0], [2, 0, 0], [3, 1, 0]]));
    const scale = lossChartScale(curve, 3, 1);
    expect(lossPath(curve, TRAIN, scale)).toBe("M0,0M2,1L3,0");
  });

  it("is empty without data", () => {
    expect(lossPath(new Float32Array(0), TRAIN, lossChartScale(new Float32Array(0), 1, 1))).toBe("");
  });
});
