// "Step through one example": a toggle under the output view. In the mode a click on the output
// view (or an example number typed in) asks the kernel for that training point's trace; Back and
// Next walk it forward layer by layer (node values on the diagram, each node's formula here),
// then backward (the links show ∂E/∂w); "Apply the update" asks the kernel to apply the traced
// step, and the output view shows the boundary move. The kernel computes everything (trace.py).

import { send, type ViewContext } from "./context";
import { html } from "./dom";
import type { OutputHeatmap } from "./output_heatmap";
import { toPlane } from "./plane";
import type { FromKernel } from "./protocol";
import { parsePoints } from "./points";
import {
  backwardFormula,
  depth,
  forwardFormula,
  gradientLayers,
  lossFormula,
  nearestPoint,
  nodeName,
  num,
  stepAt,
  stepCount,
  stepTitle,
  type TraceData,
} from "./trace_math";
import type { EditTarget } from "./weight_editor";
import type { Layer } from "./weights";

/** What the stepper needs of the diagram. */
export interface TraceDiagram {
  /** Draws links from these gradients (null: the weights again); hovering shows `valueOf`. */
  showGradients(layers: Layer[] | null, valueOf: ((target: EditTarget) => number | null) | null): void;
  /** The diagram's node elements, to label with values. */
  readonly element: HTMLElement;
}

const IDLE_HINT = "Click a training point on the output view, or type its number.";

function button(label: string, className = "nnw-pg-trace-button"): HTMLButtonElement {
  const b = html("button", className, label);
  b.type = "button";
  return b;
}

