// The NeuronMap view: one neuron's output over the input plane, as a Playground heatmap.

import type { AnyModel } from "@anywidget/types";
import { Heatmap } from "./heatmap";

export interface NeuronMapState {
  _map_uint8: DataView;
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
  el.classList.add("nnw-neuron-map");
  const heatmap = new Heatmap(el);
  const showMap = () => heatmap.show(model.get("_map_uint8"), model.get("resolution"));
  const applySize = () => heatmap.setSize(model.get("size"));
  applySize();
  showMap();
  // Python sets the bytes and the resolution together (hold_sync); either may arrive first.
  model.on("change:_map_uint8", showMap);
  model.on("change:resolution", showMap);
  model.on("change:size", applySize);
  return () => {
    model.off("change:_map_uint8", showMap);
    model.off("change:resolution", showMap);
    model.off("change:size", applySize);
    heatmap.destroy();
  };
}
