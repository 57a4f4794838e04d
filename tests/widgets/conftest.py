"""Fixtures shared by the widget tests."""

import pytest

from nnwidgets.widgets._base import FrontEndWidget


@pytest.fixture
def sent(monkeypatch):
    """The custom messages widgets send to the browser, in order (nothing is sent for real)."""
    messages = []
    monkeypatch.setattr(
        FrontEndWidget, "send", lambda self, content, buffers=None: messages.append(content)
    )
    return messages
