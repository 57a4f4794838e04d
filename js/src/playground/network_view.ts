// The network diagram: input features, hidden layers and the output node(s), each showing its map
// over the input plane, joined by links coloured and sized by their weights, with bias squares.
// The DOM and SVG are rebuilt only when the shape or width changes; each frame only recolours
// links and biases in place and shows the maps that changed.

import { mapLut } from "../shared/map_colors";
import { probabilityLut } from "../shared/class_colors";
import { FEATURES } from "../shared/spec";
import { send, setTrait, taskOf, type ViewContext } from "./context";
import { markedNeurons, markTitle } from "./diagnosis";
import { html } from "./dom";
import { layoutNetwork, type NodePlace } from "./layout";
import { buildLayersHeading, buildNeuronControls } from "./layer_controls";
import { LinkLayer } from "./link_layer";
import { NetworkMaps } from "./network_maps";
import { buildNodes } from "./network_nodes";
import { mapCount, outputMapIndex } from "./neuron_ids";
import { type NeuronId, outputCount } from "./protocol";
import { toggleFeature } from "./shape_edits";
import { type EditTarget, WeightEditor } from "./weight_editor";
import { type Layer, layerSizes, parseWeights } from "./weights";

/** Leaving one neuron for the next should not flash the output view back to the output. */
const UNHOVER_DELAY_MS = 80;

export class NetworkView {
  readonly element = html("section", "nnw-pg-network");
  private readonly scroll = html("div", "nnw-pg-net-scroll");
  private readonly neuronControls = html("div", "nnw-pg-neuron-controls");
  private readonly net = html("div", "nnw-pg-net");
  private readonly nodesLayer = html("div", "nnw-pg-nodes");
  private readonly links = new LinkLayer();
  private readonly maps = new NetworkMaps();
  private readonly editor: WeightEditor;
  private featureMapsStale = true;
  private neuronMapsStale = true;
  private weights: Layer[] | null = null;
  /** The step-through mode's backward view: links drawn from gradients, shown on hover. */
  private gradients: { layers: Layer[]; valueOf: (target: EditTarget) => number | null } | null = null;
  private availableWidth = 0;
  private hovered: NeuronId | null = null;
  private unhoverTimer = 0;
  private unregister: (() => void)[] = [];

