// Names and map slots of neurons, as protocol.ts numbers them: hidden layer 1 is the first,
// indices from 0; `_maps` holds every hidden neuron in layer order, then the output.

import type { NeuronId } from "./protocol";

export function hiddenNeuronId(layer: number, index: number): NeuronId {
  return `${layer}:${index}`;
}

/** The slot in `_maps` of neuron `index` of hidden layer `layer` (from 1). */
export function hiddenMapIndex(hidden: readonly number[], layer: number, index: number): number {
  let slot = index;
  for (let l = 0; l < layer - 1; l++) slot += hidden[l];
  return slot;
}

/** The output neuron's slot: after all the hidden ones. */
export function outputMapIndex(hidden: readonly number[]): number {
  return hidden.reduce((sum, count) => sum + count, 0);
}

/** How many maps `_maps` holds for this shape. */
export function mapCount(hidden: readonly number[]): number {
  return outputMapIndex(hidden) + 1;
}
