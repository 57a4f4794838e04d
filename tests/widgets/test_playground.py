"""The Playground's kernel side: configuration, training, edits, data, sharing and the browser's
messages, without a browser (the front end has its own tests, and tests/e2e puts both together)."""

import asyncio
import json
import sys
from pathlib import Path

import jax
import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import engine
from nnwidgets.data.playground import generate, split_train_test
from nnwidgets.data.random import SeededRandom
from nnwidgets.widgets.frame_pacer import MAX_IN_FLIGHT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from playground_reference import train_reference  # noqa: E402  (the original, transcribed)


def browser(pg, **state):
    """What the front end's model.save_changes() does."""
    pg.set_state(state)


def test_defaults_are_the_originals():
    pg = nw.Playground(seed=3)
    assert (pg.dataset, pg.problem, pg.noise, pg.train_ratio, pg.batch_size) == (
        "circle",
        "classification",
        0,
        50,
        10,
    )
    assert (pg.features, pg.hidden, pg.activation, pg.learning_rate) == (
        ["x1", "x2"],
        [4, 2],
        "tanh",
        0.03,
    )
    assert pg.regularization is None and pg.regularization_rate == 0
    assert [W.shape for W, _ in pg.weights] == [(2, 4), (4, 2), (2, 1)]
    assert all(np.all(b == np.float32(0.1)) for _, b in pg.weights)
    assert pg.epoch == 0 and pg.train_loss > 0 and pg.train_accuracy is not None


def test_a_seed_gives_the_originals_points_and_then_its_weights():
    pg = nw.Playground(dataset="spiral", noise=10, train_ratio=60, seed="0.12345")
    rng = SeededRandom("0.12345")
    X, y = generate("spiral", 10, rng)
    X_train, y_train, X_test, y_test = split_train_test(X, y, 60)
    np.testing.assert_array_equal(pg.data[0], X_train)
    np.testing.assert_array_equal(pg.data[3], y_test)
    # The original builds the network right after the data, from the same seeded stream.
    expected = engine.init_playground_params([2, 4, 2, 1], random=rng.random)
    for (W, _), layer in zip(pg.weights, expected, strict=True):
        np.testing.assert_array_equal(W, layer["W"])
    assert pg.to_url().count("seed=0.12345") == 1


def test_a_link_with_a_hidden_feature_starts_and_trains_as_the_original():
    # The original drops a hidden feature from its inputs: a 2x4 first matrix, drawn from the
    # seeded stream right after the points, then its training (tests/engine's reference).
    pg = nw.Playground.from_url("#xTimesY=true&xTimesY_hide=true&seed=42")
    assert pg.features == ["x1", "x2"] and pg.hidden_controls == ["x1*x2"]
    rng = SeededRandom("42")
    X, y = generate("circle", 0, rng)
    X_train, y_train, X_test, y_test = split_train_test(X, y, 50)
    expected = engine.init_playground_params([2, 4, 2, 1], random=rng.random)
    for (W, b), layer in zip(pg.weights, expected, strict=True):
        np.testing.assert_array_equal(W, layer["W"])
        np.testing.assert_array_equal(b, layer["b"])
    _, train_losses, _ = train_reference(
        expected, X_train, y_train, X_test, y_test, epochs=3, batch_size=10, learning_rate=0.03
    )
    pg.step(3)
    np.testing.assert_allclose(pg.history.train_loss, train_losses, rtol=1e-4)


def test_without_a_seed_one_is_drawn_and_kept():
    pg = nw.Playground()
    assert isinstance(pg.seed, str) and len(pg.seed) == 7
    again = nw.Playground(seed=pg.seed)
    np.testing.assert_array_equal(again.weights[0][0], pg.weights[0][0])


def test_problem_follows_the_dataset_and_switching_problem_picks_its_first_dataset():
    assert nw.Playground(dataset="plane").problem == "regression"
    pg = nw.Playground(seed=1)
    pg.problem = "regression"
    assert pg.dataset == "plane" and pg.train_accuracy is None
    pg.dataset = "xor"
    assert pg.problem == "classification"
    assert len(pg._points) == 500 * 3 * 4


