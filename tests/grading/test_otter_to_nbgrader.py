"""The Otter master as an nbgrader source: the same setup, solutions and checks, marked in cell
metadata instead of boundary cells, and nothing it cannot translate handed out half-stripped."""

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_raw_cell

from nnwidgets.otter_to_nbgrader import UnsupportedMaster, convert, main

MASTER = Path(__file__).resolve().parents[2] / "notebooks" / "06_exercise_sheet_hidden_layers.ipynb"


def marked(notebook, key):
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get(key)]


def test_the_sheet_keeps_its_questions_with_nbgrader_marks(tmp_path):
    out = tmp_path / "source" / "sheet.ipynb"
    main([str(MASTER), str(out)])
    notebook = nbformat.read(out, as_version=4)
    nbformat.validate(notebook)
    assert not [c for c in notebook.cells if c.cell_type == "raw"]  # boundaries and config gone
    tests = marked(notebook, "grade")
    assert [c.source for c in tests] == [
        f"result = check{n}.check()\nassert result.passed, result.reason" for n in (1, 2, 3)
    ]
    assert [c.metadata.nbgrader["points"] for c in tests] == [1, 1, 1]
    answers = marked(notebook, "solution")
    assert len(answers) == 3
    assert answers[1].source.splitlines()[1:] == [
        "### BEGIN SOLUTION",
        "q2.hidden = [4]",
        "q2.step(1500)",
        "### END SOLUTION",
    ]
    setups = [c for c in marked(notebook, "locked") if not c.metadata.nbgrader["grade"]]
    assert [c.source.split(" =")[0] for c in setups] == ["q1", "q2", "q3"]
    ids = [c.metadata.nbgrader["grade_id"] for c in notebook.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids)) == 9


def question(solution: str, test: str = "assert True"):
    return new_notebook(
        cells=[
            new_raw_cell("# BEGIN QUESTION\nname: q1\npoints: 2"),
            new_raw_cell("# BEGIN SOLUTION"),
            new_code_cell(solution),
            new_raw_cell("# END SOLUTION"),
            new_raw_cell("# BEGIN TESTS"),
            new_code_cell(test),
            new_code_cell(test),
            new_raw_cell("# END TESTS"),
            new_raw_cell("# END QUESTION"),
        ]
    )


def test_a_question_s_points_are_shared_by_its_tests():
    tests = marked(convert(question("x = 1  # SOLUTION NO PROMPT")), "grade")
    assert [c.metadata.nbgrader["points"] for c in tests] == [1, 1]


@pytest.mark.parametrize(
    ("solution", "test"),
    [
        ("x = 1  # SOLUTION", "assert True"),  # a prompt Otter would write: not carried over
        ("x = 1  # SOLUTION NO PROMPT", "# HIDDEN\nassert x == 1"),
        (
            "x = 1  # SOLUTION NO PROMPT",
            '""" # BEGIN TEST CONFIG\npoints: 1\n""" # END TEST CONFIG',
        ),
    ],
)
def test_what_is_not_translated_is_refused(solution, test):
    with pytest.raises(UnsupportedMaster):
        convert(question(solution, test))
