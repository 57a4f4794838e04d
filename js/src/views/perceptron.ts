// The Perceptron: y = f(w·x + b) with a slider per weight and the bias and a choice of f. One
// input: a number line, coloured by the output, its threshold marked and the points on it; two:
// the plane, its half-planes coloured, the boundary line and the points. Beside it, f's curve
// with the data's z and the probe's operating point; above, the formula with its numbers.
// This module puts the parts together: perceptron_state.ts reads the model, perceptron_line.ts,
// perceptron_plane.ts and perceptron_curve.ts paint, perceptron_controls.ts edits,
// perceptron_text.ts words it, and perceptron_maths.ts computes.

import { Lifetime } from "../shared/lifetime";
import { adoptViewStyles, element, readTheme, Surface, type Theme } from "./kit";
import { buildControls } from "./perceptron_controls";
import { paintCurve } from "./perceptron_curve";
import { paintLine } from "./perceptron_line";
import { CLASS_COLORS, type ToData } from "./perceptron_marks";
import { PlanePainter } from "./perceptron_plane";
import { probeAfterKey } from "./perceptron_probe";
import { inputsOf, type PerceptronModel, readPerceptron } from "./perceptron_state";
import {
  className,
  correctCount,
  curveLabel,
  formulaOf,
  mainLabel,
  operatingText,
  scoreText,
  titleDetail,
} from "./perceptron_text";

/** Traits whose change redraws all but the legend (which follows `classes`). */
const REDRAWN_BY = [
  "weights", "bias", "activation", "probe", "ranges", "weight_limit", "bias_limit", "unit", "feature_names", "_points",
  "_labels",
];

export function renderPerceptron({ model, el }: { model: PerceptronModel; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-perceptron");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title");
  const formula = element("div", "nnw-v-formula");
  formula.setAttribute("aria-live", "polite");
  const operating = element("p", "nnw-v-note nnw-v-operating");
  const plots = element("div", "nnw-v-perceptron-plots");
  const main = life.own(new Surface("nnw-v-perceptron-main", (context, width, height) => paintMain(context, width, height)));
  const curve = life.own(
    new Surface("nnw-v-perceptron-curve", (context, width, height) =>
      paintCurve(context, theme, readPerceptron(model), width, height),
    ),
  );
  for (const canvas of [main.canvas, curve.canvas]) {
    canvas.removeAttribute("aria-hidden");
    canvas.setAttribute("role", "img");
  }
  plots.append(main.canvas, curve.canvas);
  const controls = buildControls(model, life, inputsOf(model), () => update());
  const legend = element("div", "nnw-v-legend");
  const note = element("p", "nnw-v-note");
  root.append(title, formula, plots, controls.element, operating, legend, note);
  el.append(root);

  let theme: Theme = readTheme(root);
  let drawCount = 0;
  const plane = new PlanePainter();
  // Where a pointer on the main plot lies in the data, as last painted.
  let toData: ToData | null = null;

  const applySize = () => {
    const size = model.get("size");
    const inputs = inputsOf(model);
    main.canvas.style.width = `min(100%, ${size}px)`;
    main.canvas.style.height = inputs === 1 ? "170px" : "auto";
    main.canvas.style.aspectRatio = inputs === 1 ? "" : "1 / 1";
    curve.canvas.style.width = "250px";
    curve.canvas.style.height = inputs === 1 ? "170px" : `${Math.min(size, 250)}px`;
    root.style.maxWidth = `${size + 250 + 48}px`;
  };

  const update = () => {
    const reading = readPerceptron(model);
    controls.show(reading);
    title.replaceChildren("Perceptron");
    title.append(element("span", "nnw-v-soft", titleDetail(reading)));
    formula.textContent = formulaOf(reading);
    operating.textContent = operatingText(reading);
    const right = correctCount(reading);
    note.textContent = scoreText(reading, right);
    root.dataset.correct = String(right);
    main.canvas.setAttribute("aria-label", mainLabel(reading));
    curve.canvas.setAttribute("aria-label", curveLabel(reading));
    plane.invalidate();
    main.invalidate();
    curve.invalidate();
  };

  const drawLegend = () => {
    const reading = readPerceptron(model);
    const item = (color: string, text: string, ring = false) => {
      const span = element("span");
      const swatch = element("i", "nnw-v-swatch");
      if (ring) {
        swatch.style.background = "transparent";
        swatch.style.border = `2px solid ${color}`;
      } else swatch.style.background = color;
      span.append(swatch, text);
      return span;
    };
    legend.replaceChildren(
      item(CLASS_COLORS[1], `${className(reading, 1)}: on (w·x + b ≥ 0)`),
      item(CLASS_COLORS[0], `${className(reading, 0)}: off`),
      item(theme.soft, "fill: predicted class, ring: true class", true),
    );
  };

  function paintMain(context: CanvasRenderingContext2D, width: number, height: number): void {
    const reading = readPerceptron(model);
    toData =
      reading.inputs === 1
        ? paintLine(context, theme, reading, width, height)
        : plane.paint(context, theme, reading, width, height);
    drawCount++;
    root.dataset.drawn = String(drawCount);
  }

  // --- the probe: drag on the plot ---------------------------------------------------------
  let dragging: number | null = null;
  const moveProbe = (event: PointerEvent) => {
    if (!toData) return;
    const rect = main.canvas.getBoundingClientRect();
    const { ranges } = readPerceptron(model);
    const value = toData(event.clientX - rect.left, event.clientY - rect.top);
    const clamped = value.map((v, k) => Number(Math.min(Math.max(v, ranges[k].lo), ranges[k].hi).toFixed(2)));
    model.set("probe", clamped);
    model.save_changes();
    update();
  };
  life.listen<PointerEvent>(main.canvas, "pointerdown", (event) => {
    dragging = event.pointerId;
    main.canvas.setPointerCapture(event.pointerId);
    moveProbe(event);
    event.preventDefault();
  });
  life.listen<PointerEvent>(main.canvas, "pointermove", (event) => {
    if (dragging === event.pointerId) moveProbe(event);
  });
  const release = (event: PointerEvent) => {
    if (dragging === event.pointerId) dragging = null;
  };
  life.listen(main.canvas, "pointerup", release);
  life.listen(main.canvas, "pointercancel", release);
  // The keyboard's way to move the probe: focus the plot, then arrows (perceptron_probe.ts).
  main.canvas.tabIndex = 0;
  main.canvas.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight ArrowUp ArrowDown PageUp PageDown Home End");
  life.listen<KeyboardEvent>(main.canvas, "keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { probe, ranges } = readPerceptron(model);
    const moved = probeAfterKey(probe, ranges, event.key);
    if (!moved) return;
    event.preventDefault();
    event.stopPropagation(); // not JupyterLab's
    model.set("probe", moved);
    model.save_changes();
    update();
  });

  const relabel = () => {
    drawLegend();
    update();
  };
  life.onChange(model, REDRAWN_BY, update);
  life.on(model, "change:classes", relabel);
  life.on(model, "change:size", applySize);
  life.onTheme(() => {
    theme = readTheme(root);
    relabel();
  });
  applySize();
  relabel();
  return () => life.dispose();
}
