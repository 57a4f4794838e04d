"""What a Playground trains, apart from any widget: its points, its network, its history.

A ``PlaygroundRun`` holds one network on one set of points. The widget makes a new one whenever
the original would reset (a new shape, activation, regularisation, batch size or data) and keeps
it while the learning rate changes or a weight is edited.
"""

import functools
import threading
from typing import NamedTuple

import numpy as np

from ... import engine
from ...data.features import FEATURES, feature_matrix, grid_points
from ...engine import numpy_forward
from ...engine.inputs import PROBLEMS
from .. import binary
from .points import Points

# The output view's resolution: the original's 100 × 100 samples.
OUTPUT_RESOLUTION = 100
# Each neuron's small map on the diagram: the original draws 10 × 10 at 30 CSS pixels; 24 × 24
# stays sharp at twice that size on a high-DPI screen, and is 576 bytes a neuron per frame.
THUMBNAIL_RESOLUTION = 24
# Points drawn by hand train on data padded to a multiple of this many rows: a new kernel compiles
# (1-2 s) only when a drawing crosses a multiple, not at every click.
PAD_ROWS = 256
# Rows of the loss chart: about one per pixel of its width.
LOSS_CURVE_POINTS = 400


class Network(NamedTuple):
    """The static description of the network and how it trains (all of it resets on change)."""

    features: tuple  # input feature names, in FEATURES order
    hidden: tuple  # neurons per hidden layer
    activation: str
    problem: str  # "classification" (tanh output) or "regression" (linear output)
    batch_size: int
    regularization: str | None
    classes: int = 2  # classification: 2 is the original; 3-5 is one softmax output per class

    @property
    def outputs(self) -> int:
        """Output neurons: one, or one per class with more than two classes."""
        return self.classes if self.problem == "classification" and self.classes > 2 else 1

    @property
    def sizes(self) -> list[int]:
        """Neurons per layer, inputs first."""
        return [len(self.features), *self.hidden, self.outputs]

    @property
    def output_activation(self) -> str:
        """The output layer's activation: softmax, tanh or linear."""
        if self.outputs > 1:
            return "softmax"
        return PROBLEMS[self.problem]


@functools.cache
def _output_kernel():
    """The output layer's values, jitted (op by op, a reset spent 3 ms on dispatch alone)."""
    import jax

    return jax.jit(
        lambda params, X, hidden, output: engine.forward(params, X, hidden, output)[-1],
        static_argnums=(2, 3),
    )


_GRIDS: dict = {}


def grid_features(features: tuple, resolution: int) -> np.ndarray:
    """The features of a resolution² grid over [-6, 6]², image order (cached: they never change)."""
    key = (features, resolution)
    if key not in _GRIDS:
        _GRIDS[key] = feature_matrix(grid_points(resolution), features)
    return _GRIDS[key]


def _frame_grid(features: tuple) -> np.ndarray:
    """The thumbnails' grid then the output view's, one array (cached)."""
    key = (features, "frame")
    if key not in _GRIDS:
        _GRIDS[key] = np.concatenate(
            [grid_features(features, r) for r in (THUMBNAIL_RESOLUTION, OUTPUT_RESOLUTION)]
        )
    return _GRIDS[key]


def loss_and_accuracy(out, targets, classification: bool) -> tuple[float, float]:
    """The Playground's loss and accuracy of outputs `out` for `targets`, as the engine reports
    them: output values (n,) with ½(o − t)² and the sign, or class probabilities (n, K) with
    cross-entropy and the most probable class. Accuracy is NaN for regression."""
    if out.ndim == 2:
        labels = targets.astype(int)
        picked = out[np.arange(len(labels)), labels]
        loss = float(np.mean(-np.log(np.maximum(picked, np.finfo(np.float32).tiny))))
        return loss, float(np.mean(np.argmax(out, axis=1) == labels))
    loss = float(np.mean(0.5 * (out - targets) ** 2))
    return loss, float(np.mean((out >= 0) == (targets > 0))) if classification else np.nan


def initial_params(network: Network, random, init_zero: bool = False) -> list[dict]:
    """The weights a new Playground starts with.

    Args:
        network: The network.
        random: The seeded stream to draw from (see ``points.weight_stream``).
        init_zero: Start every weight and bias at 0 instead, as the original's ``initZero``.

    Returns:
        The parameters, a ``{"W", "b"}`` dict per layer, input side first.
    """
    params = engine.init_playground_params(network.sizes, random=random)
    if init_zero:
        params = [{"W": np.zeros_like(p["W"]), "b": np.zeros_like(p["b"])} for p in params]
    return params


