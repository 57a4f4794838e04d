// The TransformView's data, unpacked once per message into buffers reused from one message to the
// next: every stage as rows of 3 values, each stage's fit, the labels, and the buffers a frame
// draws from (the interpolated rows and their screen positions).

import { readBytes, readFloat32, type Binary } from "../shared/binary";
import { type Fit, fitOf, padTo3, stageSpan } from "./transform_math";

export interface StageEntry {
  name: string;
  kind: string;
  layer: number | null;
  dims: number;
  units: number[];
  offset: number;
  decision: { w: number[]; b: number } | null;
}

/** Where the kernel's float32 rows are: a grid², the basis and the points, per stage. */
export interface TransformIndex {
  grid: number;
  basis: number;
  points: number;
  square: number[];
  stages: StageEntry[];
}

export class Stages {
  index: TransformIndex = { grid: 0, basis: 3, points: 0, square: [-1, 1, -1, 1], stages: [] };
  /** Each stage's rows, padded to 3 values. */
  rows: Float32Array[] = [];
  fits: Fit[] = [];
  labels: Uint8Array = new Uint8Array(0);
  /** Rows per stage: the grid's, the basis' and the points'. */
  count = 0;
  /** The rows between two stages, as the frame being drawn shows them. */
  current = new Float32Array(0);
  screenX = new Float32Array(0);
  screenY = new Float32Array(0);

  get entries(): StageEntry[] {
    return this.index.stages ?? [];
  }

  load(index: TransformIndex | undefined, stages: Binary | undefined, labels: Binary | undefined): void {
    this.index = index ?? this.index;
    const values = readFloat32(stages);
    this.labels = readBytes(labels);
    const grid = this.index.grid ?? 0;
    const count = (this.count = grid * grid + (this.index.basis ?? 0) + (this.index.points ?? 0));
    if (this.current.length !== count * 3) {
      this.current = new Float32Array(count * 3);
      this.screenX = new Float32Array(count);
      this.screenY = new Float32Array(count);
    }
    const previous = this.rows;
    this.rows = this.entries.map((entry, k) => {
      const reuse = previous[k]?.length === count * 3 ? previous[k] : new Float32Array(count * 3);
      return padTo3(values.subarray(entry.offset, entry.offset + count * entry.dims), entry.dims, count, reuse);
    });
    this.fits = this.rows.map((points) => fitOf(points, count));
  }

  /** Whether the view at `position` (a float between stages) is drawn in 3-D. */
  shows3d(position: number): boolean {
    const entries = this.entries;
    const { from, to, t } = stageSpan(position, entries.length);
    return entries[from]?.dims === 3 || (t > 0 && entries[to]?.dims === 3);
  }
}
