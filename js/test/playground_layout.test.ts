import { describe, expect, it } from "vitest";
import {
  INPUT_LABEL_WIDTH,
  layoutNetwork,
  MARGIN,
  minimumWidth,
  NODE_PITCH,
  NODE_SIZE,
} from "../src/playground/layout";
import { hiddenMapIndex, hiddenNeuronId, mapCount, outputMapIndex } from "../src/playground/neuron_ids";
import { FEATURES } from "../src/playground/protocol";

describe("layoutNetwork", () => {
  const layout = layoutNetwork(["x1", "x2"], [4, 2], 600);

  it("puts the inputs in a column right of their labels, top-aligned", () => {
    expect(layout.inputs.map((p) => p.feature)).toEqual(["x1", "x2"]);
    expect(layout.inputs[0].cx).toBe(INPUT_LABEL_WIDTH + NODE_SIZE / 2);
    expect(layout.inputs[0].cy).toBe(MARGIN + NODE_SIZE / 2);
    expect(layout.inputs[1].cy - layout.inputs[0].cy).toBe(NODE_PITCH);
  });

  it("puts the output node at the right edge, on the first row", () => {
    expect(layout.output.cx).toBe(600 - MARGIN - NODE_SIZE / 2);
    expect(layout.output.cy).toBe(layout.inputs[0].cy);
    expect(layout.output.id).toBe("output");
  });

  it("spreads hidden layers evenly between inputs and output", () => {
    const xs = [layout.inputs[0].cx, ...layout.hiddenX, layout.output.cx];
    const gaps = xs.slice(1).map((x, k) => x - xs[k]);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]);
    expect(layout.hidden.map((column) => column.length)).toEqual([4, 2]);
    expect(layout.hidden[0].every((p) => p.cx === layout.hiddenX[0])).toBe(true);
  });

  it("names hidden neurons layer:index, layers from 1", () => {
    expect(layout.hidden[1].map((p) => p.id)).toEqual(["2:0", "2:1"]);
  });

  it("is as tall as its longest column", () => {
    const tall = layoutNetwork([...FEATURES], [8, 8], 600);
    expect(tall.height).toBe(MARGIN * 2 + 7 * NODE_PITCH + NODE_SIZE);
    expect(layout.height).toBe(MARGIN * 2 + 3 * NODE_PITCH + NODE_SIZE);
  });

  it("never gets narrower than its columns need", () => {
    const narrow = layoutNetwork(["x1"], [8, 8, 8, 8, 8, 8], 200);
    expect(narrow.width).toBe(minimumWidth(6));
    const xs = [narrow.inputs[0].cx, ...narrow.hiddenX, narrow.output.cx];
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeGreaterThanOrEqual(NODE_SIZE * 1.5);
  });

  it("draws a network without hidden layers", () => {
    const bare = layoutNetwork(["x1"], [], 400);
    expect(bare.hidden).toEqual([]);
    expect(bare.hiddenX).toEqual([]);
  });
});

describe("neuron ids and map slots", () => {
  const hidden = [4, 2];

  it("finds each hidden neuron's map in layer order", () => {
    expect(hiddenNeuronId(1, 0)).toBe("1:0");
    expect(hiddenMapIndex(hidden, 1, 3)).toBe(3);
    expect(hiddenMapIndex(hidden, 2, 0)).toBe(4);
    expect(hiddenMapIndex(hidden, 2, 1)).toBe(5);
  });

  it("puts the output's map last", () => {
    expect(outputMapIndex(hidden)).toBe(6);
    expect(mapCount(hidden)).toBe(7);
    expect(mapCount([])).toBe(1);
  });
});
