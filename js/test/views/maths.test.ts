import { describe, expect, it } from "vitest";
import { chartSpecs, column, plannedEpochs, readTable } from "../../src/views/curves";
import { columnRows, layoutDiagram, linkWidthFor, maxLinkWidth, moreLabel, weightOffsets } from "../../src/views/diagram_layout";
import { cubeEdges, dragAngles, normalizer, projectPoints, rotate } from "../../src/views/projection";
import {
  classColors, extent, formatSeconds, formatTick, integerTicks, linearScale, niceTicks, padExtent,
} from "../../src/views/scales";

const close = (a: number[], b: number[]) => a.forEach((v, k) => expect(v).toBeCloseTo(b[k], 6));

describe("scales", () => {
  it("finds finite extents, strided", () => {
    expect(extent([3, NaN, -1, Infinity, 2])).toEqual({ lo: -1, hi: 3 });
    expect(extent([1, 10, 2, 20, 3, 30], 2, 1)).toEqual({ lo: 10, hi: 30 });
    expect(extent([NaN])).toBeNull();
  });

  it("pads extents, and gives a flat one a span", () => {
    expect(padExtent({ lo: 0, hi: 10 }, 0.1)).toEqual({ lo: -1, hi: 11 });
    expect(padExtent({ lo: 2, hi: 2 })).toEqual({ lo: 1, hi: 3 });
    expect(padExtent({ lo: 0, hi: 0 })).toEqual({ lo: -0.5, hi: 0.5 });
    expect(padExtent(null)).toEqual({ lo: 0, hi: 1 });
  });

  it("puts ticks on 1-2-5 steps inside the range", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.71, 4)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(-3.2, 7.9, 5)).toEqual([-2, 0, 2, 4, 6]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(integerTicks(1, 20, 5)).toEqual([5, 10, 15, 20]);
    expect(integerTicks(1, 3, 5)).toEqual([1, 2, 3]);
  });

  it("maps linearly, flipping for y axes", () => {
    const y = linearScale({ lo: 0, hi: 2 }, 100, 0);
    expect([y(0), y(1), y(2)]).toEqual([100, 50, 0]);
    expect(linearScale({ lo: 1, hi: 1 }, 0, 10)(1)).toBe(5);
  });

  it("labels ticks without float noise", () => {
    expect(formatTick(0.30000000000000004)).toBe("0.3");
    expect(formatTick(12000)).toBe("12,000");
    expect(formatTick(0.00001)).toBe("1.0e-5");
    expect(formatSeconds(3.21)).toBe("3.2 s");
    expect(formatSeconds(125)).toBe("2 min 05 s");
  });

  it("colours two classes orange and blue, more from a categorical palette", () => {
    expect(classColors(2)).toEqual(["#f59322", "#0877bd"]);
    const ten = classColors(10);
    expect(new Set(ten).size).toBe(10);
  });
});

describe("3-D projection", () => {
  it("looks at the floor side-on at zero angles: axis 0 right, axis 2 up, axis 1 away", () => {
    const angles = { yaw: 0, pitch: 0 };
    close(rotate([1, 0, 0], angles), [1, 0, 0]);
    close(rotate([0, 0, 1], angles), [0, 1, 0]);
    close(rotate([0, 1, 0], angles), [0, 0, -1]);
  });

  it("keeps lengths (a rotation)", () => {
    const p: [number, number, number] = [0.3, -0.7, 0.5];
    const q = rotate(p, { yaw: 1.1, pitch: -0.4 });
    expect(Math.hypot(...q)).toBeCloseTo(Math.hypot(...p), 10);
  });

  it("turns with a drag and stops short of the poles", () => {
    const turned = dragAngles({ yaw: 0, pitch: 0 }, 100, 0);
    expect(turned.yaw).toBeCloseTo(1);
    expect(dragAngles({ yaw: 0, pitch: 0 }, 0, 10_000).pitch).toBeLessThan(Math.PI / 2);
    expect(dragAngles({ yaw: 0, pitch: 0 }, 0, -10_000).pitch).toBeGreaterThan(-Math.PI / 2);
  });

  it("normalises each axis into [-1, 1]", () => {
    const n = normalizer({ lo: 2, hi: 6 });
    expect([n(2), n(4), n(6)]).toEqual([-1, 0, 1]);
    expect(normalizer({ lo: 3, hi: 3 })(3)).toBe(0);
  });

  it("projects into the box and paints far points first", () => {
    const ranges = [{ lo: 0, hi: 1 }, { lo: 0, hi: 1 }, { lo: 0, hi: 1 }] as const;
    const points = new Float32Array([0, 0, 0, 1, 1, 1, 0, 1, 0]);
    const result = projectPoints(points, ranges, { yaw: 0.3, pitch: 0.5 }, 100, 100, 200);
    for (let k = 0; k < 3; k++) {
      expect(result.x[k]).toBeGreaterThanOrEqual(0);
      expect(result.x[k]).toBeLessThanOrEqual(200);
      expect(result.y[k]).toBeGreaterThanOrEqual(0);
      expect(result.y[k]).toBeLessThanOrEqual(200);
    }
    const depths = Array.from(result.order, (k) => result.depth[k]);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    // At zero angles the top corner is above (smaller y) the bottom one.
    const flat = projectPoints(points, ranges, { yaw: 0, pitch: 0 }, 100, 100, 200);
    expect(flat.y[1]).toBeLessThan(flat.y[0]);
  });

  it("has a cube of 12 edges", () => {
    expect(cubeEdges()).toHaveLength(12);
  });
});

