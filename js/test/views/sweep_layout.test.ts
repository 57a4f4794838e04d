import { describe, expect, it } from "vitest";
import {
  cellLabel, formatLoss, formatRate, layoutSweep, mapOf, MAX_COLUMNS, sparkline, type SweepConfig,
} from "../../src/views/sweep_layout";

const product = (lrs: number[], rrs: number[], seeds: number[]): SweepConfig[] =>
  lrs.flatMap((lr) => rrs.flatMap((rr) => seeds.map((seed) => ({ learning_rate: lr, regularization_rate: rr, seed }))));

describe("sweep layout", () => {
  it("puts the learning rate along the columns and the seeds down the rows", () => {
    const configs = product([0.003, 0.03, 0.3], [0], [1, 2]);
    const layout = layoutSweep(configs, ["learning_rate", "seed"]);
    expect(layout.rows).toBe(2);
    expect(layout.columns).toBe(3);
    expect(layout.columnLabels).toEqual(["lr 0.003", "lr 0.03", "lr 0.3"]);
    expect(layout.rowLabels).toEqual(["seed 1", "seed 2"]);
    expect(layout.cells[0]).toEqual({ row: 0, column: 0 });
    expect(layout.cells[1]).toEqual({ row: 1, column: 0 });
    expect(layout.cells[5]).toEqual({ row: 1, column: 2 });
  });

  it("combines the other parameters down the rows", () => {
    const configs = product([0.01, 0.1], [0, 0.001], [1, 2]);
    const layout = layoutSweep(configs, ["learning_rate", "regularization_rate", "seed"]);
    expect([layout.rows, layout.columns]).toEqual([4, 2]);
    expect(layout.rowLabels).toEqual(["reg 0 · seed 1", "reg 0 · seed 2", "reg 0.001 · seed 1", "reg 0.001 · seed 2"]);
    const taken = new Set(layout.cells.map((c) => `${c.row},${c.column}`));
    expect(taken.size).toBe(8);
  });

  it("wraps a single swept parameter, and labels each cell", () => {
    const configs = product([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0], [1]);
    const layout = layoutSweep(configs, ["learning_rate"]);
    expect([layout.rows, layout.columns]).toEqual([2, MAX_COLUMNS]);
    expect(layout.cells[9]).toEqual({ row: 1, column: 1 });
    expect(cellLabel(configs[2], ["learning_rate"])).toBe("lr 3");
    expect(cellLabel(configs[0], [])).toBe("");
    expect(layoutSweep([], []).cells).toEqual([]);
  });

  it("formats rates and losses", () => {
    expect(formatRate(0.03)).toBe("0.03");
    expect(formatRate(0.00001)).toBe("1e-5");
    expect(formatRate(0)).toBe("0");
    expect(formatRate(10)).toBe("10");
    expect(formatLoss(0.12345)).toBe("0.123");
    expect(formatLoss(0.0000234)).toBe("2.3e-5");
    expect(formatLoss(null)).toBe("—");
    expect(formatLoss(NaN)).toBe("—");
  });

  it("cuts one configuration's map out of the frame", () => {
    const maps = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(mapOf(maps, 1, 2))).toEqual([5, 6, 7, 8]);
    expect(mapOf(maps, 2, 2).length).toBe(0);
    // Two classes' maps per configuration: the second configuration's are bytes 8-15.
    const classMaps = new Uint8Array(16).map((_, k) => k);
    expect(Array.from(mapOf(classMaps, 1, 2, 2))).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(mapOf(classMaps, 2, 2, 2).length).toBe(0);
  });

  it("scales a sparkline from 0 to the cell's largest loss, skipping NaN", () => {
    // Two configurations, three points each: [train..., test...] per configuration.
    const curves = new Float32Array([9, 9, 9, 9, 9, 9, 1, 0.5, 0, 2, NaN, 1]);
    const [train, test] = sparkline(curves, 1, 3, 100, 20);
    expect(train).toEqual([[0, 10], [50, 15], [100, 20]]);
    expect(test).toEqual([[0, 0], [100, 10]]);
    expect(sparkline(curves, 2, 3, 100, 20)).toEqual([[], []]);
  });
});
