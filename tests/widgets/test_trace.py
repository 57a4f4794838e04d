"""pg.trace(i): one example's forward pass, gradients and update, against finite differences and
against the engine's own step on a batch of that one example."""

import time

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets import engine, spec
from nnwidgets.widgets.playground.trace import trace_example

# Central differences of E in float64 with step H are exact to ~H² + rounding/H: 1e-8 here.
H = 1e-5
FD_TOL = 1e-7
# The public trace runs in the engine's float32 (and its tanh, 2.6e-7 from the true one).
F32_RTOL, F32_ATOL = 1e-3, 2e-5


def _big_spiral(**kwargs):
    return nw.Playground(
        dataset="spiral", features=list(spec.FEATURES), hidden=[8] * 6, seed=3, **kwargs
    )


def _loss64(pg, weights, i):
    net = pg.network
    X, y = pg._run.inputs[:2]
    fields = trace_example(
        weights,
        X[i],
        y[i],
        activation=net.activation,
        output_activation=net.output_activation,
        dtype=np.float64,
    )
    return fields["loss"], fields


def _finite_differences(pg, i):
    """∂E/∂W and ∂E/∂b per layer by central differences of E in float64."""
    weights = [(W.astype(np.float64), b.astype(np.float64)) for W, b in pg.weights]
    grads = []
    for W, b in weights:
        pair = []
        for array in (W, b):
            g = np.zeros_like(array)
            for k in np.ndindex(array.shape):
                saved = array[k]
                array[k] = saved + H
                up = _loss64(pg, weights, i)[0]
                array[k] = saved - H
                down = _loss64(pg, weights, i)[0]
                array[k] = saved
                g[k] = (up - down) / (2 * H)
            pair.append(g)
        grads.append(pair)
    return weights, grads


@pytest.mark.parametrize(
    "options",
    [
        dict(dataset="xor", hidden=[4, 2]),
        dict(dataset="circle", hidden=[3], activation="sigmoid"),
        dict(dataset="plane", hidden=[5, 3], activation="relu"),
        dict(dataset="gauss", classes=3, hidden=[4]),
        dict(dataset="spiral", classes=4, hidden=[3, 3], activation="linear"),
    ],
    ids=["xor-tanh", "sigmoid", "regression-relu", "3-classes", "4-classes-linear"],
)
def test_gradients_equal_finite_differences(options):
    pg = nw.Playground(seed=5, **options)
    for i in (0, 7):
        weights, fd = _finite_differences(pg, i)
        _, exact = _loss64(pg, weights, i)
        traced = pg.trace(i)
        for layer, (gW, gb) in enumerate(fd):
            # float64 backprop: to the differences' own accuracy
            np.testing.assert_allclose(exact["dE_dW"][layer], gW, atol=FD_TOL, rtol=1e-6)
            np.testing.assert_allclose(exact["dE_db"][layer], gb, atol=FD_TOL, rtol=1e-6)
            # the public float32 trace: to float32's
            np.testing.assert_allclose(traced.dE_dW[layer], gW, atol=F32_ATOL, rtol=F32_RTOL)
            np.testing.assert_allclose(traced.dE_db[layer], gb, atol=F32_ATOL, rtol=F32_RTOL)


def test_forward_pass_is_the_networks_output():
    pg = nw.Playground(dataset="xor", hidden=[4, 2], seed=1)
    trace = pg.trace(3)
    X = pg._run.inputs[0]
    assert trace.output[0] == pytest.approx(float(pg._run.outputs(X[3:4])[0]), abs=1e-6)
    np.testing.assert_array_equal(trace.a[0], X[3])
    assert trace.point == tuple(float(v) for v in pg.data[0][3])
    assert trace.target == float(pg.data[1][3])
    # z and a per node layer; tanh of each z, dE/dz = dE/da · (1 − a²)
    assert [len(a) for a in trace.a] == [2, 4, 2, 1]
    np.testing.assert_allclose(trace.a[1], np.tanh(trace.z[1]), atol=1e-6)
    np.testing.assert_allclose(trace.dE_dz[2], trace.dE_da[2] * (1 - trace.a[2] ** 2), rtol=1e-6)
    assert trace.loss == pytest.approx(0.5 * (trace.output[0] - trace.target) ** 2, rel=1e-6)


def _engine_step(pg, i):
    """What the engine does for one epoch of batch size 1 on training example i alone."""
    X, y = pg._run.inputs[:2]
    net = pg.network
    params = [{"W": W, "b": b} for W, b in pg.weights]
    state = engine.init_state(params)._replace(dead=pg._run.state.dead)
    state, _ = engine.train(
        state,
        X[i : i + 1],
        y[i : i + 1],
        np.zeros((0, X.shape[1]), np.float32),
        np.zeros(0, np.float32),
        epochs=1,
        batch_size=1,
        learning_rate=pg.learning_rate,
        regularization=net.regularization,
        regularization_rate=pg.regularization_rate,
        activation=net.activation,
        problem=net.problem,
    )
    return state


