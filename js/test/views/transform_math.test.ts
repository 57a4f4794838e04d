import { describe, expect, it } from "vitest";
import { DEFAULT_ANGLES, projectCorner } from "../../src/views/projection";
import {
  ease,
  fitOf,
  interpolateInto,
  lineInSquare,
  mixFit,
  padTo3,
  project2Into,
  project3Into,
  stageSpan,
} from "../../src/views/transform_math";

describe("transform interpolation", () => {
  it("eases from 0 to 1 symmetrically, clamped", () => {
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
    expect(ease(0.5)).toBeCloseTo(0.5);
    expect(ease(0.25) + ease(0.75)).toBeCloseTo(1);
    expect(ease(-1)).toBe(0);
    expect(ease(2)).toBe(1);
  });

  it("pads 2-D and 1-D stages with zeros to rows of 3", () => {
    const out = new Float32Array(6);
    padTo3([1, 2, 3, 4], 2, 2, out);
    expect(Array.from(out)).toEqual([1, 2, 0, 3, 4, 0]);
    padTo3([5, 6], 1, 2, out);
    expect(Array.from(out)).toEqual([5, 0, 0, 6, 0, 0]);
  });

  it("interpolates linearly into a reused buffer", () => {
    const a = new Float32Array([0, 0, 0, 1, 1, 1]);
    const b = new Float32Array([2, 4, 6, 1, 3, -1]);
    const out = new Float32Array(6);
    interpolateInto(out, a, b, 0.5);
    expect(Array.from(out)).toEqual([1, 2, 3, 1, 2, 0]);
    interpolateInto(out, a, b, 0);
    expect(Array.from(out)).toEqual(Array.from(a));
  });

  it("splits a stage position into two stages and an eased fraction", () => {
    expect(stageSpan(2, 7)).toEqual({ from: 2, to: 3, t: 0 });
    const mid = stageSpan(2.5, 7);
    expect([mid.from, mid.to]).toEqual([2, 3]);
    expect(mid.t).toBeCloseTo(0.5);
    expect(stageSpan(6, 7)).toEqual({ from: 6, to: 6, t: 0 });
    expect(stageSpan(9, 7)).toEqual({ from: 6, to: 6, t: 0 });
    expect(stageSpan(0, 1)).toEqual({ from: 0, to: 0, t: 0 });
  });

  it("fits one scale to every axis and glides it geometrically", () => {
    const fit = fitOf(new Float32Array([-1, 0, 0, 3, 1, 0]), 2, 0);
    expect(fit).toEqual({ cx: 1, cy: 0.5, cz: 0, half: 2 });
    const out = { cx: 0, cy: 0, cz: 0, half: 0 };
    mixFit({ cx: 0, cy: 0, cz: 0, half: 1 }, { cx: 2, cy: 4, cz: 0, half: 100 }, 0.5, out);
    expect(out.cx).toBe(1);
    expect(out.cy).toBe(2);
    expect(out.half).toBeCloseTo(10);
  });
});

describe("transform projection", () => {
  it("maps the 2-D fit's square onto the drawing square, y up", () => {
    const xs = new Float32Array(2);
    const ys = new Float32Array(2);
    const fit = { cx: 0, cy: 0, cz: 0, half: 2 };
    project2Into(new Float32Array([2, 2, 0, -2, 0, 0]), 2, fit, 100, 100, 200, xs, ys);
    expect(Array.from(xs)).toEqual([200, 0]);
    expect(Array.from(ys)).toEqual([0, 100]);
  });

  it("agrees with projection.ts for points of the cube", () => {
    const fit = { cx: 1, cy: 1, cz: 1, half: 2 };
    const xs = new Float32Array(1);
    const ys = new Float32Array(1);
    const depth = new Float32Array(1);
    for (const corner of [
      [1, -1, 1],
      [-1, -1, -1],
      [0.5, 0.2, -0.7],
    ] as [number, number, number][]) {
      const point = new Float32Array(corner.map((v) => 1 + v * 2));
      project3Into(point, 1, fit, DEFAULT_ANGLES, 150, 120, 300, xs, ys, depth);
      const [x, y, d] = projectCorner(corner, DEFAULT_ANGLES, 150, 120, 300);
      expect(xs[0]).toBeCloseTo(x, 4);
      expect(ys[0]).toBeCloseTo(y, 4);
      expect(depth[0]).toBeCloseTo(d, 5);
    }
  });

  it("clips the decision line to the view's square", () => {
    // x + y = 0 through a square of half-width 1 at the origin: corner to corner.
    const segment = lineInSquare([1, 1], 0, 0, 0, 1);
    expect(segment).not.toBeNull();
    const [x0, y0, x1, y1] = segment!;
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(2 * Math.SQRT2);
    expect(x0 + y0).toBeCloseTo(0);
    expect(lineInSquare([1, 0], -5, 0, 0, 1)).toBeNull(); // x = 5 misses it
    const vertical = lineInSquare([2, 0], -1, 0, 0, 1)!; // x = 0.5
    expect(vertical[0]).toBeCloseTo(0.5);
    expect(vertical[2]).toBeCloseTo(0.5);
  });
});
