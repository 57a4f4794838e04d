// The facts the kernel and this front end must agree on: the Python package's spec.json, which
// nnwidgets.spec reads too, typed here. Its lists are the original Playground's menus and names;
// the Python side may accept more values (the controls then show them as extra options).

import spec from "../../../nnwidgets/spec.json";

// Literal types for names the code switches on; spec.test.ts proves they list the JSON's values.
export type Feature = "x1" | "x2" | "x1^2" | "x2^2" | "x1*x2" | "sin(x1)" | "sin(x2)";
export type Problem = "classification" | "regression";
export type Activation = "relu" | "tanh" | "sigmoid" | "linear";
export type Regularization = "l1" | "l2" | null;

/** Half the side of the input plane: points and maps cover [-PLANE, PLANE]². */
export const PLANE: number = spec.plane;
/** Input features, in the order of the diagram's input column (and of `_feature_maps`). */
export const FEATURES = spec.features as readonly Feature[];
export const PROBLEMS = spec.problems as readonly Problem[];
/** The data sets of each problem, in the order of their thumbnails. */
export const DATASETS: Readonly<Record<Problem, readonly string[]>> = spec.datasets;
/** Classification data sets that also come with 3-5 classes; the others only have two. */
export const MULTICLASS_DATASETS: readonly string[] = spec.multiclass_datasets;
/** Class counts offered for classification: 2 is the original (labels ±1, one tanh output). */
export const CLASS_COUNTS: readonly number[] = spec.class_counts;
export const ACTIVATIONS = spec.activations as readonly Activation[];
export const REGULARIZATIONS = spec.regularizations as readonly Regularization[];
export const LEARNING_RATES: readonly number[] = spec.learning_rates;
export const REGULARIZATION_RATES: readonly number[] = spec.regularization_rates;
/** `epochs_per_frame` choices; 0 is "auto": as many epochs as the frame budget allows. */
export const SPEEDS: readonly number[] = spec.speeds;

const range = ([lo, hi]: number[]): readonly [number, number] => [lo, hi];

/** The original's control ranges: what the sliders and the +/- buttons allow. */
export const UI_LIMITS = {
  hidden_layers: spec.ui_limits.hidden_layers,
  neurons: spec.ui_limits.neurons,
  batch_size: range(spec.ui_limits.batch_size),
  noise: range(spec.ui_limits.noise),
  train_ratio: range(spec.ui_limits.train_ratio),
} as const;

/**
 * Names of controls for `hidden_controls` / `locked_controls` (course sheets): a hidden control
 * is not drawn, a locked one is drawn disabled. Feature names stand for their input nodes;
 * "hidden" is the +/- buttons for layers and neurons; "weights" is clicking a link or bias to
 * edit it; "speed" is the epochs-per-frame menu; "regenerate" the regenerate button; "classes" the
 * class-count menu; "draw" adding and removing points on the output view; "trace" stepping
 * through one example.
 */
export const CONTROLS: readonly string[] = spec.controls;

/** A view acknowledges the frames it drew at most once per this many ms (frame_loop.ts). */
export const FRAME_ACK_INTERVAL_MS: number = spec.frame_ack_interval_ms;

/** The Playground's traits that change with every frame and are drawn together (frame_loop.ts). */
export const FRAME_STATE: readonly string[] = spec.frame_state;
