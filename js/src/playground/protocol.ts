// What the Playground's kernel side (nnwidgets/widgets/playground/) and this front end say to
// each other. Everything the widget shows lives in synced traits, so a reloaded page or a second
// view draws the same thing; one-off requests from the browser travel as custom messages. The
// names and menus both sides share (features, data sets, controls, limits) are in shared/spec.ts.

import type { Binary } from "../shared/binary";
import type { SeenMessage } from "../shared/seen";
import type { Activation, Feature, Problem, Regularization } from "../shared/spec";
import type { TraceData } from "./trace_math";

export interface PlaygroundState {
  _view: "playground";

  // --- configuration: the browser may set these (model.set + save_changes); the kernel checks
  // each value and, when it refuses one, sets the trait back, and the control must snap back.
  dataset: string; // one of DATASETS[problem], or "custom" after set_data (no thumbnail chosen)
  problem: Problem;
  /**
   * Classification only (regression ignores it): 2 is the original, labels ±1 and one tanh
   * output neuron; 3-5 means labels 0..classes-1, one output neuron per class, softmax and
   * cross-entropy. Only MULTICLASS_DATASETS (and "custom") come with more than two classes.
   */
  classes: number;
  noise: number; // int, percent
  train_ratio: number; // int, percent
  batch_size: number; // int
  features: Feature[]; // the input nodes switched on, in FEATURES order; never empty
  hidden: number[]; // neurons per hidden layer, input side first
  activation: Activation;
  learning_rate: number;
  regularization: Regularization;
  regularization_rate: number;
  show_test_data: boolean;
  discretize: boolean;
  epochs_per_frame: number; // 0: auto
  playing: boolean; // the play button sets it; so do play()/pause() in Python

  // --- course sheets (set from Python only)
  hidden_controls: string[];
  locked_controls: string[];

  // --- live state, set by the kernel only
  epoch: number;
  train_loss: number | null; // null before the first evaluation
  test_loss: number | null; // null when there is no test data
  train_accuracy: number | null; // fraction in [0, 1]; null for regression
  test_accuracy: number | null;
  diverged: boolean;
  status: string; // a sentence to show above the output, e.g. why training paused; "" if none
  diagnosis: Finding[]; // why it is not learning, most telling first; [] for a healthy run
  epochs_per_second: number; // measured training speed while playing, 0 when paused

  // --- binary state, set by the kernel only. All little-endian, dense, row-major; read them
  // with shared/binary.ts, which takes whatever form the host delivers them in.
  /**
   * Training points then test points: float32 (n, 3) rows [x1, x2, label]. Labels are ±1 for
   * two classes, the class index 0..classes-1 for more, targets for regression. `_train_count`
   * rows are training points. Colour by class index: a ±1 label is class (label > 0 ? 1 : 0).
   */
  _points: Binary;
  _train_count: number;
  /**
   * Dataset thumbnails: for each name of DATASETS[problem] in order, `_thumbnail_points` rows of
   * float32 [x1, x2, label] (sent when the problem, noise or classes change). With classes > 2
   * the labels of MULTICLASS_DATASETS are class indices; the other thumbnails keep ±1 (their
   * data sets are not offered then).
   */
  _thumbnails: Binary;
  _thumbnail_points: number;
  /** Every feature's map, FEATURES order, each `_map_resolution`² uint8 (sent once). */
  _feature_maps: Binary;

