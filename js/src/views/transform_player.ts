// Moving the TransformView through its stages: a position between stages that glides towards a
// target at the display rate, slower while playing through all of them than when seeking one.

import type { Lifetime } from "../shared/lifetime";

const SECONDS_PER_STAGE_PLAYING = 1.3;
const SECONDS_PER_STAGE_SEEKING = 0.7;

export interface PlayerHooks {
  /** How many stages there are now. */
  count: () => number;
  /** After each step of the glide; `crossed`: the stage shown may have changed. */
  step: (crossed: boolean) => void;
  /** The glide reached its target. */
  settled: () => void;
  /** Playing started or stopped. */
  playingChanged: () => void;
}

export class StagePlayer {
  /** A float between stages while gliding. */
  position: number;
  target: number;
  playing = false;
  /** Glide steps and their milliseconds so far (tests and benchmarks read them). */
  frames = 0;
  ms = 0;
  private lastTime = 0;
  private request = 0;

  constructor(
    private readonly life: Lifetime,
    start: number,
    private readonly hooks: PlayerHooks,
  ) {
    this.position = this.target = start;
  }

  /** Play from here (from the start when at the end) to the last stage, or pause. */
  togglePlay(): void {
    if (this.playing) {
      this.playing = false;
      this.target = this.position;
      this.hooks.playingChanged();
      this.glide();
      return;
    }
    const count = this.hooks.count();
    if (count < 2) return;
    if (this.position >= count - 1) this.position = 0;
    this.playing = true;
    this.hooks.playingChanged();
    this.target = count - 1;
    this.glide();
  }

  /** Stops playing and glides to `stage` (the slider moved). */
  jump(stage: number): void {
    this.playing = false;
    this.hooks.playingChanged();
    this.seek(stage);
  }

  /** Glides to `stage` set from Python, unless playing or already going there. */
  follow(stage: number): void {
    if (!this.playing && stage !== Math.round(this.target)) this.seek(stage);
  }

  /** Keeps position and target on the stages there are. */
  clamp(): void {
    const last = Math.max(0, this.hooks.count() - 1);
    if (this.position > last) this.position = last;
    if (this.target > last) this.target = last;
  }

  private seek(stage: number): void {
    this.target = Math.max(0, Math.min(this.hooks.count() - 1, stage));
    this.glide();
  }

  private glide(): void {
    if (!this.request) this.request = this.life.frame(this.tick);
  }

  private readonly tick = (now: number): void => {
    this.request = 0;
    const dt = this.lastTime ? Math.min(0.1, (now - this.lastTime) / 1000) : 0;
    this.lastTime = now;
    const speed = 1 / (this.playing ? SECONDS_PER_STAGE_PLAYING : SECONDS_PER_STAGE_SEEKING);
    const before = this.position;
    if (this.position < this.target) this.position = Math.min(this.target, this.position + dt * speed);
    else if (this.position > this.target) this.position = Math.max(this.target, this.position - dt * speed);
    this.frames++;
    this.ms += dt * 1000;
    this.hooks.step(Math.floor(before) !== Math.floor(this.position) || this.position === this.target);
    if (this.position !== this.target) {
      this.request = this.life.frame(this.tick);
      return;
    }
    this.lastTime = 0;
    if (this.playing) {
      this.playing = false;
      this.hooks.playingChanged();
    }
    this.hooks.settled();
  };
}
