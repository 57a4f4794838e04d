// What the Perceptron says in words: its title and formula, the probe's operating point, how many
// points lie on their class's side, and the plots' labels for screen readers. Pure functions of a
// reading, so vitest checks them.

import {
  ACTIVATION_INFO,
  activate,
  decimalsFor,
  fixed,
  formulaText,
  predictedClass,
  sliderStep,
  threshold,
  variableNames,
} from "./perceptron_maths";
import { probeZ, type Reading, zOf } from "./perceptron_state";

export function withUnit(reading: Reading, value: string): string {
  return reading.unit ? `${value} ${reading.unit}` : value;
}

/** Class c's name: the kernel's, with "class " before a bare number. */
export function className(reading: Reading, c: number): string {
  const name = reading.classNames[c] || String(c);
  return /^\d+$/.test(name) ? `class ${name}` : name;
}

/** x₁, or "x₁ = height" when the input has a name of its own. */
export function axisName(reading: Reading, k: number): string {
  const variable = variableNames(reading.inputs)[k];
  const name = reading.featureNames[k] ?? "";
  const own = name && !["x", "x1", "x2", variable].includes(name);
  return own ? `${variable} = ${name}` : variable;
}

/** What follows "Perceptron" in the title: the inputs and their unit. */
export function titleDetail(reading: Reading): string {
  const { inputs, unit } = reading;
  const about = inputs === 1 ? axisName(reading, 0) : `${axisName(reading, 0)}, ${axisName(reading, 1)}`;
  const unitText = inputs === 1 && unit ? ` (${unit})` : "";
  return ` · ${inputs} input${inputs === 1 ? "" : "s"}: ${about}${unitText}`;
}

/** The probe's x, z and y, and the class it falls in. */
export function operatingText(reading: Reading): string {
  const { activation, probe } = reading;
  const z = probeZ(reading);
  const at =
    reading.inputs === 1
      ? `at x = ${withUnit(reading, fixed(probe[0] ?? 0, 1))}`
      : `at x = (${probe.map((v) => fixed(v, 2)).join(", ")})`;
  const y = fixed(activate(activation, z), 3);
  return `${at}: z = w·x + b = ${fixed(z, 2)}, y = f(z) = ${y} → ${className(reading, predictedClass(z))}`;
}

/** How many points lie on their own class's side of the boundary. */
export function correctCount(reading: Reading): number {
  let right = 0;
  for (let k = 0; k < reading.count; k++) if (predictedClass(zOf(reading, k)) === reading.labels[k]) right++;
  return right;
}

export function thresholdText(reading: Reading): string {
  const t = threshold(reading.weights[0] ?? 0, reading.bias);
  if (t === null) return "no threshold (w1 = 0)";
  return `the threshold x = ${withUnit(reading, fixed(t, 1))}`;
}

/** The note under the plots: the score, and how to move the probe. */
export function scoreText(reading: Reading, right: number): string {
  const boundary = reading.inputs === 1 ? thresholdText(reading) : "the line w·x + b = 0";
  return `${right} of ${reading.count} points on their class's side of ${boundary} · drag on the plot to move the probe ◆`;
}

/** The main plot's label for screen readers. */
export function mainLabel(reading: Reading): string {
  const { weights, bias } = reading;
  if (reading.inputs === 1) {
    const t = threshold(weights[0] ?? 0, bias);
    const where = t === null ? "no threshold" : `threshold at ${withUnit(reading, fixed(t, 1))}`;
    return `Number line of ${reading.featureNames[0] ?? "x"}: ${where}, on ${(weights[0] ?? 0) >= 0 ? "above" : "below"} it`;
  }
  const [w1, w2] = weights;
  return `The plane of x₁ and x₂ with the boundary ${fixed(w1, 2)}·x₁ + ${fixed(w2, 2)}·x₂ + ${fixed(bias, 2)} = 0`;
}

/** The curve's label for screen readers. */
export function curveLabel(reading: Reading): string {
  const z = probeZ(reading);
  const { activation } = reading;
  return `${ACTIVATION_INFO[activation].label} curve y = f(z), the probe at z = ${fixed(z, 2)}, y = ${fixed(activate(activation, z), 3)}`;
}

/** y = f(w·x + b) with the numbers, to the sliders' precision. */
export function formulaOf(reading: Reading): string {
  const { activation, weights, bias } = reading;
  return formulaText(activation, weights, bias, weightDecimals(reading), biasDecimals(reading));
}

export function weightDecimals(reading: Reading): number {
  return decimalsFor(sliderStep(reading.weightLimit));
}

export function biasDecimals(reading: Reading): number {
  return decimalsFor(sliderStep(reading.biasLimit));
}
