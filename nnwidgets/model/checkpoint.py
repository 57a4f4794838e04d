"""ModelCheckpoint: save the model (or its weights) after epochs, as Keras' callback does, in
nnwidgets' .npz files (see saving.py)."""

from .monitor import MonitorCallback
from .saving import check_filepath


class ModelCheckpoint(MonitorCallback):
    """Save the model after each epoch, or only when `monitor` improves, as Keras does.

    `filepath` may hold Keras' fields: "ckpt-{epoch:02d}-{val_loss:.3f}.npz" is formatted with
    the epoch (counted from 1) and the epoch's figures. Without fields, each save replaces
    the last.

    Args:
        filepath: Where to save: ending in ".npz" (the whole model, `model.save`), or with
            `save_weights_only` in ".weights.npz" (`model.save_weights`).
        monitor: The figure deciding what is best, as `fit` logs it ("val_loss", ...).
        verbose: 0 (silent) or 1 (say what it saves and why).
        save_best_only: Save only when `monitor` improves on the best so far.
        save_weights_only: Save the weights only.
        mode: "min", "max" or "auto" ("max" for accuracies, "min" for the rest).
        save_freq: "epoch", the only frequency nnwidgets offers (it saves between epochs).
        initial_value_threshold: The value the first save must beat, with `save_best_only`.

    Attributes:
        best: The best value of `monitor` saved so far (kept across `fit` calls, as Keras).

    Raises:
        TypeError: If `filepath` is not a str or a path, `monitor` not a string, or
            `initial_value_threshold` not a number.
        ValueError: If `filepath`'s ending does not fit `save_weights_only`, `save_freq` is not
            "epoch", `mode` or `verbose` is unknown; at the start of `fit`, if `filepath` names
            a figure `fit` does not log, or `save_best_only` watches one it does not log.
    """

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__(monitor, mode, initial_value_threshold)
        suffix = ".weights.npz" if save_weights_only else ".npz"
        what = "ModelCheckpoint(save_weights_only=True)" if save_weights_only else "ModelCheckpoint"
        self.filepath = str(check_filepath(filepath, suffix, what))
        if save_freq != "epoch":
            raise ValueError(
                f"save_freq must be 'epoch' (nnwidgets saves between epochs), got {save_freq!r}"
            )
        if verbose not in (0, 1) or isinstance(verbose, bool):
            raise ValueError(f"verbose must be 0 or 1, got {verbose!r}")
        self.verbose = verbose
        self.save_best_only = bool(save_best_only)
        self.save_weights_only = bool(save_weights_only)
        self.save_freq = save_freq

    def set_params(self, params: dict) -> None:
        """Remember `fit`'s parameters; check `filepath`'s fields and the monitor against them.

        Args:
            params: `fit`'s parameters; "metrics" lists the figures `fit` logs.

        Raises:
            ValueError: If `filepath` names a field `fit` will not log, or `save_best_only`
                watches a figure `fit` will not log.
        """
        if self.save_best_only:
            self.check_monitor(params)
        logged = params.get("metrics")
        if logged is not None:
            try:
                self.filepath.format(epoch=1, **dict.fromkeys(logged, 0.0))
            except (KeyError, IndexError, ValueError) as error:
                raise ValueError(
                    f"filepath {self.filepath!r} cannot be formatted with the epoch and the "
                    f"figures this fit logs ({', '.join(logged)}): {error!r}"
                ) from None
        super().set_params(params)

    def on_epoch_end(self, epoch, logs=None) -> None:
        """Save, or with `save_best_only` save when `monitor` improved.

        Args:
            epoch: The epoch just run, counted from 0.
            logs: Its figures by name.
        """
        logs = logs or {}
        filepath = self.filepath.format(epoch=epoch + 1, **logs)
        if self.save_best_only:
            current = logs.get(self.monitor)
            best = "None" if self.best is None else f"{self.best:.5f}"
            if current is not None and not self.is_improvement(current, self.best):
                self._say(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {best}")
                return
            if current is not None:
                self._say(
                    f"\nEpoch {epoch + 1}: {self.monitor} improved from {best} to "
                    f"{current:.5f}, saving model to {filepath}"
                )
                self.best = current
        else:
            self._say(f"\nEpoch {epoch + 1}: saving model to {filepath}")
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)
        self._say(f"\nEpoch {epoch + 1}: finished saving model to {filepath}")

    def _say(self, text: str) -> None:
        if self.verbose:
            print(text)
