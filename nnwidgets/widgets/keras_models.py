"""A Keras 3 model read as the views read a model: a `keras.Sequential` of Dense layers becomes a
`KerasModel` with nnwidgets' own layers (names, units, activations, shapes), the Keras model's
weights as they are at each read, and a forward pass through nnwidgets' engine.

Keras stays optional: nothing here imports it. A Keras model is known by the module its class
comes from, and every view passes its model through `readable_model`, so no view branches on
Keras itself.
"""

import jax
import numpy as np

from ..engine.activations import ACTIVATIONS
from ..model import layers as our_layers
from ..model.training import forward
from ._model_info import layer_index, loss_name

# Keras layer kinds a view reads, and the nnwidgets layer each becomes.
SUPPORTED_LAYERS = ("Dense", "Dropout", "Activation", "ReLU", "Softmax", "Flatten")
# The activations nnwidgets computes; "step" is no Keras activation.
SUPPORTED_ACTIVATIONS = tuple(name for name in ACTIVATIONS if name != "step")


def is_keras(obj) -> bool:
    """Whether `obj` is a Keras object (its class, or a class it derives from, is Keras')."""
    return any(cls.__module__.split(".")[0] == "keras" for cls in type(obj).__mro__)


def readable_model(source, view: str):
    """`source` as a view reads it: a Keras model as a `KerasModel`, anything else unchanged.

    Args:
        source: What the view was given: a model, a Playground, a Keras model.
        view: The view's name, for the messages.

    Returns:
        A `KerasModel` for a Keras model, else `source` itself.

    Raises:
        TypeError: If `source` is a Keras model other than a `keras.Sequential`.
        ValueError: If the Keras model is not built, or holds a layer or activation the views
            cannot read.
    """
    return KerasModel(source, view) if is_keras(source) else source


class KerasModel:
    """A built `keras.Sequential` of Dense, Dropout, Activation (ReLU, Softmax) and Flatten layers,
    read as the views read an nnwidgets `Sequential`.

    The layers are nnwidgets layers with the Keras layers' names, units, activations and shapes;
    the weights are read from the Keras model at each call, so a view drawing after an epoch of
    Keras' ``fit`` shows that epoch's weights.

    Args:
        model: A built ``keras.Sequential``.
        view: The view's name, for the messages.

    Attributes:
        keras_model: The Keras model read.
        name: Its name.
        layers: nnwidgets layers mirroring its layers, built on its input shape.
        input_shape: (None, ...): the shape of a batch of inputs.
        output_shape: (None, ...): the shape of a batch of outputs.

    Raises:
        TypeError: If `model` is not a ``keras.Sequential``.
        ValueError: If it is not built, or holds a layer or activation the views cannot read.
    """

    def __init__(self, model, view: str):
        if not any(
            cls.__name__ == "Sequential" and cls.__module__.startswith("keras")
            for cls in type(model).__mro__
        ):
            raise TypeError(
                f"{view} reads a keras.Sequential of Dense layers; got a Keras "
                f"{type(model).__name__}. Rebuild it as keras.Sequential([keras.Input(shape), "
                "layers.Dense(...), ...])"
            )
        try:
            input_shape = tuple(model.input_shape)
        except (AttributeError, ValueError):
            raise ValueError(
                f"{view} needs a built Keras model; {model.name!r} has no input shape yet. Start "
                "it with keras.Input(shape=(features,)), or call model.build((None, features))"
            ) from None
        self.keras_model = model
        self.name = model.name
        self.input_shape = input_shape
        self.layers = []
        shape = input_shape
        for index, layer in enumerate(model.layers):
            mirror = _mirror(layer, index, view)
            try:
                shape = mirror.build(shape)
            except ValueError as error:
                raise ValueError(f"{view} cannot read this Keras model: {error}") from None
            self.layers.append(mirror)
        self.output_shape = shape

    def __repr__(self) -> str:
        return f"<KerasModel of {self.name!r}, {len(self.layers)} layers>"

    @property
    def loss(self) -> str | None:
        """The name of the loss the Keras model is compiled with, or None."""
        return loss_name(self.keras_model)

    def count_params(self) -> int:
        """The number of parameters of every layer.

        Returns:
            The total.
        """
        return sum(layer.count_params() for layer in self.layers)

    def get_weights(self) -> list[np.ndarray]:
        """The Keras model's weights as they are now, in Keras' order (W then b, layer by layer).

        Returns:
            float32 arrays.
        """
        return [np.asarray(w, np.float32) for w in self.keras_model.get_weights()]

    def layer_output(self, x, layer) -> np.ndarray:
        """The output of one layer for inputs `x`.

        Args:
            x: Inputs, (n, *input shape).
            layer: The layer's index in `layers` (negative counts from the end), or its name.

        Returns:
            That layer's output, float32.
        """
        return self.layer_outputs(x, [layer])[0]

    def layer_outputs(self, x, layers) -> list[np.ndarray]:
        """The outputs of several layers for inputs `x`, in one forward pass (Dropout passes
        everything through, as at inference).

        Args:
            x: Inputs, (n, *input shape).
            layers: Layers by index in `layers` or by name.

        Returns:
            Their outputs, in the order asked, float32.
        """
        picks = [layer_index(self, layer, "layer") + 1 for layer in layers]
        depth = max(picks, default=0)
        params, flat, position = [], self.get_weights(), 0
        for layer in self.layers[:depth]:
            keys = list(layer.param_shapes())
            params.append(dict(zip(keys, flat[position : position + len(keys)], strict=True)))
            position += len(keys)
        outputs = _outputs_jit(
            tuple(self.layers[:depth]), tuple(picks), params, np.asarray(x, np.float32)
        )
        return [np.asarray(output, np.float32) for output in outputs]


