"""What `fit` tells its callbacks, as Keras does: subclass `Callback` and override what you need.

`fit` calls, in order: `set_model(model)`, `set_params({"epochs", "steps", "verbose", "metrics",
"loss", "sample", "device"})` ("metrics" the names of the figures fit will log, "loss" the
compiled loss's name, "sample" up to 256 training inputs, "device" the device that trains, in
words), `on_train_begin(logs)`, then for each epoch
`on_epoch_begin(epoch, logs)` and `on_epoch_end(epoch, logs)`, and last `on_train_end(logs)`.
`logs` at an epoch's end holds that epoch's figures under Keras' names: "loss", each metric
("accuracy", ...), and with validation data "val_loss", "val_accuracy", ... Epochs count from 0
(from `initial_epoch`), as in Keras. A callback that sets `self.model.stop_training = True` ends
`fit` after the epoch that is running; one that raises in `set_params` stops `fit` before
anything trained.

A callback that overrides `on_train_batch_end(batch, logs)` also hears from inside each epoch:
after every k-th batch (about 20 times an epoch of 200 batches or more; Keras calls it after
every batch, which would cost a compiled epoch more than the work), with `batch` counting from 0
and the running means of the figures so far.
"""


class Callback:
    """The base of `fit`'s callbacks: every hook does nothing until a subclass overrides it.

    Attributes:
        model: The model being trained, set by `set_model`.
        params: `fit`'s parameters, set by `set_params`.
    """

    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model) -> None:
        """Remember the model being trained, as `self.model`.

        Args:
            model: The `Sequential` whose `fit` is running.
        """
        self.model = model

    def set_params(self, params: dict) -> None:
        """Remember `fit`'s parameters, as `self.params`.

        Args:
            params: {"epochs", "steps", "verbose", "metrics", "loss", "sample", "device"}: the
                epochs asked for, the batches per epoch, the verbosity, the names of the
                figures fit logs, the loss's name, some training inputs and the device that
                trains ("cpu:0", "gpu:0 (NVIDIA H100 ...)").
        """
        self.params = params

    def on_train_begin(self, logs=None) -> None:
        """Called once, before the first epoch.

        Args:
            logs: An empty dict, or None.
        """

    def on_epoch_begin(self, epoch: int, logs=None) -> None:
        """Called before each epoch.

        Args:
            epoch: The epoch about to run, counted from 0.
            logs: An empty dict, or None.
        """

    def on_epoch_end(self, epoch: int, logs=None) -> None:
        """Called after each epoch.

        Args:
            epoch: The epoch just run, counted from 0.
            logs: That epoch's figures under Keras' names: "loss", each metric, and with
                validation data "val_loss", "val_accuracy", ...
        """

    def on_train_batch_end(self, batch: int, logs=None) -> None:
        """Called from inside an epoch, after every k-th batch (see the module's text).

        Args:
            batch: The batch just run, counted from 0 within the epoch.
            logs: The running means of the epoch's figures so far.
        """

    def on_train_end(self, logs=None) -> None:
        """Called once, after the last epoch.

        Args:
            logs: The last epoch's figures ({} when no epoch ran), or None.
        """
