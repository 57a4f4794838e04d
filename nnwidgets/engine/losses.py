"""Losses as mean over examples of a per-example loss; names follow Keras."""

import jax.numpy as jnp

from .names import lookup

_EPS = 1e-7  # Keras' epsilon: probabilities are clipped to [eps, 1 - eps]


def half_squared_error(output, target):
    """The Playground's error ½(o − t)², elementwise (the shapes broadcast)."""
    return 0.5 * jnp.square(output - target)


def mean_squared_error(output, target):
    diff = output.reshape(target.shape) - target
    return jnp.mean(jnp.square(diff).reshape(diff.shape[0], -1), axis=-1)


def binary_crossentropy(prob, target):
    p = jnp.clip(prob.reshape(target.shape), _EPS, 1 - _EPS)
    per_unit = -(target * jnp.log(p) + (1 - target) * jnp.log(1 - p))
    return jnp.mean(per_unit.reshape(per_unit.shape[0], -1), axis=-1)


def categorical_crossentropy(prob, target_onehot):
    p = jnp.clip(prob, _EPS, 1 - _EPS)
    return -jnp.sum(target_onehot * jnp.log(p), axis=-1)


def sparse_categorical_crossentropy(prob, target_index):
    p = jnp.clip(prob, _EPS, 1 - _EPS)
    picked = jnp.take_along_axis(p, target_index.astype(jnp.int32)[:, None], axis=-1)
    return -jnp.log(picked[:, 0])


LOSSES = {
    "half_squared_error": half_squared_error,
    "mse": mean_squared_error,
    "mean_squared_error": mean_squared_error,
    "binary_crossentropy": binary_crossentropy,
    "categorical_crossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
}


def get_loss(name: str):
    """The per-example loss called `name`; ValueError naming the allowed ones otherwise."""
    return lookup(LOSSES, "loss", name)
