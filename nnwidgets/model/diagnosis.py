"""Diagnosis: a `fit` callback that says why a model is not learning, as the Playground does.

It reads the epoch logs ("loss", "val_loss") and, while the loss is far from good, the Dense
layers' outputs on a sample of the training inputs (`fit` passes up to ``SAMPLE`` of them
in ``params["sample"]``). The thresholds and measurements are the Playground's
(``nnwidgets.diagnosis_rules``), over ``FIT_WINDOW`` epochs instead of the Playground's 100:
a `fit` epoch is a whole pass of many batches, where a Playground epoch is a few.

- ``diverged``: the loss is no longer finite.
- ``dead_units`` / ``saturated``: ReLU units that output 0 on every sampled input; tanh or
  sigmoid units pinned at their limits (only while the loss is far from good).
- ``stuck``: the loss flat over ``FIT_WINDOW`` epochs while far from good (and not falling at
  every one of them: that is slow).
- ``slow``: the loss falling by less than ``SLOW_CHANGE`` over ``FIT_WINDOW`` epochs while far
  from good.
- ``overfitting``: the validation loss rising since its lowest while the training loss falls.

"Far from good": a loss above ``FAR_CROSS_ENTROPY`` for cross-entropies, or twice ``FAR_LOSS``
for the mean squared error (Keras' (o − t)², twice the Playground's ½(o − t)²).
"""

import math

import numpy as np

from ..diagnosis_rules import (
    FAR_CROSS_ENTROPY,
    FAR_LOSS,
    FLAT_CHANGE,
    Finding,
    flat_loss,
    overfit,
    slow_fall,
    unit_states,
    units_finding,
)
from .callbacks import Callback
from .layers import Dense

FIT_WINDOW = 10
SAMPLE = 256
_NEXT_STEP = "build the model again"


class Diagnosis(Callback):
    """Why ``fit`` is not learning, in plain sentences; nothing for a healthy run.

    ``findings`` lists what is wrong now, most telling first, and ``message`` is the first one's
    sentence. Findings follow the epochs across ``fit`` calls on the same model. ``LivePlot``
    carries one and shows its message under the curves.

    Examples:
        >>> diagnosis = nw.Diagnosis()
        >>> model.fit(X, y, epochs=30, callbacks=[diagnosis], verbose=0)
        >>> print(diagnosis.message)
    """

    def __init__(self):
        super().__init__()
        self.loss: list[float] = []
        self.val_loss: list[float] = []
        self._findings: list[Finding] | None = []

    def set_model(self, model) -> None:
        """Remember the model; a different model starts the history over.

        Args:
            model: The `Sequential` whose `fit` is running.
        """
        if model is not self.model:
            self.clear()
        super().set_model(model)

    def clear(self) -> None:
        """Forget the epochs seen so far."""
        self.loss, self.val_loss = [], []
        self._findings = []

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Record the epoch's loss (the findings are worked out when read).

        Args:
            epoch: The epoch just run, counted from 0.
            logs: The epoch's figures by name.
        """
        logs = logs or {}
        self.loss.append(float(logs.get("loss", math.nan)))
        self.val_loss.append(float(logs.get("val_loss", math.nan)))
        self._findings = None

    @property
    def findings(self) -> list[Finding]:
        """What is wrong now, most telling first (``Finding``s); empty for a healthy run."""
        if self._findings is None:
            self._findings = self._diagnose()
        return list(self._findings)

    @property
    def message(self) -> str:
        """The first finding's sentence, or "" for a healthy run."""
        findings = self.findings
        return findings[0].message if findings else ""

    def _diagnose(self) -> list[Finding]:
        if not self.loss:
            return []
        last = self.loss[-1]
        if not math.isfinite(last):
            return [
                Finding(
                    "diverged",
                    "The learning rate is too large: the loss is no longer finite. Make it ten "
                    "times smaller and build the model again.",
                    why="Each step moved the weights so far that the next loss was larger still, "
                    "until a number overflowed.",
                )
            ]
        far = last > _far_limit(self.params.get("loss"))
        dead, saturated, points = self._unit_states() if far else ({}, {}, 0)
        findings = []
        # A loss that fell at every epoch is converging, however little: slow, not stuck.
        falling = len(self.loss) > FIT_WINDOW and np.all(np.diff(self.loss[-FIT_WINDOW:]) < 0)
        stuck = None if falling else flat_loss(self.loss, far, FIT_WINDOW)
        if stuck is not None:
            findings.append(_stuck_finding(stuck, dead, saturated))
        if dead:
            findings.append(units_finding("dead_units", dead, "relu", points, _NEXT_STEP))
        if saturated:
            activation = "/".join(sorted({self._activation(name) for name in saturated}))
            findings.append(units_finding("saturated", saturated, activation, points, _NEXT_STEP))
        if stuck is None and far:
            slow = slow_fall(self.loss, FIT_WINDOW)
            if slow is not None:
                findings.append(_slow_finding(*slow))
        best = overfit(self.loss, self.val_loss, FIT_WINDOW)
        if best is not None:
            findings.append(_overfitting_finding(self.loss, self.val_loss, best))
        return findings

    def _dense(self) -> list[Dense]:
        # The output layer too: a sigmoid output pinned at the wrong limit stops learning as well.
        layers = list(self.model.layers) if self.model is not None else []
        return [layer for layer in layers if isinstance(layer, Dense)]

    def _activation(self, name) -> str:
        return next(layer.activation for layer in self._dense() if layer.name == name)

    def _unit_states(self) -> tuple[dict, dict, int]:
        sample = self.params.get("sample")
        dense = self._dense()
        if sample is None or not len(sample) or not dense:
            return {}, {}, 0
        outputs = self.model.layer_outputs(sample, [layer.name for layer in dense])
        dead, saturated = unit_states(
            (layer.name, out, layer.activation) for layer, out in zip(dense, outputs, strict=True)
        )
        return dead, saturated, len(sample)


