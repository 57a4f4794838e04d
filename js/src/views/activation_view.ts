// The ActivationView: the data as a 2- or 3-unit layer sees it, one dot per row coloured by class,
// with a slider replaying the epochs. Two units: a scatter with axes. Three: a cube that turns
// when dragged (or with the arrow keys), the maths in projection.ts.

import type { AnyModel } from "@anywidget/types";
import { type Binary, readBytes, readFloat32 } from "../shared/binary";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import { drawFrame, makeAxes } from "./axes";
import { adoptViewStyles, element, font, readTheme, sizeSquarePlot, Surface, type Theme } from "./kit";
import { PacedVoice } from "./paced_voice";
import { cubeEdges, projectCorner, projectPoints } from "./projection";
import { classColors, type Extent, extent, formatTick, niceTicks, padExtent } from "./scales";
import { Turntable } from "./turntable";

export interface ActivationViewState {
  layer_name: string;
  activation: string | null;
  units: number[];
  classes: string[];
  epoch: number;
  epochs: number;
  accuracy: number | null;
  accuracy_label: string;
  total_points: number;
  size: number;
  _points: Binary;
  _labels: Binary;
}

/** As the Playground's announcer: often enough to follow training, rarely enough not to talk over. */
const ANNOUNCE_INTERVAL_MS = 5000;

