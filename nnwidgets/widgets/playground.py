"""Playground: TensorFlow Playground in a notebook cell, trained by the engine in the kernel.

The kernel owns the truth: configuration and live state are synced traits (so a reloaded page or a
second view shows the same), and the browser only draws and asks. What travels and when is in
js/src/playground/protocol.ts; the training rule is the engine's (nnwidgets.engine.playground).
Training runs as an asyncio task on the kernel's loop, in chunks of epochs sized to the frame
budget, so the notebook stays usable and a slider change applies from the next chunk.

JupyterLab may deliver the browser's messages on a subshell thread while the main thread runs a
cell (measured: the second of two quick clicks arrived that way), so everything that swaps or
trains the run holds one lock, and the play loop always runs on the main thread's event loop.
"""

import asyncio
import contextlib
import json
import math
import numbers
import threading
import time
from pathlib import Path

import numpy as np
import traitlets

from ..data.features import FEATURES
from ..data.playground import (
    DATASETS,
    MAX_CLASSES,
    MAX_NOISE,
    MULTICLASS_DATASETS,
    PROBLEM_OF,
    playground,
    split_train_test,
)
from ..data.random import SeededRandom
from ..engine.activations import PLAYGROUND_ACTIVATIONS
from ._base import FrontEndWidget
from .frame_pacer import FramePacer
from .playground_html import replay_page, write_page
from .playground_presets import preset_config
from .playground_recording import Recording, Snapshot
from .playground_run import (
    OUTPUT_RESOLUTION,
    THUMBNAIL_RESOLUTION,
    Network,
    PlaygroundRun,
    Points,
    feature_maps,
    seeded_points,
)
from .playground_url import DEFAULTS, HIDABLE, parse_playground_url, playground_url
from .training_loop import (
    YIELD_S,
    ChunkSizer,
    PlayControls,
    running_loop,
    wait_for_frame_slot,
)

# Hard caps for every source, Python or browser (the UI offers the original's smaller ranges).
MAX_HIDDEN_LAYERS = 10
MAX_NEURONS = 64
MAX_BATCH_SIZE = 10_000
MAX_EPOCHS_PER_FRAME = 10_000
MIN_TRAIN_RATIO, MAX_TRAIN_RATIO = 1, 99
PLANE = 6.0  # the data and the maps live on [-6, 6]²

PROBLEMS = ("classification", "regression")
DEFAULT_DATASET = {"classification": "circle", "regression": "plane"}
CUSTOM = "custom"  # the dataset's name once set_data gave the points
CONTROLS = (*HIDABLE, "regenerate", "speed", "weights", "classes", "draw")
# A point drawn by hand goes where it is clicked; removing takes the nearest within this distance.
REMOVE_RADIUS = 0.5
THUMBNAIL_POINTS = 200
SAVE_FORMAT = "nnwidgets.Playground"
SAVE_VERSION = 1

# Auto speed: one chunk of epochs per drawn frame, taking about this long. Training waits for the
# browser to draw (at most two frames ahead), so on a 2-core machine the kernel leaves the browser
# and the Jupyter server the CPU they need to draw 30+ frames a second (make bench), and a slider
# change waits at most one chunk.
CHUNK_TARGET_S = 0.006

# Traits the browser may set, and the control a course sheet locks each with.
_CONTROL_OF_TRAIT = {
    "dataset": "dataset",
    "problem": "problem",
    "classes": "classes",
    "noise": "noise",
    "train_ratio": "train_ratio",
    "batch_size": "batch_size",
    "features": None,  # each feature is its own control
    "hidden": "hidden",
    "activation": "activation",
    "learning_rate": "learning_rate",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
    "show_test_data": "show_test_data",
    "discretize": "discretize",
    "epochs_per_frame": "speed",
    "playing": "play",
}
_POINTS_TRAITS = ("dataset", "noise", "train_ratio", "seed", "classes")
_NETWORK_TRAITS = (
    "features",
    "hidden",
    "activation",
    "problem",
    "batch_size",
    "regularization",
    "regularization_rate",
    "init_zero",
)


def _integer(proposal, low, high):
    value = proposal["value"]
    name = proposal["trait"].name
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise traitlets.TraitError(f"{name} must be an int, got {value!r}")
    if not low <= value <= high:
        raise traitlets.TraitError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)


def _rate(proposal):
    value = proposal["value"]
    name = proposal["trait"].name
    if not math.isfinite(value) or value < 0:
        raise traitlets.TraitError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def _choice(proposal, allowed):
    value = proposal["value"]
    if value not in allowed:
        names = ", ".join(repr(a) for a in allowed)
        name = proposal["trait"].name
        raise traitlets.TraitError(f"{name} must be one of {names}, got {value!r}")
    return value


