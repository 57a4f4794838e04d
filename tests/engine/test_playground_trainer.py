"""The JAX Playground trainer against a plain, example-by-example statement of the original.

`playground_reference.py` transcribes TensorFlow Playground's nn.ts / playground.ts in float64;
here the engine (float32) is run side by side with it over several epochs and must agree.

Tolerance: `TOL = 1e-5`, absolute where the reference value is at most 1 in size and relative above
that, i.e. |engine − reference| <= 1e-5 · max(1, |reference|). It applies to every weight, bias and
per-epoch train/test loss; dead-link masks must be equal.

Inputs and initial parameters are drawn in float64, rounded to float32 once, and the same rounded
values go to both sides, so the only difference left is the engine's float32 arithmetic.
"""

from __future__ import annotations

import itertools
import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from playground_reference import (
    PlaygroundReference,
    batch_gradient,
    batch_loss,
    train_reference,
)

from nnwidgets.engine.feedforward import forward
from nnwidgets.engine.playground import init_state, train

TOL = 1e-5

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def init_params(n_features, hidden, seed):
    """W ~ U(-0.5, 0.5), b = 0.1, as the original; rounded to float32."""
    rng = np.random.default_rng(seed)
    sizes = [n_features, *hidden, 1]
    return [
        {
            "W": rng.uniform(-0.5, 0.5, size=(a, b)).astype(np.float32),
            "b": np.full(b, 0.1, np.float32),
        }
        for a, b in itertools.pairwise(sizes)
    ]


