import { describe, expect, it } from "vitest";
import {
  formatAccuracy,
  formatEpoch,
  formatEpochsPerSecond,
  formatLoss,
  formatRate,
  formatWeight,
  hiddenLayersLabel,
  neuronsLabel,
} from "../../src/playground/format";

describe("formatEpoch", () => {
  it("pads to six digits with thousands separators, as the original", () => {
    expect(formatEpoch(0)).toBe("000,000");
    expect(formatEpoch(1234)).toBe("001,234");
    expect(formatEpoch(999999)).toBe("999,999");
  });

  it("keeps growing past a million", () => {
    expect(formatEpoch(1234567)).toBe("1,234,567");
  });

  it("never shows a negative or fractional epoch", () => {
    expect(formatEpoch(-3)).toBe("000,000");
    expect(formatEpoch(12.7)).toBe("000,012");
  });
});

describe("formatLoss", () => {
  it("shows three decimals", () => {
    expect(formatLoss(0.12345)).toBe("0.123");
    expect(formatLoss(2)).toBe("2.000");
  });

  it("says when there is no loss, or an infinite one", () => {
    expect(formatLoss(null)).toBe("–");
    expect(formatLoss(NaN)).toBe("–");
    expect(formatLoss(Infinity)).toBe("∞");
  });

  it("switches to exponents for huge losses", () => {
    expect(formatLoss(123456)).toBe("1.23e+5");
  });
});

describe("small texts", () => {
  it("formats accuracy as a percentage, or nothing", () => {
    expect(formatAccuracy(0.953)).toBe("95.3%");
    expect(formatAccuracy(null)).toBe("");
  });

  it("writes the menus' rates as decimals without float noise", () => {
    expect(formatRate(0.00001)).toBe("0.00001");
    expect(formatRate(0.1 + 0.2)).toBe("0.3");
    expect(formatRate(10)).toBe("10");
  });

  it("rounds weights to three significant digits", () => {
    expect(formatWeight(0.123456)).toBe("0.123");
    expect(formatWeight(-12.5)).toBe("-12.5");
    expect(formatWeight(2)).toBe("2");
  });

  it("shows the training speed only while there is one", () => {
    expect(formatEpochsPerSecond(0)).toBe("");
    expect(formatEpochsPerSecond(52.4)).toBe("52 epochs/s");
    expect(formatEpochsPerSecond(7.25)).toBe("7.3 epochs/s");
    expect(formatEpochsPerSecond(1234.5)).toBe("1,235 epochs/s");
  });

  it("pluralises labels", () => {
    expect(hiddenLayersLabel(1)).toBe("1 hidden layer");
    expect(hiddenLayersLabel(2)).toBe("2 hidden layers");
    expect(hiddenLayersLabel(0)).toBe("0 hidden layers");
    expect(neuronsLabel(1)).toBe("1 neuron");
    expect(neuronsLabel(4)).toBe("4 neurons");
  });
});
