"""Why a Playground's network is not learning, in the lesson's words.

``diagnose`` reads a run's history and its hidden units' outputs on the training points and
returns findings, each with a ``kind``, a sentence naming the cause and the next step, and the
neurons or layers concerned. A healthy run gets none. The thresholds, each a constant below:

- ``diverged``: the loss or a weight is no longer finite.
- ``dead_units``: ReLU units whose output is 0 for every training point (reported while the
  loss is far from good; a good network may carry a few).
- ``saturated``: tanh or sigmoid units within ``SATURATION`` of their limits for at least
  ``SATURATED_SHARE`` of the training points, while the loss is far from good.
- ``stuck``: over the last ``WINDOW`` epochs the training loss changed by less than
  ``FLAT_CHANGE`` while far from good; the message names the likely cause: a learning rate of
  ``LARGE_RATE`` or more, dead units, or too few neurons or features.
- ``slow``: over the last ``WINDOW`` epochs the loss fell, but by less than ``SLOW_CHANGE``, at
  a learning rate below ``SMALL_RATE``.
- ``overfitting``: the test loss ended ``OVERFIT_RISE`` above its lowest, reached at least
  ``WINDOW`` epochs ago (and by ``OVERFIT_MIN_RISE`` at least), while the training loss fell
  since.

"Far from good": a training loss above ``FAR_LOSS`` (½(o − t)², the Playground's loss) or
``FAR_CROSS_ENTROPY`` (several classes).
"""

from typing import NamedTuple

import jax
import numpy as np

from ... import engine

WINDOW = 100
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
GOOD_RATE = 0.03  # the rate the messages suggest: the original's default

_forward = jax.jit(engine.forward, static_argnums=(2, 3))


class Finding(NamedTuple):
    """One reason a network is not learning.

    Attributes:
        kind: "diverged", "dead_units", "saturated", "stuck", "slow" or "overfitting".
        message: One sentence: the cause and the next step.
        neurons: The neurons concerned, as the diagram names them ("layer:index").
        layers: The hidden layers concerned, 1 for the first.
        why: What was measured, for the "why?" detail.
    """

    kind: str
    message: str
    neurons: tuple = ()
    layers: tuple = ()
    why: str = ""

    def as_dict(self) -> dict:
        """The finding as JSON-safe data, as the ``diagnosis`` trait carries it."""
        return {**self._asdict(), "neurons": list(self.neurons), "layers": list(self.layers)}


def diagnose(run, learning_rate: float) -> list[Finding]:
    """The findings for a run now, most telling first; empty for a healthy run.

    Args:
        run: The ``PlaygroundRun``.
        learning_rate: The learning rate it trains at.

    Returns:
        A list of ``Finding``.
    """
    if run.diverged:
        return [
            Finding(
                "diverged",
                f"The learning rate {learning_rate:g} is too large: the loss or a weight is no "
                f"longer finite. Lower it to {GOOD_RATE:g} and press Reset.",
                why="Each step moved the weights so far that the next loss was larger still, "
                "until a number overflowed.",
            )
        ]
    rows = run.history_rows()
    far = _far_from_good(run)
    dead, saturated = _unit_states(run) if far else ({}, {})
    findings = []
    stuck = _stuck(rows, far)
    if stuck is not None:
        findings.append(_stuck_finding(run, learning_rate, stuck, dead))
    points = len(run.inputs[0])
    if dead:
        findings.append(_units_finding("dead_units", dead, run.network.activation, points))
    if saturated:
        findings.append(_units_finding("saturated", saturated, run.network.activation, points))
    if stuck is None and far:
        slow = _slow(rows, learning_rate)
        if slow is not None:
            findings.append(slow)
    overfitting = _overfitting(rows)
    if overfitting is not None:
        findings.append(overfitting)
    return findings


def _far_from_good(run) -> bool:
    loss = run.figures["train_loss"]
    limit = FAR_CROSS_ENTROPY if run.network.outputs > 1 else FAR_LOSS
    return loss is not None and loss > limit


def _unit_states(run) -> tuple[dict, dict]:
    """{layer: [dead unit indices]} and {layer: [saturated unit indices]}, layer 1 first."""
    net = run.network
    X = run.inputs[0]
    hidden = _forward(run.state.params, X, net.activation, net.output_activation)[1:-1]
    dead, saturated = {}, {}
    for layer, outputs in enumerate(hidden, start=1):
        outputs = np.asarray(outputs)
        if net.activation == "relu":
            units = np.flatnonzero(np.all(outputs <= 0, axis=0))
            if len(units):
                dead[layer] = units.tolist()
        elif net.activation in ("tanh", "sigmoid"):
            low = -1.0 if net.activation == "tanh" else 0.0
            pinned = (outputs <= low + SATURATION) | (outputs >= 1 - SATURATION)
            units = np.flatnonzero(np.mean(pinned, axis=0) >= SATURATED_SHARE)
            if len(units):
                saturated[layer] = units.tolist()
    return dead, saturated


