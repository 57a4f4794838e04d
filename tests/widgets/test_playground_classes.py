"""The Playground beyond the original: 3-5 classes, and points drawn by hand on the output view."""

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets.data.playground import playground_split
from nnwidgets.widgets.playground.run import THUMBNAIL_RESOLUTION


def click(pg, kind, **content):
    """A message from the front end's output view."""
    pg._on_message(pg, {"type": kind, **content}, [])


def test_three_classes_train_one_softmax_neuron_each():
    pg = nw.Playground(dataset="gauss", classes=3, seed=1, learning_rate=0.1)
    X_train, y_train, _, y_test = playground_split("gauss", 0, 50, seed=1, classes=3)
    np.testing.assert_array_equal(pg.data[0], X_train)
    assert set(np.unique(pg.data[1])) == {0.0, 1.0, 2.0}
    assert [W.shape for W, _ in pg.weights] == [(2, 4), (4, 2), (2, 3)]
    first = pg.train_loss
    assert first == pytest.approx(np.log(3), rel=0.5)  # cross-entropy, near chance at the start
    pg.step(100)
    assert pg.train_loss < first / 2 and pg.test_accuracy > 0.9
    metrics = pg.metrics["test"]
    confusion = np.array(metrics["confusion"])
    assert confusion.shape == (3, 3)
    assert confusion.sum(axis=1).tolist() == np.bincount(y_test.astype(int)).tolist()
    assert metrics["accuracy"] == pytest.approx(np.trace(confusion) / confusion.sum())
    assert metrics["accuracy"] == pytest.approx(pg.test_accuracy)


def test_each_class_has_its_output_map_and_neuron(sent):
    pg = nw.Playground(dataset="spiral", classes=4, seed=2)
    pg._publish(force=True, unviewed=True)
    cells = THUMBNAIL_RESOLUTION**2
    assert len(pg._maps) == (4 + 2 + 4) * cells  # hidden neurons, then one per class
    assert len(pg._output_map) == 4 * pg._output_resolution**2
    probabilities = np.frombuffer(pg._output_map, np.uint8).reshape(4, -1) / 255  # p = (v + 1) / 2
    np.testing.assert_allclose(probabilities.sum(axis=0), 1, atol=4 * 0.5 / 255)
    click(pg, "hover", neuron="output:3")
    assert len(pg._output_map) == pg._output_resolution**2
    click(pg, "hover", neuron="output")
    assert sent[-1]["type"] == "refused" and "output:0 to output:3" in sent[-1]["message"]


def test_classes_follow_the_data_set_both_ways():
    pg = nw.Playground(dataset="circle", seed=3)
    pg.classes = 3  # circle has two: the first data set with more takes over
    assert (pg.dataset, pg.weights[-1][0].shape[1]) == ("gauss", 3)
    pg.dataset = "xor"  # back to two classes with the original's data set
    assert (pg.classes, pg.weights[-1][0].shape[1]) == (2, 1)
    with pytest.raises(ValueError, match="'circle' has two classes; for classes=3 choose"):
        nw.Playground(dataset="circle", classes=3)
    with pytest.raises(traitlets.TraitError, match="classes must be between 2 and 5, got 6"):
        pg.classes = 6


def test_a_regression_playground_keeps_one_linear_output_whatever_the_classes():
    pg = nw.Playground(dataset="spiral", classes=3, seed=1)
    pg.problem = "regression"
    assert pg.dataset == "plane" and pg.weights[-1][0].shape[1] == 1
    assert "train_accuracy" not in pg.history.dtype.names


def test_your_own_points_with_class_indices_set_the_classes():
    rng = np.random.default_rng(0)
    X, y = rng.uniform(-5, 5, (60, 2)), rng.integers(0, 4, 60)
    pg = nw.Playground(seed=1)
    pg.set_data(X, y)
    assert (pg.dataset, pg.classes, pg.weights[-1][0].shape[1]) == ("custom", 4, 4)
    with pytest.raises(traitlets.TraitError, match="classes must be 4 or more for your points"):
        pg.classes = 3
    pg.classes = 5  # room for a class with no points yet
    pg.set_data(X, np.where(y > 1, 1, 0))  # 0/1 labels: two classes again, as ±1
    assert pg.classes == 2 and set(np.unique(pg.data[1])) == {-1.0, 1.0}
    with pytest.raises(ValueError, match="class indices 0 to 4"):
        pg.set_data(X, y + 4)
    with pytest.raises(ValueError, match="y and y_test must hold class labels"):
        pg.set_data(X, y, X[:5], [0.5] * 5)
    saved = nw.Playground.from_dict(pg.to_dict())
    np.testing.assert_array_equal(saved.data[1], pg.data[1])
    assert saved.classes == 2


