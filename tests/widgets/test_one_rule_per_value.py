"""One rule per value: a Playground setting is accepted or refused the same way, with the same
message, whichever door it comes through (constructor, trait, browser, link, saved dict,
engine), and the facts both sides share come from nnwidgets.spec alone."""

import importlib
import re

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets import engine, spec
from nnwidgets.data import features as data_features
from nnwidgets.widgets.playground import links, presets
from nnwidgets.widgets.playground.links import parse_playground_url, playground_url

data_playground = importlib.import_module("nnwidgets.data.playground")

BAD = [
    ("noise", 101),
    ("train_ratio", 0),
    ("batch_size", 10_001),
    ("hidden", [4, 65]),
    ("hidden", [1] * 11),
    ("features", ["x3"]),
    ("features", []),
    ("activation", "softmax"),
    ("regularization", "l3"),
    ("learning_rate", -1.0),
    ("regularization_rate", float("inf")),
    ("epochs_per_frame", 10_001),
    ("classes", 6),
]


@pytest.mark.parametrize(("name", "value"), BAD)
def test_a_bad_value_is_refused_at_every_door_with_one_message(name, value, sent, monkeypatch):
    with pytest.raises(traitlets.TraitError) as made:
        nw.Playground(**{name: value})
    message = str(made.value)
    assert name in message and "got" in message

    pg = nw.Playground(seed=1)
    before = getattr(pg, name)
    with pytest.raises(traitlets.TraitError) as assigned:
        setattr(pg, name, value)
    assert str(assigned.value) == message

    monkeypatch.setattr(pg, "send_state", lambda key=None: None)
    pg.set_state({name: value})
    assert sent[-1] == {"type": "refused", "control": name, "message": message}
    assert getattr(pg, name) == before

    if name in links.DEFAULTS:
        with pytest.raises((TypeError, ValueError)) as linked:
            playground_url({name: value})
        assert str(linked.value).startswith(message + " (in the link: ")
        with pytest.raises(ValueError, match=re.escape(f"config.{name}: {message}")):
            nw.Playground.from_dict({"config": {name: value}})


def test_a_link_holds_every_value_a_playground_takes():
    wide = {
        "noise": 100,
        "train_ratio": 99,
        "batch_size": 10_000,
        "hidden": [64] * 10,
        "learning_rate": 0.0,
    }
    pg = nw.Playground(seed=1, **wide)
    again = nw.Playground.from_url(pg.to_url())
    assert {name: getattr(again, name) for name in wide} == wide
    assert parse_playground_url("#learningRate=0")["learning_rate"] == 0


def test_the_engine_takes_the_rates_the_playground_takes():
    state = engine.init_state(engine.init_playground_params([2, 2, 1], random=0))
    X = np.zeros((4, 2), np.float32)
    y = np.ones(4, np.float32)
    after, _ = engine.train(state, X, y, X, y, epochs=3, batch_size=2, learning_rate=0.0)
    for old, new in zip(state.params, after.params, strict=True):
        np.testing.assert_array_equal(old["W"], new["W"])
    message = "learning_rate must be a finite number >= 0, got -1.0"
    with pytest.raises(ValueError, match=re.escape(message)):
        engine.train(state, X, y, X, y, epochs=1, batch_size=2, learning_rate=-1.0)
    with pytest.raises(traitlets.TraitError, match=re.escape(message)):
        nw.Playground(learning_rate=-1.0)


def test_what_python_implements_is_what_the_spec_lists():
    assert tuple(data_features._FEATURE_FUNCTIONS) == spec.FEATURES
    assert set(data_features.URL_NAME_OF) == set(spec.FEATURES)
    assert set(data_playground._GENERATORS) == set(spec.DATASETS)
    assert set(data_playground._MULTICLASS_GENERATORS) == set(spec.MULTICLASS_DATASETS)
    assert set(spec.ACTIVATIONS) <= set(engine.activations.ACTIVATIONS)
    assert tuple(engine.playground.REGULARIZATIONS) == spec.REGULARIZATIONS
    assert tuple(engine.playground.PROBLEMS) == spec.PROBLEMS
    assert set(presets.PRESETS) == set(spec.DATASETS)
    assert set(links.HIDABLE) <= set(spec.CONTROLS)
    assert set(spec.FEATURES) <= set(spec.CONTROLS)


def test_the_original_menus_and_ranges_lie_within_the_hard_caps():
    pg = nw.Playground(seed=1)
    for rate in spec.LEARNING_RATES:
        pg.learning_rate = rate
    for rate in spec.REGULARIZATION_RATES:
        pg.regularization_rate = rate
    for speed in spec.SPEEDS:
        pg.epochs_per_frame = speed
    ui = spec.UI_LIMITS
    assert ui["hidden_layers"] <= spec.MAX_HIDDEN_LAYERS and ui["neurons"] <= spec.MAX_NEURONS
    for name, hard in (
        ("batch_size", spec.BATCH_SIZE_RANGE),
        ("noise", spec.NOISE_RANGE),
        ("train_ratio", spec.TRAIN_RATIO_RANGE),
    ):
        assert hard[0] <= ui[name][0] <= ui[name][1] <= hard[1], name
