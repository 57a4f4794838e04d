// Lets a repeated update through at most once per interval: screen-reader texts follow training
// without restyling (or speaking) on every frame. Times are passed in, so tests need no clock.

export class Pacer {
  private last = -Infinity;

  constructor(private readonly intervalMs: number) {}

  /** Whether an update may go out at `now` (ms); if so, the interval starts again from there. */
  ready(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
