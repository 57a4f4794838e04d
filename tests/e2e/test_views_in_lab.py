"""The four views in a real JupyterLab: each renders, the ActivationView's slider and 3-D drag
change what is drawn, LivePlot grows while `fit` runs, and no console errors."""

import time

import pytest
from accessibility import assert_accessible
from lab import ARTIFACTS, kernel, pixels, wait_until, write_notebook

SETUP = """\
import time
import numpy as np
import nnwidgets as nw
from nnwidgets import Sequential, layers

nw.set_random_seed(0)
X, y = nw.datasets.banknotes()
X = (X - X.mean(0)) / X.std(0)
order = np.random.default_rng(0).permutation(len(X))
X, y = X[order], y[order]
X_train, y_train, X_test, y_test = X[:960], y[:960], X[960:], y[960:]

def banknote_model(*hidden):
    model = Sequential([layers.Input((4,)), *[layers.Dense(h, activation="relu") for h in hidden],
                        layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model

class Slow(nw.Callback):
    # Epochs of this tiny model take milliseconds; a pause lets the browser see each one.
    def on_epoch_end(self, epoch, logs=None):
        time.sleep(0.15)

model = banknote_model(2)
model3 = banknote_model(3, 2)
digits = Sequential([layers.Input((28, 28)), layers.Flatten(),
                     layers.Dense(256, activation="relu"), layers.Dense(10, activation="softmax")])
"""

CELLS = [
    SETUP,
    "plot = nw.LivePlot()\nplot",
    "act = nw.ActivationView(model, X_test, y_test, layer=0, X_test=X_test, y_test=y_test)\nact",
    "act3 = nw.ActivationView(model3, X_test, y_test, layer=0)\nact3",
    "diagram = nw.NetworkDiagram(model)\ndiagram",
    "wide = nw.NetworkDiagram(digits)\nwide",
    "images = nw.WeightImages(digits, layer=0, shape=(28, 28))\nimages",
    "pg = nw.Playground(seed=1)\ndisplay(pg)\npg_diagram = nw.NetworkDiagram(pg)\npg_diagram",
]


@pytest.fixture(scope="module")
def views_notebook(jupyter_lab):
    name = write_notebook(jupyter_lab.root_dir, "e2e_views.ipynb", CELLS)
    return name


@pytest.fixture
def lab(views_notebook, open_notebook):
    lab = open_notebook(views_notebook, timeout=120)
    lab.page.locator(".nnw-v-weights").first.wait_for()
    return lab


def start(lab, code):
    """Runs code in the kernel without waiting for it to finish."""
    lab.page.evaluate(
        """([path, code]) => {
            const panel = Array.from(window.jupyterapp.shell.widgets("main")).find(
                (widget) => widget.context?.path === path);
            panel.sessionContext.session.kernel.requestExecute({ code, store_history: false });
        }""",
        [lab.name, code],
    )


