"""Why a Playground's network is not learning, in the lesson's words.

``diagnose`` reads a run's history and its hidden units' outputs on the training points and
returns findings, each with a ``kind``, a sentence naming the cause and the next step, and the
neurons or layers concerned. A healthy run gets none. The thresholds, each a constant in
``nnwidgets.diagnosis_rules``:

- ``diverged``: the loss or a weight is no longer finite.
- ``dead_units``: ReLU units whose output is 0 for every training point (reported while the
  loss is far from good; a good network may carry a few).
- ``saturated``: tanh or sigmoid units within ``SATURATION`` of their limits for at least
  ``SATURATED_SHARE`` of the training points, while the loss is far from good.
- ``stuck``: over the last ``WINDOW`` epochs the training loss changed by less than
  ``FLAT_CHANGE`` while far from good; the message names the likely cause: a learning rate of
  ``LARGE_RATE`` or more, one below ``SMALL_RATE``, dead units, or too few neurons or features.
- ``slow``: over the last ``WINDOW`` epochs the loss fell, but by less than ``SLOW_CHANGE``, at
  a learning rate below ``SMALL_RATE``.
- ``overfitting``: the test loss ended ``OVERFIT_RISE`` above its lowest, reached at least
  ``WINDOW`` epochs ago (and by ``OVERFIT_MIN_RISE`` at least), while the training loss fell
  since.

"Far from good": a training loss above ``FAR_LOSS`` (½(o − t)², the Playground's loss) or
``FAR_CROSS_ENTROPY`` (several classes).
"""

from ...diagnosis_rules import (
    FAR_CROSS_ENTROPY,
    FAR_LOSS,
    FLAT_CHANGE,
    GOOD_RATE,
    LARGE_RATE,
    SMALL_RATE,
    WINDOW,
    Finding,
    flat_loss,
    overfit,
    slow_fall,
    unit_states,
    units_finding,
)
from ...engine import numpy_forward

_NEXT_STEP = "press Reset"


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
    stuck = flat_loss(rows[:, 1], far)
    if stuck is not None:
        findings.append(_stuck_finding(run, learning_rate, stuck, dead))
    points = len(run.inputs[0])
    if dead:
        findings.append(units_finding("dead_units", dead, "relu", points, _NEXT_STEP))
    if saturated:
        activation = run.network.activation
        findings.append(units_finding("saturated", saturated, activation, points, _NEXT_STEP))
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
    # NumPy: a few hundred points, now and then; no kernel to compile for each new shape.
    hidden = numpy_forward.layers(
        run.weights(), run.inputs[0], net.activation, net.output_activation
    )
    return unit_states(
        (layer, outputs, net.activation) for layer, outputs in enumerate(hidden[1:-1], start=1)
    )


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
    elif learning_rate < SMALL_RATE:
        message = (
            f"The learning rate {learning_rate:g} is too small: each step barely moves the "
            f"weights, so {stuck}. Raise it to {GOOD_RATE:g}."
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


def _slow(rows, learning_rate) -> Finding | None:
    if learning_rate >= SMALL_RATE:
        return None
    fall = slow_fall(rows[:, 1])
    if fall is None:
        return None
    start, end, fall = fall
    return Finding(
        "slow",
        f"The learning rate {learning_rate:g} is so small that the loss fell only "
        f"{fall:.1%} in the last {WINDOW} epochs: converging, but slowly. Raise it to "
        f"{GOOD_RATE:g}.",
        why=f"Training loss {start:.3f} {WINDOW} epochs ago, {end:.3f} now.",
    )


def _overfitting(rows) -> Finding | None:
    train, test = rows[:, 1], rows[:, 2]
    best = overfit(train, test)
    if best is None:
        return None
    return Finding(
        "overfitting",
        f"The test loss rose from {test[best]:.3f} (epoch {int(rows[best, 0]):,}) to "
        f"{test[-1]:.3f} while the training loss kept falling: the network learns the training "
        "points, not the pattern. Use fewer neurons, regularization, or more training data.",
        why=f"Training loss {train[best]:.3f} at the test loss's lowest, {train[-1]:.3f} now.",
    )
