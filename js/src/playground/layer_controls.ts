// The +/- buttons of the diagram: adding and removing hidden layers (beside the "N hidden
// layers" heading) and neurons (above each layer), within the original's limits.

import { follow, setTrait, type ViewContext } from "./context";
import { html, iconButton, ICONS } from "./dom";
import { hiddenLayersLabel, neuronsLabel } from "./format";
import { addLayer, changeNeurons, removeLayer } from "./shape_edits";

function smallButton(label: string, path: string): HTMLButtonElement {
  return iconButton(label, path, "nnw-pg-small");
}

/** The heading over the hidden layers: + and - for layers, their count, and a bracket. */
export function buildLayersHeading(context: ViewContext): HTMLElement {
  const { model, controls, life } = context;
  const column = html("div", "nnw-pg-layers-head");
  const heading = html("h4", "nnw-pg-heading");
  const add = smallButton("Add a hidden layer", ICONS.add);
  const remove = smallButton("Remove a hidden layer", ICONS.remove);
  const label = html("span", "nnw-pg-layers-label");
  heading.append(add, remove, label);
  column.append(heading, html("div", "nnw-pg-bracket"));

  const edit = (next: number[] | null) => {
    if (next) setTrait(model, "hidden", next);
  };
  life.listen(add, "click", () => edit(addLayer(model.get("hidden"))));
  life.listen(remove, "click", () => edit(removeLayer(model.get("hidden"))));
  life.add(controls.add("hidden", add, [add], () => addLayer(model.get("hidden")) === null));
  life.add(controls.add("hidden", remove, [remove], () => removeLayer(model.get("hidden")) === null));
  follow(context, ["hidden"], () => {
    label.textContent = hiddenLayersLabel(model.get("hidden").length);
    controls.refresh();
  });
  return column;
}

/**
 * The + and - for neurons above each hidden layer, centred on `layerX`. Returns the groups and
 * what unregisters their buttons (they are rebuilt with the diagram).
 */
export function buildNeuronControls(
  context: ViewContext,
  layerX: readonly number[],
  hidden: readonly number[],
): { groups: HTMLElement[]; unregister: (() => void)[] } {
  const { model, controls } = context;
  const unregister: (() => void)[] = [];
  const groups = layerX.map((x, l) => {
    const group = html("div", "nnw-pg-neuron-control");
    group.style.left = `${x}px`;
    const buttons = html("div");
    const add = smallButton(`Add a neuron to hidden layer ${l + 1}`, ICONS.add);
    const remove = smallButton(`Remove a neuron from hidden layer ${l + 1}`, ICONS.remove);
    const edit = (delta: 1 | -1) => {
      const next = changeNeurons(model.get("hidden"), l, delta);
      if (next) setTrait(model, "hidden", next);
    };
    add.addEventListener("click", () => edit(1));
    remove.addEventListener("click", () => edit(-1));
    buttons.append(add, remove);
    group.append(buttons, html("span", "", neuronsLabel(hidden[l])));
    unregister.push(
      controls.add("hidden", add, [add], () => changeNeurons(model.get("hidden"), l, 1) === null),
      controls.add("hidden", remove, [remove], () => changeNeurons(model.get("hidden"), l, -1) === null),
    );
    return group;
  });
  return { groups, unregister };
}
