"""TransformView's kernel side: every stage against numpy, layer and unit choices, the decision
line, following a Playground, and clear errors."""

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets import Sequential, layers


def network(*hidden, inputs=2, outputs=1, activation="relu", out="sigmoid", seed=0):
    nw.set_random_seed(seed)
    model = Sequential(
        [
            layers.Input((inputs,)),
            *[layers.Dense(h, activation=activation) for h in hidden],
            layers.Dense(outputs, activation=out),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def data(n=200, seed=0):
    X = np.random.default_rng(seed).uniform(-1, 1, (n, 2))
    return X, (np.hypot(X[:, 0], X[:, 1]) < 0.6).astype(int)


def test_every_stage_of_a_2_3_2_network_matches_numpy():
    model = network(3, outputs=2)
    X, y = data()
    view = nw.TransformView(model, X, y, grid=5)
    stages = view.stages
    names = [s["name"] for s in stages]
    assert names == [
        "input",
        "layer 1: W·x",
        "layer 1: +b",
        "layer 1: relu",
        "output: W·x",
        "output: +b",
        "output: sigmoid",
    ]
    assert [s["dims"] for s in stages] == [2, 3, 3, 3, 2, 2, 2]
    index = view._index
    assert (index["grid"], index["basis"], index["points"]) == (5, 3, 200)
    lo_x, hi_x, lo_y, hi_y = index["square"]
    gx, gy = np.meshgrid(np.linspace(lo_x, hi_x, 5), np.linspace(lo_y, hi_y, 5))
    points = np.concatenate([np.column_stack([gx.ravel(), gy.ravel()]), np.eye(3)[:, :2] * 0, X])
    points[25:28] = [[0, 0], [1, 0], [0, 1]]
    (W0, b0, W1, b1) = [np.asarray(w, np.float64) for w in model.get_weights()]
    h_lin = points @ W0
    h = np.maximum(h_lin + b0, 0)
    o = h @ W1 + b1
    expected = [points, h_lin, h_lin + b0, h, h @ W1, o, 1 / (1 + np.exp(-o))]
    for stage, want in zip(stages, expected, strict=True):
        assert stage["points"].dtype == np.float32
        np.testing.assert_allclose(stage["points"], want, rtol=1e-5, atol=1e-6)
    # The input square covers the data; î and ĵ are the matrix's columns after W·x.
    assert lo_x < X[:, 0].min() and hi_x > X[:, 0].max()
    np.testing.assert_allclose(stages[1]["points"][26], W0[0], rtol=1e-6)
    np.testing.assert_allclose(stages[1]["points"][27], W0[1], rtol=1e-6)
    assert np.frombuffer(view._labels, np.uint8).tolist() == y.tolist()
    assert len(view._stages) == 4 * sum(s["points"].size for s in stages)


def test_the_last_hidden_stage_carries_the_output_decision_line():
    model = network(2, out="sigmoid")
    view = nw.TransformView(model)
    stages = view._index["stages"]
    carrying = [s for s in stages if s["decision"]]
    assert [s["name"] for s in carrying] == ["layer 1: relu"]
    W1, b1 = model.get_weights()[2:]
    assert carrying[0]["decision"]["w"] == pytest.approx(W1[:, 0].tolist())
    assert carrying[0]["decision"]["b"] == pytest.approx(float(b1[0]))
    # Without data: a [-1, 1] square and no points.
    assert view._index["square"] == [-1.0, 1.0, -1.0, 1.0] and view._index["points"] == 0


def test_layer_and_units_choose_what_is_shown():
    model = network(5, 2, out="sigmoid")
    view = nw.TransformView(model, layer=1, units=(4, 0, 2))
    names = [s["name"] for s in view._index["stages"]]
    assert names == ["layer 1 (input)", "layer 2: W·x", "layer 2: +b", "layer 2: relu"]
    assert view._index["stages"][0]["units"] == [4, 0, 2]
    whole = nw.TransformView(model)
    assert whole._index["stages"][1]["units"] == [0, 1, 2]  # first three by default
    per_layer = nw.TransformView(model, units={0: (1, 3)})
    assert per_layer._index["stages"][1]["dims"] == 2
    assert per_layer._index["stages"][1]["units"] == [1, 3]
    # The shown units are exactly those columns of the full computation.
    W0, b0 = (np.asarray(w, np.float64) for w in model.get_weights()[:2])
    grid = per_layer.stages[1]["points"][: 41 * 41]
    xs = np.linspace(-1, 1, 41)
    gx, gy = np.meshgrid(xs, xs)
    full = np.column_stack([gx.ravel(), gy.ravel()]) @ W0
    np.testing.assert_allclose(grid, full[:, [1, 3]], rtol=1e-5, atol=1e-6)


def test_a_playground_is_shown_and_followed():
    pg = nw.Playground(seed=1, hidden=[3, 2])
    view = nw.TransformView(pg)
    stages = view._index["stages"]
    assert [s["name"] for s in stages][:4] == [
        "input",
        "layer 1: W·x",
        "layer 1: +b",
        "layer 1: tanh",
    ]
    assert stages[-1]["name"] == "output: tanh"
    assert view._index["square"] == [-6.0, 6.0, -6.0, 6.0]
    X_train, y_train, X_test, y_test = pg.data
    assert view._index["points"] == len(X_train) + len(X_test)
    assert view.classes == ["negative", "positive"]
    assert [s["name"] for s in stages if s["decision"]] == ["layer 2: tanh"]
    before, frame = view._stages, view._frame
    pg.step(20)
    # A displayed Playground's frame (simulated: pg publishes only when a view acknowledges).
    view._throttle._last = -float("inf")
    pg._frame += 1
    assert view._frame > frame and view._stages != before
    W, b = pg.weights[0]
    o = 41 * 41  # î and ĵ follow the grid; after W·x they are W's rows
    np.testing.assert_allclose(view.stages[1]["points"][o + 1 : o + 3], W, rtol=1e-5)
    view.close()
    frame = view._frame
    pg._frame += 1
    assert view._frame == frame  # closed: no longer follows


def test_a_playground_with_other_features_is_refused():
    pg = nw.Playground(seed=1, features=["x1", "x2", "x1^2"])
    with pytest.raises(ValueError, match="exactly x1, x2"):
        nw.TransformView(pg)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"grid": 1}, ValueError, "grid must be"),
        ({"grid": 2.5}, TypeError, "grid must be an int"),
        ({"layer": 7}, ValueError, "out of range"),
        ({"units": (0,)}, ValueError, "2 or 3 units"),
        ({"units": (0, 9)}, ValueError, "has 5 units"),
        ({"units": (1, 1)}, ValueError, "different units"),
        ({"units": "ab"}, TypeError, "unit indices"),
        ({"X": np.zeros((3, 2))}, ValueError, "give both or neither"),
        ({"X": np.zeros((3, 3)), "y": [0, 1, 0]}, ValueError, r"shape \(n, 2\)"),
        ({"X": np.zeros((3, 2)), "y": [0, np.nan, 1]}, ValueError, "y must hold class labels"),
    ],
)
def test_bad_arguments_say_what_is_wrong(kwargs, error, match):
    with pytest.raises(error, match=match):
        nw.TransformView(network(5, 2), **kwargs)


