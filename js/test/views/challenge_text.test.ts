import { describe, expect, it } from "vitest";
import { announcement, statusText } from "../../src/views/challenge_text";

const missing = { passed: false, reason: "test loss 0.3 (goal: at most 0.1)" };
const closer = { passed: false, reason: "test loss 0.2 (goal: at most 0.1)" };
const reached = { passed: true, reason: "passed: test loss 0.09 (goal: at most 0.1), within the limits" };

describe("statusText", () => {
  it("names a missed goal 'Not yet' and a met one by its reason", () => {
    expect(statusText(missing)).toBe("Not yet: test loss 0.3 (goal: at most 0.1)");
    expect(statusText(reached)).toBe(reached.reason);
  });
});

describe("announcement", () => {
  it("says nothing of the first verdict, which the status line shows", () => {
    expect(announcement(null, missing)).toBeNull();
  });

  it("tells a goal met or lost as urgent", () => {
    expect(announcement(closer, reached)).toEqual({
      text: "Goal reached: test loss 0.09 (goal: at most 0.1), within the limits",
      urgent: true,
    });
    expect(announcement(reached, missing)).toEqual({ text: `Goal not met any more: ${missing.reason}`, urgent: true });
  });

  it("tells other news as paced, and never the same reason twice", () => {
    expect(announcement(missing, closer)).toEqual({ text: `Challenge: Not yet: ${closer.reason}`, urgent: false });
    expect(announcement(closer, { ...closer })).toBeNull();
  });
});
