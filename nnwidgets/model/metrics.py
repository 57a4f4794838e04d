"""Metrics by Keras name: per-example values that `fit` and `evaluate` average."""

import jax.numpy as jnp

from ..engine.names import lookup


def binary_accuracy(output, target):
    return (output.reshape(target.shape) > 0.5) == (target > 0.5)


def categorical_accuracy(output, target):
    return jnp.argmax(output, axis=-1) == jnp.argmax(target, axis=-1)


def sparse_categorical_accuracy(output, target):
    return jnp.argmax(output, axis=-1) == target.astype(jnp.int32)


def mean_absolute_error(output, target):
    diff = jnp.abs(output.reshape(target.shape) - target)
    return jnp.mean(diff.reshape(diff.shape[0], -1), axis=-1)


def mean_squared_error(output, target):
    diff = jnp.square(output.reshape(target.shape) - target)
    return jnp.mean(diff.reshape(diff.shape[0], -1), axis=-1)


# "accuracy" means the accuracy that fits the loss, as in Keras.
_ACCURACY_FOR_LOSS = {
    "binary_crossentropy": binary_accuracy,
    "categorical_crossentropy": categorical_accuracy,
    "sparse_categorical_crossentropy": sparse_categorical_accuracy,
}

METRICS = {
    "accuracy": None,
    "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "mae": mean_absolute_error,
    "mse": mean_squared_error,
}


def get_metric(name: str, loss: str):
    """The per-example function for metric `name` under `loss`; ValueError if unknown."""
    function = lookup(METRICS, "metric", name)
    if name == "accuracy":
        function = _ACCURACY_FOR_LOSS.get(loss, binary_accuracy)
    return function