def _far_limit(loss) -> float:
    if loss in ("mse", "mean_squared_error"):
        return 2 * FAR_LOSS
    return FAR_CROSS_ENTROPY


def _stuck_finding(loss: float, dead: dict, saturated: dict) -> Finding:
    stuck = f"the loss is stuck at {loss:.2f}"
    units = {**dead, **saturated}
    if units:
        what = "the ReLU units died" if dead else "units were pushed to their limits"
        message = (
            f"The learning rate is too large: {what} in the first epochs and {stuck}. Make it "
            "ten times smaller and build the model again."
        )
    else:
        message = (
            f"The model is too small for these data, or the learning rate too large: {stuck}. "
            "Add units or a layer, or lower the learning rate, and build the model again."
        )
    why = (
        f"Over the last {FIT_WINDOW} epochs the training loss changed by less than "
        f"{FLAT_CHANGE:.0%}, and it is far from a good fit."
    )
    return Finding("stuck", message, layers=tuple(units), why=why)


def _slow_finding(start: float, end: float, fall: float) -> Finding:
    return Finding(
        "slow",
        f"The loss fell only {fall:.1%} in the last {FIT_WINDOW} epochs and is still far from "
        "good: converging, but slowly. Make the learning rate ten times larger.",
        why=f"Training loss {start:.3f} {FIT_WINDOW} epochs ago, {end:.3f} now.",
    )


def _overfitting_finding(loss, val_loss, best: int) -> Finding:
    return Finding(
        "overfitting",
        f"The validation loss rose from {val_loss[best]:.3f} (epoch {best + 1}) to "
        f"{val_loss[-1]:.3f} while the training loss kept falling: the model learns the "
        "training examples, not the pattern. Stop earlier, use fewer units, or more data.",
        why=f"Training loss {loss[best]:.3f} at the validation loss's lowest, {loss[-1]:.3f} now.",
    )


def training_sample(x) -> np.ndarray:
    """Up to ``SAMPLE`` training inputs, evenly spread, for the unit checks.

    Args:
        x: The training inputs.

    Returns:
        The sample, a view of `x` where it can be.
    """
    return x[:: max(1, len(x) // SAMPLE)][:SAMPLE]
