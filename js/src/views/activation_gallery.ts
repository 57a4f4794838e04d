// The ActivationGallery: the activation functions side by side, each a small chart of its curve
// with its name and formula; and `drawActivationCurve`, the chart the Perceptron draws too.

import type { AnyModel } from "@anywidget/types";
import { drawFrame, makeAxes, type Axes, type Box } from "./axes";
import { element, injectViewStyles, onThemeChange, readTheme, Surface, type Theme } from "./kit";
import {
  ACTIVATION_INFO,
  type Activation,
  curvePoints,
  curveRange,
  isActivation,
} from "./perceptron_maths";
import type { Extent } from "./scales";
import { niceTicks } from "./scales";

/** The accent the curves are drawn in: the Playground's blue, lighter on a dark theme. */
export function curveColor(theme: Theme): string {
  return theme.dark ? "#3d9ad6" : "#0877bd";
}

/** A chart of f over `domain`: frame, the z = 0 line, the curve; returns its axes and box. */
export function drawActivationCurve(
  context: CanvasRenderingContext2D,
  theme: Theme,
  name: Activation,
  domain: Extent,
  box: Box,
  options: { labels?: { x?: string; y?: string }; color?: string; lineWidth?: number; ticks?: number } = {},
): Axes {
  const range = curveRange(name, domain);
  const axes = makeAxes(box, domain, range);
  const ticks = options.ticks ?? 5;
  drawFrame(context, theme, box, axes, niceTicks(domain.lo, domain.hi, ticks), niceTicks(range.lo, range.hi, 4), options.labels);
  context.save();
  context.beginPath();
  context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
  context.clip();
  // The axes through 0, a little stronger than the grid.
  context.strokeStyle = theme.strong;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(Math.round(axes.x(0)) + 0.5, box.top);
  context.lineTo(Math.round(axes.x(0)) + 0.5, box.bottom);
  if (range.lo < 0 && range.hi > 0) {
    context.moveTo(box.left, Math.round(axes.y(0)) + 0.5);
    context.lineTo(box.right, Math.round(axes.y(0)) + 0.5);
  }
  context.stroke();
  context.strokeStyle = options.color ?? curveColor(theme);
  context.lineWidth = options.lineWidth ?? 2.25;
  context.lineJoin = "round";
  context.beginPath();
  curvePoints(name, domain).forEach(([z, y], k) => {
    if (k === 0) context.moveTo(axes.x(z), axes.y(y));
    else context.lineTo(axes.x(z), axes.y(y));
  });
  context.stroke();
  context.restore();
  return axes;
}

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
  injectViewStyles();
  const root = element("div", "nnw-v nnw-v-gallery");
  const title = element("p", "nnw-v-title", "Activation functions");
  const note = element("p", "nnw-v-note", "Each turns a neuron's net input z = w·x + b into its output y = f(z).");
  const grid = element("div", "nnw-v-gallery-grid");
  root.append(title, note, grid);
  el.append(root);

  let theme: Theme = readTheme(root);
  let surfaces: Surface[] = [];

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

  const events: [string, () => void][] = [
    ["change:activations", build],
    ["change:highlight", build],
  ];
  for (const [event, handler] of events) model.on(event, handler);
  const stopTheme = onThemeChange(() => {
    theme = readTheme(root);
    for (const surface of surfaces) surface.invalidate();
  });
  build();
  return () => {
    for (const [event, handler] of events) model.off(event, handler);
    stopTheme();
    for (const surface of surfaces) surface.destroy();
    root.remove();
  };
}
