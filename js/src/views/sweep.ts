// The Sweep: many Playground configurations training at once, as a grid of cells, each a small
// decision map (the Playground's colours) with its loss sparkline and test loss; diverged cells
// greyed, the best outlined, a Play/Pause button, and an "Open" button per cell that asks the
// kernel for a full Playground of that configuration ({type: "open", index}).

import type { AnyModel } from "@anywidget/types";
import { type Binary, readBytes, readFloat32 } from "../shared/binary";
import { argmaxLuts, argmaxToRgba } from "../shared/class_colors";
import { Acknowledger } from "../shared/acknowledger";
import { mapToRgba } from "../shared/colors";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import { Pacer } from "../shared/pacer";
import { reportSeen } from "../shared/seen";
import type { Stylesheet } from "../shared/styles";
import { adoptViewStyles, element } from "./kit";
import {
  cellLabel,
  formatLoss,
  layoutSweep,
  mapOf,
  type SweepConfig,
  type SweptName,
  sparkline,
} from "./sweep_layout";
import { cellMapLabel, sweepAnnouncement } from "./sweep_text";

export interface SweepState {
  playing: boolean;
  epoch: number;
  configs: SweepConfig[];
  swept: SweptName[];
  test_loss: (number | null)[];
  train_loss: (number | null)[];
  diverged: boolean[];
  best: number | null;
  status: string;
  classes: number;
  _frame: number;
  _maps: Binary;
  _map_resolution: number;
  _curves: Binary;
  _curve_length: number;
}

const CSS = /* css */ `
.nnw-v-sweep { width: fit-content; max-width: 100%; }
.nnw-v-sweep .nnw-v-sweep-bar { display: flex; align-items: center; gap: 12px; }
.nnw-v-sweep .nnw-v-sweep-epoch { font-variant-numeric: tabular-nums; font-size: 13px; color: var(--nnw-v-text-soft); }
.nnw-v-sweep .nnw-v-sweep-status { font-size: 12px; color: var(--nnw-v-label); }
.nnw-v-sweep .nnw-v-sweep-button {
  min-width: 64px; padding: 3px 10px; font: inherit; font-size: 12px; color: var(--nnw-v-text);
  background: transparent; border: 1px solid var(--nnw-v-line-strong); border-radius: 4px; cursor: pointer;
}
.nnw-v-sweep .nnw-v-sweep-button:hover { border-color: var(--nnw-v-accent); }
.nnw-v-sweep .nnw-v-sweep-grid { display: grid; gap: 8px; align-items: end; justify-content: start; overflow-x: auto; }
.nnw-v-sweep .nnw-v-sweep-head { font-size: 12px; font-weight: 500; color: var(--nnw-v-text-soft); text-align: center; font-variant-numeric: tabular-nums; }
.nnw-v-sweep .nnw-v-sweep-rowhead { font-size: 12px; font-weight: 500; color: var(--nnw-v-text-soft); align-self: center; text-align: right; white-space: nowrap; }
.nnw-v-sweep .nnw-v-sweep-cell {
  position: relative; display: flex; flex-direction: column; gap: 3px; padding: 4px;
  border: 1px solid var(--nnw-v-line); border-radius: 4px; width: 100px;
}
.nnw-v-sweep .nnw-v-sweep-cell.nnw-v-best { border-color: var(--nnw-v-accent); box-shadow: 0 0 0 2px var(--nnw-v-accent); }
.nnw-v-sweep .nnw-v-sweep-cell.nnw-v-diverged canvas { filter: grayscale(1) opacity(0.45); }
.nnw-v-sweep .nnw-v-sweep-label { font-size: 11px; color: var(--nnw-v-text-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.nnw-v-sweep .nnw-v-sweep-map { width: 90px; height: 90px; image-rendering: auto; border-radius: 2px; }
.nnw-v-sweep .nnw-v-sweep-spark { width: 90px; height: 24px; }
.nnw-v-sweep .nnw-v-sweep-foot { display: flex; justify-content: space-between; align-items: center; gap: 2px; font-size: 11px; font-variant-numeric: tabular-nums; }
.nnw-v-sweep .nnw-v-sweep-loss { color: var(--nnw-v-text); white-space: nowrap; }
.nnw-v-sweep .nnw-v-diverged .nnw-v-sweep-loss { color: #c62828; }
.nnw-v-sweep .nnw-v-sweep-open {
  padding: 0 3px; font: inherit; font-size: 11px; color: var(--nnw-v-accent); background: transparent;
  border: 1px solid transparent; border-radius: 3px; cursor: pointer;
}
.nnw-v-sweep .nnw-v-sweep-open:hover { border-color: var(--nnw-v-accent); }
.nnw-v-sweep .nnw-v-sweep-badge {
  position: absolute; top: 56px; left: 50%; transform: translateX(-50%); padding: 1px 6px; font-size: 11px;
  color: #fff; background: rgba(90, 90, 90, 0.85); border-radius: 3px; pointer-events: none;
}
`;

