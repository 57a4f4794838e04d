// Drawing at most once per animation frame, only the parts whose state changed, one kernel frame
// per display frame, and telling the kernel which `_frame` has been drawn (shared/acknowledger.ts).
//
// Frames often arrive two or three at once (the server's socket batches small messages). Each
// frame's state (FRAME_STATE) is kept as it arrives and the frames are drawn in order, one per
// display frame (FrameQueue): 45 frames a second arriving in bunches drew 26 distinct pictures a
// second when only the newest was drawn. While a frame draws, the parts read its own state
// through `model`.

import { Acknowledger } from "../shared/acknowledger";
import type { Lifetime } from "../shared/lifetime";
import { FrameQueue } from "../shared/frame_queue";
import { FRAME_STATE } from "../shared/spec";
import type { PlaygroundModel } from "./context";
import type { FromBrowser } from "./protocol";

export type Draw = () => void;

/** How many frames the drawn one may trail the newest; more arrive late only after a stall. */
const MAX_BEHIND = 2;

type FrameState = Map<string, unknown>;

export class FrameLoop {
  /** The model the parts read: the live one, except that while a frame draws, FRAME_STATE's
   * traits are that frame's. */
  readonly model: PlaygroundModel;
  private readonly parts = new Map<string, Draw>();
  private readonly everyFrame = new Set<string>();
  private readonly frameStarts: (() => void)[] = [];
  private readonly dirty = new Set<string>();
  private readonly queue = new FrameQueue<FrameState>(MAX_BEHIND);
  private drawing: FrameState | null = null;
  private request = 0;
  private drawn = -1;
  private readonly acknowledger: Acknowledger;

  /** `onDrawn` runs after each frame is drawn, before the acknowledgement goes out; `model`
   * still shows that frame then. */
  constructor(
    private readonly live: PlaygroundModel,
    private readonly life: Lifetime,
    private readonly onDrawn: (frame: number) => void = () => {},
  ) {
    this.model = framed(live, () => this.drawing);
    this.acknowledger = new Acknowledger(
      (frame, drawn) => live.send({ type: "drawn", frame, drawn } satisfies FromBrowser),
      (callback, ms) => life.timeout(callback, ms),
    );
    // Traits of one message are all set before the microtask runs, in every host.
    life.on(live, "change:_frame", () => queueMicrotask(() => this.arrived()));
  }

  /** Registers a part; parts draw in the order they were added. An `everyFrame` part draws
   * with each new frame from the kernel. */
  part(name: string, draw: Draw, options: { everyFrame?: boolean } = {}): void {
    this.parts.set(name, draw);
    if (options.everyFrame) this.everyFrame.add(name);
  }

  /** Calls `start` whenever a new kernel frame is about to be drawn. */
  onFrame(start: () => void): void {
    this.frameStarts.push(start);
  }

  /** Marks parts as needing a redraw in the next animation frame. */
  invalidate(...names: string[]): void {
    for (const name of names) this.dirty.add(name);
    this.schedule();
  }

  private schedule(): void {
    if (!this.request) this.request = this.life.frame(() => this.run());
  }

  private arrived(): void {
    const state: FrameState = new Map([["_frame", this.live.get("_frame")]]);
    for (const name of FRAME_STATE) state.set(name, this.live.get(name as never));
    this.queue.push(state, Number(state.get("epoch")));
    this.schedule();
  }

  private run(): void {
    this.request = 0;
    this.drawing = this.queue.take() ?? null;
    if (this.drawing) {
      this.frameStarts.forEach((start) => start());
      this.everyFrame.forEach((name) => this.dirty.add(name));
    }
    try {
      for (const [name, draw] of this.parts) {
        if (!this.dirty.has(name)) continue;
        this.dirty.delete(name);
        try {
          draw();
        } catch (error) {
          // One broken part must not stop the others, nor the acknowledgements.
          console.error(`nnwidgets playground: drawing ${name} failed`, error);
        }
      }
      const frame = this.model.get("_frame");
      if (typeof frame === "number" && frame !== this.drawn) {
        this.drawn = frame;
        this.onDrawn(frame);
        this.acknowledger.drew(frame);
      }
    } finally {
      this.drawing = null;
    }
    if (this.queue.length) this.schedule();
  }
}

/** `live`, except that `get` answers from `drawing()`'s state where it has the trait. */
function framed(live: PlaygroundModel, drawing: () => FrameState | null): PlaygroundModel {
  return {
    get: (key) => {
      const state = drawing();
      return state?.has(key) ? (state.get(key) as never) : live.get(key);
    },
    set: (key, value) => live.set(key, value),
    on: (event: string, callback: (...args: any[]) => void) => live.on(event, callback),
    off: (event, callback) => live.off(event, callback),
    save_changes: () => live.save_changes(),
    send: (content, callbacks, buffers) => live.send(content, callbacks, buffers),
    get widget_manager() {
      return live.widget_manager;
    },
  };
}
