"""More than two classes and points drawn by hand, in the Playground in a real JupyterLab."""

import time

from lab import ARTIFACTS, kernel, open_playground, pixels, wait_until

SPIRAL_3 = ["import nnwidgets as nw\npg = nw.Playground(dataset='spiral', classes=3, seed=1)\npg"]
DEFAULT = ["import nnwidgets as nw\npg = nw.Playground(seed=1)\npg"]
# Hue histogram of a canvas: 12 bins of 30°, counting only coloured (not grey) pixels.
HUES = """(canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const bins = new Array(12).fill(0);
    for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        const max = Math.max(r, g, b), min = Math.min(r, g, b), chroma = max - min;
        if (data[i + 3] === 0 || chroma < 20) continue;
        const h = max === r ? ((g - b) / chroma + 6) % 6
            : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
        bins[Math.floor(h * 2) % 12] += 1;
    }
    return { bins, total: data.length / 4 };
}"""


def hues(canvas, share=0.01) -> int:
    """How many 30° hue bins hold at least `share` of a canvas' pixels."""
    histogram = canvas.evaluate(HUES)
    return sum(count >= share * histogram["total"] for count in histogram["bins"])


def plane_position(canvas, x1, x2) -> dict:
    """Where plane point (x1, x2) is on the output map, in CSS pixels from its corner."""
    box = canvas.bounding_box()
    return {"x": (x1 + 6) / 12 * box["width"], "y": (6 - x2) / 12 * box["height"]}


def screenshot(lab, name: str) -> None:
    """The whole widget as artifacts/<name>.png, in a page tall enough to show all of it."""
    ARTIFACTS.mkdir(exist_ok=True)
    lab.page.set_viewport_size({"width": 1200, "height": 1700})
    lab.root.scroll_into_view_if_needed()
    lab.page.wait_for_timeout(300)  # canvases follow their new size
    lab.root.screenshot(path=ARTIFACTS / f"{name}.png")
    lab.page.set_viewport_size({"width": 1200, "height": 900})


def set_theme(lab, theme: str, light: bool) -> None:
    lab.page.evaluate(
        "(theme) => window.jupyterapp.commands.execute('apputils:change-theme', { theme })", theme
    )
    lab.page.wait_for_function(
        "(light) => document.body.dataset.jpThemeLight === String(light)", arg=light
    )
    lab.page.wait_for_timeout(500)  # the theme's stylesheet and a redraw


def test_three_classes_draw_three_output_neurons_and_three_hues(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, SPIRAL_3, "e2e_classes_spiral.ipynb")
    outputs = lab.root.locator('[aria-label^="Output neuron of class"]')
    wait_until(lambda: outputs.count() == 3, "three output neurons")
    assert kernel(lab, "list(pg.weights[-1][0].shape)")[1] == 3
    heatmap = lab.root.locator(".nnw-pg-heatmap-map")
    lab.root.get_by_role("button", name="Play").click()
    wait_until(lambda: hues(heatmap) >= 3, "three hues on the output view", timeout=60)
    lab.root.get_by_role("button", name="Pause").click()
    # The legend names the classes; the points show on the map.
    assert lab.root.locator(".nnw-pg-class-chip").all_inner_texts() == ["0", "1", "2"]
    screenshot(lab, "playground-classes-3")

    # Hovering an output neuron shows its class' probability in the output view.
    before = pixels(heatmap)
    outputs.nth(2).hover()
    lab.root.get_by_text("Showing the probability of class 2").wait_for()
    wait_until(lambda: pixels(heatmap) != before, "the output view to show class 2")
    assert kernel(lab, "pg._output_neuron") == "output:2"
    lab.page.mouse.move(0, 0)

    # The last layer's weights are edited per class, as any other.
    link = lab.root.get_by_label("Weight from 2:0 to output:1")
    link.click(force=True)
    editor = lab.root.get_by_role("spinbutton", name="Weight")
    editor.fill("1.5")
    editor.press("Enter")
    wait_until(lambda: kernel(lab, "float(pg.weights[-1][0][0, 1])") == 1.5, "the edited weight")

    set_theme(lab, "JupyterLab Dark", light=False)
    try:
        screenshot(lab, "playground-classes-3-dark")
    finally:
        set_theme(lab, "JupyterLab Light", light=True)
    assert lab.console_errors == []


def test_drawing_adds_a_point_of_its_class_and_shift_click_removes_it(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, SPIRAL_3, "e2e_classes_draw.ipynb")
    train_count = "len(pg.data[0])"
    count = kernel(lab, train_count)
    heatmap = lab.root.locator(".nnw-pg-heatmap-map")
    overlay = lab.root.locator(".nnw-pg-heatmap-overlay")
    swatch = lab.root.get_by_role("button", name="Draw class 2")
    swatch.click()
    assert swatch.get_attribute("aria-pressed") == "true"
    assert heatmap.evaluate("(c) => getComputedStyle(c).cursor") == "crosshair"

    before = pixels(overlay)
    heatmap.click(position=plane_position(heatmap, 3, 3))
    wait_until(lambda: kernel(lab, train_count) == count + 1, "the drawn point in the kernel")
    x1, x2, label = kernel(lab, "[*pg.data[0][-1].tolist(), float(pg.data[1][-1])]")
    assert abs(x1 - 3) < 0.1 and abs(x2 - 3) < 0.1 and label == 2
    assert kernel(lab, "pg.dataset") == "custom"
    wait_until(lambda: pixels(overlay) != before, "the new point on the output view")
    screenshot(lab, "playground-classes-draw")

    heatmap.click(position=plane_position(heatmap, 3, 3), modifiers=["Shift"])
    wait_until(lambda: kernel(lab, train_count) == count, "the point removed")
    # Nothing near the corner to remove: the kernel's refusal shows beside the strip.
    heatmap.click(position=plane_position(heatmap, -5.95, -5.95), modifiers=["Shift"])
    lab.root.locator(".nnw-pg-refusal", has_text="no point within").wait_for()

    # Esc ends drawing; clicks then add nothing.
    lab.page.keyboard.press("Escape")
    assert swatch.get_attribute("aria-pressed") == "false"
    heatmap.click(position=plane_position(heatmap, 1, 1))
    time.sleep(0.5)
    assert kernel(lab, train_count) == count
    assert lab.console_errors == []


def test_choosing_classes_in_the_ui_reaches_the_kernel(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, DEFAULT, "e2e_classes_menu.ipynb")
    assert lab.root.locator('[aria-label^="Output neuron"]').count() == 1
    lab.root.get_by_label("Classes", exact=True).select_option("4")
    wait_until(lambda: kernel(lab, "pg.classes") == 4, "classes = 4 in the kernel")
    outputs = lab.root.locator('[aria-label^="Output neuron of class"]')
    wait_until(lambda: outputs.count() == 4, "four output neurons")
    # Two-class data sets are shown but cannot be chosen; the draw strip offers four classes.
    assert lab.root.get_by_role("button", name="circle", exact=True).is_disabled()
    assert lab.root.get_by_role("button", name="spiral", exact=True).is_enabled()
    assert lab.root.locator(".nnw-pg-swatch").count() == 4
    screenshot(lab, "playground-classes-4")
    # Regression hides the menu and draws targets instead of classes.
    lab.root.get_by_label("Problem type").select_option("regression")
    lab.root.get_by_label("Classes", exact=True).wait_for(state="hidden")
    lab.root.get_by_role("button", name="Draw target 0.5").wait_for()
    assert lab.console_errors == []
