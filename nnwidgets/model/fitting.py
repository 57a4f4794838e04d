"""`Sequential.fit`: every argument checked first, then one compiled call per epoch."""

import math

import jax
import numpy as np

from ..engine import devices
from .callbacks import Callback
from .data_checks import check_not_empty, sample_weights_of
from .diagnosis import training_sample
from .fit_options import check_callbacks, check_count, check_validation_split, check_verbose
from .history import History
from .progress import ProgressPrinter, keras_order
from .seeding import generator
from .training import make_epoch, shuffled_order
from .transfer import rows_to_device, to_device


class Fitting:
    """``fit`` of a ``Sequential``.

    Part of ``Sequential``; it relies on the model's ``layers``, ``_compiled``, ``_check_x``,
    ``_check_y``, ``_require_compiled``, ``_device_params`` and ``_store_params``.

    Attributes:
        stop_training: Set to True by a callback (as Keras' EarlyStopping does) to end `fit`
            after the epoch that is running.
        history: The `History` of the last `fit` that ran an epoch; None before.
    """

    stop_training = False
    history = None

    def fit(
        self,
        x,
        y,
        batch_size=None,
        epochs=1,
        verbose="auto",
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        class_weight=None,
        initial_epoch=0,
    ) -> History:
        """Train as Keras does, one compiled call per epoch.

        Every argument is checked before anything changes: a refused call leaves the weights
        as they were.

        Args:
            x: Inputs, (n, *input shape), n >= 1, finite.
            y: Targets for the loss, finite: labels in [0, 1] (binary_crossentropy), one-hot
                rows, class indices or values.
            batch_size: Examples per update; 32 by default.
            epochs: The epoch to end at, 1 or more (with `initial_epoch`, as in Keras).
            verbose: 0 (silent), 1 (a bar), 2 (a line per epoch) or "auto" (1).
            callbacks: `Callback`s to tell about the training, e.g. `LivePlot` or
                `nnwidgets.callbacks.EarlyStopping`; one may set `model.stop_training = True`
                to end training after the current epoch.
            validation_split: The fraction in [0, 1) of the examples, taken from the end before
                any shuffling, kept apart for validation.
            validation_data: A pair (x_val, y_val) for validation; takes precedence over
                `validation_split`.
            shuffle: Whether each epoch visits the examples in a new random order.
            class_weight: {class index: weight}: each training example's loss is multiplied
                by its class's weight (1 for a class not named), as in Keras; the metrics and
                the validation figures stay unweighted, as Keras' `metrics` do.
            initial_epoch: The epoch to start from (epochs count from 0): `fit` runs epochs
                `initial_epoch` to `epochs - 1`, numbered so, as Keras resumes a training.

        Returns:
            A `History` whose `.history` holds each epoch's figures (also `model.history`) and
            whose `.device` names the device that trained (JAX's default device: a GPU where
            JAX has one, else the CPU).

        Raises:
            RuntimeError: If the model was not compiled.
            TypeError: If data is not numbers, or a callback is not a callback.
            ValueError: If an option is out of range, data is empty, not finite, does not fit
                the loss, the model or each other, or the split leaves no training or
                validation data.
        """
        self._require_compiled("fit")
        batch_size = check_count("batch_size", 32 if batch_size is None else batch_size, 1)
        epochs = check_count("epochs", epochs, 1)
        initial_epoch = check_count("initial_epoch", initial_epoch, 0)
        verbose = check_verbose(verbose)
        validation_split = check_validation_split(validation_split)
        callbacks = check_callbacks(callbacks)
        x = self._check_x("x", x)
        check_not_empty("x", x)
        y = self._check_y("y", y, len(x), "x")
        weights = sample_weights_of(class_weight, y)
        device = devices.wide_work()
        validation = None
        if validation_data is not None:
            x_val, y_val = self._checked_validation_data(validation_data)
            validation = (to_device(x_val, device), to_device(y_val, device))
        elif validation_split > 0:
            # The last fraction, before any shuffling, as Keras takes it.
            split = int(math.floor(len(x) * (1 - validation_split)))
            if split == 0 or split == len(x):
                raise ValueError(
                    f"validation_split={validation_split} of {len(x)} examples leaves no "
                    "training or no validation data"
                )
            validation = (to_device(x[split:], device), to_device(y[split:], device))
            x, y = x[:split], y[:split]
            weights = None if weights is None else weights[:split]

        history = History()
        history.device = devices.describe(device)
        printer = ProgressPrinter(verbose) if verbose else None
        everyone = [history, *callbacks] + ([printer] if printer else [])
        c = self._compiled
        names = ["loss", *c["metrics"]]
        logged = names + ([f"val_{name}" for name in names] if validation is not None else [])
        params = {
            "epochs": epochs,
            "steps": -(-len(x) // batch_size),
            "verbose": verbose,
            # Beyond Keras' params: what fit logs, the loss's name and some training inputs.
            "metrics": sorted(logged, key=keras_order),
            "loss": c["loss"],
            "sample": training_sample(x),
            "device": history.device,
        }
        # A callback may still refuse here (a monitor fit does not log): nothing changed yet.
        for callback in everyone:
            callback.set_model(self)
            callback.set_params(dict(params))
        # Who hears from inside an epoch: callbacks with on_train_batch_end, and a live bar.
        hearing = [cb for cb in callbacks if _hears_batches(cb)]
        hearing += [printer] if printer and printer.live else []
        epoch_fn, listeners = self._epoch_kernel(batch_size, reporting=bool(hearing))
        listeners[:] = hearing
        # Weights and optimizer state go to the device once; epochs then pass them as they are.
        device_params, opt_state = jax.device_put((self._device_params(), c["opt_state"]), device)
        X, Y = rows_to_device(x, device), to_device(y, device)
        W = None if weights is None else to_device(weights, device)
        self.stop_training = False
        for callback in everyone:
            callback.on_train_begin({})
        logs = {}
        for epoch in range(initial_epoch, epochs):
            for callback in everyone:
                callback.on_epoch_begin(epoch, {})
            order = shuffled_order(len(x), shuffle, generator())
            key = jax.random.key(int(generator().integers(2**31)))
            device_params, opt_state, figures = epoch_fn(
                device_params, opt_state, X, Y, order, key, W
            )
            self._store_params(device_params)
            c["opt_state"] = opt_state
            logs = dict(zip(names, np.asarray(figures).tolist(), strict=True))
            if validation is not None:
                values = np.asarray(c["evaluate"](device_params, *validation)).tolist()
                logs.update({f"val_{n}": v for n, v in zip(names, values, strict=True)})
            logs = dict(sorted(logs.items(), key=lambda item: keras_order(item[0])))
            for callback in everyone:
                callback.on_epoch_end(epoch, dict(logs))
            if self.stop_training:
                break
            # A callback may have set other weights (set_weights): go on from them.
            changed = zip(self.layers, device_params, strict=True)
            if any(layer.params is not p for layer, p in changed):
                device_params = jax.device_put(self._device_params(), device)
        listeners.clear()
        for callback in everyone:
            callback.on_train_end(dict(logs))
        return history

    def _checked_validation_data(self, validation_data):
        try:
            x_val, y_val = validation_data
        except (TypeError, ValueError):
            size = f" of {len(validation_data)}" if hasattr(validation_data, "__len__") else ""
            raise ValueError(
                "validation_data must be a pair (x_val, y_val), got a "
                f"{type(validation_data).__name__}{size}"
            ) from None
        x_val = self._check_x("validation_data[0]", x_val)
        check_not_empty("validation_data[0]", x_val)
        return x_val, self._check_y("validation_data[1]", y_val, len(x_val), "x_val")

    def _epoch_kernel(self, batch_size, reporting):
        """The compiled epoch for this batch size, and the list of callbacks its reports go to
        (fit fills it; a kernel that reports is compiled apart, on first need)."""
        c = self._compiled
        key = (batch_size, reporting)
        if key not in c["epochs_by_batch"]:
            listeners = []

            def report(done, figures):
                logs = dict(zip(["loss", *c["metrics"]], np.asarray(figures).tolist(), strict=True))
                for callback in listeners:
                    callback.on_train_batch_end(int(done) - 1, dict(logs))

            epoch_fn = make_epoch(
                self.layers,
                c["loss_fn"],
                c["metric_fns"],
                c["optimizer"],
                batch_size,
                report=report if reporting else None,
            )
            c["epochs_by_batch"][key] = (epoch_fn, listeners)
        return c["epochs_by_batch"][key]


def _hears_batches(callback) -> bool:
    """Does `callback` override on_train_batch_end (not merely inherit Callback's no-op)?"""
    method = getattr(type(callback), "on_train_batch_end", None)
    return method is not None and method is not Callback.on_train_batch_end
