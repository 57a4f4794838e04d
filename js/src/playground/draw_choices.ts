// What "Draw" can add to the data: a point of each class, or for regression a few targets along
// the colour scale. `label` is what the point's row in `_points` will hold.

import { classColor } from "../shared/class_colors";
import { valueColor } from "../shared/colors";
import type { PlaygroundState } from "./protocol";

export interface DrawChoice {
  label: number;
  /** For buttons' names: "class 2", "target -0.5". */
  name: string;
  color: string;
}

export const DRAW_TARGETS = [-1, -0.5, 0, 0.5, 1];

export function drawChoices(state: Pick<PlaygroundState, "problem" | "classes">): DrawChoice[] {
  if (state.problem === "regression") {
    return DRAW_TARGETS.map((target) => ({ label: target, name: `target ${target}`, color: valueColor(target) }));
  }
  if (state.classes <= 2) {
    return [
      { label: -1, name: "class -1", color: classColor(0) },
      { label: 1, name: "class +1", color: classColor(1) },
    ];
  }
  return Array.from({ length: state.classes }, (_, k) => ({ label: k, name: `class ${k}`, color: classColor(k) }));
}