  // A frame: the kernel sets these together (one message) and `_frame` last changes with them;
  // redraw on "change:_frame". At most two frames are unacknowledged at a time.
  _frame: number; // frame counter; acknowledge with {type: "drawn", frame} once drawn
  /**
   * Weights, layer by layer from the input side: W as (inputs, outputs) row-major, then b
   * (outputs). Inputs of layer 0 are `features`; the last layer has one output neuron, or
   * `classes` of them when classes > 2 (see outputCount).
   */
  _weights: Binary; // float32
  /**
   * Small maps for every hidden neuron and then the output neuron(s), in layer order: each
   * `_map_resolution`² uint8, value v drawn as byte round((clip(v,-1,1)+1)·127.5). Cell (0, 0)
   * is the top-left of the plane: x1 = -6 side, x2 = +6 side; cells are centred in [-6, 6]².
   * With classes > 2 an output neuron's map is its class probability p, sent as v = 2p - 1.
   */
  _maps: Binary;
  _map_resolution: number;
  /**
   * The big output view: `_output_resolution`² uint8, same encoding, of `_output_neuron`. With
   * classes > 2 and `_output_neuron` null it is `classes` such maps, one per class (v = 2p - 1):
   * draw each cell in the colour of its most probable class, lighter as that probability falls.
   */
  _output_map: Binary;
  _output_resolution: number;
  /** Whose map `_output_map` shows: null for the output, else a neuron id (see NeuronId). */
  _output_neuron: string | null;
  /** The loss chart: float32 rows [epoch, train_loss, test_loss], at most ~400, oldest first. */
  _loss_curve: Binary;
}

/** A neuron's id in messages: a feature name for inputs, "layer:index" (layer 1 = first hidden,
 * index from 0) for hidden neurons, "output" for the output neuron, and with classes > 2
 * "output:k" for the output neuron of class k. */
export type NeuronId = string;

/** One reason the network is not learning (nnwidgets/widgets/playground/diagnosis.py). */
export interface Finding {
  kind: "diverged" | "dead_units" | "saturated" | "stuck" | "slow" | "overfitting";
  message: string; // the cause and the next step, one sentence
  neurons: NeuronId[]; // "layer:index" of the neurons concerned
  layers: number[]; // hidden layers concerned, 1 for the first
  why: string; // what was measured
}

/** Custom messages from the browser (model.send). */
export type FromBrowser =
  // Frame `frame` has been drawn, and `drawn` distinct frames since the last such message: the
  // kernel may send more, at the pace the page draws.
  | { type: "drawn"; frame: number; drawn: number }
  | SeenMessage // whether this view can be seen: while none can, the kernel makes no frames
  | { type: "command"; name: "play" | "pause" | "step" | "reset" | "regenerate" }
  | { type: "hover"; neuron: NeuronId | null } // show that neuron's map in the output view
  | { type: "set_weight"; layer: number; i: number; j: number; value: number } // layer from 0
  | { type: "set_bias"; layer: number; j: number; value: number }
  // Draw your own data on the output view (plane coordinates in [-6, 6]). A new point joins the
  // training data with `label`: ±1 for two classes, the class index for more, a target in
  // [-1, 1] for regression. Removing takes the point (train, or test when shown) nearest to
  // (x1, x2) within 0.5. Either makes the data set "custom"; the network keeps its weights.
  | { type: "add_point"; x1: number; x2: number; label: number }
  | { type: "remove_point"; x1: number; x2: number }
  // Step through one example (trace.py): ask for training point `index`'s trace; the kernel
  // answers with a "trace" message. "apply_trace" applies the update that trace describes (traced
  // afresh at the current weights), refused while the "weights" control is locked; the kernel
  // answers with the new weights in a frame and the example's trace after the step.
  | { type: "trace"; index: number }
  | { type: "apply_trace"; index: number };

/** Custom messages from the kernel. */
export type FromKernel =
  // A value from the browser was refused: show `message` near the control named `control`.
  | { type: "refused"; control: string; message: string }
  // One example's trace (trace_math.ts's TraceData); `applied`: it follows an "apply_trace".
  | { type: "trace"; applied: boolean; trace: TraceData };

/** Output neurons of the network: one, or one per class when there are more than two. */
export function outputCount(state: Pick<PlaygroundState, "problem" | "classes">): number {
  return state.problem === "classification" && state.classes > 2 ? state.classes : 1;
}