def _stuck(rows, far) -> float | None:
    """The loss it is stuck at, or None."""
    if not far or len(rows) < WINDOW:
        return None
    window = rows[-WINDOW:, 1]
    if not np.all(np.isfinite(window)):
        return None
    change = (window.max() - window.min()) / max(abs(window[-1]), 1e-12)
    return float(window[-1]) if change < FLAT_CHANGE else None


def _stuck_finding(run, learning_rate, loss, dead) -> Finding:
    net = run.network
    stuck = f"the loss is stuck at {loss:.2f}"
    layers = tuple(sorted(dead))
    if learning_rate >= LARGE_RATE:
        died = "the ReLU units died in the first epochs and " if dead else ""
        message = (
            f"The learning rate {learning_rate:g} is too large: {died}{stuck}. Lower it to "
            f"{GOOD_RATE:g} and press Reset."
        )
    elif any(len(units) == net.hidden[layer - 1] for layer, units in dead.items()):
        message = (
            f"A whole layer of ReLU units is dead (they output 0 for every point), so {stuck}. "
            "Press Reset for new weights, or choose tanh."
        )
    else:
        message = (
            f"The network is too small for these points: {stuck}. Add neurons or a layer, or "
            "switch on another feature (x1², x1·x2, sin), then press Reset."
        )
    why = (
        f"Over the last {WINDOW} epochs the training loss changed by less than "
        f"{FLAT_CHANGE:.0%}, and it is far from a good fit."
    )
    return Finding("stuck", message, layers=layers, why=why)


def _units_finding(kind, units: dict, activation, points: int) -> Finding:
    neurons = tuple(f"{layer}:{index}" for layer, indices in units.items() for index in indices)
    count = len(neurons)
    layers = tuple(sorted(units))
    where = ", ".join(str(layer) for layer in layers)
    if kind == "dead_units":
        message = (
            f"{count} ReLU unit{'s' if count > 1 else ''} in layer {where} "
            f"{'are' if count > 1 else 'is'} dead: {'they output' if count > 1 else 'it outputs'} "
            "0 for every training point, so no gradient reaches "
            f"{'them' if count > 1 else 'it'}. Lower the learning rate and press Reset."
        )
        why = (
            f"Neurons {', '.join(neurons)} (layer:index) output 0 for all {points:,} training "
            "points. ReLU's slope is 0 there, so their weights never change again."
        )
    else:
        message = (
            f"{count} {activation} unit{'s' if count > 1 else ''} in layer {where} "
            f"{'are' if count > 1 else 'is'} saturated: pinned at the limits for almost every "
            "point, so they barely learn. Lower the learning rate and press Reset."
        )
        why = (
            f"Neurons {', '.join(neurons)} (layer:index) stay within {SATURATION:g} of their "
            "limits for at least "
            f"{SATURATED_SHARE:.0%} of the {points:,} training points, where the {activation} "
            "curve is almost flat."
        )
    return Finding(kind, message, neurons=neurons, layers=layers, why=why)


def _slow(rows, learning_rate) -> Finding | None:
    if learning_rate >= SMALL_RATE or len(rows) < WINDOW:
        return None
    start, end = rows[-WINDOW, 1], rows[-1, 1]
    if not (np.isfinite(start) and np.isfinite(end)) or end >= start:
        return None
    fall = (start - end) / start
    if fall >= SLOW_CHANGE:
        return None
    return Finding(
        "slow",
        f"The learning rate {learning_rate:g} is so small that the loss fell only "
        f"{fall:.1%} in the last {WINDOW} epochs: converging, but slowly. Raise it to "
        f"{GOOD_RATE:g}.",
        why=f"Training loss {start:.3f} {WINDOW} epochs ago, {end:.3f} now.",
    )


def _overfitting(rows) -> Finding | None:
    if len(rows) < WINDOW:
        return None
    train, test = rows[:, 1], rows[:, 2]
    if not np.all(np.isfinite(test)) or not np.all(np.isfinite(train)):
        return None
    best = int(np.argmin(test))
    # the test loss has risen since its lowest, at least a window ago, while training improved
    rise = test[-1] - test[best]
    risen = rise > max(test[best] * OVERFIT_RISE, OVERFIT_MIN_RISE) and best <= len(rows) - WINDOW
    if not risen or train[-1] >= train[best]:
        return None
    return Finding(
        "overfitting",
        f"The test loss rose from {test[best]:.3f} (epoch {int(rows[best, 0]):,}) to "
        f"{test[-1]:.3f} while the training loss kept falling: the network learns the training "
        "points, not the pattern. Use fewer neurons, regularization, or more training data.",
        why=f"Training loss {train[best]:.3f} at the test loss's lowest, {train[-1]:.3f} now.",
    )
