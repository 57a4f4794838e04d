import { describe, expect, it } from "vitest";
import { cellMapLabel, sweepAnnouncement } from "../../src/views/sweep_text";

describe("a Sweep cell's text alternative", () => {
  it("names the configuration and its test loss, and the best", () => {
    expect(cellMapLabel("lr 0.1", 0.1234, false, false)).toBe("Decision map of lr 0.1: test loss 0.123");
    expect(cellMapLabel("lr 0.1", 0.1234, false, true)).toBe("Decision map of lr 0.1: test loss 0.123, the best");
  });

  it("says diverged rather than a loss", () => {
    expect(cellMapLabel("lr 10", Infinity, true, false)).toBe("Decision map of lr 10: diverged");
  });
});

describe("the Sweep's live region", () => {
  it("says the epoch, the best cell and how many diverged", () => {
    expect(sweepAnnouncement(1200, ["lr 0.1", "lr 10"], [0.2, null], [false, true], 0)).toBe(
      "Epoch 1,200: best test loss 0.200 (lr 0.1); 1 of 2 diverged.",
    );
  });

  it("says when there is no best yet", () => {
    expect(sweepAnnouncement(0, ["a", "b"], [null, null], [false, false], null)).toBe("Epoch 0: no test loss yet.");
  });
});
