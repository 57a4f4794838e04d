"""What `fit` returns: each epoch's figures under Keras' names, as keras.callbacks.History."""

from .callbacks import Callback


class History(Callback):
    """Each epoch's figures, gathered as `fit` runs; `fit` returns it.

    Attributes:
        history: Each figure's name ("loss", "accuracy", "val_loss", ...) mapped to its value
            after each epoch.
        epoch: The epochs seen, counted from 0.
        device: The device that trained, in words ("cpu:0", "gpu:0 (NVIDIA H100 ...)"); None
            until `fit` sets it.
    """

    def __init__(self):
        super().__init__()
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []
        self.device: str | None = None

    def on_epoch_end(self, epoch, logs=None):
        """Append the epoch and each of its figures; the model's `history` is now this one.

        Args:
            epoch: The epoch just run, counted from 0.
            logs: That epoch's figures by name.
        """
        self.epoch.append(epoch)
        for name, value in (logs or {}).items():
            self.history.setdefault(name, []).append(value)
        # As Keras: model.history is the History of the last fit that ran an epoch.
        if self.model is not None:
            self.model.history = self

    def __repr__(self) -> str:
        return f"<History of {len(self.epoch)} epochs: {', '.join(self.history)}>"
