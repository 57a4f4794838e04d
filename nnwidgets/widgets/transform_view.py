"""TransformView: a grid over the input square, the unit vectors î and ĵ and the data, moved
through each stage of each Dense layer (W·x, +b, activation) and animated between the stages in
the browser (the "visual introduction" lesson: the plane shears, rotates, shifts and folds).

The kernel computes every stage once, in numpy, and sends them together as float32 bytes with a
small JSON index; the browser interpolates between stages at the display rate. Stages of
different dimension (a 2-unit stage next to a 3-unit one) are interpolated by padding the
smaller with zeros: a plane of 2-D points is the plane z = 0 of the 3-D space, so going 2 → 3
units lifts the plane out of the floor, and 3 → 2 flattens it onto it."""

import numbers

import numpy as np
import traitlets

from ..model.callbacks import Callback
from . import binary
from ._base import FrontEndWidget
from ._following import FollowsTraining, playground_or_model
from ._model_info import (
    activation_name,
    check_units,
    class_labels,
    input_features,
    layer_index,
)

MAX_POINTS = 2000  # data points drawn; a larger X is shown through a fixed random sample
PLAYGROUND_SQUARE = (-6.0, 6.0)  # the Playground's input square, as its heat maps draw it
MIN_GRID, MAX_GRID = 2, 101


