// The arithmetic of a replayed Playground run (replay.ts): where on the recording the replay is,
// and the live state between two recorded snapshots. The timeline is measured in epochs, so the
// counter runs at a steady pace, as training does, however the snapshots are spread.

import { FEATURES } from "../shared/spec";
import type { NeuronId } from "./protocol";
import { hiddenMapIndex } from "./neuron_ids";

/** How long the whole recording takes to play, whatever its length. */
export const REPLAY_SECONDS = 8;

/** The epoch reached from `epoch` after `seconds` more of playing a recording of epochs
 * `first` to `last` (never past `last`). */
export function advance(epoch: number, seconds: number, first: number, last: number): number {
  return Math.min(last, epoch + ((last - first) * seconds) / REPLAY_SECONDS);
}

export interface Between {
  from: number;
  to: number;
  /** How far from snapshot `from` to snapshot `to`, in [0, 1); 0 is exactly `from`. */
  t: number;
}

/** The snapshots around `epoch`, given their epochs in ascending order. */
export function between(epochs: readonly number[], epoch: number): Between {
  const last = epochs.length - 1;
  if (last <= 0 || epoch <= epochs[0]) return { from: 0, to: 0, t: 0 };
  if (epoch >= epochs[last]) return { from: last, to: last, t: 0 };
  let to = 1;
  while (epochs[to] < epoch) to++;
  if (epochs[to] === epoch) return { from: to, to, t: 0 };
  const from = to - 1;
  return { from, to, t: (epoch - epochs[from]) / (epochs[to] - epochs[from]) };
}

/** Where Step goes: the first snapshot after `epoch`, or the last. */
export function nextEpoch(epochs: readonly number[], epoch: number): number {
  return epochs.find((e) => e > epoch) ?? epochs[epochs.length - 1];
}

/** Weights between two snapshots, value by value. */
export function lerpFloats(a: Float32Array, b: Float32Array, t: number): Float32Array {
  if (a.length !== b.length) return (t < 0.5 ? a : b).slice();
  const out = new Float32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] + (b[k] - a[k]) * t;
  return out;
}

/** Quantised maps between two snapshots, cell by cell, rounded to the nearest byte. */
export function lerpBytes(a: Uint8Array, b: Uint8Array, t: number): Uint8Array {
  if (a.length !== b.length) return (t < 0.5 ? a : b).slice();
  const out = new Uint8Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = Math.round(a[k] + (b[k] - a[k]) * t);
  return out;
}

/** A loss or accuracy between two snapshots; null (none) stays null. */
export function lerpFigure(a: number | null, b: number | null, t: number): number | null {
  if (a === null || b === null) return t < 0.5 ? a : b;
  return a + (b - a) * t;
}

/** The loss chart at `epoch`: the rows of `curve` (the next snapshot's, [epoch, train, test]
 * float32 rows) before `epoch`, then the row at `epoch`; a missing loss breaks its line. */
export function curveUntil(
  curve: Float32Array,
  epoch: number,
  trainLoss: number | null,
  testLoss: number | null,
): Float32Array {
  let rows = 0;
  while ((rows + 1) * 3 <= curve.length && curve[rows * 3] < epoch) rows++;
  const out = new Float32Array(rows * 3 + 3);
  out.set(curve.subarray(0, rows * 3));
  out.set([epoch, trainLoss ?? NaN, testLoss ?? NaN], rows * 3);
  return out;
}

export interface MapSlot {
  /** The trait holding the map: every feature's, or every hidden neuron's then the output's. */
  trait: "_feature_maps" | "_maps";
  slot: number;
}

/** Where the small map of an input or hidden `neuron` lies, for a network of `hidden` layers;
 * null if there is none. */
export function mapSlot(neuron: NeuronId, hidden: readonly number[]): MapSlot | null {
  const feature = (FEATURES as readonly string[]).indexOf(neuron);
  if (feature >= 0) return { trait: "_feature_maps", slot: feature };
  const match = /^(\d+):(\d+)$/.exec(neuron);
  if (!match) return null;
  const [layer, index] = [Number(match[1]), Number(match[2])];
  if (layer < 1 || layer > hidden.length || index >= hidden[layer - 1]) return null;
  return { trait: "_maps", slot: hiddenMapIndex(hidden, layer, index) };
}
