// The bar across the top: reset, play/pause and step, the epoch counter with the training
// speed, and the menus of the original (plus the speed menu).

import { ACTIVATIONS, LEARNING_RATES, PROBLEMS, REGULARIZATION_RATES, REGULARIZATIONS, SPEEDS } from "../shared/spec";
import { boundSelect, type Choice } from "./bound_inputs";
import { follow, send, type ViewContext } from "./context";
import { html, icon, iconButton, ICONS, setText } from "./dom";
import { formatEpoch, formatEpochsPerSecond, formatRate } from "./format";
import { numericMenu, textMenu } from "./menu_options";
import type { PlaygroundState } from "./protocol";

const ACTIVATION_NAMES: Record<string, string> = {
  relu: "ReLU",
  tanh: "Tanh",
  sigmoid: "Sigmoid",
  linear: "Linear",
};
const PROBLEM_NAMES: Record<string, string> = { classification: "Classification", regression: "Regression" };
/** The regularization menu's value for null (none). */
const NONE = "none";

function rateChoices(rates: readonly number[]) {
  return (current: number): Choice[] =>
    numericMenu(rates, current).map((rate) => ({ value: String(rate), label: formatRate(rate) }));
}

export function buildTopBar(context: ViewContext): { element: HTMLElement; drawCounters: () => void } {
  const { model, life, controls } = context;
  const bar = html("div", "nnw-pg-top");

  const timeline = html("div", "nnw-pg-timeline");
  const reset = iconButton("Reset", ICONS.reset);
  const play = iconButton("Play", ICONS.play, "nnw-pg-play");
  const step = iconButton("Step", ICONS.step);
  timeline.append(reset, play, step);
  life.listen(reset, "click", () => send(model, { type: "command", name: "reset" }));
  life.listen(step, "click", () => send(model, { type: "command", name: "step" }));
  life.listen(play, "click", () =>
    send(model, { type: "command", name: model.get("playing") ? "pause" : "play" }),
  );
  follow(context, ["playing"], () => {
    const playing = model.get("playing");
    const name = playing ? "Pause" : "Play";
    play.setAttribute("aria-label", name);
    play.title = name;
    play.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
  });
  controls.add("reset", reset, [reset]);
  controls.add("play", play, [play]);
  controls.add("step", step, [step]);

  const epoch = html("div", "nnw-pg-epoch");
  const epochValue = html("div", "nnw-pg-epoch-value");
  const rate = html("span", "nnw-pg-rate");
  epoch.append(html("span", "nnw-pg-epoch-label", "Epoch"), epochValue, rate);

  const menus = [
    boundSelect(context, {
      control: "learning_rate",
      trait: "learning_rate",
      label: "Learning rate",
      choices: rateChoices(LEARNING_RATES),
      encode: String,
      decode: Number,
    }),
    boundSelect(context, {
      control: "activation",
      trait: "activation",
      label: "Activation",
      choices: (current) =>
        textMenu(ACTIVATIONS, current).map((a) => ({ value: a, label: ACTIVATION_NAMES[a] ?? a })),
      encode: String,
      decode: (text) => text as PlaygroundState["activation"],
    }),
    boundSelect(context, {
      control: "regularization",
      trait: "regularization",
      label: "Regularization",
      choices: () =>
        REGULARIZATIONS.map((r) => ({ value: r ?? NONE, label: r === null ? "None" : r.toUpperCase() })),
      encode: (value) => value ?? NONE,
      decode: (text) => (text === NONE ? null : (text as PlaygroundState["regularization"])),
    }),
    boundSelect(context, {
      control: "regularization_rate",
      trait: "regularization_rate",
      label: "Regularization rate",
      choices: rateChoices(REGULARIZATION_RATES),
      encode: String,
      decode: Number,
    }),
    boundSelect(context, {
      control: "problem",
      trait: "problem",
      label: "Problem type",
      choices: () => PROBLEMS.map((p) => ({ value: p, label: PROBLEM_NAMES[p] ?? p })),
      encode: String,
      decode: (text) => text as PlaygroundState["problem"],
    }),
    boundSelect(context, {
      control: "speed",
      trait: "epochs_per_frame",
      label: "Speed",
      title: "Epochs trained per drawn frame; auto trains as many as the frame's time allows",
      choices: (current) =>
        numericMenu(SPEEDS, current).map((n) => ({ value: String(n), label: n === 0 ? "auto" : String(n) })),
      encode: String,
      decode: Number,
    }),
  ];
  bar.append(timeline, epoch, ...menus);

  // Texts that change with every frame are written in the frame loop, once per display frame.
  const drawCounters = () => {
    setText(epochValue, formatEpoch(model.get("epoch") ?? 0));
    setText(rate, model.get("playing") ? formatEpochsPerSecond(model.get("epochs_per_second")) : "");
  };
  return { element: bar, drawCounters };
}
