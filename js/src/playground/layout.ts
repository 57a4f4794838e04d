// Where the network diagram's nodes sit, as in the original: a column of inputs with their
// labels on the left, hidden layers spread evenly across, the output node (one per class with
// more than two) at the right edge; every column starts at the top, nodes 30 px square, 55 px apart.

import type { Feature } from "../shared/spec";
import type { NeuronId } from "./protocol";
import { hiddenNeuronId, outputNeuronId } from "./neuron_ids";

export const NODE_SIZE = 30;
export const NODE_PITCH = 55;
export const BIAS_SIZE = 5;
/** Room left of the input column for the feature labels. */
export const INPUT_LABEL_WIDTH = 52;
/** Room around the diagram for node borders and bias squares. */
export const MARGIN = 8;
/** Centre-to-centre distance below which links between columns get too steep to read. */
export const MIN_COLUMN_PITCH = 60;

export interface NodePlace {
  id: NeuronId;
  cx: number;
  cy: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** The input column, one node per shown feature. */
  inputs: (NodePlace & { feature: Feature })[];
  /** Hidden layers, input side first. */
  hidden: NodePlace[][];
  /** The output column: one node, or one per class. */
  outputs: NodePlace[];
  /** The centre x of each hidden column, for the +/- controls above it. */
  hiddenX: number[];
}

function rowY(row: number): number {
  return MARGIN + row * NODE_PITCH + NODE_SIZE / 2;
}

/** The smallest width at which the diagram's columns do not overlap. */
export function minimumWidth(hiddenLayers: number): number {
  return INPUT_LABEL_WIDTH + NODE_SIZE + MARGIN + MIN_COLUMN_PITCH * (hiddenLayers + 1);
}

export function layoutNetwork(
  features: readonly Feature[],
  hidden: readonly number[],
  availableWidth: number,
  outputs = 1,
): NetworkLayout {
  const width = Math.max(availableWidth, minimumWidth(hidden.length));
  const inputX = INPUT_LABEL_WIDTH + NODE_SIZE / 2;
  const outputX = width - MARGIN - NODE_SIZE / 2;
  const hiddenX = hidden.map((_, l) => inputX + ((outputX - inputX) * (l + 1)) / (hidden.length + 1));
  const rows = Math.max(features.length, ...hidden, outputs);
  return {
    width,
    height: MARGIN * 2 + (rows - 1) * NODE_PITCH + NODE_SIZE,
    inputs: features.map((feature, row) => ({ id: feature, feature, cx: inputX, cy: rowY(row) })),
    hidden: hidden.map((count, l) =>
      Array.from({ length: count }, (_, k) => ({
        id: hiddenNeuronId(l + 1, k),
        cx: hiddenX[l],
        cy: rowY(k),
      })),
    ),
    outputs: Array.from({ length: outputs }, (_, k) => ({
      id: outputNeuronId(k, outputs),
      cx: outputX,
      cy: rowY(k),
    })),
    hiddenX,
  };
}
