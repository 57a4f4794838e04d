// The dataset thumbnails' names, and which of them can be chosen: with more than two classes,
// only the data sets that come with that many.

import { MULTICLASS_DATASETS } from "../shared/spec";
import type { PlaygroundState } from "./protocol";

export const DATASET_TITLES: Record<string, string> = {
  circle: "Circle",
  xor: "Exclusive or",
  gauss: "Gaussian",
  spiral: "Spiral",
  plane: "Plane",
  multigauss: "Multi gaussian",
};

export function datasetTitle(name: string): string {
  return DATASET_TITLES[name] ?? name;
}

/** Why `name` cannot be chosen now, or null when it can. */
export function unavailableReason(
  name: string,
  state: Pick<PlaygroundState, "problem" | "classes">,
): string | null {
  if (state.problem !== "classification" || state.classes <= 2) return null;
  if (MULTICLASS_DATASETS.includes(name)) return null;
  return `${datasetTitle(name)} has two classes only: choose 2 classes to use it`;
}
