// The class overview: one cell per student, each a small decision map (the Sweep's colours) with
// the student's points, test loss and accuracy, a ✓ or ✗ whose title gives the reason, and an
// "Open" button that asks the kernel for that student's Playground ({type: "open", name}). Cells
// appear as the kernel figures students (pending ones wait greyed) and sort in the browser.

import type { AnyModel } from "@anywidget/types";
import { readBytes } from "../shared/binary";
import { argmaxLuts, argmaxToRgba, classColor } from "../shared/class_colors";
import { mapToRgba, valueColor } from "../shared/colors";
import { Lifetime } from "../shared/lifetime";
import type { Stylesheet } from "../shared/styles";
import {
  cellTitle,
  formatAccuracy,
  headline,
  SORT_LABELS,
  type SortKey,
  type StudentRow,
  sortStudents,
  studentMaps,
  studentPoints,
} from "./class_overview_order";
import { adoptViewStyles, element } from "./kit";
import { formatLoss } from "./sweep_layout";

export interface ClassOverviewState {
  question: string;
  goal: string;
  names: string[];
  students: StudentRow[];
  problems: string[];
  done: boolean;
  _map_resolution: number;
  _maps: ArrayBufferView;
  _points: ArrayBufferView;
}

const CSS = /* css */ `
.nnw-v-class { max-width: 100%; }
.nnw-v-class .nnw-v-class-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; font-size: 12px; color: var(--nnw-v-text-soft); }
.nnw-v-class .nnw-v-class-bar label { display: inline-flex; align-items: center; gap: 6px; }
.nnw-v-class .nnw-v-class-bar input { accent-color: var(--nnw-v-accent); }
.nnw-v-class .nnw-v-class-grid {
  display: grid; grid-template-columns: repeat(auto-fill, 118px); gap: 8px; max-height: 720px; overflow-y: auto;
  padding: 2px;
}
.nnw-v-class .nnw-v-class-cell {
  display: flex; flex-direction: column; gap: 3px; padding: 5px; border: 1px solid var(--nnw-v-line);
  border-radius: 4px; border-top: 3px solid #f59322;
}
.nnw-v-class .nnw-v-class-cell.nnw-v-passed { border-top-color: var(--nnw-v-accent); }
.nnw-v-class .nnw-v-class-cell.nnw-v-pending { border-top-color: var(--nnw-v-line); opacity: 0.55; }
.nnw-v-class .nnw-v-class-name { font-size: 12px; font-weight: 500; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.nnw-v-class .nnw-v-class-map { width: 106px; height: 106px; border-radius: 2px; background: var(--nnw-v-bar); }
.nnw-v-class .nnw-v-class-figures { display: flex; justify-content: space-between; gap: 4px; white-space: nowrap; font-size: 11px; font-variant-numeric: tabular-nums; color: var(--nnw-v-text-soft); }
.nnw-v-class .nnw-v-class-foot { display: flex; justify-content: space-between; align-items: center; font-size: 12px; }
.nnw-v-class .nnw-v-class-mark { font-weight: 600; color: #c25e00; cursor: help; }
.nnw-v-class .nnw-v-passed .nnw-v-class-mark { color: var(--nnw-v-accent); }
.nnw-v-class .nnw-v-class-open {
  padding: 0 4px; font: inherit; font-size: 11px; color: var(--nnw-v-accent); background: transparent;
  border: 1px solid transparent; border-radius: 3px; cursor: pointer;
}
.nnw-v-class .nnw-v-class-open:hover { border-color: var(--nnw-v-accent); }
.nnw-v-class .nnw-v-class-problems { font-size: 12px; color: var(--nnw-v-text-soft); }
.nnw-v-class .nnw-v-class-problems ul { margin: 4px 0 0; padding-left: 18px; max-height: 160px; overflow-y: auto; }
`;

const CLASS_STYLES: Stylesheet = { name: "class-overview", css: CSS };

const MAP_SIZE = 106;

interface Cell {
  root: HTMLElement;
  map: HTMLCanvasElement;
  figures: HTMLElement;
  mark: HTMLElement;
  open: HTMLButtonElement;
  drawn: string;
}