class TransformView(FollowsTraining, FrontEndWidget, Callback):
    """A grid of the input square (its rows and columns as lines), the unit vectors î and ĵ and
    the data points coloured by class, pushed through each layer's stages: W·x, +b and the
    activation, then the next layer. The stage slider and the Play button animate smoothly
    between stages; 2-unit layers are drawn in 2-D, 3-unit layers in 3-D (drag to turn).

    ``TransformView(model)`` (a Sequential with 2 inputs and Dense layers, optionally ``X`` and
    ``y`` for the data points: the square then covers ``X``; without, it is [-1, 1]²); pass it
    to ``fit(callbacks=[...])`` and it follows the training (≤ 10 updates a second).
    ``TransformView(playground)`` uses the Playground's network, its points and its square
    [-6, 6]², and follows it live as it trains; its features must be exactly x1, x2.

    The last hidden layer's final stage carries the output's decision line (w·h + b = 0 in the
    shown units), drawn there: the classes it separates by a straight line.

    Args:
        model_or_playground: A `Sequential` with 2 inputs and Dense layers, or a `Playground`
            whose features are exactly x1, x2.
        X: For a model, the data points, (n, 2); the square then covers them. Not for a
            Playground, which brings its own.
        y: Their classes, given with ``X``.
        layer: One layer to show alone, its input then its stages: an index into
            ``model.layers`` or a name (for a Playground, 0 is the first hidden layer).
        grid: Points per side of the grid.
        units: Which units of layers wider than 3 to show: ``(i, j)`` or ``(i, j, k)`` for every
            such layer, or ``{layer: (i, j, k)}``; by default the first 3.
        max_points: More data points are shown through a fixed random sample of this many.
        **kwargs: Passed to the widget (e.g. ``size``, the plot's width in CSS pixels).

    Raises:
        TypeError: If the source is neither a model nor a Playground, or ``grid`` or
            ``max_points`` is not an int.
        ValueError: If ``grid`` or ``max_points`` is out of range, the model does not take 2
            inputs, ``X`` and ``y`` come alone or with a Playground, or the network, layer or
            units cannot be shown.
    """

    _view = traitlets.Unicode("transform_view").tag(sync=True)

    stage = traitlets.Int(0, help="the stage shown (the slider sets it)").tag(sync=True)
    classes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    size = traitlets.Int(460, min=160, max=2000, help="width of the plot in CSS pixels").tag(
        sync=True
    )
    # {"grid": G, "basis": 3, "points": N, "square": [lo, hi, lo, hi], "stages": [{"name",
    #  "layer", "kind" ("input" | "linear" | "bias" | "activation"), "dims", "units",
    #  "offset" (in floats into _stages), "decision" ({"w": [...], "b": float} or null)}]}.
    # Points in each stage, in order: the grid row-major (G·G), then the origin, î and ĵ, then
    # the data; each stage holds points × dims float32 values.
    _index = traitlets.Dict().tag(sync=True)
    _stages = traitlets.Bytes(b"").tag(sync=True)
    _labels = traitlets.Bytes(b"").tag(sync=True)
    _frame = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        model_or_playground,
        X=None,
        y=None,
        layer=None,
        grid=41,
        units=None,
        *,
        max_points=MAX_POINTS,
        **kwargs,
    ):
        source = model_or_playground
        self._playground = playground_or_model(source, "TransformView")
        if isinstance(grid, bool) or not isinstance(grid, numbers.Integral):
            raise TypeError(f"grid must be an int (points per side), got {grid!r}")
        if not MIN_GRID <= grid <= MAX_GRID:
            raise ValueError(f"grid must be {MIN_GRID} to {MAX_GRID} points per side, got {grid}")
        if isinstance(max_points, bool) or not isinstance(max_points, numbers.Integral):
            raise TypeError(f"max_points must be an int, got {max_points!r}")
        if max_points < 0:
            raise ValueError(f"max_points must be at least 0, got {max_points}")
        self._source = source
        self._grid = int(grid)
        self._max_points = int(max_points)
        self._layer_arg = layer
        self._units_arg = units
        if self._playground:
            if X is not None or y is not None:
                raise ValueError(
                    "a Playground brings its own points: leave X and y out (or pass a model)"
                )
            _check_playground(source)
            self._data = None
        else:
            if (X is None) != (y is None):
                raise ValueError("X and y go together: give both or neither")
            if tuple(input_features(source)) != (2,):
                raise ValueError(
                    "TransformView draws the input square, so the model must take 2 inputs; this "
                    f"one takes {input_features(source)}"
                )
            self._data = None if X is None else _check_data(X, y, max_points)
        self._init_following()
        index, values, labels, names = self._compute()  # raises before anything is shown
        super().__init__(**kwargs)
        self.model = None if self._playground else source
        self.params = {}
        self._publish(index, values, labels, names)
        self._follow(source)

    # --- Python-side reading ----------------------------------------------------------------

    def _summary(self) -> str:
        names = [stage.get("name", "") for stage in self._index.get("stages", [])]
        if not names:
            return "TransformView: no stages"
        shown = names[min(self.stage, len(names) - 1)]
        return f"TransformView: stage {self.stage + 1} of {len(names)} ({shown}): " + " → ".join(
            names
        )

    @property
    def stages(self) -> list[dict]:
        """Every stage: its name, kind, layer, units and points.

        Points are ``(points, dims)`` float32, in the order of the index (grid, then origin, î,
        ĵ, then the data).
        """
        index = self._index
        values = binary.read_float32(self._stages)
        count = index["grid"] ** 2 + index["basis"] + index["points"]
        out = []
        for entry in index["stages"]:
            start, dims = entry["offset"], entry["dims"]
            points = values[start : start + count * dims].reshape(count, dims)
            out.append({**entry, "points": points})
        return out

    def refresh(self) -> None:
        """Recompute every stage from the weights as they are now, and send them."""
        with self._lock:
            self._publish(*self._compute())

    def _refresh_from_playground(self) -> None:
        try:
            self.refresh()
        except ValueError:
            # The Playground changed to something this view cannot draw (a feature other than
            # x1, x2): it keeps the last picture; a new view says why.
            self._throttle.mark()

    @traitlets.validate("stage")
    def _valid_stage(self, proposal):
        value = proposal["value"]
        count = len(self._index.get("stages", [])) if hasattr(self, "_index") else 0
        if count and not 0 <= value < count:
            raise traitlets.TraitError(f"stage must be between 0 and {count - 1}, got {value}")
        return value

    # --- computing ----------------------------------------------------------------------------

    def _network(self):
        """[(name, W (in, out), b (out,), activation name)], the square, X, labels, class names."""
        source = self._source
        if self._playground:
            _check_playground(source)
            weights = source.weights
            last = len(weights) - 1
            output_activation = "tanh" if source.problem == "classification" else "linear"
            network = [
                (
                    f"layer {k + 1}" if k < last else "output",
                    np.asarray(W, np.float64),
                    np.asarray(b, np.float64),
                    source.activation if k < last else output_activation,
                    k,
                )
                for k, (W, b) in enumerate(weights)
            ]
            X_train, y_train, X_test, y_test = source.data
            X = np.concatenate([X_train, X_test])
            values = np.concatenate([y_train, y_test])
            labels = (values > 0).astype(np.uint8)
            names = ["negative", "positive"] if source.problem == "classification" else []
            if len(X) > self._max_points:
                keep = np.sort(
                    np.random.default_rng(0).choice(len(X), self._max_points, replace=False)
                )
                X, labels = X[keep], labels[keep]
            square = PLAYGROUND_SQUARE * 2
            return network, square, np.asarray(X, np.float64), labels, names
        network = _model_network(source)
        if self._data is None:
            X = np.zeros((0, 2))
            labels, names = np.zeros(0, np.uint8), []
            square = (-1.0, 1.0, -1.0, 1.0)
        else:
            X, labels, names = self._data
            square = _square_around(X)
        return network, square, X, labels, names

    def _compute(self):
        network, square, X, labels, names = self._network()
        first, last_layer = _layer_range(self._layer_arg, network, self._source, self._playground)
        chosen = _units_for(self._units_arg, network)
        G = self._grid
        xs = np.linspace(square[0], square[1], G)
        ys = np.linspace(square[2], square[3], G)
        gx, gy = np.meshgrid(xs, ys)  # row r: y = ys[r], x runs along it
        basis = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
        points = np.concatenate([np.column_stack([gx.ravel(), gy.ravel()]), basis, X])
        # Forward through the layers before the first shown one.
        h = points
        for _, W, b, activation, _ in network[:first]:
            h = _activate(h @ W + b, activation)
        decision_layer = _decision_layer(network)
        stages = []
        input_units = tuple(range(2)) if first == 0 else chosen[first - 1]
        input_name = "input" if first == 0 else f"{network[first - 1][0]} (input)"
        stages.append(_stage(input_name, "input", first - 1 if first else None, h, input_units))
        for k in range(first, last_layer + 1):
            name, W, b, activation, _ = network[k]
            shown = chosen[k]
            linear = h @ W
            biased = linear + b
            stages.append(_stage(f"{name}: W·x", "linear", k, linear, shown))
            stages.append(_stage(f"{name}: +b", "bias", k, biased, shown))
            h = _activate(biased, activation)
            if activation not in ("linear", None):
                stages.append(_stage(f"{name}: {activation}", "activation", k, h, shown))
            if k == decision_layer:
                stages[-1][0]["decision"] = _decision(network[k + 1], shown)
        index_stages, blocks, offset = [], [], 0
        for entry, block in stages:
            entry["offset"] = offset
            offset += block.size
            index_stages.append(entry)
            blocks.append(block)
        index = {
            "grid": G,
            "basis": 3,
            "points": int(len(X)),
            "square": [float(v) for v in square],
            "stages": index_stages,
        }
        values = np.concatenate(blocks).astype(np.float32)
        return index, values, np.asarray(labels, np.uint8), list(names)

    def _publish(self, index, values, labels, names) -> None:
        with self.hold_sync():
            self._index = index
            self._stages = binary.float32(values)
            self._labels = binary.uint8(labels)
            self.classes = names
            if self.stage >= len(index["stages"]):
                self.stage = len(index["stages"]) - 1
            self._frame += 1
        self._throttle.mark()


