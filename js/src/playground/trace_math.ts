// One example's trip through the network (the kernel's `pg.trace(i)`, sent as a "trace"
// message), as the step-through mode tells it: which layer each step shows, each node's formula
// with its numbers, and the gradients the links take in the backward view. No DOM here.

import type { PointRows } from "./points";
import type { Layer } from "./weights";

/** `Trace.as_dict()` of nnwidgets/widgets/playground/trace.py: node layers inputs first; weight
 * layer l joins node layer l to l + 1, W[l][i][j] from node i to node j. */
export interface TraceData {
  index: number; // among the training points
  point: [number, number];
  target: number; // ±1, a class index, or a regression target
  features: string[];
  activation: string;
  output_activation: string; // "tanh", "linear" or "softmax"
  z: number[][];
  a: number[][];
  loss: number;
  dE_da: number[][];
  dE_dz: number[][];
  dE_dW: number[][][];
  dE_db: number[][];
  W: number[][][];
  b: number[][];
  delta_W: number[][][];
  delta_b: number[][];
  learning_rate: number;
}

/** A step of the walk: forward through node layers 0..L, then backward from L down to 1. */
export interface TraceStep {
  direction: "forward" | "backward";
  layer: number; // node layer, 0 = inputs
}

/** Node layers after the inputs (weight layers). */
export function depth(trace: TraceData): number {
  return trace.W.length;
}

export function stepCount(trace: TraceData): number {
  return 2 * depth(trace) + 1;
}

export function stepAt(trace: TraceData, k: number): TraceStep {
  const L = depth(trace);
  return k <= L ? { direction: "forward", layer: k } : { direction: "backward", layer: 2 * L + 1 - k };
}

/** A number in a formula: three significant digits, a true minus sign. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(3))).replace("-", "−");
}

/** `num` in brackets when negative, as a factor after "·". */
function factor(value: number): string {
  return value < 0 ? `(${num(value)})` : num(value);
}

/** "w₁·v₁ + w₂·v₂ − …": the sum of products, signs folded into the operators. */
function products(weights: number[], values: number[]): string {
  return weights
    .map((w, i) => {
      const term = `${num(Math.abs(w))}·${factor(values[i])}`;
      if (i === 0) return w < 0 ? `−${term}` : term;
      return `${w < 0 ? " − " : " + "}${term}`;
    })
    .join("");
}

const ACTIVATION_NAMES: Record<string, string> = {
  tanh: "tanh(z)",
  relu: "max(0, z)",
  sigmoid: "σ(z)",
  linear: "z",
  step: "step(z)",
};

/** The activation of node layer `layer` (the output layer has its own). */
export function activationOf(trace: TraceData, layer: number): string {
  return layer === depth(trace) ? trace.output_activation : trace.activation;
}

/** Node j of layer l's name: the feature for inputs, "h2.1" for hidden, "out" for the output. */
export function nodeName(trace: TraceData, layer: number, j: number): string {
  if (layer === 0) return trace.features[j];
  if (layer === depth(trace)) return trace.a[layer].length > 1 ? `class ${j}` : "output";
  return `neuron ${j + 1} of layer ${layer}`;
}

/** The forward formula of node j in layer l, e.g. "z = 0.42·1.2 − 1.3·0.5 + 0.1 = −0.37, a =
 * tanh(z) = −0.35"; for an input, its value. */
export function forwardFormula(trace: TraceData, layer: number, j: number): string {
  if (layer === 0) return `${trace.features[j]} = ${num(trace.a[0][j])}`;
  const W = trace.W[layer - 1];
  const weights = W.map((row) => row[j]);
  const bias = trace.b[layer - 1][j];
  const sum = `${products(weights, trace.a[layer - 1])} ${bias < 0 ? "−" : "+"} ${num(Math.abs(bias))}`;
  const z = trace.z[layer][j];
  const a = trace.a[layer][j];
  const name = activationOf(trace, layer);
  const activation = name === "softmax" ? `softmax(z)${subscript(j)}` : (ACTIVATION_NAMES[name] ?? name);
  return `z = ${sum} = ${num(z)}, a = ${activation} = ${num(a)}`;
}

