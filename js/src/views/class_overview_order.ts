// The class overview's pure part: the order of the cells, the figures as a cell writes them, the
// headline, and where each student's map and points lie in the bytes. Vitest checks it.

/** One student as the kernel sends it (nnwidgets/widgets/class_overview.py, `students`). */
export interface StudentRow {
  name: string;
  passed: boolean;
  reason: string;
  test_loss: number | null;
  test_accuracy: number | null;
  train_loss: number | null;
  dataset?: string;
  hidden?: number[];
  features?: string[];
  epoch?: number;
  /** Maps per student: 1, or the class count with more than two classes. */
  outputs?: number;
  map_at?: number;
  points_at?: number;
  points?: number;
  train_points?: number;
}

export type SortKey = "name" | "test_loss" | "test_accuracy" | "passed";

export const SORT_LABELS: Record<SortKey, string> = {
  name: "name",
  test_loss: "test loss (lowest first)",
  test_accuracy: "accuracy (highest first)",
  passed: "passed first",
};

/**
 * The students in the order `key` gives, as ClassOverview.results sorts them in Python: losses
 * lowest first, accuracies highest first, passed before failed; ties and students without the
 * figure (last) by name.
 */
export function sortStudents(rows: StudentRow[], key: SortKey): StudentRow[] {
  const byName = (a: StudentRow, b: StudentRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (key === "passed") return Number(b.passed) - Number(a.passed) || byName(a, b);
    if (key === "name") return byName(a, b);
    const [x, y] = [a[key], b[key]];
    const missingX = x === null || x === undefined || !Number.isFinite(x);
    const missingY = y === null || y === undefined || !Number.isFinite(y);
    if (missingX || missingY) return Number(missingX) - Number(missingY) || byName(a, b);
    const sign = key === "test_accuracy" ? -1 : 1;
    return sign * ((x as number) - (y as number)) || byName(a, b);
  });
}

/** An accuracy as a cell writes it: a whole percentage, "—" when there is none. */
export function formatAccuracy(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${Math.round(value * 100)}%`;
}

/** The headline: how many passed of those read, and how many are still to read. */
export function headline(question: string, rows: StudentRow[], total: number): string {
  const passed = rows.filter((row) => row.passed).length;
  const head = `${question}: ${passed} of ${total} student${total === 1 ? "" : "s"} passed`;
  return rows.length < total ? `${head} · reading ${rows.length} of ${total}…` : head;
}

/** What a cell says on hover: the verdict with its reason, and the network. */
export function cellTitle(row: StudentRow): string {
  const lines = [`${row.name}: ${row.passed ? "✓" : "✗"} ${row.reason}`];
  if (row.dataset !== undefined) {
    lines.push(
      `${row.dataset}, hidden [${(row.hidden ?? []).join(", ")}], features ${(row.features ?? []).join(" ")}, ` +
        `epoch ${(row.epoch ?? 0).toLocaleString("en-US")}`,
    );
  }
  return lines.join("\n");
}

/** A student's maps (outputs × resolution²) out of all students' bytes; empty without any. */
export function studentMaps(maps: Uint8Array, row: StudentRow, resolution: number): Uint8Array {
  const size = resolution * resolution * (row.outputs ?? 1);
  const at = row.map_at;
  if (at === undefined || at + size > maps.length) return new Uint8Array(0);
  return maps.subarray(at, at + size);
}

/**
 * A student's points in a square of `size` pixels, from rows of three bytes [x, y, label]:
 * coordinates 0-255 over [-6, 6] (y up), and the label byte.
 */
export function studentPoints(
  points: Uint8Array,
  row: StudentRow,
  size: number,
): { x: number; y: number; label: number; test: boolean }[] {
  const at = row.points_at;
  const count = row.points ?? 0;
  if (at === undefined || at + 3 * count > points.length) return [];
  const out = [];
  for (let k = 0; k < count; k++) {
    const [x, y, label] = points.subarray(at + 3 * k, at + 3 * k + 3);
    out.push({ x: (x / 255) * size, y: (1 - y / 255) * size, label, test: k >= (row.train_points ?? count) });
  }
  return out;
}
