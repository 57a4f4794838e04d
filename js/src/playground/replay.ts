// A recorded Playground run replayed without a kernel (the page Playground.to_html writes): the
// real Playground view, drawn against a stand-in for the widget's model that plays the recorded
// snapshots, interpolated in between, and answers the view's messages as the kernel would. The
// view's Play, Pause, Step and Reset move through the recording; nothing can train here, so every
// other control is locked.

import type { AnyModel } from "@anywidget/types";
import { asDataView, float32Bytes, fromBase64, readBytes, readFloat32 } from "../shared/binary";
import { CONTROLS } from "../shared/spec";
import { type FromBrowser, type FromKernel, type NeuronId, type PlaygroundState } from "./protocol";
import { renderPlayground } from "./render";
import {
  advance,
  between,
  curveUntil,
  lerpBytes,
  lerpFigure,
  lerpFloats,
  mapSlot,
  nextEpoch,
} from "./replay_timeline";

const FORMAT = "nnwidgets.PlaygroundReplay";
const VERSION = 1;
const REPLAY_BUTTONS: readonly string[] = ["play", "step", "reset"];
const NOT_HERE = "This is a recording: nothing trains here, so it cannot change.";
/** A frame after a long pause (a hidden tab) moves on by this much at most. */
const MAX_STEP_S = 0.1;

const FIGURES = ["train_loss", "test_loss", "train_accuracy", "test_accuracy"] as const;
type Figure = (typeof FIGURES)[number];

/** What Playground.to_html writes (nnwidgets/widgets/playground/replay_page.py). */
export interface Recording {
  format: string;
  version: number;
  /** The synced traits that training leaves alone, but for the binary ones... */
  state: Record<string, unknown>;
  /** ...which are here, base64. */
  buffers: Record<string, string>;
  /** Oldest first: the run's start, a handful of moments spread over it, and its end. */
  snapshots: ({ epoch: number; frame: Record<string, string> } & Record<Figure, number | null>)[];
}

type Figures = Record<Figure, number | null>;

interface Snapshot {
  epoch: number;
  figures: Figures;
  frame: Map<string, Uint8Array>; // the frame traits
}

type Handler = (...args: any[]) => void;

/** Draws the recorded run into `el` and plays it; returns what undoes it. */
export function replayPlayground(el: HTMLElement, recording: Recording): () => void {
  if (recording?.format !== FORMAT || recording.version !== VERSION) {
    throw new Error(`nnwidgets: not a Playground recording of version ${VERSION} (${FORMAT})`);
  }
  const snapshots = recording.snapshots.map(decodeSnapshot);
  const model = new StandInModel(initialState(recording), (message) => player.receive(message));
  const player = new Player(model, snapshots);
  player.show();
  const undoView = renderPlayground({ model, el });
  player.play();
  return () => {
    player.stop();
    undoView();
  };
}

/** The anywidget model, as much of it as the Playground view uses, over local state. */
class StandInModel implements AnyModel<PlaygroundState> {
  readonly widget_manager = {
    get_model: () => Promise.reject(new Error("a replayed Playground has no other widgets")),
  };
  private readonly handlers = new Map<string, Set<Handler>>();
  /** Traits the view set, with their values from before, until save_changes. */
  private readonly edits = new Map<keyof PlaygroundState, unknown>();

  constructor(
    private readonly values: PlaygroundState,
    private readonly receive: (message: FromBrowser) => void,
  ) {}

  get<K extends keyof PlaygroundState>(key: K): PlaygroundState[K] {
    return this.values[key];
  }

  set<K extends keyof PlaygroundState>(key: K, value: PlaygroundState[K]): void {
    if (!this.edits.has(key)) this.edits.set(key, this.values[key]);
    this.update({ [key]: value } as Partial<PlaygroundState>);
  }

  /** The kernel would refuse every change here: the controls snap back, with a note. */
  save_changes(): void {
    const before = Object.fromEntries(this.edits) as Partial<PlaygroundState>;
    this.edits.clear();
    this.update(before);
    for (const control of Object.keys(before)) this.refuse(control);
  }

  send(content: FromBrowser): void {
    this.receive(content);
  }

  on(event: string, handler: Handler): void {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
  }

  off(event?: string | null, handler?: Handler | null): void {
    if (!event) this.handlers.clear();
    else if (!handler) this.handlers.delete(event);
    else this.handlers.get(event)?.delete(handler);
  }

  /** Sets traits as a kernel message does: a change event for each that changed, `_frame` last. */
  update(changes: Partial<PlaygroundState>): void {
    const changed = (Object.keys(changes) as (keyof PlaygroundState)[]).filter(
      (key) => changes[key] !== this.values[key],
    );
    Object.assign(this.values, changes);
    changed.sort((a, b) => Number(a === "_frame") - Number(b === "_frame"));
    for (const key of changed) this.emit(`change:${key}`);
  }

