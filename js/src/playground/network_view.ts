// The network diagram: input features, hidden layers and the output node, each showing its map
// over the input plane, joined by links coloured and sized by their weights, with bias squares.
// The DOM and SVG are rebuilt only when the shape or width changes; each frame only recolours
// links and biases in place and repaints all maps on one canvas from one atlas image.

import { follow, send, setTrait, type ViewContext } from "./context";
import { html, icon, ICONS, svg } from "./dom";
import { hiddenLayersLabel, neuronsLabel } from "./format";
import { HiDpiCanvas } from "./hidpi_canvas";
import { BIAS_SIZE, layoutNetwork, type NetworkLayout, NODE_SIZE, type NodePlace } from "./layout";
import { linkEnds, linkMidpoint, linkPath } from "./link_geometry";
import { linkWidthAttr, valueColor } from "./link_style";
import { MapAtlas } from "./map_atlas";
import { mapLut } from "./map_colors";
import { hiddenMapIndex, mapCount, outputMapIndex } from "./neuron_ids";
import { FEATURES, type Feature, type NeuronId } from "./protocol";
import { addLayer, changeNeurons, removeLayer, toggleFeature } from "./shape_edits";
import { WeightEditor, type EditTarget } from "./weight_editor";
import { layerSizes, parseWeights, type Layer } from "./weights";

const FEATURE_LABELS: Record<Feature, string> = {
  x1: "X<sub>1</sub>",
  x2: "X<sub>2</sub>",
  "x1^2": "X<sub>1</sub><sup>2</sup>",
  "x2^2": "X<sub>2</sub><sup>2</sup>",
  "x1*x2": "X<sub>1</sub>X<sub>2</sub>",
  "sin(x1)": "sin(X<sub>1</sub>)",
  "sin(x2)": "sin(X<sub>2</sub>)",
};

/** An input switched off is drawn faintly, as in the original. */
const OFF_OPACITY = 0.4;
/** Leaving one neuron for the next should not flash the output view back to the output. */
const UNHOVER_DELAY_MS = 80;

interface LinkItem {
  path: SVGPathElement;
  /** Half-way along the link, where its hover card points. */
  mid: { x: number; y: number };
  layer: number;
  i: number;
  j: number;
  color: string;
  width: string;
}

interface BiasItem {
  rect: SVGRectElement;
  layer: number;
  j: number;
  color: string;
}

interface MapSlot {
  place: NodePlace;
  /** Index into the feature atlas (inputs) or the neuron atlas (others). */
  index: number;
  feature: boolean;
  on: boolean;
}

function iconButton(label: string, path: string): HTMLButtonElement {
  const button = html("button", "nnw-pg-icon-button nnw-pg-small");
  button.type = "button";
  button.setAttribute("aria-label", label);
  button.title = label;
  button.append(icon(path));
  return button;
}

export class NetworkView {
  readonly element = html("section", "nnw-pg-network");
  private readonly scroll = html("div", "nnw-pg-net-scroll");
  private readonly neuronControls = html("div", "nnw-pg-neuron-controls");
  private readonly net = html("div", "nnw-pg-net");
  private readonly nodesLayer = html("div", "nnw-pg-nodes");
  private readonly svg = svg("svg", { class: "nnw-pg-net-svg" });
  private readonly linkGroup = svg("g", { class: "nnw-pg-link-group" });
  private readonly hitGroup = svg("g");
  private readonly biasGroup = svg("g");
  private readonly canvas: HiDpiCanvas;
  private readonly editor: WeightEditor;
  private readonly layersLabel = html("span", "nnw-pg-layers-label");
  private readonly featureAtlas = new MapAtlas();
  private readonly neuronAtlas = new MapAtlas();
  private featureAtlasStale = true;
  private neuronAtlasStale = true;

  private layout: NetworkLayout | null = null;
  private links: LinkItem[] = [];
  private biases: BiasItem[] = [];
  private slots: MapSlot[] = [];
  private weights: Layer[] | null = null;
  private availableWidth = 0;
  private hovered: NeuronId | null = null;
  private unhoverTimer = 0;
  private unregister: (() => void)[] = [];

