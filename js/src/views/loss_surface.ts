// The LossSurface view: one neuron's loss over its two weights as a heatmap with contours (low
// is light), and gradient descent's path at a small, a good and a too-large learning rate.

import type { AnyModel } from "@anywidget/types";
import { type Binary, readFloat32 } from "../shared/binary";
import { Lifetime } from "../shared/lifetime";
import { drawFrame, makeAxes } from "./axes";
import { adoptViewStyles, element, readTheme, Surface, type Theme } from "./kit";
import { contourLevels, type Extent, surfacePixels, toCanvas, visiblePath } from "./loss_surface_maths";
import { niceTicks } from "./scales";

export interface LossSurfaceState {
  rates: number[];
  labels: string[];
  minimum: number[];
  extent: number[];
  paths: number[][][];
  _surface: Binary;
  _resolution: number;
}

const PATH_COLORS = ["#0877bd", "#2ca02c", "#d62728"]; // small, good, too large
const SIZE = 440;

export function renderLossSurface({ model, el }: { model: AnyModel<LossSurfaceState>; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-surface");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title", "Loss over two weights");
  title.append(element("span", "nnw-v-soft", " · gradient descent at three learning rates"));
  const surface = life.own(new Surface("nnw-v-surface-canvas", (context, width) => paint(context, width)));
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  canvas.style.width = `min(100%, ${SIZE}px)`;
  canvas.style.aspectRatio = "1 / 1";
  canvas.style.height = "auto";
  const legend = element("div", "nnw-v-legend");
  const note = element(
    "p",
    "nnw-v-note",
    "Light is low loss. Each dot is one step w ← w − rate · ∂E/∂w from the ring; × is the bottom of the bowl.",
  );
  root.append(title, canvas, legend, note);
  el.append(root);
  let theme: Theme = readTheme(root);
  const heat = document.createElement("canvas");

  const update = () => {
    const resolution = model.get("_resolution");
    const values = readFloat32(model.get("_surface"));
    if (values.length === resolution * resolution && resolution > 0) {
      heat.width = heat.height = resolution;
      const image = new ImageData(resolution, resolution);
      image.data.set(surfacePixels(values, resolution, contourLevels(values)));
      heat.getContext("2d")?.putImageData(image, 0, 0);
    }
    const rates = model.get("rates") ?? [];
    const labels = model.get("labels") ?? [];
    const extent = model.get("extent") as unknown as Extent;
    legend.replaceChildren(
      ...rates.map((rate, k) => {
        const item = element("span");
        const key = element("i", "nnw-v-line-key");
        key.style.borderColor = PATH_COLORS[k % PATH_COLORS.length];
        const gone = extent && visiblePath(extent, model.get("paths")[k] ?? []).flewOff;
        item.append(key, `${labels[k] ?? ""} learning rate ${rate}${gone ? ": flies off" : ""}`);
        return item;
      }),
    );
    canvas.setAttribute(
      "aria-label",
      `Loss surface over weights w1 and w2 with ${rates.length} gradient-descent paths: ` +
        rates.map((rate, k) => `${labels[k]} rate ${rate}`).join(", "),
    );
    root.dataset.paths = String(model.get("paths")?.length ?? 0);
    surface.invalidate();
  };

  const paint = (context: CanvasRenderingContext2D, width: number) => {
    const extent = model.get("extent") as unknown as Extent;
    if (!extent || extent.length !== 4) return;
    const box = { left: 46, top: 10, size: Math.max(width - 58, 60) };
    const right = box.left + box.size;
    const bottom = box.top + box.size;
    context.imageSmoothingEnabled = true;
    context.drawImage(heat, box.left, box.top, box.size, box.size);
    const axes = makeAxes(
      { left: box.left, top: box.top, right, bottom },
      { lo: extent[0], hi: extent[1] },
      { lo: extent[2], hi: extent[3] },
    );
    drawFrame(
      context,
      theme,
      { left: box.left, top: box.top, right, bottom },
      axes,
      niceTicks(extent[0], extent[1], 5),
      niceTicks(extent[2], extent[3], 5),
      { x: "weight w₁", y: "weight w₂" },
    );
    context.save();
    context.beginPath();
    context.rect(box.left, box.top, box.size, box.size);
    context.clip();
    const paths = model.get("paths") ?? [];
    // The too-large path first: its long zig-zags would hide the small one's short steps.
    for (let k = paths.length - 1; k >= 0; k--) drawPath(context, extent, box, paths[k], PATH_COLORS[k % PATH_COLORS.length]);
    const [mx, my] = toCanvas(extent, box, model.get("minimum") ?? [0, 0]);
    context.strokeStyle = "#212121";
    context.lineWidth = 2.5;
    context.beginPath();
    context.moveTo(mx - 6, my - 6);
    context.lineTo(mx + 6, my + 6);
    context.moveTo(mx + 6, my - 6);
    context.lineTo(mx - 6, my + 6);
    context.stroke();
    if (paths.length) {
      const [sx, sy] = toCanvas(extent, box, paths[0][0]);
      context.lineWidth = 2.5;
      context.beginPath();
      context.arc(sx, sy, 7, 0, 2 * Math.PI);
      context.stroke();
    }
    context.restore();
    root.dataset.drawn = "true";
  };

  life.onChange(model, ["_surface", "_resolution", "extent", "paths", "rates", "labels", "minimum"], update);
  life.onTheme(() => {
    theme = readTheme(root);
    surface.invalidate();
  });
  update();
  return () => life.dispose();
}

function drawPath(
  context: CanvasRenderingContext2D,
  extent: Extent,
  box: { left: number; top: number; size: number },
  path: number[][],
  color: string,
): void {
  const { points, flewOff } = visiblePath(extent, path);
  const xy = points.map((w) => toCanvas(extent, box, w));
  if (!xy.length) return;
  // A white casing under each line keeps it readable on dark and light parts of the heatmap.
  for (const [stroke, width] of [
    ["rgba(255,255,255,0.85)", 5],
    [color, 2.5],
  ] as const) {
    context.strokeStyle = stroke;
    context.lineWidth = width;
    context.lineJoin = "round";
    context.beginPath();
    xy.forEach(([x, y], k) => (k ? context.lineTo(x, y) : context.moveTo(x, y)));
    context.stroke();
  }
  context.fillStyle = color;
  context.strokeStyle = "white";
  context.lineWidth = 1;
  const shown = flewOff ? xy.slice(0, -1) : xy;
  for (const [x, y] of shown) {
    context.beginPath();
    context.arc(x, y, 3.2, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  }
}