const SWEEP_STYLES: Stylesheet = { name: "sweep", css: CSS };

const MAP_SIZE = 90;
/** Cell labels follow training once a second, the live region every few seconds. */
const LABEL_INTERVAL_MS = 1000;
const ANNOUNCE_INTERVAL_MS = 5000;
const SPARK_HEIGHT = 24;

interface Cell {
  root: HTMLElement;
  label: string;
  map: HTMLCanvasElement;
  spark: HTMLCanvasElement;
  loss: HTMLElement;
  badge: HTMLElement;
}

export function renderSweep({ model, el }: { model: AnyModel<SweepState>; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el, SWEEP_STYLES));
  const root = element("div", "nnw-v nnw-v-sweep");
  life.add(() => root.remove());
  const bar = element("div", "nnw-v-sweep-bar");
  const play = element("button", "nnw-v-sweep-button");
  play.type = "button";
  const epoch = element("span", "nnw-v-sweep-epoch");
  const status = element("span", "nnw-v-sweep-status");
  bar.append(play, epoch, status);
  const title = element("p", "nnw-v-title", "Sweep");
  const grid = element("div", "nnw-v-sweep-grid");
  const voice = new LiveRegion("nnw-v-sweep-announcer");
  root.append(title, bar, grid, voice.element);
  el.append(root);
  reportSeen(model, root, life);

  let cells: Cell[] = [];
  const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const scratch = document.createElement("canvas");
  let request = 0;
  // Without a count of frames drawn the kernel does not follow this view's pace: it draws the
  // newest frame of those that arrive together, and a beat that followed it sent ever fewer (the
  // 64-run sweep drew 20 frames a second, 38 unfollowed, interleaved in one page).
  const acknowledger = new Acknowledger(
    (frame) => model.send({ type: "drawn", frame }),
    (callback, ms) => life.timeout(callback, ms),
  );

  const build = () => {
    const configs = model.get("configs") ?? [];
    const swept = model.get("swept") ?? [];
    const layout = layoutSweep(configs, swept);
    grid.replaceChildren();
    const labelled = swept.length >= 2;
    grid.style.gridTemplateColumns = `${labelled ? "auto " : ""}repeat(${layout.columns}, auto)`;
    if (labelled) {
      grid.append(element("span"));
      for (const label of layout.columnLabels) grid.append(element("span", "nnw-v-sweep-head", label));
    }
    const slots: (HTMLElement | null)[][] = Array.from({ length: layout.rows }, () => Array(layout.columns).fill(null));
    cells = configs.map((config, index) => {
      const cell = element("div", "nnw-v-sweep-cell");
      cell.dataset.index = String(index);
      const label = element("span", "nnw-v-sweep-label", cellLabel(config, swept) || "base");
      const map = element("canvas", "nnw-v-sweep-map");
      map.width = MAP_SIZE * dpr;
      map.height = MAP_SIZE * dpr;
      map.setAttribute("role", "img");
      map.setAttribute("aria-label", `decision map of ${label.textContent}`);
      const spark = element("canvas", "nnw-v-sweep-spark");
      spark.width = MAP_SIZE * dpr;
      spark.height = SPARK_HEIGHT * dpr;
      spark.setAttribute("aria-hidden", "true");
      const foot = element("div", "nnw-v-sweep-foot");
      const loss = element("span", "nnw-v-sweep-loss");
      const open = element("button", "nnw-v-sweep-open", "Open");
      open.type = "button";
      open.title = "Open this configuration as a full Playground (sweep.opened)";
      open.setAttribute("aria-label", `Open ${label.textContent}`);
      open.addEventListener("click", () => model.send({ type: "open", index }));
      foot.append(loss, open);
      const badge = element("span", "nnw-v-sweep-badge", "diverged");
      badge.hidden = true;
      cell.append(label, map, spark, foot, badge);
      const { row, column } = layout.cells[index];
      if (slots[row]) slots[row][column] = cell;
      return { root: cell, label: label.textContent ?? "", map, spark, loss, badge };
    });
    slots.forEach((row, r) => {
      if (labelled) grid.append(element("span", "nnw-v-sweep-rowhead", layout.rowLabels[r]));
      for (const slot of row) grid.append(slot ?? element("span"));
    });
    root.dataset.cells = String(cells.length);
    const names = swept.map((name) => name.replace("_", " ")).join(", ");
    title.textContent = `Sweep: ${configs.length} configuration${configs.length === 1 ? "" : "s"}` +
      (names ? ` over ${names}` : "") + " · best test loss outlined";
  };

  const drawBar = () => {
    const playing = model.get("playing");
    play.textContent = playing ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(playing));
    epoch.textContent = `Epoch ${(model.get("epoch") ?? 0).toLocaleString("en-US")}`;
    status.textContent = model.get("status") ?? "";
    root.dataset.playing = String(playing);
  };

  const labels = new Pacer(LABEL_INTERVAL_MS);
  const announcements = new Pacer(ANNOUNCE_INTERVAL_MS);
  let told = "";
  let wasPlaying = false;
  const describe = () => {
    const now = performance.now();
    const playing = model.get("playing");
    // The state where training stopped is always told, however short the run.
    const stopped = wasPlaying && !playing;
    wasPlaying = playing;
    const tests = model.get("test_loss") ?? [];
    const diverged = model.get("diverged") ?? [];
    const best = model.get("best");
    // A new status (why cells diverged) goes first; progress waits for the next turn.
    const status = model.get("status") ?? "";
    const news = status !== "" && status !== told;
    told = status;
    if (news) voice.say(status);
    else if (stopped || (playing && announcements.ready(now))) {
      voice.say(sweepAnnouncement(model.get("epoch") ?? 0, cells.map((c) => c.label), tests, diverged, best));
    }
    if (playing && !labels.ready(now)) return;
    cells.forEach((cell, index) =>
      cell.map.setAttribute("aria-label", cellMapLabel(cell.label, tests[index], Boolean(diverged[index]), best === index)),
    );
  };

  const drawCells = () => {
    const resolution = model.get("_map_resolution");
    const maps = readBytes(model.get("_maps"));
    // With more than two classes a cell holds each class' map and shows the likeliest class,
    // at full strength as the two-class maps here are.
    const classes = model.get("classes") ?? 2;
    const perCell = classes > 2 ? classes : 1;
    const luts = perCell > 1 ? argmaxLuts(classes, false, false) : [];
    const curves = readFloat32(model.get("_curves"));
    const length = model.get("_curve_length") ?? 0;
    const tests = model.get("test_loss") ?? [];
    const trains = model.get("train_loss") ?? [];
    const diverged = model.get("diverged") ?? [];
    const best = model.get("best");
    const accent = getComputedStyle(root).getPropertyValue("--nnw-v-accent").trim() || "#0877bd";
    const soft = getComputedStyle(root).getPropertyValue("--nnw-v-label").trim() || "#777";
    scratch.width = resolution;
    scratch.height = resolution;
    const scratchContext = scratch.getContext("2d");
    const image = scratchContext?.createImageData(resolution, resolution);
    cells.forEach((cell, index) => {
      const gone = Boolean(diverged[index]);
      cell.root.classList.toggle("nnw-v-diverged", gone);
      cell.root.classList.toggle("nnw-v-best", best === index);
      cell.badge.hidden = !gone;
      const test = tests[index];
      cell.loss.textContent = gone ? "diverged" : `test ${formatLoss(test ?? trains[index])}`;
      const map = mapOf(maps, index, resolution, perCell);
      const context = cell.map.getContext("2d");
      if (context && scratchContext && image && map.length === resolution * resolution * perCell) {
        if (perCell > 1) argmaxToRgba(map, classes, luts, image.data);
        else mapToRgba(map, undefined, image.data);
        scratchContext.putImageData(image, 0, 0);
        context.imageSmoothingEnabled = true;
        context.drawImage(scratch, 0, 0, cell.map.width, cell.map.height);
      }
      const spark = cell.spark.getContext("2d");
      if (!spark) return;
      spark.setTransform(dpr, 0, 0, dpr, 0, 0);
      spark.clearRect(0, 0, MAP_SIZE, SPARK_HEIGHT);
      const [train, testLine] = sparkline(curves, index, length, MAP_SIZE, SPARK_HEIGHT - 2);
      for (const [line, color, width] of [
        [train, soft, 1],
        [testLine, accent, 1.5],
      ] as const) {
        if (line.length < 2) continue;
        spark.strokeStyle = color;
        spark.lineWidth = width;
        spark.beginPath();
        line.forEach(([x, y], k) => (k ? spark.lineTo(x, y + 1) : spark.moveTo(x, y + 1)));
        spark.stroke();
      }
    });
  };

  let dirtyBar = true;
  let dirtyCells = true;
  const frame = () => {
    request = 0;
    if (dirtyBar) {
      dirtyBar = false;
      drawBar();
    }
    if (dirtyCells) {
      dirtyCells = false;
      try {
        drawCells();
      } catch (error) {
        console.error("nnwidgets sweep: drawing failed", error);
      }
    }
    describe();
    const drawn = model.get("_frame");
    if (typeof drawn === "number") {
      root.dataset.frame = String(drawn);
      acknowledger.drew(drawn);
    }
  };
  const invalidate = (bar: boolean, cellsToo: boolean) => {
    dirtyBar ||= bar;
    dirtyCells ||= cellsToo;
    if (!request) request = life.frame(frame);
  };

  life.listen(play, "click", () => {
    model.set("playing", !model.get("playing"));
    model.save_changes();
  });

  const rebuild = () => {
    build();
    invalidate(true, true);
  };
  life.onChange(model, ["configs", "swept"], rebuild);
  life.onChange(model, ["playing", "epoch", "status"], () => invalidate(true, false));
  life.onChange(model, ["_frame", "classes", "best", "diverged", "test_loss"], () => invalidate(false, true));
  rebuild();
  return () => life.dispose();
}
