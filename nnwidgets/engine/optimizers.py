"""The Playground's update rule as an optax transformation.

TensorFlow Playground steps each weight by the mean gradient, then by the regulariser's derivative
taken at the weight from *before* that step (L1: its sign; L2: the weight itself; biases are not
regularised). An L1 step that carries a weight across zero sets it to 0 and freezes it: the link is
"dead" until the network is reset, and the set of dead links is this optimizer's state.
"""

from typing import NamedTuple

import jax
import jax.numpy as jnp
import optax

from . import runtime

runtime.set_up()  # before this module or any that imports it runs a kernel

NO_REGULARIZATION, L1, L2 = 0, 1, 2


class PlaygroundSGDState(NamedTuple):
    """The state of `playground_sgd`: which links L1 has frozen.

    Attributes:
        dead: Like params, bool: True where L1 froze the link (never for biases).
    """

    dead: optax.Params  # like params, bool: True where L1 froze the link (never for biases)


def _is_weight(path) -> bool:
    return getattr(path[-1], "key", None) == "W"


def playground_sgd(learning_rate, regularization_rate=0.0, regularization=NO_REGULARIZATION):
    """SGD with the Playground's regularisation; every argument may be a traced value.

    Params are the engine's pytree, a list of {"W", "b"}; updates for dead links are 0, so a
    weight a user typed into one stays as typed.

    Args:
        learning_rate: The step size.
        regularization_rate: The regulariser's weight.
        regularization: NO_REGULARIZATION, L1 or L2.

    Returns:
        An optax.GradientTransformation whose state is a `PlaygroundSGDState`.
    """

    def init(params):
        return PlaygroundSGDState(jax.tree.map(lambda p: jnp.zeros(jnp.shape(p), bool), params))

    def update(grads, state, params):
        def one(path, g, w, dead):
            step = -learning_rate * g
            if not _is_weight(path):
                return step, dead
            derivative = jnp.where(
                regularization == L1, jnp.sign(w), jnp.where(regularization == L2, w, 0.0)
            )
            stepped = w + step
            regularized = stepped - (learning_rate * regularization_rate) * derivative
            crossed = (regularization == L1) & (stepped * regularized < 0)
            new_dead = dead | crossed
            return jnp.where(dead, 0.0, jnp.where(crossed, -w, regularized - w)), new_dead

        pairs = jax.tree_util.tree_map_with_path(one, grads, params, state.dead)
        treedef = jax.tree.structure(grads)
        leaves = treedef.flatten_up_to(pairs)
        updates = treedef.unflatten([u for u, _ in leaves])
        dead = treedef.unflatten([d for _, d in leaves])
        return updates, PlaygroundSGDState(dead)

    return optax.GradientTransformation(init, update)