export function buildTraceStepper(context: ViewContext, heatmap: OutputHeatmap, diagram: TraceDiagram): HTMLElement {
  const { model, life, controls } = context;
  const box = html("div", "nnw-pg-trace");
  const toggle = button("Step through one example", "nnw-pg-trace-toggle");
  toggle.setAttribute("aria-pressed", "false");
  const panel = html("div", "nnw-pg-trace-panel");
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", "Step through one example");
  panel.hidden = true;

  const picker = html("label", "nnw-pg-trace-pick", "Example ");
  const number = html("input");
  Object.assign(number, { type: "number", min: "0", step: "1" });
  const go = button("Trace");
  picker.append(number);
  const hint = html("p", "nnw-pg-trace-hint", IDLE_HINT);
  const nav = html("div", "nnw-pg-trace-nav");
  const back = button("◀ Back");
  const next = button("Next ▶");
  const apply = button("Apply the update");
  const position = html("span", "nnw-pg-trace-position");
  nav.append(back, position, next, apply);
  const title = html("p", "nnw-pg-trace-title");
  const loss = html("p", "nnw-pg-trace-loss");
  const formulas = html("ol", "nnw-pg-trace-formulas");
  formulas.setAttribute("aria-live", "polite");
  const row = html("div", "nnw-pg-trace-row");
  row.append(picker, go);
  panel.append(row, hint, nav, title, loss, formulas);
  box.append(toggle, panel);
  life.add(controls.anchor("apply_trace", apply));
  life.add(controls.add("trace", box, [toggle]));

  let on = false;
  let trace: TraceData | null = null;
  let step = 0;
  let note = "";

  const badges = () => diagram.element.querySelectorAll(".nnw-pg-trace-badge");
  const nodeOf = (layer: number, j: number): HTMLElement | null => {
    const nodes = diagram.element.querySelector(".nnw-pg-nodes");
    if (!trace || !nodes) return null;
    const L = depth(trace);
    const id =
      layer === 0
        ? trace.features[j]
        : layer === L
          ? trace.a[L].length > 1 ? `output:${j}` : "output"
          : `${layer}:${j}`;
    return layer === 0
      ? nodes.querySelector(`button[aria-label="${id}"]`)
      : nodes.querySelector(`[data-neuron="${id}"]`);
  };

  const show = () => {
    badges().forEach((badge) => badge.remove());
    const ready = trace !== null;
    for (const b of [back, next]) b.disabled = !ready;
    apply.disabled = !ready || controls.isLocked("weights");
    apply.title = controls.isLocked("weights") ? "The weights are locked on this sheet." : "";
    if (!trace) {
      title.textContent = loss.textContent = position.textContent = "";
      formulas.replaceChildren();
      diagram.showGradients(null, null);
      return;
    }
    const t = trace;
    const count = stepCount(t);
    step = Math.max(0, Math.min(count - 1, step));
    back.disabled = step === 0;
    next.disabled = step === count - 1;
    const at = stepAt(t, step);
    position.textContent = `${step + 1} / ${count}`;
    hint.textContent = `Example ${t.index} at (${num(t.point[0])}, ${num(t.point[1])}), target ${num(t.target)}.${note}`;
    title.textContent = stepTitle(t, at);
    loss.textContent = at.direction === "backward" || at.layer === depth(t) ? lossFormula(t) : "";
    const forward = at.direction === "forward";
    formulas.replaceChildren(
      ...t.a[at.layer].map((_, j) => {
        const item = html("li");
        const text = forward ? forwardFormula(t, at.layer, j) : backwardFormula(t, at.layer, j);
        item.append(html("b", "", `${nodeName(t, at.layer, j)}: `), text);
        return item;
      }),
    );
    // On the diagram: values so far forward; ∂E/∂z from the output down to this layer backward.
    t.a.forEach((values, layer) => {
      const shown = forward ? layer <= at.layer : layer >= at.layer;
      if (!shown) return;
      values.forEach((value, j) => {
        const node = nodeOf(layer, j);
        if (!node) return;
        const badge = html("span", "nnw-pg-trace-badge", forward ? num(value) : num(t.dE_dz[layer][j]));
        badge.setAttribute("aria-hidden", "true");
        badge.classList.toggle("nnw-pg-trace-current", layer === at.layer);
        node.append(badge);
      });
    });
    diagram.showGradients(forward ? null : gradientLayers(t, at.layer), (target) =>
      target.kind === "weight" ? t.dE_dW[target.layer][target.i][target.j] : t.dE_db[target.layer][target.j],
    );
    box.dataset.step = `${at.direction}:${at.layer}`;
  };

  const request = (index: number) => send(model, { type: "trace", index });
  const setOn = (value: boolean) => {
    on = value;
    toggle.setAttribute("aria-pressed", String(on));
    panel.hidden = !on;
    heatmap.element.classList.toggle("nnw-pg-tracing", on);
    clear();
  };
  const clear = () => {
    trace = null;
    note = "";
    hint.textContent = IDLE_HINT;
    delete box.dataset.step;
    show();
  };
  toggle.addEventListener("click", () => setOn(!on));
  back.addEventListener("click", () => {
    step -= 1;
    show();
  });
  next.addEventListener("click", () => {
    step += 1;
    show();
  });
  apply.addEventListener("click", () => {
    if (trace) send(model, { type: "apply_trace", index: trace.index });
  });
  go.addEventListener("click", () => {
    const index = Number(number.value);
    if (number.value !== "" && Number.isInteger(index)) request(index);
  });
  number.addEventListener("keydown", (event) => {
    if (event.key === "Enter") go.click();
  });
  // Captured on the view's box, before the draw tool's click on the canvas inside it.
  life.listen<MouseEvent>(
    heatmap.element,
    "click",
    (event) => {
      if (!on) return;
      event.stopPropagation();
      const rect = heatmap.mapCanvas.getBoundingClientRect();
      const { x1, x2 } = toPlane(event.clientX - rect.left, event.clientY - rect.top, rect.width, rect.height);
      const train = parsePoints(model.get("_points"), model.get("_train_count")).train;
      const index = nearestPoint(train, x1, x2);
      if (index !== null) request(index);
    },
    { capture: true },
  );
  life.on(model, "msg:custom", (message: FromKernel) => {
    if (message?.type !== "trace" || !on) return;
    const before = trace;
    trace = message.trace;
    number.value = String(trace.index);
    if (message.applied && before) {
      note = ` Update applied: E went from ${num(before.loss)} to ${num(trace.loss)}.`;
      step = depth(trace); // the output after the step
    } else {
      note = "";
      step = 0;
    }
    show();
  });
  // A new shape, new points or a lock: the trace no longer describes this network.
  life.onChange(model, ["features", "hidden", "problem", "classes", "_points", "activation"], () => {
    if (trace) clear();
  });
  life.onChange(model, ["locked_controls"], show);
  life.on(model, "change:_frame", () => {
    if (trace) show(); // nodes rebuilt by a frame lose their badges
  });
  return box;
}