def test_step_trains_and_keeps_history():
    pg = nw.Playground(seed=1)
    first = pg.train_loss
    pg.step(30)
    assert pg.epoch == 30 and pg.train_loss < first
    history = pg.history
    assert len(history) == 30 and history.epoch.tolist() == list(range(1, 31))
    assert history[-1].train_loss == pytest.approx(pg.train_loss)
    assert 0 <= history.test_accuracy[-1] <= 1
    pg.step(5)
    assert pg.history.epoch[-1] == 35
    regression = nw.Playground(dataset="plane", seed=1)
    regression.step(2)
    assert regression.history.dtype.names == ("epoch", "train_loss", "test_loss")


def test_the_learning_rate_applies_live_and_the_rest_resets_the_network():
    pg = nw.Playground(seed=1)
    pg.step(10)
    pg.learning_rate = 0.3
    assert pg.epoch == 10
    pg.step(1)
    assert pg.epoch == 11
    for name, value in [
        ("activation", "relu"),
        ("hidden", [3]),
        ("features", ["x1", "x2", "x1^2"]),
        ("batch_size", 5),
        ("regularization", "l2"),
        ("regularization_rate", 0.01),
        ("noise", 20),
        ("train_ratio", 70),
    ]:
        pg.step(2)
        setattr(pg, name, value)
        assert pg.epoch == 0, name
        assert len(pg.history) == 0, name
    assert [W.shape for W, _ in pg.weights] == [(3, 3), (3, 1)]
    assert pg._train_count == 350


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("learning_rate", -1.0, "learning_rate must be a finite number >= 0"),
        ("learning_rate", float("nan"), "learning_rate"),
        ("noise", 101, "noise must be between 0 and 100"),
        ("train_ratio", 100, "train_ratio must be between 1 and 99"),
        ("batch_size", 0, "batch_size must be between 1 and 10000"),
        ("hidden", [4] * 11, "at most 10 layers"),
        ("hidden", [65], "1 to 64 neurons"),
        ("features", [], "at least one feature"),
        ("features", ["x3"], "features must be among"),
        ("activation", "softmax", "activation must be one of"),
        ("dataset", "moons", "dataset must be one of"),
        ("dataset", "custom", "dataset must be one of"),
        ("regularization", "l3", "regularization must be one of"),
        ("epochs_per_frame", -1, "epochs_per_frame"),
        ("locked_controls", ["turbo"], "unknown controls"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(name, value, message):
    pg = nw.Playground(seed=1)
    pg.step(3)
    before = (getattr(pg, name), pg.epoch, pg.weights[0][0].copy())
    with pytest.raises(traitlets.TraitError, match=message):
        setattr(pg, name, value)
    assert getattr(pg, name) == before[0] and pg.epoch == 3
    np.testing.assert_array_equal(pg.weights[0][0], before[2])


def test_the_browser_is_refused_the_same_way_and_its_control_snaps_back(sent, monkeypatch):
    pg = nw.Playground(seed=1)
    pg.step(3)
    states = []
    monkeypatch.setattr(pg, "send_state", lambda key=None: states.append(key))
    browser(pg, learning_rate=-5)
    assert pg.learning_rate == 0.03 and pg.epoch == 3
    assert states == [["learning_rate"]]
    assert sent[-1]["type"] == "refused" and "learning_rate" in sent[-1]["message"]
    browser(pg, epoch=99)  # live state is the kernel's
    assert pg.epoch == 3 and "kernel only" in sent[-1]["message"]
    browser(pg, learning_rate=0.1)
    assert pg.learning_rate == 0.1 and pg.epoch == 3


def test_locked_and_hidden_controls_refuse_the_browser_but_not_python(sent, monkeypatch):
    pg = nw.Playground(seed=1)
    monkeypatch.setattr(pg, "send_state", lambda key=None: None)
    pg.lock("learning_rate", "x1^2")
    pg.hide("dataset", "reset")
    browser(pg, learning_rate=0.3)
    assert pg.learning_rate == 0.03 and "locked" in sent[-1]["message"]
    browser(pg, features=["x1", "x2", "x1^2"])
    assert pg.features == ["x1", "x2"]
    browser(pg, features=["x1", "x2", "x2^2"])  # a feature that is not locked
    assert pg.features == ["x1", "x2", "x2^2"]
    browser(pg, dataset="xor")
    assert pg.dataset == "circle"
    pg._on_message(pg, {"type": "command", "name": "reset"}, [])
    assert sent[-1]["type"] == "refused"
    pg.learning_rate = 0.3  # the sheet's author still can
    assert pg.learning_rate == 0.3


def test_divergence_pauses_training_and_says_what_to_do():
    pg = nw.Playground(dataset="plane", activation="relu", learning_rate=10, seed=1)
    pg.step(200)
    assert pg.diverged and not pg.playing
    assert "lower learning rate" in pg.status
    assert all(np.all(np.isfinite(W)) for W, _ in pg.weights)  # the last finite state
    assert np.isfinite(pg.train_loss)
    for train in (pg.play, pg.step):  # refused until reset: nothing finite to train on
        with pytest.raises(RuntimeError, match=r"will not train until reset.*reset\(\)"):
            train()
    assert not pg.playing and pg.epoch == 0 and "lower learning rate" in pg.status
    pg.learning_rate = 0.01
    pg.reset()
    assert not pg.diverged and pg.status == "" and pg.epoch == 0
    pg.step(5)
    assert pg.epoch == 5 and not pg.diverged


def test_weights_can_be_edited_one_at_a_time_or_all_at_once():
    pg = nw.Playground(seed=1)
    pg.set_weight(0, 1, 2, 0.75)
    pg.set_bias(2, 0, -0.25)
    assert pg.weights[0][0][1, 2] == np.float32(0.75)
    assert pg.weights[2][1][0] == np.float32(-0.25)
    with pytest.raises(ValueError, match="layer must be between 0 and 2"):
        pg.set_weight(3, 0, 0, 1.0)
    with pytest.raises(ValueError, match="i must be between 0 and 1"):
        pg.set_weight(0, 2, 0, 1.0)
    with pytest.raises(ValueError, match="value must be finite"):
        pg.set_bias(0, 0, float("inf"))
    zeros = [(np.zeros_like(W), np.zeros_like(b)) for W, b in pg.weights]
    pg.set_weights(zeros)
    assert pg.train_loss == pytest.approx(0.5)  # output 0 against labels ±1
    with pytest.raises(ValueError, match=r"weights\[1\] must have shapes W \(4, 2\)"):
        pg.set_weights([zeros[0], zeros[0], zeros[2]])
    with pytest.raises(ValueError, match="must hold 3"):
        pg.set_weights(zeros[:2])


def test_an_edit_from_the_browser_applies_live(sent):
    pg = nw.Playground(seed=1)
    pg.step(4)
    pg._on_message(pg, {"type": "set_weight", "layer": 1, "i": 3, "j": 1, "value": 2.5}, [])
    assert pg.weights[1][0][3, 1] == 2.5 and pg.epoch == 4
    pg._on_message(pg, {"type": "set_bias", "layer": 0, "j": 9, "value": 1}, [])
    assert sent[-1]["type"] == "refused" and "j must be between 0 and 3" in sent[-1]["message"]


def test_your_own_points(sent):
    pg = nw.Playground(seed=1)
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [2.0, -2.0], [-2.0, 2.0]] * 5)
    y = np.array([1, 1, 0, 0] * 5)
    pg.set_data(X, y)
    assert pg.dataset == "custom"
    X_train, y_train, X_test, _ = pg.data
    assert len(X_train) == 10 and len(X_test) == 10
    assert set(y_train.tolist()) == {-1.0, 1.0}
    pg.step(3)
    pg.train_ratio = 80
    assert len(pg.data[0]) == 16
    with pytest.raises(ValueError, match="regenerate"):
        pg.regenerate()
    with pytest.raises(ValueError, match=r"within \[-6, 6\]² .*; row 1 is \[7.0, 0.0\]"):
        pg.set_data([[0, 0], [7, 0]], [1, -1])
    with pytest.raises(ValueError, match="class labels -1 and 1"):
        pg.set_data([[0, 0], [1, 0]], [0.5, 2])
    with pytest.raises(ValueError, match=r"y must have shape \(2,\)"):
        pg.set_data([[0, 0], [1, 0]], [1, -1, 1])
    assert len(pg.data[0]) == 16  # nothing lost
    pg.set_data(X[:4], y[:4], X_test=X[4:8], y_test=y[4:8])
    assert len(pg.data[0]) == 4 and len(pg.data[2]) == 4
    pg.dataset = "xor"
    assert pg.dataset == "xor" and len(pg.data[0]) == 400  # train_ratio 80


