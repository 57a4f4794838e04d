// The DATA column: dataset thumbnails to choose from, the number of classes (classification),
// the three sliders, and "Regenerate".

import { pointColors } from "../shared/class_colors";
import { CLASS_COUNTS, DATASETS, UI_LIMITS } from "../shared/spec";
import { boundSelect, boundSlider } from "./bound_inputs";
import { follow, send, setTrait, taskOf, type ViewContext } from "./context";
import { datasetTitle, unavailableReason } from "./datasets";
import { html } from "./dom";
import { numericMenu } from "./menu_options";
import { toCanvas } from "./plane";
import { parseThumbnails, type PointRows } from "./points";

const THUMBNAIL_SIZE = 34;

/** Paints thumbnail points: x1 to the right, x2 upwards, as on the output map. */
function drawThumbnail(
  canvas: HTMLCanvasElement,
  rows: PointRows | undefined,
  colorOf: (label: number) => string,
): void {
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
    const { x, y } = toCanvas(rows[k], rows[k + 1], THUMBNAIL_SIZE);
    context.fillStyle = colorOf(rows[k + 2]);
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
  let unregister: (() => void)[] = [];
  const names = () => (DATASETS[model.get("problem")] ?? []) as readonly string[];

  const drawThumbnails = () => {
    const sets = parseThumbnails(model.get("_thumbnails"), names(), model.get("_thumbnail_points"));
    const colorOf = pointColors(taskOf(model));
    for (const { name, canvas } of buttons) drawThumbnail(canvas, sets?.get(name), colorOf);
  };
  /** Data sets without that many classes are shown, disabled, saying why. */
  const markAvailable = () => {
    for (const { name, button } of buttons) {
      const reason = unavailableReason(name, taskOf(model));
      button.title = reason ?? datasetTitle(name);
      button.classList.toggle("nnw-pg-unavailable", reason !== null);
    }
    controls.refresh();
    context.loop.invalidate("thumbnails");
  };
  const markSelected = () => {
    const selected = model.get("dataset");
    for (const { name, button } of buttons) button.setAttribute("aria-pressed", String(name === selected));
  };
  const rebuild = () => {
    unregister.forEach((undo) => undo());
    buttons = names().map((name) => {
      const button = html("button", "nnw-pg-dataset");
      button.type = "button";
      button.setAttribute("aria-label", name);
      const canvas = html("canvas");
      canvas.setAttribute("aria-hidden", "true"); // a picture of the name the button says
      button.append(canvas);
      button.addEventListener("click", () => {
        if (model.get("dataset") !== name) setTrait(model, "dataset", name);
      });
      return { name, button, canvas };
    });
    list.replaceChildren(...buttons.map((b) => b.button));
    unregister = buttons.map(({ name, button }) =>
      controls.add("dataset", button, [button], () => unavailableReason(name, taskOf(model)) !== null),
    );
    markSelected();
    markAvailable();
  };
  life.add(() => unregister.forEach((undo) => undo()));
  context.loop.part("thumbnails", drawThumbnails);
  follow(context, ["problem"], rebuild);
  life.on(model, "change:classes", markAvailable);
  follow(context, ["dataset"], markSelected);
  life.onChange(model, ["_thumbnails", "_thumbnail_points"], () => context.loop.invalidate("thumbnails"));

  const [minRatio, maxRatio] = UI_LIMITS.train_ratio;
  const [minNoise, maxNoise] = UI_LIMITS.noise;
  const [minBatch, maxBatch] = UI_LIMITS.batch_size;
  const classes = boundSelect(context, {
    control: "classes",
    trait: "classes",
    label: "Classes",
    title: "Classes in the data: more than two train a softmax output with cross-entropy",
    choices: (current) => numericMenu(CLASS_COUNTS, current).map((n) => ({ value: String(n), label: String(n) })),
    encode: String,
    decode: Number,
  });
  follow(context, ["problem"], () => {
    classes.hidden = model.get("problem") !== "classification";
  });
  const sliders = html("div", "nnw-pg-sliders");
  sliders.append(
    classes,
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
