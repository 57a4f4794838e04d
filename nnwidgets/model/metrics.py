"""Metrics by Keras name: per-example values that `fit` and `evaluate` average."""

import jax.numpy as jnp

from ..engine.losses import mean_absolute_error, mean_squared_error
from ..engine.names import lookup


def binary_accuracy(output, target):
    """Per output: whether it falls on the target's side of 0.5.

    Args:
        output: Predicted probabilities, reshaped to `target`'s shape.
        target: Labels 0 or 1.

    Returns:
        Booleans of `target`'s shape.
    """
    return (output.reshape(target.shape) > 0.5) == (target > 0.5)


def categorical_accuracy(output, target):
    """Per example: whether the largest output is the one-hot target's class.

    Args:
        output: Class scores, (n, classes).
        target: One-hot targets, (n, classes).

    Returns:
        Booleans, (n,).
    """
    return jnp.argmax(output, axis=-1) == jnp.argmax(target, axis=-1)


def sparse_categorical_accuracy(output, target):
    """Per example: whether the largest output is the target class.

    Args:
        output: Class scores, (n, classes).
        target: Class indices, (n,).

    Returns:
        Booleans, (n,).
    """
    return jnp.argmax(output, axis=-1) == target.astype(jnp.int32)


# "accuracy" means the accuracy that fits the loss, as in Keras.
_ACCURACY_FOR_LOSS = {
    "binary_crossentropy": binary_accuracy,
    "categorical_crossentropy": categorical_accuracy,
    "sparse_categorical_crossentropy": sparse_categorical_accuracy,
}

METRICS = {
    "accuracy": None,
    "acc": None,  # Keras' short name, logged as "acc"
    "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "mae": mean_absolute_error,
    "mean_absolute_error": mean_absolute_error,
    "mse": mean_squared_error,
    "mean_squared_error": mean_squared_error,
}


def get_metric(name: str, loss: str):
    """The per-example function for metric `name` under `loss`.

    Args:
        name: One of the keys of `METRICS`; "accuracy" (or "acc") means the accuracy that
            fits the loss, as in Keras.
        loss: The model's loss name, which picks the accuracy for "accuracy".

    Returns:
        A jnp function of (output, target) giving one value per example.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is not one of `METRICS`.
    """
    function = lookup(METRICS, "metric", name)
    if name in ("accuracy", "acc"):
        function = _ACCURACY_FOR_LOSS.get(loss, binary_accuracy)
    return function
