"""Keras-like layers: each knows its output shape, makes its parameters and applies itself.

A layer's parameters are a dict of arrays ({} when it has none); `apply` is a pure function of
them, so a model's forward pass is plain JAX that `jit` compiles whole.
"""

import math
import numbers
import warnings

import jax
import jax.numpy as jnp
import numpy as np

from ..engine.activations import get_activation
from .matmul import matmul
from .naming import check_name, snake_case, unique_name
from .seeding import generator

# Keras' layers that nnwidgets does not offer: named here so that they say what to use instead.
from .unsupported import (
    GRU,
    LSTM,
    AveragePooling2D,
    BatchNormalization,
    Conv1D,
    Conv2D,
    Embedding,
    LayerNormalization,
    MaxPooling2D,
    SimpleRNN,
)

__all__ = [
    "Activation",
    "AveragePooling2D",
    "BatchNormalization",
    "Conv1D",
    "Conv2D",
    "Dense",
    "Dropout",
    "Embedding",
    "Flatten",
    "GRU",
    "Input",
    "LSTM",
    "Layer",
    "LayerNormalization",
    "MaxPooling2D",
    "SimpleRNN",
]


# Keras 3's words, as a UserWarning, when a layer is given `input_shape` or `input_dim`.
INPUT_SHAPE_WARNING = (
    "Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential "
    "models, prefer using an `Input(shape)` object as the first layer in the model instead."
)


def _shape(name, shape) -> tuple:
    if isinstance(shape, numbers.Integral) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        shape = tuple(shape)
    except TypeError:
        raise TypeError(f"{name} must be a tuple of positive ints, got {shape!r}") from None
    if not shape or not all(
        isinstance(s, numbers.Integral) and not isinstance(s, bool) and s > 0 for s in shape
    ):
        raise ValueError(f"{name} must be a tuple of positive ints, got {shape!r}")
    return tuple(int(s) for s in shape)


class Layer:
    """What every layer shares: a name, and a shape and weights once a model builds it.

    Args:
        name: The layer's name; by default its kind in snake case, numbered as Keras does
            ("dense", "dense_1", ...).
        input_shape: The shape of one example, for a first layer without an `Input`; accepted
            as Keras 3 accepts it, with its UserWarning to prefer `Input(shape)`.
        input_dim: The same as `input_shape=(input_dim,)`, with the same warning.

    Attributes:
        name: The layer's name.
        input_shape: (None, ...), the batch axis first, once built; None before.
        output_shape: The same for the layer's output.
        params: The layer's parameters, arrays by name ("W", "b"), once a model built it;
            None before. `get_weights` gives copies of them.

    Raises:
        TypeError: If `name` is not a non-empty string.
        ValueError: If `input_shape` or `input_dim` is not positive ints.
    """

    # Whether `apply` uses its `rng` while training: an epoch draws keys only for such layers.
    draws_random = False

    def __init__(self, name=None, input_shape=None, input_dim=None):
        self.name = check_name(name) if name is not None else unique_name(self._base_name())
        self.input_shape = None  # (None, ...) once built
        self.output_shape = None
        self.params = None
        self.requested_input_shape = None
        if input_shape is not None or input_dim is not None:
            # As Keras: input_dim wins over input_shape.
            argument = "input_dim" if input_dim is not None else "input_shape"
            shape = input_dim if input_dim is not None else input_shape
            self.requested_input_shape = _shape(argument, shape)
            # stacklevel 3: the user's line, past the subclass's __init__.
            warnings.warn(INPUT_SHAPE_WARNING, UserWarning, stacklevel=3)

    @classmethod
    def _base_name(cls) -> str:
        return snake_case(cls.__name__)

    def build(self, input_shape: tuple) -> tuple:
        """Fix the input shape.

        Args:
            input_shape: The input's shape, batch axis first (None).

        Returns:
            The output shape.
        """
        self.input_shape = input_shape
        self.output_shape = self.compute_output_shape(input_shape)
        return self.output_shape

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        """The output's shape for an input of `input_shape`; the base layer keeps it.

        Args:
            input_shape: The input's shape, batch axis first (None).

        Returns:
            The output's shape, batch axis first.
        """
        return input_shape

    def init_params(self) -> dict:
        """Fresh parameters for the built layer.

        Returns:
            A dict of arrays by name; {} for a layer without parameters.
        """
        return {}

    def apply(self, params, x, training=False, rng=None):
        """The layer's output, a pure function of its parameters and input.

        Args:
            params: The layer's parameters, as `init_params` makes them.
            x: A batch of inputs.
            training: Whether this is a training pass (Dropout drops only then).
            rng: A JAX random key, for layers that draw while training.

        Returns:
            The batch of outputs; the base layer returns `x`.
        """
        return x

    def count_params(self) -> int:
        """The number of parameters of the built layer.

        Returns:
            The total entries of `param_shapes()`.
        """
        return sum(int(np.prod(shape)) for shape in self.param_shapes().values())

    def param_shapes(self) -> dict:
        """The shapes of the built layer's parameters.

        Returns:
            A dict of shapes by parameter name; {} for a layer without parameters.
        """
        return {}

    def get_config(self) -> dict:
        """What rebuilds this layer: `type(layer)(**layer.get_config())`, as in Keras.

        Returns:
            The constructor's arguments by name (JSON values).
        """
        return {"name": self.name}

    def get_weights(self) -> list[np.ndarray]:
        """The layer's arrays, as Keras' `layer.get_weights()`.

        Returns:
            float32 copies in `param_shapes()`'s order (Dense: W (inputs, units), then b);
            [] for a layer without parameters or not built yet.
        """
        if self.params is None:
            return []
        return [np.array(self.params[key], np.float32) for key in self.param_shapes()]

    def set_weights(self, weights) -> None:
        """Replace the layer's arrays, as Keras' `layer.set_weights()`.

        Args:
            weights: The arrays, listed as `get_weights()` gives them.

        Raises:
            ValueError: If the layer is not built yet, or the number of arrays or a shape
                differs from `get_weights()`'s, or an array is not finite.
            TypeError: If an array holds something that is not a number.
        """
        weights = list(weights)
        if self.params is None:
            raise ValueError(
                f"set_weights: layer {self.name!r} has no weights yet; add it to a model "
                "(after an Input) first"
            )
        expected = len(self.param_shapes())
        if len(weights) != expected:
            raise ValueError(
                f"weights must be {expected} arrays for layer {self.name!r} "
                f"({', '.join(self.param_shapes())}), got {len(weights)}"
            )
        self.params = self.checked_params(weights)

    def checked_params(self, weights, offset=0) -> dict:
        """`weights` as this layer's parameters, each checked against its shape.

        Args:
            weights: As many arrays as `param_shapes()` holds, in its order.
            offset: Where the first array stands in the list the caller was given, for the
                messages.

        Returns:
            The parameters by name, float32 arrays.

        Raises:
            TypeError: If an array holds something that is not a number.
            ValueError: If a shape differs from `param_shapes()`'s, or an array is not finite.
        """
        params = {}
        for index, (value, (key, shape)) in enumerate(
            zip(weights, self.param_shapes().items(), strict=True), start=offset
        ):
            where = f"weights[{index}] ({self.name}.{key})"
            try:
                array = np.asarray(value, np.float32)
            except (TypeError, ValueError):
                raise TypeError(f"{where} must be an array of numbers, got {value!r}") from None
            if array.shape != tuple(shape):
                raise ValueError(f"{where} must have shape {tuple(shape)}, got {array.shape}")
            if not np.all(np.isfinite(array)):
                raise ValueError(f"{where} must be finite, got NaN or infinity")
            params[key] = array
        return params

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}, output_shape={self.output_shape}>"


