"""The ClassOverview in a real JupyterLab: a class of submissions (nbgrader's layout, record
files, one broken) draws a cell per student, sorts, and a cell's Open button makes the student's
Playground."""

import sys
from pathlib import Path

import pytest
from lab import ARTIFACTS, kernel, wait_until, write_notebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "widgets"))
from fake_class import write_class, write_submission  # noqa: E402

import nnwidgets as nw  # noqa: E402
from nnwidgets.widgets import submission  # noqa: E402

STUDENTS = 13  # 11 with random weights, 2 trained
CELLS = [
    "import nnwidgets as nw",
    "overview = nw.ClassOverview('class_q3', question='q3', target={'test_accuracy': 0.5},\n"
    "                            limits={'neurons': 12})\n"
    "overview",
]


@pytest.fixture(scope="module")
def overview_notebook(jupyter_lab):
    root = Path(jupyter_lab.root_dir) / "class_q3"
    write_class(root, STUDENTS - 2, seed=3)
    for name, settings in {
        "ada": dict(dataset="xor", features=["x1", "x2", "x1*x2"], hidden=[3]),
        "ben": dict(dataset="circle", features=["x1^2", "x2^2"], hidden=[2], noise=10),
    }.items():
        pg = nw.Playground(seed=1, **settings)
        pg.step(150)
        state = pg.to_dict() | {"history": [[pg.epoch, None, None, None, None]]}
        write_submission(root, name, submission.make_record("q3", state), as_notebook=True)
    (root / "zoe").mkdir()
    (root / "zoe" / "q3.nnwidgets.json").write_text('{"format": "nnwidgets.Submission", "vers')
    return write_notebook(jupyter_lab.root_dir, "e2e_class_overview.ipynb", CELLS)


def test_class_overview_draws_sorts_and_opens(overview_notebook, open_notebook):
    lab = open_notebook(overview_notebook, timeout=120)
    page = lab.page
    view = page.locator(".nnw-v-class").first
    view.locator("xpath=self::*[@data-done='true']").wait_for(timeout=30_000)
    view.scroll_into_view_if_needed()
    cells = view.locator(".nnw-v-class-cell")
    assert cells.count() == STUDENTS + 1
    assert view.locator(".nnw-v-pending").count() == 0
    passed = kernel(lab, "sum(row['passed'] for row in overview.results())")
    assert 0 < passed < STUDENTS
    assert view.locator(".nnw-v-passed").count() == passed
    assert (
        view.locator(".nnw-v-title")
        .inner_text()
        .startswith(f"Class overview, q3: {passed} of {STUDENTS + 1} students passed")
    )
    # Every usable cell painted its map; zoe's broken file left hers blank, with the reason.
    blank = view.locator('[data-name="student000"] canvas').evaluate(
        "(c) => { const e = document.createElement('canvas'); e.width = c.width;"
        " e.height = c.height; return e.toDataURL(); }"
    )
    for name in ("ada", "student000", "student005", "student010"):
        canvas = view.locator(f'[data-name="{name}"] canvas')
        assert canvas.evaluate("(c) => c.toDataURL()") != blank, name
    zoe = view.locator('[data-name="zoe"]')
    assert zoe.locator("canvas").evaluate("(c) => c.toDataURL()") == blank
    assert "not a readable record" in zoe.locator(".nnw-v-class-mark").get_attribute("title")
    assert zoe.get_by_role("button", name="Open").is_hidden()
    problems = view.locator(".nnw-v-class-problems")
    problems.locator("summary").click()
    assert "zoe: zoe/q3.nnwidgets.json: not a readable record" in problems.inner_text()

    # Sorting by test loss puts the cells in the order Python sorts them.
    view.locator("select").select_option("test_loss")
    expected = [row["name"] for row in kernel(lab, "overview.results('test_loss')")]
    wait_until(
        lambda: [c.get_attribute("data-name") for c in cells.all()] == expected,
        "the cells sorted by test loss",
    )
    view.screenshot(path=ARTIFACTS / "class-overview.png")

    first = expected[0]
    view.locator(f'[data-name="{first}"]').get_by_role("button", name="Open").click()
    wait_until(lambda: kernel(lab, "overview.opened is not None"), "the opened Playground")
    row = kernel(lab, "overview.results('test_loss')[0]")
    assert kernel(lab, "overview.opened.hidden") == row["hidden"]
    assert kernel(lab, "overview.opened.test_loss") == pytest.approx(row["test_loss"], rel=1e-5)
    assert lab.console_errors == []
