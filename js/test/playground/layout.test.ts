import { describe, expect, it } from "vitest";
import {
  INPUT_LABEL_WIDTH,
  layoutNetwork,
  MARGIN,
  minimumWidth,
  NODE_PITCH,
  NODE_SIZE,
} from "../../src/playground/layout";
import {
  hiddenMapIndex,
  hiddenNeuronId,
  mapCount,
  outputClassOf,
  outputMapIndex,
  outputNeuronId,
} from "../../src/playground/neuron_ids";
import { FEATURES } from "../../src/shared/spec";

describe("layoutNetwork", () => {
  const layout = layoutNetwork(["x1", "x2"], [4, 2], 600);

  it("puts the inputs in a column right of their labels, top-aligned", () => {
    expect(layout.inputs.map((p) => p.feature)).toEqual(["x1", "x2"]);
    expect(layout.inputs[0].cx).toBe(INPUT_LABEL_WIDTH + NODE_SIZE / 2);
    expect(layout.inputs[0].cy).toBe(MARGIN + NODE_SIZE / 2);
    expect(layout.inputs[1].cy - layout.inputs[0].cy).toBe(NODE_PITCH);
  });

  it("puts the output node at the right edge, on the first row", () => {
    expect(layout.outputs).toHaveLength(1);
    expect(layout.outputs[0].cx).toBe(600 - MARGIN - NODE_SIZE / 2);
    expect(layout.outputs[0].cy).toBe(layout.inputs[0].cy);
    expect(layout.outputs[0].id).toBe("output");
  });

  it("stacks one output node per class from the top, named output:k, and grows to fit them", () => {
    const classes = layoutNetwork(["x1", "x2"], [2], 600, 5);
    expect(classes.outputs.map((p) => p.id)).toEqual(["output:0", "output:1", "output:2", "output:3", "output:4"]);
    const rows = [0, 1, 2, 3, 4].map((row) => MARGIN + NODE_SIZE / 2 + row * NODE_PITCH);
    expect(classes.outputs.map((p) => p.cy)).toEqual(rows);
    expect(new Set(classes.outputs.map((p) => p.cx))).toEqual(new Set([600 - MARGIN - NODE_SIZE / 2]));
    expect(classes.height).toBe(MARGIN * 2 + 4 * NODE_PITCH + NODE_SIZE);
  });

  it("spreads hidden layers evenly between inputs and output", () => {
    const xs = [layout.inputs[0].cx, ...layout.hiddenX, layout.outputs[0].cx];
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
    const xs = [narrow.inputs[0].cx, ...narrow.hiddenX, narrow.outputs[0].cx];
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

  it("puts one map per class last when there are more than two classes", () => {
    expect(outputMapIndex(hidden, 2)).toBe(8);
    expect(mapCount(hidden, 3)).toBe(9);
  });

  it("names output neurons output, or output:k for class k", () => {
    expect(outputNeuronId(0, 1)).toBe("output");
    expect(outputNeuronId(2, 3)).toBe("output:2");
    expect(outputClassOf("output:2")).toBe(2);
    expect(outputClassOf("output")).toBeNull();
    expect(outputClassOf("1:0")).toBeNull();
    expect(outputClassOf(null)).toBeNull();
  });
});
