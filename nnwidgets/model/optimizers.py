"""Optimizers by Keras name, with Keras' defaults, as optax transformations."""

from typing import NamedTuple

import jax
import jax.numpy as jnp
import optax

from ..engine.names import lookup


class KerasAdamState(NamedTuple):
    """Keras' Adam state: the updates done, and each parameter's first and second moments."""

    count: jax.Array
    mu: optax.Updates
    nu: optax.Updates


def keras_adam(
    learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7
) -> optax.GradientTransformation:
    """Adam in Keras 3's form: `w -= m * alpha / (sqrt(v) + epsilon)`.

    Keras folds both bias corrections into one scalar, `alpha = lr * sqrt(1 - beta_2**t) /
    (1 - beta_1**t)`, and adds epsilon to the uncorrected `sqrt(v)`; optax's `adam` corrects
    `m` and `v` element by element. Keras' form follows Keras' figures more closely and costs a
    weight fewer divisions a step: 7 % of a 784-256-10 epoch's CPU time (measured back to back
    in one process).

    Args:
        learning_rate: The step size.
        beta_1: The decay of the first moment (the mean of the gradients).
        beta_2: The decay of the second moment (the mean of their squares).
        epsilon: Added to `sqrt(v)`, as in Keras.

    Returns:
        An optax GradientTransformation whose updates are to be added to the parameters.
    """

    def init(params):
        zeros = lambda: jax.tree.map(jnp.zeros_like, params)  # noqa: E731
        return KerasAdamState(jnp.zeros([], jnp.int32), zeros(), zeros())

    def update(grads, state, params=None):
        del params  # Adam needs only the gradients
        count = state.count + 1
        step = count.astype(jnp.float32)
        alpha = learning_rate * jnp.sqrt(1 - beta_2**step) / (1 - beta_1**step)
        mu = jax.tree.map(lambda g, m: m + (g - m) * (1 - beta_1), grads, state.mu)
        nu = jax.tree.map(lambda g, v: v + (jnp.square(g) - v) * (1 - beta_2), grads, state.nu)
        updates = jax.tree.map(lambda m, v: -(m * alpha) / (jnp.sqrt(v) + epsilon), mu, nu)
        return updates, KerasAdamState(count, mu, nu)

    return optax.GradientTransformation(init, update)


# Keras 3's defaults: learning rates, and epsilon 1e-7 where optax's is 1e-8.
OPTIMIZERS = {
    "sgd": lambda: optax.sgd(0.01),
    "adam": keras_adam,
    "rmsprop": lambda: optax.rmsprop(0.001, decay=0.9, eps=1e-7),
}


def get_optimizer(optimizer) -> optax.GradientTransformation:
    """The optimizer for `optimizer`: a name with Keras' defaults, or an optax transformation.

    Args:
        optimizer: A name ("sgd", "adam", "rmsprop", in any case) or any optax
            GradientTransformation.

    Returns:
        An optax GradientTransformation: `optimizer` itself, or a new one by its name.

    Raises:
        TypeError: If `optimizer` is neither a string nor a GradientTransformation.
        ValueError: If the name is not one of `OPTIMIZERS`.
    """
    if isinstance(optimizer, optax.GradientTransformation):
        return optimizer
    if isinstance(optimizer, str):
        return lookup(OPTIMIZERS, "optimizer", optimizer.lower())()
    raise TypeError(
        "optimizer must be 'sgd', 'adam', 'rmsprop' or an optax GradientTransformation, "
        f"got {optimizer!r}"
    )