class Playground(PlayControls, FrontEndWidget):
    """TensorFlow Playground: a small network learning 2-D points, live, in a notebook cell.

    Every argument is also a synced trait; setting it from Python or from the controls has the
    same effect: the learning rate and weight edits apply live, the others reset the network as
    in the original. Python may go past the controls' ranges up to hard caps that hold for every
    source: noise up to 100, train_ratio 1-99, up to 10 hidden layers of up to 64 neurons, batch
    sizes up to 10,000. A value out of range raises ``traitlets.TraitError`` naming the argument
    and changes nothing; from the browser it is refused the same way and the control snaps back.
    """

    _view = traitlets.Unicode("playground").tag(sync=True)

    # configuration
    dataset = traitlets.Unicode("circle").tag(sync=True)
    problem = traitlets.Unicode("classification").tag(sync=True)
    classes = traitlets.Int(
        2, help="classification: 2, or 3-5 (gauss, spiral, your own points)"
    ).tag(sync=True)
    noise = traitlets.Int(0).tag(sync=True)
    train_ratio = traitlets.Int(50).tag(sync=True)
    batch_size = traitlets.Int(10).tag(sync=True)
    features = traitlets.List(traitlets.Unicode(), default_value=["x1", "x2"]).tag(sync=True)
    hidden = traitlets.List(traitlets.Int(), default_value=[4, 2]).tag(sync=True)
    activation = traitlets.Unicode("tanh").tag(sync=True)
    learning_rate = traitlets.Float(0.03).tag(sync=True)
    regularization = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    regularization_rate = traitlets.Float(0.0).tag(sync=True)
    seed = traitlets.Union(
        [traitlets.Int(), traitlets.Unicode()],
        default_value=None,
        allow_none=True,
        help="the data's seed; None draws one, as the original does",
    ).tag(sync=True)
    init_zero = traitlets.Bool(False, help="start every weight and bias at 0").tag(sync=True)
    show_test_data = traitlets.Bool(False).tag(sync=True)
    discretize = traitlets.Bool(False).tag(sync=True)
    epochs_per_frame = traitlets.Int(0, help="epochs per drawn frame; 0 is auto").tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    hidden_controls = traitlets.List(traitlets.Unicode()).tag(sync=True)
    locked_controls = traitlets.List(traitlets.Unicode()).tag(sync=True)

    # live state, kernel to browser
    epoch = traitlets.Int(0).tag(sync=True)
    train_loss = traitlets.Float(None, allow_none=True).tag(sync=True)
    test_loss = traitlets.Float(None, allow_none=True).tag(sync=True)
    train_accuracy = traitlets.Float(None, allow_none=True).tag(sync=True)
    test_accuracy = traitlets.Float(None, allow_none=True).tag(sync=True)
    diverged = traitlets.Bool(False).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    epochs_per_second = traitlets.Float(0.0).tag(sync=True)

    _points = traitlets.Bytes(b"").tag(sync=True)
    _train_count = traitlets.Int(0).tag(sync=True)
    _thumbnails = traitlets.Bytes(b"").tag(sync=True)
    _thumbnail_points = traitlets.Int(THUMBNAIL_POINTS).tag(sync=True)
    _feature_maps = traitlets.Bytes(b"").tag(sync=True)
    _frame = traitlets.Int(0).tag(sync=True)
    _weights = traitlets.Bytes(b"").tag(sync=True)
    _maps = traitlets.Bytes(b"").tag(sync=True)
    _map_resolution = traitlets.Int(THUMBNAIL_RESOLUTION).tag(sync=True)
    _output_map = traitlets.Bytes(b"").tag(sync=True)
    _output_resolution = traitlets.Int(OUTPUT_RESOLUTION).tag(sync=True)
    _output_neuron = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    _loss_curve = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, dataset=None, problem=None, **kwargs):
        self._ready = False
        self._lock = threading.RLock()
        self._pacer = FramePacer()
        self._task = None
        self._custom = None  # (X, y, X_test, y_test) given to set_data or drawn
        self._keep_network = False  # set while points drawn by hand replace the run's
        self._stale = True  # the frame traits lag the run
        self._seen_shapes: set = set()
        self._speed = _SpeedMeter()
        self._main_loop = running_loop()  # the kernel's, when made in a cell
        if dataset is None:  # the problem's first data set, as the original switches problems
            dataset = DEFAULT_DATASET.get(problem, DEFAULT_DATASET["classification"])
        if problem is None:
            problem = PROBLEM_OF.get(dataset, "classification")
        if kwargs.get("classes", 2) != 2 and dataset not in MULTICLASS_DATASETS:
            raise ValueError(_two_classes_only(dataset, kwargs["classes"]))
        super().__init__(dataset=dataset, problem=problem, **kwargs)
        if self.seed is None:
            self.seed = _random_seed()
        self._feature_maps = feature_maps(THUMBNAIL_RESOLUTION)
        self._send_thumbnails()
        self._new_points()
        self._ready = True
        self.on_msg(self._on_message)

    # --- validation ------------------------------------------------------------------------

    @traitlets.validate("dataset")
    def _check_dataset(self, proposal):
        if proposal["value"] == CUSTOM and getattr(self, "_custom", None) is not None:
            return CUSTOM
        return _choice(proposal, DATASETS)

    @traitlets.validate("problem")
    def _check_problem(self, proposal):
        return _choice(proposal, PROBLEMS)

    @traitlets.validate("classes")
    def _check_classes(self, proposal):
        classes = _integer(proposal, 2, MAX_CLASSES)
        custom = getattr(self, "_custom", None)
        if self.dataset == CUSTOM and custom is not None and self.problem == "classification":
            needed = _classes_of(custom)
            if classes != needed and (needed == 2 or classes < needed):
                raise traitlets.TraitError(
                    f"classes must be {needed} or more for your points (labels "
                    f"{'±1' if needed == 2 else f'0 to {needed - 1}'}), got {classes}"
                )
        return classes

    @traitlets.validate("noise")
    def _check_noise(self, proposal):
        return _integer(proposal, 0, MAX_NOISE)

    @traitlets.validate("train_ratio")
    def _check_train_ratio(self, proposal):
        return _integer(proposal, MIN_TRAIN_RATIO, MAX_TRAIN_RATIO)

    @traitlets.validate("batch_size")
    def _check_batch_size(self, proposal):
        return _integer(proposal, 1, MAX_BATCH_SIZE)

    @traitlets.validate("epochs_per_frame")
    def _check_epochs_per_frame(self, proposal):
        return _integer(proposal, 0, MAX_EPOCHS_PER_FRAME)

    @traitlets.validate("features")
    def _check_features(self, proposal):
        names = list(proposal["value"])
        allowed = ", ".join(repr(f) for f in FEATURES)
        for name in names:
            if name not in FEATURES:
                raise traitlets.TraitError(f"features must be among {allowed}, got {name!r}")
        if not names:
            raise traitlets.TraitError("features must keep at least one feature on, got none")
        if len(set(names)) != len(names):
            raise traitlets.TraitError(f"features must not repeat, got {names}")
        return [f for f in FEATURES if f in names]  # the diagram's order

    @traitlets.validate("hidden")
    def _check_hidden(self, proposal):
        layers = list(proposal["value"])
        if len(layers) > MAX_HIDDEN_LAYERS:
            raise traitlets.TraitError(
                f"hidden must have at most {MAX_HIDDEN_LAYERS} layers, got {len(layers)}"
            )
        for size in layers:
            if isinstance(size, bool) or not isinstance(size, numbers.Integral):
                raise traitlets.TraitError(f"hidden must hold ints, got {size!r} in {layers}")
            if not 1 <= size <= MAX_NEURONS:
                raise traitlets.TraitError(
                    f"hidden layers must have 1 to {MAX_NEURONS} neurons, got {size} in {layers}"
                )
        return [int(size) for size in layers]

    @traitlets.validate("activation")
    def _check_activation(self, proposal):
        return _choice(proposal, PLAYGROUND_ACTIVATIONS)

    @traitlets.validate("regularization")
    def _check_regularization(self, proposal):
        return _choice(proposal, (None, "l1", "l2"))

    @traitlets.validate("learning_rate", "regularization_rate")
    def _check_rates(self, proposal):
        return _rate(proposal)

    @traitlets.validate("seed")
    def _check_seed(self, proposal):
        value = proposal["value"]
        if isinstance(value, str) and (not value or any(c in value for c in " \t\n&=#")):
            raise traitlets.TraitError(
                f"seed must be a non-empty string without spaces, '&', '=' or '#', got {value!r}"
            )
        return value

    @traitlets.validate("hidden_controls", "locked_controls")
    def _check_controls(self, proposal):
        names = list(proposal["value"])
        unknown = [name for name in names if name not in CONTROLS]
        if unknown:
            known = ", ".join(CONTROLS)
            raise traitlets.TraitError(
                f"{proposal['trait'].name}: unknown controls {unknown}; known: {known}"
            )
        return list(dict.fromkeys(names))

    # --- what a change does ------------------------------------------------------------------

    @traitlets.observe("problem")
    def _on_problem(self, change):
        if not self._ready:
            return
        # Each problem has its own data sets; switching picks the problem's first, as the original.
        if self.dataset != CUSTOM and PROBLEM_OF[self.dataset] != change["new"]:
            self.dataset = DEFAULT_DATASET[change["new"]]
        self._send_thumbnails()

    @traitlets.observe("dataset")
    def _on_dataset(self, change):
        if self._ready and change["new"] != CUSTOM:
            self._custom = None
            if PROBLEM_OF[change["new"]] != self.problem:
                self.problem = PROBLEM_OF[change["new"]]
            if self.classes > 2 and change["new"] not in MULTICLASS_DATASETS:
                self.classes = 2  # the original's data sets have two classes

    @traitlets.observe("classes")
    def _on_classes(self, change):
        if not self._ready:
            return
        # More classes than the data set has: the first data set that comes with them.
        if change["new"] > 2 and self.dataset not in (*MULTICLASS_DATASETS, CUSTOM):
            self.dataset = MULTICLASS_DATASETS[0]
        self._send_thumbnails()

    @traitlets.observe(*_POINTS_TRAITS)
    def _on_points_change(self, change):
        if not self._ready:
            return
        if change["name"] == "seed" and change["new"] is None:
            self.seed = _random_seed()  # observed again with the drawn seed
            return
        self._new_points()

    @traitlets.observe(*_NETWORK_TRAITS)
    def _on_network_change(self, change):
        if self._ready:
            self._new_network()

    @traitlets.observe("playing")
    def _on_playing(self, change):
        if not self._ready:
            return
        if change["new"]:
            self._start()
        else:
            self.epochs_per_second = 0.0

    def _new_points(self):
        """New points for the dataset (a generator's, or those set_data gave), and a new network."""
        with self._lock:
            if self.dataset == CUSTOM:
                points = _split_custom(self._custom, self.train_ratio)
                self._random = SeededRandom(self.seed).random
            else:
                classes = self.classes if self.dataset in MULTICLASS_DATASETS else 2
                points, self._random = seeded_points(
                    self.dataset, self.noise, self.train_ratio, self.seed, classes
                )
            self._points_of_run = points
            self._points = points.as_rows().tobytes()
            self._train_count = len(points.X_train)
            if self._keep_network:  # drawn by hand: the network trains on, on the new points
                self._run.padded = True
                self._run.replace_points(points)
                self._after_change()
            else:
                self._new_network()

    def _new_network(self):
        with self._lock:
            network = Network(
                features=tuple(self.features),
                hidden=tuple(self.hidden),
                activation=self.activation,
                problem=self.problem,
                batch_size=self.batch_size,
                regularization=self.regularization,
                classes=self.classes,
            )
            self._run = PlaygroundRun(
                network,
                self._points_of_run,
                random=self._random,
                init_zero=self.init_zero,
                padded=self.dataset == CUSTOM,
            )
            self._recording = Recording()  # to_html replays this run only
            if self._output_neuron not in (None, *FEATURES):
                with contextlib.suppress(ValueError):
                    self._run.neuron_row(self._output_neuron)
                    return self._after_change()
                self._output_neuron = None
            self._after_change()

    def _after_change(self):
        with self.hold_sync():
            self.diverged = False
            self.status = ""
            self._sync_figures()
        self._publish(force=True)

    def _send_thumbnails(self):
        rows = []
        for name in (n for n in DATASETS if PROBLEM_OF[n] == self.problem):
            classes = self.classes if name in MULTICLASS_DATASETS else 2
            X, y = playground(name, noise=0, seed=0, n=THUMBNAIL_POINTS, classes=classes)
            rows.append(np.column_stack([X, y]))
        self._thumbnails = np.concatenate(rows).astype(np.float32).tobytes()

    # --- the original's buttons --------------------------------------------------------------

    def reset(self):
        """New initial weights (the seeded stream goes on, as in the original); same points."""
        self.playing = False
        self._new_network()

    def regenerate(self):
        """New points from the generator, with a new seed, as the original's button does."""
        if self.dataset == CUSTOM:
            raise ValueError(
                "regenerate() draws new points from a generator, but this Playground shows your "
                "own points (set_data); choose a dataset first"
            )
        self.playing = False
        self.seed = _random_seed()

    # --- Python-only members -----------------------------------------------------------------

    @property
    def history(self) -> np.recarray:
        """One row per epoch: epoch, train_loss, test_loss (and train/test accuracy for
        classification); ``pg.history[-1]`` is the last row, ``pg.history.train_loss`` a column."""
        with self._lock:
            return self._run.history()

    @property
    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Every layer's ``(W, b)``, input layer first; ``W`` has shape (inputs, outputs)."""
        with self._lock:
            return self._run.weights()

    def set_weights(self, weights) -> None:
        """Replace every weight and bias; ``weights`` as ``pg.weights`` gives them."""
        current = self._run.weights()
        if isinstance(weights, (str, bytes)) or not hasattr(weights, "__len__"):
            raise TypeError(f"weights must be a list of (W, b) pairs, got {type(weights).__name__}")
        if len(weights) != len(current):
            raise ValueError(f"weights must hold {len(current)} (W, b) pairs, got {len(weights)}")
        checked = []
        for index, (pair, (W0, b0)) in enumerate(zip(weights, current, strict=True)):
            try:
                W, b = pair
            except (TypeError, ValueError):
                raise ValueError(f"weights[{index}] must be a (W, b) pair") from None
            W = _finite_array(f"weights[{index}][0]", W)
            b = _finite_array(f"weights[{index}][1]", b)
            if W.shape != W0.shape or b.shape != b0.shape:
                raise ValueError(
                    f"weights[{index}] must have shapes W {W0.shape} and b {b0.shape}, "
                    f"got W {W.shape} and b {b.shape}"
                )
            checked.append((W, b))
        with self._lock:
            self._run.set_weights(checked)
        self._after_change()

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Set the weight from neuron `i` of layer `layer` to neuron `j` of the next (live)."""
        self._edit(layer, i, j, value)

    def set_bias(self, layer: int, j: int, value: float) -> None:
        """Set the bias of neuron `j` in the layer that weight layer `layer` feeds (live)."""
        self._edit(layer, None, j, value)

    def _edit(self, layer, i, j, value):
        with self._lock:
            self._edit_locked(layer, i, j, value)

    def _edit_locked(self, layer, i, j, value):
        weights = self._run.weights()
        _index("layer", layer, len(weights))
        W, b = weights[layer]
        if i is not None:
            _index("i", i, W.shape[0])
        _index("j", j, W.shape[1])
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"value must be a number, got {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"value must be finite, got {value!r}")
        if i is None:
            b[j] = value
        else:
            W[i, j] = value
        with self._lock:
            self._run.set_weights(weights)
        self._after_change()

    def set_data(self, X, y, X_test=None, y_test=None) -> None:
        """Train on your own 2-D points (within [-6, 6]²) instead of a generator's.

        Classification labels are ±1 (0/1 accepted) for two classes, or class indices 0, 1, 2, ...
        for up to five (``classes`` follows them); regression takes any finite targets. Training
        walks the points in the order given. Without ``X_test``, ``train_ratio`` splits them as
        the generators' points are split.
        """
        classify = self.problem == "classification"
        X, y = _check_points("X", X, "y", y)
        if (X_test is None) != (y_test is None):
            raise ValueError("X_test and y_test go together: give both or neither")
        if X_test is not None:
            X_test, y_test = _check_points("X_test", X_test, "y_test", y_test, empty=True)
            if classify:
                y, y_test = _class_labels(np.concatenate([y, y_test]), "y and y_test", len(y))
        elif classify:
            y = _class_labels(y, "y")[0]
        if X_test is None:
            split_train_test(X, y, self.train_ratio)  # fails now if the ratio leaves nothing
        self.playing = False
        self._use_points((X, y, X_test, y_test))

    def _use_points(self, custom, keep_network=False):
        """Make `custom` (X, y, X_test or None, y_test or None) the points, `classes` following
        their labels; a new network unless `keep_network` (points drawn by hand)."""
        with self._lock:
            self._custom = custom
            self._keep_network = keep_network
            try:
                if self.dataset == CUSTOM:
                    self._new_points()
                else:
                    self.dataset = CUSTOM
                if self.problem == "classification":
                    needed = _classes_of(custom)
                    if needed == 2 or self.classes < needed:
                        self.classes = needed  # a new network for the new output layer
            finally:
                self._keep_network = False

    @property
    def data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The points in use: ``X_train, y_train, X_test, y_test``."""
        with self._lock:
            return tuple(np.array(a) for a in self._points_of_run)

    def add_point(self, x1: float, x2: float, label: float) -> None:
        """Add a training point at (x1, x2), as a click on the output view does; the network
        trains on. `label`: ±1 for two classes, the class index for more, a target in [-1, 1]
        for regression. The data set becomes "custom"."""
        position = _plane_point(x1, x2)
        label = self._check_label(label)
        with self._lock:
            X, y, X_test, y_test = self._points_of_run
            X, y = np.vstack([X, position]), np.append(y, label)
            self._use_points((X, y, X_test, y_test), keep_network=True)

    def remove_point(self, x1: float, x2: float) -> None:
        """Remove the point nearest to (x1, x2) within 0.5 (a test point only while test data is
        shown), as a shift-click on the output view does; the data set becomes "custom"."""
        position = _plane_point(x1, x2)
        with self._lock:
            X, y, X_test, y_test = self._points_of_run
            sets = [X, X_test] if self.show_test_data else [X]
            distances = [np.hypot(*(points - position).T) for points in sets]
            best = [(d.min(), i) if len(d) else (np.inf, i) for i, d in enumerate(distances)]
            distance, which = min(best)
            if distance > REMOVE_RADIUS:
                raise ValueError(f"no point within {REMOVE_RADIUS} of ({x1:.2f}, {x2:.2f})")
            row = int(np.argmin(distances[which]))
            if which == 0:
                if len(X) == 1:
                    raise ValueError("the last training point stays: training needs one")
                X, y = np.delete(X, row, axis=0), np.delete(y, row)
            else:
                X_test, y_test = np.delete(X_test, row, axis=0), np.delete(y_test, row)
            self._use_points((X, y, X_test, y_test), keep_network=True)

    def _check_label(self, label) -> float:
        if (
            isinstance(label, bool)
            or not isinstance(label, numbers.Real)
            or not math.isfinite(label)
        ):
            raise TypeError(f"label must be a finite number, got {label!r}")
        if self.problem == "regression":
            if not -1 <= label <= 1:
                raise ValueError(f"label must be a target between -1 and 1, got {label!r}")
        elif self.classes > 2:
            if label not in range(self.classes):
                raise ValueError(f"label must be a class, 0 to {self.classes - 1}, got {label!r}")
        elif label not in (-1, 1):
            raise ValueError(f"label must be -1 or 1 for two classes, got {label!r}")
        return float(label)

    def hide(self, *controls: str) -> None:
        """Remove controls from the view (course sheets); names from ``CONTROLS``."""
        self.hidden_controls = [*self.hidden_controls, *controls]

    def lock(self, *controls: str) -> None:
        """Show controls but refuse their use (course sheets); names from ``CONTROLS``."""
        self.locked_controls = [*self.locked_controls, *controls]

    @classmethod
    def preset(cls, name: str, **overrides) -> "Playground":
        """A Playground with a network that solves data set `name` (see playground_presets)."""
        return cls(**{**preset_config(name), **overrides})

    @property
    def metrics(self) -> dict:
        """How good the network is now, on the training and the test points.

        Classification: ``accuracy`` and ``confusion``, counts with a row per true class and a
        column per predicted class, in class order (two classes: −1 then +1, predicted by the
        output's sign; more: 0, 1, ..., predicted by the most probable). Regression: ``r2`` and
        ``rmse``.
        """
        with self._lock:
            run = self._run
            X, y, X_test, y_test = run.inputs
            result = {}
            for name, inputs, targets in (("train", X, y), ("test", X_test, y_test)):
                if len(inputs) == 0:
                    result[name] = None
                    continue
                out = run.outputs(inputs).astype(np.float64)
                targets = np.asarray(targets, np.float64)
                if not run.classification:
                    result[name] = _regression_metrics(out, targets)
                elif out.ndim == 1:  # one output: its sign against the label's, as class 0 or 1
                    result[name] = _classification_metrics(out >= 0, targets > 0, 2)
                else:
                    predicted = np.argmax(out, axis=1)
                    result[name] = _classification_metrics(predicted, targets, out.shape[1])
            return result

    # --- sharing -----------------------------------------------------------------------------

    def _config(self) -> dict:
        return {
            "dataset": self.dataset,
            "problem": self.problem,
            "noise": self.noise,
            "train_ratio": self.train_ratio,
            "batch_size": self.batch_size,
            "features": tuple(self.features),
            "hidden": tuple(self.hidden),
            "activation": self.activation,
            "learning_rate": self.learning_rate,
            "regularization": self.regularization,
            "regularization_rate": self.regularization_rate,
            "seed": self.seed,
            "show_test_data": self.show_test_data,
            "discretize": self.discretize,
            "init_zero": self.init_zero,
        }

    def to_url(self, base: str = "https://playground.tensorflow.org/") -> str:
        """A playground.tensorflow.org link to this configuration (not its trained weights)."""
        if self.dataset == CUSTOM:
            raise ValueError("your own points (set_data) cannot travel in a playground link")
        if self.problem == "classification" and self.classes > 2:
            raise ValueError(
                f"playground.tensorflow.org has two classes; classes={self.classes} cannot "
                "travel in its links (save() keeps everything)"
            )
        hide = tuple(name for name in self.hidden_controls if name in HIDABLE)
        return playground_url({**self._config(), "hide": hide}, base)

    @classmethod
    def from_url(cls, url: str, **overrides) -> "Playground":
        """A Playground as a playground.tensorflow.org link describes it."""
        config = parse_playground_url(url)
        hide = config.pop("hide")
        return cls(**{**config, "hidden_controls": list(hide), **overrides})

    def to_dict(self) -> dict:
        """The whole configuration, the weights and the epoch, as JSON-safe data."""
        config = self._config()
        config["features"], config["hidden"] = list(config["features"]), list(config["hidden"])
        result = {
            "config": config,
            "hidden_controls": list(self.hidden_controls),
            "locked_controls": list(self.locked_controls),
            "epochs_per_frame": self.epochs_per_frame,
            "classes": self.classes,
            "epoch": self.epoch,
            "weights": [{"W": W.tolist(), "b": b.tolist()} for W, b in self.weights],
        }
        if self.dataset == CUSTOM:
            X, y, X_test, y_test = self._custom
            result["points"] = {
                "X": X.tolist(),
                "y": y.tolist(),
                "X_test": None if X_test is None else X_test.tolist(),
                "y_test": None if y_test is None else y_test.tolist(),
            }
        return result

    @classmethod
    def from_dict(cls, d: dict) -> "Playground":
        """A Playground from ``to_dict()``'s data: same configuration, points and weights."""
        if not isinstance(d, dict) or not isinstance(d.get("config"), dict):
            raise ValueError("from_dict needs a dict with a 'config' dict, as to_dict() gives")
        config = dict(d["config"])
        unknown = set(config) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"unknown configuration keys {sorted(unknown)}")
        points = d.get("points")
        dataset = config.pop("dataset", "circle")
        extra = {
            key: d[key]
            for key in ("hidden_controls", "locked_controls", "epochs_per_frame", "classes")
            if key in d
        }
        # Your own points set the classes from their labels; more may have been chosen.
        classes = extra.pop("classes", 2) if dataset == CUSTOM else None
        pg = cls(dataset="circle" if dataset == CUSTOM else dataset, **config, **extra)
        if dataset == CUSTOM:
            if not isinstance(points, dict):
                raise ValueError("a Playground on your own points needs them under 'points'")
            pg.set_data(points["X"], points["y"], points.get("X_test"), points.get("y_test"))
            if pg.problem == "classification" and classes > pg.classes:
                pg.classes = classes
        if "weights" in d:
            pg.set_weights([(layer["W"], layer["b"]) for layer in d["weights"]])
        return pg

    def export_numpy(self, path) -> None:
        """The weights as a NumPy .npz file: W0, b0, W1, b1, ... (W of shape (inputs, outputs))."""
        arrays = {}
        for index, (W, b) in enumerate(self.weights):
            arrays[f"W{index}"], arrays[f"b{index}"] = W, b
        np.savez(path, **arrays)

    def to_keras_code(self) -> str:
        """Python source that builds this network in Keras 3, with these weights, to run it there.

        The inputs are the Playground's features in `features` order; the output is tanh for two
        classes (labels ±1), softmax over the classes for more, linear for regression, as here.
        """
        lines = [
            "import keras",
            "import numpy as np",
            "",
            f"# inputs: {', '.join(self.features)}",
            "model = keras.Sequential([",
            f"    keras.layers.Input(({len(self.features)},)),",
        ]
        weights = self.weights
        with self._lock:
            output = self._run.network.output_activation
        for index, (W, _) in enumerate(weights):
            activation = output if index == len(weights) - 1 else self.activation
            lines.append(f"    keras.layers.Dense({W.shape[1]}, activation={activation!r}),")
        lines += ["])", "model.set_weights(["]
        for W, b in weights:
            lines.append(f"    np.array({W.tolist()!r}, dtype='float32'),")
            lines.append(f"    np.array({b.tolist()!r}, dtype='float32'),")
        lines.append("])")
        return "\n".join(lines) + "\n"

    def save(self, path) -> None:
        """Write everything to a JSON file: configuration, points, weights and history."""
        with self._lock:
            saved = self.to_dict()
            X, y, X_test, y_test = self._points_of_run
            saved["data"] = {
                "X_train": X.tolist(),
                "y_train": y.tolist(),
                "X_test": X_test.tolist(),
                "y_test": y_test.tolist(),
            }
            rows = self._run.history_rows()
            saved["history"] = np.where(np.isfinite(rows), rows, None).tolist()
        saved = {"format": SAVE_FORMAT, "version": SAVE_VERSION, **saved}
        Path(path).write_text(json.dumps(saved))

    @classmethod
    def load(cls, path) -> "Playground":
        """A Playground as `save` left it: same points, weights and history (never pickle)."""
        try:
            saved = json.loads(Path(path).read_text())
        except json.JSONDecodeError as error:
            raise ValueError(f"{path} is not a saved Playground: {error}") from None
        if not isinstance(saved, dict) or saved.get("format") != SAVE_FORMAT:
            raise ValueError(f"{path} is not a saved Playground (no format {SAVE_FORMAT!r})")
        if saved.get("version") != SAVE_VERSION:
            raise ValueError(
                f"{path} has version {saved.get('version')!r}; this reads {SAVE_VERSION}"
            )
        for key in ("config", "weights", "data", "history"):
            if key not in saved:
                raise ValueError(f"{path} has no {key!r}: it is not a whole saved Playground")
        pg = cls.from_dict(saved)
        data = saved["data"]
        try:
            points = [
                np.asarray(data[k], np.float64) for k in ("X_train", "y_train", "X_test", "y_test")
            ]
            history = np.array(saved["history"], dtype=np.float64).reshape(-1, 5)
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}: its data or history is malformed: {error}") from None
        same = all(
            a.shape == b.shape and np.allclose(a, b, rtol=0, atol=1e-9)
            for a, b in zip(points, pg._points_of_run, strict=True)
        )
        if not same:  # the generator's points differ from those saved: keep the saved ones
            weights = pg.weights
            pg.set_data(points[0], points[1], points[2], points[3])
            pg.set_weights(weights)
        with pg._lock:
            pg._run.restore_history(history)
        pg._after_change()
        return pg

    def to_html(self, path=None) -> str | None:
        """A self-contained web page that replays this run's training: a handful of moments
        recorded as it trained, interpolated in between. It opens in a browser without a kernel
        or a network. Written to `path` if given, else returned as a string."""
        with self._lock:
            run = self._run
            now = Snapshot(run.epoch, self._frame_traits(output_neuron=None), run.figures)
            page = replay_page(self.get_state(), self._recording.until(now))
        if path is None:
            return page
        write_page(path, page)
        return None

    # --- training ----------------------------------------------------------------------------

    def _train(self, epochs: int) -> int:
        """Train on the kernel's thread; returns the epochs run. Pauses and explains divergence."""
        with self._lock:
            run = self._run
            shape = run.shape
            if shape not in self._seen_shapes:
                self.status = "Preparing this network (compiling; once per shape)…"
            if self._recording.due(run.epoch):  # before the chunk: the run's start is kept too
                frame = self._frame_traits(output_neuron=None)  # the output, whatever is hovered
                self._recording.add(Snapshot(run.epoch, frame, run.figures))
            done = run.train(epochs, self.learning_rate, self.regularization_rate)
            self._seen_shapes.add(shape)
            diverged = run.diverged
        with self.hold_sync():
            self.status = ""
            if diverged:
                self.playing = False
                self.diverged = True
                self.status = (
                    f"Training stopped at epoch {run.epoch + 1:,}: the loss or a weight is no "
                    f"longer finite (it diverged) at learning rate {self.learning_rate:g}. Try a "
                    "lower learning rate, then press Reset."
                )
        self._stale = True
        return done  # the live state goes out with the next frame (_publish)

    def _sync_figures(self):
        run = self._run
        self.epoch = run.epoch
        for name, value in run.figures.items():
            setattr(self, name, value)

    def _can_train(self) -> bool:
        return not self.diverged  # nothing finite to train on: the status says to reset

    async def _play_loop(self):
        sizer = ChunkSizer(CHUNK_TARGET_S)
        try:
            while self.playing and not self.diverged:
                # Each chunk makes one frame: wait until the browser can take it.
                if not await wait_for_frame_slot(self._pacer, lambda: self.playing):
                    break
                run = self._run
                start = time.perf_counter()
                done = self._train(sizer.epochs(self.epochs_per_frame))
                if done and run is self._run:
                    sizer.measured(time.perf_counter() - start, done)
                    rate = self._speed.add(done)
                    if rate is not None:
                        self.epochs_per_second = rate
                self._publish()
                await asyncio.sleep(YIELD_S)
        finally:
            self._task = None
            self.epochs_per_second = 0.0
            self._publish(force=True)  # the last frame always goes out

    # --- frames ------------------------------------------------------------------------------

    def _frame_traits(self, output_neuron="hovered") -> dict:
        """A frame's traits; the output view shows `output_neuron`, by default the hovered one."""
        run = self._run
        if output_neuron == "hovered":
            output_neuron = self._output_neuron
        return {
            "_weights": run.weights_bytes(),
            "_maps": run.neuron_maps(THUMBNAIL_RESOLUTION).tobytes(),
            "_output_map": run.map_of(output_neuron, OUTPUT_RESOLUTION),
            "_loss_curve": run.loss_curve(),
        }

    def _repr_mimebundle_(self, **kwargs):
        if self._stale:
            self._publish(force=True, unviewed=True)
        return super()._repr_mimebundle_(**kwargs)

    # --- from the browser --------------------------------------------------------------------

    def set_state(self, sync_data):
        """Apply the browser's changes, refusing locked controls and bad values, all or nothing."""
        with self._lock:
            self._apply_browser_state(sync_data)

    def _apply_browser_state(self, sync_data):
        refused = None
        for name in sync_data:
            if name not in _CONTROL_OF_TRAIT:
                refused = (name, f"{name} is set by the kernel only")
            elif self._locked(name, sync_data[name]):
                refused = (name, f"{name} is locked on this sheet")
        if refused is None:
            before = {name: getattr(self, name) for name in sync_data}
            try:
                super().set_state(sync_data)
            except (traitlets.TraitError, ValueError, TypeError, RuntimeError) as error:
                refused = (next(iter(sync_data)), str(error))
                with contextlib.suppress(Exception), self.hold_trait_notifications():
                    for name, value in before.items():
                        setattr(self, name, value)
        if refused is not None:
            name, message = refused
            self.send_state(list(sync_data))  # the controls snap back
            self.send({"type": "refused", "control": name, "message": message})

    def _locked(self, name, value) -> bool:
        blocked = set(self.locked_controls) | set(self.hidden_controls)
        if name == "features":
            changed = set(value) ^ set(self.features)
            return bool(changed & blocked)
        return _CONTROL_OF_TRAIT[name] in blocked

    def _on_message(self, _widget, content, _buffers):
        with self._lock:
            self._handle_message(content)

    def _handle_message(self, content):
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        self._pacer.viewed = True  # whatever it says, a view said it
        if kind == "drawn":
            self._pacer.acknowledge(content.get("frame"))
            if self._stale and not self.playing:
                self._publish(force=True)
            return
        blocked = set(self.locked_controls) | set(self.hidden_controls)
        try:
            if kind == "command":
                name = content.get("name")
                if name not in ("play", "pause", "step", "reset", "regenerate"):
                    raise ValueError(f"unknown command {name!r}")
                if name in blocked or (name == "pause" and "play" in blocked):
                    raise ValueError(f"{name} is locked on this sheet")
                getattr(self, name)()
            elif kind == "hover":
                neuron = content.get("neuron")
                if neuron not in (None, *FEATURES):
                    self._run.neuron_row(neuron)  # ValueError for a neuron that is not there
                self._output_neuron = neuron
                self._publish(force=True)
            elif kind in ("add_point", "remove_point"):
                if "draw" in blocked:
                    raise ValueError("drawing points is locked on this sheet")
                x = (content.get("x1"), content.get("x2"))
                if kind == "add_point":
                    self.add_point(*x, content.get("label"))
                else:
                    self.remove_point(*x)
            elif kind in ("set_weight", "set_bias"):
                if "weights" in blocked:
                    raise ValueError("weights are locked on this sheet")
                value = float(content.get("value"))
                if kind == "set_weight":
                    self.set_weight(content.get("layer"), content.get("i"), content.get("j"), value)
                else:
                    self.set_bias(content.get("layer"), content.get("j"), value)
        except (ValueError, TypeError, RuntimeError) as error:
            control = "draw" if kind in ("add_point", "remove_point") else str(kind)
            self.send({"type": "refused", "control": control, "message": str(error)})


