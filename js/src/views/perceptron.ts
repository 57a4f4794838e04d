// The Perceptron: y = f(w·x + b) with a slider per weight and the bias and a choice of f. One
// input: a number line, coloured by the output, its threshold marked and the points on it; two:
// the plane, its half-planes coloured, the boundary line and the points. Beside it, f's curve
// with the data's z and the probe's operating point; above, the formula with its numbers. The
// maths is in perceptron_maths.ts.

import type { AnyModel } from "@anywidget/types";
import { divergingColor, PLAYGROUND_COLORS } from "../shared/colors";
import { readBytes, readFloat32 } from "../shared/binary";
import { drawActivationCurve, curveColor } from "./activation_gallery";
import { drawFrame, makeAxes } from "./axes";
import { element, font, injectViewStyles, onThemeChange, readTheme, Surface, type Theme } from "./kit";
import {
  ACTIVATION_INFO,
  ACTIVATIONS,
  activate,
  type Activation,
  boundarySegment,
  curveDomain,
  decimalsFor,
  fixed,
  formulaText,
  isActivation,
  netInput,
  predictedClass,
  shade,
  sliderBounds,
  sliderStep,
  stackLanes,
  threshold,
  variableNames,
} from "./perceptron_maths";
import { type Extent, formatTick, linearScale, niceTicks } from "./scales";

export interface PerceptronState {
  inputs: number;
  weights: number[];
  bias: number;
  activation: string;
  probe: number[];
  feature_names: string[];
  unit: string;
  classes: string[];
  ranges: number[][];
  weight_limit: number;
  bias_limit: number;
  size: number;
  _points: DataView;
  _labels: DataView;
}

const CLASS_COLORS = [PLAYGROUND_COLORS.negative, PLAYGROUND_COLORS.positive];
/** The background is the output's colour at this strength, so that the points stand out. */
const BACKGROUND_STRENGTH = 0.6;
const SHORT_NAMES = { step: "step", sigmoid: "sigmoid", relu: "ReLU", tanh: "tanh", linear: "linear" } as const;
const GRID = 120; // cells a side of the 2-D background

