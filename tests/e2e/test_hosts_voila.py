"""Voila: every widget of a notebook rendered as a dashboard, styled, Play trains, and the
console stays clean."""

from every_widget import check_every_widget, play_changes_the_canvas
from lab import ARTIFACTS


def test_every_widget_in_voila(voila_server, host_page):
    page, console = host_page
    page.goto(voila_server.url)  # Voila runs the notebook as it serves the page
    check_every_widget(page, timeout=120)
    play_changes_the_canvas(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "host_voila.png")
    assert console.settle() == []
