"""Activation functions by name, as jnp functions of the pre-activation."""

import jax
import jax.numpy as jnp

from .names import lookup


def step(x):
    """Heaviside: 1 where x >= 0, else 0 (its gradient is zero everywhere)."""
    return jnp.where(x >= 0, 1.0, 0.0).astype(x.dtype)


def _relu(x):
    # The Playground's derivative is 0 at x == 0; jnp.maximum would give 0.5 there.
    return jnp.where(x > 0, x, jnp.zeros_like(x))


ACTIVATIONS = {
    "relu": _relu,
    "tanh": jnp.tanh,
    "sigmoid": jax.nn.sigmoid,
    "linear": lambda x: x,
    "softmax": lambda x: jax.nn.softmax(x, axis=-1),
    "step": step,
}

PLAYGROUND_ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")


def get_activation(name: str):
    """The activation called `name`; ValueError naming the allowed ones otherwise."""
    return lookup(ACTIVATIONS, "activation", name)