export function renderPerceptron({ model, el }: { model: AnyModel<PerceptronState>; el: HTMLElement }): () => void {
  injectViewStyles();
  const root = element("div", "nnw-v nnw-v-perceptron");
  const title = element("p", "nnw-v-title");
  const formula = element("div", "nnw-v-formula");
  formula.setAttribute("aria-live", "polite");
  const operating = element("p", "nnw-v-note nnw-v-operating");
  const plots = element("div", "nnw-v-perceptron-plots");
  const main = new Surface("nnw-v-perceptron-main", (context, width, height) => paintMain(context, width, height));
  const curve = new Surface("nnw-v-perceptron-curve", (context, width, height) => paintCurve(context, width, height));
  for (const canvas of [main.canvas, curve.canvas]) {
    canvas.removeAttribute("aria-hidden");
    canvas.setAttribute("role", "img");
  }
  plots.append(main.canvas, curve.canvas);
  const controls = element("div", "nnw-v-perceptron-controls");
  const legend = element("div", "nnw-v-legend");
  const note = element("p", "nnw-v-note");
  root.append(title, formula, plots, controls, operating, legend, note);
  el.append(root);

  let theme: Theme = readTheme(root);
  let drawCount = 0;
  let background: HTMLCanvasElement | null = null;

  // --- controls ---------------------------------------------------------------------------
  interface Slider {
    input: HTMLInputElement;
    value: HTMLOutputElement;
  }
  const makeSlider = (label: string): Slider => {
    const row = element("label", "nnw-v-slider");
    const name = element("span", "nnw-v-slider-name", label);
    const input = element("input");
    input.type = "range";
    input.setAttribute("aria-label", label);
    const value = element("output");
    row.append(name, input, value);
    controls.append(row);
    input.addEventListener("keydown", (event) => event.stopPropagation()); // not JupyterLab's
    return { input, value };
  };
  const inputs = () => (model.get("inputs") === 2 ? 2 : 1);
  const weightSliders: Slider[] = [];
  for (let k = 0; k < inputs(); k++) weightSliders.push(makeSlider(`w${k + 1}`));
  const biasSlider = makeSlider("bias");
  const selectRow = element("label", "nnw-v-slider nnw-v-select");
  const select = element("select");
  select.setAttribute("aria-label", "Activation");
  for (const name of ACTIVATIONS) {
    const option = element("option", "", ACTIVATION_INFO[name].label);
    option.value = name;
    select.append(option);
  }
  selectRow.append(element("span", "nnw-v-slider-name", "Activation"), select);
  controls.append(selectRow);
  select.addEventListener("keydown", (event) => event.stopPropagation());

  weightSliders.forEach((slider, k) => {
    slider.input.addEventListener("input", () => {
      const weights = [...(model.get("weights") ?? [])];
      weights[k] = Number(slider.input.value);
      model.set("weights", weights);
      model.save_changes();
      update();
    });
  });
  biasSlider.input.addEventListener("input", () => {
    model.set("bias", Number(biasSlider.input.value));
    model.save_changes();
    update();
  });
  select.addEventListener("change", () => {
    model.set("activation", select.value);
    model.save_changes();
    update();
  });

  // --- reading the state ------------------------------------------------------------------
  const activation = (): Activation => {
    const name = model.get("activation");
    return isActivation(name) ? name : "step";
  };
  const weights = () => model.get("weights") ?? [];
  const bias = () => model.get("bias") ?? 0;
  const range = (k: number): Extent => {
    const r = model.get("ranges")?.[k];
    return r && r.length === 2 && r[1] > r[0] ? { lo: r[0], hi: r[1] } : { lo: -6, hi: 6 };
  };
  const points = () => readFloat32(model.get("_points"));
  const labels = () => readBytes(model.get("_labels"));
  const count = () => Math.min(Math.floor(points().length / inputs()), labels().length);
  const zOf = (k: number) => netInput(weights(), bias(), points().subarray(k * inputs(), (k + 1) * inputs()));
  const probeZ = () => netInput(weights(), bias(), model.get("probe") ?? []);
  const weightDecimals = () => decimalsFor(sliderStep(model.get("weight_limit")));
  const biasDecimals = () => decimalsFor(sliderStep(model.get("bias_limit")));
  const unit = () => model.get("unit") ?? "";
  const withUnit = (value: string) => (unit() ? `${value} ${unit()}` : value);
  const className = (c: number) => {
    const name = model.get("classes")?.[c] || String(c);
    return /^\d+$/.test(name) ? `class ${name}` : name;
  };
  /** x₁, or "x₁ = height" when the input has a name of its own. */
  const axisName = (k: number) => {
    const variable = variableNames(inputs())[k];
    const name = model.get("feature_names")?.[k] ?? "";
    const own = name && !["x", "x1", "x2", variable].includes(name);
    return own ? `${variable} = ${name}` : variable;
  };

  const applySize = () => {
    const size = model.get("size");
    main.canvas.style.width = `min(100%, ${size}px)`;
    main.canvas.style.height = inputs() === 1 ? "170px" : "auto";
    main.canvas.style.aspectRatio = inputs() === 1 ? "" : "1 / 1";
    curve.canvas.style.width = "250px";
    curve.canvas.style.height = inputs() === 1 ? "170px" : `${Math.min(size, 250)}px`;
    root.style.maxWidth = `${size + 250 + 48}px`;
  };

  const update = () => {
    const w = weights();
    const b = bias();
    const f = activation();
    const wd = weightDecimals();
    const bd = biasDecimals();
    weightSliders.forEach((slider, k) => {
      const step = sliderStep(model.get("weight_limit"));
      const [lo, hi] = sliderBounds(model.get("weight_limit"), w[k] ?? 0);
      Object.assign(slider.input, { min: String(lo), max: String(hi), step: String(step) });
      slider.input.value = String(w[k] ?? 0);
      slider.value.value = fixed(w[k] ?? 0, wd);
    });
    const [lo, hi] = sliderBounds(model.get("bias_limit"), b);
    Object.assign(biasSlider.input, { min: String(lo), max: String(hi), step: String(sliderStep(model.get("bias_limit"))) });
    biasSlider.input.value = String(b);
    biasSlider.value.value = fixed(b, bd);
    select.value = f;

    title.replaceChildren("Perceptron");
    const about = inputs() === 1 ? axisName(0) : `${axisName(0)}, ${axisName(1)}`;
    const unitText = inputs() === 1 && unit() ? ` (${unit()})` : "";
    title.append(element("span", "nnw-v-soft", ` · ${inputs()} input${inputs() === 1 ? "" : "s"}: ${about}${unitText}`));
    formula.textContent = formulaText(f, w, b, wd, bd);

    const probe = model.get("probe") ?? [];
    const z = probeZ();
    const at =
      inputs() === 1
        ? `at x = ${withUnit(fixed(probe[0] ?? 0, 1))}`
        : `at x = (${probe.map((v) => fixed(v, 2)).join(", ")})`;
    operating.textContent = `${at}: z = w·x + b = ${fixed(z, 2)}, y = f(z) = ${fixed(activate(f, z), 3)} → ${className(predictedClass(z))}`;

    let right = 0;
    const n = count();
    for (let k = 0; k < n; k++) if (predictedClass(zOf(k)) === labels()[k]) right++;
    const boundary = inputs() === 1 ? thresholdText() : "the line w·x + b = 0";
    note.textContent = `${right} of ${n} points on their class's side of ${boundary} · drag on the plot to move the probe ◆`;
    root.dataset.correct = String(right);
    main.canvas.setAttribute("aria-label", mainLabel());
    curve.canvas.setAttribute(
      "aria-label",
      `${ACTIVATION_INFO[f].label} curve y = f(z), the probe at z = ${fixed(z, 2)}, y = ${fixed(activate(f, z), 3)}`,
    );
    background = null;
    main.invalidate();
    curve.invalidate();
  };

  const thresholdText = () => {
    const t = threshold(weights()[0] ?? 0, bias());
    if (t === null) return "no threshold (w1 = 0)";
    return `the threshold x = ${withUnit(fixed(t, 1))}`;
  };

  const mainLabel = () => {
    if (inputs() === 1) {
      const t = threshold(weights()[0] ?? 0, bias());
      return `Number line of ${model.get("feature_names")?.[0] ?? "x"}: ${t === null ? "no threshold" : `threshold at ${withUnit(fixed(t, 1))}`}, on ${(weights()[0] ?? 0) >= 0 ? "above" : "below"} it`;
    }
    const [w1, w2] = weights();
    return `The plane of x₁ and x₂ with the boundary ${fixed(w1, 2)}·x₁ + ${fixed(w2, 2)}·x₂ + ${fixed(bias(), 2)} = 0`;
  };

  const drawLegend = () => {
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
      item(CLASS_COLORS[1], `${className(1)}: on (w·x + b ≥ 0)`),
      item(CLASS_COLORS[0], `${className(0)}: off`),
      item(theme.soft, "fill: predicted class, ring: true class", true),
    );
  };

  // --- painting ---------------------------------------------------------------------------
  const colorOf = (value: number) => {
    const [r, g, b] = divergingColor(value * BACKGROUND_STRENGTH);
    return `rgb(${r}, ${g}, ${b})`;
  };

  const drawPoint = (context: CanvasRenderingContext2D, x: number, y: number, predicted: number, truth: number) => {
    context.beginPath();
    context.arc(x, y, 5.5, 0, 2 * Math.PI);
    context.fillStyle = CLASS_COLORS[predicted];
    context.fill();
    context.lineWidth = 2.2;
    context.strokeStyle = CLASS_COLORS[truth];
    context.stroke();
    context.beginPath();
    context.arc(x, y, 6.8, 0, 2 * Math.PI);
    context.lineWidth = 1;
    context.strokeStyle = "rgba(255, 255, 255, 0.9)";
    context.stroke();
  };

  const drawProbe = (context: CanvasRenderingContext2D, x: number, y: number) => {
    context.save();
    context.beginPath();
    context.moveTo(x, y - 7);
    context.lineTo(x + 7, y);
    context.lineTo(x, y + 7);
    context.lineTo(x - 7, y);
    context.closePath();
    context.fillStyle = theme.surface;
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = theme.text;
    context.stroke();
    context.restore();
  };

  let mainGeometry: { toData: (px: number, py: number) => number[] } | null = null;

  function paintMain(context: CanvasRenderingContext2D, width: number, height: number): void {
    if (inputs() === 1) paintLine(context, width, height);
    else paintPlane(context, width, height);
    drawCount++;
    root.dataset.drawn = String(drawCount);
  }

  function paintLine(context: CanvasRenderingContext2D, width: number, height: number): void {
    const f = activation();
    const [w] = weights();
    const b = bias();
    const xr = range(0);
    const box = { left: 14, right: width - 14, top: 34, bottom: height - 44 };
    const x = linearScale(xr, box.left, box.right);
    const toData = (px: number) => xr.lo + ((px - box.left) / (box.right - box.left)) * (xr.hi - xr.lo);
    mainGeometry = { toData: (px) => [toData(px)] };
    // The band, coloured by the output along the line.
    for (let px = Math.floor(box.left); px < box.right; px++) {
      context.fillStyle = colorOf(shade(f, w * toData(px + 0.5) + b));
      context.fillRect(px, box.top, 1, box.bottom - box.top);
    }
    context.strokeStyle = theme.strong;
    context.lineWidth = 1;
    context.strokeRect(box.left + 0.5, box.top + 0.5, box.right - box.left - 1, box.bottom - box.top - 1);
    // Axis and ticks.
    context.fillStyle = theme.label;
    context.font = font(theme, 10);
    context.textAlign = "center";
    context.textBaseline = "top";
    context.beginPath();
    for (const t of niceTicks(xr.lo, xr.hi, 8)) {
      const px = Math.round(x(t)) + 0.5;
      context.moveTo(px, box.bottom);
      context.lineTo(px, box.bottom + 4);
      context.fillText(formatTick(t), px, box.bottom + 6);
    }
    context.stroke();
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    const names = model.get("feature_names") ?? [];
    context.fillText(`${names[0] ?? "x"}${unit() ? ` (${unit()})` : ""}`, (box.left + box.right) / 2, box.bottom + 22);
    // The points, in lanes so that none hides another.
    const n = count();
    const pts = points();
    const lbl = labels();
    const positions = Array.from({ length: n }, (_, k) => x(pts[k]));
    const lanes = stackLanes(positions, 12, 3);
    const laneHeight = (box.bottom - box.top) / 3;
    for (let k = 0; k < n; k++) {
      const y = box.bottom - laneHeight * (lanes[k] + 0.5);
      drawPoint(context, positions[k], y, predictedClass(w * pts[k] + b), lbl[k]);
    }
    // The threshold.
    const t = threshold(w, b);
    context.textBaseline = "bottom";
    if (t !== null && t >= xr.lo && t <= xr.hi) {
      const px = Math.round(x(t)) + 0.5;
      context.strokeStyle = theme.text;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(px, box.top - 6);
      context.lineTo(px, box.bottom + 2);
      context.stroke();
      const text = `threshold ${withUnit(fixed(t, 1))} · on ${w > 0 ? "→" : "←"}`;
      context.font = font(theme, 12, 500);
      context.fillStyle = theme.text;
      const half = context.measureText(text).width / 2;
      context.textAlign = "center";
      context.fillText(text, Math.min(Math.max(px, box.left + half), box.right - half), box.top - 8);
    } else {
      context.font = font(theme, 12, 500);
      context.fillStyle = theme.text;
      context.textAlign = "center";
      const on = w * (xr.lo + xr.hi) / 2 + b >= 0;
      const where = t === null ? "w1 = 0: no threshold" : `threshold ${withUnit(fixed(t, 1))}, off the line`;
      context.fillText(`${where} · always ${on ? "on" : "off"}`, (box.left + box.right) / 2, box.top - 8);
    }
    // The probe, below the band.
    const probe = model.get("probe")?.[0] ?? 0;
    const pp = Math.min(Math.max(x(probe), box.left), box.right);
    drawProbe(context, pp, box.bottom);
  }

  function paintPlane(context: CanvasRenderingContext2D, width: number, height: number): void {
    const f = activation();
    const [w1, w2] = weights();
    const b = bias();
    const xr = range(0);
    const yr = range(1);
    const box = { left: 36, top: 8, right: width - 8, bottom: height - 34 };
    const axes = makeAxes(box, xr, yr);
    mainGeometry = {
      toData: (px, py) => [
        xr.lo + ((px - box.left) / (box.right - box.left)) * (xr.hi - xr.lo),
        yr.lo + ((box.bottom - py) / (box.bottom - box.top)) * (yr.hi - yr.lo),
      ],
    };
    if (!background) {
      background = document.createElement("canvas");
      background.width = GRID;
      background.height = GRID;
      const bg = background.getContext("2d");
      if (bg) {
        const image = bg.createImageData(GRID, GRID);
        for (let row = 0; row < GRID; row++) {
          const y = yr.hi - ((row + 0.5) / GRID) * (yr.hi - yr.lo);
          for (let col = 0; col < GRID; col++) {
            const xv = xr.lo + ((col + 0.5) / GRID) * (xr.hi - xr.lo);
            const [r, g, bl] = divergingColor(shade(f, w1 * xv + w2 * y + b) * BACKGROUND_STRENGTH);
            image.data.set([r, g, bl, 255], (row * GRID + col) * 4);
          }
        }
        bg.putImageData(image, 0, 0);
      }
    }
    context.save();
    context.imageSmoothingEnabled = true;
    context.drawImage(background, box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.restore();
    drawFrame(context, theme, box, axes, [], [], {});
    // Ticks and labels without grid lines over the colours.
    context.fillStyle = theme.label;
    context.font = font(theme, 10);
    context.textAlign = "center";
    context.textBaseline = "top";
    for (const t of niceTicks(xr.lo, xr.hi, 6)) context.fillText(formatTick(t), axes.x(t), box.bottom + 3);
    context.textAlign = "right";
    context.textBaseline = "middle";
    for (const t of niceTicks(yr.lo, yr.hi, 6)) context.fillText(formatTick(t), box.left - 4, axes.y(t));
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    context.textAlign = "center";
    context.textBaseline = "top";
    context.fillText(axisName(0), (box.left + box.right) / 2, box.bottom + 17);
    context.save();
    context.translate(10, (box.top + box.bottom) / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = "middle";
    context.fillText(axisName(1), 0, 0);
    context.restore();

    context.save();
    context.beginPath();
    context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.clip();
    const segment = boundarySegment(w1, w2, b, xr, yr);
    if (segment) {
      const [x0, y0, x1, y1] = segment;
      // Dark on a pale halo: the plane's colours are the same in either theme.
      context.beginPath();
      context.moveTo(axes.x(x0), axes.y(y0));
      context.lineTo(axes.x(x1), axes.y(y1));
      context.strokeStyle = "rgba(255, 255, 255, 0.7)";
      context.lineWidth = 4.5;
      context.stroke();
      context.strokeStyle = "#1f1f1f";
      context.lineWidth = 2;
      context.stroke();
      // The normal w from the segment's middle: the side where the neuron is on.
      const mx = axes.x((x0 + x1) / 2);
      const my = axes.y((y0 + y1) / 2);
      const length = Math.hypot(w1, w2);
      const dx = (w1 / length) * 26;
      const dy = (-w2 / length) * 26;
      context.beginPath();
      context.moveTo(mx, my);
      context.lineTo(mx + dx, my + dy);
      context.stroke();
      const angle = Math.atan2(dy, dx);
      context.beginPath();
      context.moveTo(mx + dx, my + dy);
      context.lineTo(mx + dx - 7 * Math.cos(angle - 0.45), my + dy - 7 * Math.sin(angle - 0.45));
      context.lineTo(mx + dx - 7 * Math.cos(angle + 0.45), my + dy - 7 * Math.sin(angle + 0.45));
      context.closePath();
      context.fillStyle = context.strokeStyle;
      context.fill();
    }
    const n = count();
    const pts = points();
    const lbl = labels();
    for (let k = 0; k < n; k++) {
      const xv = pts[2 * k];
      const yv = pts[2 * k + 1];
      drawPoint(context, axes.x(xv), axes.y(yv), predictedClass(w1 * xv + w2 * yv + b), lbl[k]);
    }
    const probe = model.get("probe") ?? [0, 0];
    drawProbe(context, axes.x(probe[0] ?? 0), axes.y(probe[1] ?? 0));
    context.restore();
  }

  function paintCurve(context: CanvasRenderingContext2D, width: number, height: number): void {
    const f = activation();
    const n = count();
    const zs = Array.from({ length: n }, (_, k) => zOf(k));
    const zp = probeZ();
    const domain = curveDomain([...zs, zp]);
    const box = { left: 38, top: 22, right: width - 8, bottom: height - 34 };
    const axes = drawActivationCurve(context, theme, f, domain, box, { labels: { x: "z = w·x + b" } });
    context.save();
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    context.textAlign = "left";
    context.textBaseline = "top";
    context.fillText(`y = ${SHORT_NAMES[f]}(z)`, box.left, 4);
    context.beginPath();
    context.rect(box.left - 6, box.top - 6, box.right - box.left + 12, box.bottom - box.top + 12);
    context.clip();
    const lbl = labels();
    context.globalAlpha = 0.75;
    for (let k = 0; k < n; k++) {
      context.beginPath();
      context.arc(axes.x(zs[k]), axes.y(activate(f, zs[k])), 3, 0, 2 * Math.PI);
      context.fillStyle = CLASS_COLORS[lbl[k]];
      context.fill();
    }
    context.globalAlpha = 1;
    const px = axes.x(zp);
    const py = axes.y(activate(f, zp));
    context.setLineDash([3, 3]);
    context.strokeStyle = theme.label;
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(px, box.bottom);
    context.lineTo(px, py);
    context.lineTo(box.left, py);
    context.stroke();
    context.setLineDash([]);
    drawProbe(context, px, py);
    context.restore();
    context.strokeStyle = curveColor(theme);
  }

  // --- the probe: drag on the plot --------------------------------------------------------
  let dragging: number | null = null;
  const moveProbe = (event: PointerEvent) => {
    if (!mainGeometry) return;
    const rect = main.canvas.getBoundingClientRect();
    const value = mainGeometry.toData(event.clientX - rect.left, event.clientY - rect.top);
    const clamped = value.map((v, k) => {
      const r = range(k);
      return Number(Math.min(Math.max(v, r.lo), r.hi).toFixed(2));
    });
    model.set("probe", clamped);
    model.save_changes();
    update();
  };
  const onDown = (event: PointerEvent) => {
    dragging = event.pointerId;
    main.canvas.setPointerCapture(event.pointerId);
    moveProbe(event);
    event.preventDefault();
  };
  const onMove = (event: PointerEvent) => {
    if (dragging === event.pointerId) moveProbe(event);
  };
  const onUp = (event: PointerEvent) => {
    if (dragging === event.pointerId) dragging = null;
  };
  main.canvas.addEventListener("pointerdown", onDown);
  main.canvas.addEventListener("pointermove", onMove);
  main.canvas.addEventListener("pointerup", onUp);
  main.canvas.addEventListener("pointercancel", onUp);

  const relabel = () => {
    drawLegend();
    update();
  };
  const events: [string, () => void][] = [
    ["change:weights", update],
    ["change:bias", update],
    ["change:activation", update],
    ["change:probe", update],
    ["change:ranges", update],
    ["change:weight_limit", update],
    ["change:bias_limit", update],
    ["change:unit", update],
    ["change:feature_names", update],
    ["change:_points", update],
    ["change:_labels", update],
    ["change:classes", relabel],
    ["change:size", applySize],
  ];
  for (const [event, handler] of events) model.on(event, handler);
  const stopTheme = onThemeChange(() => {
    theme = readTheme(root);
    relabel();
  });
  applySize();
  relabel();
  return () => {
    for (const [event, handler] of events) model.off(event, handler);
    stopTheme();
    main.destroy();
    curve.destroy();
    root.remove();
  };
}
