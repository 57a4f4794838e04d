"""The Playground for keyboard and screen-reader users in a real JupyterLab: axe-core's WCAG 2.1
A/AA rules, Tab and Enter through the controls to Play and a neuron, texts that follow
training, and no flowing dashes when the reader asks for reduced motion."""

import time

from accessibility import assert_accessible
from lab import ARTIFACTS, open_playground
from test_playground_in_lab import wait_for_kernel

CELLS = ["import nnwidgets as nw\npg = nw.Playground(seed=1)\npg"]

FOCUSED = "() => document.activeElement?.getAttribute('aria-label') ?? ''"


def test_axe_and_the_keyboard_reach_play_and_a_neuron(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, CELLS)
    page = lab.page
    assert_accessible(page, ".nnw-pg")
    output = lab.root.locator("canvas.nnw-pg-heatmap-map")
    assert output.get_attribute("role") == "img"
    assert output.get_attribute("aria-label").startswith("Output: ")

    # Into the widget from the cell above it, then Tab to Play; Enter plays, Space pauses.
    lab.root.get_by_role("button", name="Reset").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "Play"
    page.keyboard.press("Enter")
    wait_for_kernel(lab, "pg.playing and pg.epoch > 100")
    region = lab.root.locator(".nnw-pg-announcer")
    assert region.get_attribute("aria-live") == "polite"
    deadline = time.monotonic() + 10
    while not region.text_content().startswith("Epoch "):
        assert time.monotonic() < deadline, "the live region said nothing while training"
        time.sleep(0.1)
    assert page.evaluate(FOCUSED) == "Pause"
    page.keyboard.press("Space")
    wait_for_kernel(lab, "not pg.playing")
    page.wait_for_timeout(300)
    assert region.text_content().startswith("Paused. Epoch ")
    assert " at epoch " in output.get_attribute("aria-label")
    lab.root.screenshot(path=ARTIFACTS / "playground-focus-pause.png")

    # On through the menus, data and features to the first neuron: focus shows its map.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.dataset?.neuron ?? null"):
            break
    assert page.evaluate(FOCUSED) == "Neuron 1 of hidden layer 1"
    wait_for_kernel(lab, "pg._output_neuron == '1:0'")
    lab.root.locator(".nnw-pg-shown-neuron").get_by_text("neuron 1 of hidden layer 1").wait_for()
    lab.root.screenshot(path=ARTIFACTS / "playground-focus-neuron.png")
    # Enter edits its bias; Escape gives the focus back to the neuron.
    page.keyboard.press("Enter")
    editor = lab.root.get_by_role("spinbutton", name="Bias")
    editor.wait_for()
    assert page.evaluate(FOCUSED) == "Bias"
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED) == "Neuron 1 of hidden layer 1"
    assert lab.console_errors == []


def dash_offsets(lab, seconds: float) -> set[str]:
    """The links' dash offsets seen over `seconds` of training."""
    group = lab.root.locator(".nnw-pg-link-group")
    seen = set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen.add(group.evaluate("(g) => g.style.strokeDashoffset"))
        time.sleep(0.05)
    return seen


def test_reduced_motion_stops_the_flowing_dashes(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, CELLS)
    lab.page.emulate_media(reduced_motion="reduce")
    lab.root.get_by_role("button", name="Play").click()
    wait_for_kernel(lab, "pg.playing and pg.epoch > 50")
    assert len(dash_offsets(lab, 1.5)) == 1
    # The same page without the preference: the dashes flow, so the check above can fail.
    lab.page.emulate_media(reduced_motion="no-preference")
    assert len(dash_offsets(lab, 1.5)) > 1
    lab.root.get_by_role("button", name="Pause").click()
    assert lab.console_errors == []
