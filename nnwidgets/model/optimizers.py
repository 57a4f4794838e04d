"""Optimizers by Keras name, with Keras' defaults, as optax transformations."""

import optax

from ..engine.names import lookup

# Keras 3's defaults: learning rates, and epsilon 1e-7 where optax's is 1e-8.
OPTIMIZERS = {
    "sgd": lambda: optax.sgd(0.01),
    "adam": lambda: optax.adam(0.001, b1=0.9, b2=0.999, eps=1e-7),
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
