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
  const always = () => true;
  const never = () => false;

  it("says nothing of the first verdict, which the status line shows", () => {
    expect(announcement(null, missing, always)).toBeNull();
  });

  it("tells a goal met or lost at once, whatever the pace", () => {
    expect(announcement(closer, reached, never)).toEqual({ text: `Goal reached: ${reached.reason}`, urgent: true });
    expect(announcement(reached, missing, never)?.text).toBe(`Goal not met any more: ${missing.reason}`);
  });

  it("tells other news only when the pace allows, and never the same reason twice", () => {
    expect(announcement(missing, closer, never)).toBeNull();
    expect(announcement(missing, closer, always)).toEqual({ text: `Challenge: Not yet: ${closer.reason}`, urgent: false });
    let asked = false;
    expect(announcement(closer, { ...closer }, () => (asked = true))).toBeNull();
    expect(asked).toBe(false); // an unchanged reason spends no turn of the pace
  });
});
