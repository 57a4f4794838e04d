// The one anywidget module behind every nnwidgets widget: each Python class names its view in
// the `_view` trait, so all widgets share a single bundle.

import type { AnyModel, RenderProps } from "@anywidget/types";
import { renderNeuronMap } from "./views/neuron_map";
import { renderPlayground } from "./playground/render";
import { renderActivationGallery } from "./views/activation_gallery";
import { renderActivationView } from "./views/activation_view";
import { renderChallenge } from "./views/challenge";
import { renderClassOverview } from "./views/class_overview";
import { renderLivePlot } from "./views/live_plot";
import { renderLossSurface } from "./views/loss_surface";
import { renderNetworkDiagram } from "./views/network_diagram";
import { renderPerceptron } from "./views/perceptron";
import { renderSweep } from "./views/sweep";
import { renderTransformView } from "./views/transform_view";
import { renderWeightImages } from "./views/weight_images";

/** For the page Playground.to_html writes: a recorded run, replayed without a kernel. */
export { replayPlayground } from "./playground/replay";

/** Draws a widget into `el` and returns what undoes it. Each view declares its own state. */
type View = (props: { model: AnyModel<any>; el: HTMLElement }) => () => void;

const VIEWS: Record<string, View> = {
  activation_gallery: renderActivationGallery,
  activation_view: renderActivationView,
  challenge: renderChallenge,
  class_overview: renderClassOverview,
  live_plot: renderLivePlot,
  loss_surface: renderLossSurface,
  network_diagram: renderNetworkDiagram,
  neuron_map: renderNeuronMap,
  perceptron: renderPerceptron,
  playground: renderPlayground,
  sweep: renderSweep,
  transform_view: renderTransformView,
  weight_images: renderWeightImages,
};

export default {
  render({ model, el }: RenderProps) {
    const name = model.get("_view");
    const view = VIEWS[name];
    if (!view) {
      throw new Error(
        `nnwidgets: this front end has no view "${name}"; ` +
          "it is older than the Python package: rebuild it (make build) and reload the page",
      );
    }
    return view({ model, el });
  },
};