class _SpeedMeter:
    """Epochs per second over the last half second of training."""

    WINDOW_S = 0.5

    def __init__(self):
        self._start = None
        self._epochs = 0

    def add(self, epochs: int) -> float | None:
        now = time.perf_counter()
        if self._start is None:
            self._start, self._epochs = now, 0
            return None
        self._epochs += epochs
        elapsed = now - self._start
        if elapsed < self.WINDOW_S:
            return None
        rate = self._epochs / elapsed
        self._start, self._epochs = now, 0
        return rate


def _classification_metrics(predicted, actual, classes) -> dict:
    """Accuracy and the confusion matrix (true class by row, predicted by column) of classes."""
    predicted, actual = np.asarray(predicted, int), np.asarray(actual, int)
    confusion = np.zeros((classes, classes), int)
    np.add.at(confusion, (actual, predicted), 1)
    return {"accuracy": float(np.mean(predicted == actual)), "confusion": confusion.tolist()}


def _regression_metrics(out, targets) -> dict:
    residual = np.sum((targets - out) ** 2)
    spread = np.sum((targets - targets.mean()) ** 2)
    return {
        "r2": float(1 - residual / spread) if spread > 0 else float("nan"),
        "rmse": float(np.sqrt(residual / len(targets))),
    }


def _random_seed() -> str:
    """A seed as the original draws one: five decimals of a random number."""
    return f"{np.random.default_rng().random():.5f}"


