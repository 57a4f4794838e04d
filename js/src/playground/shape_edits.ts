// What the diagram's controls ask for: the next `features` or `hidden` value, or null when
// the UI's limits (those of the original) forbid the change.

import { FEATURES, type Feature, UI_LIMITS } from "../shared/spec";

/** Switches one input on or off; never leaves the network without inputs. */
export function toggleFeature(features: readonly Feature[], feature: Feature): Feature[] | null {
  const on = new Set(features);
  if (on.has(feature)) {
    if (on.size === 1) return null;
    on.delete(feature);
  } else {
    on.add(feature);
  }
  return FEATURES.filter((f) => on.has(f));
}

/** A new layer goes next to the output with two neurons, as in the original. */
export function addLayer(hidden: readonly number[]): number[] | null {
  return hidden.length >= UI_LIMITS.hidden_layers ? null : [...hidden, 2];
}

export function removeLayer(hidden: readonly number[]): number[] | null {
  return hidden.length === 0 ? null : hidden.slice(0, -1);
}

export function changeNeurons(hidden: readonly number[], layer: number, delta: 1 | -1): number[] | null {
  const count = hidden[layer] + delta;
  if (layer < 0 || layer >= hidden.length || count < 1 || count > UI_LIMITS.neurons) return null;
  return hidden.map((n, l) => (l === layer ? count : n));
}
