"""marimo, in ``marimo run`` and ``marimo edit``: every widget renders in its shadow root, styled,
Play trains, axe-core finds no serious WCAG 2.1 A/AA violation in the widgets, the console stays
clean, and the learning rate goes both ways between Python and the view (through the app's
buttons, so ``marimo run`` is tested too)."""

from accessibility import EVERY_WIDGET, assert_accessible
from every_widget import (
    check_every_widget,
    check_text_alternatives,
    play_changes_the_canvas,
    screenshots,
)


def test_every_widget_in_marimo(marimo_server, host_page):
    page, console = host_page
    page.goto(marimo_server.url)
    check_every_widget(page, timeout=120)
    play_changes_the_canvas(page)
    assert_accessible(page, EVERY_WIDGET)
    check_text_alternatives(page)

    rate = page.locator(".nnw-pg").first.get_by_label("Learning rate")
    page.get_by_role("button", name="Set rate 0.1").click()
    page.wait_for_function(
        "(select) => select.value === '0.1'", arg=rate.element_handle(), timeout=30_000
    )
    rate.select_option("0.3")
    page.get_by_role("button", name="Read rate").click()
    page.get_by_text("Python holds learning rate 0.3").wait_for(timeout=30_000)

    screenshots(page, f"marimo_{marimo_server.mode}")
    assert console.settle() == []