  constructor(private readonly context: ViewContext) {
    const { model, life, loop, controls } = context;
    this.canvas = new HiDpiCanvas("nnw-pg-net-canvas", () => this.drawMaps());
    this.element.setAttribute("aria-label", "Network");
    this.element.append(this.buildHead(), this.scroll);
    this.scroll.append(this.neuronControls, this.net);
    this.svg.append(this.linkGroup, this.hitGroup, this.biasGroup);
    this.net.append(this.nodesLayer, this.svg, this.canvas.canvas);
    this.editor = new WeightEditor(this.net, {
      valueOf: (target) => this.valueOf(target),
      editable: () => !controls.isLocked("weights"),
      commit: (target, value) =>
        send(
          model,
          target.kind === "weight"
            ? { type: "set_weight", layer: target.layer, i: target.i, j: target.j, value }
            : { type: "set_bias", layer: target.layer, j: target.j, value },
        ),
    });
    controls.anchor("weights", this.net);
    controls.anchor("features", this.nodesLayer);

    loop.part("network", () => this.rebuild());
    loop.part("weights", () => this.drawWeights());
    loop.part("maps", () => this.drawMaps());
    const reshape = () => loop.invalidate("network", "weights", "maps");
    for (const trait of ["features", "hidden", "hidden_controls", "locked_controls"] as const) {
      life.on(model, `change:${trait}`, reshape);
    }
    life.on(model, "change:_frame", () => {
      this.neuronAtlasStale = true;
      loop.invalidate("weights", "maps");
    });
    for (const trait of ["_feature_maps", "_map_resolution", "discretize"] as const) {
      life.on(model, `change:${trait}`, () => {
        this.featureAtlasStale = this.neuronAtlasStale = true;
        loop.invalidate("maps");
      });
    }
    this.listen();

    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width === this.availableWidth) return;
      this.availableWidth = width;
      // Rebuilt before this frame paints, so the diagram never shows at the old width.
      this.rebuild();
      this.drawWeights();
      this.drawMaps();
    });
    resize.observe(this.scroll);
    life.add(() => {
      resize.disconnect();
      clearTimeout(this.unhoverTimer);
      this.unregister.forEach((undo) => undo());
      this.canvas.destroy();
    });
    reshape();
  }

  private buildHead(): HTMLElement {
    const { model, controls } = this.context;
    const head = html("div", "nnw-pg-network-head");
    const features = html("div", "nnw-pg-features-head");
    features.append(
      html("h4", "nnw-pg-heading", "Features"),
      html("p", "nnw-pg-hint", "Which properties do you want to feed in?"),
    );
    const layers = html("div", "nnw-pg-layers-head");
    const heading = html("h4", "nnw-pg-heading");
    const add = iconButton("Add a hidden layer", ICONS.add);
    const remove = iconButton("Remove a hidden layer", ICONS.remove);
    heading.append(add, remove, this.layersLabel);
    layers.append(heading, html("div", "nnw-pg-bracket"));
    head.append(features, layers);

    const edit = (next: number[] | null) => {
      if (next) setTrait(model, "hidden", next);
    };
    this.context.life.listen(add, "click", () => edit(addLayer(model.get("hidden"))));
    this.context.life.listen(remove, "click", () => edit(removeLayer(model.get("hidden"))));
    controls.add("hidden", add, [add], () => addLayer(model.get("hidden")) === null);
    controls.add("hidden", remove, [remove], () => removeLayer(model.get("hidden")) === null);
    follow(this.context, ["hidden"], () => {
      this.layersLabel.textContent = hiddenLayersLabel(model.get("hidden").length);
      controls.refresh();
    });
    return head;
  }

  /** Rebuilds nodes, links and controls for the current shape and width. */
  private rebuild(): void {
    const { model, controls } = this.context;
    this.unregister.forEach((undo) => undo());
    this.unregister = [];
    this.editor.hide();
    const active = new Set(model.get("features"));
    const hidden = model.get("hidden");
    const shown = FEATURES.filter((f) => active.has(f) || !controls.isHidden(f));
    const layout = layoutNetwork(shown, hidden, this.availableWidth);
    this.layout = layout;

    for (const element of [this.net, this.neuronControls]) element.style.width = `${layout.width}px`;
    this.net.style.height = `${layout.height}px`;
    Object.assign(this.canvas.canvas.style, { width: `${layout.width}px`, height: `${layout.height}px` });
    this.svg.setAttribute("width", String(layout.width));
    this.svg.setAttribute("height", String(layout.height));
    this.net.classList.toggle("nnw-pg-no-edit", controls.isLocked("weights") || controls.isHidden("weights"));

    const inputs = layout.inputs.filter((place) => active.has(place.feature));
    const columns: NodePlace[][] = [inputs, ...layout.hidden, [layout.output]];
    this.buildLinks(columns);
    this.buildNodes(layout, active, hidden);
    this.buildNeuronControls(layout, hidden);
    this.featureAtlasStale = this.neuronAtlasStale = true;
    if (this.hovered && !columns.flat().some((p) => p.id === this.hovered)) this.hover(null);
  }

  private buildLinks(columns: NodePlace[][]): void {
    const editable = !this.context.controls.isHidden("weights");
    const paths: SVGPathElement[] = [];
    const hits: SVGPathElement[] = [];
    const rects: SVGRectElement[] = [];
    this.links = [];
    this.biases = [];
    for (let layer = 0; layer + 1 < columns.length; layer++) {
      const sources = columns[layer];
      const targets = columns[layer + 1];
      targets.forEach((target, j) => {
        sources.forEach((source, i) => {
          const ends = linkEnds(source, target, i, sources.length);
          const d = linkPath(ends);
          const path = svg("path", { class: "nnw-pg-link", d, stroke: valueColor(0), "stroke-width": 1 });
          paths.push(path);
          this.links.push({ path, mid: linkMidpoint(ends), layer, i, j, color: "", width: "" });
          if (!editable) return;
          const hit = svg("path", {
            class: "nnw-pg-link-hit",
            d,
            tabindex: 0,
            role: "button",
            "aria-label": `Weight from ${source.id} to ${target.id}`,
            "data-link": this.links.length - 1,
          });
          hits.push(hit);
        });
        const rect = svg("rect", {
          class: "nnw-pg-bias",
          x: target.cx - NODE_SIZE / 2 - BIAS_SIZE - 4,
          y: target.cy + NODE_SIZE / 2 - BIAS_SIZE + 5,
          width: BIAS_SIZE,
          height: BIAS_SIZE,
          fill: "#e8eaeb",
          "data-bias": this.biases.length,
        });
        if (editable) {
          rect.setAttribute("tabindex", "0");
          rect.setAttribute("role", "button");
          rect.setAttribute("aria-label", `Bias of ${target.id}`);
        }
        rects.push(rect);
        this.biases.push({ rect, layer, j, color: "" });
      });
    }
    this.linkGroup.replaceChildren(...paths);
    this.hitGroup.replaceChildren(...hits);
    this.biasGroup.replaceChildren(...rects);
  }

  private buildNodes(layout: NetworkLayout, active: Set<Feature>, hidden: readonly number[]): void {
    const { model, controls } = this.context;
    const elements: HTMLElement[] = [];
    this.slots = [];
    for (const place of layout.inputs) {
      const on = active.has(place.feature);
      const button = html("button", `nnw-pg-node${on ? "" : " nnw-pg-off"}`);
      button.type = "button";
      button.setAttribute("aria-label", place.feature);
      button.setAttribute("aria-pressed", String(on));
      button.title = on ? `${place.feature}: click to switch off` : `${place.feature}: click to switch on`;
      button.disabled = controls.isLocked(place.feature) || controls.isHidden(place.feature);
      this.placeNode(button, place);
      button.addEventListener("click", () => {
        const next = toggleFeature(model.get("features"), place.feature);
        if (next) setTrait(model, "features", next);
        else controls.showRefusal("features", "At least one input must stay on.");
      });
      const label = html("div", `nnw-pg-node-label${on ? "" : " nnw-pg-off"}`);
      label.innerHTML = FEATURE_LABELS[place.feature];
      label.style.left = `${place.cx - NODE_SIZE / 2 - 2}px`;
      label.style.top = `${place.cy}px`;
      elements.push(label, button);
      this.slots.push({ place, index: FEATURES.indexOf(place.feature), feature: true, on });
    }
    layout.hidden.forEach((column, l) =>
      column.forEach((place, k) => {
        elements.push(this.neuronNode(place, `Neuron ${k + 1} of hidden layer ${l + 1}`));
        this.slots.push({ place, index: hiddenMapIndex(hidden, l + 1, k), feature: false, on: true });
      }),
    );
    elements.push(this.neuronNode(layout.output, "Output neuron"));
    this.slots.push({ place: layout.output, index: outputMapIndex(hidden), feature: false, on: true });
    this.nodesLayer.replaceChildren(...elements);
  }

  private neuronNode(place: NodePlace, name: string): HTMLElement {
    const node = html("div", "nnw-pg-node");
    node.tabIndex = 0;
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", name);
    node.dataset.neuron = place.id;
    this.placeNode(node, place);
    return node;
  }

  private placeNode(node: HTMLElement, place: NodePlace): void {
    node.style.left = `${place.cx}px`;
    node.style.top = `${place.cy}px`;
    node.addEventListener("mouseenter", () => this.hover(place.id));
    node.addEventListener("mouseleave", () => this.hover(null));
    node.addEventListener("focus", () => this.hover(place.id));
    node.addEventListener("blur", () => this.hover(null));
  }

  private buildNeuronControls(layout: NetworkLayout, hidden: readonly number[]): void {
    const { model, controls } = this.context;
    const groups = layout.hiddenX.map((x, l) => {
      const group = html("div", "nnw-pg-neuron-control");
      group.style.left = `${x}px`;
      const buttons = html("div");
      const add = iconButton(`Add a neuron to hidden layer ${l + 1}`, ICONS.add);
      const remove = iconButton(`Remove a neuron from hidden layer ${l + 1}`, ICONS.remove);
      const edit = (delta: 1 | -1) => {
        const next = changeNeurons(model.get("hidden"), l, delta);
        if (next) setTrait(model, "hidden", next);
      };
      add.addEventListener("click", () => edit(1));
      remove.addEventListener("click", () => edit(-1));
      buttons.append(add, remove);
      group.append(buttons, html("span", "", neuronsLabel(hidden[l])));
      this.unregister.push(
        controls.add("hidden", add, [add], () => changeNeurons(model.get("hidden"), l, 1) === null),
        controls.add("hidden", remove, [remove], () => changeNeurons(model.get("hidden"), l, -1) === null),
      );
      return group;
    });
    this.neuronControls.replaceChildren(...groups);
  }

  /** Recolours links and biases from the latest weights, touching only what changed. */
  private drawWeights(): void {
    const { model } = this.context;
    const sizes = layerSizes(model.get("features").length, model.get("hidden"));
    this.weights = parseWeights(model.get("_weights"), sizes);
    const layers = this.weights;
    for (const link of this.links) {
      const layer = layers?.[link.layer];
      const weight = layer ? layer.W[link.i * layer.outputs + link.j] : 0;
      const color = valueColor(weight);
      const width = linkWidthAttr(weight);
      if (color !== link.color) link.path.setAttribute("stroke", (link.color = color));
      if (width !== link.width) link.path.setAttribute("stroke-width", (link.width = width));
    }
    for (const bias of this.biases) {
      const color = valueColor(layers?.[bias.layer]?.b[bias.j] ?? 0);
      if (color !== bias.color) bias.rect.setAttribute("fill", (bias.color = color));
    }
    this.editor.refresh();
  }

  /** Paints every node's map onto the diagram's canvas. */
  private drawMaps(): void {
    const { model } = this.context;
    const lut = mapLut(model.get("discretize"));
    const resolution = model.get("_map_resolution");
    if (this.featureAtlasStale) {
      this.featureAtlas.load(model.get("_feature_maps"), resolution, FEATURES.length, lut);
      this.featureAtlasStale = false;
    }
    if (this.neuronAtlasStale) {
      this.neuronAtlas.load(model.get("_maps"), resolution, mapCount(model.get("hidden")), lut);
      this.neuronAtlasStale = false;
    }
    const context = this.canvas.context();
    if (!context) return;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    for (const { place, index, feature, on } of this.slots) {
      context.globalAlpha = on ? 1 : OFF_OPACITY;
      const atlas = feature ? this.featureAtlas : this.neuronAtlas;
      atlas.draw(context, index, place.cx - NODE_SIZE / 2, place.cy - NODE_SIZE / 2, NODE_SIZE);
    }
    context.globalAlpha = 1;
  }

  /** Asks the kernel to show a neuron's map in the output view (null: the output again). */
  private hover(neuron: NeuronId | null): void {
    clearTimeout(this.unhoverTimer);
    if (neuron === null) {
      if (this.hovered === null) return;
      this.unhoverTimer = window.setTimeout(() => {
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

  /** Which link or bias an event is about, with a point beside it for the card. */
  private targetOf(element: Element | null): { target: EditTarget; x: number; y: number } | null {
    const hit = element?.closest?.("[data-link], [data-bias]");
    if (!hit || !this.layout) return null;
    const linkIndex = hit.getAttribute("data-link");
    if (linkIndex !== null) {
      const { layer, i, j, mid } = this.links[Number(linkIndex)];
      return { target: { kind: "weight", layer, i, j }, x: mid.x + 12, y: mid.y + 8 };
    }
    const bias = this.biases[Number(hit.getAttribute("data-bias"))];
    const x = Number(bias.rect.getAttribute("x"));
    const y = Number(bias.rect.getAttribute("y"));
    return { target: { kind: "bias", layer: bias.layer, j: bias.j }, x: x + 12, y: y + 10 };
  }

  /** Pointer and keyboard handling for links and biases, delegated to the SVG. */
  private listen(): void {
    const { life } = this.context;
    const canEdit = () => !this.context.controls.isHidden("weights");
    const netPoint = (event: MouseEvent) => {
      const box = this.net.getBoundingClientRect();
      return { x: event.clientX - box.left + 14, y: event.clientY - box.top + 10 };
    };
    life.listen<MouseEvent>(this.svg, "mouseover", (event) => {
      const found = this.targetOf(event.target as Element);
      if (!found || !canEdit()) return;
      const { x, y } = netPoint(event);
      this.editor.hover(found.target, x, y);
    });
    life.listen<MouseEvent>(this.svg, "mouseout", (event) => {
      if (this.targetOf(event.target as Element)) this.editor.unhover();
    });
    life.listen<MouseEvent>(this.svg, "click", (event) => {
      const found = this.targetOf(event.target as Element);
      if (!found || !canEdit()) return;
      const { x, y } = netPoint(event);
      this.editor.edit(found.target, x, y, event.target as SVGElement);
    });
    life.listen<FocusEvent>(this.svg, "focusin", (event) => {
      const found = this.targetOf(event.target as Element);
      if (found && canEdit()) this.editor.hover(found.target, found.x, found.y);
    });
    life.listen<FocusEvent>(this.svg, "focusout", () => this.editor.unhover());
    life.listen<KeyboardEvent>(this.svg, "keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      const found = this.targetOf(event.target as Element);
      if (!found || !canEdit()) return;
      event.preventDefault();
      this.editor.edit(found.target, found.x, found.y, event.target as SVGElement);
    });
    // Enter on a neuron edits its bias.
    life.listen<KeyboardEvent>(this.nodesLayer, "keydown", (event) => {
      const neuron = (event.target as HTMLElement).dataset?.neuron;
      if (event.key !== "Enter" || !neuron || !canEdit()) return;
      const bias = this.biasOf(neuron);
      if (!bias) return;
      event.preventDefault();
      const found = this.targetOf(bias.rect);
      if (found) this.editor.edit(found.target, found.x, found.y, event.target as HTMLElement);
    });
  }

  private biasOf(neuron: NeuronId): BiasItem | undefined {
    if (neuron === "output") return this.biases[this.biases.length - 1];
    const [layer, index] = neuron.split(":").map(Number);
    return this.biases.find((b) => b.layer === layer - 1 && b.j === index);
  }
}
