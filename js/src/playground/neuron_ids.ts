// Names and map slots of neurons, as protocol.ts numbers them: hidden layer 1 is the first,
// indices from 0; `_maps` holds every hidden neuron in layer order, then the output neuron(s).

import type { NeuronId } from "./protocol";

export function hiddenNeuronId(layer: number, index: number): NeuronId {
  return `${layer}:${index}`;
}

/** "output" when the network has one output neuron, else "output:k" for class k. */
export function outputNeuronId(k: number, outputs: number): NeuronId {
  return outputs === 1 ? "output" : `output:${k}`;
}

/** The class whose output neuron `neuron` is ("output:k"), or null for any other neuron. */
export function outputClassOf(neuron: NeuronId | null): number | null {
  const match = /^output:(\d+)$/.exec(neuron ?? "");
  return match ? Number(match[1]) : null;
}

/** The slot in `_maps` of neuron `index` of hidden layer `layer` (from 1). */
export function hiddenMapIndex(hidden: readonly number[], layer: number, index: number): number {
  let slot = index;
  for (let l = 0; l < layer - 1; l++) slot += hidden[l];
  return slot;
}

/** Output neuron `k`'s slot: after all the hidden ones. */
export function outputMapIndex(hidden: readonly number[], k = 0): number {
  return hidden.reduce((sum, count) => sum + count, 0) + k;
}

/** How many maps `_maps` holds for this shape. */
export function mapCount(hidden: readonly number[], outputs = 1): number {
  return outputMapIndex(hidden, outputs);
}
