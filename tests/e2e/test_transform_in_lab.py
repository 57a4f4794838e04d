"""The TransformView in a real JupyterLab: the stage slider moves the grid, Play animates through
the stages, dragging turns a 3-D stage, it follows a Playground, and no console errors."""

import pytest
from accessibility import assert_accessible
from lab import ARTIFACTS, kernel, pixels, wait_until, write_notebook

SETUP = """\
import numpy as np
import nnwidgets as nw
from nnwidgets import Sequential, layers

nw.set_random_seed(3)
rng = np.random.default_rng(0)
X = rng.uniform(-1, 1, (500, 2))
y = (np.hypot(X[:, 0], X[:, 1]) < 0.6).astype(int)
net = Sequential([layers.Input((2,)), layers.Dense(3, activation="relu"),
                  layers.Dense(2, activation="sigmoid")])
flat = Sequential([layers.Input((2,)), layers.Dense(2, activation="relu"),
                   layers.Dense(1, activation="sigmoid")])
"""

CELLS = [
    SETUP,
    "tv = nw.TransformView(net, X, y)\ntv",
    "tv2 = nw.TransformView(flat, X, y)\ntv2",
    "pg = nw.Playground(seed=1, hidden=[3, 2])\ndisplay(pg)\ntvp = nw.TransformView(pg)\ntvp",
]


@pytest.fixture(scope="module")
def transform_notebook(jupyter_lab):
    name = write_notebook(jupyter_lab.root_dir, "e2e_transform.ipynb", CELLS)
    return name


@pytest.fixture
def lab(transform_notebook, open_notebook):
    lab = open_notebook(transform_notebook, timeout=120)
    lab.page.locator(".nnw-v-transform").nth(2).wait_for()
    return lab


def test_the_stage_slider_moves_the_grid_and_play_animates(lab):
    view = lab.page.locator(".nnw-v-transform").nth(1)  # 2-2-1: every stage 2-D or 1-D
    view.scroll_into_view_if_needed()
    canvas = view.locator("canvas")
    slider = view.get_by_role("slider", name="Stage")
    assert slider.get_attribute("max") == "6"
    wait_until(lambda: view.get_attribute("data-drawn") not in (None, "0"), "a first drawing")
    view.screenshot(path=ARTIFACTS / "transform-2d-input.png")
    assert_accessible(lab.page, ".nnw-v-transform")
    start = pixels(canvas)
    slider.fill("1")  # W·x: the grid sheared and rotated
    wait_until(lambda: view.get_attribute("data-position") == "1.000", "stage 1 to be reached")
    assert pixels(canvas) != start
    wait_until(lambda: kernel(lab, "tv2.stage") == 1, "the kernel to hear of stage 1")
    view.screenshot(path=ARTIFACTS / "transform-2d-linear.png")
    slider.fill("3")  # relu: folded onto the axes
    wait_until(lambda: view.get_attribute("data-position") == "3.000", "stage 3 to be reached")
    view.screenshot(path=ARTIFACTS / "transform-2d-relu.png")
    assert "relu" in view.locator(".nnw-v-title").inner_text()
    slider.fill("0")
    wait_until(lambda: view.get_attribute("data-position") == "0.000", "back at the input")
    wait_until(lambda: pixels(canvas) == start, "the input drawn as before")
    # Play animates through every stage, in between ones included.
    play = view.get_by_role("button", name="Play")
    play.click()
    assert view.get_by_role("button", name="Pause").is_visible()
    seen = set()
    wait_until(
        lambda: seen.add(view.get_attribute("data-position")) or len(seen) > 10,
        "the animation to pass through intermediate positions",
    )
    assert any(not p.endswith(".000") for p in seen), seen
    assert lab.console_errors == []


def test_dragging_turns_the_3d_stage(lab):
    page = lab.page
    view = page.locator(".nnw-v-transform").first  # 2-3-2
    view.scroll_into_view_if_needed()
    canvas = view.locator("canvas")
    slider = view.get_by_role("slider", name="Stage")
    slider.fill("3")  # layer 1: relu, in 3-D
    wait_until(lambda: view.get_attribute("data-position") == "3.000", "the relu stage")
    view.screenshot(path=ARTIFACTS / "transform-3d-relu.png")
    before = pixels(canvas)
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 90, box["y"] + box["height"] / 2 + 25, steps=6)
    page.mouse.up()
    wait_until(lambda: pixels(canvas) != before, "the 3-D view to turn")
    view.screenshot(path=ARTIFACTS / "transform-3d-turned.png")
    assert lab.console_errors == []


def test_it_follows_a_playground_while_it_trains(lab):
    view = lab.page.locator(".nnw-v-transform").nth(2)
    view.scroll_into_view_if_needed()
    last = kernel(lab, "tvp._frame")
    slider = view.get_by_role("slider", name="Stage")
    slider.fill("6")  # layer 2: tanh, with the output's decision line
    wait_until(lambda: view.get_attribute("data-position") == "6.000", "the last hidden stage")
    canvas = view.locator("canvas")
    before = pixels(canvas)
    lab.run("pg.step(300)")
    wait_until(lambda: kernel(lab, "tvp._frame") > last, "the view to follow the playground")
    wait_until(lambda: pixels(canvas) != before, "the trained network to be drawn")
    view.screenshot(path=ARTIFACTS / "transform-playground-trained.png")
    assert lab.console_errors == []
