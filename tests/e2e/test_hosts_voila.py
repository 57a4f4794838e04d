"""Voila: every widget of a notebook rendered as a dashboard, styled, Play trains, axe-core finds
no serious WCAG 2.1 A/AA violation in the widgets, and the console stays clean."""

from accessibility import EVERY_WIDGET, assert_accessible
from every_widget import (
    check_every_widget,
    check_text_alternatives,
    play_changes_the_canvas,
    screenshots,
)


def test_every_widget_in_voila(voila_server, host_page):
    page, console = host_page
    page.goto(voila_server.url)  # Voila runs the notebook as it serves the page
    check_every_widget(page, timeout=120)
    play_changes_the_canvas(page)
    assert_accessible(page, EVERY_WIDGET)
    check_text_alternatives(page)
    screenshots(page, "voila")
    assert console.settle() == []
