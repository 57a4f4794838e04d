"""EarlyStopping: end `fit` when a watched figure stops improving, with Keras 3's arguments and
Keras 3's decisions, epoch for epoch."""

import numbers

from .monitor import MonitorCallback


def _check_count(name, value) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{name} must be an int >= 0, got {value!r}")
    return int(value)


class EarlyStopping(MonitorCallback):
    """Stop training when `monitor` has not improved for `patience` epochs, as Keras does.

    After each epoch from `start_from_epoch` on: a value better than the best by more than
    `min_delta` becomes the best (and, if it also beats `baseline`, resets the wait);
    otherwise, once `patience` epochs have passed without a reset, it sets
    `model.stop_training` and `fit` ends after that epoch.

    Args:
        monitor: The figure to watch, as `fit` logs it: "val_loss" (the default, which needs
            validation data), "loss", "accuracy", "val_accuracy", ...
        min_delta: The least change that counts as an improvement.
        patience: Epochs without improvement before stopping, 0 or more.
        verbose: 0 (silent) or 1 (say when it stops and restores).
        mode: "min", "max" or "auto" ("max" for accuracies, "min" for the rest).
        baseline: A value the figure must beat for the wait to reset, or None.
        restore_best_weights: At the end, put back the weights of the best epoch.
        start_from_epoch: Epochs to let pass before watching, 0 or more.

    Attributes:
        stopped_epoch: The epoch (from 0) at which it stopped training; 0 if it did not.
        best: The best value seen.
        best_epoch: The epoch of the best value.
        wait: Epochs since the last reset.

    Raises:
        TypeError: If `monitor` is not a string or `min_delta` or `baseline` not a number.
        ValueError: If `mode` is unknown, or `patience`, `verbose` or `start_from_epoch` out
            of range; at the start of `fit`, if `fit` does not log `monitor`.
    """

    def __init__(
        self,
        monitor="val_loss",
        min_delta=0,
        patience=0,
        verbose=0,
        mode="auto",
        baseline=None,
        restore_best_weights=False,
        start_from_epoch=0,
    ):
        super().__init__(monitor, mode, baseline, min_delta)
        self.baseline = self.best
        self.patience = _check_count("patience", patience)
        if verbose not in (0, 1) or isinstance(verbose, bool):
            raise ValueError(f"verbose must be 0 or 1, got {verbose!r}")
        self.verbose = verbose
        self.restore_best_weights = bool(restore_best_weights)
        self.start_from_epoch = _check_count("start_from_epoch", start_from_epoch)
        self.wait = self.stopped_epoch = self.best_epoch = 0
        self.best_weights = None

    def set_params(self, params: dict) -> None:
        """Remember `fit`'s parameters and check that `fit` logs the monitored figure.

        Args:
            params: `fit`'s parameters.

        Raises:
            ValueError: If `monitor` is not among the figures `fit` logs.
        """
        self.check_monitor(params)
        super().set_params(params)

    def on_train_begin(self, logs=None) -> None:
        """Start afresh, so that one callback serves several `fit` calls (as in Keras).

        Args:
            logs: Unused.
        """
        self.wait = self.stopped_epoch = self.best_epoch = 0
        self.best = None
        self.best_weights = None

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Compare the epoch's figure with the best, and stop training when patience runs out.

        Args:
            epoch: The epoch just run, counted from 0.
            logs: Its figures by name.
        """
        current = (logs or {}).get(self.monitor)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = self.model.get_weights(), epoch
        # Keras counts the epoch first, then resets on an improvement.
        self.wait += 1
        if self.is_improvement(current, self.best):
            self.best, self.best_epoch = current, epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self.is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None) -> None:
        """Say where it stopped (verbose=1) and put back the best weights when asked.

        Args:
            logs: Unused.
        """
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(
                    f"Restoring model weights from the end of the best epoch: "
                    f"{self.best_epoch + 1}."
                )
            self.model.set_weights(self.best_weights)