def test_links_and_dicts_carry_the_playground():
    pg = nw.Playground(dataset="xor", hidden=[3, 3], activation="relu", seed="0.5", noise=15)
    pg.hide("noise")
    url = pg.to_url()
    again = nw.Playground.from_url(url)
    assert again.to_url() == url
    assert again.hidden_controls == ["noise"]
    np.testing.assert_array_equal(again.weights[1][0], pg.weights[1][0])
    pg.step(7)
    copy = nw.Playground.from_dict(pg.to_dict())
    for (W, b), (W2, b2) in zip(pg.weights, copy.weights, strict=True):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    assert copy.train_loss == pytest.approx(pg.train_loss)
    # every Playground has a link: the original reads any batch size from one
    assert nw.Playground.from_url(nw.Playground(batch_size=64).to_url()).batch_size == 64
    with pytest.raises(ValueError, match="unknown configuration keys"):
        nw.Playground.from_dict({"config": {"turbo": True}})


def test_own_points_survive_a_dict_but_not_a_link():
    pg = nw.Playground(seed=1)
    pg.set_data([[0, 0], [1, 1], [2, 2], [3, 3]], [1, -1, 1, -1])
    copy = nw.Playground.from_dict(pg.to_dict())
    np.testing.assert_array_equal(copy.data[0], pg.data[0])
    with pytest.raises(ValueError, match="cannot travel in a playground link"):
        pg.to_url()


