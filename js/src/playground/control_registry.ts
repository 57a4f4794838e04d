// The named controls of shared/spec.ts's CONTROLS and the elements drawing them, so that course
// sheets can hide (`hidden_controls`) or lock (`locked_controls`) them, and so that a refused
// value's message appears next to the control that sent it.

import type { Lifetime } from "../shared/lifetime";

type Disableable = HTMLButtonElement | HTMLInputElement | HTMLSelectElement;

interface Entry {
  name: string;
  /** What disappears when the control is hidden. */
  wrapper: HTMLElement | SVGElement;
  /** What is disabled when the control is locked. */
  inputs: Disableable[];
  /** Other reasons to disable the inputs, such as a +/- button at its limit. */
  atLimit?: () => boolean;
}

const REFUSAL_MS = 4000;

/**
 * The kernel names a refused trait or message, not always a control: map those to the control
 * whose neighbourhood should show the note (null: say nothing, e.g. a stale hover).
 */
const CONTROL_OF: Record<string, string | null> = {
  epochs_per_frame: "speed",
  playing: "play",
  command: "play",
  set_weight: "weights",
  set_bias: "weights",
  hover: null,
};

export class ControlRegistry {
  private entries: Entry[] = [];
  private anchors: { name: string; element: HTMLElement | SVGElement }[] = [];
  private hiddenNames = new Set<string>();
  private lockedNames = new Set<string>();

  /** Notes live in `root`; their timers end with `life`. */
  constructor(
    private readonly root: HTMLElement,
    private readonly life: Lifetime,
    /** Reads notes out (a live region): a note added with its text already in is not. */
    private readonly announce: (message: string) => void = () => {},
  ) {}

  /** Registers elements for a control; returns what unregisters them (for rebuilt parts). */
  add(
    name: string,
    wrapper: HTMLElement | SVGElement,
    inputs: Disableable[] = [],
    atLimit?: () => boolean,
  ): () => void {
    const entry: Entry = { name, wrapper, inputs, atLimit };
    this.entries.push(entry);
    this.applyTo(entry);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /** Marks where notes about `name` appear, for names with nothing to hide or lock. */
  anchor(name: string, element: HTMLElement | SVGElement): () => void {
    const anchor = { name, element };
    this.anchors.push(anchor);
    return () => {
      this.anchors = this.anchors.filter((a) => a !== anchor);
    };
  }

  isHidden(name: string): boolean {
    return this.hiddenNames.has(name);
  }

  isLocked(name: string): boolean {
    return this.lockedNames.has(name);
  }

  /** Takes new `hidden_controls` / `locked_controls` values. */
  setStates(hidden: readonly string[], locked: readonly string[]): void {
    this.hiddenNames = new Set(hidden);
    this.lockedNames = new Set(locked);
    this.refresh();
  }

  /** Re-applies hidden, locked and limit states to every registered element. */
  refresh(): void {
    for (const entry of this.entries) this.applyTo(entry);
  }

  /** Shows `message` for a few seconds beside the control `name` (or atop the view). */
  showRefusal(kernelName: string, message: string): void {
    const name = kernelName in CONTROL_OF ? CONTROL_OF[kernelName] : kernelName;
    if (name === null) return;
    const visible = (element: HTMLElement | SVGElement) => element.getClientRects().length > 0;
    const anchor =
      this.entries.find((e) => e.name === name && visible(e.wrapper))?.wrapper ??
      this.anchors.find((a) => a.name === name && visible(a.element))?.element;
    this.showNote(anchor ?? null, message);
  }

  /** Shows `message` below `anchor` (above it near the bottom of the view), then fades it. */
  showNote(anchor: Element | null, message: string): void {
    const note = document.createElement("div");
    note.className = "nnw-pg-refusal";
    note.textContent = message;
    this.root.append(note);
    this.announce(message);
    const rootBox = this.root.getBoundingClientRect();
    const box = anchor?.getBoundingClientRect();
    const left = box ? box.left - rootBox.left : 16;
    let top = box ? box.bottom - rootBox.top + 6 : 12;
    if (box && top + note.offsetHeight > rootBox.height - 4) top = box.top - rootBox.top - note.offsetHeight - 6;
    note.style.left = `${Math.max(4, Math.min(left, rootBox.width - note.offsetWidth - 4))}px`;
    note.style.top = `${Math.max(4, top)}px`;
    this.life.timeout(() => note.classList.add("nnw-pg-fading"), REFUSAL_MS);
    this.life.timeout(() => note.remove(), REFUSAL_MS + 400);
  }

  private applyTo(entry: Entry): void {
    entry.wrapper.classList.toggle("nnw-pg-hidden", this.hiddenNames.has(entry.name));
    const locked = this.lockedNames.has(entry.name);
    const disabled = locked || (entry.atLimit?.() ?? false);
    for (const input of entry.inputs) input.disabled = disabled;
  }
}
