// The TransformView: a grid over the input square, î, ĵ and the data, moving through each
// layer's stages (W·x, +b, activation). The kernel sends every stage once; here they are
// interpolated (transform_math.ts) and drawn at the display rate. 2-D stages are drawn flat
// with axes; a transition that touches a 3-unit stage is drawn in 3-D (drag to turn). Nothing
// is allocated per frame: the stages, the interpolated points and the screen positions live in
// buffers made when the data arrive.

import type { AnyModel } from "@anywidget/types";
import { readBytes, readFloat32 } from "../shared/binary";
import { drawFrame, makeAxes } from "./axes";
import {
  element,
  font,
  injectViewStyles,
  onThemeChange,
  readTheme,
  sizeSquarePlot,
  Surface,
  type Theme,
} from "./kit";
import { cubeEdges } from "./projection";
import { classColors, niceTicks } from "./scales";
import {
  type Fit,
  fitOf,
  interpolateInto,
  lineInSquare,
  mixFit,
  padTo3,
  project2Into,
  project3Into,
  stageSpan,
} from "./transform_math";
import { Turntable } from "./turntable";

interface StageEntry {
  name: string;
  kind: string;
  layer: number | null;
  dims: number;
  units: number[];
  offset: number;
  decision: { w: number[]; b: number } | null;
}

interface TransformIndex {
  grid: number;
  basis: number;
  points: number;
  square: number[];
  stages: StageEntry[];
}

export interface TransformViewState {
  stage: number;
  classes: string[];
  size: number;
  _index: TransformIndex;
  _stages: DataView;
  _labels: DataView;
  _frame: number;
}

const SECONDS_PER_STAGE_PLAYING = 1.3;
const SECONDS_PER_STAGE_SEEKING = 0.7;
const I_COLOR = "#d62728";
const J_COLOR = "#2ca02c";

