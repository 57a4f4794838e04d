"""Perceptron: one neuron, ``y = f(w·x + b)``, with sliders for its weights and bias: one input
(a threshold on a number line, by default the "warm above 20 °C" lesson) or two (a line through
the plane, its half-planes coloured); and ActivationGallery, the five activation functions."""

import math
import numbers

import numpy as np
import traitlets

from . import binary, static_image
from ._base import FrontEndWidget
from ._model_info import class_labels

ACTIVATIONS = ("step", "sigmoid", "relu", "tanh", "linear")
MAX_POINTS = 2000  # a perceptron lesson needs dozens; thousands only hide each point


def activate(activation: str, z) -> np.ndarray:
    """``f(z)`` for an activation of ACTIVATIONS, as the front end draws it (float64).

    step is the Heaviside step with ``step(0) = 1``: an input on the threshold turns it on.

    Args:
        activation: "step", "sigmoid", "relu", "tanh" or "linear".
        z: The pre-activation, any shape.

    Returns:
        f(z), float64, of `z`'s shape.

    Raises:
        ValueError: If `activation` is not one of ACTIVATIONS.
    """
    z = np.asarray(z, dtype=np.float64)
    if activation == "step":
        return (z >= 0).astype(np.float64)
    if activation == "sigmoid":
        # exp of a non-positive number only: no overflow for large |z|.
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    if activation == "relu":
        return np.maximum(z, 0.0)
    if activation == "tanh":
        return np.tanh(z)
    if activation == "linear":
        return z.copy()
    raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")


def shade(activation: str, z) -> np.ndarray:
    """The colour value in [-1, 1] of an output, as the view paints it (perceptron_maths.ts):
    its sign the side of the boundary, its size how strongly the neuron is on or off."""
    z = np.asarray(z, dtype=np.float64)
    if activation == "step":
        return np.where(z >= 0, 1.0, -1.0)
    if activation == "sigmoid":
        return 2 * activate("sigmoid", z) - 1
    if activation == "relu":
        return np.where(z > 0, np.tanh(z), -0.25)
    return np.tanh(z)


