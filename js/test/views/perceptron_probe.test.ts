import { describe, expect, it } from "vitest";
import { probeAfterKey } from "../../src/views/perceptron_probe";

const plane = [
  { lo: -6, hi: 6 },
  { lo: -6, hi: 6 },
];

describe("moving the Perceptron's probe by keyboard", () => {
  it("steps a fiftieth of the range along x₁ with left/right and x₂ with up/down", () => {
    expect(probeAfterKey([0, 0], plane, "ArrowRight")).toEqual([0.24, 0]);
    expect(probeAfterKey([0, 0], plane, "ArrowLeft")).toEqual([-0.24, 0]);
    expect(probeAfterKey([0, 0], plane, "ArrowUp")).toEqual([0, 0.24]);
    expect(probeAfterKey([0, 0], plane, "PageDown")).toEqual([0, -2.4]);
  });

  it("moves the one input with every arrow on a number line", () => {
    const line = [{ lo: 100, hi: 200 }];
    expect(probeAfterKey([150], line, "ArrowUp")).toEqual([152]);
    expect(probeAfterKey([150], line, "End")).toEqual([200]);
    expect(probeAfterKey([150], line, "Home")).toEqual([100]);
  });

  it("stays within the ranges and leaves other keys alone", () => {
    expect(probeAfterKey([5.9, 0], plane, "ArrowRight")).toEqual([6, 0]);
    expect(probeAfterKey([0, 0], plane, "Enter")).toBeNull();
    expect(probeAfterKey([], [], "ArrowRight")).toBeNull();
  });
});
