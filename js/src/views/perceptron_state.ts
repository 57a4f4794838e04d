// The Perceptron's synced state, and one reading of it: every value a repaint or a text needs,
// taken from the model at once, with the defaults the view falls back on.

import type { AnyModel } from "@anywidget/types";
import { type Binary, readBytes, readFloat32 } from "../shared/binary";
import { type Activation, isActivation, netInput } from "./perceptron_maths";
import type { Extent } from "./scales";

export interface PerceptronState {
  inputs: number;
  weights: number[];
  bias: number;
  activation: string;
  probe: number[];
  feature_names: string[];
  unit: string;
  classes: string[];
  ranges: number[][];
  weight_limit: number;
  bias_limit: number;
  size: number;
  _points: Binary;
  _labels: Binary;
}

export type PerceptronModel = AnyModel<PerceptronState>;

/** The plot's range of an input the kernel did not give one for. */
const DEFAULT_RANGE: Extent = { lo: -6, hi: 6 };

export interface Reading {
  inputs: 1 | 2;
  activation: Activation;
  weights: number[];
  bias: number;
  probe: number[];
  /** Each input's plotted range. */
  ranges: Extent[];
  /** `inputs` floats per point. */
  points: Float32Array;
  /** Each point's true class, 0 or 1. */
  labels: Uint8Array;
  /** Points with both coordinates and a label. */
  count: number;
  weightLimit: number;
  biasLimit: number;
  unit: string;
  featureNames: string[];
  classNames: string[];
}

export function inputsOf(model: PerceptronModel): 1 | 2 {
  return model.get("inputs") === 2 ? 2 : 1;
}

export function readPerceptron(model: PerceptronModel): Reading {
  const inputs = inputsOf(model);
  const name = model.get("activation");
  const points = readFloat32(model.get("_points"));
  const labels = readBytes(model.get("_labels"));
  const ranges = [0, 1].slice(0, inputs).map((k): Extent => {
    const r = model.get("ranges")?.[k];
    return r && r.length === 2 && r[1] > r[0] ? { lo: r[0], hi: r[1] } : DEFAULT_RANGE;
  });
  return {
    inputs,
    activation: isActivation(name) ? name : "step",
    weights: model.get("weights") ?? [],
    bias: model.get("bias") ?? 0,
    probe: model.get("probe") ?? [],
    ranges,
    points,
    labels,
    count: Math.min(Math.floor(points.length / inputs), labels.length),
    weightLimit: model.get("weight_limit"),
    biasLimit: model.get("bias_limit"),
    unit: model.get("unit") ?? "",
    featureNames: model.get("feature_names") ?? [],
    classNames: model.get("classes") ?? [],
  };
}

/** Point k's net input z = w·x + b. */
export function zOf(reading: Reading, k: number): number {
  const { inputs, points, weights, bias } = reading;
  return netInput(weights, bias, points.subarray(k * inputs, (k + 1) * inputs));
}

/** The probe's net input. */
export function probeZ(reading: Reading): number {
  return netInput(reading.weights, reading.bias, reading.probe);
}
