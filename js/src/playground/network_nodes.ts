// The diagram's nodes as DOM: a button per input feature (toggles it; dimmed while off), a
// focusable frame per neuron, output neurons included. Their maps are painted underneath
// (network_maps.ts), so these are transparent frames that take the pointer and the keyboard.

import { FEATURES, type Feature } from "../shared/spec";
import { html } from "./dom";
import { type NetworkLayout, NODE_SIZE, type NodePlace } from "./layout";
import type { MapSlot } from "./network_maps";
import { hiddenMapIndex, outputMapIndex } from "./neuron_ids";
import type { NeuronId } from "./protocol";

const FEATURE_LABELS: Record<Feature, string> = {
  x1: "X<sub>1</sub>",
  x2: "X<sub>2</sub>",
  "x1^2": "X<sub>1</sub><sup>2</sup>",
  "x2^2": "X<sub>2</sub><sup>2</sup>",
  "x1*x2": "X<sub>1</sub>X<sub>2</sub>",
  "sin(x1)": "sin(X<sub>1</sub>)",
  "sin(x2)": "sin(X<sub>2</sub>)",
};

export interface NodeHandlers {
  hover: (neuron: NeuronId | null) => void;
  toggle: (feature: Feature, button: HTMLButtonElement) => void;
  /** Whether a feature's button may be pressed (not locked, not hidden). */
  canToggle: (feature: Feature) => boolean;
}

function place(node: HTMLElement, at: NodePlace, handlers: NodeHandlers): void {
  node.style.left = `${at.cx}px`;
  node.style.top = `${at.cy}px`;
  node.addEventListener("mouseenter", () => handlers.hover(at.id));
  node.addEventListener("mouseleave", () => handlers.hover(null));
  node.addEventListener("focus", () => handlers.hover(at.id));
  node.addEventListener("blur", () => handlers.hover(null));
}

function neuronNode(at: NodePlace, name: string, handlers: NodeHandlers): HTMLElement {
  const node = html("div", "nnw-pg-node");
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  node.setAttribute("aria-label", name);
  node.dataset.neuron = at.id;
  place(node, at, handlers);
  return node;
}

/** The node elements of `layout`, and where each one's map goes. */
export function buildNodes(
  layout: NetworkLayout,
  active: ReadonlySet<Feature>,
  hidden: readonly number[],
  handlers: NodeHandlers,
): { elements: HTMLElement[]; slots: MapSlot[] } {
  const elements: HTMLElement[] = [];
  const slots: MapSlot[] = [];
  for (const input of layout.inputs) {
    const on = active.has(input.feature);
    const button = html("button", `nnw-pg-node${on ? "" : " nnw-pg-off"}`);
    button.type = "button";
    button.setAttribute("aria-label", input.feature);
    button.setAttribute("aria-pressed", String(on));
    button.title = `${input.feature}: click to switch ${on ? "off" : "on"}`;
    button.disabled = !handlers.canToggle(input.feature);
    place(button, input, handlers);
    button.addEventListener("click", () => handlers.toggle(input.feature, button));
    const label = html("div", `nnw-pg-node-label${on ? "" : " nnw-pg-off"}`);
    label.innerHTML = FEATURE_LABELS[input.feature];
    label.style.left = `${input.cx - NODE_SIZE / 2 - 2}px`;
    label.style.top = `${input.cy}px`;
    elements.push(label, button);
    slots.push({ place: input, index: FEATURES.indexOf(input.feature), feature: true, on });
  }
  layout.hidden.forEach((column, l) =>
    column.forEach((at, k) => {
      elements.push(neuronNode(at, `Neuron ${k + 1} of hidden layer ${l + 1}`, handlers));
      slots.push({ place: at, index: hiddenMapIndex(hidden, l + 1, k), feature: false, on: true });
    }),
  );
  layout.outputs.forEach((at, k) => {
    const name = layout.outputs.length === 1 ? "Output neuron" : `Output neuron of class ${k}`;
    elements.push(neuronNode(at, name, handlers));
    slots.push({ place: at, index: outputMapIndex(hidden, k), feature: false, on: true });
  });
  return { elements, slots };
}
