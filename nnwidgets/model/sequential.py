"""Sequential: a Keras-like stack of layers, trained by one jitted call per epoch."""

import math
import numbers

import jax
import jax.numpy as jnp
import numpy as np

from ..engine.losses import get_loss
from .callbacks import Callback
from .data_checks import check_inputs, check_targets
from .diagnosis import training_sample
from .history import History
from .inner_layers import InnerLayers
from .layers import Input, Layer
from .metrics import get_metric
from .naming import check_name, unique_name
from .optimizers import get_optimizer
from .progress import ProgressPrinter
from .seeding import generator
from .summary import summary_lines
from .training import make_epoch, make_evaluate, shuffled_order
from .transfer import to_device

LOSS_NAMES = (
    "mse",
    "mean_squared_error",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
)


class Sequential(InnerLayers):
    """Layers applied one after another; `Input` first fixes the shape of one example.

    ``Sequential([layers.Input((4,)), layers.Dense(2, activation="relu"),
    layers.Dense(1, activation="sigmoid")])`` builds at once: weights exist, `summary()` works.

    Args:
        layers: The layers, `Input` first; more can be added with `add`.
        name: The model's name; "sequential", "sequential_1", ... by default.

    Attributes:
        name: The model's name.
        layers: The layers after the `Input`, in order.
        input_shape: (None, ...): the shape of a batch of inputs, once an `Input` was added.

    Raises:
        TypeError: If `name` is not a non-empty string, or a layer is not a layer.
        ValueError: As `add` does.
    """

    def __init__(self, layers=None, name=None):
        self.name = check_name(name) if name is not None else unique_name("sequential")
        self.layers: list[Layer] = []
        self.input_shape = None
        self._params = None
        self._compiled = None
        for layer in layers or []:
            self.add(layer)

    # --- building --------------------------------------------------------------------------

    def add(self, layer: Layer) -> None:
        """Append a layer and build it on the previous layer's output; its weights exist at once.

        Args:
            layer: A layer of `nnwidgets.layers`; an `Input` only first.

        Raises:
            TypeError: If `layer` is not a layer.
            ValueError: If an `Input` comes twice or after other layers, no `Input` came first,
                a layer of that name is already in the model, or the layer cannot take the
                previous output's shape.
        """
        if not isinstance(layer, Layer):
            raise TypeError(f"layer must be a layer of nnwidgets.layers, got {layer!r}")
        if isinstance(layer, Input):
            if self.input_shape is not None:
                raise ValueError("an Input layer must come first, and only once")
            self.input_shape = layer.output_shape
            return
        if any(existing.name == layer.name for existing in self.layers):
            raise ValueError(f"a layer named {layer.name!r} is already in {self.name}")
        if self.input_shape is None:
            raise ValueError(
                "the model does not know its input shape: start with layers.Input(shape)"
            )
        previous = self.layers[-1].output_shape if self.layers else self.input_shape
        layer.build(previous)
        self.layers.append(layer)
        params = [] if self._params is None else self._params
        self._params = [*params, layer.init_params()]
        self._compiled = None if self._compiled is None else self._recompiled()

    @property
    def output_shape(self):
        """(None, ...): the shape of a batch of outputs (the input's while there is no layer)."""
        return self.layers[-1].output_shape if self.layers else self.input_shape

    def count_params(self) -> int:
        """The number of parameters of every layer.

        Returns:
            The total.
        """
        return sum(layer.count_params() for layer in self.layers)

    def summary(self, print_fn=print) -> None:
        """Print the table Keras 3 prints: layers, output shapes, parameters and totals.

        Args:
            print_fn: Called with each line.
        """
        for line in summary_lines(self.name, self.layers):
            print_fn(line)

    # --- weights -----------------------------------------------------------------------------

    def get_weights(self) -> list[np.ndarray]:
        """Every layer's arrays in order.

        Returns:
            float32 copies, layer by layer (Dense: W of shape (inputs, units), then b).
        """
        return [
            np.array(p[key], np.float32)
            for layer, p in zip(self.layers, self._params, strict=True)
            for key in layer.param_shapes()
        ]

    def set_weights(self, weights) -> None:
        """Replace every array.

        Args:
            weights: The arrays, listed as `get_weights()` gives them.

        Raises:
            ValueError: If the number of arrays or a shape differs from `get_weights()`'s.
        """
        expected = [
            (layer, key, shape)
            for layer in self.layers
            for key, shape in layer.param_shapes().items()
        ]
        weights = list(weights)
        if len(weights) != len(expected):
            raise ValueError(f"set_weights needs {len(expected)} arrays, got {len(weights)}")
        new = [dict() for _ in self.layers]
        for index, (value, (layer, key, shape)) in enumerate(zip(weights, expected, strict=True)):
            array = np.asarray(value, np.float32)
            if array.shape != tuple(shape):
                raise ValueError(
                    f"weights[{index}] ({layer.name}.{key}) must have shape {tuple(shape)}, "
                    f"got {array.shape}"
                )
            new[self.layers.index(layer)][key] = array
        self._params = new

    @property
    def weights(self) -> list[np.ndarray]:
        """`get_weights()`, as a property."""
        return self.get_weights()

    # --- compile -----------------------------------------------------------------------------

    def compile(self, optimizer="rmsprop", loss=None, metrics=None) -> None:
        """Choose the optimizer, the loss and the metrics.

        Args:
            optimizer: A name ("sgd", "adam", "rmsprop", with Keras' defaults) or an optax
                GradientTransformation.
            loss: One of "mse", "mean_squared_error", "binary_crossentropy",
                "categorical_crossentropy", "sparse_categorical_crossentropy".
            metrics: Metric names ("accuracy" is the accuracy that fits the loss), or None.

        Raises:
            ValueError: If the model has no layers, `loss` is missing or unknown, or a metric
                or optimizer name is unknown.
            TypeError: If `optimizer` is neither a name nor a GradientTransformation.
        """
        if not self.layers:
            raise ValueError("the model has no layers to train; add some first")
        if loss is None:
            raise ValueError(f"compile needs a loss, one of {', '.join(LOSS_NAMES)}")
        loss_fn = get_loss(loss)
        if loss not in LOSS_NAMES:
            allowed = ", ".join(map(repr, LOSS_NAMES))
            raise ValueError(f"loss must be one of {allowed}, got {loss!r}")
        metrics = list(metrics or [])
        metric_fns = [get_metric(m, loss) for m in metrics]
        self._compiled = {
            "optimizer": get_optimizer(optimizer),
            "loss": loss,
            "loss_fn": loss_fn,
            "metrics": metrics,
            "metric_fns": metric_fns,
        }
        self._compiled = self._recompiled()

    def _recompiled(self):
        c = dict(self._compiled)
        c["evaluate"] = make_evaluate(self.layers, c["loss_fn"], c["metric_fns"])
        c["epochs_by_batch"] = {}
        c["opt_state"] = c["optimizer"].init(self._device_params())
        return c

    def _device_params(self):
        return jax.tree.map(jnp.asarray, self._params)

    # --- data checks -------------------------------------------------------------------------

    def _check_x(self, name, x) -> np.ndarray:
        return check_inputs(name, x, self.input_shape, self.name)

    def _check_y(self, name, y, n, x_name) -> np.ndarray:
        return check_targets(name, y, n, x_name, self._compiled["loss"], self.output_shape[1])

    def _require_compiled(self, what):
        if self._compiled is None:
            raise RuntimeError(f"call compile(optimizer, loss, metrics) before {what}")

    # --- fit / evaluate / predict -------------------------------------------------------------

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
    ) -> History:
        """Train as Keras does, one compiled call per epoch.

        Args:
            x: Inputs, (n, *input shape).
            y: Targets for the loss: labels 0/1, one-hot rows, class indices or values.
            batch_size: Examples per update; 32 by default.
            epochs: How many epochs, 1 or more.
            verbose: 0 (silent), 1 (a bar), 2 (a line per epoch) or "auto" (1).
            callbacks: `Callback`s to tell about the training, e.g. `LivePlot`.
            validation_split: The fraction in [0, 1) of the examples, taken from the end before
                any shuffling, kept apart for validation.
            validation_data: A pair (x_val, y_val) for validation; takes precedence over
                `validation_split`.
            shuffle: Whether each epoch visits the examples in a new random order.

        Returns:
            A `History` whose `.history` holds each epoch's figures.

        Raises:
            RuntimeError: If the model was not compiled.
            TypeError: If data is not numbers, or a callback is not a callback.
            ValueError: If an option is out of range, data shapes do not fit the model or each
                other, inputs are not finite, or the split leaves no training or validation data.
        """
        self._require_compiled("fit")
        batch_size = 32 if batch_size is None else batch_size
        for name, value in (("batch_size", batch_size), ("epochs", epochs)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"{name} must be an int >= 1, got {value!r}")
        verbose = 1 if verbose == "auto" else verbose
        if verbose not in (0, 1, 2):
            raise ValueError(f"verbose must be 0, 1, 2 or 'auto', got {verbose!r}")
        x = self._check_x("x", x)
        y = self._check_y("y", y, len(x), "x")
        if not isinstance(validation_split, numbers.Real) or not 0 <= validation_split < 1:
            raise ValueError(f"validation_split must be in [0, 1), got {validation_split!r}")
        validation = None
        if validation_data is not None:
            try:
                x_val, y_val = validation_data
            except (TypeError, ValueError):
                raise ValueError("validation_data must be a pair (x_val, y_val)") from None
            x_val = self._check_x("validation_data[0]", x_val)
            y_val = self._check_y("validation_data[1]", y_val, len(x_val), "x_val")
            validation = (to_device(x_val), to_device(y_val))
        elif validation_split > 0:
            # The last fraction, before any shuffling, as Keras takes it.
            split = int(math.floor(len(x) * (1 - validation_split)))
            if split == 0 or split == len(x):
                raise ValueError(
                    f"validation_split={validation_split} of {len(x)} examples leaves no "
                    "training or no validation data"
                )
            x, y, validation = x[:split], y[:split], (to_device(x[split:]), to_device(y[split:]))
        callbacks = list(callbacks or [])
        for callback in callbacks:
            if not all(hasattr(callback, hook) for hook in ("on_epoch_end", "set_model")):
                raise TypeError(f"callbacks must be Callback objects, got {callback!r}")
        history = History()
        printer = ProgressPrinter(verbose) if verbose else None
        everyone = [history, *callbacks] + ([printer] if printer else [])
        steps = -(-len(x) // batch_size)
        params = {"epochs": epochs, "steps": steps, "verbose": verbose}
        # What a Diagnosis needs beyond Keras' params: the loss's name and some training inputs.
        params.update(loss=self._compiled["loss"], sample=training_sample(x))
        for callback in everyone:
            callback.set_model(self)
            callback.set_params(dict(params))
        # Who hears from inside an epoch: callbacks with on_train_batch_end, and a live bar.
        hearing = [cb for cb in callbacks if _hears_batches(cb)]
        hearing += [printer] if printer and printer.live else []
        epoch_fn, listeners = self._epoch_kernel(batch_size, reporting=bool(hearing))
        listeners[:] = hearing
        c = self._compiled
        names = ["loss", *c["metrics"]]
        params, opt_state = self._device_params(), c["opt_state"]
        X, Y = to_device(x), to_device(y)
        for callback in everyone:
            callback.on_train_begin({})
        logs = {}
        for epoch in range(epochs):
            for callback in everyone:
                callback.on_epoch_begin(epoch, {})
            order = shuffled_order(len(x), shuffle, generator())
            key = jax.random.key(int(generator().integers(2**31)))
            params, opt_state, figures = epoch_fn(params, opt_state, X, Y, order, key)
            self._params, c["opt_state"] = params, opt_state
            train = dict(zip(names, np.asarray(figures).tolist(), strict=True))
            logs = dict(train)
            if validation is not None:
                values = np.asarray(c["evaluate"](params, *validation)).tolist()
                logs.update({f"val_{n}": v for n, v in zip(names, values, strict=True)})
            logs = dict(sorted(logs.items(), key=lambda item: _keras_order(item[0])))
            for callback in everyone:
                callback.on_epoch_end(epoch, dict(logs))
        listeners.clear()
        for callback in everyone:
            callback.on_train_end(dict(logs))
        return history

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

    def evaluate(self, x, y, batch_size=None, verbose="auto", return_dict=False):
        """The loss and metrics over every example, as Keras.

        Args:
            x: Inputs, (n, *input shape).
            y: Targets, as for `fit`.
            batch_size: Accepted for Keras' signature; every example is evaluated at once.
            verbose: Accepted for Keras' signature; nothing is printed.
            return_dict: Return {name: value} instead of a list.

        Returns:
            [loss, *metrics], just the loss without metrics, or a dict with `return_dict`.

        Raises:
            RuntimeError: If the model was not compiled.
            TypeError: If data is not numbers.
            ValueError: If data shapes do not fit the model or each other.
        """
        self._require_compiled("evaluate")
        x = self._check_x("x", x)
        y = self._check_y("y", y, len(x), "x")
        params = self._device_params()
        values = np.asarray(self._compiled["evaluate"](params, to_device(x), to_device(y))).tolist()
        names = ["loss", *self._compiled["metrics"]]
        if return_dict:
            return dict(zip(names, values, strict=True))
        return values if len(values) > 1 else values[0]

    def predict(self, x, batch_size=None, verbose="auto") -> np.ndarray:
        """The model's output for `x`.

        Args:
            x: Inputs, (n, *input shape).
            batch_size: Accepted for Keras' signature; every example goes at once.
            verbose: Accepted for Keras' signature; nothing is printed.

        Returns:
            The last layer's output, (n, *output shape).

        Raises:
            TypeError: If `x` is not numbers.
            ValueError: If `x` does not fit the model's input shape or is not finite.
        """
        return self.layer_output(x, -1)

    def __repr__(self) -> str:
        return f"<Sequential name={self.name!r}, {len(self.layers)} layers>"


def _keras_order(name: str) -> tuple:
    """Keras 3's order of logs: training figures by name, then validation ones by name."""
    return (name.startswith("val_"), name.removeprefix("val_"))


def _hears_batches(callback) -> bool:
    """Does `callback` override on_train_batch_end (not merely inherit Callback's no-op)?"""
    method = getattr(type(callback), "on_train_batch_end", None)
    return method is not None and method is not Callback.on_train_batch_end
