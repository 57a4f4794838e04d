import { describe, expect, it } from "vitest";
import { NODE_SIZE } from "../../src/playground/layout";
import { linkEnds, linkMidpoint, linkPath } from "../../src/playground/link_geometry";
import { flowOffset, flowStep, linkWidth, linkWidthAttr } from "../../src/playground/link_style";

describe("link geometry", () => {
  const source = { cx: 100, cy: 50 };
  const target = { cx: 300, cy: 150 };

  it("runs from the source's right edge to the target's left edge", () => {
    const ends = linkEnds(source, target, 0, 1);
    expect(ends.x0).toBe(100 + NODE_SIZE / 2 + 2);
    expect(ends.y0).toBe(50);
    expect(ends.x1).toBe(300 - NODE_SIZE / 2 - 2);
    expect(ends.y1).toBe(150);
  });

  it("fans a neuron's incoming links over its edge, symmetrically", () => {
    const ys = [0, 1, 2, 3].map((i) => linkEnds(source, target, i, 4).y1 - 150);
    expect(ys).toEqual([-4.5, -1.5, 1.5, 4.5]);
  });

  it("is a cubic curve leaving and entering horizontally", () => {
    const d = linkPath({ x0: 0, y0: 0, x1: 100, y1: 40 });
    expect(d).toBe("M0,0C50,0 50,40 100,40");
  });

  it("rounds coordinates to tenths", () => {
    expect(linkPath({ x0: 0.123, y0: 1 / 3, x1: 10, y1: 2 })).toBe("M0.1,0.3C5.1,0.3 5.1,2 10,2");
  });

  it("finds the curve's middle", () => {
    expect(linkMidpoint({ x0: 0, y0: 0, x1: 100, y1: 40 })).toEqual({ x: 50, y: 20 });
  });
});

describe("link style", () => {
  it("grows from 1 px at 0 to 10 px at |w| = 5, then stays", () => {
    expect(linkWidth(0)).toBe(1);
    expect(linkWidth(2.5)).toBe(5.5);
    expect(linkWidth(-5)).toBe(10);
    expect(linkWidth(50)).toBe(10);
    expect(linkWidth(NaN)).toBe(1);
    expect(linkWidthAttr(0.123)).toBe("1.2");
  });

});

describe("flowing links", () => {
  it("move 20 px a second in ten 2 px steps, around the dash period", () => {
    const offsets = Array.from({ length: 1001 }, (_, ms) => flowOffset(5000 + ms)); // one second
    const changes = offsets.filter((offset, k) => k > 0 && offset !== offsets[k - 1]).length;
    expect(changes).toBe(10);
    expect(new Set(offsets)).toEqual(new Set([0, 2, 4, 6, 8]));
    expect(flowOffset(100)).toBe(2);
    expect(flowOffset(550)).toBe(0);
  });

  it("move as fast in five 4 px steps when there are many links", () => {
    expect(flowStep(18)).toBe(2);
    expect(flowStep(384)).toBe(4);
    const offsets = Array.from({ length: 1001 }, (_, ms) => flowOffset(5000 + ms, 4));
    const changes = offsets.filter((offset, k) => k > 0 && offset !== offsets[k - 1]).length;
    expect(changes).toBe(5);
    expect(new Set(offsets)).toEqual(new Set([0, 2, 4, 6, 8]));
    expect(flowOffset(200, 4)).toBe(4);
  });
});
