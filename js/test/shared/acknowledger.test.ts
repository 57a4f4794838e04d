import { describe, expect, it } from "vitest";
import { Acknowledger } from "../../src/shared/acknowledger";

/** An acknowledger on a hand-driven clock: what it sent, and its pending timer. */
function setup(intervalMs = 250) {
  let now = 1000;
  const sent: [number, number][] = [];
  let pending: { at: number; callback: () => void } | null = null;
  const acks = new Acknowledger(
    (frame, drawnSince) => sent.push([frame, drawnSince]),
    (callback, ms) => {
      expect(pending).toBeNull(); // one timer at a time
      pending = { at: now + ms, callback };
    },
    () => now,
    intervalMs,
  );
  const advance = (ms: number) => {
    now += ms;
    if (pending && pending.at <= now) {
      const { callback } = pending;
      pending = null;
      callback();
    }
  };
  return { acks, sent, advance, pending: () => pending };
}

describe("Acknowledger", () => {
  it("acknowledges the first frame at once", () => {
    const { acks, sent } = setup();
    acks.drew(1);
    expect(sent).toEqual([[1, 1]]);
  });

  it("sends at most one acknowledgement per interval, for the latest frame and the count", () => {
    const { acks, sent, advance } = setup();
    acks.drew(1);
    for (const frame of [2, 3, 4, 5]) {
      advance(16);
      acks.drew(frame);
    }
    expect(sent).toEqual([[1, 1]]);
    advance(250);
    expect(sent).toEqual([
      [1, 1],
      [5, 4],
    ]);
  });

  it("counts a frame drawn twice once, and sends nothing when nothing new was drawn", () => {
    const { acks, sent, advance, pending } = setup();
    acks.drew(1);
    acks.drew(1);
    advance(300);
    expect(sent).toEqual([[1, 1]]);
    expect(pending()).toBeNull();
    acks.drew(2);
    expect(sent).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it("waits only for what is left of the interval", () => {
    const { acks, sent, advance } = setup();
    acks.drew(1);
    advance(200);
    acks.drew(2);
    advance(49);
    expect(sent).toHaveLength(1);
    advance(1);
    expect(sent).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});
