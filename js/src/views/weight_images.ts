// The WeightImages view: each unit's incoming weights as a small image in a grid, in the
// Playground's diverging colours (orange −, grey 0, blue +), scaled as the kernel says (each
// image to its own ±max|w|, or one scale for all), pixels kept sharp.

import type { AnyModel } from "@anywidget/types";
import { type Binary, readBytes, readFloat32 } from "../shared/binary";
import { mapToRgba, PLAYGROUND_LUT } from "../shared/colors";
import { Lifetime } from "../shared/lifetime";
import { adoptViewStyles, element, font, readTheme, Surface, type Theme } from "./kit";
import { formatTick } from "./scales";

export interface WeightImagesState {
  layer_name: string;
  shape: [number, number];
  units: number;
  shown: number;
  scale: "unit" | "shared";
  cell: number;
  _images: Binary;
  _maxima: Binary;
}

const GAP = 6;
const CAPTION = 13;

/** How many images fit in a row of `width` CSS pixels. */
export function gridColumns(width: number, cell: number, count: number): number {
  return Math.max(1, Math.min(count, Math.floor((width + GAP) / (cell + GAP))));
}

export function renderWeightImages({
  model,
  el,
}: {
  model: AnyModel<WeightImagesState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-weights");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title");
  const surface = life.own(new Surface("nnw-v-weights-canvas", (context, width) => paint(context, width)));
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  const legend = element("div", "nnw-v-legend");
  const note = element("p", "nnw-v-note");
  root.append(title, canvas, legend, note);
  el.append(root);
  let theme: Theme = readTheme(root);
  // All images side by side at their own resolution; drawImage scales each without smoothing.
  const atlas = document.createElement("canvas");
  let lastWidth = 0;

  const update = () => {
    const [rows, cols] = model.get("shape");
    const shown = model.get("shown");
    const units = model.get("units");
    const images = readBytes(model.get("_images"));
    if (images.length === rows * cols * shown && shown > 0) {
      atlas.width = cols * shown;
      atlas.height = rows;
      const pixels = new ImageData(cols * shown, rows);
      const one = new Uint8ClampedArray(rows * cols * 4);
      for (let k = 0; k < shown; k++) {
        mapToRgba(images.subarray(k * rows * cols, (k + 1) * rows * cols), PLAYGROUND_LUT, one);
        for (let r = 0; r < rows; r++) {
          pixels.data.set(one.subarray(r * cols * 4, (r + 1) * cols * 4), (r * cols * shown + k * cols) * 4);
        }
      }
      atlas.getContext("2d")?.putImageData(pixels, 0, 0);
    }
    title.replaceChildren(model.get("layer_name"));
    title.append(
      element(
        "span",
        "nnw-v-soft",
        ` · incoming weights of ${shown < units ? `${shown} of ${units}` : units} unit${units === 1 ? "" : "s"}, ${rows}×${cols} each`,
      ),
    );
    const maxima = readFloat32(model.get("_maxima"));
    const shared = model.get("scale") === "shared";
    const gradient = element("span");
    gradient.append(
      shared ? `−${formatTick(maxima[0] ?? 1)} ` : "−max ",
      element("i", "nnw-v-gradient"),
      shared ? ` +${formatTick(maxima[0] ?? 1)}` : " +max",
    );
    legend.replaceChildren(
      gradient,
      element(
        "span",
        "",
        shared
          ? "one colour scale for all images (scale='shared')"
          : "each image on its own symmetric scale, ±its largest |weight| (scale='unit')",
      ),
    );
    note.textContent =
      shown < units ? `The first ${shown} units are shown; this layer has ${units}. (max_units= shows more.)` : "";
    note.hidden = shown >= units;
    canvas.setAttribute(
      "aria-label",
      `Incoming weights of ${shown} units of ${model.get("layer_name")} as ${rows}×${cols} images`,
    );
    resize();
  };

  const resize = () => {
    const width = surface.width || root.clientWidth || 600;
    lastWidth = width;
    const cell = model.get("cell");
    const shown = model.get("shown");
    const perRow = gridColumns(width, cell, shown);
    const gridRows = Math.ceil(shown / perRow);
    canvas.style.height = `${gridRows * (cell + CAPTION + GAP)}px`;
    surface.invalidate();
  };

  function paint(context: CanvasRenderingContext2D, width: number): void {
    if (Math.abs(width - lastWidth) > 0.5) {
      // The grid's row count follows the width: fix the height, then draw again.
      life.frame(resize);
    }
    const [rows, cols] = model.get("shape");
    const shown = model.get("shown");
    if (atlas.width !== cols * shown || shown === 0) return;
    const cell = model.get("cell");
    const perRow = gridColumns(width, cell, shown);
    const cellHeight = (cell * rows) / Math.max(rows, cols);
    const cellWidth = (cell * cols) / Math.max(rows, cols);
    context.imageSmoothingEnabled = false;
    context.font = font(theme, 10);
    context.textAlign = "center";
    context.textBaseline = "top";
    context.fillStyle = theme.label;
    for (let k = 0; k < shown; k++) {
      const x = (k % perRow) * (cell + GAP) + (cell - cellWidth) / 2;
      const y = Math.floor(k / perRow) * (cell + CAPTION + GAP);
      context.drawImage(atlas, k * cols, 0, cols, rows, x, y, cellWidth, cellHeight);
      context.strokeStyle = theme.line;
      context.lineWidth = 1;
      context.strokeRect(x - 0.5, y - 0.5, cellWidth + 1, cellHeight + 1);
      context.fillText(String(k), x + cellWidth / 2, y + cellHeight + 1);
    }
  }

  life.onChange(model, ["_images", "_maxima", "shape", "shown", "scale"], update);
  life.on(model, "change:cell", resize);
  life.onTheme(() => {
    theme = readTheme(root);
    surface.invalidate();
  });
  update();
  return () => life.dispose();
}
