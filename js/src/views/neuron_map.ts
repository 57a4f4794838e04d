// The NeuronMap view: one neuron's output over the input plane, as a Playground heatmap.

import type { AnyModel } from "@anywidget/types";
import { type Binary, readBytes } from "../shared/binary";
import { Lifetime } from "../shared/lifetime";
import { Heatmap } from "./heatmap";
import { mapLabel } from "./map_description";

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
  heatmap.canvas.removeAttribute("aria-hidden");
  heatmap.canvas.setAttribute("role", "img");
  const showMap = () => {
    const map = model.get("_map_uint8");
    heatmap.show(map, model.get("resolution"));
    heatmap.canvas.setAttribute("aria-label", mapLabel(readBytes(map), model.get("resolution")));
  };
  const applySize = () => heatmap.setSize(model.get("size"));
  applySize();
  showMap();
  // Python sets the bytes and the resolution together (hold_sync); either may arrive first.
  life.onChange(model, ["_map_uint8", "resolution"], showMap);
  life.on(model, "change:size", applySize);
  return () => life.dispose();
}
