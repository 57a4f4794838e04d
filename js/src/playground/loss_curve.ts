// The loss chart: `_loss_curve` rows [epoch, train_loss, test_loss] scaled into a box, as SVG
// path data. Like the original, the y axis spans the losses seen (not from zero), so the late,
// small improvements stay visible.

import { type Binary, readFloat32 } from "../shared/binary";

export const TRAIN = 1;
export const TEST = 2;

export function parseLossCurve(view: Binary | null | undefined): Float32Array {
  const values = readFloat32(view);
  return values.subarray(0, values.length - (values.length % 3));
}

export interface ChartScale {
  x: (epoch: number) => number;
  y: (loss: number) => number;
}

/** Maps epochs onto [0, width] and losses onto [height, 0] (SVG's y grows downwards). */
export function lossChartScale(curve: Float32Array, width: number, height: number): ChartScale {
  const rows = curve.length / 3;
  let minLoss = Infinity;
  let maxLoss = -Infinity;
  for (let r = 0; r < rows; r++) {
    for (const column of [TRAIN, TEST]) {
      const loss = curve[r * 3 + column];
      if (!Number.isFinite(loss)) continue;
      if (loss < minLoss) minLoss = loss;
      if (loss > maxLoss) maxLoss = loss;
    }
  }
  if (minLoss > maxLoss) [minLoss, maxLoss] = [0, 1]; // no finite loss yet
  if (minLoss === maxLoss) {
    // A flat curve sits in the middle rather than on an edge.
    const pad = Math.abs(minLoss) * 0.5 || 0.5;
    minLoss -= pad;
    maxLoss += pad;
  }
  const first = rows > 0 ? curve[0] : 0;
  const last = rows > 0 ? curve[(rows - 1) * 3] : 1;
  const span = last - first;
  return {
    x: (epoch) => (span > 0 ? ((epoch - first) / span) * width : width / 2),
    y: (loss) => height - ((loss - minLoss) / (maxLoss - minLoss)) * height,
  };
}

/** Path data for one column (TRAIN or TEST); a non-finite loss breaks the line. */
export function lossPath(curve: Float32Array, column: number, scale: ChartScale): string {
  const parts: string[] = [];
  let penDown = false;
  for (let r = 0; r < curve.length / 3; r++) {
    const loss = curve[r * 3 + column];
    if (!Number.isFinite(loss)) {
      penDown = false;
      continue;
    }
    const x = round2(scale.x(curve[r * 3]));
    const y = round2(scale.y(loss));
    parts.push(`${penDown ? "L" : "M"}${x},${y}`);
    penDown = true;
  }
  return parts.join("");
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
