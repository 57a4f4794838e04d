import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Lifetime } from "../../src/shared/lifetime";
import { StagePlayer } from "../../src/views/transform_player";

describe("StagePlayer", () => {
  let frames: FrameRequestCallback[];
  let now: number;
  /** Runs display frames `ms` apart until the glide stops (or `limit` frames). */
  const runFrames = (ms = 100, limit = 100) => {
    for (let k = 0; k < limit && frames.length; k++) {
      const due = frames;
      frames = [];
      now += ms;
      due.forEach((callback) => callback(now));
    }
  };

  beforeEach(() => {
    frames = [];
    now = 0;
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal("cancelAnimationFrame", () => {});
  });
  afterEach(() => vi.unstubAllGlobals());

  const makePlayer = (count: number, start = 0) => {
    const log: string[] = [];
    const life = new Lifetime();
    const player: StagePlayer = new StagePlayer(life, start, {
      count: () => count,
      step: (crossed) => crossed && log.push(`shows ${Math.round(player.position)}`),
      settled: () => log.push(`settled at ${player.position}`),
      playingChanged: () => log.push(player.playing ? "playing" : "paused"),
    });
    return { player, log };
  };

  it("plays from the first stage to the last, then stops playing", () => {
    const { player, log } = makePlayer(3);
    player.togglePlay();
    runFrames();
    expect(player.position).toBe(2);
    expect(player.playing).toBe(false);
    expect(log[0]).toBe("playing");
    expect(log.slice(-2)).toEqual(["paused", "settled at 2"]);
    // 1.3 s a stage at 0.1 s a frame (the first frame moves nothing): about 27 steps.
    expect(player.frames).toBeGreaterThan(25);
  });

  it("starts again from the beginning when played at the end, and pauses where it is", () => {
    const { player } = makePlayer(3, 2);
    player.togglePlay();
    expect(player.position).toBe(0);
    runFrames(100, 5);
    player.togglePlay();
    runFrames();
    expect(player.playing).toBe(false);
    expect(player.position).toBeGreaterThan(0);
    expect(player.position).toBeLessThan(1);
  });

  it("seeks within the stages there are, and follows Python only when not there already", () => {
    const { player } = makePlayer(4);
    player.jump(9);
    runFrames();
    expect(player.position).toBe(3);
    player.follow(3);
    expect(frames).toHaveLength(0);
    player.follow(1);
    runFrames();
    expect(player.position).toBe(1);
  });

  it("does not play fewer than two stages, and clamps when stages go", () => {
    let count = 1;
    const player = new StagePlayer(new Lifetime(), 3, {
      count: () => count,
      step: () => {},
      settled: () => {},
      playingChanged: () => {},
    });
    player.togglePlay();
    expect(player.playing).toBe(false);
    player.clamp();
    expect(player.position).toBe(0);
    count = 0;
    player.clamp();
    expect(player.target).toBe(0);
  });
});
