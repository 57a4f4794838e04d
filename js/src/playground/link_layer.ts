// The diagram's links and bias squares as SVG. Built once per shape; each frame only changes
// the colour and width attributes that moved. Each pair of columns' links is its own SVG, painted
// on its own: a browser repaints a whole SVG when one of its dashed links changes, which cost the
// largest network half a core while one SVG held all 384. The bias squares are one more;
// the invisible wide "hit" paths that take hovers, clicks and keyboard focus never change, so
// they sit in an SVG that is not repainted.

import { valueColor } from "../shared/colors";
import { html, svg } from "./dom";
import { BIAS_SIZE, type NodePlace, NODE_SIZE } from "./layout";
import { linkEnds, linkMidpoint, linkPath } from "./link_geometry";
import { flowOffset, flowStep, linkWidthAttr } from "./link_style";
import type { NeuronId } from "./protocol";
import type { EditTarget } from "./weight_editor";
import type { Layer } from "./weights";

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
  neuron: NeuronId;
  layer: number;
  j: number;
  color: string;
}

const REDUCED_MOTION =
  typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : null;

export class LinkLayer {
  /** The links' SVGs and the biases'; the dashes' flow is set here and inherited. */
  readonly element = html("div", "nnw-pg-link-group");
  readonly hitSvg = svg("svg", { class: "nnw-pg-net-svg nnw-pg-hit-svg" });
  private readonly biasSvg = svg("svg", { class: "nnw-pg-net-svg nnw-pg-bias-svg" });
  private dashOffset = 0;
  private readonly hitGroup = svg("g");
  private links: LinkItem[] = [];
  private biases: BiasItem[] = [];

  constructor() {
    this.hitSvg.append(this.hitGroup);
  }

  /**
   * Links every node of each column to every node of the next (`columns`: inputs switched on,
   * hidden layers, outputs), and a bias square for each non-input node. `editable`: whether
   * links and biases take focus and pointer events.
   */
  build(columns: NodePlace[][], width: number, height: number, editable: boolean): void {
    for (const element of [this.biasSvg, this.hitSvg]) {
      element.setAttribute("width", String(width));
      element.setAttribute("height", String(height));
    }
    const strips: SVGSVGElement[] = [];
    const hits: SVGPathElement[] = [];
    const rects: SVGRectElement[] = [];
    this.links = [];
    this.biases = [];
    for (let layer = 0; layer + 1 < columns.length; layer++) {
      const sources = columns[layer];
      const strip = linkStrip(columns[layer], columns[layer + 1], height);
      strips.push(strip);
      columns[layer + 1].forEach((target, j) => {
        sources.forEach((source, i) => {
          const ends = linkEnds(source, target, i, sources.length);
          const d = linkPath(ends);
          const path = svg("path", { class: "nnw-pg-link", d, stroke: valueColor(0), "stroke-width": 1 });
          strip.append(path);
          this.links.push({ path, mid: linkMidpoint(ends), layer, i, j, color: "", width: "" });
          if (editable) {
            hits.push(
              svg("path", {
                class: "nnw-pg-link-hit",
                d,
                tabindex: 0,
                role: "button",
                "aria-label": `Weight from ${source.id} to ${target.id}`,
                "data-link": this.links.length - 1,
              }),
            );
          }
        });
        // Left of the node's lower corner, as in the original.
        const rect = svg("rect", {
          class: "nnw-pg-bias",
          x: target.cx - NODE_SIZE / 2 - BIAS_SIZE - 4,
          y: target.cy + NODE_SIZE / 2 - BIAS_SIZE + 5,
          width: BIAS_SIZE,
          height: BIAS_SIZE,
          fill: valueColor(0),
          "data-bias": this.biases.length,
        });
        if (editable) {
          rect.setAttribute("tabindex", "0");
          rect.setAttribute("role", "button");
          rect.setAttribute("aria-label", `Bias of ${target.id}`);
        }
        rects.push(rect);
        this.biases.push({ rect, neuron: target.id, layer, j, color: "" });
      });
    }
    this.element.replaceChildren(...strips, this.biasSvg);
    this.hitGroup.replaceChildren(...hits);
    this.biasSvg.replaceChildren(...rects);
  }

  /**
   * Moves the links' dashes to where time `now` (ms) puts them, as the original's flowing links
   * while training. Stepped from drawn frames rather than animated by CSS: a CSS animation
   * repainted every link at the display's rate on top of the frames, and cost the largest
   * network its 30 frames a second. Many links move in fewer, larger steps (link_style.ts).
   */
  flow(now: number = performance.now()): void {
    if (REDUCED_MOTION?.matches) return;
    const offset = flowOffset(now, flowStep(this.links.length));
    if (offset === this.dashOffset) return;
    this.dashOffset = offset;
    this.element.style.strokeDashoffset = String(-offset);
  }

  /** Colours and sizes links and biases from `layers` (null: the weights do not fit yet). */
  draw(layers: Layer[] | null): void {
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
  }

  /** Which link or bias an element stands for, with a point beside it for the hover card. */
  targetOf(element: Element | null): { target: EditTarget; x: number; y: number } | null {
    const hit = element?.closest?.("[data-link], [data-bias]");
    if (!hit) return null;
    const linkIndex = hit.getAttribute("data-link");
    if (linkIndex !== null) {
      const link = this.links[Number(linkIndex)];
      if (!link) return null;
      const { layer, i, j, mid } = link;
      return { target: { kind: "weight", layer, i, j }, x: mid.x + 12, y: mid.y + 8 };
    }
    const bias = this.biases[Number(hit.getAttribute("data-bias"))];
    if (!bias) return null;
    const x = Number(bias.rect.getAttribute("x"));
    const y = Number(bias.rect.getAttribute("y"));
    return { target: { kind: "bias", layer: bias.layer, j: bias.j }, x: x + 12, y: y + 10 };
  }

  /** The bias square of a hidden or output neuron. */
  biasOf(neuron: NeuronId): SVGRectElement | undefined {
    return this.biases.find((b) => b.neuron === neuron)?.rect;
  }
}

/**
 * An SVG for the links from column `sources` to column `targets`, spanning the diagram's height
 * between the two columns' centres (links run between the nodes' edges, well inside), in the
 * diagram's coordinates.
 */
function linkStrip(sources: NodePlace[], targets: NodePlace[], height: number): SVGSVGElement {
  const left = sources[0]?.cx ?? 0;
  const width = Math.max(0, (targets[0]?.cx ?? left) - left);
  const strip = svg("svg", {
    class: "nnw-pg-net-svg nnw-pg-link-strip",
    width,
    height,
    viewBox: `${left} 0 ${width} ${height}`,
  });
  strip.style.left = `${left}px`;
  return strip;
}
