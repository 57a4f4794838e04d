"""Sequential: a Keras-like stack of layers, trained by one jitted call per epoch."""

import numbers
import time

import jax
import jax.numpy as jnp
import numpy as np

from ..engine.losses import get_loss
from .data_checks import check_inputs, check_not_empty, check_targets
from .fit_options import check_count, check_metric_names, check_verbose
from .fitting import Fitting
from .inner_layers import InnerLayers
from .layers import Input, Layer
from .metrics import get_metric
from .naming import check_name, unique_name
from .optimizers import get_optimizer
from .progress import keras_order, print_result_line
from .saving import Saving
from .summary import summary_lines
from .training import make_evaluate
from .transfer import to_device

LOSS_NAMES = (
    "mse",
    "mean_squared_error",
    "mae",
    "mean_absolute_error",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
)


class Sequential(InnerLayers, Fitting, Saving):
    """Layers applied one after another; `Input` first fixes the shape of one example.

    ``Sequential([layers.Input((4,)), layers.Dense(2, activation="relu"),
    layers.Dense(1, activation="sigmoid")])`` builds at once: weights exist, `summary()` works.
    As in Keras 3, a first layer's `input_shape=(4,)` may stand in for the `Input`.

    Args:
        layers: The layers, `Input` first; more can be added with `add`.
        name: The model's name; "sequential", "sequential_1", ... by default.

    Attributes:
        name: The model's name.
        layers: The layers after the `Input`, in order.
        input_shape: (None, ...): the shape of a batch of inputs, once an `Input` was added.
        history: The `History` of the last `fit`; None before.
        stop_training: Set it to True from a callback to end `fit` after the current epoch.

    Raises:
        TypeError: If `name` is not a non-empty string, or a layer is not a layer.
        ValueError: As `add` does.
    """

    def __init__(self, layers=None, name=None):
        self.name = check_name(name) if name is not None else unique_name("sequential")
        self.layers: list[Layer] = []
        self.input_shape = None
        self._compiled = None
        for layer in layers or []:
            self.add(layer)

    # --- building --------------------------------------------------------------------------

    def add(self, layer: Layer) -> None:
        """Append a layer and build it on the previous layer's output; its weights exist at once.

        A layer already built by another model keeps its weights, shared, as in Keras.

        Args:
            layer: A layer of `nnwidgets.layers`; an `Input` only first. The first layer
                after no `Input` may carry `input_shape=` instead, as Keras 3 allows.

        Raises:
            TypeError: If `layer` is not a layer.
            ValueError: If an `Input` comes twice or after other layers, no input shape came
                first, a layer of that name is already in the model, or the layer cannot take
                the previous output's shape.
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
        if self.input_shape is None and layer.requested_input_shape is not None:
            self.input_shape = (None, *layer.requested_input_shape)
        if self.input_shape is None:
            raise ValueError(
                "the model does not know its input shape: start with layers.Input(shape)"
            )
        previous = self.layers[-1].output_shape if self.layers else self.input_shape
        if layer.params is None:
            layer.build(previous)
            layer.params = layer.init_params()
        elif layer.input_shape != previous:
            raise ValueError(
                f"layer {layer.name!r} was built for inputs {layer.input_shape} in another "
                f"model and cannot take {previous}; make a new layer"
            )
        self.layers.append(layer)
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
        return [array for layer in self.layers for array in layer.get_weights()]

    def set_weights(self, weights) -> None:
        """Replace every array; nothing changes unless all fit.

        Args:
            weights: The arrays, listed as `get_weights()` gives them.

        Raises:
            TypeError: If an array holds something that is not a number.
            ValueError: If the number of arrays or a shape differs from `get_weights()`'s, or
                an array is not finite.
        """
        weights = list(weights)
        counts = [len(layer.param_shapes()) for layer in self.layers]
        if len(weights) != sum(counts):
            raise ValueError(f"set_weights needs {sum(counts)} arrays, got {len(weights)}")
        checked, start = [], 0
        for layer, count in zip(self.layers, counts, strict=True):
            checked.append(layer.checked_params(weights[start : start + count], offset=start))
            start += count
        for layer, params in zip(self.layers, checked, strict=True):
            layer.params = params

    @property
    def weights(self) -> list[np.ndarray]:
        """`get_weights()`, as a property."""
        return self.get_weights()

    def get_layer(self, name=None, index=None) -> Layer:
        """One layer, by name or by index into `layers`, as Keras' `get_layer`.

        Args:
            name: The layer's name.
            index: Its index in `layers` (negative counts from the end).

        Returns:
            The layer.

        Raises:
            ValueError: If neither or both are given, or there is no such layer.
            TypeError: If `index` is not an int.
        """
        if (name is None) == (index is None):
            raise ValueError(
                "get_layer needs either name= or index=, not both and not neither; got "
                f"name={name!r}, index={index!r}"
            )
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, numbers.Integral):
                raise TypeError(f"index must be an int, got {index!r}")
            if not -len(self.layers) <= index < len(self.layers):
                raise ValueError(
                    f"index={index}: {self.name} has {len(self.layers)} layers "
                    f"(indices 0..{len(self.layers) - 1})"
                )
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        names = [layer.name for layer in self.layers]
        raise ValueError(f"name={name!r}: no such layer in {self.name}; its layers are {names}")

    def _device_params(self):
        # Arrays already on the device pass as they are: jnp.asarray costs ~35 us even then.
        return [
            {k: v if isinstance(v, jax.Array) else jnp.asarray(v) for k, v in layer.params.items()}
            for layer in self.layers
        ]

    def _store_params(self, params) -> None:
        """Each layer's parameters after training (device arrays)."""
        for layer, p in zip(self.layers, params, strict=True):
            layer.params = p

    # --- compile -----------------------------------------------------------------------------

    def compile(self, optimizer="rmsprop", loss=None, metrics=None) -> None:
        """Choose the optimizer, the loss and the metrics.

        Args:
            optimizer: A name ("sgd", "adam", "rmsprop", with Keras' defaults) or an optax
                GradientTransformation.
            loss: One of "mse", "mean_squared_error", "mae", "mean_absolute_error",
                "binary_crossentropy", "categorical_crossentropy",
                "sparse_categorical_crossentropy".
            metrics: A list of metric names ("accuracy" or "acc" is the accuracy that fits
                the loss; each is logged under the name given), or None.

        Raises:
            ValueError: If the model has no layers, `loss` is missing or unknown, `metrics` is
                not a list (a bare "accuracy" included, as Keras 3 refuses it), or a metric or
                optimizer name is unknown.
            TypeError: If `optimizer` is neither a name nor a GradientTransformation.
        """
        if not self.layers:
            raise ValueError("the model has no layers to train; add some first")
        if loss is None:
            raise ValueError(f"compile needs a loss, one of {', '.join(LOSS_NAMES)}")
        if isinstance(loss, str) and loss not in LOSS_NAMES:
            allowed = ", ".join(map(repr, LOSS_NAMES))
            raise ValueError(f"loss must be one of {allowed}, got {loss!r}")
        loss_fn = get_loss(loss)
        metrics = check_metric_names(metrics)
        metric_fns = [get_metric(m, loss) for m in metrics]
        self._compiled = {
            "optimizer": get_optimizer(optimizer),
            "optimizer_name": optimizer.lower() if isinstance(optimizer, str) else None,
            "loss": loss,
            "loss_fn": loss_fn,
            "metrics": metrics,
            "metric_fns": metric_fns,
        }
        self._compiled = self._recompiled()

    def compile_config(self) -> dict | None:
        """What `compile` was given, as `model.save` writes it.

        Returns:
            {"optimizer": its name, or None for an optax transformation, "loss", "metrics"};
            None before `compile`.
        """
        if self._compiled is None:
            return None
        c = self._compiled
        return {"optimizer": c["optimizer_name"], "loss": c["loss"], "metrics": c["metrics"]}

    def _recompiled(self):
        c = dict(self._compiled)
        c["evaluate"] = make_evaluate(self.layers, c["loss_fn"], c["metric_fns"])
        c["epochs_by_batch"] = {}
        c["opt_state"] = c["optimizer"].init(self._device_params())
        return c

    # --- data checks -------------------------------------------------------------------------

    def _check_x(self, name, x) -> np.ndarray:
        return check_inputs(name, x, self.input_shape, self.name)

    def _check_y(self, name, y, n, x_name) -> np.ndarray:
        return check_targets(name, y, n, x_name, self._compiled["loss"], self.output_shape[1])

    def _require_compiled(self, what):
        if self._compiled is None:
            raise RuntimeError(f"call compile(optimizer, loss, metrics) before {what}")

    # --- evaluate / predict (fit: fitting.py) -------------------------------------------------

    def evaluate(self, x, y, batch_size=None, verbose="auto", return_dict=False):
        """The loss and metrics over every example, as Keras; prints Keras' line by default.

        Args:
            x: Inputs, (n, *input shape), n >= 1.
            y: Targets, as for `fit`.
            batch_size: Examples per batch as Keras counts them in the printed line (32 by
                default); every example is evaluated in one call.
            verbose: 0 (silent), 1 or "auto" (Keras' line: "4/4 ━━━━ 0s 2ms/step - accuracy:
                0.9000 - loss: 0.2000"), 2 (the line without the bar).
            return_dict: Return {name: value} instead of a list.

        Returns:
            [loss, *metrics], just the loss without metrics, or a dict in Keras' order with
            `return_dict`.

        Raises:
            RuntimeError: If the model was not compiled.
            TypeError: If data is not numbers.
            ValueError: If an option is out of range, or data is empty, not finite, or does
                not fit the model, the loss or each other.
        """
        self._require_compiled("evaluate")
        batch_size = check_count("batch_size", 32 if batch_size is None else batch_size, 1)
        verbose = check_verbose(verbose)
        x = self._check_x("x", x)
        check_not_empty("x", x)
        y = self._check_y("y", y, len(x), "x")
        start = time.perf_counter()
        params = self._device_params()
        values = np.asarray(self._compiled["evaluate"](params, to_device(x), to_device(y))).tolist()
        names = ["loss", *self._compiled["metrics"]]
        logs = dict(sorted(zip(names, values, strict=True), key=lambda item: keras_order(item[0])))
        steps = -(-len(x) // batch_size)
        print_result_line(verbose, steps, time.perf_counter() - start, logs)
        if return_dict:
            return logs
        return values if len(values) > 1 else values[0]

    def predict(self, x, batch_size=None, verbose="auto") -> np.ndarray:
        """The model's output for `x`; prints Keras' line by default.

        Args:
            x: Inputs, (n, *input shape).
            batch_size: Examples per batch as Keras counts them in the printed line (32 by
                default); every example goes in one call.
            verbose: 0 (silent), 1 or "auto" (Keras' line: "4/4 ━━━━ 0s 2ms/step"), 2 (the
                line without the bar).

        Returns:
            The last layer's output, (n, *output shape).

        Raises:
            TypeError: If `x` is not numbers.
            ValueError: If an option is out of range, or `x` does not fit the model's input
                shape or is not finite.
        """
        batch_size = check_count("batch_size", 32 if batch_size is None else batch_size, 1)
        verbose = check_verbose(verbose)
        start = time.perf_counter()
        output = self.layer_output(x, -1)
        steps = -(-len(output) // batch_size)
        print_result_line(verbose, steps, time.perf_counter() - start, {})
        return output

    def __repr__(self) -> str:
        return f"<Sequential name={self.name!r}, {len(self.layers)} layers>"