  refuse(control: string): void {
    const message: FromKernel = { type: "refused", control, message: NOT_HERE };
    this.emit("msg:custom", message, []);
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

/** Moves through the recording: plays it at a steady pace of epochs, and sets the live state
 * between the two snapshots around the epoch reached. */
class Player {
  private readonly epochs: number[];
  private readonly outputResolution: number;
  private epoch: number;
  private hovered: NeuronId | null = null;
  private frame = 0;
  private request = 0;
  private lastTime: number | null = null;

  constructor(
    private readonly model: StandInModel,
    private readonly snapshots: Snapshot[],
  ) {
    this.epochs = snapshots.map((s) => s.epoch);
    this.epoch = this.first;
    this.outputResolution = model.get("_output_resolution");
  }

  private get first(): number {
    return this.epochs[0];
  }

  private get last(): number {
    return this.epochs[this.epochs.length - 1];
  }

  play(): void {
    if (this.epoch >= this.last) this.epoch = this.first;
    this.setPlaying(true);
    this.show();
  }

  stop(): void {
    this.setPlaying(false);
  }

  receive(message: FromBrowser): void {
    if (message?.type === "drawn") return; // the replay draws one frame per display frame anyway
    if (message?.type === "command") this.command(message.name);
    else if (message?.type === "hover") {
      this.hovered = message.neuron;
      this.show();
    } else this.model.refuse(String(message?.type)); // weight edits, and all else that retrains
  }

  private command(name: string): void {
    if (name === "play") this.play();
    else if (name === "pause") this.stop();
    else if (name === "step" || name === "reset") {
      this.stop();
      this.epoch = name === "step" ? nextEpoch(this.epochs, this.epoch) : this.first;
      this.show();
    } else this.model.refuse("command");
  }

  private setPlaying(playing: boolean): void {
    this.lastTime = null;
    cancelAnimationFrame(this.request);
    this.request = playing ? requestAnimationFrame(this.tick) : 0;
    this.model.update({ playing });
  }

  private readonly tick = (now: number): void => {
    const seconds = this.lastTime === null ? 0 : Math.min(MAX_STEP_S, (now - this.lastTime) / 1000);
    this.lastTime = now;
    this.epoch = advance(this.epoch, seconds, this.first, this.last);
    this.show();
    if (this.epoch >= this.last) this.setPlaying(false);
    else this.request = requestAnimationFrame(this.tick);
  };

  /** Sets the live state at the current epoch, as one frame. */
  show(): void {
    const { from, to, t } = between(this.epochs, this.epoch);
    const a = this.snapshots[from];
    const b = this.snapshots[to];
    const figures = Object.fromEntries(
      FIGURES.map((name) => [name, lerpFigure(a.figures[name], b.figures[name], t)]),
    ) as Figures;
    const frame: Record<string, DataView> = {};
    for (const [name, bytes] of a.frame) {
      frame[name] = asDataView(t === 0 ? bytes : this.blend(name, bytes, b.frame.get(name), t, figures));
    }
    this.model.update({
      epoch: Math.round(this.epoch),
      ...figures,
      ...frame,
      ...this.outputView(frame),
      _frame: ++this.frame,
    } as Partial<PlaygroundState>);
  }

  /** One frame trait between snapshots `a` and `b`, at `t` from `a`. */
  private blend(name: string, a: Uint8Array, b: Uint8Array | undefined, t: number, figures: Figures): Uint8Array {
    if (!b) return a;
    if (name === "_weights") return float32Bytes(lerpFloats(readFloat32(a), readFloat32(b), t));
    if (name === "_maps" || name === "_output_map") return lerpBytes(a, b, t);
    if (name === "_loss_curve") {
      return float32Bytes(curveUntil(readFloat32(b), this.epoch, figures.train_loss, figures.test_loss));
    }
    return t < 0.5 ? a : b; // a trait this replay does not know how to blend
  }

  /** What the output view shows: the output, or the hovered neuron's small map (the kernel
   * would compute it at full size). */
  private outputView(frame: Record<string, DataView>): Partial<PlaygroundState> {
    const { model, hovered } = this;
    const place = hovered === null ? null : mapSlot(hovered, model.get("hidden"));
    if (place === null) return { _output_neuron: hovered, _output_resolution: this.outputResolution };
    const resolution = model.get("_map_resolution");
    const maps = readBytes(frame[place.trait] ?? model.get(place.trait));
    const cells = resolution * resolution;
    return {
      _output_neuron: hovered,
      _output_resolution: resolution,
      _output_map: asDataView(maps.subarray(place.slot * cells, (place.slot + 1) * cells)),
    };
  }
}

function initialState(recording: Recording): PlaygroundState {
  const state: Record<string, unknown> = { ...recording.state };
  for (const [name, text] of Object.entries(recording.buffers)) state[name] = asDataView(fromBase64(text));
  const hidden = ((state.hidden_controls as string[] | undefined) ?? []).filter((n) => !REPLAY_BUTTONS.includes(n));
  Object.assign(state, {
    // Drawing adds points to a live run: a recording has none to add them to.
    hidden_controls: [...new Set([...hidden, "draw", "trace"])], // both need a kernel
    locked_controls: CONTROLS.filter((name) => !REPLAY_BUTTONS.includes(name)),
    playing: false,
    epochs_per_second: 0,
    status: "",
    diverged: false,
    _frame: 0,
    _output_neuron: null,
  });
  return state as unknown as PlaygroundState;
}

function decodeSnapshot(recorded: Recording["snapshots"][number]): Snapshot {
  const figures = Object.fromEntries(FIGURES.map((f) => [f, recorded[f] ?? null])) as Figures;
  const frame = new Map(Object.entries(recorded.frame).map(([name, text]) => [name, fromBase64(text)]));
  return { epoch: recorded.epoch, figures, frame };
}