def _finite(value, argument: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise traitlets.TraitError(f"{argument} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise traitlets.TraitError(f"{argument} must be finite, got {value}")
    return value


def _default_temperatures() -> tuple[np.ndarray, np.ndarray]:
    """24 days' temperatures in °C, 2 to 36, labelled warm at 20 °C or above."""
    rng = np.random.default_rng(3)
    t = np.round(np.sort(rng.uniform(2, 36, 24)), 1)
    return t.reshape(-1, 1), np.where(t >= 20, "warm", "cold")


def _default_plane() -> tuple[np.ndarray, np.ndarray]:
    """Two clusters of 30 points in [-6, 6]²: class 1 up and to the right, class 0 opposite."""
    rng = np.random.default_rng(7)
    positive = rng.normal((2.0, 1.5), 1.3, (30, 2))
    negative = rng.normal((-2.0, -1.5), 1.3, (30, 2))
    X = np.clip(np.concatenate([negative, positive]), -5.8, 5.8)
    return np.round(X, 2), np.repeat([0, 1], 30)


def _nice_range(lo: float, hi: float) -> list[float]:
    """[lo, hi] padded by 8 % and widened outward to a round step."""
    span = hi - lo or abs(lo) or 1.0
    lo, hi = lo - 0.08 * span, hi + 0.08 * span
    step = 10 ** math.floor(math.log10((hi - lo) / 5))
    for factor in (1, 2, 5, 10):
        if (hi - lo) / (step * factor) <= 8:
            step *= factor
            break
    return [math.floor(lo / step) * step, math.ceil(hi / step) * step]


class Perceptron(FrontEndWidget):
    """One neuron: ``y = f(w·x + b)``, with a slider for each weight and the bias and a choice of
    activation ``f``: ``"step"`` (Heaviside, ``step(0) = 1``), ``"sigmoid"``, ``"relu"``,
    ``"tanh"`` or ``"linear"``. Its boundary is where ``w·x + b = 0``.

    ``inputs=1``: a number line with the threshold ``x = -b/w`` marked; by default the lesson's
    temperatures in °C, labelled warm at 20 °C or above, with ``w = 0.5, b = -10`` (threshold
    20 °C). ``inputs=2``: the plane with the boundary line, each half coloured by the output
    (orange for the side ``w·x + b < 0``, blue for the other, fainter where the output is
    weaker); by default two clusters in [-6, 6]².

    Points are filled by the class the perceptron predicts (on where ``w·x + b >= 0``) and
    ringed by their true class. Drag on the plot to move the probe, the input whose ``w·x + b``
    and output are shown on the activation curve and in the formula.

    ``output(X)`` and ``predict(X)`` compute in Python what the view draws; ``weights``,
    ``bias`` and ``activation`` are traits that the sliders set.

    Args:
        inputs: 1 or 2; fixed when made.
        weights: One per input; by default the lesson's (0.5 for one input, else 1.0 each).
        bias: By default -10 for the temperature lesson, else 0.
        activation: "step" (Heaviside, ``step(0) = 1``), "sigmoid", "relu", "tanh" or "linear".
        data: ``(X, y)``, your own points: ``X`` of shape (n, inputs) (or (n,) for one input),
            ``y`` two classes (the second sorted is the "on" class, drawn blue).
        feature_names: The axis labels, one per input.
        unit: The inputs' unit, e.g. "°C".
        probe: The input shown as the operating point, one number per input.
        max_points: More points are shown through a fixed random sample of this many.
        **kwargs: Passed to the widget.

    Raises:
        ValueError: If `inputs` is not 1 or 2, the activation is unknown, `data` does not fit
            `inputs` or has more than two classes, or a list has the wrong length.
        traitlets.TraitError: If a weight, the bias or the probe is not a finite number.
    """

    _view = traitlets.Unicode("perceptron").tag(sync=True)

    inputs = traitlets.Int(1, help="1 or 2; fixed when made").tag(sync=True)
    weights = traitlets.List(traitlets.Float(), help="one per input").tag(sync=True)
    bias = traitlets.Float(0.0).tag(sync=True)
    activation = traitlets.Unicode("step").tag(sync=True)
    probe = traitlets.List(traitlets.Float(), help="the input shown as the operating point").tag(
        sync=True
    )
    feature_names = traitlets.List(traitlets.Unicode()).tag(sync=True)
    unit = traitlets.Unicode("", help="of the inputs, e.g. °C").tag(sync=True)
    classes = traitlets.List(traitlets.Unicode(), help="class 0 (off), class 1 (on)").tag(sync=True)
    ranges = traitlets.List(
        traitlets.List(traitlets.Float()), help="[lo, hi] drawn for each input"
    ).tag(sync=True)
    weight_limit = traitlets.Float(2.0, help="the weight sliders span ±this").tag(sync=True)
    bias_limit = traitlets.Float(10.0, help="the bias slider spans ±this").tag(sync=True)
    size = traitlets.Int(360, min=200, max=1200, help="plot width in CSS pixels").tag(sync=True)
    # The points: float32 (n, inputs) row-major, and uint8 true class (0 or 1) per point.
    _points = traitlets.Bytes(b"").tag(sync=True)
    _labels = traitlets.Bytes(b"").tag(sync=True)

    def __init__(
        self,
        inputs=1,
        weights=None,
        bias=None,
        activation="step",
        data=None,
        *,
        feature_names=None,
        unit=None,
        probe=None,
        max_points=MAX_POINTS,
        **kwargs,
    ):
        if isinstance(inputs, bool) or inputs not in (1, 2):
            raise ValueError(f"inputs must be 1 or 2, got {inputs!r}")
        inputs = int(inputs)
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
        lesson = data is None
        if lesson:
            X, y = _default_temperatures() if inputs == 1 else _default_plane()
        else:
            X, y = _check_data(data, inputs)
        labels, names = class_labels(y, len(X), "data's y")
        if len(names) > 2:
            raise ValueError(
                f"data's y must hold two classes (a perceptron splits in two), got {len(names)}: "
                f"{names[:6]}"
            )
        if len(X) > max_points:
            keep = np.sort(np.random.default_rng(0).choice(len(X), max_points, replace=False))
            X, labels = X[keep], labels[keep]
        if weights is None:
            weights = ([0.5] if lesson else [1.0]) if inputs == 1 else [1.0, 1.0]
        weights = _check_weights(weights, inputs)
        if bias is None:
            bias = -10.0 if lesson and inputs == 1 else 0.0
        bias = _finite(bias, "bias")
        if lesson:
            ranges = [[0.0, 40.0]] if inputs == 1 else [[-6.0, 6.0], [-6.0, 6.0]]
        else:
            ranges = [
                _nice_range(float(X[:, k].min()), float(X[:, k].max())) for k in range(inputs)
            ]
        if feature_names is None:
            if lesson and inputs == 1:
                feature_names = ["temperature"]
            else:
                feature_names = ["x"] if inputs == 1 else ["x1", "x2"]
        feature_names = [str(name) for name in feature_names]
        if len(feature_names) != inputs:
            raise ValueError(
                f"feature_names must name {inputs} input(s), got {len(feature_names)}: "
                f"{feature_names!r}"
            )
        if unit is None:
            unit = "°C" if lesson and inputs == 1 else ""
        if probe is None:
            if lesson:
                probe = [25.0] if inputs == 1 else [2.0, 1.0]
            else:
                probe = [sum(r) / 2 for r in ranges]
        probe = _check_vector(probe, inputs, "probe")
        # Sliders wide enough for the given numbers, and for a boundary anywhere in the plot.
        weight_limit = max(2.0, 1.5 * max(abs(w) for w in weights))
        reach = max(max(abs(v) for v in r) for r in ranges) * inputs
        bias_limit = max(1.0, abs(bias) * 1.5, min(weight_limit * reach, 40.0))
        super().__init__(
            inputs=inputs,
            weights=weights,
            bias=bias,
            activation=activation,
            probe=probe,
            feature_names=feature_names,
            unit=str(unit),
            classes=list(names) if len(names) == 2 else [*names, ""][:2],
            ranges=ranges,
            weight_limit=weight_limit,
            bias_limit=float(bias_limit),
            _points=binary.float32(X),
            _labels=binary.uint8(labels),
            **kwargs,
        )
        self._X = np.asarray(X, dtype=np.float64)
        self._y = labels.astype(np.int64)

    # --- Python-side maths ------------------------------------------------------------------

    @property
    def X(self) -> np.ndarray:
        """The points drawn, (n, inputs)."""
        return self._X.copy()

    @property
    def y(self) -> np.ndarray:
        """Their true classes, 0 or 1."""
        return self._y.copy()

    def net_input(self, X=None) -> np.ndarray:
        """``w·x + b`` for each row of ``X``.

        Args:
            X: Inputs, (n, inputs) (or (n,) for one input); by default the points drawn.

        Returns:
            The net input of each row, (n,).
        """
        X = self._X if X is None else _check_inputs(X, self.inputs, "X")
        return X @ np.asarray(self.weights, dtype=np.float64) + self.bias

    def output(self, X=None) -> np.ndarray:
        """``f(w·x + b)`` for each row of ``X``.

        Args:
            X: Inputs, as for `net_input`; by default the points drawn.

        Returns:
            The output of each row, (n,).
        """
        return activate(self.activation, self.net_input(X))

    def predict(self, X=None) -> np.ndarray:
        """The class on each row's side of the boundary: 1 where ``w·x + b >= 0``, else 0.

        Args:
            X: Inputs, as for `net_input`; by default the points drawn.

        Returns:
            The classes, (n,) int64.
        """
        return (self.net_input(X) >= 0).astype(np.int64)

    def accuracy(self) -> float:
        """The fraction of the points drawn whose predicted class is their true class.

        Returns:
            The accuracy, from 0 to 1.
        """
        return float(np.mean(self.predict() == self._y))

    @property
    def threshold(self) -> float | None:
        """One input: the ``x`` where ``w·x + b = 0`` (None when ``w = 0``).

        Raises:
            AttributeError: For two inputs, which have a boundary line instead.
        """
        if self.inputs != 1:
            raise AttributeError("threshold is for one input; two inputs have a boundary line")
        return None if self.weights[0] == 0 else -self.bias / self.weights[0]

    # --- for hosts without JavaScript --------------------------------------------------------

    def _formula(self) -> str:
        terms = " + ".join(
            f"{w:.2f}·{name}" for w, name in zip(self.weights, self.feature_names, strict=True)
        )
        return (
            f"y = {self.activation}({terms} {'-' if self.bias < 0 else '+'} {abs(self.bias):.2f})"
        )

    def _summary(self) -> str:
        right = int(np.sum(self.predict() == self._y))
        text = f"Perceptron: {self._formula()}; {right} of {len(self._y)} points on their side"
        if self.inputs == 1 and self.threshold is not None:
            text += f"; threshold {self.threshold:.3g}{' ' + self.unit if self.unit else ''}"
        return text

    def _static_image(self):
        cells = 120
        axes = [lo + (np.arange(cells) + 0.5) / cells * (hi - lo) for lo, hi in self.ranges]
        if self.inputs == 1:
            z = axes[0] * self.weights[0] + self.bias
        else:
            x, y = np.meshgrid(axes[0], axes[1][::-1])  # row 0 at the top
            z = x * self.weights[0] + y * self.weights[1] + self.bias
        right = int(np.sum(self.predict() == self._y))
        caption = f"{self._formula()}   {right}/{len(self._y)} right"
        return static_image.perceptron_image(
            self._X,
            self._y,
            self.weights,
            self.bias,
            shade(self.activation, z),
            self.ranges,
            caption,
        )

    # --- validation: a bad value raises and changes nothing -----------------------------------

    @traitlets.validate("inputs")
    def _valid_inputs(self, proposal):
        value = proposal["value"]
        if self.trait_has_value("weights") and value != self.inputs:
            raise traitlets.TraitError(
                f"inputs is fixed when a Perceptron is made (it has {self.inputs}); make a new "
                f"one: nw.Perceptron(inputs={value})"
            )
        return value

    @traitlets.validate("weights")
    def _valid_weights(self, proposal):
        return _check_weights(proposal["value"], self.inputs)

    @traitlets.validate("bias")
    def _valid_bias(self, proposal):
        return _finite(proposal["value"], "bias")

    @traitlets.validate("probe")
    def _valid_probe(self, proposal):
        return _check_vector(proposal["value"], self.inputs, "probe")

    @traitlets.validate("activation")
    def _valid_activation(self, proposal):
        value = proposal["value"]
        if value not in ACTIVATIONS:
            raise traitlets.TraitError(f"activation must be one of {ACTIVATIONS}, got {value!r}")
        return value


def _check_vector(values, inputs: int, argument: str) -> list[float]:
    if isinstance(values, numbers.Real) and not isinstance(values, bool) and inputs == 1:
        values = [values]
    try:
        values = list(values)
    except TypeError:
        raise traitlets.TraitError(
            f"{argument} must be {inputs} number(s), one per input, got {values!r}"
        ) from None
    if len(values) != inputs:
        raise traitlets.TraitError(
            f"{argument} must be {inputs} number(s), one per input, got {len(values)}: {values!r}"
        )
    return [_finite(v, argument) for v in values]


def _check_weights(values, inputs: int) -> list[float]:
    return _check_vector(values, inputs, "weights")


def _check_inputs(X, inputs: int, argument: str) -> np.ndarray:
    try:
        array = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{argument} must be an array of numbers: {error}") from None
    if array.ndim == 0:
        array = array.reshape(1, 1)
    if array.ndim == 1:
        array = array.reshape(-1, 1) if inputs == 1 else array.reshape(1, -1)
    if array.ndim != 2 or array.shape[1] != inputs:
        raise ValueError(
            f"{argument} must have {inputs} column(s), one per input, got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{argument} must hold finite numbers only")
    return array


def _check_data(data, inputs: int) -> tuple[np.ndarray, np.ndarray]:
    try:
        X, y = data
    except (TypeError, ValueError):
        raise TypeError(f"data must be a pair (X, y), got {type(data).__name__}") from None
    X = _check_inputs(X, inputs, "data's X")
    if inputs == 2 and np.ndim(data[0]) == 1:
        raise ValueError(f"data's X must have shape (n, 2) for two inputs, got {np.shape(data[0])}")
    if len(X) == 0:
        raise ValueError("data's X must hold at least one point")
    return X, np.asarray(y)


class ActivationGallery(FrontEndWidget):
    """The activation functions side by side, each with its name, formula and curve.

    Step (Heaviside), sigmoid, ReLU, tanh and linear.

    Args:
        activations: Which to draw, in order: some of ACTIVATIONS.
        highlight: One to draw in the accent colour, or "".
        **kwargs: Passed to the widget.

    Raises:
        traitlets.TraitError: If `activations` is empty or holds an unknown name, or
            `highlight` is unknown.
    """

    _view = traitlets.Unicode("activation_gallery").tag(sync=True)

    activations = traitlets.List(traitlets.Unicode(), default_value=list(ACTIVATIONS)).tag(
        sync=True
    )
    highlight = traitlets.Unicode("", help="an activation to emphasise, or ''").tag(sync=True)

    def __init__(self, activations=ACTIVATIONS, highlight="", **kwargs):
        super().__init__(activations=list(activations), highlight=highlight, **kwargs)

    def _summary(self) -> str:
        names = ", ".join(self.activations)
        shown = f"; {self.highlight} highlighted" if self.highlight else ""
        return f"ActivationGallery: {names}{shown}"

    def _static_image(self):
        z = np.linspace(-4, 4, 161)
        curves = []
        for name in self.activations:
            y = activate(name, z)
            pad = 0.1 * float(y.max() - y.min())
            curves.append((name, z, y, (float(y.min()) - pad, float(y.max()) + pad)))
        highlight = self.activations.index(self.highlight) if self.highlight else None
        return static_image.activation_gallery_image(curves, highlight)

    @traitlets.validate("activations")
    def _valid_activations(self, proposal):
        values = list(proposal["value"])
        unknown = [v for v in values if v not in ACTIVATIONS]
        if unknown or not values:
            raise traitlets.TraitError(
                f"activations must be some of {ACTIVATIONS}, got {proposal['value']!r}"
            )
        return values

    @traitlets.validate("highlight")
    def _valid_highlight(self, proposal):
        value = proposal["value"]
        if value and value not in ACTIVATIONS:
            raise traitlets.TraitError(
                f"highlight must be one of {ACTIVATIONS} or '', got {value!r}"
            )
        return value