export function renderActivationView({
  model,
  el,
}: {
  model: AnyModel<ActivationViewState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-activation");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title");
  const surface = life.own(new Surface("nnw-v-scatter", (context, width, height) => paint(context, width, height)));
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  const legend = element("div", "nnw-v-legend");
  const replay = element("label", "nnw-v-replay");
  const slider = element("input");
  slider.type = "range";
  slider.min = "0";
  slider.step = "1";
  slider.setAttribute("aria-label", "Epoch");
  const sliderText = element("output");
  // An <output> is a live region of its own: it would speak every epoch fit records. The
  // paced region below says where training is instead.
  sliderText.setAttribute("aria-live", "off");
  replay.append("Epoch", slider, sliderText);
  const note = element("p", "nnw-v-note");
  const voice = new LiveRegion("nnw-v-activation-announcer");
  root.append(title, canvas, legend, replay, note, voice.element);
  el.append(root);
  const paced = life.own(new PacedVoice(voice, ANNOUNCE_INTERVAL_MS));

  let theme: Theme = readTheme(root);
  const turntable = new Turntable(canvas, life, () => dims() === 3, () => surface.invalidate());
  let drawCount = 0;

  const dims = () => Math.max(2, Math.min(3, (model.get("units") ?? []).length));
  const unitName = (k: number) => `${model.get("layer_name")}[${model.get("units")?.[k] ?? k}]`;

  const applySize = () => sizeSquarePlot(canvas, root, model.get("size"));

  const describe = () => {
    const epoch = model.get("epoch");
    const epochs = model.get("epochs");
    const accuracy = model.get("accuracy");
    const activation = model.get("activation");
    title.replaceChildren();
    title.append(model.get("layer_name"));
    if (activation) title.append(element("span", "nnw-v-soft", ` (${activation})`));
    const epochText = epoch === 0 ? "epoch 0 (before training)" : `epoch ${epoch}`;
    title.append(element("span", "nnw-v-soft", ` · ${epochText}`));
    if (accuracy != null) {
      title.append(` · ${model.get("accuracy_label")} ${(accuracy * 100).toFixed(1)} %`);
    }
    slider.max = String(epochs);
    slider.value = String(epoch);
    slider.disabled = epochs === 0;
    sliderText.value = `${epoch} / ${epochs}`;
    const total = model.get("total_points");
    const shown = readFloat32(model.get("_points")).length / dims();
    const parts = [];
    if (total > shown) parts.push(`${shown.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} points shown`);
    else parts.push(`${total.toLocaleString("en-US")} points`);
    if (dims() === 3) parts.push("drag (or use the arrow keys on the plot) to turn it");
    if (epochs === 0) parts.push("pass this view to fit(callbacks=[...]) to record each epoch");
    note.textContent = parts.join(" · ");
    canvas.setAttribute(
      "aria-label",
      `${model.get("layer_name")}: the data as units ${(model.get("units") ?? []).join(", ")} see it, ` +
        `${epochText}${dims() === 3 ? "; drag or use the arrow keys to turn" : ""}`,
    );
  };

  const drawLegend = () => {
    const colors = classColors(model.get("classes")?.length ?? 0);
    legend.replaceChildren(
      ...(model.get("classes") ?? []).map((name, k) => {
        const item = element("span");
        const swatch = element("i", "nnw-v-swatch");
        swatch.style.background = colors[k];
        item.append(swatch, `class ${name}`);
        return item;
      }),
    );
  };

  const setupInteraction = () => {
    const rotatable = dims() === 3;
    canvas.classList.toggle("nnw-v-rotatable", rotatable);
    if (rotatable) canvas.tabIndex = 0;
    else canvas.removeAttribute("tabindex");
  };

  function paint(context: CanvasRenderingContext2D, width: number, height: number): void {
    const points = readFloat32(model.get("_points"));
    const labels = readBytes(model.get("_labels"));
    const d = dims();
    const count = Math.min(Math.floor(points.length / d), labels.length);
    const colors = classColors(model.get("classes")?.length ?? 0);
    if (d === 2) paint2d(context, width, height, points, labels, count, colors);
    else paint3d(context, width, height, points, labels, count, colors);
    drawCount++;
    root.dataset.drawn = String(drawCount);
  }

  function paint2d(
    context: CanvasRenderingContext2D,
    width: number,
    height: number,
    points: Float32Array,
    labels: Uint8Array,
    count: number,
    colors: string[],
  ): void {
    const box = { left: 48, top: 8, right: width - 10, bottom: height - 36 };
    const xRange = padExtent(extent(points.subarray(0, count * 2), 2, 0));
    const yRange = padExtent(extent(points.subarray(0, count * 2), 2, 1));
    const axes = makeAxes(box, xRange, yRange);
    drawFrame(context, theme, box, axes, niceTicks(xRange.lo, xRange.hi, 5), niceTicks(yRange.lo, yRange.hi, 5), {
      x: unitName(0),
      y: unitName(1),
    });
    context.save();
    context.beginPath();
    context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.clip();
    context.globalAlpha = 0.8;
    context.lineWidth = 0.6;
    context.strokeStyle = theme.surface;
    const radius = count > 2000 ? 2.2 : 3.2;
    for (let k = 0; k < count; k++) {
      context.fillStyle = colors[labels[k] % colors.length];
      context.beginPath();
      context.arc(axes.x(points[k * 2]), axes.y(points[k * 2 + 1]), radius, 0, 2 * Math.PI);
      context.fill();
      if (count <= 2000) context.stroke();
    }
    context.restore();
  }

  function paint3d(
    context: CanvasRenderingContext2D,
    width: number,
    height: number,
    points: Float32Array,
    labels: Uint8Array,
    count: number,
    colors: string[],
  ): void {
    const used = points.subarray(0, count * 3);
    const ranges = [0, 1, 2].map((axis) => padExtent(extent(used, 3, axis), 0)) as [Extent, Extent, Extent];
    const size = Math.min(width, height) * 0.86;
    const cx = width / 2;
    const cy = height / 2 + 4;
    // The cube, then its three axes from the corner (-1, -1, -1), labelled with their ranges.
    context.save();
    context.lineWidth = 1;
    context.strokeStyle = theme.line;
    context.beginPath();
    for (const [a, b] of cubeEdges()) {
      const [x0, y0] = projectCorner(a, turntable.angles, cx, cy, size);
      const [x1, y1] = projectCorner(b, turntable.angles, cx, cy, size);
      context.moveTo(x0, y0);
      context.lineTo(x1, y1);
    }
    context.stroke();
    const origin = projectCorner([-1, -1, -1], turntable.angles, cx, cy, size);
    context.strokeStyle = theme.soft;
    context.lineWidth = 1.5;
    context.font = font(theme, 11);
    context.fillStyle = theme.soft;
    for (let axis = 0; axis < 3; axis++) {
      const end: [number, number, number] = [-1, -1, -1];
      end[axis] = 1;
      const [ex, ey] = projectCorner(end, turntable.angles, cx, cy, size);
      context.beginPath();
      context.moveTo(origin[0], origin[1]);
      context.lineTo(ex, ey);
      context.stroke();
      const beyond: [number, number, number] = [-1, -1, -1];
      beyond[axis] = 1.25;
      const [lx, ly] = projectCorner(beyond, turntable.angles, cx, cy, size);
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.fillText(unitName(axis), lx, ly);
      context.fillStyle = theme.label;
      context.font = font(theme, 9);
      context.fillText(`up to ${formatTick(ranges[axis].hi)}`, lx, ly + 13);
      context.font = font(theme, 11);
      context.fillStyle = theme.soft;
    }
    context.fillStyle = theme.label;
    context.font = font(theme, 9);
    context.fillText(
      `(${ranges.map((r) => formatTick(r.lo)).join(", ")})`,
      origin[0],
      origin[1] + 12,
    );
    context.restore();
    const projected = projectPoints(used, ranges, turntable.angles, cx, cy, size);
    context.save();
    context.lineWidth = 0.6;
    context.strokeStyle = theme.surface;
    for (const k of projected.order) {
      const near = projected.depth[k]; // about -1.7 (far) to 1.7 (near)
      context.globalAlpha = 0.55 + 0.12 * near;
      context.fillStyle = colors[labels[k] % colors.length];
      context.beginPath();
      context.arc(projected.x[k], projected.y[k], (count > 2000 ? 2.2 : 3) * (1 + 0.12 * near), 0, 2 * Math.PI);
      context.fill();
      if (count <= 2000) context.stroke();
    }
    context.restore();
  }

  life.listen(slider, "input", () => {
    model.set("epoch", Number(slider.value));
    model.save_changes();
  });
  life.listen(slider, "keydown", (event) => event.stopPropagation()); // not JupyterLab's

  const redraw = () => {
    describe();
    surface.invalidate();
  };
  const relabel = () => {
    drawLegend();
    setupInteraction();
    redraw();
  };
  life.onChange(model, ["_points", "_labels", "epoch", "epochs", "accuracy"], redraw);
  life.onChange(model, ["classes", "units", "layer_name"], relabel);
  // A new epoch recorded while fit trains (a replay by the slider speaks through the slider).
  life.on(model, "change:epochs", () => paced.tell(title.textContent ?? ""));
  life.on(model, "change:size", applySize);
  life.onTheme(() => {
    theme = readTheme(root);
    surface.invalidate();
  });
  applySize();
  relabel();
  return () => life.dispose();
}
