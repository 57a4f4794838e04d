import { describe, expect, it } from "vitest";
import {
  cellTitle,
  formatAccuracy,
  headline,
  sortStudents,
  type StudentRow,
  studentMaps,
  studentPoints,
} from "../../src/views/class_overview_order";

const row = (name: string, test_loss: number | null, test_accuracy: number | null, passed: boolean): StudentRow => ({
  name,
  passed,
  reason: passed ? "passed" : "test loss too high",
  test_loss,
  test_accuracy,
  train_loss: test_loss,
});

const ROWS = [
  row("carol", 0.3, 0.8, false),
  row("alice", 0.1, 0.95, true),
  row("dave", null, null, false),
  row("bob", 0.1, 0.9, true),
  row("erin", 0.05, 0.99, true),
];
const names = (rows: StudentRow[]) => rows.map((r) => r.name);

describe("sortStudents", () => {
  it("sorts by name", () => {
    expect(names(sortStudents(ROWS, "name"))).toEqual(["alice", "bob", "carol", "dave", "erin"]);
  });
  it("sorts losses lowest first, ties by name, missing last", () => {
    expect(names(sortStudents(ROWS, "test_loss"))).toEqual(["erin", "alice", "bob", "carol", "dave"]);
  });
  it("sorts accuracies highest first, missing last", () => {
    expect(names(sortStudents(ROWS, "test_accuracy"))).toEqual(["erin", "alice", "bob", "carol", "dave"]);
  });
  it("puts passed first, by name within", () => {
    expect(names(sortStudents(ROWS, "passed"))).toEqual(["alice", "bob", "erin", "carol", "dave"]);
  });
  it("leaves its input alone", () => {
    const before = names(ROWS);
    sortStudents(ROWS, "test_loss");
    expect(names(ROWS)).toEqual(before);
  });
});

describe("figures and text", () => {
  it("formats accuracies, a dash where there is none", () => {
    expect(formatAccuracy(0.956)).toBe("96%");
    expect(formatAccuracy(Number.NaN)).toBe("—");
  });
  it("counts those passed, and those still to read", () => {
    expect(headline("q3", ROWS, 5)).toBe("q3: 3 of 5 students passed");
    expect(headline("q3", ROWS.slice(0, 2), 5)).toBe("q3: 1 of 5 students passed · reading 2 of 5…");
  });
  it("titles a cell with its verdict, reason and network", () => {
    const title = cellTitle({ ...ROWS[0], dataset: "xor", hidden: [4, 2], features: ["x1", "x2"], epoch: 1200 });
    expect(title).toBe("carol: ✗ test loss too high\nxor, hidden [4, 2], features x1 x2, epoch 1,200");
  });
});

describe("bytes of a student", () => {
  it("finds a student's maps by offset, none past the end", () => {
    const maps = Uint8Array.from({ length: 2 * 4 + 3 * 4 }, (_, k) => k);
    expect(Array.from(studentMaps(maps, { ...ROWS[0], map_at: 8, outputs: 3 }, 2))).toEqual([
      8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(studentMaps(maps, { ...ROWS[0], map_at: 16, outputs: 1 }, 4).length).toBe(0);
    expect(studentMaps(maps, ROWS[0], 2).length).toBe(0);
  });
  it("places points with y up, test points after the training ones", () => {
    const bytes = Uint8Array.from([0, 0, 9, 255, 255, 200, 0, 255, 0]);
    const points = studentPoints(bytes, { ...ROWS[0], points_at: 3, points: 2, train_points: 1 }, 100);
    expect(points).toEqual([
      { x: 100, y: 0, label: 200, test: false },
      { x: 0, y: 0, label: 0, test: true },
    ]);
    expect(studentPoints(bytes, { ...ROWS[0], points_at: 3, points: 5 }, 100)).toEqual([]);
  });
});
