// The LivePlot view: an "Epoch 7/20" progress bar with the time elapsed, and a small chart per
// figure `fit` logs (Keras names as titles), training solid, validation dashed, on canvas.

import type { AnyModel } from "@anywidget/types";
import { statusLine } from "../playground/diagnosis";
import type { Finding } from "../playground/protocol";
import type { Binary } from "../shared/binary";
import { PLAYGROUND_COLORS } from "../shared/colors";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import { drawFrame, makeAxes } from "./axes";
import { type ChartSpec, chartSpecs, column, plannedEpochs, readTable, type Table } from "./curves";
import { adoptViewStyles, element, readTheme, Surface, type Theme } from "./kit";
import { PacedVoice } from "./paced_voice";
import { extent, formatSeconds, formatValue, integerTicks, niceTicks, padExtent } from "./scales";

export interface LivePlotState {
  metrics: string[] | null;
  epoch: number;
  epochs: number;
  /** How much of the running epoch is done, 0 to 1 (a long epoch moves the bar too). */
  epoch_fraction: number;
  elapsed: number;
  running: boolean;
  /** Why fit is not learning (nnwidgets/model/diagnosis.py); [] for a healthy run. */
  diagnosis: Finding[];
  _columns: string[];
  _curves: Binary;
}

/** As the Playground's announcer: often enough to follow training, rarely enough not to talk over. */
const ANNOUNCE_INTERVAL_MS = 5000;
const TRAIN_COLOR = PLAYGROUND_COLORS.positive;
const VALIDATION_COLOR = PLAYGROUND_COLORS.negative;

class Chart {
  readonly element = element("div", "nnw-v-chart");
  private readonly title = element("span", "nnw-v-chart-title");
  private readonly last = element("span", "nnw-v-chart-last");
  private readonly surface = new Surface("nnw-v-chart-canvas", (c, w, h) => this.paint(c, w, h));
  private table: Table | null = null;
  private spec: ChartSpec | null = null;
  private xEnd = 1;

  constructor(private readonly theme: () => Theme) {
    const head = element("div", "nnw-v-chart-head");
    head.append(this.title, this.last);
    this.surface.canvas.removeAttribute("aria-hidden");
    this.surface.canvas.setAttribute("role", "img");
    this.element.append(head, this.surface.canvas);
  }

  /** The chart's title and last values, as one phrase ("loss 0.25 · val 0.31"). */
  summary(): string {
    return `${this.title.textContent} ${this.last.textContent}`.trim();
  }

  show(table: Table, spec: ChartSpec, xEnd: number): void {
    this.table = table;
    this.spec = spec;
    this.xEnd = xEnd;
    this.title.textContent = spec.title;
    const train = lastFinite(column(table, spec.train));
    const validation = lastFinite(column(table, spec.validation));
    const parts = [];
    if (spec.train >= 0) parts.push(`${formatValue(train)}`);
    if (spec.validation >= 0) parts.push(`val ${formatValue(validation)}`);
    this.last.textContent = parts.join(" · ");
    const described = spec.train < 0 && spec.validation < 0 ? "not logged by fit" : parts.join(", ");
    this.surface.canvas.setAttribute("aria-label", `${spec.title} per epoch: ${described || "no epochs yet"}`);
    this.surface.invalidate();
  }

  redraw(): void {
    this.surface.invalidate();
  }

  destroy(): void {
    this.surface.destroy();
  }

  private paint(context: CanvasRenderingContext2D, width: number, height: number): void {
    const table = this.table;
    const spec = this.spec;
    if (!table || !spec) return;
    const theme = this.theme();
    const box = { left: 44, top: 6, right: width - 8, bottom: height - 30 };
    const train = column(table, spec.train);
    const validation = column(table, spec.validation);
    const both = new Float32Array([...train, ...validation]);
    const range = padExtent(extent(both), 0.08);
    const xRange = { lo: 1, hi: Math.max(this.xEnd, 2) };
    const axes = makeAxes(box, xRange, range);
    drawFrame(context, theme, box, axes, integerTicks(1, xRange.hi, 6), niceTicks(range.lo, range.hi, 4), {
      x: "epoch",
    });
    if (spec.train < 0 && spec.validation < 0) {
      context.fillStyle = theme.label;
      context.textAlign = "center";
      context.fillText(`"${spec.title}" is not logged by fit`, (box.left + box.right) / 2, (box.top + box.bottom) / 2);
      return;
    }
    context.save();
    context.beginPath();
    context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    context.clip();
    drawCurve(context, train, axes, TRAIN_COLOR, []);
    drawCurve(context, validation, axes, VALIDATION_COLOR, [6, 4]);
    context.restore();
  }
}

function lastFinite(values: Float32Array): number {
  for (let k = values.length - 1; k >= 0; k--) if (Number.isFinite(values[k])) return values[k];
  return NaN;
}

function drawCurve(
  context: CanvasRenderingContext2D,
  values: Float32Array,
  axes: { x: (v: number) => number; y: (v: number) => number },
  color: string,
  dash: number[],
): void {
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = 2;
  context.lineJoin = "round";
  context.setLineDash(dash);
  context.beginPath();
  let penDown = false;
  let drawn = 0;
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      penDown = false;
      continue;
    }
    const x = axes.x(k + 1);
    const y = axes.y(values[k]);
    if (penDown) context.lineTo(x, y);
    else context.moveTo(x, y);
    penDown = true;
    drawn++;
  }
  context.stroke();
  context.setLineDash([]);
  // A lone point has no line: a dot shows it.
  if (drawn > 0 && values.length < 60) {
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k])) continue;
      context.beginPath();
      context.arc(axes.x(k + 1), axes.y(values[k]), 2.2, 0, 2 * Math.PI);
      context.fill();
    }
  }
}

