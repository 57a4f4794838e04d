// Where the network diagram's nodes go. Each column lists the nodes the kernel sends (`shown`,
// unit indices in order); where the indices jump, an ellipsis node stands for the `more` nodes
// left out, so a 784-wide input reads "0 … 9, ⋯ 773 more, 783". Pure: vitest checks it.

export interface ColumnSpec {
  units: number;
  shown: number[];
  more: number;
}

export interface NodePlace {
  x: number;
  y: number;
  /** The unit's index in its layer, or -1 for the ellipsis node. */
  unit: number;
  /** Position of this node in `shown` (its row in the weights sent), -1 for the ellipsis. */
  row: number;
}

export interface DiagramLayout {
  columns: { x: number; nodes: NodePlace[] }[];
  /** Height of the node area in CSS pixels (labels go below it). */
  height: number;
}

export interface LayoutOptions {
  width: number;
  gap: number; // vertical distance between node centres
  marginX: number; // from the box edge to the first and last column's centres
  marginTop: number;
}

/** The column's drawn rows: shown nodes in order, an ellipsis where the indices jump. */
export function columnRows(column: ColumnSpec): { unit: number; row: number }[] {
  const rows: { unit: number; row: number }[] = [];
  let ellipsisPlaced = false;
  column.shown.forEach((unit, row) => {
    if (row > 0 && unit !== column.shown[row - 1] + 1 && column.more > 0 && !ellipsisPlaced) {
      rows.push({ unit: -1, row: -1 });
      ellipsisPlaced = true;
    }
    rows.push({ unit, row });
  });
  if (column.more > 0 && !ellipsisPlaced) rows.push({ unit: -1, row: -1 });
  return rows;
}

export function layoutDiagram(columns: ColumnSpec[], options: LayoutOptions): DiagramLayout {
  const rowsPerColumn = columns.map(columnRows);
  const tallest = Math.max(1, ...rowsPerColumn.map((rows) => rows.length));
  const height = options.marginTop + tallest * options.gap;
  const span = Math.max(0, options.width - 2 * options.marginX);
  const step = columns.length > 1 ? span / (columns.length - 1) : 0;
  const middle = options.marginTop + (tallest * options.gap) / 2;
  return {
    height,
    columns: rowsPerColumn.map((rows, c) => {
      const x = columns.length > 1 ? options.marginX + c * step : options.width / 2;
      const top = middle - ((rows.length - 1) * options.gap) / 2;
      return { x, nodes: rows.map(({ unit, row }, k) => ({ x, y: top + k * options.gap, unit, row })) };
    }),
  };
}

/** The "⋯ 773 more" label of an ellipsis node. */
export function moreLabel(more: number): string {
  return `${more.toLocaleString("en-US")} more`;
}

/**
 * Offsets into the float32 weights sent for each link layer: W (rows × cols) then b (cols),
 * rows and cols the shown nodes of the two columns. Throws when the bytes do not add up.
 */
export function weightOffsets(columns: ColumnSpec[], length: number): { w: number; b: number }[] {
  const offsets: { w: number; b: number }[] = [];
  let at = 0;
  for (let k = 0; k + 1 < columns.length; k++) {
    const rows = columns[k].shown.length;
    const cols = columns[k + 1].shown.length;
    offsets.push({ w: at, b: at + rows * cols });
    at += rows * cols + cols;
  }
  if (at !== length) throw new Error(`network diagram: expected ${at} weights, got ${length}`);
  return offsets;
}

/** A link's width: 1 px at 0, `maxWidth` px at |w| ≥ the width scale. */
export function linkWidthFor(weight: number, widthScale: number, maxWidth = 10): number {
  const size = Math.abs(weight) / (widthScale > 0 ? widthScale : 1);
  return Number.isFinite(size) ? 1 + (maxWidth - 1) * Math.min(size, 1) : 1;
}

/** The widest link between two columns: 10 px (the Playground's) for a few links, thinner when
 * many links share the space, so a 11 × 11 sample of a wide layer stays readable. */
export function maxLinkWidth(links: number): number {
  return Math.min(10, Math.max(2.5, 30 / Math.sqrt(Math.max(1, links))));
}
