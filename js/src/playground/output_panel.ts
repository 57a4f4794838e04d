// The OUTPUT column: a status line when the kernel has something to say, the losses with their
// chart, the output map with the data, the draw strip, the colour legend, and the two checkboxes.

import { argmaxLuts, classColor, pointColors, probabilityLut } from "../shared/class_colors";
import { mapLut } from "../shared/map_colors";
import { Pacer } from "../shared/pacer";
import { boundCheckbox } from "./bound_inputs";
import { follow, taskOf, type ViewContext } from "./context";
import { lossChartLabel, outputLabel, type Progress } from "./descriptions";
import { statusLine } from "./diagnosis";
import { html, setText } from "./dom";
import { buildDrawTool } from "./draw_tool";
import { formatAccuracy, formatLoss } from "./format";
import { LossChart } from "./loss_chart";
import { parseLossCurve } from "./loss_curve";
import { outputClassOf } from "./neuron_ids";
import { OutputHeatmap } from "./output_heatmap";
import { parsePoints } from "./points";
import { type NeuronId, outputCount } from "./protocol";

function lossRow(name: string, className: string) {
  const row = html("div", `nnw-pg-loss-row ${className}`);
  const value = html("b");
  const accuracy = html("span", "nnw-pg-accuracy");
  accuracy.title = "Accuracy";
  row.append(`${name}`, value, accuracy);
  return { row, value, accuracy };
}

function describeNeuron(neuron: NeuronId | null): string {
  if (neuron === null || neuron === "output") return "";
  const k = outputClassOf(neuron);
  if (k !== null) return `Showing the probability of class ${k}`;
  const match = /^(\d+):(\d+)$/.exec(neuron);
  if (match) return `Showing neuron ${Number(match[2]) + 1} of hidden layer ${match[1]}`;
  return `Showing input ${neuron}`;
}

/** Text alternatives change layout-free but still cost the accessibility tree an update. */
const LABEL_INTERVAL_MS = 1000;

/** Where training stands, as the losses above the output view show it. */
export function progressOf(model: ViewContext["model"]): Progress {
  const hasTest = parsePoints(model.get("_points"), model.get("_train_count")).test.length > 0;
  const classification = model.get("problem") === "classification";
  const accuracy = hasTest ? model.get("test_accuracy") : model.get("train_accuracy");
  return {
    epoch: model.get("epoch") ?? 0,
    loss: hasTest ? model.get("test_loss") : model.get("train_loss"),
    lossName: hasTest ? "test" : "training",
    accuracy: classification ? (accuracy ?? null) : null,
  };
}

/** With more than two classes, data and output take class colours (neurons keep the scale). */
function buildClassKey(context: ViewContext): HTMLElement {
  const key = html("div", "nnw-pg-legend nnw-pg-class-key");
  const chips = html("div", "nnw-pg-class-chips");
  key.append(html("p", "", "Classes, paler where the network is less sure."), chips);
  follow(context, ["problem", "classes"], () => {
    const classes = outputCount(taskOf(context.model));
    key.hidden = classes === 1;
    chips.replaceChildren(
      ...Array.from({ length: classes }, (_, k) => {
        const chip = html("span", "nnw-pg-class-chip", String(k));
        chip.style.setProperty("--nnw-pg-swatch", classColor(k));
        return chip;
      }),
    );
  });
  return key;
}

