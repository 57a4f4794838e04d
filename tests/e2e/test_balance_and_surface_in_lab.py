"""The learning-rate balance (a click on a point opens that rate's Playground) and the loss
surface (heatmap and three paths drawn) in JupyterLab, with screenshots."""

from lab import kernel, pixels, wait_until, write_notebook

BALANCE = [
    "import nnwidgets as nw\n"
    "balance = nw.learning_rate_balance(nw.Playground(dataset='circle', seed=1), epochs=150)\n"
    "balance"
]
SURFACE = ["import nnwidgets as nw\nsurface = nw.LossSurface()\nsurface"]


def test_a_click_on_a_balance_point_opens_its_playground(jupyter_lab, open_notebook):
    name = write_notebook(jupyter_lab.root_dir, "e2e_balance.ipynb", BALANCE)
    lab = open_notebook(name, timeout=120)
    dots = lab.page.locator(".bqplot .dot")
    wait_until(lambda: dots.count() == 10, "the ten rates' points")
    figure = lab.page.locator(".bqplot").first
    figure.scroll_into_view_if_needed()
    lab.screenshot("learning-rate-balance")
    rates = kernel(lab, "balance.rates")
    good = kernel(lab, "balance.zones").index("good")
    dots.nth(good).click()
    opened = lab.page.locator(".nnw-pg").first
    opened.wait_for(timeout=30_000)
    assert kernel(lab, "balance.opened.learning_rate") == rates[good]
    opened.scroll_into_view_if_needed()
    lab.screenshot("learning-rate-balance-opened")
    assert lab.console_errors == []


def test_the_loss_surface_draws_three_paths(jupyter_lab, open_notebook):
    name = write_notebook(jupyter_lab.root_dir, "e2e_surface.ipynb", SURFACE)
    lab = open_notebook(name, timeout=90)
    root = lab.page.locator(".nnw-v-surface").first
    root.wait_for()
    wait_until(lambda: root.get_attribute("data-drawn") == "true", "the surface drawn")
    assert root.get_attribute("data-paths") == "3"
    legend = root.locator(".nnw-v-legend span")
    assert legend.count() == 3
    assert "too large" in legend.nth(2).inner_text() and "flies off" in legend.nth(2).inner_text()
    canvas = root.locator("canvas")
    blank = canvas.evaluate(
        "(c) => { const d = document.createElement('canvas'); d.width = c.width;"
        " d.height = c.height; return d.toDataURL(); }"
    )
    assert pixels(canvas) != blank
    root.scroll_into_view_if_needed()
    root.screenshot(path=lab.screenshot("loss-surface").parent / "loss-surface-view.png")
    assert lab.console_errors == []
