// What the Playground's live region says about training: every few seconds while playing, where
// it stands; on a pause, where it stopped; at once, the kernel's status (why training diverged).
// Refusal notes speak through the same region (control_registry.ts): one voice, no echoes.

import type { LiveRegion } from "../shared/live_region";
import { Pacer } from "../shared/pacer";
import type { ViewContext } from "./context";
import { progressAnnouncement } from "./descriptions";
import { progressOf } from "./output_panel";

/** Often enough to follow training, rarely enough not to talk over everything else. */
const ANNOUNCE_INTERVAL_MS = 5000;

export function announceTraining({ model, life }: ViewContext, voice: LiveRegion): void {
  const pacer = new Pacer(ANNOUNCE_INTERVAL_MS);
  life.on(model, "change:_frame", () => {
    if (model.get("playing") && pacer.ready(performance.now())) voice.say(progressAnnouncement(progressOf(model)));
  });
  life.on(model, "change:playing", () => {
    if (!model.get("playing") && !model.get("diverged")) voice.say(`Paused. ${progressAnnouncement(progressOf(model))}`);
  });
  // The visible status line is not live itself: a live region hidden until it has text is not read.
  let told = "";
  life.onChange(model, ["status", "diverged"], () => {
    const status = model.get("status") || (model.get("diverged") ? "Training diverged." : "");
    if (status && status !== told) voice.say(status);
    told = status;
  });
}