def network_inputs(points: Points, features: tuple) -> tuple:
    """What the engine trains on: the points' features and their labels, train then test.

    Args:
        points: The points.
        features: The input features, in FEATURES order.

    Returns:
        ``(X_train, y_train, X_test, y_test)``: float32 features (rows, len(features)) and
        float32 labels or targets.
    """
    empty = np.zeros((0, len(features)), np.float32)
    return (
        feature_matrix(points.X_train, features),
        np.asarray(points.y_train, np.float32),
        feature_matrix(points.X_test, features) if len(points.X_test) else empty,
        np.asarray(points.y_test, np.float32),
    )


def feature_maps(resolution: int) -> bytes:
    """Every feature's map over the plane, FEATURES order, as the front end draws input nodes."""
    return binary.quantized(grid_features(FEATURES, resolution).T)


class HistoryRows:
    """Rows [epoch, train_loss, test_loss, train_accuracy, test_accuracy] added chunk by chunk to
    one buffer that doubles when full. Reading them all is a view, not a copy: the diagnosis and
    the loss chart read them at every frame, and a concatenation of every chunk at each read
    took a tenth of a playing kernel's time (py-spy)."""

    def __init__(self):
        self._buffer = np.zeros((0, 5))
        self._count = 0

    def extend(self, rows: np.ndarray) -> None:
        """Add `rows` (n, 5) after the others."""
        end = self._count + len(rows)
        if end > len(self._buffer):
            grown = np.zeros((max(end, 2 * len(self._buffer), 1024), 5))
            grown[: self._count] = self._buffer[: self._count]
            self._buffer = grown
        self._buffer[self._count : end] = rows
        self._count = end

    def rows(self) -> np.ndarray:
        """Every row so far, (epochs, 5): a view, valid until the next ``extend``."""
        return self._buffer[: self._count]


def engine_loaded() -> bool:
    """Whether the JAX engine has loaded in this process (a run then starts on it at once)."""
    return _ENGINE_LOADED.is_set()


_ENGINE_LOADED = threading.Event()


