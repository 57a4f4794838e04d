"""LossSurface: one neuron's loss over its two weights, with gradient descent's path at a small,
a good and a too-large learning rate: the first crawls, the second rolls to the bottom, the last
zig-zags across the valley and flies off.

The neuron is a Perceptron with two inputs, trained as a linear unit (the delta rule): its output
is o = w₁x₁ + w₂x₂ + b with the bias held fixed, and the loss E(w) = mean ½(o − t)² over the
points, t their labels (0 or 1). E is a bowl; its steepest curvature λ (the largest eigenvalue of
XᵀX / n) sets the rates that work: a step of 2 / λ or more no longer shrinks along the steepest
direction, so the default rates are 0.1 / λ (small), 1 / λ (good) and 2.2 / λ (too large).
"""

import numpy as np
import traitlets

from . import binary, static_figures
from ._base import FrontEndWidget
from .perceptron import Perceptron

RESOLUTION = 120  # the surface's samples per side
STEPS = 30  # gradient-descent steps per path
RATE_FACTORS = (0.1, 1.0, 2.2)  # × 1 / λ: small, good, too large
LABELS = ("small", "good", "too large")
FLY_OFF = 1e3  # a path stops once this far (in box widths) from the minimum: it has flown off


class LossSurface(FrontEndWidget):
    """One neuron's loss over its two weights, as a heatmap with contours, and three paths of
    gradient descent on it.

    Examples:
        >>> nw.LossSurface()                                  # the built-in points
        >>> nw.LossSurface(perceptron, rates=[0.01, 0.1, 0.5])

    Args:
        perceptron: A two-input ``Perceptron`` whose points (``X``, ``y``) and bias to use;
            None for 40 built-in points of two classes whose features are correlated, so the
            bowl is a long valley.
        rates: Three learning rates, small, good and too large; None chooses them from the
            bowl's curvature (``RATE_FACTORS``).
        start: The weights (w₁, w₂) every path starts from; None for a point up the valley's
            side.
        steps: Gradient-descent steps per path.
        **kwargs: Passed to the widget.

    Raises:
        ValueError: If the perceptron has one input, rates are not three numbers above 0, or
            steps is below 1.
    """

    _view = traitlets.Unicode("loss_surface").tag(sync=True)

    rates = traitlets.List(traitlets.Float(), help="small, good, too large").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), default_value=list(LABELS)).tag(sync=True)
    minimum = traitlets.List(traitlets.Float(), help="the weights at the bowl's bottom").tag(
        sync=True
    )
    extent = traitlets.List(traitlets.Float(), help="[w1 lo, w1 hi, w2 lo, w2 hi]").tag(sync=True)
    paths = traitlets.List(traitlets.List(traitlets.List(traitlets.Float()))).tag(sync=True)
    _surface = traitlets.Bytes(b"").tag(sync=True)  # float32 (RESOLUTION², w2 rows from the top)
    _resolution = traitlets.Int(RESOLUTION).tag(sync=True)

    def __init__(self, perceptron=None, rates=None, start=None, steps=STEPS, **kwargs):
        X, t, bias = _points(perceptron)
        if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
            raise ValueError(f"steps must be an int >= 1, got {steps!r}")
        self._X, self._t, self._bias = X, t, bias
        minimum = np.linalg.lstsq(X, t - bias, rcond=None)[0]
        curvature = float(np.linalg.eigvalsh(X.T @ X / len(X)).max())
        if rates is None:
            rates = [float(f"{factor / curvature:.2g}") for factor in RATE_FACTORS]
        rates = [float(rate) for rate in rates]
        if len(rates) != 3 or min(rates) <= 0:
            raise ValueError(f"rates must be three learning rates above 0, got {rates!r}")
        if start is None:
            start = _up_the_side(X, minimum)
        start = np.asarray(start, np.float64)
        half = 1.5 * max(float(np.abs(start - minimum).max()), 0.5)
        extent = [minimum[0] - half, minimum[0] + half, minimum[1] - half, minimum[1] + half]
        paths = [self.descend(start, rate, steps, reach=half * FLY_OFF) for rate in rates]
        super().__init__(
            rates=rates,
            minimum=minimum.tolist(),
            extent=[float(v) for v in extent],
            paths=[path.tolist() for path in paths],
            **kwargs,
        )
        self._surface = binary.float32(self._grid(extent))

    def loss(self, w) -> float:
        """E(w) = mean ½(w·x + b − t)² over the points.

        Args:
            w: The two weights.

        Returns:
            The loss.
        """
        error = self._X @ np.asarray(w, np.float64) + self._bias - self._t
        return float(0.5 * np.mean(error**2))

    def gradient(self, w) -> np.ndarray:
        """∂E/∂w = mean (w·x + b − t) x.

        Args:
            w: The two weights.

        Returns:
            The gradient, two numbers.
        """
        error = self._X @ np.asarray(w, np.float64) + self._bias - self._t
        return self._X.T @ error / len(self._X)

    def descend(self, start, rate: float, steps: int, reach: float = np.inf) -> np.ndarray:
        """Gradient descent's path: w ← w − rate · ∂E/∂w, `steps` times.

        Args:
            start: The weights to start from.
            rate: The learning rate.
            steps: How many steps.
            reach: Stop once a weight is this far from the start: the path has flown off.

        Returns:
            The weights after each step, the start first, (≤ steps + 1, 2).
        """
        w = np.asarray(start, np.float64)
        path = [w]
        for _ in range(steps):
            w = w - rate * self.gradient(w)
            path.append(w)
            if np.abs(w - path[0]).max() > reach:
                break
        return np.array(path)

    def _grid(self, extent) -> np.ndarray:
        w1 = np.linspace(extent[0], extent[1], RESOLUTION)
        w2 = np.linspace(extent[3], extent[2], RESOLUTION)  # the top row is the largest w₂
        W1, W2 = np.meshgrid(w1, w2)
        out = np.einsum("nf,fk->nk", self._X, np.stack([W1.ravel(), W2.ravel()]))
        error = out + self._bias - self._t[:, None]
        return 0.5 * np.mean(error**2, axis=0)

    def _summary(self) -> str:
        ends = ", ".join(
            f"{label} rate {rate:g}: loss {self.loss(path[-1]):.3g} after {len(path) - 1} steps"
            for label, rate, path in zip(self.labels, self.rates, self.paths, strict=True)
        )
        minimum = ", ".join(f"{w:.3g}" for w in self.minimum)
        return f"LossSurface: one neuron's loss over its two weights, lowest at ({minimum}); {ends}"

    def _static_image(self):
        surface = binary.read_float32(self._surface).reshape(self._resolution, self._resolution)
        keys = [
            f"{label} learning rate {rate:g}"
            for label, rate in zip(self.labels, self.rates, strict=True)
        ]
        return static_figures.loss_surface_image(
            surface, self.extent, self.paths, self.minimum, keys
        )


def _points(perceptron):
    if perceptron is None:
        rng = np.random.default_rng(3)
        t = np.repeat([0.0, 1.0], 20)
        x1 = rng.normal(np.where(t > 0, 1.0, -1.0), 0.8)
        x2 = 0.5 * x1 + rng.normal(0.0, 0.5, len(t))  # correlated: a long, tilted valley
        return np.stack([x1, x2], axis=1), t, 0.5
    if not isinstance(perceptron, Perceptron) or perceptron.inputs != 2:
        raise ValueError(f"perceptron must be a Perceptron with two inputs, got {perceptron!r}")
    X = np.asarray(perceptron.X, np.float64)
    return X, np.asarray(perceptron.y, np.float64), float(perceptron.bias)


def _up_the_side(X, minimum) -> np.ndarray:
    """A start up the valley's steep side and along its floor, so all three paths show."""
    _, vectors = np.linalg.eigh(X.T @ X / len(X))
    shallow, steep = vectors[:, 0], vectors[:, 1]
    return minimum + 1.2 * shallow + 0.6 * steep
