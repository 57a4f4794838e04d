"""The hello notebook in a real JupyterLab: the NeuronMap draws the Playground's colours, and
redraws when the kernel sets new values."""

import time

ORANGE, GREY, BLUE = (245, 147, 34), (232, 234, 235), (8, 119, 189)


def pixel(canvas, x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y), given as fractions of the canvas's width and height."""
    rgba = canvas.evaluate(
        """(canvas, [x, y]) => Array.from(canvas.getContext("2d").getImageData(
            Math.floor(x * canvas.width), Math.floor(y * canvas.height), 1, 1).data)""",
        [x, y],
    )
    assert rgba[3] == 255, f"transparent pixel at ({x}, {y}): nothing drawn there"
    return tuple(rgba[:3])


def assert_near(actual, expected, tolerance=3):
    assert max(abs(a - e) for a, e in zip(actual, expected, strict=True)) <= tolerance, (
        f"{actual} is not close to {expected}"
    )


def wait_for_pixel(canvas, x, y, expected, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return assert_near(pixel(canvas, x, y), expected)
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_neuron_map_draws_and_follows_the_kernel(open_notebook):
    notebook = open_notebook("00_hello.ipynb")
    maps = notebook.page.locator(".nnw-neuron-map canvas")
    maps.nth(7).wait_for()  # the big map and the seven feature maps
    neuron = maps.first
    neuron.scroll_into_view_if_needed()

    # Drawn at the screen's resolution: 300 CSS pixels at a device pixel ratio of 2.
    size = neuron.evaluate("(c) => [c.width, c.height, c.clientWidth, c.clientHeight]")
    assert size == [600, 600, 300, 300]

    # tanh(x1 + x2) over [-6, 6]²: orange bottom left, blue top right, grey on the diagonal
    # x1 + x2 = 0 from top left to bottom right. Points sit 2 % in from the edges. Smoothing
    # blends a diagonal pixel with the cells either side, pulling it a little off the grey.
    wait_for_pixel(neuron, 0.02, 0.98, ORANGE)
    assert_near(pixel(neuron, 0.98, 0.02), BLUE)
    for x, y in [(0.02, 0.02), (0.5, 0.5), (0.98, 0.98)]:
        assert_near(pixel(neuron, x, y), GREY, tolerance=8)

    # The same kernel as the notebook: its variables are there.
    assert notebook.run("print(neuron.resolution, neuron.values.shape)") == "100 (100, 100)\n"

    notebook.run("neuron.values = -np.tanh(x1 + x2)")
    wait_for_pixel(neuron, 0.02, 0.98, BLUE)
    assert_near(pixel(neuron, 0.98, 0.02), ORANGE)
    assert_near(pixel(neuron, 0.5, 0.5), GREY, tolerance=8)

    # The feature maps: x1 is orange on the left and blue on the right.
    x1_map = maps.nth(1)
    assert_near(pixel(x1_map, 0.05, 0.5), ORANGE)
    assert_near(pixel(x1_map, 0.95, 0.5), BLUE)

    # Tall enough to show the whole notebook.
    notebook.page.set_viewport_size({"width": 1200, "height": 1400})
    notebook.page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")
    notebook.screenshot("hello")
    assert notebook.console_errors == []
