"""What EarlyStopping and ModelCheckpoint share, as Keras' MonitorCallback: a figure to watch
("val_loss", "accuracy", ...), which way is better, and what counts as an improvement."""

import numbers

from .callbacks import Callback

# Figures that are better high; every other figure fit logs (losses, errors) is better low.
_HIGHER_IS_BETTER = {
    "accuracy",
    "acc",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
}


def check_number(name: str, value, allow_none=False):
    """`value`, checked to be a real number (or None when allowed).

    Args:
        name: The argument's name, for the message.
        value: What was given.
        allow_none: Whether None is allowed.

    Returns:
        `value` as a float, or None.

    Raises:
        TypeError: If `value` is not a number.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number{' or None' if allow_none else ''}, got {value!r}")
    return float(value)


class MonitorCallback(Callback):
    """A callback that watches one figure of `fit`'s logs.

    Args:
        monitor: The figure's name as `fit` logs it: "loss", "accuracy", "val_loss", ...
        mode: "min", "max", or "auto": "max" for accuracies, "min" for losses and errors.
        best: The value to beat at first, or None.
        min_delta: The least change that counts as an improvement (its sign is ignored).

    Raises:
        TypeError: If `monitor` is not a string or `min_delta` not a number.
        ValueError: If `mode` is not "auto", "min" or "max".
    """

    def __init__(self, monitor="val_loss", mode="auto", best=None, min_delta=0):
        super().__init__()
        if not isinstance(monitor, str) or not monitor:
            raise TypeError(f"monitor must be a figure's name such as 'val_loss', got {monitor!r}")
        if mode not in ("auto", "min", "max"):
            raise ValueError(f"mode must be 'auto', 'min' or 'max', got {mode!r}")
        self.monitor = monitor
        self.mode = mode
        self.best = check_number("baseline", best, allow_none=True)
        self.min_delta = abs(check_number("min_delta", min_delta))

    @property
    def higher_is_better(self) -> bool:
        """Whether a larger value of the monitored figure is an improvement."""
        if self.mode != "auto":
            return self.mode == "max"
        return self.monitor.removeprefix("val_") in _HIGHER_IS_BETTER

    def check_monitor(self, params: dict) -> None:
        """Refuse, before training, a monitor that `fit` will not log.

        Args:
            params: `fit`'s parameters; "metrics" lists the figures it logs.

        Raises:
            ValueError: If the monitored figure is not among them; the message lists them and,
                for "val_..." without validation data, says to give some.
        """
        logged = params.get("metrics")
        if logged is None or self.monitor in logged:
            return
        hint = (
            "; pass validation_data or validation_split to fit to log it"
            if self.monitor.startswith("val_")
            else ""
        )
        raise ValueError(
            f"monitor={self.monitor!r} is not a figure this fit logs; it logs "
            f"{', '.join(map(repr, logged))}{hint}"
        )

    def is_improvement(self, current: float, reference) -> bool:
        """Whether `current` beats `reference` by more than `min_delta`, as Keras decides.

        Args:
            current: The figure now.
            reference: The best so far, or None (then anything is an improvement).

        Returns:
            True for an improvement.
        """
        if reference is None:
            return True
        if self.higher_is_better:
            return current - self.min_delta > reference
        return current + self.min_delta < reference
