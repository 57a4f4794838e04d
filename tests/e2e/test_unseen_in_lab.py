"""Play, then hide the Playground (its output collapsed, the browser tab hidden, or its output
cleared): training goes on without frames, and drawing resumes as soon as it shows again."""

import time

import pytest
from lab import HIDE_TAB, SHOW_TAB, kernel, open_playground, wait_until

pytestmark = pytest.mark.e2e

CELLS = ["import nnwidgets as nw\npg = nw.Playground(dataset='spiral', seed=0)", "pg"]
# Runs the cell that shows `pg` again, after its output was cleared: a new view.
SHOW_AGAIN = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    notebook.activeCellIndex = 1;
    return window.jupyterapp.commands.execute("notebook:run-cell");
}"""


def frames_and_epochs(lab):
    return kernel(lab, "[pg._frame, pg.epoch]")


def assert_trains_unseen_then_draws(lab, hide, show):
    hide()
    time.sleep(0.5)  # the message arrives and the chunk under way ends
    frame, epoch = frames_and_epochs(lab)
    time.sleep(1.5)
    frame_later, epoch_later = frames_and_epochs(lab)
    assert frame_later == frame, "frames were made while nothing could be seen"
    assert epoch_later > epoch + 100, "training stopped while unseen"
    print(f"unseen: {(epoch_later - epoch) / 1.5:,.0f} epochs/s without frames")
    show()
    wait_until(lambda: frames_and_epochs(lab)[0] > frame_later, "a frame once seen again", 5)


def test_a_collapsed_cleared_or_hidden_output_trains_without_frames(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, CELLS, "e2e_unseen.ipynb")
    root = lab.root
    root.get_by_role("button", name="Play").click()
    wait_until(lambda: kernel(lab, "pg.epoch") > 100, "training to start")
    collapse = "() => window.jupyterapp.commands.execute('notebook:hide-all-cell-outputs')"
    expand = "() => window.jupyterapp.commands.execute('notebook:show-all-cell-outputs')"
    assert_trains_unseen_then_draws(
        lab, lambda: lab.page.evaluate(collapse), lambda: lab.page.evaluate(expand)
    )
    root.scroll_into_view_if_needed()
    assert_trains_unseen_then_draws(
        lab, lambda: lab.page.evaluate(HIDE_TAB), lambda: lab.page.evaluate(SHOW_TAB)
    )
    before = root.get_attribute("data-frame")
    wait_until(lambda: root.get_attribute("data-frame") != before, "the view to draw again", 5)
    lab.screenshot("unseen-drawing-again")
    # Cleared, the only view is gone: nothing can see a frame until the widget is shown again.
    clear = "() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')"
    assert_trains_unseen_then_draws(
        lab, lambda: lab.page.evaluate(clear), lambda: lab.page.evaluate(SHOW_AGAIN)
    )
    shown = lab.page.locator(".nnw-pg").first
    before = shown.get_attribute("data-frame")
    wait_until(lambda: shown.get_attribute("data-frame") != before, "the new view to draw", 5)
    lab.screenshot("unseen-shown-again")
    shown.get_by_role("button", name="Pause").click()
    assert lab.console_errors == []
