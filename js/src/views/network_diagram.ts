// The NetworkDiagram view: columns of nodes (input first) joined by links in the Playground's
// colours (orange negative, blue positive), wider for larger weights; wide layers collapse to a
// few nodes and an ellipsis (diagram_layout.ts); under each column its name, size, activation
// and parameter count. Nodes are filled with their bias' colour.

import type { AnyModel } from "@anywidget/types";
import { divergingColor } from "../shared/colors";
import { Lifetime } from "../shared/lifetime";
import { type Binary, readFloat32 } from "../shared/binary";
import { type ColumnSpec, layoutDiagram, linkWidthFor, maxLinkWidth, moreLabel, weightOffsets } from "./diagram_layout";
import { adoptViewStyles, element, font, readTheme, Surface, type Theme } from "./kit";

interface Column extends ColumnSpec {
  name: string;
  kind: string;
  labels: string[] | null;
  activation: string | null;
  params: number;
  notes: string[];
}

export interface NetworkDiagramState {
  max_nodes: number;
  _layers: Column[];
  _weights: Binary;
  _scales: Binary;
  _frame: number;
}

const GAP = 30;
const RADIUS = 9;
const LABEL_AREA = 62;

function rgb(value: number): string {
  const [r, g, b] = divergingColor(Number.isNaN(value) ? 0 : value);
  return `rgb(${r},${g},${b})`;
}

/** Text with a halo of the surface colour, readable over links. */
function haloText(context: CanvasRenderingContext2D, theme: Theme, text: string, x: number, y: number): void {
  context.save();
  context.lineWidth = 3;
  context.lineJoin = "round";
  context.strokeStyle = theme.surface;
  context.strokeText(text, x, y);
  context.restore();
  context.fillText(text, x, y);
}

