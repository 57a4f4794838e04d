"""Step through one example in JupyterLab: pick a point on the output view, walk its trace forward
(formulas with their numbers) and backward (links drawn from the gradients), apply the update."""

import re

from lab import kernel, wait_until, write_notebook

CELLS = [
    "import numpy as np\n"
    "import nnwidgets as nw\n"
    "pg = nw.Playground(dataset='xor', hidden=[4, 2], learning_rate=0.3, seed=1)\n"
    "before = pg.weights\n"
    "pg"
]
INDEX = 5


def _num(value: float) -> str:
    """A number as the formulas print it (trace_math.ts's num)."""
    return f"{float(f'{value:.3g}'):g}".replace("-", "−")


def test_step_through_one_example_and_apply_its_update(jupyter_lab, open_notebook):
    name = write_notebook(jupyter_lab.root_dir, "e2e_trace.ipynb", CELLS)
    lab = open_notebook(name, timeout=90)
    root = lab.page.locator(".nnw-pg").first
    root.wait_for()
    stepper = root.locator(".nnw-pg-trace")
    stepper.get_by_role("button", name="Step through one example").click()

    # A click on training point INDEX of the output view picks it.
    x1, x2 = kernel(lab, f"[float(v) for v in pg.data[0][{INDEX}]]")
    canvas = root.locator(".nnw-pg-output canvas").first
    box = canvas.bounding_box()
    lab.page.mouse.click(
        box["x"] + (x1 + 6) / 12 * box["width"], box["y"] + (6 - x2) / 12 * box["height"]
    )
    picked = stepper.locator("input[type=number]")
    wait_until(lambda: picked.input_value() != "", "the trace")
    index = int(picked.input_value())
    assert stepper.get_attribute("data-step") == "forward:0"
    traced = kernel(lab, f"pg.trace({index}).as_dict()")
    assert traced["point"] == [x1, x2] or index != INDEX  # the nearest point, normally itself

    next_button = stepper.get_by_role("button", name="Next ▶")
    next_button.click()
    assert stepper.get_attribute("data-step") == "forward:1"
    first = stepper.locator(".nnw-pg-trace-formulas li").first.inner_text()
    z, a = traced["z"][1][0], traced["a"][1][0]
    assert re.search(
        rf"z = .+ = {re.escape(_num(z))}, a = tanh\(z\) = {re.escape(_num(a))}$", first
    )
    assert root.locator(".nnw-pg-trace-badge").count() == 2 + 4  # inputs and first hidden layer
    root.scroll_into_view_if_needed()
    lab.screenshot("playground-trace-forward")

    last_link = root.locator(".nnw-pg-link").last  # the output layer's last link
    weight_style = (last_link.get_attribute("stroke"), last_link.get_attribute("stroke-width"))
    for _ in range(3):  # forward 2, forward 3 (the output), backward 3
        next_button.click()
    assert stepper.get_attribute("data-step") == "backward:3"
    assert "E = ½(output − target)²" in stepper.locator(".nnw-pg-trace-loss").inner_text()
    gradient_style = (last_link.get_attribute("stroke"), last_link.get_attribute("stroke-width"))
    assert gradient_style != weight_style
    root.locator(".nnw-pg-link-hit").last.focus()
    card = root.locator(".nnw-pg-hovercard")
    assert "∂E/∂w is" in card.inner_text()
    assert f"{traced['dE_dW'][2][1][0]:.3g}" in card.inner_text()  # formatWeight
    stepper.get_by_role("button", name="◀ Back").click()
    assert stepper.get_attribute("data-step") == "forward:3"
    assert (
        last_link.get_attribute("stroke"),
        last_link.get_attribute("stroke-width"),
    ) == weight_style
    next_button.click()
    next_button.click()
    assert stepper.get_attribute("data-step") == "backward:2"
    lab.screenshot("playground-trace-backward")

    stepper.get_by_role("button", name="Apply the update").click()
    hint = stepper.locator(".nnw-pg-trace-hint")
    wait_until(lambda: "Update applied" in hint.inner_text(), "the update")
    moved = kernel(
        lab,
        f"[float(np.max(np.abs(W1 - W0 - np.array(dW)))) + float(np.max(np.abs(b1 - b0 - "
        f"np.array(db)))) for (W0, b0), (W1, b1), dW, db in zip(before, pg.weights, "
        f"{traced['delta_W']!r}, {traced['delta_b']!r})]",
    )
    assert max(moved) < 1e-6
    changed = kernel(
        lab, "sum(float(np.abs(W1 - W0).sum()) for (W0, _), (W1, _) in zip(before, pg.weights))"
    )
    assert changed > 0
    lab.screenshot("playground-trace-applied")
    assert lab.console_errors == []