def make_data(n_features, problem, n_train=50, n_test=30, seed=0):
    """Random inputs in [-6, 6]^F; labels ±1 (classification) or smooth targets (regression)."""
    rng = np.random.default_rng(1000 + seed)
    X = rng.uniform(-6, 6, size=(n_train + n_test, n_features)).astype(np.float32)
    a = rng.normal(size=n_features)
    if problem == "classification":
        score = np.sin(X @ a / 2) + 0.2 * X[:, 0] * X[:, -1] / 6
        y = np.where(score >= 0, 1.0, -1.0)
    else:
        y = 0.6 * np.tanh(X @ a / 4) + 0.1 * np.cos(X[:, -1])
    y = y.astype(np.float32)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def assert_close(actual, expected, what, tol=TOL):
    actual = np.asarray(actual, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    err = np.abs(actual - expected) / np.maximum(1.0, np.abs(expected))
    if not np.all(err <= tol):  # also catches NaN
        idx = np.unravel_index(np.nanargmax(np.where(np.isnan(err), np.inf, err)), err.shape)
        raise AssertionError(
            f"{what}: max scaled error {np.nanmax(np.where(np.isnan(err), np.inf, err)):.3g} "
            f"> {tol:g} at {idx}: engine {actual[idx]!r}, reference {expected[idx]!r}"
        )


def assert_params_match(engine_params, ref_params, what=""):
    assert len(engine_params) == len(ref_params)
    for k, (e, r) in enumerate(zip(engine_params, ref_params, strict=True)):
        assert_close(e["W"], r["W"], f"{what}layer {k} W")
        assert_close(e["b"], r["b"], f"{what}layer {k} b")


def assert_dead_match(engine_dead, ref_dead, what=""):
    assert len(engine_dead) == len(ref_dead)
    for k, (e, r) in enumerate(zip(engine_dead, ref_dead, strict=True)):
        e = np.asarray(e, dtype=bool)
        assert e.shape == r.shape, f"{what}dead layer {k}: shape {e.shape} != {r.shape}"
        assert np.array_equal(e, r), (
            f"{what}dead layer {k} differs at {np.argwhere(e != r).tolist()}: "
            f"engine {e.astype(int).tolist()}, reference {r.astype(int).tolist()}"
        )


def replace_params(state, params):
    """The state with new params (a weight or bias edit between two calls of `train`)."""
    params = [{"W": jnp.asarray(p["W"]), "b": jnp.asarray(p["b"])} for p in params]
    return state._replace(params=params)


def run_case(case, epochs):
    """Train engine and reference side by side; returns (state, result, net, ref_tr, ref_te)."""
    X, y, Xt, yt = make_data(case["F"], case["problem"], case.get("n", 50), 30, case["seed"])
    params = init_params(case["F"], case["hidden"], case["seed"])
    kwargs = dict(
        epochs=epochs,
        batch_size=case["batch"],
        learning_rate=case["lr"],
        regularization=case.get("reg"),
        regularization_rate=case.get("rate", 0.0),
        activation=case["act"],
        problem=case["problem"],
    )
    state, result = train(init_state(params), X, y, Xt, yt, **kwargs)
    net, ref_tr, ref_te = train_reference(params, X, y, Xt, yt, **kwargs)
    return state, result, net, ref_tr, ref_te


def check_against_reference(state, result, net, ref_tr, ref_te, epochs):
    assert not result.diverged
    assert result.epochs_done == epochs
    assert np.asarray(result.train_loss).shape == (epochs,)
    assert np.asarray(result.test_loss).shape == (epochs,)
    assert_close(result.train_loss, ref_tr, "train loss per epoch")
    assert_close(result.test_loss, ref_te, "test loss per epoch")
    assert_params_match(state.params, net.params)
    assert_dead_match(state.dead, net.dead)


def case(F, hidden, act, problem, batch, *, lr=0.1, n=50, reg=None, rate=0.0, seed=0):
    return dict(
        F=F,
        hidden=tuple(hidden),
        act=act,
        problem=problem,
        batch=batch,
        lr=lr,
        n=n,
        reg=reg,
        rate=rate,
        seed=seed,
    )


def case_id(c):
    h = "x".join(map(str, c["hidden"])) or "none"
    s = f"F{c['F']}-h{h}-{c['act']}-{c['problem'][:5]}-n{c['n']}-b{c['batch']}-lr{c['lr']}"
    if c["reg"]:
        s += f"-{c['reg']}{c['rate']}"
    return s


EPOCHS = 8

# ---------------------------------------------------------------------------------------------
# 0. the reference itself: hand-computed cases and finite differences
# ---------------------------------------------------------------------------------------------


def test_reference_by_hand_leftover_joins_next_epoch():
    """0 hidden layers, 1 input, linear output: o = w·x + b, n = 3, batch 2, lr 0.1.

    Epoch 1 updates after example 2 (mean over 2); example 3 stays accumulated and joins
    epoch 2's first batch, whose update (after epoch 2's example 2) averages over 3 examples.
    """
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([1.0, 0.0, 2.0])
    params = [{"W": np.array([[0.2]]), "b": np.array([0.1])}]
    net, tr, te = train_reference(
        params, X, y, X[:1], y[:1], epochs=2, batch_size=2, learning_rate=0.1, problem="regression"
    )
    # Epoch 1: o1 = 0.3, d1 = -0.7; o2 = 0.5, d2 = 0.5
    #   dE/dw sum = -0.7·1 + 0.5·2 = 0.3; dE/db sum = -0.2; count 2
    #   w = 0.2 - 0.1/2 · 0.3 = 0.185; b = 0.1 - 0.1 · (-0.2)/2 = 0.11
    # example 3 (leftover): o3 = 0.185·3 + 0.11 = 0.665, d3 = -1.335 → acc w -4.005, b -1.335
    w1, b1 = 0.185, 0.11
    loss1 = np.mean([0.5 * (w1 * x + b1 - t) ** 2 for x, t in [(1, 1), (2, 0), (3, 2)]])
    # Epoch 2: o1 = 0.295, d1 = -0.705; o2 = 0.48, d2 = 0.48
    #   acc w = -4.005 - 0.705 + 0.96 = -3.75; acc b = -1.335 - 0.705 + 0.48 = -1.56; count 3
    #   w = 0.185 - 0.1/3 · (-3.75) = 0.31; b = 0.11 - 0.1 · (-1.56)/3 = 0.162
    w2, b2 = 0.31, 0.162
    loss2 = np.mean([0.5 * (w2 * x + b2 - t) ** 2 for x, t in [(1, 1), (2, 0), (3, 2)]])
    np.testing.assert_allclose(net.params[0]["W"], [[w2]], rtol=0, atol=1e-14)
    np.testing.assert_allclose(net.params[0]["b"], [b2], rtol=0, atol=1e-14)
    np.testing.assert_allclose(tr, [loss1, loss2], rtol=1e-13)
    np.testing.assert_allclose(te, [0.5 * (w1 + b1 - 1) ** 2, 0.5 * (w2 + b2 - 1) ** 2], rtol=1e-13)
    # The leftover of epoch 2 (example 3: o = 1.092, d = -0.908) is pending.
    acc = net.accumulated[0]
    assert acc["count_W"][0, 0] == 1 and acc["count_b"][0] == 1
    np.testing.assert_allclose(acc["W"][0, 0], -0.908 * 3, atol=1e-13)
    np.testing.assert_allclose(acc["b"][0], -0.908, atol=1e-13)


def test_reference_by_hand_regularisation():
    """One link, zero error gradient (t = o), lr 0.1, rate 1: only the regulariser moves w."""
    X, y = np.array([[1.0]]), np.array([0.01])
    # L1, |w| < lr·rate: the step crosses zero → w = 0 and the link is dead for good.
    net = PlaygroundReference(
        [{"W": [[0.01]], "b": [0.0]}], problem="regression", regularization="l1"
    )
    net.train(X, y, X, y, epochs=1, batch_size=1, learning_rate=0.1, regularization_rate=1.0)
    assert net.params[0]["W"][0, 0] == 0.0 and net.dead[0][0, 0]
    net.train(X, y, X, y, epochs=3, batch_size=1, learning_rate=0.1, regularization_rate=1.0)
    assert net.params[0]["W"][0, 0] == 0.0 and net.dead[0][0, 0]
    assert net.accumulated[0]["count_W"][0, 0] == 0  # dead links accumulate nothing
    assert net.params[0]["b"][0] != 0.0  # the bias still trains
    # L1, the *gradient* step crosses zero: not a death (only the regulariser's crossing kills).
    net = PlaygroundReference(
        [{"W": [[0.01]], "b": [0.0]}], problem="regression", regularization="l1"
    )
    # o = 0.01, t = 5.01 → dE/dw = (o - t)·x = -5 → w = 0.01 + 0.1·5 = 0.51, then -0.1·sign(0.01)
    net.train(
        X,
        np.array([5.01]),
        X,
        y,
        epochs=1,
        batch_size=1,
        learning_rate=0.1,
        regularization_rate=1.0,
    )
    np.testing.assert_allclose(net.params[0]["W"][0, 0], 0.41, atol=1e-14)
    assert not net.dead[0][0, 0]
    # L1 at w = 0 exactly: sign(0) = 0, nothing moves, nothing dies.
    net = PlaygroundReference(
        [{"W": [[0.0]], "b": [0.0]}], problem="regression", regularization="l1"
    )
    net.train(
        X, np.array([0.0]), X, y, epochs=2, batch_size=1, learning_rate=0.1, regularization_rate=1.0
    )
    assert net.params[0]["W"][0, 0] == 0.0 and not net.dead[0][0, 0]
    # L2: w -= lr·rate·w.
    net = PlaygroundReference(
        [{"W": [[0.5]], "b": [0.0]}], problem="regression", regularization="l2"
    )
    net.train(
        X, np.array([0.5]), X, y, epochs=1, batch_size=1, learning_rate=0.1, regularization_rate=0.2
    )
    np.testing.assert_allclose(net.params[0]["W"][0, 0], 0.5 - 0.1 * 0.2 * 0.5, atol=1e-15)


def test_reference_by_hand_hidden_layer():
    """1 input → 1 tanh unit → tanh output, one example, batch 1, lr 0.5."""
    w1, b1, w2, b2, x, t, lr = 0.3, 0.1, -0.4, 0.1, 2.0, 1.0, 0.5
    h = math.tanh(w1 * x + b1)
    o = math.tanh(w2 * h + b2)
    d_out = (o - t) * (1 - o * o)
    d_hid = d_out * w2 * (1 - h * h)
    expected = [
        {"W": [[w1 - lr * d_hid * x]], "b": [b1 - lr * d_hid]},
        {"W": [[w2 - lr * d_out * h]], "b": [b2 - lr * d_out]},
    ]
    params = [{"W": [[w1]], "b": [b1]}, {"W": [[w2]], "b": [b2]}]
    net, tr, _ = train_reference(
        params, [[x]], [t], [[x]], [t], epochs=1, batch_size=1, learning_rate=lr
    )
    for got, want in zip(net.params, expected, strict=True):
        np.testing.assert_allclose(got["W"], want["W"], atol=1e-15)
        np.testing.assert_allclose(got["b"], want["b"], atol=1e-15)
    h1 = math.tanh(expected[0]["W"][0][0] * x + expected[0]["b"][0])
    o1 = math.tanh(expected[1]["W"][0][0] * h1 + expected[1]["b"][0])
    np.testing.assert_allclose(tr, [0.5 * (o1 - t) ** 2], rtol=1e-14)


def test_reference_no_update_when_training_set_smaller_than_batch():
    X, y, Xt, yt = make_data(2, "classification", n_train=5)
    params = init_params(2, (3,), 0)
    net, tr, te = train_reference(params, X, y, Xt, yt, epochs=3, batch_size=10, learning_rate=0.1)
    for got, start in zip(net.params, params, strict=True):
        np.testing.assert_array_equal(got["W"], start["W"].astype(np.float64))
        np.testing.assert_array_equal(got["b"], start["b"].astype(np.float64))
    assert np.all(tr == tr[0]) and np.all(te == te[0])
    assert all(np.all(a["count_W"] == 15) and np.all(a["count_b"] == 15) for a in net.accumulated)


@pytest.mark.parametrize("problem", ["classification", "regression"])
@pytest.mark.parametrize("act", ["relu", "tanh", "sigmoid", "linear"])
def test_reference_backprop_matches_finite_differences(act, problem):
    X, y, _, _ = make_data(3, problem, n_train=6, seed=3)
    params = [{k: v.astype(np.float64) for k, v in p.items()} for p in init_params(3, (4, 3), 3)]
    grads = batch_gradient(params, X, y, act, problem)
    h = 1e-6
    for k, key in itertools.product(range(len(params)), ("W", "b")):
        for idx in np.ndindex(params[k][key].shape):
            plus = [{kk: vv.copy() for kk, vv in p.items()} for p in params]
            minus = [{kk: vv.copy() for kk, vv in p.items()} for p in params]
            plus[k][key][idx] += h
            minus[k][key][idx] -= h
            fd = batch_loss(plus, X, y, act, problem) - batch_loss(minus, X, y, act, problem)
            fd /= 2 * h
            assert abs(grads[k][key][idx] - fd) <= 1e-7 * max(1.0, abs(fd)), (k, key, idx)


# ---------------------------------------------------------------------------------------------
# 1. engine vs reference, several epochs
# ---------------------------------------------------------------------------------------------

# Compiling the engine's kernel costs 1-2 s per distinct (shapes, batch size, activation, problem,
# n) on this machine class, while the regularisation kind and rates are traced values; so the
# regularisation, live-change and divergence cases reuse the kernels of these cases.

# Every hidden activation with both problems; between them 0-3 hidden layers and 1-7 inputs.
ACTIVATION_CASES = [
    case(3, (5,), "relu", "classification", 7),
    case(2, (4, 3), "relu", "regression", 10, lr=0.03),
    case(7, (3, 3, 2), "tanh", "classification", 7),
    case(1, (), "tanh", "regression", 3, lr=0.03),
    case(4, (4, 2), "sigmoid", "classification", 10, lr=0.3),
    case(5, (6,), "sigmoid", "regression", 7),
    case(6, (2, 3, 2), "linear", "classification", 9, lr=0.01),
    case(2, (3, 3, 3), "linear", "regression", 4, lr=0.01),
]

BATCH_CASES = [
    ACTIVATION_CASES[4],  # 10 divides n = 50 (same kernel as above: costs no compile)
    ACTIVATION_CASES[0],  # 50 = 7·7 + 1: one example carried into the next epoch
    case(2, (4, 2), "tanh", "classification", 30),  # 50 = 30 + 20: most of an epoch carried
    case(2, (4, 2), "tanh", "classification", 1, lr=0.03),
    case(2, (4, 2), "tanh", "classification", 10, n=5),  # n < batch: never an update
]


def with_reg(c, reg, rate):
    return dict(c, reg=reg, rate=rate)


# Rates chosen so that some links die within 8 epochs and some stay alive (see the test).
L1_CASES = [
    with_reg(ACTIVATION_CASES[0], "l1", 0.03),  # relu, 2 of 20 die
    with_reg(ACTIVATION_CASES[1], "l1", 0.3),  # relu, 13 of 23
    with_reg(ACTIVATION_CASES[2], "l1", 0.03),  # tanh, 12 of 38
    with_reg(ACTIVATION_CASES[4], "l1", 0.01),  # sigmoid, 5 of 26
    with_reg(ACTIVATION_CASES[5], "l1", 0.03),  # sigmoid, 7 of 36
    with_reg(ACTIVATION_CASES[6], "l1", 0.3),  # linear, 6 of 26
    with_reg(ACTIVATION_CASES[7], "l1", 0.1),  # linear, 4 of 27
]

L2_CASES = [
    with_reg(BATCH_CASES[2], "l2", 0.3),
    with_reg(ACTIVATION_CASES[3], "l2", 0.1),  # no hidden layer
    with_reg(ACTIVATION_CASES[5], "l2", 0.1),
    # lr·rate = 0.9: the L2 step often carries a weight across zero; with L2 that kills nothing.
    with_reg(ACTIVATION_CASES[4], "l2", 3.0),
]


@pytest.mark.parametrize("c", BATCH_CASES, ids=case_id)
def test_batch_sizes(c):
    state, result, net, tr, te = run_case(c, EPOCHS)
    check_against_reference(state, result, net, tr, te, EPOCHS)
    if c["n"] < c["batch"]:  # the original never updates: params stay as initialised
        for got, start in zip(
            state.params, init_params(c["F"], c["hidden"], c["seed"]), strict=True
        ):
            np.testing.assert_array_equal(np.asarray(got["W"]), start["W"])
            np.testing.assert_array_equal(np.asarray(got["b"]), start["b"])


@pytest.mark.parametrize("c", ACTIVATION_CASES, ids=case_id)
def test_activations_problems_depths(c):
    state, result, net, tr, te = run_case(c, EPOCHS)
    check_against_reference(state, result, net, tr, te, EPOCHS)


@pytest.mark.parametrize("c", L1_CASES, ids=case_id)
def test_l1_regularisation_kills_links(c):
    state, result, net, tr, te = run_case(c, EPOCHS)
    n_dead = sum(int(d.sum()) for d in net.dead)
    assert n_dead > 0, "the case must exercise dead links"
    assert n_dead < sum(d.size for d in net.dead), "the case should leave some links alive"
    check_against_reference(state, result, net, tr, te, EPOCHS)
    for W, D in zip(state.params, state.dead, strict=True):
        assert np.all(np.asarray(W["W"])[np.asarray(D)] == 0.0)


@pytest.mark.parametrize("c", L2_CASES, ids=case_id)
def test_l2_regularisation(c):
    state, result, net, tr, te = run_case(c, EPOCHS)
    check_against_reference(state, result, net, tr, te, EPOCHS)
    assert not any(d.any() for d in net.dead)


def test_float64_numpy_params_accepted():
    """init_state takes float64 numpy params (rounded to float32) and trains the same."""
    c = BATCH_CASES[2]
    X, y, Xt, yt = make_data(c["F"], c["problem"], c["n"], 30, c["seed"])
    params = init_params(c["F"], c["hidden"], c["seed"])
    params64 = [{k: v.astype(np.float64) for k, v in p.items()} for p in params]
    kwargs = dict(epochs=3, batch_size=c["batch"], learning_rate=c["lr"], activation=c["act"])
    s32, r32 = train(init_state(params), X, y, Xt, yt, **kwargs)
    s64, r64 = train(init_state(params64), X, y, Xt, yt, **kwargs)
    np.testing.assert_array_equal(r32.train_loss, r64.train_loss)
    for a, b in zip(s32.params, s64.params, strict=True):
        np.testing.assert_array_equal(np.asarray(a["W"]), np.asarray(b["W"]))
        np.testing.assert_array_equal(np.asarray(a["b"]), np.asarray(b["b"]))


# ---------------------------------------------------------------------------------------------
# 2. live changes between two calls of `train`
# ---------------------------------------------------------------------------------------------


def train_both(c, state, net, X, y, Xt, yt, epochs, lr):
    """`epochs` more epochs on the engine state and on the reference network, then compare."""
    state, result = train(
        state,
        X,
        y,
        Xt,
        yt,
        epochs=epochs,
        batch_size=c["batch"],
        learning_rate=lr,
        regularization=c["reg"],
        regularization_rate=c["rate"],
        activation=c["act"],
        problem=c["problem"],
    )
    tr, te = net.train(X, y, Xt, yt, epochs, c["batch"], lr, c["rate"])
    check_against_reference(state, result, net, tr, te, epochs)
    return state


def start_both(c):
    X, y, Xt, yt = make_data(c["F"], c["problem"], c["n"], 30, c["seed"])
    params = init_params(c["F"], c["hidden"], c["seed"])
    net = PlaygroundReference(params, c["act"], c["problem"], c["reg"])
    return init_state(params), net, (X, y, Xt, yt)


def edited_params(state, layer, key, index, value):
    params = [{"W": np.array(p["W"]), "b": np.array(p["b"])} for p in state.params]
    params[layer][key][index] = value
    return replace_params(state, params)


@pytest.mark.parametrize(
    "c", [ACTIVATION_CASES[2], with_reg(ACTIVATION_CASES[2], "l1", 0.03)], ids=case_id
)
def test_learning_rate_change_between_calls(c):
    """3 epochs at lr 0.03, then 3 at 0.3, vs 6 epochs of the reference with the rate changed
    between epochs (batch 7 does not divide 50: the leftover example crosses the two calls)."""
    assert c["n"] % c["batch"] != 0
    state, net, data = start_both(c)
    state = train_both(c, state, net, *data, epochs=3, lr=0.03)
    train_both(c, state, net, *data, epochs=3, lr=0.3)


@pytest.mark.parametrize("what", ["W", "b"])
def test_edit_between_calls(what):
    """Edit a weight (or a bias) between two calls; the pending leftover gradients (20 examples:
    50 = 30 + 20) still apply at the next update, to the edited value."""
    c = BATCH_CASES[2]
    assert (c["n"], c["batch"]) == (50, 30)
    state, net, data = start_both(c)
    state = train_both(c, state, net, *data, epochs=3, lr=c["lr"])
    assert net.accumulated[0]["count_b"][0] == 20
    if what == "W":
        state = edited_params(state, 1, "W", (2, 1), np.float32(0.7))
        net.set_weight(1, 2, 1, np.float32(0.7))
    else:
        state = edited_params(state, 0, "b", 3, np.float32(-0.4))
        net.set_bias(0, 3, np.float32(-0.4))
    train_both(c, state, net, *data, epochs=3, lr=c["lr"])


def test_edit_of_a_dead_link_between_calls():
    """The original's weight edit sets `link.weight` and leaves `isDead` alone: an edited dead link
    keeps the new value, frozen (forwardProp uses it, backProp and updateWeights skip it)."""
    c = L1_CASES[1]
    state, net, data = start_both(c)
    state = train_both(c, state, net, *data, epochs=4, lr=c["lr"])
    layer = next(k for k, d in enumerate(net.dead) if d.any())
    j, i = (int(v) for v in np.argwhere(net.dead[layer])[0])
    state = edited_params(state, layer, "W", (j, i), np.float32(0.4))
    net.set_weight(layer, j, i, np.float32(0.4))
    X, y, Xt, yt = data
    state, result = train(
        state,
        X,
        y,
        Xt,
        yt,
        epochs=2,
        batch_size=c["batch"],
        learning_rate=c["lr"],
        regularization=c["reg"],
        regularization_rate=c["rate"],
        activation=c["act"],
        problem=c["problem"],
    )
    tr, te = net.train(X, y, Xt, yt, 2, c["batch"], c["lr"], c["rate"])
    assert net.params[layer]["W"][j, i] == np.float32(0.4) and net.dead[layer][j, i]
    engine_w = float(np.asarray(state.params[layer]["W"])[j, i])
    assert engine_w == np.float32(0.4), (
        f"edited dead link W[{layer}][{j},{i}]: the original keeps the edited 0.4 (frozen, "
        f"still dead); the engine has {engine_w} after the next update"
    )
    check_against_reference(state, result, net, tr, te, 2)


# ---------------------------------------------------------------------------------------------
# 3. divergence
# ---------------------------------------------------------------------------------------------


def test_divergence_keeps_last_finite_state():
    c = ACTIVATION_CASES[1]  # relu, regression (its kernel is already compiled)
    X, y, Xt, yt = make_data(c["F"], c["problem"], c["n"], 30, c["seed"])
    params = init_params(c["F"], c["hidden"], c["seed"])
    epochs = 10
    state, result = train(
        init_state(params),
        X,
        y,
        Xt,
        yt,
        epochs=epochs,
        batch_size=10,
        learning_rate=1e6,
        activation="relu",
        problem="regression",
    )
    assert result.diverged
    assert result.epochs_done < epochs
    done = result.epochs_done
    assert np.all(np.isfinite(np.asarray(result.train_loss)[:done]))
    for layer in state.params:
        assert np.all(np.isfinite(np.asarray(layer["W"])))
        assert np.all(np.isfinite(np.asarray(layer["b"])))


def test_divergence_after_some_epochs_returns_the_last_finite_epoch():
    """At lr 6 this net's loss grows ~10^7 per epoch: epoch 6 overflows float32. The engine must
    stop there and return the state after epoch 5, which is the reference's after 5 epochs
    (the reference, in float64, is still finite there; agreement is ~1e-6 relative)."""
    c = ACTIVATION_CASES[1]
    X, y, Xt, yt = make_data(c["F"], c["problem"], c["n"], 30, c["seed"])
    params = init_params(c["F"], c["hidden"], c["seed"])
    kwargs = dict(batch_size=10, learning_rate=6.0, activation="relu", problem="regression")
    state, result = train(init_state(params), X, y, Xt, yt, epochs=10, **kwargs)
    assert result.diverged and result.epochs_done == 5
    net, tr, te = train_reference(params, X, y, Xt, yt, epochs=5, **kwargs)
    assert tr[-1] > 1e33  # genuinely on its way out
    assert_close(result.train_loss, tr, "train loss per epoch")
    assert_close(result.test_loss[:5], te, "test loss per epoch")
    assert_params_match(state.params, net.params)


# ---------------------------------------------------------------------------------------------
# 4. gradients vs central finite differences (float64)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def x64():
    previous = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", True)
    try:
        yield
    finally:
        jax.config.update("jax_enable_x64", previous)


# Each hidden activation once, both output activations; the reference's backprop is checked
# against finite differences for all eight pairs above, and training compares the rest.
@pytest.mark.parametrize(
    "act,problem",
    [
        ("relu", "classification"),
        ("tanh", "regression"),
        ("sigmoid", "classification"),
        ("linear", "regression"),
    ],
)
def test_engine_gradient_matches_finite_differences(x64, act, problem):
    out_act = {"classification": "tanh", "regression": "linear"}[problem]
    X, y, _, _ = make_data(3, problem, n_train=10, seed=7)
    X64, y64 = jnp.asarray(X, jnp.float64), jnp.asarray(y, jnp.float64)
    params = [{k: v.astype(np.float64) for k, v in p.items()} for p in init_params(3, (4, 3), 7)]

    @jax.jit
    def loss(params):
        out = forward(params, X64, activation=act, output_activation=out_act)[-1]
        return jnp.mean(0.5 * (out.reshape(-1) - y64) ** 2)

    assert loss(params).dtype == jnp.float64
    grads = jax.grad(loss)(params)
    ref = batch_gradient(params, X, y, act, problem)
    h = 1e-6
    for k, key in itertools.product(range(len(params)), ("W", "b")):
        g = np.asarray(grads[k][key])
        assert g.dtype == np.float64
        fd = np.zeros_like(g)
        for idx in np.ndindex(g.shape):
            plus = [{kk: vv.copy() for kk, vv in p.items()} for p in params]
            minus = [{kk: vv.copy() for kk, vv in p.items()} for p in params]
            plus[k][key][idx] += h
            minus[k][key][idx] -= h
            fd[idx] = (float(loss(plus)) - float(loss(minus))) / (2 * h)
        assert_close(g, fd, f"layer {k} d{key}: jax.grad vs finite differences", tol=1e-6)
        assert_close(g, ref[k][key], f"layer {k} d{key}: jax.grad vs reference backprop", tol=1e-9)
