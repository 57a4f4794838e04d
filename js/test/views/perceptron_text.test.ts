import { describe, expect, it } from "vitest";
import type { Reading } from "../../src/views/perceptron_state";
import {
  axisName,
  className,
  correctCount,
  curveLabel,
  formulaOf,
  mainLabel,
  operatingText,
  scoreText,
  titleDetail,
} from "../../src/views/perceptron_text";

/** One input (height in cm), threshold at 150: w = 0.1, b = -15. */
const oneInput = (changes: Partial<Reading> = {}): Reading => ({
  inputs: 1,
  activation: "step",
  weights: [0.1],
  bias: -15,
  probe: [160],
  ranges: [{ lo: 100, hi: 200 }],
  points: new Float32Array([120, 140, 160, 180]),
  labels: new Uint8Array([0, 1, 1, 1]),
  count: 4,
  weightLimit: 1,
  biasLimit: 20,
  unit: "cm",
  featureNames: ["height"],
  classNames: ["child", "adult"],
  ...changes,
});

const twoInputs = (changes: Partial<Reading> = {}): Reading =>
  oneInput({
    inputs: 2,
    weights: [1, -1],
    bias: 0,
    probe: [1, 2],
    ranges: [{ lo: -6, hi: 6 }, { lo: -6, hi: 6 }],
    points: new Float32Array([2, 1, 1, 2]),
    labels: new Uint8Array([1, 1]),
    count: 2,
    unit: "",
    featureNames: ["x1", "x2"],
    classNames: [],
    ...changes,
  });

describe("the Perceptron in words", () => {
  it("names inputs by their variable, and by their own name when they have one", () => {
    expect(axisName(oneInput(), 0)).toMatch(/= height$/);
    expect(axisName(twoInputs(), 1)).not.toContain("=");
    expect(titleDetail(oneInput())).toMatch(/^ · 1 input: .+ = height \(cm\)$/);
    expect(titleDetail(twoInputs())).toMatch(/^ · 2 inputs: /);
  });

  it("calls classes by the kernel's names, a bare number as 'class n'", () => {
    expect(className(oneInput(), 1)).toBe("adult");
    expect(className(twoInputs(), 0)).toBe("class 0");
  });

  it("says where the probe is, its z and y, and its class", () => {
    expect(operatingText(oneInput())).toBe("at x = 160.0 cm: z = w·x + b = 1.00, y = f(z) = 1.000 → adult");
    expect(operatingText(twoInputs())).toMatch(/^at x = \(1\.00, 2\.00\): z = w·x \+ b = −1\.00, .* → class 0$/);
  });

  it("counts the points on their class's side, and says of which boundary", () => {
    expect(correctCount(oneInput())).toBe(3); // 140 cm is an adult left of the threshold
    expect(scoreText(oneInput(), 3)).toMatch(/^3 of 4 points on their class's side of the threshold x = 150\.0 cm · /);
    expect(correctCount(twoInputs())).toBe(1);
    expect(scoreText(oneInput({ weights: [0] }), 0)).toContain("no threshold (w1 = 0)");
    expect(scoreText(twoInputs(), 1)).toContain("the line w·x + b = 0");
  });

  it("labels the plots for screen readers", () => {
    expect(mainLabel(oneInput())).toBe("Number line of height: threshold at 150.0 cm, on above it");
    expect(mainLabel(twoInputs())).toMatch(/^The plane of x₁ and x₂ with the boundary /);
    expect(curveLabel(oneInput())).toMatch(/curve y = f\(z\), the probe at z = 1\.00, y = 1\.000$/);
  });

  it("writes the formula with the weights and the bias", () => {
    const formula = formulaOf(oneInput());
    expect(formula).toContain("0.1");
    expect(formula).toContain("15");
  });
});