export function renderClassOverview({
  model,
  el,
}: {
  model: AnyModel<ClassOverviewState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el, CLASS_STYLES));
  const root = element("div", "nnw-v nnw-v-class");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title");
  const goal = element("p", "nnw-v-note");
  const bar = element("div", "nnw-v-class-bar");
  const sortLabel = element("label", "", "Sort by");
  const sort = element("select");
  for (const [key, text] of Object.entries(SORT_LABELS)) sort.append(new Option(text, key));
  sortLabel.append(sort);
  const pointsLabel = element("label");
  const showPoints = element("input");
  showPoints.type = "checkbox";
  showPoints.checked = true;
  pointsLabel.append(showPoints, "Show points");
  bar.append(sortLabel, pointsLabel);
  const grid = element("div", "nnw-v-class-grid");
  grid.setAttribute("role", "list");
  const problems = element("details", "nnw-v-class-problems");
  root.append(title, goal, bar, grid, problems);
  el.append(root);

  const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const scratch = document.createElement("canvas");
  const cells = new Map<string, Cell>();
  let request = 0;

  const cellOf = (name: string): Cell => {
    let cell = cells.get(name);
    if (cell) return cell;
    const node = element("div", "nnw-v-class-cell nnw-v-pending");
    node.setAttribute("role", "listitem");
    node.dataset.name = name;
    const label = element("span", "nnw-v-class-name", name);
    label.title = name;
    const map = element("canvas", "nnw-v-class-map");
    map.width = MAP_SIZE * dpr;
    map.height = MAP_SIZE * dpr;
    map.setAttribute("role", "img");
    map.setAttribute("aria-label", `${name}: not read yet`);
    const figures = element("div", "nnw-v-class-figures");
    const foot = element("div", "nnw-v-class-foot");
    const mark = element("span", "nnw-v-class-mark", "…");
    const open = element("button", "nnw-v-class-open", "Open");
    open.type = "button";
    open.hidden = true;
    open.title = "Open this student's network as a Playground (overview.opened)";
    open.setAttribute("aria-label", `Open ${name}'s network as a Playground`);
    life.listen(open, "click", () => model.send({ type: "open", name }));
    foot.append(mark, open);
    node.append(label, map, figures, foot);
    cell = { root: node, map, figures, mark, open, drawn: "" };
    cells.set(name, cell);
    return cell;
  };

  const paintMap = (cell: Cell, row: StudentRow, maps: Uint8Array, points: Uint8Array, resolution: number) => {
    const context = cell.map.getContext("2d");
    if (!context) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, cell.map.width, cell.map.height);
    const bytes = studentMaps(maps, row, resolution);
    const outputs = row.outputs ?? 1;
    if (bytes.length === 0) return;
    scratch.width = resolution;
    scratch.height = resolution;
    const scratchContext = scratch.getContext("2d");
    const image = scratchContext?.createImageData(resolution, resolution);
    if (!scratchContext || !image) return;
    if (outputs > 1) argmaxToRgba(bytes, outputs, argmaxLuts(outputs, false, false), image.data);
    else mapToRgba(bytes, undefined, image.data);
    scratchContext.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(scratch, 0, 0, cell.map.width, cell.map.height);
    if (!showPoints.checked) return;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.lineWidth = 0.6;
    for (const point of studentPoints(points, row, MAP_SIZE)) {
      context.fillStyle = outputs > 1 ? classColor(point.label) : valueColor(point.label / 127.5 - 1);
      context.strokeStyle = point.test ? "#000" : "#fff";
      context.beginPath();
      context.arc(point.x, point.y, 1.4, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
  };

  const draw = () => {
    request = 0;
    const names = model.get("names") ?? [];
    const rows = model.get("students") ?? [];
    const resolution = model.get("_map_resolution") ?? 32;
    const maps = readBytes(model.get("_maps"));
    const points = readBytes(model.get("_points"));
    const pointsKey = showPoints.checked ? "points" : "bare";
    title.textContent = `Class overview, ${headline(model.get("question") ?? "", rows, names.length)}`;
    const goalText = model.get("goal") ?? "";
    goal.textContent = goalText ? `Goal: ${goalText}` : "Goal: none set (every usable record passes)";
    const read = new Set(rows.map((row) => row.name));
    const pending = names.filter((name) => !read.has(name)).sort();
    const ordered = [...sortStudents(rows, sort.value as SortKey).map((row) => row.name), ...pending];
    const byName = new Map(rows.map((row) => [row.name, row]));
    for (const row of rows) {
      const cell = cellOf(row.name);
      if (cell.drawn === pointsKey) continue;
      cell.drawn = pointsKey;
      cell.root.classList.remove("nnw-v-pending");
      cell.root.classList.toggle("nnw-v-passed", row.passed);
      cell.root.title = cellTitle(row);
      cell.mark.textContent = row.passed ? "✓" : "✗";
      cell.mark.title = row.reason;
      cell.mark.setAttribute("aria-label", row.passed ? `passed: ${row.reason}` : `not passed: ${row.reason}`);
      const usable = row.map_at !== undefined;
      cell.open.hidden = !usable;
      cell.figures.replaceChildren(
        element("span", "", `loss ${formatLoss(row.test_loss)}`),
        element("span", "", `acc ${formatAccuracy(row.test_accuracy)}`),
      );
      cell.map.setAttribute(
        "aria-label",
        `${row.name}: ${usable ? "decision map, " : ""}${row.passed ? "passed" : "not passed"}`,
      );
      paintMap(cell, row, maps, points, resolution);
    }
    grid.replaceChildren(...ordered.map((name) => cellOf(name).root));
    const list = model.get("problems") ?? [];
    problems.hidden = list.length === 0;
    const summary = element("summary", "", `${list.length} problem${list.length === 1 ? "" : "s"}: work that could not be used`);
    const items = element("ul");
    for (const text of list) items.append(element("li", "", text));
    problems.replaceChildren(summary, items);
    root.dataset.drawn = String(byName.size);
    root.dataset.done = String(Boolean(model.get("done")) && byName.size === names.length);
  };
  const invalidate = () => {
    if (!request) request = life.frame(draw);
  };

  life.listen(sort, "change", invalidate);
  life.listen(showPoints, "change", invalidate);
  life.onChange(model, ["names", "students", "problems", "done", "goal"], invalidate);
  draw();
  return () => life.dispose();
}