# The outputs at `picks` only (0 is the input), compiled once per model and batch shape.
_outputs_jit = jax.jit(
    lambda layers, picks, params, x: [forward(list(layers), params, x)[k] for k in picks],
    static_argnums=(0, 1),
)


def _mirror(layer, index: int, view: str):
    """The nnwidgets layer that computes what Keras layer `layer` does."""
    kind = type(layer).__name__
    where = f"layer {index} ({layer.name!r}, a {kind})"
    if kind not in SUPPORTED_LAYERS:
        raise ValueError(
            f"{view} reads Keras {', '.join(SUPPORTED_LAYERS)} layers; {where} is not one. Draw "
            "this model with nw.LivePlot, which reads only fit's figures"
        )
    if kind == "Dense":
        activation = _activation(layer, where, view)
        return our_layers.Dense(
            layer.units, activation=activation, use_bias=layer.use_bias, name=layer.name
        )
    if kind == "Dropout":
        return our_layers.Dropout(float(layer.rate), name=layer.name)
    if kind == "Flatten":
        return our_layers.Flatten(name=layer.name)
    if kind == "Activation":
        return our_layers.Activation(_activation(layer, where, view), name=layer.name)
    return our_layers.Activation(_plain_layer_activation(layer, kind, where, view), name=layer.name)


def _activation(layer, where: str, view: str) -> str:
    activation = layer.activation
    name = activation if isinstance(activation, str) else getattr(activation, "__name__", None)
    if name not in SUPPORTED_ACTIVATIONS:
        raise ValueError(
            f"{where} uses the activation {name or activation!r}; {view} computes "
            f"{', '.join(map(repr, SUPPORTED_ACTIVATIONS))}"
        )
    return name


def _plain_layer_activation(layer, kind: str, where: str, view: str) -> str:
    """ReLU() and Softmax() with Keras' defaults are the activations "relu" and "softmax"."""
    if kind == "ReLU":
        plain = (
            layer.max_value is None
            and not float(layer.negative_slope)
            and not float(layer.threshold)
        )
        name = "relu"
    else:
        plain = tuple(np.atleast_1d(layer.axis)) == (-1,)
        name = "softmax"
    if not plain:
        raise ValueError(
            f"{where} is not a plain {name}; {view} reads {kind}() with its default arguments "
            f"only (or use layers.Activation({name!r}))"
        )
    return name