def _index(name, value, size):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if not 0 <= value < size:
        raise ValueError(f"{name} must be between 0 and {size - 1}, got {value}")


def _finite_array(name, value) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of numbers: {error}") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite, got NaN or infinity")
    return array


def _check_points(x_name, X, y_name, y, empty=False):
    X, y = _finite_array(x_name, X), _finite_array(y_name, y)
    if X.size == 0 and empty:
        X = X.reshape(0, 2)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"{x_name} must have shape (n, 2), got {X.shape}")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError(f"{y_name} must have shape ({len(X)},) to match {x_name}, got {y.shape}")
    if len(X) == 0 and not empty:
        raise ValueError(f"{x_name} must hold at least one point")
    outside = np.abs(X) > PLANE
    if outside.any():
        row = int(np.argwhere(outside.any(axis=1))[0, 0])
        raise ValueError(
            f"{x_name} must lie within [-6, 6]² (the plane the Playground draws); row {row} is "
            f"{X[row].tolist()}: scale your points first"
        )
    return X, y


def _class_labels(labels, name, split=None):
    """Classification labels as the network takes them: ±1 for two classes (0/1 accepted), else
    class indices 0 to MAX_CLASSES - 1; split back at `split` rows (train, test)."""
    values = set(np.unique(labels).tolist())
    if values <= {0.0, 1.0} and 0.0 in values:
        labels = np.where(labels > 0, 1.0, -1.0)
    elif not (values <= {-1.0, 1.0} or values <= set(map(float, range(MAX_CLASSES)))):
        raise ValueError(
            f"{name} must hold class labels -1 and 1 (or 0 and 1), or class indices 0 to "
            f"{MAX_CLASSES - 1}, for classification, got {sorted(values)[:5]}; for targets "
            "set problem='regression' first"
        )
    return labels[:split], labels[split:]


def _plane_point(x1, x2) -> np.ndarray:
    position = _finite_array("x1, x2", [x1, x2])
    if np.any(np.abs(position) > PLANE):
        raise ValueError(f"points must lie within [-6, 6]², got ({x1}, {x2})")
    return position


def _classes_of(custom) -> int:
    """Classes of custom points' labels: 2 for ±1, else the largest class index + 1."""
    labels = np.concatenate([custom[1], custom[3] if custom[3] is not None else []])
    if np.all(np.abs(labels) == 1):
        return 2
    return int(labels.max()) + 1


def _two_classes_only(dataset, classes) -> str:
    return (
        f"dataset {dataset!r} has two classes; for classes={classes} choose "
        f"{' or '.join(map(repr, MULTICLASS_DATASETS))}, or your own points (set_data)"
    )


def _split_custom(custom, train_ratio) -> Points:
    X, y, X_test, y_test = custom
    if X_test is None:
        return Points(*split_train_test(X, y, train_ratio))
    return Points(X, y, X_test, y_test)