function subscript(j: number): string {
  return String(j).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
}

/** f′(z) as the kernel takes it (tanh: 1 − a², of the engine's own tanh). */
export function derivative(name: string, z: number, a: number): number {
  if (name === "tanh") return 1 - a * a;
  if (name === "relu") return z > 0 ? 1 : 0;
  if (name === "sigmoid") return a * (1 - a);
  if (name === "linear") return 1;
  return 0; // step
}

/** The backward formula of node j in layer l: how ∂E/∂a and ∂E/∂z come about. */
export function backwardFormula(trace: TraceData, layer: number, j: number): string {
  const L = depth(trace);
  const dz = num(trace.dE_dz[layer][j]);
  if (layer === L && trace.output_activation === "softmax") {
    const hit = j === trace.target ? 1 : 0;
    return `∂E/∂z = a − [class = target] = ${num(trace.a[L][j])} − ${hit} = ${dz}`;
  }
  let da: string;
  if (layer === L) {
    da = `∂E/∂a = a − target = ${num(trace.a[L][j])} − ${factor(trace.target)} = ${num(trace.dE_da[L][j])}`;
  } else {
    const next = trace.dE_dz[layer + 1];
    da = `∂E/∂a = Σ w·∂E/∂z = ${products(trace.W[layer][j], next)} = ${num(trace.dE_da[layer][j])}`;
  }
  const slope = derivative(activationOf(trace, layer), trace.z[layer][j], trace.a[layer][j]);
  return `${da}, ∂E/∂z = ∂E/∂a · f′(z) = ${factor(trace.dE_da[layer][j])} · ${factor(slope)} = ${dz}`;
}

/** The error of this example, E, as a formula with its numbers. */
export function lossFormula(trace: TraceData): string {
  const L = depth(trace);
  if (trace.output_activation === "softmax") {
    return `E = −log a(class ${trace.target}) = ${num(trace.loss)}`;
  }
  return `E = ½(output − target)² = ½(${num(trace.a[L][0])} − ${factor(trace.target)})² = ${num(trace.loss)}`;
}

// Links in the backward view are as wide as a weight of this size at their layer's largest
// gradient (link_style's widest), so every layer's pattern shows however small its gradients.
const GRADIENT_WIDTH = 5;

/**
 * The links' look in the backward view at node layer `from`: per weight layer, ∂E/∂w and ∂E/∂b
 * scaled so the layer's largest is GRADIENT_WIDTH, for layers from `from` up to the output;
 * zero (thin, neutral) for layers the backward pass has not reached.
 */
export function gradientLayers(trace: TraceData, from: number): Layer[] {
  return trace.dE_dW.map((rows, l) => {
    const inputs = rows.length;
    const outputs = trace.dE_db[l].length;
    const W = new Float32Array(inputs * outputs);
    const b = new Float32Array(outputs);
    if (l + 1 >= from) {
      const flat = rows.flat();
      const largest = Math.max(...flat.map(Math.abs), ...trace.dE_db[l].map(Math.abs));
      const scale = largest > 0 ? GRADIENT_WIDTH / largest : 0;
      flat.forEach((g, k) => (W[k] = g * scale));
      trace.dE_db[l].forEach((g, j) => (b[j] = g * scale));
    }
    return { inputs, outputs, W, b };
  });
}

/** The index of the training point nearest to (x1, x2), or null when there is none. */
export function nearestPoint(train: PointRows, x1: number, x2: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let k = 0; k + 2 < train.length; k += 3) {
    const distance = (train[k] - x1) ** 2 + (train[k + 1] - x2) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = k / 3;
    }
  }
  return best;
}

/** What a step shows, in a sentence: the heading above its formulas. */
export function stepTitle(trace: TraceData, step: TraceStep): string {
  const L = depth(trace);
  const where =
    step.layer === 0 ? "the inputs" : step.layer === L ? "the output layer" : `hidden layer ${step.layer}`;
  if (step.direction === "forward") return `Forward, ${where}: each node sums its inputs and activates.`;
  return `Backward, ${where}: how much each value changes E (links: ∂E/∂w, widest the layer's largest).`;
}
