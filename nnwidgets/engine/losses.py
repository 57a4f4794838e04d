"""Losses as mean over examples of a per-example loss; names follow Keras."""

import jax.numpy as jnp

from . import runtime
from .names import lookup

runtime.set_up()  # before this module or any that imports it runs a kernel

_EPS = 1e-7  # Keras' epsilon: probabilities are clipped to [eps, 1 - eps]


def half_squared_error(output, target):
    """The Playground's error ½(o − t)², elementwise (the shapes broadcast).

    Args:
        output: The network's outputs.
        target: The targets, broadcastable against `output`.

    Returns:
        ½(output − target)², elementwise.
    """
    return 0.5 * jnp.square(output - target)


def mean_squared_error(output, target):
    """Per example: the mean over its outputs of (o − t)².

    Args:
        output: The outputs, (n, ...), reshaped to `target`'s shape.
        target: The targets, (n, ...).

    Returns:
        The loss of each example, (n,).
    """
    diff = output.reshape(target.shape) - target
    return jnp.mean(jnp.square(diff).reshape(diff.shape[0], -1), axis=-1)


def mean_absolute_error(output, target):
    """Per example: the mean over its outputs of |o − t|.

    Args:
        output: The outputs, (n, ...), reshaped to `target`'s shape.
        target: The targets, (n, ...).

    Returns:
        The loss of each example, (n,).
    """
    diff = jnp.abs(output.reshape(target.shape) - target)
    return jnp.mean(diff.reshape(diff.shape[0], -1), axis=-1)


def binary_crossentropy(prob, target):
    """Per example: the mean over its outputs of −(t·log p + (1 − t)·log(1 − p)).

    Probabilities are clipped to [1e-7, 1 − 1e-7], as Keras does.

    Args:
        prob: Predicted probabilities of class 1, (n, ...), reshaped to `target`'s shape.
        target: Labels 0 or 1, (n, ...).

    Returns:
        The loss of each example, (n,).
    """
    p = jnp.clip(prob.reshape(target.shape), _EPS, 1 - _EPS)
    per_unit = -(target * jnp.log(p) + (1 - target) * jnp.log(1 - p))
    return jnp.mean(per_unit.reshape(per_unit.shape[0], -1), axis=-1)


def categorical_crossentropy(prob, target_onehot):
    """Per example: −Σ t·log p over the classes, from one-hot targets.

    Args:
        prob: Predicted class probabilities, (n, classes), clipped to [1e-7, 1 − 1e-7].
        target_onehot: One-hot targets, (n, classes).

    Returns:
        The loss of each example, (n,).
    """
    p = jnp.clip(prob, _EPS, 1 - _EPS)
    return -jnp.sum(target_onehot * jnp.log(p), axis=-1)


def sparse_categorical_crossentropy(prob, target_index):
    """Per example: −log p of its class, from class indices.

    Args:
        prob: Predicted class probabilities, (n, classes), clipped to [1e-7, 1 − 1e-7].
        target_index: Each example's class index, (n,).

    Returns:
        The loss of each example, (n,).
    """
    p = jnp.clip(prob, _EPS, 1 - _EPS)
    picked = jnp.take_along_axis(p, target_index.astype(jnp.int32)[:, None], axis=-1)
    return -jnp.log(picked[:, 0])


LOSSES = {
    "half_squared_error": half_squared_error,
    "mse": mean_squared_error,
    "mean_squared_error": mean_squared_error,
    "mae": mean_absolute_error,
    "mean_absolute_error": mean_absolute_error,
    "binary_crossentropy": binary_crossentropy,
    "categorical_crossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
}


def get_loss(name: str):
    """The per-example loss called `name`.

    Args:
        name: One of the keys of `LOSSES`, Keras' names (e.g. "mse", "mae",
            "binary_crossentropy").

    Returns:
        The loss, a jnp function of (output, target) giving one value per example.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is not one of `LOSSES`; the message names the allowed ones.
    """
    return lookup(LOSSES, "loss", name)
