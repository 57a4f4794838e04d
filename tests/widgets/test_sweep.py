"""The Sweep's kernel side: combinations, training as the engine trains, best, open, the browser's
messages and errors, without a browser (tests/e2e/test_sweep_in_lab.py puts both together)."""

import asyncio

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import engine
from nnwidgets.widgets.sweep import CURVE_POINTS, MAP_RESOLUTION, MAX_CONFIGS


def test_every_combination_in_product_order():
    sweep = nw.Sweep(
        {"seed": 3}, learning_rate=[0.01, 0.1], regularization_rate=[0, 0.001], seed=[1, 2, 5]
    )
    assert len(sweep.configs) == 12
    assert sweep.configs[0] == {"learning_rate": 0.01, "regularization_rate": 0.0, "seed": 1}
    assert sweep.configs[1]["seed"] == 2 and sweep.configs[3]["regularization_rate"] == 0.001
    assert sweep.configs[6]["learning_rate"] == 0.1
    assert sweep.swept == ["learning_rate", "regularization_rate", "seed"]
    assert sweep.epoch == 0 and sweep.best is None
    assert all(loss is not None and loss > 0 for loss in sweep.test_loss)


def test_missing_lists_take_the_bases_values():
    pg = nw.Playground(seed=7, learning_rate=0.1, regularization="l2", regularization_rate=0.003)
    sweep = nw.Sweep(pg, seed=[1, 2])
    assert [c["learning_rate"] for c in sweep.configs] == [0.1, 0.1]
    assert [c["regularization_rate"] for c in sweep.configs] == [0.003, 0.003]
    assert sweep.swept == ["seed"]
    only_base = nw.Sweep(pg)
    assert only_base.configs == [{"learning_rate": 0.1, "regularization_rate": 0.003, "seed": 7}]


def test_seeds_choose_the_weights_a_playground_with_that_seed_starts_with():
    base = nw.Playground(dataset="xor", seed=5)
    sweep = nw.Sweep(base, seed=[5, 11])
    for index, seed in enumerate([5, 11]):
        fresh = nw.Playground(dataset="xor", seed=seed)
        for (W, b), (W0, b0) in zip(sweep.weights(index), fresh.weights, strict=True):
            np.testing.assert_array_equal(W, W0)
            np.testing.assert_array_equal(b, b0)
    # Without seeds every configuration starts from the base seed's weights.
    same = nw.Sweep(base, learning_rate=[0.01, 0.3])
    for (W, _), (W0, _) in zip(same.weights(0), same.weights(1), strict=True):
        np.testing.assert_array_equal(W, W0)


def test_training_matches_the_engine_for_each_configuration():
    pg = nw.Playground(dataset="circle", noise=10, seed=2, regularization="l2")
    sweep = nw.Sweep(pg, learning_rate=[0.01, 0.1], regularization_rate=[0, 0.01])
    sweep.step(5)
    sweep.step(7)
    assert sweep.epoch == 12
    inputs = pg._run.inputs
    for index, config in enumerate(sweep.configs):
        state = engine.init_state(
            [{"W": W, "b": b} for W, b in nw.Playground(dataset="circle", noise=10, seed=2).weights]
        )
        _, expected = engine.train(
            state,
            *inputs,
            epochs=12,
            batch_size=10,
            learning_rate=config["learning_rate"],
            regularization="l2",
            regularization_rate=config["regularization_rate"],
        )
        result = sweep.results[index]
        assert result["config"] == config and not result["diverged"]
        assert result["epochs_done"] == 12
        np.testing.assert_allclose(result["train_loss"], expected.train_loss, rtol=1e-4)
        np.testing.assert_allclose(result["test_loss"], expected.test_loss, rtol=1e-4)
        assert sweep.test_loss[index] == pytest.approx(float(expected.test_loss[-1]), rel=1e-4)


def test_best_is_the_lowest_test_loss_that_did_not_diverge():
    sweep = nw.Sweep({"seed": 1, "dataset": "plane"}, learning_rate=[0.0001, 0.03, 10])
    sweep.step(30)
    results = sweep.results
    assert results[2]["diverged"] and sweep.diverged == [False, False, True]
    assert np.isnan(results[2]["test_loss"][-1])
    assert results[2]["epochs_done"] < 30
    losses = [r["test_loss"][-1] for r in results[:2]]
    assert sweep.best == int(np.argmin(losses))
    assert sweep.best == 1
    # A diverged configuration stays put; the others keep training.
    weights = sweep.weights(2)
    sweep.step(3)
    assert sweep.epoch == 33
    for (W, _), (W0, _) in zip(sweep.weights(2), weights, strict=True):
        np.testing.assert_array_equal(W, W0)
    assert all(np.isfinite(W).all() for W, _ in weights)


def test_open_gives_a_playground_with_that_configuration_and_its_weights():
    base = nw.Playground(dataset="spiral", noise=5, seed=4, hidden=[3])
    sweep = nw.Sweep(base, learning_rate=[0.01, 0.1], seed=[1, 2])
    sweep.step(10)
    pg = sweep.open(3)
    assert isinstance(pg, nw.Playground)
    assert pg.learning_rate == 0.1 and pg.hidden == [3] and pg.dataset == "spiral"
    np.testing.assert_array_equal(pg.data[0], base.data[0])  # the base's points
    for (W, b), (W0, b0) in zip(pg.weights, sweep.weights(3), strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)
    assert pg.epoch == 10 and len(pg.history) == 10
    assert pg.test_loss == pytest.approx(sweep.test_loss[3], rel=1e-4)
    assert base.epoch == 0  # the base is left alone