def test_models_it_cannot_draw():
    with pytest.raises(ValueError, match="must take 2 inputs"):
        nw.TransformView(network(2, inputs=4))
    with pytest.raises(TypeError, match="needs a model"):
        nw.TransformView("a model")


def test_units_for_a_network_without_wide_layers_is_refused_not_ignored():
    with pytest.raises(ValueError, match=r"units=\(0, 1\) picks units of layers wider than 3"):
        nw.TransformView(network(3), units=(0, 1))
    shown = nw.TransformView(network(3), units={0: (0, 2)}).stages[1]["units"]
    assert shown == [0, 2]


def test_an_activation_layer_is_the_activation_of_the_linear_dense_layer_before_it():
    nw.set_random_seed(0)
    model = Sequential([layers.Input((2,)), layers.Dense(2), layers.Activation("tanh"),
                        layers.Dense(1, activation="sigmoid")])  # fmt: skip
    names = [stage["name"] for stage in nw.TransformView(model).stages]
    assert names[:4] == ["input", "layer 1: W·x", "layer 1: +b", "layer 1: tanh"]
    twice = Sequential([layers.Input((2,)), layers.Dense(2, activation="relu"),
                        layers.Activation("tanh"), layers.Dense(1)])  # fmt: skip
    with pytest.raises(ValueError, match="one activation per Dense layer"):
        nw.TransformView(twice)
