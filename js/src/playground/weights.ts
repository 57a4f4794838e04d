// The network's parameters as `_weights` sends them: per layer, W (inputs × outputs, row-major)
// then b (outputs), all float32, input side first.

import { type Binary, readBytes, readFloat32 } from "../shared/binary";

export interface Layer {
  inputs: number;
  outputs: number;
  /** W[i * outputs + j]: from input i to neuron j. */
  W: Float32Array;
  b: Float32Array;
}

/** Neurons per layer, inputs first: [features, ...hidden, outputs]. */
export function layerSizes(featureCount: number, hidden: readonly number[], outputs = 1): number[] {
  return [featureCount, ...hidden, outputs];
}

export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += (sizes[l] + 1) * sizes[l + 1];
  return count;
}

/**
 * Splits `_weights` into layers of the given sizes. Returns null when the bytes do not fit the
 * shape: the shape traits change at once when a control is clicked, the weights a frame later.
 */
export function parseWeights(view: Binary | null | undefined, sizes: readonly number[]): Layer[] | null {
  const bytes = readBytes(view);
  if (!view || bytes.length !== parameterCount(sizes) * 4) return null;
  const values = readFloat32(bytes);
  const layers: Layer[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    const W = values.subarray(at, at + inputs * outputs);
    at += inputs * outputs;
    const b = values.subarray(at, at + outputs);
    at += outputs;
    layers.push({ inputs, outputs, W, b });
  }
  return layers;
}