export function renderNetworkDiagram({
  model,
  el,
}: {
  model: AnyModel<NetworkDiagramState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-diagram");
  life.add(() => root.remove());
  const surface = life.own(new Surface("nnw-v-diagram-canvas", (context, width) => paint(context, width)));
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  const legend = element("div", "nnw-v-legend");
  legend.innerHTML =
    '<span><i class="nnw-v-line-key" style="border-color:#f59322"></i>negative weight</span>' +
    '<span><i class="nnw-v-line-key" style="border-color:#0877bd"></i>positive weight</span>' +
    "<span>thicker: larger |weight| · node colour: bias</span>";
  root.append(canvas, legend);
  el.append(root);
  let theme: Theme = readTheme(root);

  const columns = () => model.get("_layers") ?? [];

  const resize = () => {
    const tallest = Math.max(1, ...columns().map((c) => c.shown.length + (c.more > 0 ? 1 : 0)));
    canvas.style.height = `${16 + tallest * GAP + LABEL_AREA}px`;
    const total = columns().reduce((sum, c) => sum + c.params, 0);
    const sizes = columns().map((c) => c.units).join("–");
    canvas.setAttribute("aria-label", `Network diagram: ${sizes} units, ${total.toLocaleString("en-US")} parameters`);
    root.dataset.frame = String(model.get("_frame"));
    surface.invalidate();
  };

  function paint(context: CanvasRenderingContext2D, width: number): void {
    const specs = columns();
    if (specs.length === 0) return;
    const weights = readFloat32(model.get("_weights"));
    const scales = readFloat32(model.get("_scales"));
    const offsets = weightOffsets(specs, weights.length);
    const hasLabels = specs[0].labels != null;
    const layout = layoutDiagram(specs, {
      width,
      gap: GAP,
      marginX: Math.min(90, width / (2 * specs.length)) + (hasLabels ? 20 : 0),
      marginTop: 16,
    });
    // Links, weakest first so the strong ones lie on top.
    const links: { x0: number; y0: number; x1: number; y1: number; w: number; k: number }[] = [];
    for (let k = 0; k + 1 < specs.length; k++) {
      const from = layout.columns[k].nodes;
      const to = layout.columns[k + 1].nodes;
      const cols = specs[k + 1].shown.length;
      for (const a of from) {
        if (a.row < 0) continue;
        for (const b of to) {
          if (b.row < 0) continue;
          links.push({ x0: a.x, y0: a.y, x1: b.x, y1: b.y, w: weights[offsets[k].w + a.row * cols + b.row], k });
        }
      }
    }
    links.sort((p, q) => Math.abs(p.w / (scales[p.k * 2 + 1] || 1)) - Math.abs(q.w / (scales[q.k * 2 + 1] || 1)));
    const widest = specs.slice(1).map((spec, k) => maxLinkWidth(spec.shown.length * specs[k].shown.length));
    context.lineCap = "round";
    for (const link of links) {
      const colorScale = scales[link.k * 2] || 1;
      context.strokeStyle = rgb(link.w / colorScale);
      context.lineWidth = linkWidthFor(link.w, scales[link.k * 2 + 1] || 1, widest[link.k]);
      context.globalAlpha = 0.85;
      const middle = (link.x0 + link.x1) / 2;
      context.beginPath();
      context.moveTo(link.x0 + RADIUS, link.y0);
      context.bezierCurveTo(middle, link.y0, middle, link.y1, link.x1 - RADIUS, link.y1);
      context.stroke();
    }
    context.globalAlpha = 1;
    // Nodes: inputs hollow, others filled with their bias' colour; an ellipsis as "⋮ N more".
    layout.columns.forEach((column, c) => {
      const spec = specs[c];
      for (const node of column.nodes) {
        if (node.unit < 0) {
          context.fillStyle = theme.soft;
          context.font = font(theme, 18, 700);
          context.textAlign = "center";
          context.textBaseline = "middle";
          context.fillText("⋮", node.x, node.y);
          context.font = font(theme, 10);
          context.fillStyle = theme.label;
          context.textAlign = "left";
          haloText(context, theme, moreLabel(spec.more), node.x + RADIUS + 2, node.y);
          continue;
        }
        context.beginPath();
        context.arc(node.x, node.y, RADIUS, 0, 2 * Math.PI);
        if (c === 0) {
          context.fillStyle = theme.surface;
        } else {
          const bias = weights[offsets[c - 1].b + node.row];
          context.fillStyle = rgb(bias / (scales[(c - 1) * 2] || 1));
        }
        context.fill();
        context.lineWidth = 1.5;
        context.strokeStyle = theme.text;
        context.stroke();
        const label = spec.labels?.[node.row];
        if (label) {
          context.fillStyle = theme.soft;
          context.font = font(theme, 12);
          context.textAlign = "right";
          context.textBaseline = "middle";
          context.fillText(label, node.x - RADIUS - 6, node.y);
        } else if (spec.more > 0 && node.unit === spec.units - 1) {
          // The last node's index says how far the ellipsis reaches.
          context.fillStyle = theme.label;
          context.font = font(theme, 10);
          context.textAlign = c === 0 ? "right" : "left";
          context.textBaseline = "middle";
          const x = c === 0 ? node.x - RADIUS - 4 : node.x + RADIUS + 3;
          haloText(context, theme, `#${node.unit.toLocaleString("en-US")}`, x, node.y + (c === 0 ? 0 : 12));
        }
      }
      // The column's caption.
      const y = layout.height + 10;
      context.textAlign = "center";
      context.textBaseline = "top";
      context.fillStyle = theme.text;
      context.font = font(theme, 12, 600);
      context.fillText(spec.name, column.x, y);
      context.font = font(theme, 11);
      context.fillStyle = theme.soft;
      const size = `${spec.units.toLocaleString("en-US")} unit${spec.units === 1 ? "" : "s"}`;
      const notes = spec.notes.length ? ` · ${spec.notes.join(" · ")}` : "";
      context.fillText(`${size}${spec.activation ? ` · ${spec.activation}` : ""}${notes}`, column.x, y + 16);
      context.fillStyle = theme.label;
      if (c > 0) context.fillText(`${spec.params.toLocaleString("en-US")} params`, column.x, y + 31);
    });
  }

  life.onChange(model, ["_frame", "_layers"], resize);
  life.onTheme(() => {
    theme = readTheme(root);
    surface.invalidate();
  });
  resize();
  return () => life.dispose();
}