def test_nothing_is_drawn_until_a_view_exists_then_frames_follow_acknowledgements():
    pg = nw.Playground(seed=1)
    pg.step(50)
    assert pg._frame == 0  # no view: the maps were never computed
    pg._repr_mimebundle_()  # displayed
    assert pg._frame == 1 and pg.epoch == 50
    assert len(pg._maps) == 7 * 24 * 24 and len(pg._output_map) == 100 * 100
    assert len(pg._weights) == 4 * (2 * 4 + 4 + 4 * 2 + 2 + 2 + 1)
    pg._on_message(pg, {"type": "drawn", "frame": 1}, [])
    pg.step(1)
    assert pg._frame == 2
    curve = np.frombuffer(pg._loss_curve, np.float32).reshape(-1, 3)
    assert curve[-1, 0] == 51 and curve[-1, 1] == pytest.approx(pg.train_loss)


def test_hovering_a_neuron_shows_its_map_in_the_output_view(sent):
    pg = nw.Playground(seed=1)
    pg._repr_mimebundle_()
    output = pg._output_map
    pg._on_message(pg, {"type": "hover", "neuron": "1:2"}, [])
    assert pg._output_neuron == "1:2" and pg._output_map != output
    maps = np.frombuffer(pg._run.neuron_maps(100).tobytes(), np.uint8).reshape(-1, 10000)
    assert pg._output_map == maps[2].tobytes()
    pg._on_message(pg, {"type": "hover", "neuron": "x1"}, [])
    x1 = np.frombuffer(pg._output_map, np.uint8).reshape(100, 100)
    assert x1[50, 0] == 0 and x1[50, -1] == 255  # x1 < -1 left, > 1 right
    pg._on_message(pg, {"type": "hover", "neuron": "7:0"}, [])
    assert sent[-1]["type"] == "refused"
    pg._on_message(pg, {"type": "hover", "neuron": None}, [])
    assert pg._output_map == output


def test_play_trains_on_the_event_loop_until_paused():
    pg = nw.Playground(seed=1)
    with pytest.raises(RuntimeError, match="step"):
        pg.play()
    assert not pg.playing

    async def session():
        pg.play()
        await asyncio.sleep(1.5)
        assert pg.playing
        pg.learning_rate = 0.1  # handled between chunks
        await asyncio.sleep(0.3)
        pg.pause()
        await asyncio.sleep(0.05)

    asyncio.run(session())
    assert pg.epoch > 100 and not pg.playing
    epoch = pg.epoch
    assert len(pg.history) == epoch


def test_a_fixed_speed_trains_that_many_epochs_per_frame():
    pg = nw.Playground(seed=1, epochs_per_frame=3)
    pg._repr_mimebundle_()
    pg._on_message(pg, {"type": "drawn", "frame": pg._frame}, [])

    async def session():
        pg.play()
        # Nobody acknowledges: MAX_IN_FLIGHT frames of 3 epochs each, then one a second.
        for _ in range(500):
            if pg._pacer.in_flight() >= MAX_IN_FLIGHT:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # well before the next second: nothing more trains
        pg.pause()
        await asyncio.sleep(0.05)

    asyncio.run(session())
    assert pg.epoch == 3 * MAX_IN_FLIGHT


