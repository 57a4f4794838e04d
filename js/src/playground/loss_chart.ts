// The small loss chart beside the losses: training loss in grey, test loss in the text colour,
// as the original. SVG stretched to its box keeps the lines crisp at any size and resolution.

import type { Binary } from "../shared/binary";
import { svg } from "./dom";
import { lossChartScale, lossPath, parseLossCurve, TEST, TRAIN } from "./loss_curve";

const WIDTH = 100;
const HEIGHT = 100;

export class LossChart {
  readonly element = svg("svg", {
    class: "nnw-pg-chart",
    viewBox: `0 -4 ${WIDTH} ${HEIGHT + 8}`,
    preserveAspectRatio: "none",
    role: "img",
    "aria-label": "Loss per epoch: training loss in grey, test loss in the stronger line",
  });
  private readonly train = svg("path", { class: "nnw-pg-train-line" });
  private readonly test = svg("path", { class: "nnw-pg-test-line" });

  constructor() {
    this.element.append(this.train, this.test);
  }

  draw(curveBytes: Binary | null | undefined): void {
    const curve = parseLossCurve(curveBytes);
    const scale = lossChartScale(curve, WIDTH, HEIGHT);
    this.train.setAttribute("d", lossPath(curve, TRAIN, scale));
    this.test.setAttribute("d", lossPath(curve, TEST, scale));
  }
}
