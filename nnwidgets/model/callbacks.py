"""What `fit` tells its callbacks, as Keras does: subclass `Callback` and override what you need.

`fit` calls, in order: `set_model(model)`, `set_params({"epochs", "steps", "verbose"})`,
`on_train_begin(logs)`, then for each epoch `on_epoch_begin(epoch, logs)` and
`on_epoch_end(epoch, logs)`, and last `on_train_end(logs)`. `logs` at an epoch's end holds that
epoch's figures under Keras' names: "loss", each metric ("accuracy", ...), and with validation data
"val_loss", "val_accuracy", ... Epochs count from 0, as in Keras.
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

    def on_train_end(self, logs=None) -> None:
        pass