class PlaygroundRun:
    """One network training on one set of points by the Playground's rule.

    ``random`` draws the initial weights (the original continues the data's seeded stream);
    ``init_zero`` starts every weight and bias at 0, as the original's ``initZero`` link key.
    ``padded`` trains on the points padded to buckets of ``PAD_ROWS`` rows, so that points
    added or removed one by one (drawn by hand) reuse one compiled kernel.

    Until the JAX engine has loaded, a run computes what it shows (outputs, maps, figures) with
    NumPy from its weights; ``prepare_in_background`` loads JAX and compiles the run's kernels
    on another thread meanwhile, and the first training waits for that.
    """

    def __init__(
        self, network: Network, points: Points, random=None, init_zero=False, padded=False
    ):
        self.network = network
        self._lock = threading.RLock()
        self._preparing = None  # the thread loading JAX and compiling, while it runs
        self._params = initial_params(network, random, init_zero)  # NumPy, until the state
        self._version = 0  # counts changes of the weights: the frame's maps are kept per version
        self._frame_maps = (-1, None)
        self._state = engine.init_state(self._params) if engine_loaded() else None
        self.padded = padded
        self.epoch = 0
        self.diverged = False
        self._history = HistoryRows()
        self.replace_points(points)

    @property
    def state(self):
        """The engine's ``TrainState``: made (loading JAX) the first time it is needed, once
        any preparation on another thread has ended."""
        preparing = self._preparing
        if preparing is not None and preparing is not threading.current_thread():
            preparing.join()
        with self._lock:
            if self._state is None:
                self._state = engine.init_state(self._params)
                _ENGINE_LOADED.set()
            return self._state

    @state.setter
    def state(self, value) -> None:
        with self._lock:
            self._state = value
            self._version += 1

    def prepare_in_background(self) -> None:
        """Load JAX and compile this run's kernels on another thread, unless JAX has loaded;
        what the run shows meanwhile comes from NumPy, and training waits for it to end."""
        if self._state is not None or self._preparing is not None:
            return
        self._preparing = threading.Thread(
            target=self._prepare, name="nnwidgets-prepare", daemon=True
        )
        self._preparing.start()

    def _prepare(self) -> None:
        try:
            state = self.state
            self._train_kernel(state, 1, 0.0, 0.0)  # compiles; the result is dropped
            self.outputs(self.inputs[0])
            self._frame_maps = (-1, None)
            self.neuron_maps(OUTPUT_RESOLUTION)
            engine.runtime.release_freed_memory()  # what loading JAX and compiling left behind
        finally:
            self._preparing = None

    def _numpy_params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(p["W"], p["b"]) for p in self._params]

    def replace_points(self, points: Points) -> None:
        """Train on `points` from now on, keeping the weights and the history."""
        self.points = points
        self.inputs = network_inputs(points, self.network.features)
        self._figures = self._evaluate()

    @property
    def shape(self) -> tuple:
        """What a compiled kernel depends on: the network and the (padded) data sizes."""
        return (self.network, *self._pad_to())

    def _pad_to(self) -> tuple[int, int]:
        sizes = (len(self.points.X_train), len(self.points.X_test))
        if not self.padded:
            return sizes
        return tuple(-(-n // PAD_ROWS) * PAD_ROWS for n in sizes)

    @property
    def classification(self) -> bool:
        """Whether the run classifies (else it is a regression)."""
        return self.network.problem == "classification"

    def train(self, epochs: int, learning_rate: float, regularization_rate: float) -> int:
        """Train `epochs` epochs (fewer if training diverges); returns how many ran."""
        if self.diverged or epochs <= 0:
            return 0
        self.state, result = self._train_kernel(
            self.state, epochs, learning_rate, regularization_rate
        )
        done = result.epochs_done
        if done:
            epochs_column = np.arange(self.epoch + 1, self.epoch + done + 1, dtype=np.float64)
            nan = np.full(done, np.nan)
            rows = np.column_stack(
                [
                    epochs_column,
                    result.train_loss,
                    result.test_loss,
                    result.train_accuracy if self.classification else nan,
                    result.test_accuracy if self.classification else nan,
                ]
            )
            self._history.extend(rows)
            self._figures = rows[-1, 1:]
            self.epoch += done
        self.diverged = result.diverged
        return done

    def _train_kernel(self, state, epochs, learning_rate, regularization_rate):
        net = self.network
        return engine.train(
            state,
            *self.inputs,
            epochs=int(epochs),
            batch_size=net.batch_size,
            learning_rate=learning_rate,
            regularization=net.regularization,
            regularization_rate=regularization_rate,
            activation=net.activation,
            problem=net.problem,
            accuracy=self.classification,
            pad_to=self._pad_to() if self.padded else None,
        )

    def _evaluate(self) -> np.ndarray:
        """Train loss, test loss, train and test accuracy of the current weights."""
        X, y, X_test, y_test = self.inputs
        figures = []
        for inputs, targets in ((X, y), (X_test, y_test)):
            if len(inputs) == 0:
                figures.append((np.nan, np.nan))
                continue
            figures.append(loss_and_accuracy(self.outputs(inputs), targets, self.classification))
        (train_loss, train_hits), (test_loss, test_hits) = figures
        return np.array([train_loss, test_loss, train_hits, test_hits])

    def outputs(self, inputs) -> np.ndarray:
        """The output neuron's value per input row (n,); with classes their probabilities (n, K)."""
        net = self.network
        kinds = (net.activation, net.output_activation)
        if self._state is None:
            out = numpy_forward.output(self._numpy_params(), inputs, *kinds)
        else:
            out = np.asarray(_output_kernel()(self._state.params, inputs, *kinds))
        return out if net.outputs > 1 else out[:, 0]

    @property
    def figures(self) -> dict:
        """The latest train and test loss and accuracy (None where there is none)."""
        names = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
        return {
            name: (None if not np.isfinite(value) else float(value))
            for name, value in zip(names, self._figures, strict=True)
        }

    def history(self) -> np.recarray:
        """One row per epoch: epoch, train_loss, test_loss, train_accuracy, test_accuracy."""
        rows = self.history_rows()
        names = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
        columns = [rows[:, 0].astype(np.int64), *rows[:, 1:].T]
        if not self.classification:
            names, columns = names[:3], columns[:3]
        return np.rec.fromarrays(columns, names=names)

    def history_rows(self) -> np.ndarray:
        """(epochs, 5) rows [epoch, train_loss, test_loss, train_accuracy, test_accuracy]."""
        return self._history.rows()

    def restore_history(self, rows) -> None:
        """Take back `history_rows()` saved earlier (the weights are set apart)."""
        rows = np.asarray(rows, np.float64).reshape(-1, 5)
        self._history = HistoryRows()
        self._history.extend(rows)
        self.epoch = int(rows[-1, 0]) if len(rows) else 0

    def loss_curve(self, points: int = LOSS_CURVE_POINTS) -> bytes:
        """float32 rows [epoch, train_loss, test_loss] for the chart, at most `points` of them,
        evenly spread over the epochs, the first and last always included."""
        rows = self.history_rows()
        if len(rows) > points:
            rows = rows[np.unique(np.linspace(0, len(rows) - 1, points).round().astype(int))]
        return binary.float32(rows[:, :3])

    # weights ------------------------------------------------------------------------------------

    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of every layer's (W, b), input side first."""
        params = self._params if self._state is None else self._state.params
        return [
            (np.array(layer["W"], np.float32), np.array(layer["b"], np.float32)) for layer in params
        ]

    def weights_bytes(self) -> bytes:
        """The weights as the front end reads them: each W row-major, then its b, float32."""
        parts = []
        for W, b in self.weights():
            parts += [W.ravel(), b]
        return binary.float32(np.concatenate(parts))

    def set_weights(self, weights) -> None:
        """Replace every weight (list of (W, b) as `weights()` gives); shapes already checked."""
        params = [{"W": np.array(W, np.float32), "b": np.array(b, np.float32)} for W, b in weights]
        with self._lock:
            self._params = params
            self._version += 1
            if self._state is not None:
                self._state = self._state._replace(params=engine.init_state(params).params)
        self.diverged = False
        self._figures = self._evaluate()

    # maps ---------------------------------------------------------------------------------------

    def neuron_maps(self, resolution: int) -> np.ndarray:
        """uint8 (neurons, resolution²) of every hidden and output neuron, layer by layer.

        A frame's two grids (the thumbnails' and the output view's) are computed in one pass,
        kept until the weights change: one kernel call and one compiled kernel, not two.
        """
        if resolution not in (THUMBNAIL_RESOLUTION, OUTPUT_RESOLUTION):
            return self._maps_over(grid_features(self.network.features, resolution))
        version, maps = self._frame_maps
        if version != self._version:
            maps = self._maps_over(_frame_grid(self.network.features))
            self._frame_maps = (self._version, maps)
        start = 0 if resolution == THUMBNAIL_RESOLUTION else THUMBNAIL_RESOLUTION**2
        return maps[:, start : start + resolution**2]

    def _maps_over(self, grid: np.ndarray) -> np.ndarray:
        net = self.network
        kinds = (net.activation, net.output_activation)
        if self._state is None:
            maps = numpy_forward.quantized_neuron_maps(self._numpy_params(), grid, *kinds)
        else:
            maps = np.asarray(engine.quantized_neuron_maps(self._state.params, grid, *kinds))
        return maps[len(net.features) :]

    def map_of(self, neuron: str | None, resolution: int) -> bytes:
        """One neuron's map: a feature name, "layer:index", "output" or "output:k"; None is the
        output view: the output neuron's map, or with classes every class' map in turn."""
        if neuron in FEATURES:
            values = grid_features((neuron,), resolution)[:, 0]
            return binary.quantized(values)
        maps = self.neuron_maps(resolution)
        if neuron is None:
            return binary.uint8(maps[sum(self.network.hidden) :])
        return binary.uint8(maps[self.neuron_row(neuron)])

    def neuron_row(self, neuron: str | None) -> int:
        """Row of `neuron` ("layer:index", "output", "output:k"; None is the output) in
        `neuron_maps`, or ValueError."""
        outputs, first_output = self.network.outputs, sum(self.network.hidden)
        if neuron is None or (neuron == "output" and outputs == 1):
            return first_output
        if isinstance(neuron, str) and neuron.startswith("output"):
            k = neuron.removeprefix("output:")
            if outputs > 1 and k.isdigit() and int(k) < outputs:
                return first_output + int(k)
            names = "output" if outputs == 1 else f"output:0 to output:{outputs - 1}"
            raise ValueError(f"no neuron {neuron!r}: the output neurons are {names}")
        try:
            layer, index = (int(part) for part in str(neuron).split(":"))
        except ValueError:
            raise ValueError(f"no neuron {neuron!r} in this network") from None
        hidden = self.network.hidden
        if not (1 <= layer <= len(hidden) and 0 <= index < hidden[layer - 1]):
            raise ValueError(f"no neuron {neuron!r} in a network of hidden layers {list(hidden)}")
        return sum(hidden[: layer - 1]) + index