export function renderTransformView({
  model,
  el,
}: {
  model: AnyModel<TransformViewState>;
  el: HTMLElement;
}): () => void {
  injectViewStyles();
  const root = element("div", "nnw-v nnw-v-transform");
  const title = element("p", "nnw-v-title");
  const surface = new Surface("nnw-v-scatter nnw-v-transform-canvas", (context, width, height) =>
    paint(context, width, height),
  );
  const canvas = surface.canvas;
  canvas.removeAttribute("aria-hidden");
  canvas.setAttribute("role", "img");
  const controls = element("div", "nnw-v-replay");
  const play = element("button", "nnw-v-play", "Play");
  play.type = "button";
  const slider = element("input");
  slider.type = "range";
  slider.min = "0";
  slider.step = "1";
  slider.setAttribute("aria-label", "Stage");
  const sliderText = element("output");
  const stageLabel = element("label", "nnw-v-stage-label");
  stageLabel.append("Stage", slider);
  controls.append(play, stageLabel, sliderText);
  const legend = element("div", "nnw-v-legend");
  const note = element("p", "nnw-v-note");
  root.append(title, canvas, controls, legend, note);
  el.append(root);

  let theme: Theme = readTheme(root);
  const turntable = new Turntable(canvas, () => shows3d(), () => surface.invalidate());

  // --- the data, unpacked once per message ---------------------------------------------------
  let index: TransformIndex = { grid: 0, basis: 3, points: 0, square: [-1, 1, -1, 1], stages: [] };
  let stages: Float32Array[] = [];
  let fits: Fit[] = [];
  let labels: Uint8Array = new Uint8Array(0);
  let count = 0;
  let current = new Float32Array(0);
  let screenX = new Float32Array(0);
  let screenY = new Float32Array(0);
  const fit: Fit = { cx: 0, cy: 0, cz: 0, half: 1 };
  const corner = new Float32Array(3);
  const cornerX = new Float32Array(1);
  const cornerY = new Float32Array(1);

  const unpack = () => {
    index = model.get("_index") ?? index;
    const values = readFloat32(model.get("_stages"));
    labels = readBytes(model.get("_labels"));
    const grid = index.grid ?? 0;
    count = grid * grid + (index.basis ?? 0) + (index.points ?? 0);
    if (current.length !== count * 3) {
      current = new Float32Array(count * 3);
      screenX = new Float32Array(count);
      screenY = new Float32Array(count);
    }
    const previous = stages;
    stages = (index.stages ?? []).map((entry, k) => {
      const reuse = previous[k]?.length === count * 3 ? previous[k] : new Float32Array(count * 3);
      return padTo3(values.subarray(entry.offset, entry.offset + count * entry.dims), entry.dims, count, reuse);
    });
    fits = stages.map((points) => fitOf(points, count));
    slider.max = String(Math.max(0, stages.length - 1));
    if (position > stages.length - 1) position = Math.max(0, stages.length - 1);
    if (target > stages.length - 1) target = Math.max(0, stages.length - 1);
  };

  // --- the animation ------------------------------------------------------------------------
  let position = model.get("stage") ?? 0; // a float between stages while animating
  let target = position;
  let playing = false;
  let lastTime = 0;
  let loop = 0;
  let drawCount = 0;
  let animatedFrames = 0;
  let animatedMs = 0;

  const tick = (now: number) => {
    loop = 0;
    const dt = lastTime ? Math.min(0.1, (now - lastTime) / 1000) : 0;
    lastTime = now;
    const speed = 1 / (playing ? SECONDS_PER_STAGE_PLAYING : SECONDS_PER_STAGE_SEEKING);
    const before = position;
    if (position < target) position = Math.min(target, position + dt * speed);
    else if (position > target) position = Math.max(target, position - dt * speed);
    if (Math.floor(before) !== Math.floor(position) || position === target) describe();
    surface.drawNow();
    root.dataset.position = position.toFixed(3);
    animatedFrames++;
    animatedMs += dt * 1000;
    root.dataset.animFrames = String(animatedFrames);
    root.dataset.animMs = String(Math.round(animatedMs));
    if (position !== target) {
      loop = requestAnimationFrame(tick);
      return;
    }
    lastTime = 0;
    if (playing) {
      playing = false;
      play.textContent = "Play";
    }
    if (model.get("stage") !== Math.round(position)) {
      model.set("stage", Math.round(position));
      model.save_changes();
    }
    describe();
  };
  const animate = () => {
    if (!loop) loop = requestAnimationFrame(tick);
  };
  const seek = (stage: number) => {
    target = Math.max(0, Math.min(stages.length - 1, stage));
    animate();
  };

  play.addEventListener("click", () => {
    if (playing) {
      playing = false;
      target = position;
      play.textContent = "Play";
      animate();
      return;
    }
    if (stages.length < 2) return;
    if (position >= stages.length - 1) position = 0;
    playing = true;
    play.textContent = "Pause";
    target = stages.length - 1;
    animate();
  });
  slider.addEventListener("input", () => {
    playing = false;
    play.textContent = "Play";
    seek(Number(slider.value));
  });
  slider.addEventListener("keydown", (event) => event.stopPropagation());

  // --- text -------------------------------------------------------------------------------
  const describe = () => {
    const entries = index.stages ?? [];
    const { from, to, t } = stageSpan(position, entries.length);
    const shown = t > 0.5 ? to : from;
    const entry = entries[shown];
    title.replaceChildren();
    if (entry) {
      title.append(entry.name);
      const unitsText = entry.kind === "input" && entry.layer === null ? "x1, x2" : `units ${entry.units.map((u) => u + 1).join(", ")}`;
      title.append(element("span", "nnw-v-soft", ` · ${entry.dims}-D (${unitsText})`));
    }
    if (!playing) slider.value = String(Math.round(position));
    sliderText.value = `${shown + 1} / ${entries.length}`;
    root.dataset.position = position.toFixed(3);
    const is3d = entries.some((each) => each.dims === 3);
    const parts = [`${index.grid}×${index.grid} grid`, `${(index.points ?? 0).toLocaleString("en-US")} points`];
    if (is3d) parts.push("3-D stages: drag (or arrow keys on the plot) to turn");
    if (entries.some((each) => each.dims < 3 && each.dims !== entries[0]?.dims))
      parts.push("a change of dimension pads the smaller with zeros");
    note.textContent = parts.join(" · ");
    canvas.setAttribute("aria-label", `The grid and the data at stage ${shown + 1}: ${entry?.name ?? ""}`);
  };

  const drawLegend = () => {
    const classes = model.get("classes") ?? [];
    const colors = classColors(Math.max(2, classes.length));
    const items: HTMLElement[] = [];
    const key = (color: string, text: string, line = false) => {
      const item = element("span");
      const swatch = element("i", line ? "nnw-v-line-key" : "nnw-v-swatch");
      if (line) swatch.style.borderTopColor = color;
      else swatch.style.background = color;
      item.append(swatch, text);
      items.push(item);
    };
    key(I_COLOR, "î (1, 0)", true);
    key(J_COLOR, "ĵ (0, 1)", true);
    classes.forEach((name, k) => key(colors[k % colors.length], `class ${name}`));
    if ((index.stages ?? []).some((each) => each.decision)) key(theme.text, "output's decision line", true);
    legend.replaceChildren(...items);
  };

  // --- drawing ----------------------------------------------------------------------------
  function paint(context: CanvasRenderingContext2D, width: number, height: number): void {
    drawCount++;
    root.dataset.drawn = String(drawCount);
    const entries = index.stages ?? [];
    if (!stages.length || count === 0) return;
    const { from, to, t } = stageSpan(position, stages.length);
    interpolateInto(current, stages[from], stages[to], t);
    mixFit(fits[from], fits[to], t, fit);
    const is3d = entries[from].dims === 3 || (t > 0 && entries[to].dims === 3);
    const decisionAlpha =
      (entries[from].decision ? 1 - t : 0) + (entries[to].decision && to !== from ? t : 0);
    const decision = entries[to].decision && t >= 0.5 ? entries[to].decision : entries[from].decision ?? entries[to].decision;
    let size: number;
    let ox: number;
    let oy: number;
    if (is3d) {
      size = Math.min(width, height) * 0.9;
      ox = width / 2;
      oy = height / 2;
      drawCube(context, width, height);
      project3Into(current, count, fit, turntable.angles, ox, oy, size, screenX, screenY);
    } else {
      const box = { left: 44, top: 8, right: width - 8, bottom: height - 34 };
      size = Math.min(box.right - box.left, box.bottom - box.top);
      ox = (box.left + box.right) / 2;
      oy = (box.top + box.bottom) / 2;
      const half = (fit.half * (box.right - box.left)) / size;
      const halfY = (fit.half * (box.bottom - box.top)) / size;
      const xRange = { lo: fit.cx - half, hi: fit.cx + half };
      const yRange = { lo: fit.cy - halfY, hi: fit.cy + halfY };
      const entry = entries[t > 0.5 ? to : from];
      const names = entry.layer === null ? ["x1", "x2"] : entry.units.map((u) => `unit ${u + 1}`);
      drawFrame(context, theme, box, makeAxes(box, xRange, yRange), niceTicks(xRange.lo, xRange.hi, 6), niceTicks(yRange.lo, yRange.hi, 6), {
        x: names[0],
        y: names[1] ?? "",
      });
      project2Into(current, count, fit, ox, oy, size, screenX, screenY);
      context.save();
      context.beginPath();
      context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
      context.clip();
    }
    drawGrid(context);
    if (decision && decisionAlpha > 0.01) drawDecision(context, decision, decisionAlpha, is3d, ox, oy, size);
    drawPoints(context);
    drawBasis(context);
    if (!is3d) context.restore();
  }

  function drawGrid(context: CanvasRenderingContext2D): void {
    const G = index.grid;
    context.lineWidth = 0.7;
    context.strokeStyle = theme.dark ? "rgba(200, 200, 200, 0.32)" : "rgba(70, 90, 110, 0.32)";
    context.beginPath();
    for (let r = 0; r < G; r++) {
      context.moveTo(screenX[r * G], screenY[r * G]);
      for (let c = 1; c < G; c++) context.lineTo(screenX[r * G + c], screenY[r * G + c]);
    }
    for (let c = 0; c < G; c++) {
      context.moveTo(screenX[c], screenY[c]);
      for (let r = 1; r < G; r++) context.lineTo(screenX[r * G + c], screenY[r * G + c]);
    }
    context.stroke();
    // The square's border, stronger: its corners show where the input square went.
    context.lineWidth = 1.4;
    context.strokeStyle = theme.dark ? "rgba(220, 220, 220, 0.7)" : "rgba(60, 70, 80, 0.7)";
    context.beginPath();
    const last = G - 1;
    const walk = (k: number, first: boolean) =>
      first ? context.moveTo(screenX[k], screenY[k]) : context.lineTo(screenX[k], screenY[k]);
    for (let c = 0; c <= last; c++) walk(c, c === 0);
    for (let r = 1; r <= last; r++) walk(r * G + last, false);
    for (let c = last - 1; c >= 0; c--) walk(last * G + c, false);
    for (let r = last - 1; r >= 0; r--) walk(r * G, false);
    context.stroke();
  }

  function drawPoints(context: CanvasRenderingContext2D): void {
    const start = index.grid * index.grid + index.basis;
    const n = Math.min(index.points, labels.length);
    if (n === 0) return;
    const colors = classColors(Math.max(2, model.get("classes")?.length ?? 0));
    const radius = n > 1000 ? 2.2 : 3;
    context.lineWidth = 0.8;
    context.strokeStyle = theme.surface;
    for (let cls = 0; cls < colors.length; cls++) {
      context.fillStyle = colors[cls];
      context.beginPath();
      let any = false;
      for (let k = 0; k < n; k++) {
        if (labels[k] % colors.length !== cls) continue;
        const x = screenX[start + k];
        const y = screenY[start + k];
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, 2 * Math.PI);
        any = true;
      }
      if (!any) continue;
      context.fill();
      context.stroke();
    }
  }

  function drawArrow(context: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length = Math.hypot(dx, dy);
    context.strokeStyle = color;
    context.fillStyle = color;
    context.lineWidth = 2.5;
    context.beginPath();
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
    context.stroke();
    if (length < 2) return;
    const head = Math.min(10, length * 0.4);
    const ux = dx / length;
    const uy = dy / length;
    context.beginPath();
    context.moveTo(x1 + ux * 2, y1 + uy * 2);
    context.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
    context.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
    context.closePath();
    context.fill();
  }

  function drawBasis(context: CanvasRenderingContext2D): void {
    const o = index.grid * index.grid;
    drawArrow(context, screenX[o], screenY[o], screenX[o + 1], screenY[o + 1], I_COLOR);
    drawArrow(context, screenX[o], screenY[o], screenX[o + 2], screenY[o + 2], J_COLOR);
  }

  function projectOne(x: number, y: number, z: number, is3d: boolean, ox: number, oy: number, size: number): [number, number] {
    corner[0] = x;
    corner[1] = y;
    corner[2] = z;
    if (is3d) project3Into(corner, 1, fit, turntable.angles, ox, oy, size, cornerX, cornerY);
    else project2Into(corner, 1, fit, ox, oy, size, cornerX, cornerY);
    return [cornerX[0], cornerY[0]];
  }

  function drawDecision(
    context: CanvasRenderingContext2D,
    decision: { w: number[]; b: number },
    alpha: number,
    is3d: boolean,
    ox: number,
    oy: number,
    size: number,
  ): void {
    context.save();
    context.globalAlpha = Math.min(1, alpha);
    context.strokeStyle = theme.text;
    context.lineWidth = 2;
    context.setLineDash([7, 4]);
    if (!is3d || decision.w.length < 3) {
      const segment = lineInSquare(decision.w, decision.b, fit.cx, fit.cy, fit.half * 2);
      if (segment) {
        const [ax, ay] = projectOne(segment[0], segment[1], 0, is3d, ox, oy, size);
        const [bx, by] = projectOne(segment[2], segment[3], 0, is3d, ox, oy, size);
        context.beginPath();
        context.moveTo(ax, ay);
        context.lineTo(bx, by);
        context.stroke();
      }
    } else {
      drawPlane(context, decision, ox, oy, size);
    }
    context.restore();
  }

  /** The plane w·h + b = 0 inside the view's cube: its outline, lightly filled. */
  function drawPlane(context: CanvasRenderingContext2D, decision: { w: number[]; b: number }, ox: number, oy: number, size: number): void {
    const [w0, w1, w2] = decision.w;
    const c = [fit.cx, fit.cy, fit.cz];
    const h = fit.half;
    const hits: [number, number, number][] = [];
    for (const [a, b] of cubeEdges()) {
      const pa = a.map((v, k) => c[k] + v * h);
      const pb = b.map((v, k) => c[k] + v * h);
      const fa = w0 * pa[0] + w1 * pa[1] + w2 * pa[2] + decision.b;
      const fb = w0 * pb[0] + w1 * pb[1] + w2 * pb[2] + decision.b;
      if (fa === fb || fa * fb > 0) continue;
      const s = fa / (fa - fb);
      hits.push([pa[0] + (pb[0] - pa[0]) * s, pa[1] + (pb[1] - pa[1]) * s, pa[2] + (pb[2] - pa[2]) * s]);
    }
    if (hits.length < 3) return;
    const screen = hits.map(([x, y, z]) => projectOne(x, y, z, true, ox, oy, size));
    const mx = screen.reduce((sum, p) => sum + p[0], 0) / screen.length;
    const my = screen.reduce((sum, p) => sum + p[1], 0) / screen.length;
    screen.sort((p, q) => Math.atan2(p[1] - my, p[0] - mx) - Math.atan2(q[1] - my, q[0] - mx));
    context.beginPath();
    screen.forEach(([x, y], k) => (k === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.closePath();
    context.fillStyle = theme.dark ? "rgba(255, 255, 255, 0.08)" : "rgba(0, 0, 0, 0.06)";
    context.fill();
    context.stroke();
  }

  function drawCube(context: CanvasRenderingContext2D, width: number, height: number): void {
    const size = Math.min(width, height) * 0.9;
    const ox = width / 2;
    const oy = height / 2;
    context.save();
    context.lineWidth = 1;
    context.strokeStyle = theme.line;
    context.beginPath();
    for (const [a, b] of cubeEdges()) {
      const [x0, y0] = projectOne(fit.cx + a[0] * fit.half, fit.cy + a[1] * fit.half, fit.cz + a[2] * fit.half, true, ox, oy, size);
      const [x1, y1] = projectOne(fit.cx + b[0] * fit.half, fit.cy + b[1] * fit.half, fit.cz + b[2] * fit.half, true, ox, oy, size);
      context.moveTo(x0, y0);
      context.lineTo(x1, y1);
    }
    context.stroke();
    // The unit axes through the origin, labelled.
    context.strokeStyle = theme.strong;
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    context.textAlign = "center";
    context.textBaseline = "middle";
    const [zx, zy] = projectOne(0, 0, 0, true, ox, oy, size);
    for (let axis = 0; axis < 3; axis++) {
      const end = [0, 0, 0];
      end[axis] = fit.half * 0.9 + [fit.cx, fit.cy, fit.cz][axis];
      const [ex, ey] = projectOne(end[0], end[1], end[2], true, ox, oy, size);
      context.beginPath();
      context.moveTo(zx, zy);
      context.lineTo(ex, ey);
      context.stroke();
      context.fillText(`unit ${axis + 1}`, ex + (ex - zx) * 0.08, ey + (ey - zy) * 0.08);
    }
    context.restore();
  }

  // --- turning the 3-D view ------------------------------------------------------------------
  const shows3d = () => {
    const entries = index.stages ?? [];
    const { from, to, t } = stageSpan(position, entries.length);
    return entries[from]?.dims === 3 || (t > 0 && entries[to]?.dims === 3);
  };
  canvas.tabIndex = 0;

  const applySize = () => sizeSquarePlot(canvas, root, model.get("size"));
  const onData = () => {
    unpack();
    drawLegend();
    describe();
    surface.invalidate();
  };
  const onStage = () => {
    const stage = model.get("stage");
    if (!playing && stage !== Math.round(target)) seek(stage);
  };
  const events: [string, () => void][] = [
    ["change:_frame", onData],
    ["change:classes", drawLegend],
    ["change:stage", onStage],
    ["change:size", applySize],
  ];
  for (const [event, handler] of events) model.on(event, handler);
  const stopTheme = onThemeChange(() => {
    theme = readTheme(root);
    drawLegend();
    surface.invalidate();
  });
  applySize();
  onData();
  return () => {
    for (const [event, handler] of events) model.off(event, handler);
    if (loop) cancelAnimationFrame(loop);
    stopTheme();
    surface.destroy();
    root.remove();
  };
}