def _stage(name, kind, layer, values, units):
    values = np.asarray(values, np.float64)
    shown = values[:, list(units)]
    entry = {
        "name": name,
        "kind": kind,
        "layer": layer,
        "dims": len(units),
        "units": [int(u) for u in units],
        "decision": None,
    }
    return entry, np.ascontiguousarray(shown, dtype=np.float32).ravel()


def _activate(values, activation):
    if activation in (None, "linear"):
        return values
    if activation == "relu":
        return np.maximum(values, 0.0)
    if activation == "tanh":
        return np.tanh(values)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-values))
    if activation == "softmax":
        shifted = np.exp(values - values.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)
    if activation == "step":
        return (values >= 0).astype(np.float64)
    from ..engine.activations import get_activation

    return np.asarray(get_activation(activation)(values.astype(np.float32)), np.float64)


def _decision_layer(network) -> int | None:
    """The last hidden layer (the one before the output), when the output draws a line."""
    if len(network) < 2:
        return None
    W = network[-1][1]
    return len(network) - 2 if W.shape[1] in (1, 2) else None


def _decision(output, shown):
    """The output's boundary w·h + b = 0 in the shown units: one unit's pre-activation 0
    (sigmoid 0.5, tanh 0), or for two outputs where both are equal."""
    W, b = output[1], output[2]
    if W.shape[1] == 1:
        w, bias = W[:, 0], float(b[0])
    else:
        w, bias = W[:, 1] - W[:, 0], float(b[1] - b[0])
    if len(shown) != len(w):
        return None  # other units also move the boundary: no line in these units alone
    return {"w": [float(w[u]) for u in shown], "b": bias}


