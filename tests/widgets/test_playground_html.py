"""Playground.to_html: the recording kept while training, and the self-contained page that replays
it (tests/e2e/test_replay_in_browser.py opens one in Chromium)."""

import base64
import json
import re

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets.widgets._base import FRONT_END
from nnwidgets.widgets.playground.recording import MAX_SNAPSHOTS, Recording, Snapshot


def record(recording: Recording, epochs: range) -> list[int]:
    """Offers every epoch of `epochs` to `recording`, as training chunks of one epoch would."""
    for epoch in epochs:
        if recording.due(epoch):
            recording.add(Snapshot(epoch, {}, {}))
    return [s.epoch for s in recording.snapshots]


def script_json(page: str, element_id: str):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page)
    assert match, f"no script #{element_id} in the page"
    return json.loads(match.group(1))


def test_a_recording_stays_under_its_cap_spread_over_the_run_from_its_start():
    recording = Recording(cap=8)
    epochs = record(recording, range(1001))
    assert len(epochs) < 8 and epochs[0] == 0
    assert epochs == sorted(set(epochs))
    gaps = np.diff([*epochs, 1000])
    assert gaps.max() <= 3 * gaps.mean()  # spread, not bunched at the start
    now = Snapshot(1000, {}, {})
    replayed = recording.until(now)
    assert len(replayed) <= 8 and replayed[0].epoch == 0 and replayed[-1] is now


def test_the_state_at_export_replaces_snapshots_at_its_epoch():
    recording = Recording()
    record(recording, range(10))
    now = Snapshot(5, {}, {})
    assert [s.epoch for s in recording.until(now)] == [0, 1, 2, 3, 4, 5]
    assert recording.until(now)[-1] is now


def test_training_keeps_the_start_and_pays_for_snapshots_only_when_due(monkeypatch):
    pg = nw.Playground(seed=1)
    frame_traits = type(pg)._frame_traits
    captured = []

    def counted(self, **kwargs):
        captured.append(self.epoch)
        return frame_traits(self, **kwargs)

    monkeypatch.setattr(type(pg), "_frame_traits", counted)
    for _ in range(300):
        pg.step(1)
    epochs = [s.epoch for s in pg._recording.snapshots]
    assert epochs[0] == 0 and len(epochs) < MAX_SNAPSHOTS
    assert len(captured) < 150  # not one a chunk


def test_the_page_holds_the_bundle_and_every_snapshot_and_reaches_for_nothing(tmp_path):
    pg = nw.Playground(seed=1, dataset="xor")
    for _ in range(6):
        pg.step(25)
    path = tmp_path / "run.html"
    assert pg.to_html(path) is None  # written, not returned: a notebook cell stays short
    page = path.read_text(encoding="utf-8")
    assert page == pg.to_html()
    assert 'src="http' not in page and 'href="http' not in page
    assert "<link" not in page and " src=" not in page
    assert script_json(page, "nnw-bundle") == FRONT_END.read_text(encoding="utf-8")
    data = script_json(page, "nnw-recording")
    assert [s["epoch"] for s in data["snapshots"]] == [0, 25, 50, 75, 100, 125, 150]
    last = data["snapshots"][-1]
    assert last["train_loss"] == pytest.approx(pg.train_loss)
    weights = np.frombuffer(base64.b64decode(last["frame"]["_weights"]), np.float32)
    flat = [array.ravel() for layer in pg.weights for array in layer]
    np.testing.assert_array_equal(weights, np.concatenate(flat))
    assert set(last["frame"]) == {"_weights", "_maps", "_output_map", "_loss_curve"}
    assert data["state"]["dataset"] == "xor" and data["state"]["hidden"] == [4, 2]
    assert {"_points", "_thumbnails", "_feature_maps"} <= set(data["buffers"])
    assert not {"_esm", "layout", "_weights"} & (set(data["state"]) | set(data["buffers"]))
    assert "150 epochs of training on xor" in page and "7 recorded moments" in page


def test_a_playground_that_never_trained_still_exports():
    page = nw.Playground(seed=1).to_html()
    snapshots = script_json(page, "nnw-recording")["snapshots"]
    assert [s["epoch"] for s in snapshots] == [0]


def test_after_a_reset_only_the_new_run_is_replayed():
    pg = nw.Playground(seed=1)
    pg.step(100)
    pg.step(100)
    pg.reset()
    pg.step(30)
    snapshots = script_json(pg.to_html(), "nnw-recording")["snapshots"]
    assert [s["epoch"] for s in snapshots] == [0, 30]


def test_nothing_in_the_state_can_end_a_script_element():
    pg = nw.Playground(seed="</script><script>alert(1)</script>")
    page = pg.to_html()
    assert page.lower().count("</script") == 3  # the page's own three script elements
    assert script_json(page, "nnw-recording")["state"]["seed"] == pg.seed


def test_a_path_that_cannot_be_written_says_why(tmp_path):
    pg = nw.Playground(seed=1)
    with pytest.raises(FileNotFoundError, match="folder .* does not exist"):
        pg.to_html(tmp_path / "missing" / "run.html")
    with pytest.raises(IsADirectoryError, match="is a folder"):
        pg.to_html(tmp_path)
    with pytest.raises(TypeError, match="path must be a file name"):
        pg.to_html(42)
