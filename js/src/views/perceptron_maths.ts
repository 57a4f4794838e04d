// Pure maths of the Perceptron and ActivationGallery views: the activation functions, a
// perceptron's net input and class, the colour value of an output, the threshold on a number
// line, the boundary line clipped to the plot, slider steps and the formula with its numbers.
// No DOM, so vitest checks every value; nnwidgets/widgets/perceptron.py computes the same.

import type { Extent } from "./scales";

export const ACTIVATIONS = ["step", "sigmoid", "relu", "tanh", "linear"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface ActivationInfo {
  /** What the select and the gallery call it. */
  label: string;
  /** Its definition, as the gallery writes it. */
  formula: string;
  /** The output's range, for the curve's y axis (null: as wide as the curve). */
  range: Extent | null;
}

export const ACTIVATION_INFO: Record<Activation, ActivationInfo> = {
  step: { label: "step (Heaviside)", formula: "step(z) = 1 if z ≥ 0, else 0", range: { lo: 0, hi: 1 } },
  sigmoid: { label: "sigmoid", formula: "σ(z) = 1 / (1 + e⁻ᶻ)", range: { lo: 0, hi: 1 } },
  relu: { label: "ReLU", formula: "ReLU(z) = max(0, z)", range: null },
  tanh: { label: "tanh", formula: "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)", range: { lo: -1, hi: 1 } },
  linear: { label: "linear", formula: "linear(z) = z", range: null },
};

export function isActivation(name: string): name is Activation {
  return (ACTIVATIONS as readonly string[]).includes(name);
}

/** f(z). The step is Heaviside's with step(0) = 1: an input on the threshold turns it on. */
export function activate(name: Activation, z: number): number {
  switch (name) {
    case "step":
      return z >= 0 ? 1 : 0;
    case "sigmoid": {
      const e = Math.exp(-Math.abs(z)); // never overflows
      return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
    case "relu":
      return Math.max(z, 0);
    case "tanh":
      return Math.tanh(z);
    case "linear":
      return z;
  }
}

/** w·x + b. */
export function netInput(weights: readonly number[], bias: number, x: ArrayLike<number>): number {
  let z = bias;
  for (let k = 0; k < weights.length; k++) z += weights[k] * x[k];
  return z;
}

/** The side of the boundary: 1 ("on") where w·x + b ≥ 0, else 0. */
export function predictedClass(z: number): 0 | 1 {
  return z >= 0 ? 1 : 0;
}

/**
 * The colour value in [-1, 1] of an output (for the Playground's orange–grey–blue scale): its
 * sign says the side, its size how strongly the neuron is on or off. step: ±1; sigmoid: 2σ − 1;
 * tanh: tanh z; linear: tanh z; ReLU: tanh z on its "on" side, and a faint -0.25 where it
 * outputs 0 everywhere.
 */
export function shade(name: Activation, z: number): number {
  switch (name) {
    case "step":
      return z >= 0 ? 1 : -1;
    case "sigmoid":
      return 2 * activate("sigmoid", z) - 1;
    case "relu":
      return z > 0 ? Math.tanh(z) : -0.25;
    case "tanh":
    case "linear":
      return Math.tanh(z);
  }
}

/** One input: the x where w·x + b = 0, or null when w = 0 (then no x changes the output). */
export function threshold(weight: number, bias: number): number | null {
  return weight === 0 ? null : -bias / weight;
}

export type Segment = [number, number, number, number];

/**
 * The boundary w1·x + w2·y + b = 0 clipped to the rectangle xRange × yRange, as [x0, y0, x1, y1];
 * null when it misses the rectangle or w = 0.
 */
export function boundarySegment(w1: number, w2: number, b: number, xRange: Extent, yRange: Extent): Segment | null {
  if (w1 === 0 && w2 === 0) return null;
  const hits: [number, number][] = [];
  const add = (x: number, y: number) => {
    const eps = 1e-9 * (1 + Math.abs(x) + Math.abs(y));
    if (x < xRange.lo - eps || x > xRange.hi + eps || y < yRange.lo - eps || y > yRange.hi + eps) return;
    if (hits.some(([hx, hy]) => Math.abs(hx - x) <= eps && Math.abs(hy - y) <= eps)) return;
    hits.push([x, y]);
  };
  if (w2 !== 0) {
    for (const x of [xRange.lo, xRange.hi]) add(x, -(w1 * x + b) / w2);
  }
  if (w1 !== 0) {
    for (const y of [yRange.lo, yRange.hi]) add(-(w2 * y + b) / w1, y);
  }
  if (hits.length < 2) return null;
  // Two or more hits (a corner is found once): the two farthest apart span the segment.
  let best: Segment = [hits[0][0], hits[0][1], hits[1][0], hits[1][1]];
  let far = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = (hits[i][0] - hits[j][0]) ** 2 + (hits[i][1] - hits[j][1]) ** 2;
      if (d > far) {
        far = d;
        best = [hits[i][0], hits[i][1], hits[j][0], hits[j][1]];
      }
    }
  }
  return far > 0 ? best : null;
}

