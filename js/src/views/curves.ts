// LivePlot's data: the kernel's table of logged figures (float32 rows, one per epoch, a column
// per name) grouped into charts: one per training figure, with its "val_" twin.

import { type Binary, readFloat32 } from "../shared/binary";

export interface Table {
  names: string[];
  rows: number;
  values: Float32Array; // rows × names.length, row-major
}

export function readTable(view: Binary | null | undefined, names: string[]): Table {
  const all = readFloat32(view);
  const columns = names.length;
  const rows = columns > 0 ? Math.floor(all.length / columns) : 0;
  return { names, rows, values: all.subarray(0, rows * columns) };
}

export interface ChartSpec {
  title: string; // the Keras name of the training figure
  train: number; // column, -1 if not logged
  validation: number; // column of "val_" + title, -1 if not logged
}

/** One chart per training figure, in the order logged ("loss" first), or per name in `metrics`. */
export function chartSpecs(names: string[], metrics: string[] | null | undefined): ChartSpec[] {
  const titles = metrics ?? names.filter((name) => !name.startsWith("val_"));
  // A figure only ever logged as "val_x" still gets its chart.
  if (!metrics) {
    for (const name of names) {
      if (name.startsWith("val_") && !titles.includes(name.slice(4))) titles.push(name.slice(4));
    }
    const loss = titles.indexOf("loss");
    if (loss > 0) titles.unshift(...titles.splice(loss, 1));
  }
  return titles.map((title) => ({
    title,
    train: names.indexOf(title),
    validation: names.indexOf(`val_${title}`),
  }));
}

/** A column's values, one per row (epoch). */
export function column(table: Table, index: number): Float32Array {
  const out = new Float32Array(table.rows);
  if (index < 0) return out.fill(NaN);
  const stride = table.names.length;
  for (let r = 0; r < table.rows; r++) out[r] = table.values[r * stride + index];
  return out;
}

/**
 * The x axis' last epoch: the rows so far, or, while a fit runs, where that fit will end (so the
 * curve grows across a fixed axis). Epochs are numbered from 1.
 */
export function plannedEpochs(rows: number, done: number, planned: number): number {
  return Math.max(rows, rows - done + planned, 1);
}
