import { describe, expect, it } from "vitest";
import { markedNeurons, markTitle, statusLine } from "../../src/playground/diagnosis";
import type { Finding } from "../../src/playground/protocol";

const stuck: Finding = {
  kind: "stuck",
  message: "The learning rate 10 is too large: the loss is stuck at 0.92.",
  neurons: [],
  layers: [2],
  why: "Flat for 100 epochs.",
};
const dead: Finding = { kind: "dead_units", message: "2 dead.", neurons: ["2:0", "2:1"], layers: [2], why: "0 everywhere." };
const saturated: Finding = { kind: "saturated", message: "1 pinned.", neurons: ["1:3"], layers: [1], why: "" };

describe("statusLine", () => {
  it("says nothing for a healthy run", () => {
    expect(statusLine("", false, [])).toEqual({ text: "", why: "", warning: false });
  });
  it("lets the first finding speak, with every finding's evidence as the why", () => {
    expect(statusLine("", false, [stuck, dead])).toEqual({
      text: stuck.message,
      why: "Flat for 100 epochs. 0 everywhere.",
      warning: true,
    });
  });
  it("keeps the kernel's own status first (compiling, diverged)", () => {
    expect(statusLine("Preparing this network…", false, [stuck])).toEqual({
      text: "Preparing this network…",
      why: "",
      warning: false,
    });
    expect(statusLine("Training stopped.", true, [{ ...stuck, kind: "diverged", why: "Overflow." }]).why).toBe("Overflow.");
  });
});

describe("markedNeurons", () => {
  it("marks the neurons of dead and saturated findings only", () => {
    const marks = markedNeurons([stuck, dead, saturated]);
    expect([...marks]).toEqual([
      ["2:0", "dead"],
      ["2:1", "dead"],
      ["1:3", "saturated"],
    ]);
    expect(markTitle("dead")).toMatch(/outputs 0/);
  });
});
