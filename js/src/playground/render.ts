// The Playground view: TensorFlow Playground drawn from the kernel's state (protocol.ts). The
// kernel trains; this draws each frame it sends, acknowledges it, and turns clicks into trait
// changes and messages.

import type { AnyModel } from "@anywidget/types";
import { HOST_THEME } from "../shared/host_theme";
import { Lifetime } from "../shared/lifetime";
import { LiveRegion } from "../shared/live_region";
import { reportSeen } from "../shared/seen";
import { adoptStyles } from "../shared/styles";
import { announceTraining } from "./announcer";
import { follow, type ViewContext } from "./context";
import { ControlRegistry } from "./control_registry";
import { buildDataPanel } from "./data_panel";
import { html } from "./dom";
import { FrameLoop } from "./frame_loop";
import { NetworkView } from "./network_view";
import { buildOutputPanel } from "./output_panel";
import type { FromKernel, PlaygroundState } from "./protocol";
import { PLAYGROUND_STYLES } from "./styles";
import { buildTopBar } from "./top_bar";
import { buildTraceStepper } from "./trace_stepper";
import { TRACE_STYLES } from "./trace_styles";

const WIDGET_KEYS = new Set([
  "Enter", " ", "Escape", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown",
]);

export function renderPlayground({ model: live, el }: { model: AnyModel<PlaygroundState>; el: HTMLElement }): () => void {
  const life = new Lifetime();
  life.add(adoptStyles(el, HOST_THEME, PLAYGROUND_STYLES, TRACE_STYLES));
  const root = html("div", "nnw-pg");
  life.add(() => root.remove());
  const voice = new LiveRegion("nnw-pg-announcer");
  const controls = new ControlRegistry(root, life, (message) => voice.say(message));
  // What the drawn frame shows, on the root: end-to-end tests and benchmarks read it.
  const loop = new FrameLoop(live, life, (frame) => {
    root.dataset.frame = String(frame);
    root.dataset.epoch = String(loop.model.get("epoch"));
    root.dataset.shape = JSON.stringify(live.get("hidden"));
  });
  const model = loop.model;
  const context: ViewContext = { model, life, controls, loop };

  const top = buildTopBar(context);
  loop.part("counters", top.drawCounters, { everyFrame: true });
  const main = html("div", "nnw-pg-main");
  const network = new NetworkView(context);
  main.append(
    buildDataPanel(context),
    network.element,
    buildOutputPanel(context, (heatmap) => buildTraceStepper(context, heatmap, network)),
  );
  announceTraining(context, voice);
  root.append(top.element, main, voice.element);
  el.append(root);
  reportSeen(model, root, life);

  follow(context, ["hidden_controls", "locked_controls"], () =>
    controls.setStates(model.get("hidden_controls") ?? [], model.get("locked_controls") ?? []),
  );
  follow(context, ["playing"], () => {
    root.classList.toggle("nnw-pg-playing", Boolean(model.get("playing")));
    loop.invalidate("counters");
  });
  life.onChange(model, ["epochs_per_second"], () => loop.invalidate("counters"));
  // JupyterLab reads keys bubbling to the document as notebook commands (Enter edits the cell,
  // arrows move between cells); the keys our controls act on stop here.
  life.listen<KeyboardEvent>(root, "keydown", (event) => {
    if (WIDGET_KEYS.has(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
      event.stopPropagation();
    }
  });
  life.on(model, "msg:custom", (message: FromKernel) => {
    if (message?.type === "refused") controls.showRefusal(message.control, message.message);
  });
  // The first drawing, which also acknowledges the frame already there.
  loop.invalidate("counters", "network", "weights", "maps", "metrics", "output", "points", "thumbnails");
  return () => life.dispose();
}
