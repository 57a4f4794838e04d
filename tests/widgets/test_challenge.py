"""Challenges for course sheets: goals, limits, a live status, and check() for autograders."""

import ast

import numpy as np
import pytest

import nnwidgets as nw


def test_a_challenge_passes_once_the_goal_is_met_within_the_limits():
    pg = nw.Playground.preset("xor", seed=1)
    limits = {"neurons": 12, "dataset": "xor"}
    challenge = nw.Challenge(pg, target={"test_loss": 0.01}, limits=limits)
    result = challenge.check()
    assert not result and "test loss" in result.reason
    assert challenge.goal_text == "test loss ≤ 0.01"
    assert challenge.limits_text == "at most 12 neurons, dataset 'xor'"
    assert not challenge.passed and challenge.reason == result.reason  # what the view shows
    pg.step(300)
    result = challenge.check()
    assert result.passed and result.reason.startswith("passed: test loss")
    assert challenge.passed and challenge.reason == result.reason  # the status followed


def test_a_broken_limit_fails_whatever_the_loss():
    pg = nw.Playground.preset("xor", seed=1, hidden=[8, 8])
    pg.step(300)
    result = nw.Challenge(pg, target={"test_accuracy": 0.5}, limits={"neurons": 12}).check()
    assert not result and result.reason == "uses 16 neurons; the limit is 12"
    other = nw.Challenge(pg, target={"test_loss": 1.0}, limits={"dataset": "spiral"}).check()
    assert other.reason == "the data set must be 'spiral', not 'xor'"


@pytest.mark.parametrize(
    ("target", "limits", "message"),
    [
        ({}, None, "target must be a non-empty dict"),
        ({"loss": 0.1}, None, "target: unknown 'loss'"),
        ({"test_accuracy": 1.5}, None, "cannot be reached"),
        ({"test_loss": 0}, None, "unreachable"),
        ({"test_loss": 0.1}, {"neurons": -1}, "impossible"),
        ({"test_loss": 0.1}, {"features": 0}, "impossible"),
        ({"test_loss": 0.1}, {"dataset": "moons"}, "limits\\['dataset'\\] must be one of"),
        ({"test_loss": 0.1}, {"speed": 3}, "limits: unknown 'speed'"),
    ],
)
def test_impossible_or_unknown_goals_are_refused(target, limits, message):
    with pytest.raises(ValueError, match=message):
        nw.Challenge(nw.Playground(seed=1), target=target, limits=limits)


def test_weights_export_as_numpy_and_as_keras_code(tmp_path):
    pg = nw.Playground(seed=1, hidden=[3])
    pg.export_numpy(tmp_path / "weights.npz")
    saved = np.load(tmp_path / "weights.npz")
    assert sorted(saved.files) == ["W0", "W1", "b0", "b1"]
    np.testing.assert_array_equal(saved["W0"], pg.weights[0][0])
    code = pg.to_keras_code()
    ast.parse(code)
    assert "keras.layers.Dense(3, activation='tanh')" in code
    assert code.count("np.array(") == 4


def test_a_question_shows_the_view_then_keeps_the_work_in_an_output_it_updates(
    tmp_path, monkeypatch
):
    from nnwidgets.widgets import challenge as module
    from nnwidgets.widgets.submission import MIME

    monkeypatch.chdir(tmp_path)
    shown, updated = [], []
    monkeypatch.setattr(module, "display", lambda data, **kw: shown.append((data, kw)))
    monkeypatch.setattr(module, "update_display", lambda data, **kw: updated.append((data, kw)))
    pg = nw.Playground(dataset="xor", seed=1, hidden=[3])
    challenge = nw.Challenge(pg, target={"test_loss": 0.1}, question="q1")
    challenge._ipython_display_()
    (view, view_kw), (record, record_kw) = shown
    assert "application/vnd.jupyter.widget-view+json" in view  # the live view first
    assert view["text/plain"].startswith("Challenge: goal test loss ≤ 0.1; not yet: ")
    assert "image/png" in view and view_kw["raw"]
    assert record[MIME]["question"] == "q1" and record_kw["display_id"]
    pg.hidden = [4]  # a change of settings is kept at once, in the same output
    assert updated[-1][1]["display_id"] == record_kw["display_id"]
    assert updated[-1][0][MIME]["playground"]["config"]["hidden"] == [4]
