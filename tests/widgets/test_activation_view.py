"""ActivationView's kernel side: snapshots per epoch, replay, throttling, and bad input."""

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import Sequential, layers
from nnwidgets.widgets._throttle import Throttle


def model_of(*hidden, inputs=4, seed=0):
    nw.set_random_seed(seed)
    model = Sequential(
        [
            layers.Input((inputs,)),
            *[layers.Dense(h, activation="relu") for h in hidden],
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


@pytest.fixture(scope="module")
def banknotes():
    X, y = nw.datasets.banknotes()
    X = (X - X.mean(0)) / X.std(0)
    return X.astype(np.float32), y


def points(view) -> np.ndarray:
    return np.frombuffer(view._points, dtype=np.float32).reshape(-1, len(view.units))


def test_the_lesson_two_units_recorded_each_epoch_with_test_accuracy(banknotes):
    X, y = banknotes
    model = model_of(2)
    view = nw.ActivationView(model, X[:300], y[:300], layer=0, X_test=X[300:], y_test=y[300:])
    assert view.layer_name == model.layers[0].name
    assert (view.units, view.classes) == ([0, 1], ["0", "1"])
    assert view.epochs == 0 and len(view.snapshots) == 1
    np.testing.assert_allclose(points(view), model.layer_output(X[:300], 0), rtol=1e-6)
    model.fit(X[:1000], y[:1000], epochs=5, verbose=0, callbacks=[view])
    assert view.epochs == 5 and view.epoch == 5
    assert len(view.snapshots) == 6 and all(s.dtype == np.float32 for s in view.snapshots)
    np.testing.assert_allclose(points(view), model.layer_output(X[:300], 0), rtol=1e-5)
    accuracies = view.accuracies
    assert view.accuracy_label == "test accuracy"
    assert accuracies[-1] == pytest.approx(model.evaluate(X[300:], y[300:])[1])
    assert view.accuracy == accuracies[-1]
    assert np.frombuffer(view._labels, np.uint8).tolist() == y[:300].tolist()


def test_without_a_test_set_the_title_scores_the_points_shown(banknotes):
    X, y = banknotes
    model = model_of(2)
    view = nw.ActivationView(model, X[:400], y[:400], layer=0)
    model.fit(X[400:], y[400:], epochs=3, verbose=0, callbacks=[view])
    assert view.accuracy_label == "accuracy"
    assert view.accuracies[-1] == pytest.approx(model.evaluate(X[:400], y[:400])[1])
    view.set_state({"epoch": 0})
    assert view.accuracy == view.accuracies[0]


def test_points_of_one_class_are_scored_against_that_class(banknotes):
    X, y = banknotes
    model = model_of(2)
    ones = y == 1
    view = nw.ActivationView(model, X[ones], y[ones])
    predicted = model.predict(X[ones]).reshape(-1) > 0.5
    assert view.accuracy == pytest.approx(np.mean(predicted))


def test_no_accuracy_where_none_can_be_taken(banknotes):
    X, y = banknotes
    names = np.where(y == 1, "forged", "genuine")
    assert nw.ActivationView(model_of(2), X, names).accuracies == [None]
    regression = Sequential([layers.Input((4,)), layers.Dense(2), layers.Dense(1)])
    regression.compile(optimizer="sgd", loss="mse")
    assert nw.ActivationView(regression, X, y).accuracy is None


def test_the_slider_replays_an_epoch_and_the_view_stays_there_during_more_training(banknotes):
    X, y = banknotes
    model = model_of(2)
    view = nw.ActivationView(model, X[:200], y[:200])
    model.fit(X, y, epochs=3, verbose=0, callbacks=[view])
    view.set_state({"epoch": 1})  # what the browser's slider does
    np.testing.assert_array_equal(points(view), view.snapshots[1])
    model.fit(X, y, epochs=2, verbose=0, callbacks=[view])
    assert view.epochs == 5 and view.epoch == 1  # not dragged away from what the user looks at
    view.epoch = 5
    np.testing.assert_array_equal(points(view), view.snapshots[5])


def test_an_epoch_that_was_not_recorded_is_refused(banknotes):
    X, y = banknotes
    view = nw.ActivationView(model_of(2), X[:50], y[:50])
    with pytest.raises(traitlets.TraitError, match="between 0 and 0"):
        view.epoch = 3
    assert view.epoch == 0


def test_three_units_and_the_default_layer_is_the_last_with_two_or_three(banknotes):
    X, y = banknotes
    model = model_of(3, 2)
    assert nw.ActivationView(model, X[:20], y[:20]).layer_name == model.layers[1].name
    cube = nw.ActivationView(model, X[:20], y[:20], layer=0)
    assert cube.units == [0, 1, 2] and points(cube).shape == (20, 3)


def test_wider_layers_pick_units(banknotes):
    X, y = banknotes
    model = model_of(5)
    name = model.layers[0].name
    view = nw.ActivationView(model, X[:20], y[:20], layer=name, units=(4, 1))
    np.testing.assert_allclose(points(view), model.layer_output(X[:20], 0)[:, [4, 1]], rtol=1e-6)
    with pytest.raises(ValueError, match="has 5 units: pick 2 or 3"):
        nw.ActivationView(model, X[:20], y[:20], layer=0)


def test_updates_during_fit_are_throttled_but_every_epoch_is_kept(banknotes, monkeypatch):
    X, y = banknotes
    model = model_of(2)
    view = nw.ActivationView(model, X[:50], y[:50])
    now = [0.0]
    view._throttle = Throttle(clock=lambda: now[0])
    view._throttle.mark()
    shown = []
    original = view._show
    monkeypatch.setattr(view, "_show", lambda epoch: (shown.append(epoch), original(epoch)))
    for epoch in range(30):
        now[0] += 0.01  # 100 epochs a second
        view.on_epoch_end(epoch)
    assert len(view.snapshots) == 31
    assert len(shown) in (2, 3)  # 0.3 s of epochs: an update every 0.1 s, not 30
    assert view.epochs < 30
    view.on_train_end()
    assert view.epochs == 30 and view.epoch == 30


def test_many_rows_are_sampled(banknotes):
    X, y = banknotes
    view = nw.ActivationView(model_of(2), X, y, max_points=100)
    assert view.total_points == len(X) and points(view).shape == (100, 2)


def test_one_hot_and_many_classes_get_their_own_colours():
    X = np.random.default_rng(0).normal(size=(30, 4)).astype(np.float32)
    labels = np.arange(30) % 3
    view = nw.ActivationView(model_of(2), X, np.eye(3)[labels])
    assert view.classes == ["0", "1", "2"]
    assert np.frombuffer(view._labels, np.uint8).tolist() == labels.tolist()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"X": np.zeros((10, 3))}, ValueError, r"X must have shape \(n, 4\).*got \(10, 3\)"),
        ({"y": np.zeros(7)}, ValueError, r"one label per row of X \(10\), got 7"),
        ({"layer": 7}, ValueError, "layer=7 is out of range"),
        ({"layer": "nope"}, ValueError, "'nope' is not a layer"),
        ({"layer": 1.5}, TypeError, "index or name"),
        ({"layer": 1}, ValueError, "has 1 units"),
        ({"units": (0, 9)}, ValueError, "each must be 0 to 1"),
        ({"units": (0,)}, ValueError, "2 or 3 units"),
        ({"units": (1, 1)}, ValueError, "different units"),
        ({"X_test": np.zeros((5, 4))}, ValueError, "X_test and y_test go together"),
        (
            {"X_test": np.zeros((5, 2)), "y_test": np.zeros(5)},
            ValueError,
            r"X_test must have shape \(n, 4\)",
        ),
        ({"y": np.arange(10) * 0.5 + np.arange(10) ** 2 * 0.1}, None, None),
        ({"max_points": 0}, ValueError, "max_points must be an int >= 1, got 0"),
        ({"X": np.full((10, 4), np.nan)}, ValueError, "X must be finite"),
        (
            {"X": np.zeros((10, 4)), "X_test": np.full((5, 4), np.inf), "y_test": np.zeros(5)},
            ValueError,
            "X_test must be finite",
        ),  # fmt: skip
    ],
)
def test_bad_input_is_refused_before_anything_is_made(kwargs, error, match):
    model = model_of(2)
    arguments = {"X": np.zeros((10, 4)), "y": np.arange(10) % 2, "layer": 0, **kwargs}
    X, y = arguments.pop("X"), arguments.pop("y")
    if error is None:  # 10 distinct values are still classes
        nw.ActivationView(model, X, y, **arguments)
        return
    with pytest.raises(error, match=match):
        nw.ActivationView(model, X, y, **arguments)


def test_continuous_targets_are_not_classes():
    with pytest.raises(ValueError, match="at most 20 distinct"):
        nw.ActivationView(model_of(2), np.zeros((30, 4)), np.linspace(0, 1, 30))