class Input(Layer):
    """The shape of one example, without the batch axis: Input((4,)), Input((28, 28)).

    Args:
        shape: A positive int, or a tuple of them.
        name: The layer's name; "input_layer" by default, numbered as Keras does.

    Raises:
        TypeError: If `shape` is not an int or a tuple.
        ValueError: If `shape` is empty or holds anything but positive ints.
    """

    def __init__(self, shape, name=None):
        self.shape = _shape("shape", shape)
        super().__init__(name)
        self.build((None, *self.shape))

    def get_config(self) -> dict:
        """{"shape", "name"}.

        Returns:
            The constructor's arguments by name.
        """
        return {"shape": list(self.shape), "name": self.name}

    @classmethod
    def _base_name(cls) -> str:
        return "input_layer"


class Dense(Layer):
    """activation(x @ W + b), W glorot-uniform, b zeros, as Keras initialises them.

    Args:
        units: The number of neurons, 1 or more.
        activation: The activation's name (see `nnwidgets.engine.get_activation`); None is
            "linear".
        use_bias: Whether the layer adds a bias b.
        name: The layer's name; "dense", "dense_1", ... by default.
        input_shape: As for every layer (see `Layer`): Keras 3's older way to give a first
            layer its input, with Keras' warning.
        input_dim: The same as `input_shape=(input_dim,)`.

    Raises:
        TypeError: If `units` is not an int.
        ValueError: If `units` is below 1 or the activation is unknown.
    """

    def __init__(
        self, units, activation=None, use_bias=True, name=None, input_shape=None, input_dim=None
    ):
        if isinstance(units, bool) or not isinstance(units, numbers.Integral):
            raise TypeError(f"units must be an int, got {units!r}")
        if units < 1:
            raise ValueError(f"units must be at least 1, got {units}")
        self.units = int(units)
        self.activation = "linear" if activation is None else activation
        self._activation = get_activation(self.activation)
        self.use_bias = bool(use_bias)
        super().__init__(name, input_shape, input_dim)

    def get_config(self) -> dict:
        """{"units", "activation", "use_bias", "name"}.

        Returns:
            The constructor's arguments by name.
        """
        config = {"units": self.units, "activation": self.activation, "use_bias": self.use_bias}
        return {**config, **super().get_config()}

    def compute_output_shape(self, input_shape):
        """(None, units), for inputs of shape (None, features).

        Args:
            input_shape: The input's shape, batch axis first.

        Returns:
            (None, units).

        Raises:
            ValueError: If the input has more than one axis besides the batch.
        """
        if len(input_shape) != 2:
            raise ValueError(
                f"{self.name} (Dense) takes inputs of shape (None, features), got {input_shape}; "
                "add a Flatten layer before it"
            )
        return (None, self.units)

    def param_shapes(self):
        """{"W": (features, units), "b": (units,)}, without "b" when `use_bias` is False.

        Returns:
            A dict of shapes by parameter name.
        """
        shapes = {"W": (self.input_shape[1], self.units)}
        if self.use_bias:
            shapes["b"] = (self.units,)
        return shapes

    def init_params(self):
        """W glorot-uniform from the random seed's generator, b zeros.

        Returns:
            {"W", "b"} as float32 arrays.
        """
        fan_in, fan_out = self.input_shape[1], self.units
        limit = math.sqrt(6 / (fan_in + fan_out))
        params = {"W": generator().uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)}
        if self.use_bias:
            params["b"] = np.zeros(self.units, np.float32)
        return params

    def apply(self, params, x, training=False, rng=None):
        """activation(x @ W + b).

        Args:
            params: {"W", "b"}.
            x: A batch of inputs, (n, features).
            training: Unused.
            rng: Unused.

        Returns:
            The layer's outputs, (n, units).
        """
        z = matmul(x, params["W"])
        if self.use_bias:
            z = z + params["b"]
        return self._activation(z)