/** A slider's step over ±limit: 1, 2 or 5 × 10^k, about 400 steps end to end. */
export function sliderStep(limit: number): number {
  const raw = (2 * Math.abs(limit)) / 400;
  if (!(raw > 0) || !Number.isFinite(raw)) return 0.01;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return Number((nice * power).toPrecision(6));
}

/** The decimals a value on a slider of this step needs: 0.01 → 2, 0.2 → 1, 5 → 0. */
export function decimalsFor(step: number): number {
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/** A slider's [min, max]: ±limit, widened to hold a value set from Python beyond it. */
export function sliderBounds(limit: number, value: number): [number, number] {
  const reach = Math.max(Math.abs(limit), Math.abs(value));
  return [-reach, reach];
}

/** A number with a true minus sign: fixed(-10, 1) = "−10.0". */
export function fixed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  const zero = Number(text) === 0;
  return value < 0 && !zero ? `−${text}` : text;
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

/** x for one input, x₁ x₂ for two. */
export function variableNames(inputs: number): string[] {
  if (inputs === 1) return ["x"];
  return Array.from({ length: inputs }, (_, k) => `x${String(k + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)])}`);
}

/** The net input with its numbers: "0.50·x − 10.0", "1.00·x₁ + 0.50·x₂ + 0.00". */
export function netInputText(weights: readonly number[], bias: number, weightDecimals: number, biasDecimals: number): string {
  const names = variableNames(weights.length);
  const parts = weights.map((w, k) => {
    const term = `${Math.abs(w).toFixed(weightDecimals)}·${names[k]}`;
    if (k === 0) return w < 0 && Number(Math.abs(w).toFixed(weightDecimals)) !== 0 ? `−${term}` : term;
    return `${w < 0 ? "−" : "+"} ${term}`;
  });
  const b = Math.abs(bias).toFixed(biasDecimals);
  parts.push(`${bias < 0 && Number(b) !== 0 ? "−" : "+"} ${b}`);
  return parts.join(" ");
}

/** The formula with its numbers: "y = step(0.50·x − 10.0)"; linear is written bare. */
export function formulaText(
  name: Activation,
  weights: readonly number[],
  bias: number,
  weightDecimals: number,
  biasDecimals: number,
): string {
  const inner = netInputText(weights, bias, weightDecimals, biasDecimals);
  const fn = { step: "step", sigmoid: "sigmoid", relu: "ReLU", tanh: "tanh", linear: "" }[name];
  return fn ? `y = ${fn}(${inner})` : `y = ${inner}`;
}

/** The z range the curve shows: symmetric, at least ±4, holding every z given (with 10 % room). */
export function curveDomain(zs: ArrayLike<number>): Extent {
  let reach = 4;
  for (let k = 0; k < zs.length; k++) {
    const z = Math.abs(zs[k]);
    if (Number.isFinite(z)) reach = Math.max(reach, z * 1.1);
  }
  return { lo: -reach, hi: reach };
}

/** The y range of f over the domain, padded: the known output range, or the curve's own. */
export function curveRange(name: Activation, domain: Extent): Extent {
  const known = ACTIVATION_INFO[name].range;
  const lo = known ? known.lo : activate(name, domain.lo);
  const hi = known ? known.hi : activate(name, domain.hi);
  const span = hi - lo || 1;
  return { lo: lo - span * 0.08, hi: hi + span * 0.08 };
}

/** The curve's sample points over the domain: n + 1 evenly spaced z, and the step's jump exact. */
export function curvePoints(name: Activation, domain: Extent, n = 200): [number, number][] {
  const points: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const z = domain.lo + ((domain.hi - domain.lo) * k) / n;
    if (name === "step" && z >= 0 && points.length > 0 && points[points.length - 1][0] < 0) {
      points.push([0, 0], [0, 1]); // the jump, drawn upright at z = 0
      if (z === 0) continue;
    }
    points.push([z, activate(name, z)]);
  }
  return points;
}

/**
 * Lanes for dots on a number line, so none overlap: dots sorted by position take the lowest lane
 * whose last dot is at least `gap` away; lanes past `maxLanes` wrap to the first. Returns each
 * dot's lane, in the input's order.
 */
export function stackLanes(positions: ArrayLike<number>, gap: number, maxLanes = 3): number[] {
  const order = Array.from({ length: positions.length }, (_, k) => k).sort((a, b) => positions[a] - positions[b]);
  const last: number[] = [];
  const lanes = new Array<number>(positions.length).fill(0);
  for (const k of order) {
    let lane = last.findIndex((p) => positions[k] - p >= gap);
    if (lane === -1) lane = last.length < maxLanes ? last.length : 0;
    last[lane] = positions[k];
    lanes[k] = lane;
  }
  return lanes;
}
