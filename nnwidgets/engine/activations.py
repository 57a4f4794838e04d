"""Activation functions by name, as jnp functions of the pre-activation."""

import jax
import jax.numpy as jnp

from .. import spec
from . import runtime, tanh_rational
from .names import lookup

runtime.set_up()  # before this module or any that imports it runs a kernel


def step(x):
    """Heaviside: 1 where x >= 0, else 0 (its gradient is zero everywhere).

    Args:
        x: The pre-activation, any shape.

    Returns:
        An array like `x` holding 0.0 and 1.0.
    """
    return jnp.where(x >= 0, 1.0, 0.0).astype(x.dtype)


def _horner(coefficients, x):
    result = coefficients[0]
    for c in coefficients[1:]:
        result = result * x + c
    return result


@jax.custom_jvp
def tanh(x):
    """tanh; for float32 the rational approximation above, for other types jnp.tanh.

    Args:
        x: The pre-activation, any shape.

    Returns:
        tanh(x), of `x`'s shape and type.
    """
    if x.dtype != jnp.float32:
        return jnp.tanh(x)
    x = jnp.clip(x, -tanh_rational.CLAMP, tanh_rational.CLAMP)
    x2 = x * x
    return x * _horner(tanh_rational.P, x2) / _horner(tanh_rational.Q, x2)


@tanh.defjvp
def _tanh_jvp(primals, tangents):
    (x,), (dx,) = primals, tangents
    y = tanh(x)
    return y, dx * (1 - y * y)


def _relu(x):
    # The Playground's derivative is 0 at x == 0; jnp.maximum would give 0.5 there.
    return jnp.where(x > 0, x, jnp.zeros_like(x))


ACTIVATIONS = {
    "relu": _relu,
    "tanh": tanh,
    "sigmoid": jax.nn.sigmoid,
    "linear": lambda x: x,
    "softmax": lambda x: jax.nn.softmax(x, axis=-1),
    "step": step,
}

PLAYGROUND_ACTIVATIONS = spec.ACTIVATIONS  # the hidden layers' choices in the Playground


def get_activation(name: str):
    """The activation called `name`.

    Args:
        name: One of the keys of `ACTIVATIONS`: "relu", "tanh", "sigmoid", "linear", "softmax"
            or "step".

    Returns:
        The activation, a jnp function of the pre-activation.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is not one of `ACTIVATIONS`; the message names the allowed ones.
    """
    return lookup(ACTIVATIONS, "activation", name)
