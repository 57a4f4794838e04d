"""marimo, in ``marimo run`` and ``marimo edit``: every widget renders in its shadow root, styled,
Play trains, the console stays clean, and the learning rate goes both ways between Python and
the view (through the app's buttons, so ``marimo run`` is tested too)."""

from every_widget import UNSTYLED, check_every_widget, play_changes_the_canvas
from lab import ARTIFACTS


def test_every_widget_in_marimo(marimo_server, host_page):
    page, console = host_page
    page.goto(marimo_server.url)
    # Challenge is an ipywidgets.HTML, and marimo renders no ipywidget but anywidgets.
    check_every_widget(page, timeout=120, unstyled=[s for s in UNSTYLED if s != ".nnw-challenge"])
    play_changes_the_canvas(page)

    rate = page.locator(".nnw-pg").first.get_by_label("Learning rate")
    page.get_by_role("button", name="Set rate 0.1").click()
    page.wait_for_function(
        "(select) => select.value === '0.1'", arg=rate.element_handle(), timeout=30_000
    )
    rate.select_option("0.3")
    page.get_by_role("button", name="Read rate").click()
    page.get_by_text("Python holds learning rate 0.3").wait_for(timeout=30_000)

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"host_marimo_{marimo_server.mode}.png")
    assert console.settle() == []
