import { describe, expect, it } from "vitest";
import { PacedVoice, type Scheduler } from "../../src/views/paced_voice";

/** A clock moved by hand, and the timers due by then. */
function fakeScheduler() {
  let time = 0;
  let timers: { at: number; run: () => void }[] = [];
  const scheduler: Scheduler = {
    now: () => time,
    after: (ms, run) => {
      const timer = { at: time + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  const advance = (ms: number) => {
    time += ms;
    const due = timers.filter((t) => t.at <= time);
    timers = timers.filter((t) => t.at > time);
    for (const timer of due) timer.run();
  };
  return { scheduler, advance, pending: () => timers.length };
}

describe("PacedVoice", () => {
  it("says the first news at once and the rest at most once per interval", () => {
    const said: string[] = [];
    const clock = fakeScheduler();
    const voice = new PacedVoice({ say: (t) => said.push(t) }, 5000, clock.scheduler);
    voice.tell("epoch 1");
    for (let epoch = 2; epoch <= 40; epoch++) {
      clock.advance(100);
      voice.tell(`epoch ${epoch}`);
    }
    expect(said).toEqual(["epoch 1"]);
    clock.advance(1100); // 5 s after the first: the latest news held back, not each one
    expect(said).toEqual(["epoch 1", "epoch 40"]);
    expect(clock.pending()).toBe(0);
  });

  it("tells the state where a run stopped, between two turns", () => {
    const said: string[] = [];
    const clock = fakeScheduler();
    const voice = new PacedVoice({ say: (t) => said.push(t) }, 5000, clock.scheduler);
    voice.tell("epoch 1");
    clock.advance(1000);
    voice.tell("epoch 9, the last");
    clock.advance(10_000);
    expect(said).toEqual(["epoch 1", "epoch 9, the last"]);
  });

  it("says urgent news at once, dropping what was held, and stays quiet once destroyed", () => {
    const said: string[] = [];
    const clock = fakeScheduler();
    const voice = new PacedVoice({ say: (t) => said.push(t) }, 5000, clock.scheduler);
    voice.tell("epoch 1");
    clock.advance(1000);
    voice.tell("epoch 2");
    voice.sayNow("finished at epoch 3");
    clock.advance(10_000);
    expect(said).toEqual(["epoch 1", "finished at epoch 3"]);
    voice.sayNow("started again");
    voice.tell("epoch 4");
    voice.destroy();
    clock.advance(10_000);
    expect(said).toEqual(["epoch 1", "finished at epoch 3", "started again"]);
  });
});
