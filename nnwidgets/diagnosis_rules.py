"""The diagnosis's thresholds and measurements, shared by the Playground and ``Sequential.fit``.

Each check is a pure function of loss arrays (one value per epoch) or of hidden units' outputs;
the Playground (``widgets/playground/diagnosis.py``) and the ``Diagnosis`` callback
(``model/diagnosis.py``) turn what they measure into sentences in their own words.

- ``flat_loss``: over the last ``window`` epochs the training loss changed by less than
  ``FLAT_CHANGE`` (relative), while far from good: the run is stuck.
- ``slow_fall``: over the last ``window`` epochs the loss fell, but by less than
  ``SLOW_CHANGE`` (relative).
- ``overfit``: the validation loss ended ``OVERFIT_RISE`` above its lowest (and by
  ``OVERFIT_MIN_RISE`` at least), reached at least ``window`` epochs ago, while the training
  loss fell since.
- ``unit_states``: ReLU units whose output is 0 for every point (dead), and tanh or sigmoid
  units within ``SATURATION`` of their limits for at least ``SATURATED_SHARE`` of the points.
"""

from typing import NamedTuple

import numpy as np

WINDOW = 100  # Playground epochs: one small batch pass each
FLAT_CHANGE = 0.01
SLOW_CHANGE = 0.05
SMALL_RATE = 0.01
LARGE_RATE = 1.0
FAR_LOSS = 0.1
FAR_CROSS_ENTROPY = 0.4
SATURATION = 0.01
SATURATED_SHARE = 0.95
OVERFIT_RISE = 0.05
OVERFIT_MIN_RISE = 0.01  # and at least this much: tiny losses wobble by large ratios
GOOD_RATE = 0.03  # the rate the Playground's messages suggest: the original's default


class Finding(NamedTuple):
    """One reason a network is not learning.

    Attributes:
        kind: "diverged", "dead_units", "saturated", "stuck", "slow" or "overfitting".
        message: One sentence: the cause and the next step.
        neurons: The neurons concerned, as "layer:index".
        layers: The hidden layers concerned: the Playground's numbered from 1, a model's by
            name.
        why: What was measured, for the "why?" detail.
    """

    kind: str
    message: str
    neurons: tuple = ()
    layers: tuple = ()
    why: str = ""

    def as_dict(self) -> dict:
        """The finding as JSON-safe data, as the widgets' ``diagnosis`` traits carry it."""
        return {**self._asdict(), "neurons": list(self.neurons), "layers": list(self.layers)}


def flat_loss(train, far: bool, window: int = WINDOW) -> float | None:
    """The loss a run is stuck at, or None.

    Args:
        train: The training loss per epoch.
        far: Whether the loss is far from good now.
        window: How many of the last epochs must be flat.

    Returns:
        The last loss when the last `window` epochs changed it by less than ``FLAT_CHANGE``.
    """
    train = np.asarray(train, np.float64)
    if not far or len(train) < window:
        return None
    last = train[-window:]
    if not np.all(np.isfinite(last)):
        return None
    change = (last.max() - last.min()) / max(abs(last[-1]), 1e-12)
    return float(last[-1]) if change < FLAT_CHANGE else None


def slow_fall(train, window: int = WINDOW) -> tuple[float, float, float] | None:
    """How little the loss fell over the last `window` epochs, when it fell too little.

    Args:
        train: The training loss per epoch.
        window: How many of the last epochs to compare.

    Returns:
        (loss `window` epochs ago, loss now, relative fall) when it fell by less than
        ``SLOW_CHANGE``; None when it fell more, rose, or there are too few epochs.
    """
    train = np.asarray(train, np.float64)
    if len(train) < window:
        return None
    start, end = train[-window], train[-1]
    if not (np.isfinite(start) and np.isfinite(end)) or end >= start:
        return None
    fall = (start - end) / start
    return None if fall >= SLOW_CHANGE else (float(start), float(end), float(fall))


def overfit(train, test, window: int = WINDOW) -> int | None:
    """The epoch index of the validation loss's lowest, when it has risen since while the
    training loss fell.

    Args:
        train: The training loss per epoch.
        test: The test (validation) loss per epoch.
        window: How many epochs ago the lowest must be, at least.

    Returns:
        The index (into the arrays) of the validation loss's lowest, or None.
    """
    train, test = np.asarray(train, np.float64), np.asarray(test, np.float64)
    if len(train) < window or len(test) != len(train):
        return None
    if not np.all(np.isfinite(test)) or not np.all(np.isfinite(train)):
        return None
    best = int(np.argmin(test))
    rise = test[-1] - test[best]
    risen = rise > max(test[best] * OVERFIT_RISE, OVERFIT_MIN_RISE) and best <= len(test) - window
    return best if risen and train[-1] < train[best] else None


def unit_states(hidden) -> tuple[dict, dict]:
    """Dead ReLU units and saturated tanh or sigmoid units.

    Args:
        hidden: (layer number, outputs (points, units), activation name) per hidden layer.

    Returns:
        {layer: [dead unit indices]} and {layer: [saturated unit indices]}.
    """
    dead, saturated = {}, {}
    for layer, outputs, activation in hidden:
        outputs = np.asarray(outputs).reshape(len(outputs), -1)
        if activation == "relu":
            units = np.flatnonzero(np.all(outputs <= 0, axis=0))
            if len(units):
                dead[layer] = units.tolist()
        elif activation in ("tanh", "sigmoid"):
            low = -1.0 if activation == "tanh" else 0.0
            pinned = (outputs <= low + SATURATION) | (outputs >= 1 - SATURATION)
            units = np.flatnonzero(np.mean(pinned, axis=0) >= SATURATED_SHARE)
            if len(units):
                saturated[layer] = units.tolist()
    return dead, saturated


def units_finding(kind: str, units: dict, activations: str, points: int, next_step: str):
    """The ``dead_units`` or ``saturated`` finding for the units `unit_states` found.

    Args:
        kind: "dead_units" or "saturated".
        units: {layer: [unit indices]}.
        activations: The units' activation, for the sentence ("tanh", "sigmoid").
        points: How many points their outputs were measured on.
        next_step: What to do after lowering the learning rate ("press Reset").

    Returns:
        The ``Finding``.
    """
    neurons = tuple(f"{layer}:{index}" for layer, indices in units.items() for index in indices)
    count = len(neurons)
    many = count > 1
    layers = tuple(sorted(units))
    where = ", ".join(str(layer) for layer in layers)
    if kind == "dead_units":
        message = (
            f"{count} ReLU unit{'s' if many else ''} in layer {where} "
            f"{'are' if many else 'is'} dead: {'they output' if many else 'it outputs'} "
            f"0 for every training point, so no gradient reaches {'them' if many else 'it'}. "
            f"Lower the learning rate and {next_step}."
        )
        why = (
            f"Neurons {', '.join(neurons)} (layer:index) output 0 for all {points:,} training "
            "points. ReLU's slope is 0 there, so their weights never change again."
        )
    else:
        message = (
            f"{count} {activations} unit{'s' if many else ''} in layer {where} "
            f"{'are' if many else 'is'} saturated: pinned at the limits for almost every "
            f"point, so they barely learn. Lower the learning rate and {next_step}."
        )
        why = (
            f"Neurons {', '.join(neurons)} (layer:index) stay within {SATURATION:g} of their "
            f"limits for at least {SATURATED_SHARE:.0%} of the {points:,} training points, "
            f"where the {activations} curve is almost flat."
        )
    return Finding(kind, message, neurons=neurons, layers=layers, why=why)
