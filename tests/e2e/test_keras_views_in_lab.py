"""Views fed by a real Keras 3 model in JupyterLab: LivePlot, ActivationView and NetworkDiagram
as callbacks of Keras' own fit draw every epoch, with no console errors."""

import importlib.util

import pytest
from accessibility import assert_accessible
from lab import ARTIFACTS, kernel, wait_until, write_notebook

if importlib.util.find_spec("keras") is None:
    pytest.skip("keras (the test extra) is not installed", allow_module_level=True)

SETUP = """\
import os
os.environ["KERAS_BACKEND"] = "jax"
import numpy as np
import keras
from keras import layers
import nnwidgets as nw

keras.utils.set_random_seed(0)
X, y = nw.datasets.banknotes()
X = ((X - X.mean(0)) / X.std(0)).astype("float32")
order = np.random.default_rng(0).permutation(len(X))
X, y = X[order], y[order]
model = keras.Sequential([keras.Input((4,)), layers.Dense(6, activation="relu"),
                          layers.Dense(2, activation="tanh", name="hidden"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
"""

CELLS = [
    SETUP,
    "plot = nw.LivePlot()\nplot",
    "act = nw.ActivationView(model, X[960:], y[960:], layer='hidden')\nact",
    "diagram = nw.NetworkDiagram(model)\ndiagram",
    "history = model.fit(X[:960], y[:960], epochs=15, validation_split=0.25, verbose=0, "
    "callbacks=[plot, act, diagram])",
]


@pytest.fixture(scope="module")
def keras_notebook(jupyter_lab):
    return write_notebook(jupyter_lab.root_dir, "e2e_keras_views.ipynb", CELLS)


def test_views_follow_keras_fit_in_lab(keras_notebook, open_notebook):
    lab = open_notebook(keras_notebook, timeout=180)
    page = lab.page
    live = page.locator(".nnw-v-live")
    wait_until(
        lambda: (
            live.get_attribute("data-rows") == "15"
            and live.get_attribute("data-running") == "false"
        ),
        "LivePlot to draw Keras' 15 epochs",
    )
    assert "Epoch 15/15" in live.locator(".nnw-v-progress-text").text_content()
    assert live.locator(".nnw-v-chart-title").all_text_contents() == ["loss", "accuracy"]
    assert kernel(lab, "plot.history['val_loss'] == history.history['val_loss']") is True
    assert kernel(lab, "[act.epochs, act.epoch, act.layer_name]") == [15, 15, "hidden"]
    live.scroll_into_view_if_needed()
    live.screenshot(path=ARTIFACTS / "keras-live-plot.png")
    for selector, name in ((".nnw-v-activation", "activation"), (".nnw-v-diagram", "diagram")):
        view = page.locator(selector).first
        view.scroll_into_view_if_needed()
        box = view.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, selector
        assert_accessible(page, selector)
        view.screenshot(path=ARTIFACTS / f"keras-{name}.png")
    assert lab.console_errors == []
