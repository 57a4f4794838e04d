"""Where `fit` trains, and the Dense product whose gradient XLA:CPU computes fastest."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from nnwidgets import Sequential, layers
from nnwidgets.engine import devices as placement
from nnwidgets.model.matmul import matmul

CPUS = jax.devices("cpu")


def digits_like(n=64, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 8, 8), dtype=np.float32), rng.integers(0, 10, n).astype(np.int32)


def wide_model():
    model = Sequential(
        [layers.Input((8, 8)), layers.Flatten(), layers.Dense(32, activation="relu"),
         layers.Dense(10, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def on(tree):
    """The devices holding `tree`'s arrays."""
    return set().union(*(leaf.devices() for leaf in jax.tree.leaves(tree)))


@pytest.mark.skipif(len(CPUS) < 2, reason="needs a second CPU device to stand for the wide one")
def test_fit_trains_on_the_device_of_wide_work_and_says_so(monkeypatch, capsys):
    wide = CPUS[-1]  # stands for a GPU: any device but the first CPU
    monkeypatch.setattr(placement, "wide_work", lambda: wide)
    model = wide_model()
    X, y = digits_like()
    history = model.fit(X, y, epochs=2, validation_split=0.25, verbose=2)
    assert history.device == placement.describe(wide) == f"cpu:{wide.id}"
    assert on([layer.params for layer in model.layers]) == {wide}
    assert on(model._compiled["opt_state"]) == {wide}
    assert capsys.readouterr().out.splitlines()[0] == f"Training on cpu:{wide.id}"


def test_fit_names_its_device_on_the_history_and_only_verbose_fit_prints_it(capsys):
    model = wide_model()
    X, y = digits_like()
    history = model.fit(X, y, verbose=0)
    assert history.device == placement.describe(placement.wide_work())
    assert capsys.readouterr().out == ""
    model.fit(X, y, verbose=1)
    assert capsys.readouterr().out.startswith(f"Training on {history.device}\nEpoch 1/1\n")


@pytest.mark.parametrize("shape", [(32, 784, 256), (5, 3, 1)])
def test_the_dense_product_has_the_plain_products_values_and_gradients(shape):
    n, inputs, outputs = shape
    rng = np.random.default_rng(1)
    x = jnp.asarray(rng.normal(size=(n, inputs)), jnp.float32)
    w = jnp.asarray(rng.normal(size=(inputs, outputs)), jnp.float32)
    loss = lambda product: lambda x, w: jnp.sum(jnp.tanh(product(x, w)))  # noqa: E731
    ours = jax.jit(jax.value_and_grad(loss(matmul), argnums=(0, 1)))(x, w)
    plain = jax.jit(jax.value_and_grad(loss(jnp.matmul), argnums=(0, 1)))(x, w)
    for a, b in zip(jax.tree.leaves(ours), jax.tree.leaves(plain), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)