class Flatten(Layer):
    """Each example's axes in one row: (n, 8, 8) becomes (n, 64).

    Args:
        name: The layer's name; "flatten", "flatten_1", ... by default.
        input_shape: As for every layer (see `Layer`), with Keras' warning.
        input_dim: The same as `input_shape=(input_dim,)`.
    """

    def __init__(self, name=None, input_shape=None, input_dim=None):
        # Its own __init__, so that Keras' warning points at the caller's line.
        super().__init__(name, input_shape, input_dim)

    def compute_output_shape(self, input_shape):
        """(None, product of the other axes).

        Args:
            input_shape: The input's shape, batch axis first.

        Returns:
            The flattened shape.
        """
        return (None, int(np.prod(input_shape[1:])))

    def apply(self, params, x, training=False, rng=None):
        """Each example as one row.

        Args:
            params: Unused ({}).
            x: A batch of inputs.
            training: Unused.
            rng: Unused.

        Returns:
            `x` reshaped to (n, features).
        """
        return x.reshape(x.shape[0], -1)


class Activation(Layer):
    """An activation applied to its input, without parameters.

    Args:
        activation: The activation's name (see `nnwidgets.engine.get_activation`).
        name: The layer's name; "activation", "activation_1", ... by default.
        input_shape: As for every layer (see `Layer`), with Keras' warning.
        input_dim: The same as `input_shape=(input_dim,)`.

    Raises:
        ValueError: If the activation is unknown.
    """

    def __init__(self, activation, name=None, input_shape=None, input_dim=None):
        self.activation = activation
        self._activation = get_activation(activation)
        super().__init__(name, input_shape, input_dim)

    def get_config(self) -> dict:
        """{"activation", "name"}.

        Returns:
            The constructor's arguments by name.
        """
        return {"activation": self.activation, **super().get_config()}

    def apply(self, params, x, training=False, rng=None):
        """The activation of `x`.

        Args:
            params: Unused ({}).
            x: A batch of inputs.
            training: Unused.
            rng: Unused.

        Returns:
            activation(x).
        """
        return self._activation(x)


class Dropout(Layer):
    """While training, zeroes each input with probability `rate` and scales the rest up.

    Args:
        rate: The probability of dropping an input, in [0, 1).
        name: The layer's name; "dropout", "dropout_1", ... by default.
        input_shape: As for every layer (see `Layer`), with Keras' warning.
        input_dim: The same as `input_shape=(input_dim,)`.

    Raises:
        ValueError: If `rate` is not a number in [0, 1).
    """

    def __init__(self, rate, name=None, input_shape=None, input_dim=None):
        if isinstance(rate, bool) or not isinstance(rate, numbers.Real) or not 0 <= rate < 1:
            raise ValueError(f"rate must be a number in [0, 1), got {rate!r}")
        self.rate = float(rate)
        self.draws_random = self.rate > 0
        super().__init__(name, input_shape, input_dim)

    def get_config(self) -> dict:
        """{"rate", "name"}.

        Returns:
            The constructor's arguments by name.
        """
        return {"rate": self.rate, **super().get_config()}

    def apply(self, params, x, training=False, rng=None):
        """`x` itself, or while training `x` with inputs dropped and the rest scaled up.

        Args:
            params: Unused ({}).
            x: A batch of inputs.
            training: Whether to drop.
            rng: The JAX random key to draw with while training.

        Returns:
            The batch, each kept input divided by 1 - rate while training.
        """
        if not training or self.rate == 0:
            return x
        keep = jax.random.bernoulli(rng, 1 - self.rate, x.shape)
        return jnp.where(keep, x / (1 - self.rate), 0.0)