  constructor(private readonly context: ViewContext) {
    const { model, life, loop, controls } = context;
    this.element.setAttribute("aria-label", "Network");
    const head = html("div", "nnw-pg-network-head");
    const features = html("div", "nnw-pg-features-head");
    features.append(
      html("h4", "nnw-pg-heading", "Features"),
      html("p", "nnw-pg-hint", "Which properties do you want to feed in?"),
    );
    head.append(features, buildLayersHeading(context));
    this.element.append(head, this.scroll);
    this.scroll.append(this.neuronControls, this.net);
    this.net.append(this.nodesLayer, this.links.element, this.links.hitSvg, this.maps.element);
    this.editor = new WeightEditor(this.net, {
      valueOf: (target) => this.gradients?.valueOf(target) ?? this.valueOf(target),
      editable: () => !controls.isLocked("weights") && this.gradients === null,
      headingOf: (target) => (this.gradients ? (target.kind === "weight" ? "∂E/∂w is " : "∂E/∂b is ") : null),
      commit: (target, value) =>
        send(
          model,
          target.kind === "weight"
            ? { type: "set_weight", layer: target.layer, i: target.i, j: target.j, value }
            : { type: "set_bias", layer: target.layer, j: target.j, value },
        ),
    });
    life.add(controls.anchor("features", features));
    life.add(controls.anchor("weights", this.net));

    loop.part("network", () => this.rebuild());
    loop.part("weights", () => this.drawWeights(), { everyFrame: true });
    loop.part("maps", () => this.drawMaps(), { everyFrame: true });
    const reshape = () => loop.invalidate("network", "weights", "maps");
    life.onChange(model, ["features", "hidden", "problem", "classes", "hidden_controls", "locked_controls"], reshape);
    loop.onFrame(() => {
      this.neuronMapsStale = true;
    });
    life.onChange(model, ["diagnosis"], () => this.markFindings());
    life.onChange(model, ["_feature_maps", "_map_resolution", "discretize"], () => {
      this.featureMapsStale = this.neuronMapsStale = true;
      loop.invalidate("maps");
    });
    this.listen();

    const resize = life.observe(new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width === this.availableWidth) return;
      this.availableWidth = width;
      // Rebuilt before this frame paints, so the diagram never shows at the old width.
      this.rebuild();
      this.drawWeights();
      this.drawMaps();
    }));
    resize.observe(this.scroll);
    life.add(() => this.unregister.forEach((undo) => undo()));
    reshape();
  }

  /** Rebuilds nodes, links and controls for the current shape and width. */
  private rebuild(): void {
    const { model, controls } = this.context;
    const refocus = this.focusedName();
    this.unregister.forEach((undo) => undo());
    this.editor.hide();
    const active = new Set(model.get("features"));
    const hidden = model.get("hidden");
    // A hidden feature leaves the diagram, unless the network uses it.
    const shown = FEATURES.filter((f) => active.has(f) || !controls.isHidden(f));
    const layout = layoutNetwork(shown, hidden, this.availableWidth, this.outputs());

    for (const element of [this.net, this.neuronControls]) element.style.width = `${layout.width}px`;
    this.net.style.height = `${layout.height}px`;
    const weightsOff = controls.isLocked("weights") || controls.isHidden("weights");
    this.net.classList.toggle("nnw-pg-no-edit", weightsOff);

    const inputs = layout.inputs.filter((p) => active.has(p.feature));
    const columns: NodePlace[][] = [inputs, ...layout.hidden, layout.outputs];
    this.links.build(columns, layout.width, layout.height, !controls.isHidden("weights"));
    const nodes = buildNodes(layout, active, hidden, {
      hover: (neuron) => this.hover(neuron),
      canToggle: (feature) => !controls.isLocked(feature) && !controls.isHidden(feature),
      toggle: (feature, button) => {
        const next = toggleFeature(model.get("features"), feature);
        if (next) setTrait(model, "features", next);
        else controls.showNote(button, "At least one input must stay on.");
      },
    });
    this.nodesLayer.replaceChildren(...nodes.elements);
    this.maps.setSlots(nodes.slots);
    const neuronControls = buildNeuronControls(this.context, layout.hiddenX, hidden);
    this.neuronControls.replaceChildren(...neuronControls.groups);
    this.unregister = neuronControls.unregister;
    this.featureMapsStale = this.neuronMapsStale = true;
    if (this.hovered && !columns.flat().some((p) => p.id === this.hovered)) this.hover(null);
    if (refocus) this.refocus(refocus);
    this.markFindings();
  }

  /** Marks the neurons the diagnosis names: dead or saturated units. */
  private markFindings(): void {
    const marks = markedNeurons(this.context.model.get("diagnosis") ?? []);
    for (const node of this.nodesLayer.querySelectorAll<HTMLElement>(".nnw-pg-node[data-neuron]")) {
      const mark = marks.get(node.dataset.neuron ?? "");
      if (mark) {
        node.dataset.mark = mark;
        node.title = markTitle(mark);
      } else if (node.dataset.mark) {
        delete node.dataset.mark;
        node.removeAttribute("title");
      }
    }
  }

  /** The name of the rebuilt element that has the keyboard focus, if any. */
  private focusedName(): string | null {
    const focused = document.activeElement;
    if (!focused || !this.scroll.contains(focused)) return null;
    return focused.getAttribute("aria-label");
  }

  /** Gives the focus back to the new element of that name, so keyboard users keep their place
   * when a click rebuilds the diagram (toggling an input, adding a neuron). */
  private refocus(name: string): void {
    for (const element of this.scroll.querySelectorAll<HTMLElement | SVGElement>("[aria-label]")) {
      if (element.getAttribute("aria-label") === name) {
        element.focus({ preventScroll: true });
        return;
      }
    }
  }

  /** Recolours links and biases from the latest weights. */
  private drawWeights(): void {
    const { model } = this.context;
    const sizes = layerSizes(model.get("features").length, model.get("hidden"), this.outputs());
    this.weights = parseWeights(model.get("_weights"), sizes);
    this.links.draw(this.gradients?.layers ?? this.weights);
    if (model.get("playing")) this.links.flow();
    this.editor.refresh();
  }

  /** Draws links from `layers` (gradients, scaled) and shows `valueOf` on hover; null: weights. */
  showGradients(layers: Layer[] | null, valueOf: ((target: EditTarget) => number | null) | null): void {
    this.gradients = layers && valueOf ? { layers, valueOf } : null;
    this.drawWeights();
  }

  /** Shows whichever maps changed. */
  private drawMaps(): void {
    const { model } = this.context;
    const discretize = model.get("discretize");
    const lut = mapLut(discretize);
    const resolution = model.get("_map_resolution");
    if (this.featureMapsStale) {
      this.maps.loadFeatures(model.get("_feature_maps"), resolution, FEATURES.length, lut);
      this.featureMapsStale = false;
    }
    if (this.neuronMapsStale) {
      const hidden = model.get("hidden");
      const outputs = this.outputs();
      // One output neuron is drawn like the others; with classes, each in its class' colours.
      const firstOutput = outputs > 1 ? outputMapIndex(hidden) : Infinity;
      const lutOf = (k: number) => (k < firstOutput ? lut : probabilityLut(k - firstOutput, discretize));
      this.maps.loadNeurons(model.get("_maps"), resolution, mapCount(hidden, outputs), lutOf);
      this.neuronMapsStale = false;
    }
  }

  /** Output neurons: one, or one per class. */
  private outputs(): number {
    return outputCount(taskOf(this.context.model));
  }

  /** Asks the kernel to show a neuron's map in the output view (null: the output again). */
  private hover(neuron: NeuronId | null): void {
    const { life } = this.context;
    life.cancelTimeout(this.unhoverTimer);
    if (neuron === null) {
      if (this.hovered === null) return;
      this.unhoverTimer = life.timeout(() => {
        this.hovered = null;
        send(this.context.model, { type: "hover", neuron: null });
      }, UNHOVER_DELAY_MS);
      return;
    }
    if (neuron === this.hovered) return;
    this.hovered = neuron;
    send(this.context.model, { type: "hover", neuron });
  }

  private valueOf(target: EditTarget): number | null {
    const layer = this.weights?.[target.layer];
    if (!layer) return null;
    return target.kind === "weight" ? layer.W[target.i * layer.outputs + target.j] : layer.b[target.j];
  }

  /** Pointer and keyboard handling for links and biases, delegated to the diagram. */
  private listen(): void {
    const { life } = this.context;
    const canEdit = () => !this.context.controls.isHidden("weights");
    const found = (event: Event) => (canEdit() ? this.links.targetOf(event.target as Element) : null);
    const pointer = (event: MouseEvent) => {
      const box = this.net.getBoundingClientRect();
      return { x: event.clientX - box.left + 14, y: event.clientY - box.top + 10 };
    };
    life.listen<MouseEvent>(this.net, "mouseover", (event) => {
      const hit = found(event);
      if (hit) this.editor.hover(hit.target, pointer(event).x, pointer(event).y);
    });
    life.listen<MouseEvent>(this.net, "mouseout", (event) => {
      if (found(event)) this.editor.unhover();
    });
    life.listen<MouseEvent>(this.net, "click", (event) => {
      const hit = found(event);
      if (hit) this.editor.edit(hit.target, pointer(event).x, pointer(event).y, event.target as SVGElement);
    });
    life.listen<FocusEvent>(this.net, "focusin", (event) => {
      const hit = found(event);
      if (hit) this.editor.hover(hit.target, hit.x, hit.y);
    });
    life.listen<FocusEvent>(this.net, "focusout", (event) => {
      if (found(event)) this.editor.unhover();
    });
    life.listen<KeyboardEvent>(this.net, "keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Enter or Space on a neuron (a button) edits its bias; on a link or bias, that value.
      const neuron = (event.target as HTMLElement).dataset?.neuron;
      const element = neuron ? this.links.biasOf(neuron) : (event.target as Element);
      const hit = canEdit() && element ? this.links.targetOf(element) : null;
      if (!hit) return;
      event.preventDefault();
      this.editor.edit(hit.target, hit.x, hit.y, event.target as HTMLElement | SVGElement);
    });
  }
}
