import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/shared/pacer";

describe("Pacer", () => {
  it("lets the first update through, then one per interval", () => {
    const pacer = new Pacer(1000);
    expect(pacer.ready(5)).toBe(true);
    expect(pacer.ready(500)).toBe(false);
    expect(pacer.ready(1004)).toBe(false);
    expect(pacer.ready(1005)).toBe(true);
    expect(pacer.ready(1500)).toBe(false);
  });

  it("starts the interval again from the update that went out, not from refused ones", () => {
    const pacer = new Pacer(100);
    pacer.ready(0);
    for (let t = 10; t < 100; t += 10) expect(pacer.ready(t)).toBe(false);
    expect(pacer.ready(100)).toBe(true);
  });
});
