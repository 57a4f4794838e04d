// A view's acknowledgements of the frames it drew: the kernel's back-pressure (without them it
// slows to one frame a second). Each names the latest frame drawn and counts the distinct frames
// drawn since the one before, and they go out at most once per FRAME_ACK_INTERVAL_MS. Each
// message from the page makes the kernel busy and idle again, and JupyterLab redraws its kernel
// status, swaps the tab's icon and measures its toolbar at each: an acknowledgement per frame took
// a fifth of the page's time, one per 100 ms a tenth (interleaved in one page, the largest
// Playground network drew 50 frames a second, with one per 250 ms 55; the default network 55 and
// 58). The kernel keeps enough frames in flight to cover the interval (frame_pacer.py).

import { FRAME_ACK_INTERVAL_MS } from "./spec";

/** Sends one acknowledgement: the latest frame drawn, and how many were drawn since the last. */
export type SendAcknowledgement = (frame: number, drawnSince: number) => void;

/** Runs `callback` once, `ms` from now (a view's Lifetime.timeout, so it stops with the view). */
export type Later = (callback: () => void, ms: number) => void;

export class Acknowledger {
  private drawn = -1;
  private drawnSince = 0;
  private acknowledged = -1;
  private acknowledgedAt = -Infinity;
  private waiting = false;

  constructor(
    private readonly send: SendAcknowledgement,
    private readonly later: Later,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs: number = FRAME_ACK_INTERVAL_MS,
  ) {}

  /** Records that `frame` was drawn: acknowledged now, or once the interval since the last
   * acknowledgement has passed (with whatever was drawn by then). */
  drew(frame: number): void {
    if (frame === this.drawn) return;
    this.drawn = frame;
    this.drawnSince += 1;
    this.flush();
  }

  private flush(): void {
    if (this.waiting) return;
    const wait = this.acknowledgedAt + this.intervalMs - this.now();
    if (wait > 0) {
      this.waiting = true;
      this.later(() => {
        this.waiting = false;
        this.flush();
      }, wait);
      return;
    }
    if (this.drawn === this.acknowledged) return;
    this.acknowledged = this.drawn;
    this.acknowledgedAt = this.now();
    const drawnSince = this.drawnSince;
    this.drawnSince = 0;
    this.send(this.drawn, drawnSince);
  }
}