@pytest.mark.parametrize(
    "options",
    [
        dict(dataset="xor", hidden=[4, 2], learning_rate=0.3),
        dict(
            dataset="circle",
            hidden=[6],
            regularization="l2",
            regularization_rate=0.3,
            learning_rate=1.0,
        ),
        dict(
            dataset="circle",
            hidden=[6, 4],
            regularization="l1",
            regularization_rate=1.0,
            learning_rate=1.0,
        ),
        dict(
            dataset="gauss",
            classes=3,
            hidden=[4],
            learning_rate=0.3,
            regularization="l2",
            regularization_rate=0.1,
        ),
        dict(dataset="plane", hidden=[3], activation="relu", learning_rate=0.1),
    ],
    ids=["tanh", "l2", "l1", "3-classes", "regression-relu"],
)
def test_update_equals_the_engines_step_on_that_example(options):
    pg = nw.Playground(seed=4, **options)
    for i in (0, 11):
        trace = pg.trace(i)
        state = _engine_step(pg, i)
        for layer, (W, b) in enumerate(trace.weights_after):
            np.testing.assert_allclose(W, state.params[layer]["W"], atol=2e-7, rtol=1e-6)
            np.testing.assert_allclose(b, state.params[layer]["b"], atol=2e-7, rtol=1e-6)
            np.testing.assert_array_equal(trace.dead_after[layer], state.dead[layer])
            before_W, before_b = trace.weights[layer]
            np.testing.assert_allclose(before_W + trace.delta_W[layer], W, atol=1e-7)
            np.testing.assert_allclose(before_b + trace.delta_b[layer], b, atol=1e-7)


def test_l1_kills_links_that_cross_zero_and_the_dead_stay_put():
    pg = nw.Playground(
        dataset="circle",
        hidden=[6],
        regularization="l1",
        regularization_rate=1.0,
        learning_rate=1.0,
        seed=4,
    )
    trace = pg.trace(0)
    killed = [d.sum() for d in trace.dead_after]
    assert sum(killed) > 0  # the update crosses zero somewhere at lr·λ = 1
    for (W, _), dead in zip(trace.weights_after, trace.dead_after, strict=True):
        assert np.all(W[dead] == 0)
    pg._apply_trace(trace)
    again = pg.trace(0)
    for layer, dead in enumerate(trace.dead_after):
        assert np.all(again.dE_dW[layer][dead] == 0)
        assert np.all(again.delta_W[layer][dead] == 0)


def test_l1_and_l2_terms_are_lr_lambda_times_their_derivative():
    for regularization, derivative in (("l1", np.sign), ("l2", lambda w: w)):
        pg = nw.Playground(
            dataset="xor",
            hidden=[3],
            regularization=regularization,
            regularization_rate=0.01,
            learning_rate=0.1,
            seed=2,
        )
        trace = pg.trace(1)
        W = trace.weights[0][0]
        expected = -0.1 * trace.dE_dW[0] - 0.1 * 0.01 * derivative(W)
        alive = ~trace.dead_after[0]
        np.testing.assert_allclose(trace.delta_W[0][alive], expected[alive], atol=1e-7)


def test_index_out_of_range_or_not_an_int_is_refused_clearly():
    pg = nw.Playground(dataset="xor", seed=1)
    n = len(pg.data[0])
    with pytest.raises(IndexError, match=rf"i={n} is no training point: .* {n} \(indices 0 to "):
        pg.trace(n)
    with pytest.raises(IndexError, match="i=-1 is no training point"):
        pg.trace(-1)
    with pytest.raises(TypeError, match="an int"):
        pg.trace(1.0)
    with pytest.raises(TypeError, match="an int"):
        pg.trace(True)


def test_trace_of_the_largest_network_takes_under_50_ms():
    pg = _big_spiral()
    pg.trace(0)
    times = []
    for i in range(20):
        start = time.perf_counter()
        pg.trace(i)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.050


def test_browser_asks_for_a_trace_and_applies_its_update(sent):
    pg = nw.Playground(dataset="xor", hidden=[4, 2], learning_rate=0.3, seed=1)
    before = pg.weights
    pg._handle_message({"type": "trace", "index": 2})
    message = sent[-1]
    assert message["type"] == "trace" and not message["applied"]
    traced = message["trace"]
    assert traced["index"] == 2 and len(traced["dE_dW"]) == 3
    pg._handle_message({"type": "apply_trace", "index": 2})
    assert sent[-1]["type"] == "trace" and sent[-1]["applied"]
    for (W0, b0), (W1, b1), dW, db in zip(
        before, pg.weights, traced["delta_W"], traced["delta_b"], strict=True
    ):
        np.testing.assert_allclose(W1 - W0, dW, atol=1e-7)
        np.testing.assert_allclose(b1 - b0, db, atol=1e-7)
    assert sent[-1]["trace"]["loss"] < traced["loss"]  # a step down the gradient


def test_locked_weights_refuse_the_update(sent):
    pg = nw.Playground(dataset="xor", seed=1, locked_controls=["weights"])
    before = pg.weights
    pg._handle_message({"type": "apply_trace", "index": 0})
    assert sent[-1] == {
        "type": "refused",
        "control": "apply_trace",
        "message": "weights are locked on this sheet",
    }
    for (W0, b0), (W1, b1) in zip(before, pg.weights, strict=True):
        np.testing.assert_array_equal(W0, W1)
        np.testing.assert_array_equal(b0, b1)
    pg._handle_message({"type": "trace", "index": 0})  # looking is allowed
    assert sent[-1]["type"] == "trace"


def test_out_of_range_from_the_browser_is_refused(sent):
    pg = nw.Playground(dataset="xor", seed=1)
    pg._handle_message({"type": "trace", "index": 10_000})
    assert sent[-1]["type"] == "refused" and "no training point" in sent[-1]["message"]
