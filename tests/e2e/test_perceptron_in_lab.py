"""The Perceptron and the ActivationGallery in a real JupyterLab: a slider moves the boundary and
recolours points, the select changes the curve, a drag moves the probe, and no console errors."""

import pytest
from accessibility import assert_accessible
from lab import ARTIFACTS, kernel, pixels, wait_until, write_notebook

CELLS = [
    "import nnwidgets as nw\np1 = nw.Perceptron()\np1",
    "p2 = nw.Perceptron(inputs=2, activation='sigmoid')\np2",
    "gallery = nw.ActivationGallery(highlight='relu')\ngallery",
]


@pytest.fixture
def lab(jupyter_lab, open_notebook):
    name = write_notebook(jupyter_lab.root_dir, "e2e_perceptron.ipynb", CELLS)
    lab = open_notebook(name, timeout=90)
    lab.page.locator(".nnw-v-gallery").first.wait_for()
    return lab


def set_slider(slider, value: float) -> None:
    # fill() sets the value and fires input, as a drag would.
    slider.fill(str(value))


def test_one_input_slider_moves_the_threshold_and_recolours_points(lab):
    view = lab.page.locator(".nnw-v-perceptron").nth(0)
    view.scroll_into_view_if_needed()
    line = view.locator("canvas.nnw-v-perceptron-main")
    assert view.locator(".nnw-v-formula").inner_text() == "y = step(0.50·x − 10.0)"
    assert view.get_attribute("data-correct") == "24"
    view.screenshot(path=ARTIFACTS / "perceptron-1d.png")
    before = pixels(line)
    bias = view.get_by_role("slider", name="bias")
    set_slider(bias, -13)
    wait_until(lambda: kernel(lab, "p1.bias") == -13.0, "the kernel to get the bias")
    assert kernel(lab, "p1.threshold") == 26.0
    wait_until(lambda: pixels(line) != before, "the threshold to move")
    assert view.locator(".nnw-v-formula").inner_text() == "y = step(0.50·x − 13.0)"
    # Days between 20 and 26 °C are now predicted cold: some points changed colour.
    wrong = kernel(lab, "int((p1.predict() != p1.y).sum())")
    assert wrong > 0
    assert view.get_attribute("data-correct") == str(24 - wrong)
    view.screenshot(path=ARTIFACTS / "perceptron-1d-moved.png")
    # The kernel's change reaches the sliders too.
    lab.run("p1.weights = [-0.5]")
    weight = view.get_by_role("slider", name="w1")
    wait_until(lambda: weight.input_value() == "-0.5", "the w1 slider to follow the kernel")
    assert lab.console_errors == []


def test_two_input_slider_moves_the_line_and_the_select_changes_the_curve(lab):
    view = lab.page.locator(".nnw-v-perceptron").nth(1)
    view.scroll_into_view_if_needed()
    plane = view.locator("canvas.nnw-v-perceptron-main")
    curve = view.locator("canvas.nnw-v-perceptron-curve")
    wait_until(lambda: view.get_attribute("data-drawn") is not None, "the plane to be drawn")
    view.screenshot(path=ARTIFACTS / "perceptron-2d.png")
    correct = view.get_attribute("data-correct")
    before = pixels(plane)
    # A point on the boundary's far side: make it change class with the bias.
    set_slider(view.get_by_role("slider", name="bias"), 3)
    wait_until(lambda: kernel(lab, "p2.bias") == 3.0, "the kernel to get the bias")
    wait_until(lambda: pixels(plane) != before, "the boundary to move")
    assert view.get_attribute("data-correct") != correct
    assert kernel(lab, "int((p2.predict() == p2.y).sum())") == int(
        view.get_attribute("data-correct")
    )
    assert "+ 3.0)" in view.locator(".nnw-v-formula").inner_text()
    set_slider(view.get_by_role("slider", name="w2"), -0.5)
    wait_until(lambda: kernel(lab, "p2.weights") == [1.0, -0.5], "the kernel to get w2")
    view.screenshot(path=ARTIFACTS / "perceptron-2d-moved.png")
    drawn = pixels(curve)
    view.get_by_label("Activation").select_option("relu")
    wait_until(lambda: kernel(lab, "p2.activation") == "relu", "the kernel to get ReLU")
    wait_until(lambda: pixels(curve) != drawn, "the ReLU curve")
    assert view.locator(".nnw-v-formula").inner_text().startswith("y = ReLU(")
    # Dragging on the plane moves the probe.
    box = plane.bounding_box()
    probe = kernel(lab, "p2.probe")
    lab.page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    wait_until(lambda: kernel(lab, "p2.probe") != probe, "the probe to move")
    x1, x2 = kernel(lab, "p2.probe")
    assert x1 < 0 < x2
    # The keyboard's path: focus the plane, and the arrows step the probe.
    plane.focus()
    lab.page.keyboard.press("ArrowRight")
    wait_until(lambda: kernel(lab, "p2.probe")[0] > x1, "the probe to step right")
    assert kernel(lab, "p2.probe")[1] == x2
    assert_accessible(lab.page, ".nnw-v-perceptron")
    view.screenshot(path=ARTIFACTS / "perceptron-2d-relu.png")
    assert lab.console_errors == []


def test_gallery_shows_the_five_curves(lab):
    view = lab.page.locator(".nnw-v-gallery")
    view.scroll_into_view_if_needed()
    cards = view.locator("figure")
    assert cards.count() == 5
    names = view.locator(".nnw-v-gallery-name").all_inner_texts()
    assert names == ["step (Heaviside)", "sigmoid", "ReLU", "tanh", "linear"]
    assert "max(0, z)" in cards.nth(2).inner_text()
    assert "nnw-v-highlight" in cards.nth(2).get_attribute("class")
    view.screenshot(path=ARTIFACTS / "perceptron-gallery.png")
    assert_accessible(lab.page, ".nnw-v-gallery")
    # Dark theme: the views follow it.
    page = lab.page
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{ theme: 'JupyterLab Dark' })"
    )
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    page.wait_for_timeout(500)
    view.screenshot(path=ARTIFACTS / "perceptron-gallery-dark.png")
    p2 = page.locator(".nnw-v-perceptron").nth(1)
    p2.scroll_into_view_if_needed()
    p2.screenshot(path=ARTIFACTS / "perceptron-2d-dark.png")
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{ theme: 'JupyterLab Light' })"
    )
    assert lab.console_errors == []
