// Native form controls bound to a trait both ways: the user's changes set the trait, and every
// change of the trait (the kernel's answer included, when it refuses a value) moves the control.

import { follow, setTrait, type ViewContext } from "./context";
import { html, uniqueId } from "./dom";
import type { PlaygroundState } from "./protocol";

export interface Choice {
  value: string;
  label: string;
}

export interface SelectSpec<K extends keyof PlaygroundState> {
  control: string;
  trait: K;
  label: string;
  /** The entries to offer while the trait holds `current`. */
  choices: (current: PlaygroundState[K]) => Choice[];
  encode: (value: PlaygroundState[K]) => string;
  decode: (text: string) => PlaygroundState[K];
  title?: string;
}

export function boundSelect<K extends keyof PlaygroundState>(context: ViewContext, spec: SelectSpec<K>): HTMLElement {
  const { model } = context;
  const wrapper = html("div", "nnw-pg-control");
  const id = uniqueId(spec.control);
  const label = html("label", "nnw-pg-control-label", spec.label);
  label.htmlFor = id;
  const frame = html("div", "nnw-pg-select");
  const select = html("select");
  select.id = id;
  if (spec.title) wrapper.title = spec.title;
  frame.append(select);
  wrapper.append(label, frame);

  let shown = "";
  follow(context, [spec.trait], () => {
    const current = model.get(spec.trait);
    const choices = spec.choices(current);
    const signature = choices.map((c) => `${c.value}\u0000${c.label}`).join("\u0001");
    if (signature !== shown) {
      select.replaceChildren(...choices.map((c) => new Option(c.label, c.value)));
      shown = signature;
    }
    select.value = spec.encode(current);
  });
  context.life.listen(select, "change", () => setTrait(model, spec.trait, spec.decode(select.value)));
  context.controls.add(spec.control, wrapper, [select]);
  return wrapper;
}

export interface SliderSpec<K extends keyof PlaygroundState> {
  control: string;
  trait: K;
  label: string;
  min: number;
  max: number;
  step: number;
  unit?: string;
}

/** A range input under its label, the value beside the label; sets the trait on release. */
export function boundSlider<K extends keyof PlaygroundState>(context: ViewContext, spec: SliderSpec<K>): HTMLElement {
  const { model } = context;
  const wrapper = html("div", "nnw-pg-slider");
  const id = uniqueId(spec.control);
  const label = html("label", "", spec.label);
  label.htmlFor = id;
  const value = html("output");
  value.htmlFor.add(id);
  label.append(value);
  const input = html("input");
  Object.assign(input, { type: "range", id, min: String(spec.min), max: String(spec.max), step: String(spec.step) });
  // The name stays the same while the value beside it changes.
  input.setAttribute("aria-label", spec.label);
  wrapper.append(label, input);

  const show = (v: number) => {
    value.textContent = `${v}${spec.unit ?? ""}`;
  };
  follow(context, [spec.trait], () => {
    const current = Number(model.get(spec.trait));
    input.value = String(current);
    show(current);
  });
  // Dragging only previews; each release is one change (each resets the network in the kernel).
  context.life.listen(input, "input", () => show(Number(input.value)));
  context.life.listen(input, "change", () => setTrait(model, spec.trait, Number(input.value) as PlaygroundState[K]));
  context.controls.add(spec.control, wrapper, [input]);
  return wrapper;
}

export function boundCheckbox<K extends keyof PlaygroundState>(
  context: ViewContext,
  spec: { control: string; trait: K; label: string },
): HTMLElement {
  const { model } = context;
  const wrapper = html("label", "nnw-pg-check");
  const input = html("input");
  input.type = "checkbox";
  wrapper.append(input, document.createTextNode(spec.label));
  follow(context, [spec.trait], () => {
    input.checked = Boolean(model.get(spec.trait));
  });
  context.life.listen(input, "change", () => setTrait(model, spec.trait, input.checked as PlaygroundState[K]));
  context.controls.add(spec.control, wrapper, [input]);
  return wrapper;
}
