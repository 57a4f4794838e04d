import { describe, expect, it } from "vitest";
import { numericMenu, textMenu } from "../../src/playground/menu_options";
import { addLayer, changeNeurons, removeLayer, toggleFeature } from "../../src/playground/shape_edits";

describe("menus", () => {
  it("add a value Python set that the original's menu lacks, in order", () => {
    expect(numericMenu([0.1, 0.3, 1], 0.5)).toEqual([0.1, 0.3, 0.5, 1]);
    expect(numericMenu([0.1, 0.3], 0.3)).toEqual([0.1, 0.3]);
    expect(textMenu(["relu", "tanh"], "tanh")).toEqual(["relu", "tanh"]);
    expect(textMenu<string>(["relu", "tanh"], "elu")).toEqual(["relu", "tanh", "elu"]);
  });
});

describe("shape edits", () => {
  it("toggles a feature, keeping FEATURES order", () => {
    expect(toggleFeature(["x1", "x2"], "x1^2")).toEqual(["x1", "x2", "x1^2"]);
    expect(toggleFeature(["x2", "sin(x1)"], "x1")).toEqual(["x1", "x2", "sin(x1)"]);
    expect(toggleFeature(["x1", "x2"], "x1")).toEqual(["x2"]);
  });

  it("refuses to switch off the last feature", () => {
    expect(toggleFeature(["x2"], "x2")).toBeNull();
  });

  it("adds layers of two neurons up to six, and removes the last", () => {
    expect(addLayer([4])).toEqual([4, 2]);
    expect(addLayer([1, 1, 1, 1, 1, 1])).toBeNull();
    expect(removeLayer([4, 2])).toEqual([4]);
    expect(removeLayer([])).toBeNull();
  });

  it("keeps 1 to 8 neurons per layer", () => {
    expect(changeNeurons([4, 2], 1, 1)).toEqual([4, 3]);
    expect(changeNeurons([8, 2], 0, 1)).toBeNull();
    expect(changeNeurons([1, 2], 0, -1)).toBeNull();
    expect(changeNeurons([4], 3, 1)).toBeNull();
  });
});
