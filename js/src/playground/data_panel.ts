// The DATA column: dataset thumbnails to choose from, the three sliders, and "Regenerate".

import { boundSlider } from "./bound_inputs";
import { follow, send, setTrait, type ViewContext } from "./context";
import { html } from "./dom";
import { parseThumbnails, type PointRows } from "./points";
import { DATASETS, UI_LIMITS } from "./protocol";
import { valueColor } from "./link_style";

const DATASET_TITLES: Record<string, string> = {
  circle: "Circle",
  xor: "Exclusive or",
  gauss: "Gaussian",
  spiral: "Spiral",
  plane: "Plane",
  multigauss: "Multi gaussian",
};

const THUMBNAIL_SIZE = 34;
const DOMAIN = 6;

/** Paints thumbnail points: x1 to the right, x2 upwards, as on the output map. */
function drawThumbnail(canvas: HTMLCanvasElement, rows: PointRows | undefined): void {
  const scale = Math.max(1, Math.ceil(devicePixelRatio));
  const side = THUMBNAIL_SIZE * scale;
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const context = canvas.getContext("2d");
  if (!context) return;
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.clearRect(0, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  if (!rows) return;
  const dot = 1.6;
  for (let k = 0; k + 2 < rows.length; k += 3) {
    const x = ((rows[k] + DOMAIN) / (2 * DOMAIN)) * THUMBNAIL_SIZE;
    const y = ((DOMAIN - rows[k + 1]) / (2 * DOMAIN)) * THUMBNAIL_SIZE;
    context.fillStyle = valueColor(rows[k + 2]);
    context.fillRect(x - dot / 2, y - dot / 2, dot, dot);
  }
}

export function buildDataPanel(context: ViewContext): HTMLElement {
  const { model, life, controls } = context;
  const column = html("section", "nnw-pg-data");
  column.setAttribute("aria-label", "Data");
  column.append(html("h4", "nnw-pg-heading", "Data"));

  const choose = html("div", "nnw-pg-choose");
  const list = html("div", "nnw-pg-datasets");
  list.setAttribute("role", "group");
  list.setAttribute("aria-label", "Dataset");
  choose.append(html("p", "nnw-pg-hint", "Which dataset do you want to use?"), list);
  controls.add("dataset", choose);

  let buttons: { name: string; button: HTMLButtonElement; canvas: HTMLCanvasElement }[] = [];
  let unregister: (() => void) | null = null;
  const names = () => (DATASETS[model.get("problem")] ?? []) as readonly string[];

  const drawThumbnails = () => {
    const sets = parseThumbnails(model.get("_thumbnails"), names(), model.get("_thumbnail_points"));
    for (const { name, canvas } of buttons) drawThumbnail(canvas, sets?.get(name));
  };
  const markSelected = () => {
    const selected = model.get("dataset");
    for (const { name, button } of buttons) button.setAttribute("aria-pressed", String(name === selected));
  };
  const rebuild = () => {
    unregister?.();
    buttons = names().map((name) => {
      const button = html("button", "nnw-pg-dataset");
      button.type = "button";
      button.setAttribute("aria-label", name);
      button.title = DATASET_TITLES[name] ?? name;
      const canvas = html("canvas");
      button.append(canvas);
      button.addEventListener("click", () => {
        if (model.get("dataset") !== name) setTrait(model, "dataset", name);
      });
      return { name, button, canvas };
    });
    list.replaceChildren(...buttons.map((b) => b.button));
    unregister = controls.add("dataset", list, buttons.map((b) => b.button));
    markSelected();
    context.loop.invalidate("thumbnails");
  };
  life.add(() => unregister?.());
  context.loop.part("thumbnails", drawThumbnails);
  follow(context, ["problem"], rebuild);
  follow(context, ["dataset"], markSelected);
  for (const trait of ["_thumbnails", "_thumbnail_points"] as const) {
    life.on(model, `change:${trait}`, () => context.loop.invalidate("thumbnails"));
  }

  const [minRatio, maxRatio] = UI_LIMITS.trainRatio;
  const [minNoise, maxNoise] = UI_LIMITS.noise;
  const [minBatch, maxBatch] = UI_LIMITS.batchSize;
  const sliders = html("div", "nnw-pg-sliders");
  sliders.append(
    boundSlider(context, {
      control: "train_ratio",
      trait: "train_ratio",
      label: "Ratio of training to test data",
      min: minRatio,
      max: maxRatio,
      step: 10,
      unit: "%",
    }),
    boundSlider(context, { control: "noise", trait: "noise", label: "Noise", min: minNoise, max: maxNoise, step: 5 }),
    boundSlider(context, {
      control: "batch_size",
      trait: "batch_size",
      label: "Batch size",
      min: minBatch,
      max: maxBatch,
      step: 1,
    }),
  );
  const regenerate = html("button", "nnw-pg-text-button", "Regenerate");
  regenerate.type = "button";
  regenerate.title = "Regenerate data";
  life.listen(regenerate, "click", () => send(model, { type: "command", name: "regenerate" }));
  controls.add("regenerate", regenerate, [regenerate]);
  sliders.append(regenerate);

  column.append(choose, sliders);
  return column;
}
