"""What `fit` tells its callbacks, as Keras does: subclass `Callback` and override what you need.

`fit` calls, in order: `set_model(model)`, `set_params({"epochs", "steps", "verbose"})`,
`on_train_begin(logs)`, then for each epoch `on_epoch_begin(epoch, logs)` and
`on_epoch_end(epoch, logs)`, and last `on_train_end(logs)`. `logs` at an epoch's end holds that
epoch's figures under Keras' names: "loss", each metric ("accuracy", ...), and with validation data
"val_loss", "val_accuracy", ... Epochs count from 0, as in Keras.

A callback that overrides `on_train_batch_end(batch, logs)` also hears from inside each epoch:
after every k-th batch (about 20 times an epoch of 200 batches or more; Keras calls it after
every batch, which would cost a compiled epoch more than the work), with `batch` counting from 0
and the running means of the figures so far.
"""


class Callback:
    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model) -> None:
        self.model = model

    def set_params(self, params: dict) -> None:
        self.params = params

    def on_train_begin(self, logs=None) -> None:
        pass

    def on_epoch_begin(self, epoch: int, logs=None) -> None:
        pass

    def on_epoch_end(self, epoch: int, logs=None) -> None:
        pass

    def on_train_batch_end(self, batch: int, logs=None) -> None:
        pass

    def on_train_end(self, logs=None) -> None:
        pass
