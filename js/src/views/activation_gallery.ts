// The ActivationGallery: the activation functions side by side, each a small chart of its curve
// (activation_curve.ts, as the Perceptron draws it) with its name and formula.

import type { AnyModel } from "@anywidget/types";
import { Lifetime } from "../shared/lifetime";
import { drawActivationCurve } from "./activation_curve";
import { adoptViewStyles, element, readTheme, Surface, type Theme } from "./kit";
import { ACTIVATION_INFO, isActivation } from "./perceptron_maths";
import type { Extent } from "./scales";

export interface ActivationGalleryState {
  activations: string[];
  highlight: string;
}

const GALLERY_DOMAIN: Extent = { lo: -4, hi: 4 };

export function renderActivationGallery({
  model,
  el,
}: {
  model: AnyModel<ActivationGalleryState>;
  el: HTMLElement;
}): () => void {
  const life = new Lifetime();
  life.add(adoptViewStyles(el));
  const root = element("div", "nnw-v nnw-v-gallery");
  life.add(() => root.remove());
  const title = element("p", "nnw-v-title", "Activation functions");
  const note = element("p", "nnw-v-note", "Each turns a neuron's net input z = w·x + b into its output y = f(z).");
  const grid = element("div", "nnw-v-gallery-grid");
  root.append(title, note, grid);
  el.append(root);

  let theme: Theme = readTheme(root);
  let surfaces: Surface[] = [];
  life.add(() => surfaces.forEach((surface) => surface.destroy()));

  const build = () => {
    for (const surface of surfaces) surface.destroy();
    surfaces = [];
    grid.replaceChildren();
    const names = (model.get("activations") ?? []).filter(isActivation);
    for (const name of names) {
      const info = ACTIVATION_INFO[name];
      const card = element("figure", "nnw-v-gallery-card");
      card.dataset.activation = name;
      card.classList.toggle("nnw-v-highlight", model.get("highlight") === name);
      const surface = new Surface("nnw-v-gallery-canvas", (context, width, height) => {
        drawActivationCurve(context, theme, name, GALLERY_DOMAIN, {
          left: 30,
          top: 6,
          right: width - 6,
          bottom: height - 18,
        }, { ticks: 4 });
      });
      surface.canvas.removeAttribute("aria-hidden");
      surface.canvas.setAttribute("role", "img");
      surface.canvas.setAttribute("aria-label", `${info.label}: ${info.formula}, drawn for z from −4 to 4`);
      const caption = element("figcaption");
      caption.append(element("span", "nnw-v-gallery-name", info.label), element("code", "nnw-v-formula-small", info.formula));
      card.append(caption, surface.canvas);
      grid.append(card);
      surfaces.push(surface);
    }
    root.dataset.shown = String(names.length);
  };

  life.onChange(model, ["activations", "highlight"], build);
  life.onTheme(() => {
    theme = readTheme(root);
    for (const surface of surfaces) surface.invalidate();
  });
  build();
  return () => life.dispose();
}
