// The Sweep's grid: which cell each configuration takes, the labels of rows and columns, and the
// small sums its cells draw (sparkline points, bytes of a map). Pure: vitest checks it.

export interface SweepConfig {
  learning_rate: number;
  regularization_rate: number;
  seed: number | string | null;
}

export type SweptName = "learning_rate" | "regularization_rate" | "seed";

const SHORT: Record<SweptName, string> = { learning_rate: "lr", regularization_rate: "reg", seed: "seed" };

/** At most this many columns when a single parameter is swept (the row wraps). */
export const MAX_COLUMNS = 8;

export interface SweepLayout {
  rows: number;
  columns: number;
  /** Per configuration: its cell. */
  cells: { row: number; column: number }[];
  /** Headers above the columns and before the rows ("" where there is none). */
  columnLabels: string[];
  rowLabels: string[];
}

export function formatValue(name: SweptName, value: number | string | null): string {
  if (name === "seed" || typeof value !== "number") return `${SHORT[name]} ${value}`;
  return `${SHORT[name]} ${formatRate(value)}`;
}

/** Rates as people write them: 0.03, 3, 1e-5. */
export function formatRate(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4) return value.toExponential().replace("e+", "e");
  return String(Number(value.toPrecision(4)));
}

/** A configuration's label from the swept parameters only ("lr 0.03 · seed 2"). */
export function cellLabel(config: SweepConfig, swept: SweptName[]): string {
  return swept.map((name) => formatValue(name, config[name])).join(" · ");
}

/**
 * Configurations come in product order (learning rate slowest, seed fastest). The first swept
 * parameter runs along the columns and the others, combined, down the rows; with one swept
 * parameter the cells wrap at MAX_COLUMNS and the cells carry their own labels.
 */
export function layoutSweep(configs: SweepConfig[], swept: SweptName[]): SweepLayout {
  const n = configs.length;
  if (n === 0) return { rows: 0, columns: 0, cells: [], columnLabels: [], rowLabels: [] };
  if (swept.length < 2) {
    const columns = Math.min(n, MAX_COLUMNS);
    const rows = Math.ceil(n / columns);
    const cells = configs.map((_, k) => ({ row: Math.floor(k / columns), column: k % columns }));
    return { rows, columns, cells, columnLabels: Array(columns).fill(""), rowLabels: Array(rows).fill("") };
  }
  const [along, ...down] = swept;
  const columnValues = distinct(configs.map((c) => c[along]));
  const rowKeys = distinct(configs.map((c) => down.map((name) => String(c[name])).join("|")));
  const cells = configs.map((c) => ({
    row: rowKeys.indexOf(down.map((name) => String(c[name])).join("|")),
    column: columnValues.indexOf(c[along]),
  }));
  const rowLabels = rowKeys.map((key) => {
    const k = cells.findIndex((cell) => rowKeys[cell.row] === key);
    return down.map((name) => formatValue(name, configs[k][name])).join(" · ");
  });
  return {
    rows: rowKeys.length,
    columns: columnValues.length,
    cells,
    columnLabels: columnValues.map((value) => formatValue(along, value)),
    rowLabels,
  };
}

function distinct<T>(values: T[]): T[] {
  return values.filter((value, k) => values.indexOf(value) === k);
}

/**
 * One configuration's maps out of the frame's bytes: (configs, perCell, resolution²) uint8, where
 * perCell is 1, or the class count when each class has its probability map.
 */
export function mapOf(maps: Uint8Array, index: number, resolution: number, perCell = 1): Uint8Array {
  const size = resolution * resolution * perCell;
  const offset = index * size;
  if (offset + size > maps.length) return new Uint8Array(0);
  return maps.subarray(offset, offset + size);
}

/**
 * Sparkline points of one configuration's losses in a box of width × height: float32 (configs, 2,
 * length) with train then test; a shared log-free scale from 0 to the largest finite loss of this
 * cell. Returns [train, test] polylines (NaN breaks a line: those points are left out).
 */
export function sparkline(
  curves: Float32Array,
  index: number,
  length: number,
  width: number,
  height: number,
): [number, number][][] {
  const lines: [number, number][][] = [[], []];
  if (length === 0 || curves.length < (index + 1) * 2 * length) return lines;
  let top = 0;
  for (let k = 0; k < 2 * length; k++) {
    const v = curves[index * 2 * length + k];
    if (Number.isFinite(v) && v > top) top = v;
  }
  if (top === 0) top = 1;
  for (let line = 0; line < 2; line++) {
    for (let k = 0; k < length; k++) {
      const v = curves[(index * 2 + line) * length + k];
      if (!Number.isFinite(v)) continue;
      const x = length === 1 ? width / 2 : (k / (length - 1)) * width;
      lines[line].push([x, height - (Math.min(v, top) / top) * height]);
    }
  }
  return lines;
}

/** The loss as a cell shows it: three decimals (1.2e-5 below 0.001), "—" when there is none. */
export function formatLoss(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value >= 0.001 || value === 0 ? value.toFixed(3) : value.toExponential(1);
}
