"""The Playground in a real JupyterLab: what a person clicks and sees, checked in the kernel."""

import time

import pytest
from accessibility import assert_accessible
from lab import kernel, open_playground, pixels

ONE_VIEW = ["import nnwidgets as nw\npg = nw.Playground(seed=1)\npg"]
TWO_VIEWS = [*ONE_VIEW, "pg.step(123)\npg"]


@pytest.fixture
def playground(jupyter_lab, open_notebook):
    return open_playground(jupyter_lab, open_notebook, ONE_VIEW)


def wait_for_kernel(lab, expression, timeout=20):
    deadline = time.monotonic() + timeout
    while not kernel(lab, expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"{expression} stayed false for {timeout} s")
        time.sleep(0.1)


def output_pixels(lab) -> str:
    """The output heatmap's pixels, as a data URL to compare."""
    return pixels(lab.root.locator(".nnw-pg-output canvas").first)


def test_play_trains_and_the_output_changes_then_pause_holds(playground):
    lab = playground
    play = lab.root.get_by_role("button", name="Play")
    before = output_pixels(lab)
    play.click()
    lab.root.get_by_role("button", name="Pause").wait_for()
    wait_for_kernel(lab, "pg.epoch > 200")
    deadline = time.monotonic() + 10
    while output_pixels(lab) == before:
        assert time.monotonic() < deadline, "the output view never changed while training"
        time.sleep(0.1)
    lab.screenshot("playground-playing")
    assert_accessible(lab.page, ".nnw-pg")
    lab.root.get_by_role("button", name="Pause").click()
    lab.root.get_by_role("button", name="Play").wait_for()
    wait_for_kernel(lab, "not pg.playing")
    held = kernel(lab, "pg.epoch")
    time.sleep(0.5)
    assert kernel(lab, "pg.epoch") == held
    # The counter shows the kernel's epoch.
    lab.page.wait_for_timeout(200)
    assert f"{held:,}" in lab.root.locator(".nnw-pg-epoch").inner_text().replace("\n", " ")
    assert lab.console_errors == []


def test_controls_reach_the_kernel(playground):
    lab = playground
    lab.root.get_by_label("Learning rate").select_option("0.3")
    wait_for_kernel(lab, "pg.learning_rate == 0.3")
    lab.root.get_by_role("button", name="xor", exact=True).click()
    wait_for_kernel(lab, "pg.dataset == 'xor'")
    lab.root.get_by_role("button", name="x1^2", exact=True).click()
    wait_for_kernel(lab, "pg.features == ['x1', 'x2', 'x1^2']")
    lab.root.get_by_role("checkbox", name="Show test data").check()
    wait_for_kernel(lab, "pg.show_test_data")
    # A locked control is disabled; forced anyway, the kernel refuses it and it snaps back.
    lab.run("pg.lock('activation')")
    activation = lab.root.get_by_label("Activation")
    activation.wait_for()
    assert activation.is_disabled()
    activation.evaluate("(select) => { select.disabled = false; }")
    activation.select_option("relu")
    deadline = time.monotonic() + 10
    while activation.input_value() != "tanh":
        assert time.monotonic() < deadline, "the refused control did not snap back"
        time.sleep(0.1)
    assert kernel(lab, "pg.activation") == "tanh"
    assert lab.console_errors == []


def test_the_diagram_adds_layers_and_neurons_and_training_goes_on(playground):
    lab = playground
    shapes = "[list(W.shape) for W, b in pg.weights]"
    lab.root.get_by_role("button", name="Add a hidden layer").click()
    wait_for_kernel(lab, f"len({shapes}) == 4")
    lab.root.get_by_role("button", name="Add a neuron to hidden layer 1").click()
    wait_for_kernel(lab, f"{shapes}[0] == [2, 5]")
    assert kernel(lab, "pg.hidden") == [5, 2, 2]
    lab.root.get_by_role("button", name="Play").click()
    wait_for_kernel(lab, "pg.epoch > 100")
    lab.root.get_by_role("button", name="Pause").click()
    lab.screenshot("playground-bigger")
    assert lab.console_errors == []


def test_hovering_a_link_shows_its_weight_and_clicking_edits_it(playground):
    lab = playground
    weight = kernel(lab, "float(pg.weights[0][0][0, 0])")
    link = lab.root.get_by_label("Weight from x1 to 1:0")
    link.hover(force=True)
    tooltip = lab.root.get_by_role("tooltip")
    tooltip.wait_for()
    assert str(float(f"{weight:.3g}")) in tooltip.inner_text()
    link.click(force=True)
    editor = lab.root.get_by_role("spinbutton", name="Weight")
    editor.fill("1.5")
    editor.press("Enter")
    wait_for_kernel(lab, "float(pg.weights[0][0][0, 0]) == 1.5")
    assert lab.console_errors == []


def test_two_views_stay_in_sync_and_a_reload_restores_the_widget(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, TWO_VIEWS)
    roots = lab.page.locator(".nnw-pg")
    roots.nth(1).wait_for()
    roots.first.get_by_label("Learning rate").select_option("0.1")
    second = roots.nth(1).get_by_label("Learning rate")
    deadline = time.monotonic() + 10
    while second.input_value() != "0.1":
        assert time.monotonic() < deadline, "the second view did not follow the first"
        time.sleep(0.1)
    # Saved, as JupyterLab's autosave would; the views come back from the running kernel.
    lab.page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    lab.page.wait_for_timeout(1000)
    lab.page.reload()
    lab.page.wait_for_function("() => window.jupyterapp !== undefined")
    restored = lab.page.locator(".nnw-pg").first
    restored.wait_for(timeout=60_000)
    deadline = time.monotonic() + 20
    while "123" not in restored.locator(".nnw-pg-epoch").inner_text():
        assert time.monotonic() < deadline, "the reloaded page did not show the trained epoch"
        time.sleep(0.2)
    assert restored.get_by_label("Learning rate").input_value() == "0.1"
    assert lab.console_errors == []