def test_every_view_renders_and_live_plot_grows_during_fit(lab):
    page = lab.page
    live = page.locator(".nnw-v-live")
    assert live.get_by_text("Waiting for fit").is_visible()
    start(lab, "model.fit(X_train, y_train, epochs=20, validation_split=0.3, verbose=0, "
               "callbacks=[plot, act, diagram, Slow()])")  # fmt: skip
    seen = set()
    deadline = time.monotonic() + 60
    while live.get_attribute("data-rows") != "20" or live.get_attribute("data-running") != "false":
        assert time.monotonic() < deadline, f"the fit never finished drawing (saw {seen})"
        seen.add(int(live.get_attribute("data-rows") or 0))
        time.sleep(0.05)
    growing = sorted(n for n in seen if 0 < n < 20)
    assert len(growing) >= 3, f"LivePlot did not grow during the fit: rows seen {sorted(seen)}"
    live.scroll_into_view_if_needed()
    assert "Epoch 20/20" in live.locator(".nnw-v-progress-text").text_content()
    titles = live.locator(".nnw-v-chart-title").all_text_contents()
    assert titles == ["loss", "accuracy"]
    assert kernel(lab, "act.epochs") == 20
    live.scroll_into_view_if_needed()
    lab.screenshot("views-live-plot", full_page=False)
    for selector in (".nnw-v-activation", ".nnw-v-diagram", ".nnw-v-weights"):
        view = page.locator(selector).first
        view.scroll_into_view_if_needed()
        box = view.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, selector
    for selector in (".nnw-v-live", ".nnw-v-activation", ".nnw-v-diagram", ".nnw-v-weights"):
        assert_accessible(page, selector)
    page.locator(".nnw-v-activation").first.screenshot(path=ARTIFACTS / "views-activation-2d.png")
    diagrams = page.locator(".nnw-v-diagram")
    diagrams.nth(0).screenshot(path=ARTIFACTS / "views-diagram.png")
    diagrams.nth(1).screenshot(path=ARTIFACTS / "views-diagram-wide.png")
    assert "773 more" not in diagrams.nth(1).inner_text()  # drawn on canvas, not text
    page.locator(".nnw-v-weights").first.screenshot(path=ARTIFACTS / "views-weights.png")
    # JupyterLab's dark theme: the views follow it.
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{ theme: 'JupyterLab Dark' })"
    )
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    page.wait_for_timeout(500)
    live.scroll_into_view_if_needed()
    live.screenshot(path=ARTIFACTS / "views-live-plot-dark.png")
    diagrams.nth(0).scroll_into_view_if_needed()
    diagrams.nth(0).screenshot(path=ARTIFACTS / "views-diagram-dark.png")
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{ theme: 'JupyterLab Light' })"
    )
    assert lab.console_errors == []


def test_activation_slider_replays_epochs_and_the_3d_view_turns(lab):
    page = lab.page
    lab.run("model.fit(X_train, y_train, epochs=8, verbose=0, callbacks=[act, act3])", timeout=120)
    view = page.locator(".nnw-v-activation").first
    view.scroll_into_view_if_needed()
    canvas = view.locator("canvas")
    slider = view.get_by_role("slider", name="Epoch")
    wait_until(lambda: slider.get_attribute("max") == "8", "the slider to reach epoch 8")
    last = pixels(canvas)
    slider.fill("1")
    wait_until(lambda: kernel(lab, "act.epoch") == 1, "the kernel to show epoch 1")
    wait_until(lambda: pixels(canvas) != last, "the points of epoch 1 to be drawn")
    assert "epoch 1" in view.locator(".nnw-v-title").inner_text()
    # Replaying the last epoch draws it exactly as before.
    slider.fill("8")
    wait_until(lambda: pixels(canvas) == last, "epoch 8 to be drawn again")

    cube = page.locator(".nnw-v-activation").nth(1)
    cube.scroll_into_view_if_needed()
    cube_canvas = cube.locator("canvas")
    before = pixels(cube_canvas)
    box = cube_canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + box["height"] / 2 + 20, steps=6)
    page.mouse.up()
    wait_until(lambda: pixels(cube_canvas) != before, "the 3-D view to turn")
    cube.screenshot(path=ARTIFACTS / "views-activation-3d.png")
    # The arrow keys turn it too.
    turned = pixels(cube_canvas)
    cube_canvas.focus()
    page.keyboard.press("ArrowLeft")
    wait_until(lambda: pixels(cube_canvas) != turned, "the 3-D view to turn by key")
    assert lab.console_errors == []


def test_network_diagram_follows_a_playground(lab):
    page = lab.page
    view = page.locator(".nnw-v-diagram").nth(2)
    view.scroll_into_view_if_needed()
    frame = view.get_attribute("data-frame")
    lab.run("pg.step(50)")
    wait_until(
        lambda: view.get_attribute("data-frame") != frame, "the diagram to follow the playground"
    )
    lab.run("pg.hidden = [3]")
    label = view.locator("canvas")
    wait_until(lambda: "2–3–1 units" in label.get_attribute("aria-label"), "the new shape")
    view.screenshot(path=ARTIFACTS / "views-diagram-playground.png")
    assert lab.console_errors == []
