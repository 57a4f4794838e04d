// The Sweep in words, for screen readers: each cell's map and what the live region says while
// the grid trains.

import { formatLoss } from "./sweep_layout";

/** A cell's decision map: its configuration, its test loss, whether it is the best or diverged. */
export function cellMapLabel(label: string, testLoss: number | null | undefined, diverged: boolean, best: boolean): string {
  const state = diverged ? "diverged" : `test loss ${formatLoss(testLoss)}${best ? ", the best" : ""}`;
  return `Decision map of ${label}: ${state}`;
}

/** "Epoch 1,200: best test loss 0.111 (learning rate 0.1); 1 of 4 diverged." */
export function sweepAnnouncement(
  epoch: number,
  labels: readonly string[],
  tests: readonly (number | null)[],
  diverged: readonly boolean[],
  best: number | null,
): string {
  const lead =
    best !== null && labels[best] !== undefined
      ? `best test loss ${formatLoss(tests[best])} (${labels[best]})`
      : "no test loss yet";
  const gone = diverged.filter(Boolean).length;
  const tail = gone ? `; ${gone} of ${labels.length} diverged` : "";
  return `Epoch ${Math.max(0, Math.floor(epoch)).toLocaleString("en-US")}: ${lead}${tail}.`;
}
