"""Forward pass, activations, losses, initial weights, neuron maps, sweeps and recompiles."""

import logging
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from nnwidgets import engine
from nnwidgets.engine.playground import _train_chunk

RNG = np.random.default_rng(7)


def _data(n_train=40, n_test=20, features=2):
    X = RNG.uniform(-6, 6, (n_train + n_test, features)).astype(np.float32)
    y = np.where(X[:, 0] * X[:, -1] >= 0, 1.0, -1.0).astype(np.float32)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def test_activations_match_their_definitions():
    x = jnp.array([-2.0, -0.0, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(engine.ACTIVATIONS["relu"](x), [0, 0, 0, 0.5, 3])
    np.testing.assert_allclose(engine.ACTIVATIONS["step"](x), [0, 1, 1, 1, 1])
    np.testing.assert_allclose(
        engine.ACTIVATIONS["sigmoid"](x), 1 / (1 + np.exp(-np.asarray(x))), rtol=1e-6
    )
    np.testing.assert_allclose(engine.ACTIVATIONS["linear"](x), x)
    soft = engine.ACTIVATIONS["softmax"](jnp.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(soft.sum(), 1.0, rtol=1e-6)
    # The Playground's ReLU has derivative 0 at 0.
    assert jax.grad(lambda v: engine.ACTIVATIONS["relu"](v))(0.0) == 0.0


def test_losses_match_keras_definitions():
    p = jnp.array([[0.9], [0.2]])
    t = jnp.array([[1.0], [0.0]])
    bce = engine.LOSSES["binary_crossentropy"](p, t)
    np.testing.assert_allclose(bce, [-np.log(0.9), -np.log(0.8)], rtol=1e-6)
    np.testing.assert_allclose(engine.LOSSES["mse"](p, t), [0.01, 0.04], rtol=1e-5)
    probs = jnp.array([[0.7, 0.2, 0.1]])
    np.testing.assert_allclose(
        engine.LOSSES["categorical_crossentropy"](probs, jnp.array([[0.0, 1.0, 0.0]])),
        [-np.log(0.2)],
        rtol=1e-6,
    )
    np.testing.assert_allclose(
        engine.LOSSES["sparse_categorical_crossentropy"](probs, jnp.array([1])),
        [-np.log(0.2)],
        rtol=1e-6,
    )
    np.testing.assert_allclose(
        engine.LOSSES["half_squared_error"](jnp.array([0.5, 3.0]), jnp.array([1.0, 1.0])),
        [0.125, 2.0],
    )


@pytest.mark.parametrize(
    ("lookup", "name"), [(engine.get_activation, "swish"), (engine.get_loss, "l3")]
)
def test_unknown_names_are_refused_with_the_allowed_ones(lookup, name):
    with pytest.raises(ValueError, match=rf"got '{name}'") as error:
        lookup(name)
    assert "'relu'" in str(error.value) or "'mse'" in str(error.value)


@pytest.mark.parametrize("rows", [5, 40, 500])
def test_every_form_of_dense_is_the_same_product(rows):
    h = RNG.normal(size=(rows, 7)).astype(np.float32)
    W = RNG.normal(size=(7, 8)).astype(np.float32)
    b = RNG.normal(size=8).astype(np.float32)
    np.testing.assert_allclose(engine.dense(h, W, b), h @ W + b, rtol=1e-5, atol=1e-5)


def test_forward_returns_every_layer_input_first():
    params = engine.init_playground_params([3, 4, 1], random=0)
    X = RNG.normal(size=(6, 3)).astype(np.float32)
    outputs = engine.forward(params, X, "relu", "linear")
    assert [o.shape for o in outputs] == [(6, 3), (6, 4), (6, 1)]
    hidden = np.maximum(X @ params[0]["W"] + params[0]["b"], 0)
    np.testing.assert_allclose(outputs[2], hidden @ params[1]["W"] + params[1]["b"], rtol=1e-5)


def test_initial_weights_follow_the_playground_order_and_ranges():
    draws = iter(np.linspace(0, 0.99, 4 * 3 + 3))
    params = engine.init_playground_params([4, 3, 1], random=lambda: next(draws))
    W = params[0]["W"]
    # For each neuron j, its incoming links i are drawn in turn: column-major in (in, out).
    np.testing.assert_allclose(W[:, 0], np.linspace(0, 0.99, 15)[:4] - 0.5, rtol=1e-6)
    assert np.all(params[0]["b"] == np.float32(0.1))
    seeded = engine.init_playground_params([7, 8, 8, 1], random=3)
    assert all(np.all(np.abs(p["W"]) <= 0.5) for p in seeded)
    again = engine.init_playground_params([7, 8, 8, 1], random=3)
    assert all(np.array_equal(a["W"], b["W"]) for a, b in zip(seeded, again, strict=True))
    assert engine.count_params(seeded) == 7 * 8 + 8 + 8 * 8 + 8 + 8 + 1


@pytest.mark.parametrize("sizes", [[], [3], [2, 0, 1], [2, 2.5, 1]])
def test_bad_sizes_are_refused(sizes):
    with pytest.raises(ValueError, match="sizes"):
        engine.init_playground_params(sizes)


def test_neuron_maps_are_every_neuron_over_the_grid():
    params = engine.init_playground_params([2, 4, 2, 1], random=1)
    grid = RNG.uniform(-6, 6, (100, 2)).astype(np.float32)
    maps = np.asarray(engine.neuron_maps(params, grid, "tanh", "tanh"))
    assert maps.shape == (2 + 4 + 2 + 1, 100)
    layers = engine.forward(params, grid, "tanh", "tanh")
    np.testing.assert_allclose(maps, np.concatenate([np.asarray(o).T for o in layers]), atol=1e-6)
    q = np.asarray(engine.quantized_neuron_maps(params, grid, "tanh", "tanh"))
    assert q.dtype == np.uint8
    expected = np.round((np.clip(maps, -1, 1) + 1) * 127.5)
    assert np.max(np.abs(q.astype(int) - expected)) <= 1


def test_class_probability_maps_take_the_whole_byte():
    params = engine.init_playground_params([2, 4, 3], random=1)
    grid = np.random.default_rng(3).uniform(-6, 6, (100, 2)).astype(np.float32)
    p = np.asarray(engine.forward(params, grid, "tanh", "softmax")[-1]).T
    q = np.asarray(engine.quantized_neuron_maps(params, grid, "tanh", "softmax"))
    assert np.max(np.abs(q[-3:].astype(int) - np.round(p * 255))) <= 1  # 2p - 1 in [-1, 1]
    hidden = np.asarray(engine.quantized_neuron_maps(params, grid, "tanh", "tanh"))[:-3]
    np.testing.assert_array_equal(q[:-3], hidden)  # other neurons as before


def test_a_sweep_trains_each_configuration_as_a_single_run_would():
    data = _data()
    rates = [0.003, 0.03, 0.3]
    seeds = [0, 1, 2]
    starts = [engine.init_state(engine.init_playground_params([2, 3, 1], random=s)) for s in seeds]
    states, result = engine.sweep(
        engine.stack_states(starts),
        *data,
        learning_rate=rates,
        epochs=12,
        batch_size=7,
        regularization="l2",
        regularization_rate=0.01,
    )
    assert result.train_loss.shape == (3, 12)
    for index, (start, rate) in enumerate(zip(starts, rates, strict=True)):
        single, expected = engine.train(
            start,
            *data,
            epochs=12,
            batch_size=7,
            learning_rate=rate,
            regularization="l2",
            regularization_rate=0.01,
        )
        np.testing.assert_allclose(result.train_loss[index], expected.train_loss, rtol=1e-5)
        np.testing.assert_allclose(result.test_loss[index], expected.test_loss, rtol=1e-5)
        mine = engine.unstack_state(states, index)
        for a, b in zip(mine.params, single.params, strict=True):
            np.testing.assert_allclose(a["W"], b["W"], rtol=1e-5, atol=1e-6)
    # However the sweep spread its configurations over devices, each one carries on alone.
    engine.train(engine.unstack_state(states, 2), *data, epochs=2, batch_size=7)
    engine.sweep(states, *data, learning_rate=rates, epochs=2, batch_size=7)


def test_a_diverging_configuration_stops_alone_in_a_sweep():
    data = _data()
    starts = [engine.init_state(engine.init_playground_params([2, 8, 1], random=0))] * 2
    states, result = engine.sweep(
        engine.stack_states(starts),
        *data,
        learning_rate=[0.01, 1e8],
        epochs=20,
        activation="relu",
        problem="regression",
    )
    assert result.diverged.tolist() == [False, True]
    assert result.epochs_done[0] == 20 and result.epochs_done[1] < 20
    assert np.all(np.isnan(result.train_loss[1, result.epochs_done[1] :]))
    assert all(np.all(np.isfinite(leaf)) for leaf in jax.tree.leaves(states.params))


def test_sweep_refuses_rates_of_the_wrong_length():
    starts = engine.stack_states([engine.init_state(engine.init_playground_params([2, 1]))] * 2)
    with pytest.raises(ValueError, match="learning_rate must be a number or 2 numbers"):
        engine.sweep(starts, *_data(), learning_rate=[0.1, 0.2, 0.3])


class _CompileCounter(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if "Compiling" in message and "_train_chunk" in message:
            self.messages.append(message)


def test_changing_rates_never_recompiles_but_a_new_shape_does():
    data = _data(n_train=33)
    state = engine.init_state(engine.init_playground_params([2, 5, 3, 1], random=0))
    options = dict(epochs=3, batch_size=4, activation="sigmoid")
    state, _ = engine.train(state, *data, learning_rate=0.1, **options)
    counter = _CompileCounter()
    logger = logging.getLogger("jax._src.interpreters.pxla")
    logger.addHandler(counter)
    jax.config.update("jax_log_compiles", True)
    try:
        before = _train_chunk._cache_size()
        for rate in (0.001, 0.5, 3.0):
            state, _ = engine.train(
                state, *data, learning_rate=rate, regularization_rate=rate, **options
            )
        assert _train_chunk._cache_size() == before
        assert counter.messages == []
        bigger = engine.init_state(engine.init_playground_params([2, 6, 3, 1], random=0))
        engine.train(bigger, *data, learning_rate=0.1, **options)
        assert _train_chunk._cache_size() == before + 1
        assert len(counter.messages) == 1
    finally:
        jax.config.update("jax_log_compiles", False)
        logger.removeHandler(counter)


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (dict(epochs=-1), ValueError, "epochs must be an int >= 0, got -1"),
        (dict(batch_size=0), ValueError, "batch_size must be an int >= 1, got 0"),
        (dict(batch_size=2.5), TypeError, "batch_size must be an int, got 2.5"),
        (
            dict(learning_rate=float("nan")),
            ValueError,
            "learning_rate must be a finite number >= 0",
        ),
        (
            dict(regularization_rate=-1),
            ValueError,
            "regularization_rate must be a finite number >= 0",
        ),
        (
            dict(regularization="l3"),
            ValueError,
            "regularization must be one of None, 'l1', 'l2', got 'l3'",
        ),
        (
            dict(activation="softmax"),
            ValueError,
            "activation must be one of 'relu', 'tanh', 'sigmoid'",
        ),
        (
            dict(problem="ranking"),
            ValueError,
            "problem must be one of 'classification', 'regression'",
        ),
    ],
)
def test_bad_options_are_refused_before_training(change, error, message):
    state = engine.init_state(engine.init_playground_params([2, 2, 1], random=0))
    with pytest.raises(error, match=re.escape(message)):
        engine.train(state, *_data(), **change)


def test_bad_data_is_refused_naming_the_argument():
    state = engine.init_state(engine.init_playground_params([2, 2, 1], random=0))
    X, y, Xt, yt = _data()
    with pytest.raises(ValueError, match="X_train has 3 features but the network takes 2"):
        engine.train(state, np.ones((4, 3)), np.ones(4), Xt, yt)
    with pytest.raises(ValueError, match="X_train has 40 rows but y_train has 39"):
        engine.train(state, X, y[:-1], Xt, yt)
    with pytest.raises(ValueError, match="y_test must have 1 dimensions"):
        engine.train(state, X, y, Xt, yt[:, None])
    with pytest.raises(TypeError, match="X_train must be an array of numbers"):
        engine.train(state, [["a", "b"]], [1.0], Xt, yt)
    with pytest.raises(ValueError, match="X_train must hold at least one example"):
        engine.train(state, np.zeros((0, 2)), np.zeros(0), Xt, yt)


def test_tanh_is_as_accurate_as_float32_allows_with_its_exact_gradient():
    tanh = engine.ACTIVATIONS["tanh"]
    x = np.linspace(-10, 10, 100_001).astype(np.float32)
    assert np.max(np.abs(np.asarray(jax.jit(tanh)(x)) - np.tanh(x.astype(np.float64)))) < 3e-7
    np.testing.assert_allclose(jax.grad(tanh)(0.5), 1 - np.tanh(0.5) ** 2, rtol=1e-6)
    special = np.asarray(tanh(jnp.array([np.nan, np.inf, -np.inf, 0.0], jnp.float32)))
    assert np.isnan(special[0]) and special[1:].tolist() == [1.0, -1.0, 0.0]


def test_training_reports_each_epochs_accuracy_when_asked():
    X, y, X_test, y_test = _data()
    start = engine.init_state(engine.init_playground_params([2, 3, 1], random=0))
    state, result = engine.train(start, X, y, X_test, y_test, epochs=4, accuracy=True)
    _, plain = engine.train(start, X, y, X_test, y_test, epochs=4)
    assert plain.train_accuracy is None
    np.testing.assert_array_equal(result.train_loss, plain.train_loss)
    out_train = np.asarray(engine.forward(state.params, X, "tanh", "tanh")[-1])[:, 0]
    out_test = np.asarray(engine.forward(state.params, X_test, "tanh", "tanh")[-1])[:, 0]
    assert result.train_accuracy.shape == (4,)
    assert result.train_accuracy[-1] == pytest.approx(np.mean((out_train >= 0) == (y > 0)))
    assert result.test_accuracy[-1] == pytest.approx(np.mean((out_test >= 0) == (y_test > 0)))


@pytest.mark.parametrize(
    ("n_train", "batch_size", "regularization"),
    [(40, 10, None), (37, 10, "l1"), (5, 10, "l2"), (123, 7, "l1"), (40, 1, None)],
)
def test_padded_data_train_exactly_as_the_data_alone(n_train, batch_size, regularization):
    # Padding is what lets points drawn one by one share a kernel: it must change nothing, the
    # batch boundaries, the rest carried into the next epoch and L1's dead links included.
    X, y, X_test, y_test = _data(n_train=n_train, n_test=15)
    start = engine.init_state(engine.init_playground_params([2, 4, 3, 1], random=3))
    options = dict(
        epochs=6,
        batch_size=batch_size,
        learning_rate=0.1,
        regularization=regularization,
        regularization_rate=0.01,
        accuracy=True,
    )
    plain_state, plain = engine.train(start, X, y, X_test, y_test, **options)
    state, padded = engine.train(start, X, y, X_test, y_test, pad_to=(300, 64), **options)
    for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        np.testing.assert_allclose(getattr(padded, name), getattr(plain, name), atol=1e-6)
    # Weights of a few units agree to float32's rounding: sums over padded batches add in
    # another order.
    for a, b in zip(jax.tree.leaves(state), jax.tree.leaves(plain_state), strict=True):
        np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=1e-6, atol=1e-6)


def test_padded_data_of_other_sizes_share_one_kernel():
    start = engine.init_state(engine.init_playground_params([2, 3, 1], random=0))
    X, y, X_test, y_test = _data(n_train=60)
    engine.train(start, X[:50], y[:50], X_test, y_test, pad_to=(64, 32))
    before = _train_chunk._cache_size()
    for n in (51, 52, 60):
        engine.train(start, X[:n], y[:n], X_test[:-1], y_test[:-1], pad_to=(64, 32))
    assert _train_chunk._cache_size() == before
    with pytest.raises(ValueError, match="smaller than the data"):
        engine.train(start, X, y, X_test, y_test, pad_to=(10, 32))


def test_several_output_neurons_learn_classes_by_softmax_and_cross_entropy():
    centres = np.array([[3.0, 0.0], [-3.0, 2.0], [0.0, -3.0]])
    labels = RNG.integers(0, 3, 240)
    X = (centres[labels] + RNG.normal(0, 0.7, (240, 2))).astype(np.float32)
    y = labels.astype(np.float32)
    start = engine.init_state(engine.init_playground_params([2, 5, 3], random=1))
    state, result = engine.train(
        start, X[:160], y[:160], X[160:], y[160:], epochs=60, accuracy=True
    )
    probabilities = np.asarray(engine.forward(state.params, X[:160], "tanh", "softmax")[-1])
    expected = np.mean(-np.log(probabilities[np.arange(160), labels[:160]]))
    assert result.train_loss[-1] == pytest.approx(expected, rel=1e-5)
    assert result.train_loss[-1] < result.train_loss[0] / 3
    assert result.test_accuracy[-1] >= 0.95
    assert result.train_accuracy[-1] == pytest.approx(
        np.mean(np.argmax(probabilities, axis=1) == labels[:160])
    )
    with pytest.raises(ValueError, match=r"y_train must hold class indices 0 to 2"):
        engine.train(start, X, y + 1, X, y)
    with pytest.raises(ValueError, match="several output neurons is for classification only"):
        engine.train(start, X, y, X, y, problem="regression")
