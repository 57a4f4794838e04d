import { describe, expect, it } from "vitest";
import { SeenState } from "../../src/shared/seen";

describe("SeenState", () => {
  it("reports the first reading, then only changes", () => {
    const reports: boolean[] = [];
    const state = new SeenState((visible) => reports.push(visible));
    state.setPage(true);
    state.setOnScreen(true);
    state.setOnScreen(true);
    expect(reports).toEqual([true]);
  });

  it("is seen only while the page is visible and the view on screen", () => {
    const reports: boolean[] = [];
    const state = new SeenState((visible) => reports.push(visible));
    state.setPage(true);
    state.setOnScreen(false); // the output collapsed
    state.setPage(false); // then the tab hidden: still unseen, nothing new to say
    state.setOnScreen(true); // expanded, but the tab is hidden
    state.setPage(true);
    expect(reports).toEqual([true, false, true]);
  });
});
