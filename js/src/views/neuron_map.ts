// The NeuronMap view: one neuron's output over the input plane, as a Playground heatmap.

import type { AnyModel } from "@anywidget/types";
import type { Binary } from "../shared/binary";
import { Lifetime } from "../shared/lifetime";
import { Heatmap } from "./heatmap";

export interface NeuronMapState {
  _map_uint8: Binary;
  resolution: number;
  size: number;
}

export function renderNeuronMap({
  model,
  el,
}: {
  model: AnyModel<NeuronMapState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  el.classList.add("nnw-neuron-map");
  const heatmap = life.own(new Heatmap(el));
  const showMap = () => heatmap.show(model.get("_map_uint8"), model.get("resolution"));
  const applySize = () => heatmap.setSize(model.get("size"));
  applySize();
  showMap();
  // Python sets the bytes and the resolution together (hold_sync); either may arrive first.
  life.onChange(model, ["_map_uint8", "resolution"], showMap);
  life.on(model, "change:size", applySize);
  return () => life.dispose();
}
