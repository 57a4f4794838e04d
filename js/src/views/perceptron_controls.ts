// The Perceptron's controls: a slider per weight and one for the bias, and the activation menu.
// Moving one sets its trait at once; `show` puts the model's values back, each slider's range
// widened to hold a value Python set beyond its limit.

import type { Lifetime } from "../shared/lifetime";
import { element } from "./kit";
import { ACTIVATION_INFO, ACTIVATIONS, fixed, sliderBounds, sliderStep } from "./perceptron_maths";
import type { PerceptronModel, Reading } from "./perceptron_state";
import { biasDecimals, weightDecimals } from "./perceptron_text";

interface Slider {
  input: HTMLInputElement;
  value: HTMLOutputElement;
}

export interface PerceptronControls {
  element: HTMLElement;
  show(reading: Reading): void;
}

/** The controls for `inputs` weights; `changed` runs after each edit. */
export function buildControls(
  model: PerceptronModel,
  life: Lifetime,
  inputs: number,
  changed: () => void,
): PerceptronControls {
  const root = element("div", "nnw-v-perceptron-controls");
  const slider = (label: string, edit: (value: number) => void): Slider => {
    const row = element("label", "nnw-v-slider");
    const input = element("input");
    input.type = "range";
    input.setAttribute("aria-label", label);
    const value = element("output");
    row.append(element("span", "nnw-v-slider-name", label), input, value);
    root.append(row);
    life.listen(input, "keydown", (event) => event.stopPropagation()); // not JupyterLab's
    life.listen(input, "input", () => {
      edit(Number(input.value));
      model.save_changes();
      changed();
    });
    return { input, value };
  };
  const weightSliders = Array.from({ length: inputs }, (_, k) =>
    slider(`w${k + 1}`, (value) => {
      const weights = [...(model.get("weights") ?? [])];
      weights[k] = value;
      model.set("weights", weights);
    }),
  );
  const biasSlider = slider("bias", (value) => model.set("bias", value));

  const selectRow = element("label", "nnw-v-slider nnw-v-select");
  const select = element("select");
  select.setAttribute("aria-label", "Activation");
  for (const name of ACTIVATIONS) {
    const option = element("option", "", ACTIVATION_INFO[name].label);
    option.value = name;
    select.append(option);
  }
  selectRow.append(element("span", "nnw-v-slider-name", "Activation"), select);
  root.append(selectRow);
  life.listen(select, "keydown", (event) => event.stopPropagation());
  life.listen(select, "change", () => {
    model.set("activation", select.value);
    model.save_changes();
    changed();
  });

  const place = ({ input, value }: Slider, limit: number, current: number, decimals: number) => {
    const [lo, hi] = sliderBounds(limit, current);
    Object.assign(input, { min: String(lo), max: String(hi), step: String(sliderStep(limit)) });
    input.value = String(current);
    value.value = fixed(current, decimals);
  };
  const show = (reading: Reading) => {
    weightSliders.forEach((s, k) =>
      place(s, reading.weightLimit, reading.weights[k] ?? 0, weightDecimals(reading)),
    );
    place(biasSlider, reading.biasLimit, reading.bias, biasDecimals(reading));
    select.value = reading.activation;
  };
  return { element: root, show };
}
