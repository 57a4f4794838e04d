"""Training diagnosed in words: each kind of finding on a run that shows it, and none on runs
that are healthy (a default run and every preset)."""

import pytest

import nnwidgets as nw
from nnwidgets import spec


def kinds(pg):
    return [finding["kind"] for finding in pg.diagnosis]


def test_a_huge_learning_rate_with_relu_is_stuck_with_dead_units():
    pg = nw.Playground(dataset="xor", learning_rate=10, activation="relu", seed=2)
    pg.step(200)
    assert not pg.diverged and pg.train_loss > 0.9
    assert kinds(pg) == ["stuck", "dead_units"]
    stuck, dead = pg.diagnosis
    assert stuck["message"] == (
        "The learning rate 10 is too large: the ReLU units died in the first epochs and the "
        "loss is stuck at 0.92. Lower it to 0.03 and press Reset."
    )
    assert dead["neurons"] == ["2:0", "2:1"] and dead["layers"] == [2]


def test_a_tiny_learning_rate_is_slow():
    pg = nw.Playground(dataset="spiral", learning_rate=0.0001, seed=1)
    pg.step(300)
    assert kinds(pg) == ["slow"]
    assert "Raise it to 0.03" in pg.diagnosis[0]["message"]


def test_a_rate_too_small_to_move_is_stuck_and_says_so():
    pg = nw.Playground(dataset="xor", learning_rate=0.00001, seed=2)
    pg.step(200)
    assert kinds(pg) == ["stuck"]
    assert pg.diagnosis[0]["message"].startswith("The learning rate 1e-05 is too small")


def test_too_few_neurons_is_stuck_and_says_so():
    pg = nw.Playground(dataset="spiral", hidden=[1], seed=1)
    pg.step(400)
    assert kinds(pg) == ["stuck"]
    assert "too small for these points" in pg.diagnosis[0]["message"]


def test_saturated_tanh_units_are_named():
    pg = nw.Playground(dataset="circle", learning_rate=3, seed=3)
    pg.step(300)
    assert "saturated" in kinds(pg)
    finding = next(f for f in pg.diagnosis if f["kind"] == "saturated")
    assert finding["neurons"] and all(n.split(":")[0] in ("1", "2") for n in finding["neurons"])


def test_overfitting_few_noisy_points_and_a_big_network():
    pg = nw.Playground(
        dataset="gauss",
        noise=50,
        train_ratio=10,
        hidden=[8, 8, 8],
        learning_rate=0.3,
        seed=4,
        features=list(spec.FEATURES),
    )
    pg.step(3000)
    assert "overfitting" in kinds(pg)


def test_divergence_is_a_finding_too():
    pg = nw.Playground(dataset="plane", activation="relu", learning_rate=10, seed=1)
    pg.step(200)
    assert pg.diverged and kinds(pg) == ["diverged"]


def test_a_default_run_says_nothing():
    pg = nw.Playground(seed=1)
    pg.step(500)
    assert pg.diagnosis == []


@pytest.mark.parametrize("name", spec.DATASETS)
def test_the_presets_say_nothing(name):
    pg = nw.Playground.preset(name, seed=1)
    pg.step(1500)
    assert pg.diagnosis == [], pg.diagnosis


def test_a_reset_clears_the_findings():
    pg = nw.Playground(dataset="xor", learning_rate=10, activation="relu", seed=2)
    pg.step(200)
    pg.learning_rate = 0.03
    pg.reset()
    assert pg.diagnosis == []
