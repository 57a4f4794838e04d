import { describe, expect, it } from "vitest";
import {
  advance,
  between,
  curveUntil,
  lerpBytes,
  lerpFigure,
  lerpFloats,
  mapSlot,
  nextEpoch,
  REPLAY_SECONDS,
} from "../../src/playground/replay_timeline";

describe("advance", () => {
  it("plays the whole recording in REPLAY_SECONDS, at a steady pace of epochs", () => {
    expect(advance(0, REPLAY_SECONDS / 2, 0, 400)).toBe(200);
    expect(advance(200, REPLAY_SECONDS / 4, 0, 400)).toBe(300);
  });

  it("stops at the last epoch", () => {
    expect(advance(390, 1, 0, 400)).toBe(400);
    expect(advance(400, 1, 0, 400)).toBe(400);
  });

  it("stays put on a recording of one moment", () => {
    expect(advance(30, 1, 30, 30)).toBe(30);
  });
});

describe("between", () => {
  const epochs = [0, 10, 40, 100];

  it("finds the two snapshots around an epoch and how far along it is", () => {
    expect(between(epochs, 5)).toEqual({ from: 0, to: 1, t: 0.5 });
    expect(between(epochs, 25)).toEqual({ from: 1, to: 2, t: 0.5 });
    expect(between(epochs, 85)).toEqual({ from: 2, to: 3, t: 0.75 });
  });

  it("gives a snapshot alone at its own epoch", () => {
    expect(between(epochs, 40)).toEqual({ from: 2, to: 2, t: 0 });
  });

  it("holds the ends, and a recording of one moment", () => {
    expect(between(epochs, -3)).toEqual({ from: 0, to: 0, t: 0 });
    expect(between(epochs, 120)).toEqual({ from: 3, to: 3, t: 0 });
    expect(between([7], 7)).toEqual({ from: 0, to: 0, t: 0 });
  });
});

describe("nextEpoch", () => {
  it("steps to the next snapshot, and stays at the last", () => {
    expect(nextEpoch([0, 10, 40], 0)).toBe(10);
    expect(nextEpoch([0, 10, 40], 12.5)).toBe(40);
    expect(nextEpoch([0, 10, 40], 40)).toBe(40);
  });
});

describe("interpolation", () => {
  it("blends weights linearly", () => {
    const out = lerpFloats(new Float32Array([0, 1, -2]), new Float32Array([1, 3, 2]), 0.25);
    expect([...out]).toEqual([0.25, 1.5, -1]);
  });

  it("blends maps linearly, rounded to bytes", () => {
    expect([...lerpBytes(new Uint8Array([0, 255, 10]), new Uint8Array([255, 0, 11]), 0.5)]).toEqual([128, 128, 11]);
  });

  it("takes the nearer snapshot when the shapes differ", () => {
    expect([...lerpBytes(new Uint8Array([1]), new Uint8Array([2, 3]), 0.4)]).toEqual([1]);
    expect([...lerpFloats(new Float32Array([1]), new Float32Array([2, 3]), 0.6)]).toEqual([2, 3]);
  });

  it("blends figures, and keeps a missing one missing", () => {
    expect(lerpFigure(0.5, 0.3, 0.5)).toBeCloseTo(0.4);
    expect(lerpFigure(null, null, 0.5)).toBeNull();
    expect(lerpFigure(null, 0.2, 0.7)).toBe(0.2);
  });
});

describe("curveUntil", () => {
  const curve = new Float32Array([1, 0.9, 0.8, 2, 0.7, 0.6, 3, 0.5, 0.4, 4, 0.3, 0.2]);

  it("keeps the rows before the epoch and ends with the row at it", () => {
    const out = curveUntil(curve, 2.5, 0.65, 0.55);
    expect([...out]).toEqual([1, 0.9, 0.8, 2, 0.7, 0.6, 2.5, 0.65, 0.55].map(Math.fround));
  });

  it("starts with one row before the curve's first epoch", () => {
    expect([...curveUntil(curve, 0, 1, 1)]).toEqual([0, 1, 1]);
  });

  it("writes a missing test loss as NaN, which breaks the chart's line", () => {
    expect(curveUntil(new Float32Array(0), 3, 0.5, null)[2]).toBeNaN();
  });
});

describe("mapSlot", () => {
  it("finds features in _feature_maps and hidden neurons in _maps, layer by layer", () => {
    expect(mapSlot("x2", [4, 2])).toEqual({ trait: "_feature_maps", slot: 1 });
    expect(mapSlot("1:3", [4, 2])).toEqual({ trait: "_maps", slot: 3 });
    expect(mapSlot("2:1", [4, 2])).toEqual({ trait: "_maps", slot: 5 });
  });

  it("gives null for neurons the network does not have", () => {
    expect(mapSlot("3:0", [4, 2])).toBeNull();
    expect(mapSlot("1:4", [4, 2])).toBeNull();
    expect(mapSlot("output", [4, 2])).toBeNull();
  });
});
