import { describe, expect, it } from "vitest";
import { parsePoints, parseThumbnails } from "../../src/playground/points";
import { layerSizes, parameterCount, parseWeights } from "../../src/playground/weights";

/** Float32 little-endian bytes placed `offset` bytes into a larger buffer, as traits arrive. */
function floatView(values: number[], offset = 0): DataView {
  const buffer = new ArrayBuffer(offset + values.length * 4 + 5);
  const view = new DataView(buffer, offset, values.length * 4);
  values.forEach((v, k) => view.setFloat32(k * 4, v, true));
  return view;
}

describe("parseWeights", () => {
  // 2 inputs → 3 hidden → 1 output: W0 (2×3), b0 (3), W1 (3×1), b1 (1).
  const sizes = layerSizes(2, [3]);
  const values = [
    ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.6], // W0 row-major: input 0 then input 1
    ...[1, 2, 3], // b0
    ...[-1, -2, -3], // W1
    ...[7], // b1
  ];

  it("counts parameters per layer shape", () => {
    expect(sizes).toEqual([2, 3, 1]);
    expect(parameterCount(sizes)).toBe(13);
    expect(parameterCount(layerSizes(7, [8, 8, 8, 8, 8, 8]))).toBe(64 + 5 * 72 + 9);
  });

  it("splits the floats into W (inputs × outputs) and b per layer", () => {
    const layers = parseWeights(floatView(values, 4), sizes);
    expect(layers).not.toBeNull();
    const [first, last] = layers!;
    expect(first.inputs).toBe(2);
    expect(first.outputs).toBe(3);
    // W[i * outputs + j] is the weight from input i to neuron j.
    expect(first.W[1 * 3 + 2]).toBeCloseTo(0.6);
    expect([...first.b]).toEqual([1, 2, 3]);
    expect([...last.W]).toEqual([-1, -2, -3]);
    expect([...last.b]).toEqual([7]);
  });

  it("refuses weights of another shape (a frame not yet arrived)", () => {
    expect(parseWeights(floatView(values), layerSizes(2, [4]))).toBeNull();
    expect(parseWeights(null, sizes)).toBeNull();
  });

  it("handles a network without hidden layers", () => {
    const layers = parseWeights(floatView([0.5, -0.5, 0.1]), layerSizes(2, []));
    expect(layers).toHaveLength(1);
    expect([...layers![0].W]).toEqual([0.5, -0.5]);
  });
});

describe("parsePoints", () => {
  const rows = [1, 2, 1, -1, -2, -1, 3, 3, 1]; // three points

  it("splits training rows (first) from test rows", () => {
    const { train, test } = parsePoints(floatView(rows, 3), 2);
    expect([...train]).toEqual(rows.slice(0, 6));
    expect([...test]).toEqual(rows.slice(6));
  });

  it("clamps a train count outside the data", () => {
    expect(parsePoints(floatView(rows), 5).test).toHaveLength(0);
    expect(parsePoints(floatView(rows), -1).train).toHaveLength(0);
  });
});

describe("parseThumbnails", () => {
  it("gives each dataset name its rows, in order", () => {
    const sets = parseThumbnails(floatView([1, 1, 1, 2, 2, -1]), ["plane", "multigauss"], 1);
    expect([...sets!.get("plane")!]).toEqual([1, 1, 1]);
    expect([...sets!.get("multigauss")!]).toEqual([2, 2, -1]);
  });

  it("is null while the bytes belong to another problem type", () => {
    expect(parseThumbnails(floatView([1, 1, 1, 2, 2, -1]), ["circle", "xor", "gauss", "spiral"], 1)).toBeNull();
    expect(parseThumbnails(floatView([]), ["circle"], 0)).toBeNull();
  });
});