def test_a_frame_holds_every_map_and_curve():
    sweep = nw.Sweep({"seed": 0}, learning_rate=[0.01, 0.1, 1.0])
    sweep._publish(force=True, unviewed=True)
    assert len(sweep._maps) == 3 * MAP_RESOLUTION**2 and sweep._curve_length == 0
    sweep._on_message(sweep, {"type": "drawn", "frame": sweep._frame}, [])  # a view drew it
    sweep.step(200)
    curves = np.frombuffer(sweep._curves, np.float32).reshape(3, 2, -1)
    assert sweep._curve_length == CURVE_POINTS == curves.shape[-1]
    np.testing.assert_allclose(curves[1, 1, -1], sweep.test_loss[1], rtol=1e-6)
    maps = np.frombuffer(sweep._maps, np.uint8).reshape(3, -1)
    expected = engine.quantized_neuron_maps(
        [{"W": W, "b": b} for W, b in sweep.weights(2)],
        nw.widgets.playground.run.grid_features(("x1", "x2"), MAP_RESOLUTION),
        "tanh",
        "tanh",
    )
    np.testing.assert_array_equal(maps[2], np.asarray(expected)[-1])


def test_the_browser_plays_acknowledges_and_opens(sent):
    sweep = nw.Sweep({"seed": 0}, learning_rate=[0.01, 0.1])
    sweep._on_message(sweep, {"type": "drawn", "frame": 0}, [])
    sweep._on_message(sweep, {"type": "open", "index": 1}, [])
    assert isinstance(sweep.opened, nw.Playground) and sweep.opened.learning_rate == 0.1
    sweep._on_message(sweep, {"type": "open", "index": 9}, [])
    assert sent[-1]["type"] == "refused" and "index" in sent[-1]["message"]
    sweep.set_state({"epoch": 99})  # kernel-only: refused, nothing changes
    assert sweep.epoch == 0

    async def run():
        sweep.set_state({"playing": True})
        for _ in range(200):
            await asyncio.sleep(0.01)
            if sweep.epoch >= 3:
                break
        sweep.pause()
        await asyncio.sleep(0.05)

    asyncio.run(run())
    assert sweep.epoch >= 3 and not sweep.playing


def test_play_outside_a_kernel_says_to_use_step():
    sweep = nw.Sweep({"seed": 0})
    with pytest.raises(RuntimeError, match="step"):
        sweep.play()
    assert not sweep.playing


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"learning_rate": []}, "learning_rate must hold at least one value"),
        ({"regularization_rate": []}, "regularization_rate must hold at least one"),
        ({"seed": []}, "seed must hold at least one"),
        ({"learning_rate": [0.1, -0.01]}, "learning_rate must hold finite numbers >= 0"),
        ({"regularization_rate": [float("nan")]}, "regularization_rate must hold finite"),
        ({"learning_rate": ["fast"]}, "learning_rate must hold numbers"),
        ({"seed": [1, 2.5]}, "seed must hold ints, got 2.5"),
        ({"seed": ["a"]}, "seed must hold ints"),
        ({"seed": [1, 1]}, "seed must not repeat"),
        (
            {"learning_rate": list(np.linspace(0.01, 1, 9)), "seed": list(range(8))},
            f"72 configurations; at most {MAX_CONFIGS}",
        ),
        ({"base": {"hidden": [0]}}, "base: config.hidden: hidden"),
        ({"base": {"colour": "red"}}, "base: unknown configuration keys"),
    ],
)
def test_bad_input_names_the_argument(kwargs, match):
    with pytest.raises(ValueError, match=match):
        nw.Sweep(**kwargs)


def test_other_bad_input():
    with pytest.raises(TypeError, match="base must be a Playground"):
        nw.Sweep(base=3)
    sweep = nw.Sweep({"seed": 0}, learning_rate=[0.01, 0.1])
    with pytest.raises(ValueError, match="index must be between 0 and 1"):
        sweep.open(2)
    with pytest.raises(ValueError, match="epochs must be between 1 and 100000"):
        sweep.step(0)
    with pytest.raises(traitlets.TraitError, match="epochs_per_frame"):
        sweep.epochs_per_frame = -1
    # A scalar is one value.
    assert len(nw.Sweep({"seed": 0}, learning_rate=0.1).configs) == 1
    assert nw.Sweep(nw.Playground(seed=0), seed=range(3)).swept == ["seed"]
    with pytest.raises(traitlets.TraitError):
        sweep.classes = 3  # the base's, read only


def test_a_sweep_of_several_classes_trains_and_draws_each_class_map():
    base = nw.Playground(dataset="spiral", classes=3, seed=4, hidden=[6, 6])
    sweep = nw.Sweep(base, learning_rate=[0.03, 0.3])
    assert sweep.classes == 3
    # Before training, the losses are the cross-entropy a Playground with those weights shows.
    fresh = nw.Playground.from_dict(base.to_dict())
    assert sweep.test_loss[0] == pytest.approx(fresh.test_loss, rel=1e-5)
    sweep.step(20)
    opened = sweep.open(1)
    assert opened.classes == 3 and opened.learning_rate == 0.3
    assert nw.Sweep({"dataset": "gauss", "classes": 5}, learning_rate=[0.1]).classes == 5
    assert sweep.test_loss[1] == pytest.approx(opened.test_loss, rel=1e-4)
    maps = np.frombuffer(sweep._frame_traits()["_maps"], np.uint8)
    assert maps.shape == (2 * 3 * MAP_RESOLUTION**2,)
    # Each cell's three maps are class probabilities (as 2p - 1): they sum to one.
    p = maps.reshape(2, 3, -1).astype(float) / 255
    np.testing.assert_allclose(p.sum(axis=1), 1, atol=3 / 255)