export function renderLivePlot({ model, el }: { model: AnyModel<LivePlotState>; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-live");
  life.add(() => root.remove());
  const progress = element("div", "nnw-v-progress");
  const progressText = element("span", "nnw-v-progress-text");
  const bar = element("div", "nnw-v-progress-bar");
  const fill = element("div", "nnw-v-progress-fill");
  bar.append(fill);
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-label", "Training progress");
  bar.setAttribute("aria-valuemin", "0");
  const elapsedText = element("span", "nnw-v-elapsed");
  progress.append(progressText, bar, elapsedText);
  const legend = element("div", "nnw-v-legend");
  legend.innerHTML =
    `<span><i class="nnw-v-line-key" style="border-color:${TRAIN_COLOR}"></i>training</span>` +
    `<span><i class="nnw-v-line-key nnw-v-dashed" style="border-color:${VALIDATION_COLOR}"></i>validation</span>`;
  const charts = element("div", "nnw-v-charts");
  const hint = element("p", "nnw-v-note", "Waiting for fit: pass this plot to model.fit(..., callbacks=[plot]).");
  // The first finding, in one sentence under the curves, with what was measured on hover.
  const finding = element("p", "nnw-v-finding");
  finding.setAttribute("role", "status");
  const voice = new LiveRegion("nnw-v-live-announcer");
  root.append(progress, legend, charts, finding, hint, voice.element);
  el.append(root);
  const paced = life.own(new PacedVoice(voice, ANNOUNCE_INTERVAL_MS));
  const newsOfTraining = () =>
    [progressText.textContent, ...chartViews.map((chart) => chart.summary())].filter(Boolean).join("; ");

  let theme = readTheme(root);
  const chartViews: Chart[] = [];
  life.add(() => chartViews.forEach((chart) => chart.destroy()));
  let elapsedAt = performance.now();

  const showElapsed = () => {
    const running = model.get("running");
    const extra = running ? (performance.now() - elapsedAt) / 1000 : 0;
    elapsedText.textContent = formatSeconds(model.get("elapsed") + extra);
  };
  life.interval(() => {
    if (model.get("running")) showElapsed();
  }, 200);

  const drawProgress = () => {
    const epoch = model.get("epoch");
    const epochs = model.get("epochs");
    const running = model.get("running");
    progressText.textContent = epochs > 0 ? `Epoch ${epoch}/${epochs}` : "Epoch –";
    const done = epoch + (running ? (model.get("epoch_fraction") ?? 0) : 0);
    fill.style.width = `${epochs > 0 ? Math.min(100, (100 * done) / epochs) : 0}%`;
    bar.setAttribute("aria-valuemax", String(Math.max(epochs, 1)));
    bar.setAttribute("aria-valuenow", String(epoch));
    bar.setAttribute("aria-valuetext", progressText.textContent);
    root.dataset.running = String(running);
    showElapsed();
  };

  const drawCharts = () => {
    const table = readTable(model.get("_curves"), model.get("_columns") ?? []);
    const specs = chartSpecs(table.names, model.get("metrics"));
    while (chartViews.length < specs.length) {
      const chart = new Chart(() => theme);
      chartViews.push(chart);
      charts.append(chart.element);
    }
    while (chartViews.length > specs.length) chartViews.pop()?.destroy();
    const xEnd = model.get("running")
      ? plannedEpochs(table.rows, model.get("epoch"), model.get("epochs"))
      : Math.max(table.rows, 1);
    specs.forEach((spec, k) => chartViews[k].show(table, spec, xEnd));
    hint.hidden = table.rows > 0 || model.get("running");
    root.dataset.rows = String(table.rows);
  };

  const onElapsed = () => {
    elapsedAt = performance.now();
    drawProgress();
  };
  let wasRunning = model.get("running");
  const onRunning = () => {
    drawProgress();
    drawCharts();
    // The state where fit stopped is always told, however short the run.
    if (wasRunning && !model.get("running")) paced.sayNow(`Training finished. ${newsOfTraining()}`);
    wasRunning = model.get("running");
  };
  life.onChange(model, ["epoch", "epochs", "epoch_fraction"], drawProgress);
  life.on(model, "change:elapsed", onElapsed);
  life.on(model, "change:running", onRunning);
  const drawFinding = () => {
    const line = statusLine("", false, model.get("diagnosis") ?? []);
    finding.textContent = line.text;
    finding.title = line.why;
    finding.hidden = line.text === "";
  };
  life.onChange(model, ["_curves", "_columns", "metrics"], drawCharts);
  life.on(model, "change:_curves", () => {
    if (model.get("running")) paced.tell(newsOfTraining());
  });
  life.onChange(model, ["diagnosis"], drawFinding);
  life.onTheme(() => {
    theme = readTheme(root);
    for (const chart of chartViews) chart.redraw();
  });
  drawProgress();
  drawCharts();
  drawFinding();
  return () => life.dispose();
}