def test_more_classes_travel_in_saved_files_but_not_in_links(tmp_path):
    pg = nw.Playground(dataset="spiral", classes=3, seed=4, hidden=[6])
    pg.step(20)
    pg.save(tmp_path / "run.json")
    loaded = nw.Playground.load(tmp_path / "run.json")
    assert loaded.classes == 3 and loaded.epoch == 20
    np.testing.assert_array_equal(loaded.weights[-1][0], pg.weights[-1][0])
    with pytest.raises(ValueError, match="playground.tensorflow.org has two classes"):
        pg.to_url()
    code = pg.to_keras_code()
    assert "keras.layers.Dense(3, activation='softmax')" in code


def test_drawn_points_keep_their_classes_through_save_and_load(tmp_path):
    pg = nw.Playground(dataset="gauss", classes=4, seed=3)
    pg.set_data([[1.0, 1.0], [-1.0, -1.0], [2.0, -2.0]], [0, 1, 2])  # class 3 has no points yet
    pg.classes = 4
    pg.add_point(-3.0, 3.0, 2)
    pg.step(5)
    pg.save(tmp_path / "drawn.json")
    loaded = nw.Playground.load(tmp_path / "drawn.json")
    assert loaded.classes == 4 and loaded.dataset == "custom"
    for a, b in zip(loaded.data, pg.data, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(loaded.weights[-1][0], pg.weights[-1][0])


def test_a_click_adds_a_point_and_the_network_trains_on():
    pg = nw.Playground(seed=5)
    pg.step(30)
    weights, n = pg.weights, len(pg.data[0])
    click(pg, "add_point", x1=1.5, x2=-2.0, label=-1)
    X, y, _, _ = pg.data
    assert len(X) == n + 1 and X[-1].tolist() == [1.5, -2.0] and y[-1] == -1
    assert pg.dataset == "custom" and pg.epoch == 30  # the same network, on the new points
    np.testing.assert_array_equal(pg.weights[0][0], weights[0][0])
    pg.step(5)
    assert pg.epoch == 35
    assert pg._train_count == n + 1
    click(pg, "remove_point", x1=1.6, x2=-2.1)  # the nearest within 0.5 goes
    assert len(pg.data[0]) == n


def test_drawn_points_of_any_count_reuse_one_compiled_kernel():
    from nnwidgets.engine.playground import _train_chunk

    pg = nw.Playground(dataset="spiral", classes=3, seed=6)
    pg.add_point(0.0, 0.0, 2)
    pg.step(1)
    compiled = _train_chunk._cache_size()
    for k in range(5):
        pg.add_point(0.5 * k, -1.0, k % 3)
        pg.step(1)
    pg.remove_point(0.0, 0.0)
    pg.step(1)
    assert _train_chunk._cache_size() == compiled


def test_bad_clicks_are_refused_and_change_nothing(sent):
    pg = nw.Playground(dataset="gauss", classes=3, seed=7)
    before = pg.data
    for content, message in [
        (dict(x1=7.0, x2=0.0, label=0), "points must lie within [-6, 6]²"),
        (dict(x1=0.0, x2=0.0, label=3), "label must be a class, 0 to 2, got 3"),
        (dict(x1=None, x2=0.0, label=1), "x1, x2 must be finite"),
        (dict(x1=0.0, x2=0.0, label=float("nan")), "label must be a finite number"),
    ]:
        click(pg, "add_point", **content)
        assert sent[-1] == {
            "type": "refused",
            "control": "draw",
            "message": sent[-1]["message"],
        }
        assert message in sent[-1]["message"]
    click(pg, "remove_point", x1=-5.9, x2=5.9)
    assert "no point within 0.5 of (-5.90, 5.90)" in sent[-1]["message"]
    pg.lock("draw")
    click(pg, "add_point", x1=0.0, x2=0.0, label=0)
    assert "drawing points is locked on this sheet" in sent[-1]["message"]
    for a, b in zip(pg.data, before, strict=True):
        np.testing.assert_array_equal(a, b)
    assert pg.dataset == "gauss"


def test_test_points_are_removed_only_while_shown():
    pg = nw.Playground(seed=8)
    X_test = pg.data[2]
    target = X_test[0]
    train_near = np.min(np.hypot(*(pg.data[0] - target).T))
    if train_near > 0.5:  # nothing of the training set near: the test point is hidden, refused
        with pytest.raises(ValueError, match="no point within 0.5"):
            pg.remove_point(*target)
    pg.show_test_data = True
    pg.remove_point(*target)
    assert len(pg.data[2]) == len(X_test) - 1 or len(pg.data[0]) < 250


def test_the_last_training_point_stays():
    pg = nw.Playground(seed=9)
    pg.set_data([[1.0, 1.0], [2.0, 2.0]], [1, -1], [[0.0, 0.0]], [1])
    pg.remove_point(2.0, 2.0)
    with pytest.raises(ValueError, match="the last training point stays"):
        pg.remove_point(1.0, 1.0)
    assert len(pg.data[0]) == 1


def test_regression_targets_are_drawn_within_the_colour_scale():
    pg = nw.Playground(dataset="plane", seed=1)
    pg.add_point(1.0, 1.0, 0.25)
    assert pg.data[1][-1] == 0.25
    with pytest.raises(ValueError, match="label must be a target between -1 and 1"):
        pg.add_point(1.0, 1.0, 3)
