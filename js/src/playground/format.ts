// How numbers read in the Playground's texts: the epoch counter, losses, menu entries, weights.

/** The original's counter: six digits, zero-padded, with thousands separators ("001,234"). */
export function formatEpoch(epoch: number): string {
  const digits = String(Math.max(0, Math.floor(epoch))).padStart(6, "0");
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A loss as the original shows it (three decimals); "–" when there is none yet. */
export function formatLoss(loss: number | null | undefined): string {
  if (loss == null || Number.isNaN(loss)) return "–";
  if (!Number.isFinite(loss)) return loss > 0 ? "∞" : "-∞";
  if (Math.abs(loss) >= 1000) return loss.toExponential(2);
  return loss.toFixed(3);
}

/** A fraction in [0, 1] as a percentage; "" when there is none (regression). */
export function formatAccuracy(fraction: number | null | undefined): string {
  if (fraction == null || !Number.isFinite(fraction)) return "";
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A menu entry for a rate: the number as written ("0.00001"), without float noise. */
export function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(6)));
}

/** A weight or bias in a tooltip: three significant digits, no trailing zeros. */
export function formatWeight(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

// Made once: `toLocaleString` builds a formatter at every call, a visible part of each frame.
const WHOLE_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatEpochsPerSecond(rate: number): string {
  if (!(rate > 0)) return "";
  return `${rate >= 100 ? WHOLE_NUMBER.format(Math.round(rate)) : rate.toPrecision(2)} epochs/s`;
}

export function hiddenLayersLabel(count: number): string {
  return `${count} hidden layer${count === 1 ? "" : "s"}`;
}

export function neuronsLabel(count: number): string {
  return `${count} neuron${count === 1 ? "" : "s"}`;
}
