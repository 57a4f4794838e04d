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

from .. import checks
from . import binary, static_figures
from ._base import FrontEndWidget
from ._following import FollowsTraining, ViewCallback, playground_or_model
from ._model_info import input_features, layer_index
from .keras_models import readable_model
from .transform_stages import (
    check_data,
    compute_stages,
    model_network,
    square_around,
    units_for,
)

MAX_POINTS = 2000  # data points drawn; a larger X is shown through a fixed random sample
PLAYGROUND_SQUARE = (-6.0, 6.0)  # the Playground's input square, as its heat maps draw it
MIN_GRID, MAX_GRID = 2, 101


class TransformView(FollowsTraining, FrontEndWidget, ViewCallback):
    """A grid of the input square (its rows and columns as lines), the unit vectors î and ĵ and
    the data points coloured by class, pushed through each layer's stages: W·x, +b and the
    activation, then the next layer. The stage slider and the Play button animate smoothly
    between stages; 2-unit layers are drawn in 2-D, 3-unit layers in 3-D (drag to turn).

    ``TransformView(model)`` (a Sequential with 2 inputs and Dense layers, nnwidgets' or a built
    ``keras.Sequential``, optionally ``X`` and ``y`` for the data points: the square then covers
    ``X``; without, it is [-1, 1]²); pass it to that model's ``fit(callbacks=[...])`` and it
    follows the training (≤ 10 updates a second).
    ``TransformView(playground)`` uses the Playground's network, its points and its square
    [-6, 6]², and follows it live as it trains; its features must be exactly x1, x2.

    The last hidden layer's final stage carries the output's decision line (w·h + b = 0 in the
    shown units), drawn there: the classes it separates by a straight line.

    Args:
        model_or_playground: A `Sequential` with 2 inputs and Dense layers (nnwidgets' or a
            ``keras.Sequential``, see `keras_models.KerasModel`), or a `Playground` whose
            features are exactly x1, x2.
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
        TypeError: If the source is neither a model nor a Playground, a Keras model is no
            ``keras.Sequential``, or ``grid`` or ``max_points`` is not an int.
        ValueError: If ``grid`` or ``max_points`` is out of range, the model does not take 2
            inputs, ``X`` and ``y`` come alone or with a Playground, a Keras model is not built
            or holds a layer the view cannot read, or the network, layer or units cannot be
            shown.
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
        source = readable_model(model_or_playground, "TransformView")
        self._playground = playground_or_model(source, "TransformView")
        self._grid = checks.integer("grid", grid, MIN_GRID, MAX_GRID)
        self._max_points = checks.integer("max_points", max_points, 0)
        self._source = source
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
            self._data = None if X is None else check_data(X, y, max_points)
        self._init_following()
        index, values, labels, names = self._compute()  # raises before anything is shown
        super().__init__(**kwargs)
        self.model = None if self._playground else model_or_playground
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

    def _static_image(self):
        stages = self.stages
        if not stages:
            return None
        shown = stages[min(self.stage, len(stages) - 1)]
        units = ", ".join(str(u + 1) for u in shown["units"])
        units = "x1, x2" if shown["layer"] is None else f"units {units}"
        title = f"{shown['name']} · {shown['dims']}-D ({units}) · stage "
        title += f"{self.stage + 1} of {len(stages)}"
        return static_figures.transform_view_image(
            shown["points"],
            self._index["grid"],
            binary.read_uint8(self._labels),
            len(self.classes),
            shown,
            title,
            min(self.size, 400),
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
        network = model_network(source)
        if self._data is None:
            X = np.zeros((0, 2))
            labels, names = np.zeros(0, np.uint8), []
            square = (-1.0, 1.0, -1.0, 1.0)
        else:
            X, labels, names = self._data
            square = square_around(X)
        return network, square, X, labels, names

    def _compute(self):
        network, square, X, labels, names = self._network()
        first, last = _layer_range(self._layer_arg, network, self._source, self._playground)
        chosen = units_for(self._units_arg, network)
        index, values = compute_stages(network, square, X, first, last, chosen, self._grid)
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


def _check_playground(pg):
    features = list(pg.features)
    if features != ["x1", "x2"]:
        raise ValueError(
            "TransformView draws the plane of x1 and x2, so the Playground's features must be "
            f"exactly x1, x2 (in that order); it has {', '.join(features)}. Set "
            "pg.features = ['x1', 'x2']"
        )
