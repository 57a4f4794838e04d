"""The Playground's update rule as an optax transformation."""

import jax.numpy as jnp
import numpy as np
import optax

from nnwidgets.engine.optimizers import L1, L2, NO_REGULARIZATION, playground_sgd


def _params(W, b):
    return [{"W": jnp.array(W, jnp.float32), "b": jnp.array(b, jnp.float32)}]


def test_plain_sgd_steps_by_the_gradient_and_starts_with_no_dead_links():
    params = _params([[0.5, -0.2]], [0.1, 0.1])
    optimizer = playground_sgd(0.1)
    state = optimizer.init(params)
    assert not np.any(state.dead[0]["W"]) and not np.any(state.dead[0]["b"])
    grads = _params([[1.0, -2.0]], [0.5, 0.0])
    updates, _ = optimizer.update(grads, state, params)
    new = optax.apply_updates(params, updates)
    np.testing.assert_allclose(new[0]["W"], [[0.4, 0.0]], atol=1e-7)
    np.testing.assert_allclose(new[0]["b"], [0.05, 0.1], atol=1e-7)


def test_l2_pulls_weights_at_their_value_before_the_step_and_leaves_biases():
    params = _params([[1.0]], [1.0])
    optimizer = playground_sgd(0.1, regularization_rate=0.5, regularization=L2)
    zero = _params([[0.0]], [0.0])
    updates, _ = optimizer.update(zero, optimizer.init(params), params)
    new = optax.apply_updates(params, updates)
    np.testing.assert_allclose(new[0]["W"], [[1.0 - 0.1 * 0.5 * 1.0]], atol=1e-7)
    np.testing.assert_allclose(new[0]["b"], [1.0])


def test_l1_that_crosses_zero_kills_the_link_and_a_dead_link_never_moves():
    params = _params([[0.01, 0.5]], [0.0, 0.0])
    optimizer = playground_sgd(0.1, regularization_rate=1.0, regularization=L1)
    zero = _params([[0.0, 0.0]], [0.0, 0.0])
    updates, state = optimizer.update(zero, optimizer.init(params), params)
    new = optax.apply_updates(params, updates)
    np.testing.assert_array_equal(state.dead[0]["W"], [[True, False]])
    np.testing.assert_allclose(new[0]["W"], [[0.0, 0.4]], atol=1e-7)
    # A value typed into the dead link stays, whatever the gradient says.
    typed = _params([[0.3, 0.4]], [0.0, 0.0])
    updates, state = optimizer.update(_params([[5.0, 0.0]], [0, 0]), state, typed)
    np.testing.assert_allclose(optax.apply_updates(typed, updates)[0]["W"][0, 0], 0.3)


def test_it_composes_with_other_optax_transformations():
    params = _params([[1.0]], [0.0])
    optimizer = optax.chain(optax.clip(0.5), playground_sgd(1.0, 0.0, NO_REGULARIZATION))
    updates, _ = optimizer.update(_params([[10.0]], [0.0]), optimizer.init(params), params)
    np.testing.assert_allclose(optax.apply_updates(params, updates)[0]["W"], [[0.5]])
