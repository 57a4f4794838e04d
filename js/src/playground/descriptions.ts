// The Playground in words, for screen readers: the output view's and the loss chart's text
// alternatives, and what the live region says while training.

import { formatLoss } from "./format";
import { TEST, TRAIN } from "./loss_curve";

/** Where training stands: the loss shown under the output (test, or training without test data). */
export interface Progress {
  epoch: number;
  loss: number | null;
  lossName: "test" | "training";
  /** null for regression. */
  accuracy: number | null;
}

export function formatCount(n: number): string {
  return Math.max(0, Math.floor(n)).toLocaleString("en-US");
}

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/** "test accuracy 93.6 %, test loss 0.111", or "no loss yet". */
export function metricsPhrase({ loss, lossName, accuracy }: Progress): string {
  if (loss == null || Number.isNaN(loss)) return "no loss yet";
  const lossText = `${lossName} loss ${formatLoss(loss)}`;
  return accuracy == null || !Number.isFinite(accuracy)
    ? lossText
    : `${lossName} accuracy ${formatPercent(accuracy)}, ${lossText}`;
}

/** The output view's text alternative; `shown` names a hovered neuron ("" for the output). */
export function outputLabel(progress: Progress, shown: string): string {
  const label = `Output: ${metricsPhrase(progress)} at epoch ${formatCount(progress.epoch)}`;
  return shown ? `${label}. ${shown}` : label;
}

/** What the live region says every few seconds while training. */
export function progressAnnouncement(progress: Progress): string {
  return `Epoch ${formatCount(progress.epoch)}: ${metricsPhrase(progress)}.`;
}

/** The loss chart's text alternative: the epochs it spans and each loss from first to last. */
export function lossChartLabel(curve: Float32Array): string {
  const rows = Math.floor(curve.length / 3);
  if (rows === 0) return "Loss per epoch: no epochs yet";
  const last = (rows - 1) * 3;
  const span = `Loss per epoch, epochs ${formatCount(curve[0])} to ${formatCount(curve[last])}`;
  const line = (name: string, column: number, look: string) => {
    const from = curve[column];
    const to = curve[last + column];
    if (!Number.isFinite(to)) return null;
    return `${name} loss ${Number.isFinite(from) ? `from ${formatLoss(from)} ` : ""}to ${formatLoss(to)} (${look})`;
  };
  const lines = [line("training", TRAIN, "grey line"), line("test", TEST, "stronger line")].filter(Boolean);
  return lines.length ? `${span}: ${lines.join(", ")}` : span;
}
