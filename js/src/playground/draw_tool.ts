// "Draw your own data": a strip of swatches under the output view, one per class (for regression
// a few targets along the colour scale). Choosing one turns drawing on; then a click on the
// output view asks the kernel to add a training point there with that label, and a shift-click
// to remove the nearest point. Nothing is drawn ahead of the kernel: it answers with new
// `_points`, or refuses with a note beside the strip.

import { follow, send, taskOf, type ViewContext } from "./context";
import { html } from "./dom";
import { type DrawChoice, drawChoices } from "./draw_choices";
import type { OutputHeatmap } from "./output_heatmap";
import { toPlane } from "./plane";

const IDLE_HINT = "Pick a color to add points";
const DRAWING_HINT = "Click adds, shift-click removes, Esc ends";

export function buildDrawTool(context: ViewContext, heatmap: OutputHeatmap): HTMLElement {
  const { model, life, controls } = context;
  const strip = html("div", "nnw-pg-draw");
  strip.setAttribute("role", "group");
  strip.setAttribute("aria-label", "Draw data");
  const swatchRow = html("div", "nnw-pg-swatches");
  const hint = html("span", "nnw-pg-draw-hint", IDLE_HINT);
  strip.append(html("span", "nnw-pg-draw-label", "Draw"), swatchRow, hint);

  let swatches: { choice: DrawChoice; button: HTMLButtonElement }[] = [];
  let selected: number | null = null;
  let unregister: (() => void) | null = null;
  // Read from the traits rather than the registry, which may take the new lists after us.
  const allowed = () =>
    !(model.get("hidden_controls") ?? []).includes("draw") && !(model.get("locked_controls") ?? []).includes("draw");

  const select = (label: number | null) => {
    selected = label;
    for (const { choice, button } of swatches) button.setAttribute("aria-pressed", String(choice.label === label));
    heatmap.element.classList.toggle("nnw-pg-drawing", label !== null);
    hint.textContent = label === null ? IDLE_HINT : DRAWING_HINT;
  };
  const rebuild = () => {
    unregister?.();
    swatches = drawChoices(taskOf(model)).map((choice) => {
      const button = html("button", "nnw-pg-swatch");
      button.type = "button";
      button.style.setProperty("--nnw-pg-swatch", choice.color);
      button.setAttribute("aria-label", `Draw ${choice.name}`);
      button.title = `Add points of ${choice.name} on the output view`;
      button.addEventListener("click", () => select(selected === choice.label ? null : choice.label));
      return { choice, button };
    });
    swatchRow.replaceChildren(...swatches.map((s) => s.button));
    unregister = controls.add("draw", strip, swatches.map((s) => s.button));
    select(swatches.some((s) => s.choice.label === selected) ? selected : null);
  };
  life.add(() => unregister?.());
  follow(context, ["problem", "classes"], rebuild);
  follow(context, ["hidden_controls", "locked_controls"], () => {
    if (!allowed()) select(null);
  });

  const canvas = heatmap.mapCanvas;
  // Shift-clicks would select text.
  life.listen<MouseEvent>(canvas, "mousedown", (event) => {
    if (selected !== null) event.preventDefault();
  });
  life.listen<MouseEvent>(canvas, "click", (event) => {
    if (selected === null) return;
    if (!allowed()) return select(null);
    // CSS pixels of the box the plane fills, whatever the canvas' device pixels are.
    const box = canvas.getBoundingClientRect();
    const { x1, x2 } = toPlane(event.clientX - box.left, event.clientY - box.top, box.width, box.height);
    send(model, event.shiftKey ? { type: "remove_point", x1, x2 } : { type: "add_point", x1, x2, label: selected });
  });
  // Esc ends drawing wherever the focus is; captured, since the view stops keys bubbling out.
  life.listen<KeyboardEvent>(
    document,
    "keydown",
    (event) => {
      if (event.key === "Escape" && selected !== null) select(null);
    },
    { capture: true },
  );
  return strip;
}
