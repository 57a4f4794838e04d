import { describe, expect, it } from "vitest";
import {
  backwardFormula,
  derivative,
  forwardFormula,
  gradientLayers,
  lossFormula,
  nearestPoint,
  num,
  stepAt,
  stepCount,
  type TraceData,
} from "../../src/playground/trace_math";

// pg.trace(0) of Playground(dataset="xor", hidden=[2], seed=1), rounded to 4 decimals.
const trace: TraceData = {
  index: 0, point: [2.8296, -4.4826], target: -1, features: ["x1", "x2"], activation: "tanh",
  output_activation: "tanh", z: [[2.8296, -4.4826], [-0.2399, -1.8574], [-0.4125]],
  a: [[2.8296, -4.4826], [-0.2354, -0.9524], [-0.3906]], loss: 0.1857,
  dE_da: [[0.0252, 0.0335], [0.1021, 0.2526], [0.6094]], dE_dz: [[0.0252, 0.0335], [0.0965, 0.0235], [0.5164]],
  dE_dW: [[[0.273, 0.0664], [-0.4325, -0.1052]], [[-0.1216], [-0.4918]]], dE_db: [[0.0965, 0.0235], [0.5164]],
  W: [[[0.2428, 0.0774], [0.2291, 0.4855]], [[0.1978], [0.4892]]], b: [[0.1, 0.1], [0.1]],
  delta_W: [[[-0.0082, -0.002], [0.013, 0.0032]], [[0.0036], [0.0148]]], delta_b: [[-0.0029, -0.0007], [-0.0155]],
  learning_rate: 0.03,
}; // prettier-ignore

describe("steps", () => {
  it("go forward through every node layer, then backward down to the first hidden one", () => {
    expect(stepCount(trace)).toBe(5);
    const steps = Array.from({ length: 5 }, (_, k) => stepAt(trace, k));
    expect(steps.map((s) => `${s.direction[0]}${s.layer}`)).toEqual(["f0", "f1", "f2", "b2", "b1"]);
  });
});

describe("formulas", () => {
  it("fill a node's weighted sum and activation with its numbers", () => {
    expect(forwardFormula(trace, 1, 0)).toBe("z = 0.243·2.83 + 0.229·(−4.48) + 0.1 = −0.24, a = tanh(z) = −0.235");
    expect(forwardFormula(trace, 0, 1)).toBe("x2 = −4.48");
  });
  it("write negative weights and biases as subtractions", () => {
    const negative = { ...trace, W: [[[-0.5, 0], [0.25, 0]], trace.W[1]], b: [[-0.1, 0.1], [0.1]] };
    expect(forwardFormula(negative, 1, 0)).toMatch(/^z = −0\.5·2\.83 \+ 0\.25·\(−4\.48\) − 0\.1 = /);
  });
  it("explain the output's error and each hidden node's share of it", () => {
    expect(backwardFormula(trace, 2, 0)).toBe(
      "∂E/∂a = a − target = −0.391 − (−1) = 0.609, ∂E/∂z = ∂E/∂a · f′(z) = 0.609 · 0.847 = 0.516",
    );
    expect(backwardFormula(trace, 1, 1)).toMatch(/^∂E\/∂a = Σ w·∂E\/∂z = 0\.489·0\.516 = 0\.253, ∂E\/∂z = /);
    expect(lossFormula(trace)).toBe("E = ½(output − target)² = ½(−0.391 − (−1))² = 0.186");
  });
  it("give softmax outputs' gradient as probability minus the target's indicator", () => {
    const classes = { ...trace, output_activation: "softmax", target: 0, a: [...trace.a.slice(0, 2), [0.3]] };
    expect(backwardFormula(classes, 2, 0)).toBe("∂E/∂z = a − [class = target] = 0.3 − 1 = 0.516");
  });
  it("take activation slopes as the kernel does", () => {
    expect(derivative("tanh", 0.5, 0.5)).toBe(0.75);
    expect(derivative("relu", 0, 0)).toBe(0);
    expect(derivative("relu", 2, 2)).toBe(1);
    expect(derivative("sigmoid", 0, 0.5)).toBe(0.25);
    expect(num(-0.00012345)).toBe("−0.000123");
  });
});

describe("gradientLayers", () => {
  it("scale each reached layer so its largest gradient is widest, and leave the others at 0", () => {
    const [first, second] = gradientLayers(trace, 2);
    expect(Array.from(first.W)).toEqual([0, 0, 0, 0]);
    expect(second.b[0]).toBeCloseTo(5);
    expect(second.W[1]).toBeCloseTo((-0.4918 / 0.5164) * 5);
    const all = gradientLayers(trace, 1);
    expect(all[0].W[2]).toBeCloseTo(-5);
    expect(all[0].inputs).toBe(2);
    expect(all[0].outputs).toBe(2);
  });
});

describe("nearestPoint", () => {
  it("finds the training point nearest a click", () => {
    const rows = new Float32Array([0, 0, 1, 3, 3, -1, -2, 1, 1]);
    expect(nearestPoint(rows, 2.5, 2)).toBe(1);
    expect(nearestPoint(rows, -1.9, 0.8)).toBe(2);
    expect(nearestPoint(new Float32Array(), 0, 0)).toBeNull();
  });
});
