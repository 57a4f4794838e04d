// What every part of the Playground view shares.

import type { AnyModel } from "@anywidget/types";
import type { Lifetime } from "../shared/lifetime";
import type { ControlRegistry } from "./control_registry";
import type { FrameLoop } from "./frame_loop";
import type { FromBrowser, PlaygroundState } from "./protocol";

export type PlaygroundModel = AnyModel<PlaygroundState>;

export interface ViewContext {
  model: PlaygroundModel;
  life: Lifetime;
  controls: ControlRegistry;
  loop: FrameLoop;
}

/** Sets a trait as the user asked; the kernel checks it and may set it back. */
export function setTrait<K extends keyof PlaygroundState>(
  model: PlaygroundModel,
  key: K,
  value: PlaygroundState[K],
): void {
  model.set(key, value);
  model.save_changes();
}

export function send(model: PlaygroundModel, message: FromBrowser): void {
  model.send(message);
}

/** Calls `apply` now and whenever one of `traits` changes; undone with the view. */
export function follow(context: ViewContext, traits: (keyof PlaygroundState)[], apply: () => void): void {
  apply();
  context.life.onChange(context.model, traits, apply);
}

/** What the output layer and the points' colours follow: the problem and the number of classes. */
export function taskOf(model: PlaygroundModel): Pick<PlaygroundState, "problem" | "classes"> {
  return { problem: model.get("problem"), classes: model.get("classes") };
}