@pytest.mark.parametrize("name", ["circle", "xor", "gauss", "spiral", "plane", "multigauss"])
def test_each_preset_solves_its_data_set(name):
    pg = nw.Playground.preset(name, seed=1)
    assert pg.dataset == name
    pg.step(1500)
    if pg.problem == "classification":
        assert pg.metrics["test"]["accuracy"] >= 0.95
    else:
        assert pg.test_loss < 0.01 and pg.metrics["test"]["r2"] > 0.9


def test_unknown_presets_are_named():
    with pytest.raises(ValueError, match="preset must be one of 'circle'"):
        nw.Playground.preset("moons")


def test_metrics_count_what_the_output_predicts():
    pg = nw.Playground(seed=1)
    pg.step(100)
    train = pg.metrics["train"]
    (tn, fp), (fn, tp) = train["confusion"]
    assert tn + fp + fn + tp == 250
    assert train["accuracy"] == pytest.approx((tn + tp) / 250)
    assert train["accuracy"] == pytest.approx(pg.train_accuracy)
    regression = nw.Playground(dataset="plane", seed=1)
    regression.step(50)
    assert set(regression.metrics["test"]) == {"r2", "rmse"}
    assert regression.metrics["test"]["rmse"] == pytest.approx(
        np.sqrt(2 * regression.test_loss), rel=1e-4
    )


def test_save_and_load_bring_back_points_weights_and_history(tmp_path):
    pg = nw.Playground(dataset="spiral", noise=10, hidden=[5], seed="0.5")
    pg.step(40)
    pg.lock("learning_rate")
    pg.save(tmp_path / "run.json")
    again = nw.Playground.load(tmp_path / "run.json")
    assert again.dataset == "spiral" and again.epoch == 40
    np.testing.assert_array_equal(again.history.train_loss, pg.history.train_loss)
    for (W, b), (W2, b2) in zip(pg.weights, again.weights, strict=True):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    np.testing.assert_array_equal(again.data[0], pg.data[0])
    assert again.locked_controls == ["learning_rate"]
    again.step(2)
    assert again.history.epoch[-1] == 42
    own = nw.Playground(seed=1)
    own.set_data([[0, 0], [1, 1], [2, 2], [3, 3]], [1, -1, 1, -1])
    own.save(tmp_path / "own.json")
    np.testing.assert_array_equal(nw.Playground.load(tmp_path / "own.json").data[0], own.data[0])


def test_bad_files_are_refused_by_name(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(ValueError, match="is not a saved Playground"):
        nw.Playground.load(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"format": "something else"}')
    with pytest.raises(ValueError, match="no format 'nnwidgets.Playground'"):
        nw.Playground.load(tmp_path / "other.json")
    (tmp_path / "part.json").write_text('{"format": "nnwidgets.Playground", "version": 1}')
    with pytest.raises(ValueError, match="has no 'config'"):
        nw.Playground.load(tmp_path / "part.json")


def test_bad_input_names_what_is_wrong_and_leaves_the_playground_as_it_was(tmp_path):
    pg = nw.Playground(seed=4)
    pg.step(20)
    before = (pg.data, pg.weights, pg.epoch, pg._points, pg.dataset)
    with pytest.raises(ValueError, match=r"X must lie within \[-6, 6\]².*row 1 is \[7.0, 0.0\]"):
        pg.set_data([[0, 0], [7, 0]], [1, -1])
    with pytest.raises(ValueError, match="preset must be one of 'circle'.*got 'moons'"):
        nw.Playground.preset("moons")
    saved = pg.to_dict()
    saved["config"]["hidden"] = [100]
    with pytest.raises(ValueError, match="config.hidden: hidden layers must have 1 to 64 neurons"):
        nw.Playground.from_dict(saved)
    (tmp_path / "cut.json").write_text(json.dumps(pg.to_dict())[:-20])
    with pytest.raises(ValueError, match="cut.json is not a saved Playground"):
        nw.Playground.load(tmp_path / "cut.json")
    after = (pg.data, pg.weights, pg.epoch, pg._points, pg.dataset)
    for a, b in zip(jax.tree.leaves(after), jax.tree.leaves(before), strict=True):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_the_browser_keeps_per_frame_every_trait_a_frame_changes():
    # The view draws frames that arrive together one per display frame, from the traits named in
    # spec.FRAME_STATE as they were at each frame: a trait missing there would be drawn from a
    # later frame than the rest.
    from nnwidgets import spec

    pg = nw.Playground(seed=1)
    pg.step(3)
    per_frame = {"epoch", *pg._frame_traits(), *pg._run.figures, "_output_neuron"}
    assert per_frame == set(spec.FRAME_STATE)
