import { describe, expect, it } from "vitest";
import spec from "../../../nnwidgets/spec.json";
import { DATASET_TITLES } from "../../src/playground/datasets";
import {
  type Activation,
  ACTIVATIONS,
  CONTROLS,
  DATASETS,
  type Feature,
  FEATURES,
  LEARNING_RATES,
  MULTICLASS_DATASETS,
  PLANE,
  type Problem,
  PROBLEMS,
  type Regularization,
  REGULARIZATIONS,
  UI_LIMITS,
} from "../../src/shared/spec";

// Every member of each literal type, once: tsc refuses a missing or unknown key, and the tests
// below compare them with spec.json, so the types and the file cannot drift apart.
const EVERY_FEATURE: Record<Feature, true> = {
  x1: true,
  x2: true,
  "x1^2": true,
  "x2^2": true,
  "x1*x2": true,
  "sin(x1)": true,
  "sin(x2)": true,
};
const EVERY_PROBLEM: Record<Problem, true> = { classification: true, regression: true };
const EVERY_ACTIVATION: Record<Activation, true> = { relu: true, tanh: true, sigmoid: true, linear: true };
const EVERY_REGULARIZATION: Record<Exclude<Regularization, null>, true> = { l1: true, l2: true };

describe("spec.json and its types", () => {
  it("lists exactly the features, problems, activations and regularizations the types name", () => {
    expect([...FEATURES].sort()).toEqual(Object.keys(EVERY_FEATURE).sort());
    expect([...PROBLEMS].sort()).toEqual(Object.keys(EVERY_PROBLEM).sort());
    expect([...ACTIVATIONS].sort()).toEqual(Object.keys(EVERY_ACTIVATION).sort());
    expect(REGULARIZATIONS.filter((r) => r !== null).sort()).toEqual(Object.keys(EVERY_REGULARIZATION).sort());
    expect(REGULARIZATIONS).toContain(null);
  });

  it("gives the front end the file's values, in its order", () => {
    expect(FEATURES).toEqual(spec.features);
    expect(LEARNING_RATES).toEqual(spec.learning_rates);
    expect(DATASETS).toEqual(spec.datasets);
    expect(PLANE).toBe(spec.plane);
    expect(UI_LIMITS).toEqual(spec.ui_limits);
  });

  it("has data sets for every problem, a title for each, and multi-class ones among them", () => {
    expect(Object.keys(DATASETS).sort()).toEqual([...PROBLEMS].sort());
    for (const name of Object.values(DATASETS).flat()) expect(DATASET_TITLES[name]).toBeDefined();
    for (const name of MULTICLASS_DATASETS) expect(DATASETS.classification).toContain(name);
  });

  it("names every feature as a control, each control once", () => {
    for (const feature of FEATURES) expect(CONTROLS).toContain(feature);
    expect(new Set(CONTROLS).size).toBe(CONTROLS.length);
  });
});
