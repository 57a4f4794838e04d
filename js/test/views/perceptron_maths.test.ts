import { describe, expect, it } from "vitest";
import {
  ACTIVATIONS, activate, boundarySegment, curveDomain, curvePoints, curveRange, decimalsFor, fixed, formulaText,
  netInput, predictedClass, shade, sliderBounds, sliderStep, stackLanes, threshold, variableNames,
} from "../../src/views/perceptron_maths";

describe("activations", () => {
  it("computes the five functions, step(0) = 1", () => {
    expect([-2, 0, 3].map((z) => activate("step", z))).toEqual([0, 1, 1]);
    expect(activate("sigmoid", 0)).toBe(0.5);
    expect(activate("sigmoid", 2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(activate("sigmoid", -2)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(activate("sigmoid", -1000)).toBe(0);
    expect(activate("sigmoid", 1000)).toBe(1);
    expect([-2, 0, 3].map((z) => activate("relu", z))).toEqual([0, 0, 3]);
    expect(activate("tanh", 0.5)).toBeCloseTo(Math.tanh(0.5), 12);
    expect(activate("linear", -7.5)).toBe(-7.5);
  });

  it("shades outputs into [-1, 1], the sign giving the side", () => {
    for (const name of ACTIVATIONS) {
      for (const z of [-50, -1, -0.01, 0.01, 1, 50]) {
        const v = shade(name, z);
        expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(Math.sign(v)).toBe(z > 0 ? 1 : -1);
      }
    }
    expect(shade("step", 0)).toBe(1);
    expect(shade("sigmoid", 1)).toBeCloseTo(Math.tanh(0.5), 12);
    expect(shade("relu", -3)).toBe(-0.25);
  });
});

describe("the perceptron", () => {
  it("has the lesson's threshold at 20 °C", () => {
    expect(threshold(0.5, -10)).toBe(20);
    expect(threshold(0, 3)).toBeNull();
    expect(netInput([0.5], -10, [25])).toBe(2.5);
    expect(predictedClass(netInput([0.5], -10, [20]))).toBe(1);
    expect(predictedClass(netInput([0.5], -10, [19.9]))).toBe(0);
  });

  it("clips the boundary line to the plot", () => {
    const box = { lo: -6, hi: 6 };
    expect(boundarySegment(1, 1, 0, box, box)).toEqual([-6, 6, 6, -6]);
    expect(boundarySegment(1, 0, -2, box, box)).toEqual([2, -6, 2, 6]);
    expect(boundarySegment(0, 2, 4, box, box)).toEqual([-6, -2, 6, -2]);
    expect(boundarySegment(1, 1, 20, box, box)).toBeNull();
    expect(boundarySegment(0, 0, 1, box, box)).toBeNull();
    const [x0, y0, x1, y1] = boundarySegment(1, 2, -1, box, box)!;
    for (const [x, y] of [[x0, y0], [x1, y1]]) expect(x + 2 * y - 1).toBeCloseTo(0, 9);
  });

  it("writes the formula with its numbers", () => {
    expect(formulaText("step", [0.5], -10, 2, 1)).toBe("y = step(0.50·x − 10.0)");
    expect(formulaText("sigmoid", [1, -0.5], 0.25, 2, 2)).toBe("y = sigmoid(1.00·x₁ − 0.50·x₂ + 0.25)");
    expect(formulaText("relu", [-1], 0, 2, 1)).toBe("y = ReLU(−1.00·x + 0.0)");
    expect(formulaText("linear", [2], 1, 1, 1)).toBe("y = 2.0·x + 1.0");
    expect(variableNames(2)).toEqual(["x₁", "x₂"]);
    expect(fixed(-10, 1)).toBe("−10.0");
    expect(fixed(-0.001, 2)).toBe("0.00");
  });

  it("picks slider steps and bounds", () => {
    expect(sliderStep(2)).toBe(0.01);
    expect(sliderStep(40)).toBe(0.2);
    expect(decimalsFor(0.01)).toBe(2);
    expect(decimalsFor(0.2)).toBe(1);
    expect(decimalsFor(5)).toBe(0);
    expect(sliderBounds(2, 0.5)).toEqual([-2, 2]);
    expect(sliderBounds(2, -3)).toEqual([-3, 3]);
  });
});

describe("curves", () => {
  it("spans the data's z and the known output range", () => {
    expect(curveDomain([1, -2])).toEqual({ lo: -4, hi: 4 });
    expect(curveDomain([10, NaN]).hi).toBeCloseTo(11, 9);
    const r = curveRange("sigmoid", { lo: -4, hi: 4 });
    expect(r.lo).toBeLessThan(0);
    expect(r.hi).toBeGreaterThan(1);
    expect(curveRange("linear", { lo: -5, hi: 5 }).hi).toBeGreaterThan(5);
  });

  it("draws the step's jump upright at 0", () => {
    const points = curvePoints("step", { lo: -1, hi: 1 }, 4);
    expect(points).toEqual([[-1, 0], [-0.5, 0], [0, 0], [0, 1], [0.5, 1], [1, 1]]);
    expect(curvePoints("tanh", { lo: -1, hi: 1 }, 10)).toHaveLength(11);
  });

  it("stacks dots on a number line into lanes", () => {
    expect(stackLanes([0, 5, 20, 24, 26], 10, 3)).toEqual([0, 1, 0, 1, 2]);
    expect(stackLanes([0, 1, 2, 3], 10, 2)).toEqual([0, 1, 0, 0]);
  });
});
