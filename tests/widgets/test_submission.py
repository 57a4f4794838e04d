"""A student's work on a graded question survives re-execution: recorded beside the notebook and
in its outputs, restored by the next Challenge of that question, and judged only on figures
recomputed from the restored weights."""

import asyncio
import json

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets.widgets import submission


def question_two(question="q2"):
    pg = nw.Playground(dataset="xor", hidden=(1,), features=("x1", "x2"), seed=12)
    check = nw.Challenge(
        pg, target={"test_accuracy": 0.95}, limits={"neurons": 8}, question=question
    )
    return pg, check


def solve(pg):
    pg.hidden = [4]
    pg.step(600)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_students_work_comes_back_in_a_fresh_run(in_tmp):
    pg, check = question_two()
    assert not check.check().passed
    solve(pg)
    assert check.check().passed
    assert (in_tmp / "q2.nnwidgets.json").is_file()

    again, check_again = question_two()  # the grader, or the student after a restart
    assert check_again.restored is not None and check_again.problems == []
    assert again.hidden == [4] and again.epoch == 600
    for (W, b), (W2, b2) in zip(pg.weights, again.weights, strict=True):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    assert again.test_accuracy == pytest.approx(pg.test_accuracy)
    assert check_again.check().passed


def test_a_record_inside_the_notebook_is_found_under_any_name(in_tmp):
    pg, check = question_two()
    solve(pg)
    record = check.record()
    (in_tmp / "q2.nnwidgets.json").unlink()
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": "Q2", "metadata": {}},
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "data": submission.output_bundle(record)}
                ],
            },
        ]
    }
    (in_tmp / "student_17_sheet.ipynb").write_text(json.dumps(notebook))
    again, check_again = question_two()
    assert again.hidden == [4] and check_again.check().passed


def test_the_newest_record_wins(in_tmp):
    pg, check = question_two()
    solve(pg)
    old = check.record()
    pg.hidden = [2]  # recorded at once: not playing
    newest = json.loads((in_tmp / "q2.nnwidgets.json").read_text())
    assert newest["saved_at"] > old["saved_at"]
    notebook = {"cells": [{"cell_type": "code", "outputs": [{"data": {submission.MIME: old}}]}]}
    (in_tmp / "sheet.ipynb").write_text(json.dumps(notebook))
    again, _ = question_two()
    assert again.hidden == [2]


def test_an_edited_loss_cannot_pass_a_question(in_tmp):
    pg, check = question_two()
    pg.step(5)
    record = check.record()
    record["playground"]["history"] = [[5, 0.0, 0.0, 1.0, 1.0]]  # claims a perfect run
    record["test_accuracy"] = 1.0
    (in_tmp / "q2.nnwidgets.json").write_text(json.dumps(record))
    again, check_again = question_two()
    assert check_again.restored is not None
    assert again.test_accuracy < 0.95  # recomputed from the restored weights
    assert not check_again.check().passed


def test_a_configuration_outside_the_limits_fails_with_the_reason(in_tmp):
    pg, check = question_two()
    pg.hidden = [10, 10]
    pg.step(400)
    again, check_again = question_two()
    result = check_again.check()
    assert again.hidden == [10, 10]
    assert not result.passed and "uses 20 neurons; the limit is 8" in result.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "nnwidgets.Submission", "version": 1, "ques', "not a readable record"),
        ('{"format": "something else"}', "not an nnwidgets submission record"),
        (
            '{"format": "nnwidgets.Submission", "version": 9, "question": "q2"}',
            "record version 9; this reads 1",
        ),
        (
            '{"format": "nnwidgets.Submission", "version": 1, "question": "q2", '
            '"saved_at": "2026", "playground": {"config": {"hidden": "lots"}}}',
            "the recorded work for q2 was refused",
        ),
        (
            '{"format": "nnwidgets.Submission", "version": 1, "question": "q2", '
            '"saved_at": "2026", "playground": {"config": {}, "weights": [{"W": 1}]}}',
            "the recorded work for q2 was refused",
        ),
    ],
)
def test_a_broken_record_fails_the_check_with_its_reason(in_tmp, content, reason):
    (in_tmp / "q2.nnwidgets.json").write_text(content)
    pg, check = question_two()
    assert pg.hidden == [1] and pg.epoch == 0  # left as the sheet made it
    result = check.check()
    assert not result.passed and reason in result.reason


def test_a_broken_notebook_beside_is_reported_not_fatal(in_tmp):
    (in_tmp / "truncated.ipynb").write_text('{"cells": [')
    pg, check = question_two()
    assert "truncated.ipynb: not a readable notebook" in check.check().reason


def test_records_of_other_questions_are_left_alone(in_tmp):
    pg, check = question_two("q3")
    solve(pg)
    again, check_again = question_two("q2")
    assert again.hidden == [1] and check_again.restored is None


def test_without_a_question_nothing_is_written(in_tmp):
    pg = nw.Playground(seed=1)
    check = nw.Challenge(pg, target={"test_loss": 0.1})
    pg.step(3)
    assert check.record() is None and not list(in_tmp.iterdir())


def test_a_question_names_a_file():
    pg = nw.Playground(seed=1)
    with pytest.raises(ValueError, match="question must be a name"):
        nw.Challenge(pg, target={"test_loss": 0.1}, question="../q1")


def test_restore_leaves_the_playground_as_it_was_when_refused():
    pg = nw.Playground(dataset="xor", hidden=[3], seed=5)
    pg.lock("hidden")
    before = pg.to_dict()
    d = {**before, "weights": before["weights"][:1]}
    with pytest.raises(ValueError, match="cannot restore this Playground"):
        pg.restore(d)
    assert pg.to_dict() == before
    other = nw.Playground(dataset="circle", hidden=[2, 2], seed=7)
    other.step(4)
    pg.restore(other.to_dict())
    assert pg.hidden == [2, 2] and pg.dataset == "circle" and pg.locked_controls == ["hidden"]
    np.testing.assert_array_equal(pg.weights[0][0], other.weights[0][0])


def test_epochs_are_kept_at_most_every_interval_and_the_last_one_after_it(in_tmp, monkeypatch):
    from nnwidgets.widgets import challenge

    monkeypatch.setattr(challenge, "RECORD_INTERVAL_S", 0.3)
    writes = []
    write = submission.write_beside
    monkeypatch.setattr(submission, "write_beside", lambda r: writes.append(r) or write(r))

    async def a_loop_of_steps():  # as in a kernel: an event loop runs
        pg, check = question_two()
        for _ in range(50):
            pg.step(1)
        held = len(writes)
        await asyncio.sleep(0.5)
        return pg, held

    pg, held = asyncio.run(a_loop_of_steps())
    assert held <= 3  # not one write per step
    assert writes[-1]["playground"]["epoch"] == pg.epoch == 50
    assert json.loads((in_tmp / "q2.nnwidgets.json").read_text())["playground"]["epoch"] == 50
