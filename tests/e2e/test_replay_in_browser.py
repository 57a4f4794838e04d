"""Playground.to_html's page in headless Chromium, opened as a file with no kernel and no server:
the recorded training replays by itself, and the view's own buttons move through it."""

import time

import pytest
from lab import ARTIFACTS, pixels, wait_until

import nnwidgets as nw


@pytest.fixture
def replay_page(browser, tmp_path):
    """A page replaying 300 epochs on the spiral (recorded every 10), with what went wrong in it."""
    pg = nw.Playground(dataset="spiral", noise=10, hidden=[8, 8, 4], seed=1)
    for _ in range(30):
        pg.step(10)
    path = tmp_path / "run.html"
    pg.to_html(path)
    context = browser.new_context(viewport={"width": 1300, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    page.problems, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"page: {error}"))
    page.on("requestfailed", lambda r: page.problems.append(f"request failed: {r.url}"))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(path.as_uri())
    yield page
    context.close()


def shown_epoch(root) -> int:
    return int(root.locator(".nnw-pg-epoch-value").inner_text().replace(",", ""))


def test_the_recording_replays_by_itself_and_its_buttons_drive_it(replay_page):
    page = replay_page
    root = page.locator(".nnw-pg")
    root.wait_for()
    output = root.locator(".nnw-pg-output canvas").first

    wait_until(lambda: shown_epoch(root) > 0, "the epoch to advance by itself", timeout=10)
    before = pixels(output)
    wait_until(lambda: pixels(output) != before, "the output view to change", timeout=10)
    wait_until(lambda: shown_epoch(root) > 100, "the replay to pass epoch 100", timeout=10)

    root.get_by_role("button", name="Pause").click()
    root.get_by_role("button", name="Play").wait_for()
    time.sleep(0.1)  # the view draws the epoch of the last tick in its next frame
    held = shown_epoch(root)
    time.sleep(0.6)
    assert shown_epoch(root) == held
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "replay-paused.png")

    # Step goes to the next recorded moment; Reset to the start.
    root.get_by_role("button", name="Step", exact=True).click()
    # The counter shows the replay's epoch rounded: paused just short of a snapshot (139.6 shows
    # 140), Step goes to that snapshot, so the counter may stay where it was.
    wait_until(
        lambda: shown_epoch(root) in {(held + 9) // 10 * 10, (held // 10 + 1) * 10},
        "a step to the next snapshot",
    )
    root.get_by_role("button", name="Reset").click()
    wait_until(lambda: shown_epoch(root) == 0, "reset to go back to epoch 0")

    # Hovering a neuron shows its map in the output view, as in the notebook.
    root.locator('[data-neuron="1:0"]').hover()
    shown = root.locator(".nnw-pg-shown-neuron")
    wait_until(lambda: shown.inner_text() == "Showing neuron 1 of hidden layer 1", "the hover")
    page.mouse.move(0, 0)

    # A control that would retrain is locked: nothing can train here.
    assert root.get_by_label("Learning rate").is_disabled()
    assert root.get_by_role("button", name="Regenerate").is_disabled()

    root.get_by_role("button", name="Play").click()
    wait_until(lambda: shown_epoch(root) > 20, "the replay to play again")
    assert page.problems == []
    assert all(url.startswith(("file:", "blob:")) for url in page.requests), page.requests