describe("network diagram layout", () => {
  const wide = { units: 784, shown: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 783], more: 773 };

  it("puts the ellipsis where the shown indices jump", () => {
    const rows = columnRows(wide);
    expect(rows).toHaveLength(12);
    expect(rows[10]).toEqual({ unit: -1, row: -1 });
    expect(rows[11]).toEqual({ unit: 783, row: 10 });
    expect(moreLabel(773)).toBe("773 more");
  });

  it("draws narrow columns whole, without an ellipsis", () => {
    expect(columnRows({ units: 3, shown: [0, 1, 2], more: 0 }).map((r) => r.unit)).toEqual([0, 1, 2]);
    // Nodes left out at the end only: the ellipsis goes last.
    expect(columnRows({ units: 5, shown: [0, 1], more: 3 }).map((r) => r.unit)).toEqual([0, 1, -1]);
  });

  it("spreads columns over the width and centres each vertically", () => {
    const layout = layoutDiagram([wide, { units: 2, shown: [0, 1], more: 0 }], {
      width: 400, gap: 20, marginX: 50, marginTop: 10,
    });
    expect(layout.columns.map((c) => c.x)).toEqual([50, 350]);
    expect(layout.height).toBe(10 + 12 * 20);
    const ys = (c: number) => layout.columns[c].nodes.map((n) => n.y);
    const mid = (values: number[]) => (values[0] + values[values.length - 1]) / 2;
    expect(mid(ys(0))).toBeCloseTo(mid(ys(1)));
    expect(ys(0)[1] - ys(0)[0]).toBe(20);
  });

  it("finds each link layer's weights, and refuses a wrong byte count", () => {
    const columns = [
      { units: 4, shown: [0, 1, 2, 3], more: 0 },
      { units: 2, shown: [0, 1], more: 0 },
      { units: 1, shown: [0], more: 0 },
    ];
    expect(weightOffsets(columns, 4 * 2 + 2 + 2 + 1)).toEqual([{ w: 0, b: 8 }, { w: 10, b: 12 }]);
    expect(() => weightOffsets(columns, 12)).toThrow(/expected 13 weights/);
  });

  it("widens links with the weight's size, up to 10 px", () => {
    expect(linkWidthFor(0, 1)).toBe(1);
    expect(linkWidthFor(-0.5, 1)).toBe(5.5);
    expect(linkWidthFor(7, 5)).toBe(10);
    expect(linkWidthFor(NaN, 1)).toBe(1);
    expect(linkWidthFor(1, 1, 3)).toBe(3);
    expect(maxLinkWidth(8)).toBe(10);
    expect(maxLinkWidth(121)).toBeCloseTo(30 / 11);
    expect(maxLinkWidth(10_000)).toBe(2.5);
  });
});

describe("live plot curves", () => {
  it("groups figures into charts with their validation twins, loss first", () => {
    const names = ["accuracy", "loss", "val_loss", "val_accuracy"];
    expect(chartSpecs(names, null)).toEqual([
      { title: "loss", train: 1, validation: 2 },
      { title: "accuracy", train: 0, validation: 3 },
    ]);
    expect(chartSpecs(names, ["accuracy"])).toEqual([{ title: "accuracy", train: 0, validation: 3 }]);
    expect(chartSpecs(["loss"], ["mae"])).toEqual([{ title: "mae", train: -1, validation: -1 }]);
  });

  it("reads columns out of the float32 table", () => {
    const values = new Float32Array([1, 10, 2, 20, 3, NaN]);
    const table = readTable(new DataView(values.buffer), ["loss", "val_loss"]);
    expect(table.rows).toBe(3);
    expect(Array.from(column(table, 0))).toEqual([1, 2, 3]);
    expect(Array.from(column(table, 1))).toEqual([10, 20, NaN]);
    expect(Array.from(column(table, -1))).toEqual([NaN, NaN, NaN]);
  });

  it("keeps the x axis at the fit's planned end while it runs", () => {
    expect(plannedEpochs(7, 7, 20)).toBe(20);
    expect(plannedEpochs(27, 7, 20)).toBe(40); // a second fit after 20 epochs
    expect(plannedEpochs(5, 5, 5)).toBe(5);
    expect(plannedEpochs(0, 0, 0)).toBe(1);
  });
});
