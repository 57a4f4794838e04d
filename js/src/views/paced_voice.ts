// A live region's voice for views that change while training or playing: news goes out at most
// once per interval, and the latest news held back is said when the interval ends, so a run
// that stops between two turns still gets its last state told.

/** Where the words go: a LiveRegion, or a test's list. */
export interface Voice {
  say(text: string): void;
}

/** The clock and the timer, passed in so that tests need neither. */
export interface Scheduler {
  now(): number;
  /** Runs `run` after `ms`; returns what cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const BROWSER_SCHEDULER: Scheduler = {
  now: () => performance.now(),
  after: (ms, run) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

export class PacedVoice {
  private last = -Infinity;
  private held: string | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly voice: Voice,
    private readonly intervalMs: number,
    private readonly scheduler: Scheduler = BROWSER_SCHEDULER,
  ) {}

  /** Says `text` now if the interval has passed, else when it has (unless newer news comes). */
  tell(text: string): void {
    const wait = this.last + this.intervalMs - this.scheduler.now();
    if (wait <= 0) {
      this.sayNow(text);
      return;
    }
    this.held = text;
    this.cancel ??= this.scheduler.after(wait, () => {
      this.cancel = null;
      if (this.held !== null) this.sayNow(this.held);
    });
  }

  /** Says `text` at once (a run finished, a goal met), dropping what was held back. */
  sayNow(text: string): void {
    this.held = null;
    this.cancel?.();
    this.cancel = null;
    this.last = this.scheduler.now();
    this.voice.say(text);
  }

  destroy(): void {
    this.cancel?.();
    this.cancel = null;
    this.held = null;
  }
}
