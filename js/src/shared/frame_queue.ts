// Frames from the kernel, kept as they arrive and handed out one per display frame. Messages reach
// the page unevenly (two or three often land within one display frame), so drawing only the
// newest state would skip frames the kernel made; a short queue evens them out, as a video
// player's jitter buffer does, at the cost of drawing at most `maxBehind` frames late.

export class FrameQueue<T> {
  private readonly items: T[] = [];
  private lastEpoch = -Infinity;

  /** `maxBehind`: how many frames the one drawn may trail the newest; older ones are skipped. */
  constructor(private readonly maxBehind: number) {}

  get length(): number {
    return this.items.length;
  }

  /** Adds a frame of training epoch `epoch`. A frame that starts over (its epoch went back: a
   * reset, a new network, new data) makes the frames before it stale: they are dropped. */
  push(item: T, epoch: number): void {
    if (epoch < this.lastEpoch) this.items.length = 0;
    this.lastEpoch = epoch;
    this.items.push(item);
  }

  /** The frame to draw now (undefined when none waits): the oldest, or, when it trails the newest
   * by more than `maxBehind`, the first that does not. */
  take(): T | undefined {
    const skip = Math.max(0, this.items.length - 1 - this.maxBehind);
    this.items.splice(0, skip);
    return this.items.shift();
  }
}
