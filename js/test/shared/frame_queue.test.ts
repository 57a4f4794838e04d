import { describe, expect, it } from "vitest";
import { FrameQueue } from "../../src/shared/frame_queue";

describe("FrameQueue", () => {
  it("hands out frames that arrived together one at a time, oldest first", () => {
    const queue = new FrameQueue<string>(2);
    queue.push("a", 10);
    queue.push("b", 20);
    queue.push("c", 30);
    expect([queue.take(), queue.take(), queue.take(), queue.take()]).toEqual(["a", "b", "c", undefined]);
  });

  it("skips frames that trail the newest by more than maxBehind", () => {
    const queue = new FrameQueue<number>(2);
    for (let epoch = 1; epoch <= 6; epoch++) queue.push(epoch, epoch);
    expect(queue.take()).toBe(4); // 4, 5 and 6 are the newest three
    expect(queue.length).toBe(2);
    const live = new FrameQueue<number>(0);
    live.push(1, 1);
    live.push(2, 2);
    expect(live.take()).toBe(2);
  });

  it("drops the frames before one that starts over, so a reset is drawn at once", () => {
    const queue = new FrameQueue<string>(2);
    queue.push("old 100", 100);
    queue.push("old 120", 120);
    queue.push("reset", 0);
    expect(queue.take()).toBe("reset");
    queue.push("same epoch again", 0); // a forced frame of the same state is no reset
    queue.push("next", 5);
    expect([queue.take(), queue.take()]).toEqual(["same epoch again", "next"]);
  });
});