def _model_network(model):
    flat = list(model.get_weights())
    position = 0
    network = []
    layers = list(model.layers)
    for index, layer in enumerate(layers):
        kind = type(layer).__name__
        if hasattr(layer, "units"):
            W = np.asarray(flat[position], np.float64)
            position += 1
            if getattr(layer, "use_bias", True):
                b = np.asarray(flat[position], np.float64)
                position += 1
            else:
                b = np.zeros(W.shape[1])
            network.append(
                (f"layer {len(network) + 1}", W, b, activation_name(layer) or "linear", index)
            )
        elif kind in ("Dropout", "Flatten", "InputLayer", "Input") or layer.count_params() == 0:
            continue
        else:
            raise ValueError(f"TransformView shows Dense layers; layer {index} ({kind}) is not one")
    if not network:
        raise ValueError("this model has no Dense layer to show")
    last = network[-1]
    network[-1] = ("output", *last[1:])
    return network


def _layer_range(layer, network, source, playground):
    """The first and last positions in ``network`` to show."""
    if layer is None:
        return 0, len(network) - 1
    if playground:
        if isinstance(layer, bool) or not isinstance(layer, numbers.Integral):
            raise TypeError(f"layer must be an int for a Playground, got {layer!r}")
        if not -len(network) <= layer < len(network):
            raise ValueError(
                f"layer={layer} is out of range: this Playground has {len(network)} layers with "
                f"weights (0 to {len(network) - 1}, the last is the output)"
            )
        position = int(layer) % len(network)
        return position, position
    index = layer_index(source, layer, "layer")
    for position, entry in enumerate(network):
        if entry[4] == index:
            return position, position
    raise ValueError(f"layer={layer!r} is not a Dense layer; pick one with weights")


def _units_for(units, network) -> list[tuple[int, ...]]:
    """The units shown of each layer: all of a layer with ≤ 3, else the chosen ones."""
    per_layer = {}
    if isinstance(units, dict):
        for key, value in units.items():
            if isinstance(key, bool) or not isinstance(key, numbers.Integral):
                raise TypeError(f"units' keys must be layer positions (ints), got {key!r}")
            if not 0 <= key < len(network):
                raise ValueError(
                    f"units has layer {key}, but there are {len(network)} layers (0 to "
                    f"{len(network) - 1})"
                )
            per_layer[int(key)] = value
        default = None
    else:
        default = units
    chosen = []
    for position, entry in enumerate(network):
        width = entry[1].shape[1]
        wanted = per_layer.get(position, default)
        if wanted is None or (position not in per_layer and width <= 3):
            chosen.append(tuple(range(min(width, 3))))
            continue
        chosen.append(check_units(wanted, width, entry[0]))
    return chosen


def _check_data(X, y, max_points):
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"X must be an array of numbers: {error}") from None
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite (no NaN or inf)")
    labels, names = class_labels(y, len(X), "y")
    if len(X) > max_points:
        keep = np.sort(np.random.default_rng(0).choice(len(X), max_points, replace=False))
        X, labels = X[keep], labels[keep]
    return X, np.asarray(labels, np.uint8), names


def _square_around(X):
    """The grid's square: X's extent, 5% wider each side (a unit square around a single point)."""
    if len(X) == 0:
        return (-1.0, 1.0, -1.0, 1.0)
    lo, hi = X.min(axis=0), X.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    lo, hi = lo - 0.05 * span, hi + 0.05 * span
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def _check_playground(pg):
    features = list(pg.features)
    if features != ["x1", "x2"]:
        raise ValueError(
            "TransformView draws the plane of x1 and x2, so the Playground's features must be "
            f"exactly x1, x2 (in that order); it has {', '.join(features)}. Set "
            "pg.features = ['x1', 'x2']"
        )