/** The output column; `below` adds a part under the output view that works on it. */
export function buildOutputPanel(
  context: ViewContext,
  below: (heatmap: OutputHeatmap) => HTMLElement = () => html("div"),
): HTMLElement {
  const { model, life, loop } = context;
  const column = html("section", "nnw-pg-output");
  column.setAttribute("aria-label", "Output");

  // Read out by the announcer (announcer.ts).
  const status = html("div", "nnw-pg-status");
  const sentence = html("span", "nnw-pg-status-text");
  const why = html("details", "nnw-pg-why");
  const whyText = html("p");
  why.append(html("summary", "", "why?"), whyText);
  status.append(sentence, why);
  follow(context, ["status", "diverged", "diagnosis"], () => {
    const line = statusLine(model.get("status") ?? "", Boolean(model.get("diverged")), model.get("diagnosis") ?? []);
    sentence.textContent = line.text;
    whyText.textContent = line.why;
    status.hidden = line.text === "";
    why.hidden = line.why === "";
    status.classList.toggle("nnw-pg-warning", line.warning);
  });

  const metrics = html("div", "nnw-pg-metrics");
  const losses = html("div", "nnw-pg-losses");
  const test = lossRow("Test loss", "nnw-pg-test");
  const train = lossRow("Training loss", "nnw-pg-train");
  losses.append(test.row, train.row);
  const chart = new LossChart();
  metrics.append(losses, chart.element);

  const heatmap = new OutputHeatmap(life);
  heatmap.mapCanvas.removeAttribute("aria-hidden");
  heatmap.mapCanvas.setAttribute("role", "img");
  const labels = new Pacer(LABEL_INTERVAL_MS);
  const shownNeuron = html("div", "nnw-pg-shown-neuron");

  const legend = html("div", "nnw-pg-legend");
  const scale = html("div", "nnw-pg-scale");
  const ticks = html("div", "nnw-pg-scale-ticks");
  ticks.append(html("span", "", "-1"), html("span", "", "0"), html("span", "", "1"));
  scale.append(html("div", "nnw-pg-scale-bar"), ticks);
  const legendText = html("p");
  legend.append(legendText, scale);
  follow(context, ["problem", "classes"], () => {
    // With classes, the data take class colours (see the class key).
    const data = outputCount(taskOf(model)) > 1 ? "" : "data, ";
    legendText.textContent = `Colors show ${data}neuron and weight values.`;
  });

  const checks = html("div", "nnw-pg-checks");
  checks.append(
    boundCheckbox(context, { control: "show_test_data", trait: "show_test_data", label: "Show test data" }),
    boundCheckbox(context, { control: "discretize", trait: "discretize", label: "Discretize output" }),
  );

  column.append(
    html("h4", "nnw-pg-heading", "Output"),
    status,
    metrics,
    heatmap.element,
    shownNeuron,
    below(heatmap),
    buildDrawTool(context, heatmap),
    legend,
    buildClassKey(context),
    checks,
  );

  loop.part("metrics", () => {
    const classification = model.get("problem") === "classification";
    setText(test.value, formatLoss(model.get("test_loss")));
    setText(train.value, formatLoss(model.get("train_loss")));
    setText(test.accuracy, classification ? formatAccuracy(model.get("test_accuracy")) : "");
    setText(train.accuracy, classification ? formatAccuracy(model.get("train_accuracy")) : "");
    // Data set with set_data and no test points: nothing to report under "Test loss".
    test.row.hidden = parsePoints(model.get("_points"), model.get("_train_count")).test.length === 0;
    chart.draw(model.get("_loss_curve"));
    const shown = describeNeuron(model.get("_output_neuron"));
    setText(shownNeuron, shown);
    if (model.get("playing") && !labels.ready(performance.now())) return;
    heatmap.mapCanvas.setAttribute("aria-label", outputLabel(progressOf(model), shown));
    chart.element.setAttribute("aria-label", lossChartLabel(parseLossCurve(model.get("_loss_curve"))));
  }, { everyFrame: true });
  loop.part("output", () => {
    const discretize = model.get("discretize");
    const map = model.get("_output_map");
    const resolution = model.get("_output_resolution");
    const shown = model.get("_output_neuron");
    const classes = outputCount(taskOf(model));
    const k = outputClassOf(shown);
    if (shown === null && classes > 1) heatmap.showClasses(map, resolution, classes, argmaxLuts(classes, discretize));
    else heatmap.showMap(map, resolution, k === null ? mapLut(discretize) : probabilityLut(k, discretize));
  }, { everyFrame: true });
  loop.part("points", () =>
    heatmap.setPoints(
      parsePoints(model.get("_points"), model.get("_train_count")),
      model.get("show_test_data"),
      pointColors(taskOf(model)),
    ),
  );
  // A pause labels the final state at once, whatever the pacing held back.
  life.on(model, "change:playing", () => loop.invalidate("metrics"));
  life.on(model, "change:discretize", () => loop.invalidate("output"));
  life.onChange(model, ["_points", "_train_count", "show_test_data", "problem", "classes"], () =>
    loop.invalidate("points", "metrics"),
  );
  loop.invalidate("metrics", "output", "points");
  return column;
}
