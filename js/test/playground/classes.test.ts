import { describe, expect, it } from "vitest";
import { CLASS_COLORS, PLAYGROUND_COLORS, valueColor } from "../../src/shared/colors";
import { unavailableReason } from "../../src/playground/datasets";
import { drawChoices } from "../../src/playground/draw_choices";
import { onPlane, toCanvas, toPlane } from "../../src/playground/plane";
import { DATASETS, MULTICLASS_DATASETS } from "../../src/shared/spec";
import { layerSizes, parameterCount } from "../../src/playground/weights";

describe("the plane on a canvas", () => {
  it("puts x1 = -6 left, x2 = +6 on top", () => {
    expect(toCanvas(-6, 6, 240)).toEqual({ x: 0, y: 0 });
    expect(toCanvas(6, -6, 240)).toEqual({ x: 240, y: 240 });
    expect(toCanvas(0, 0, 240)).toEqual({ x: 120, y: 120 });
    expect(toCanvas(3, 3, 240)).toEqual({ x: 180, y: 60 });
  });

  it("maps a click in CSS pixels back to the plane, whatever the device pixel ratio", () => {
    // A 268 px box (the canvas holds 536 device pixels at DPR 2): the click is in CSS pixels.
    const { x1, x2 } = toPlane(201, 67, 268, 268);
    expect(x1).toBeCloseTo(3);
    expect(x2).toBeCloseTo(3);
    for (const [a, b] of [[-5.5, 2], [0, 0], [4.25, -6]]) {
      const at = toCanvas(a, b, 300);
      const back = toPlane(at.x, at.y, 300, 300);
      expect(back.x1).toBeCloseTo(a);
      expect(back.x2).toBeCloseTo(b);
    }
  });

  it("clamps clicks on the edge to the plane and knows what lies on it", () => {
    expect(toPlane(-1, 301, 300, 300)).toEqual({ x1: -6, x2: -6 });
    expect(onPlane(6, -6)).toBe(true);
    expect(onPlane(6.01, 0)).toBe(false);
  });
});

describe("choosable data sets", () => {
  const classification = (classes: number) => ({ problem: "classification" as const, classes });

  it("offers every data set with two classes, and for regression", () => {
    for (const name of DATASETS.classification) expect(unavailableReason(name, classification(2))).toBeNull();
    for (const name of DATASETS.regression) {
      expect(unavailableReason(name, { problem: "regression", classes: 4 })).toBeNull();
    }
  });

  it("offers only the multi-class ones with more classes, saying why not the others", () => {
    const choosable = DATASETS.classification.filter((name) => unavailableReason(name, classification(3)) === null);
    expect(choosable).toEqual([...MULTICLASS_DATASETS]);
    expect(unavailableReason("circle", classification(4))).toMatch(/Circle has two classes/);
  });
});

describe("draw choices", () => {
  it("offers ±1 in orange and blue for two classes", () => {
    expect(drawChoices({ problem: "classification", classes: 2 })).toEqual([
      { label: -1, name: "class -1", color: PLAYGROUND_COLORS.negative },
      { label: 1, name: "class +1", color: PLAYGROUND_COLORS.positive },
    ]);
  });

  it("offers each class index with more, and targets along the scale for regression", () => {
    expect(drawChoices({ problem: "classification", classes: 4 }).map((c) => c.label)).toEqual([0, 1, 2, 3]);
    expect(drawChoices({ problem: "classification", classes: 4 })[3].color).toBe(CLASS_COLORS[3]);
    const targets = drawChoices({ problem: "regression", classes: 4 });
    expect(targets.map((c) => c.label)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(targets[0].color).toBe(valueColor(-1));
  });
});

describe("weights with one output per class", () => {
  it("sizes the last layer by the classes", () => {
    expect(layerSizes(2, [4], 3)).toEqual([2, 4, 3]);
    expect(parameterCount(layerSizes(2, [4], 3))).toBe(3 * 4 + 5 * 3);
  });
});
