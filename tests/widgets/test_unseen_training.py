"""Play's loop and its views: while no view of a Playground can be seen (a hidden tab, a
collapsed output), Play trains without making frames, and the moment a view shows again the
current frame goes out; a change made while playing goes out at once, and training then waits a
moment so that frame reaches the page first."""

import asyncio
import time

import nnwidgets as nw
from nnwidgets.widgets.training_loop import INPUT_QUIET_S


class Browser:
    """Update messages the widget sends; frames are drawn (acknowledged) as they arrive."""

    def __init__(self, widget):
        self.frames = []
        self._widget = widget
        widget.comm.send = self.receive

    def receive(self, data=None, buffers=None, **_):
        state = data.get("state", {}) if data.get("method") == "update" else {}
        if "_frame" in state:
            self.frames.append(state["_frame"])
            asyncio.get_running_loop().call_soon(
                self._widget._on_message,
                self._widget,
                {"type": "drawn", "frame": state["_frame"]},
                [],
            )


def test_play_makes_no_frames_while_unseen_and_one_as_soon_as_seen():
    async def scenario():
        pg = nw.Playground(dataset="circle", seed=0)
        browser = Browser(pg)
        seen = {"type": "seen", "view": "v1"}
        pg._on_message(pg, {**seen, "visible": True}, [])
        pg.play()
        await asyncio.sleep(0.6)
        assert browser.frames, "a seen view gets frames while playing"
        pg._on_message(pg, {**seen, "visible": False}, [])
        await asyncio.sleep(0.1)  # the chunk under way ends
        frames, frame, epoch = len(browser.frames), pg._frame, pg.epoch
        await asyncio.sleep(0.8)
        unseen = (len(browser.frames) - frames, pg._frame - frame, pg.epoch - epoch)
        pg._on_message(pg, {**seen, "visible": True}, [])
        made_at_once = pg._frame - frame  # before the play loop runs again
        pg.pause()
        await asyncio.sleep(0.2)
        return unseen, made_at_once

    (frames_sent, frames_made, epochs), made_at_once = asyncio.run(scenario())
    assert frames_sent == frames_made == 0
    assert epochs > 100  # training went on
    assert made_at_once == 1  # seen again: a frame at once, not at the next chunk


def test_a_change_while_playing_goes_out_at_once_and_training_waits_a_moment():
    async def scenario():
        pg = nw.Playground(dataset="circle", seed=0)
        Browser(pg)  # draws (acknowledges) each frame
        pg._on_message(pg, {"type": "seen", "view": "v1", "visible": True}, [])
        pg.play()
        await asyncio.sleep(0.5)
        trained_before, frame = pg.epoch, pg._frame
        pg.noise = 20  # as the slider does: a new data set, a fresh network
        changed_at = time.monotonic()
        made_at_once = pg._frame - frame
        epochs_while_quiet = []
        while time.monotonic() - changed_at < INPUT_QUIET_S * 0.8:
            epochs_while_quiet.append(pg.epoch)
            await asyncio.sleep(0.01)
        await asyncio.sleep(INPUT_QUIET_S + 0.3)
        trained_after = pg.epoch
        # A hover changes what is shown, not the run: training does not wait.
        pg._on_message(pg, {"type": "hover", "neuron": "x1"}, [])
        await asyncio.sleep(INPUT_QUIET_S * 0.8)
        hovered = pg.epoch - trained_after
        pg.pause()
        await asyncio.sleep(0.1)
        return trained_before, made_at_once, epochs_while_quiet, trained_after, hovered

    before, made_at_once, while_quiet, after, while_hovered = asyncio.run(scenario())
    assert before > 100  # it was training
    assert made_at_once == 1  # the change's frame, before the loop runs again
    assert set(while_quiet) == {0}  # the fresh network waits, untrained
    assert after > 0  # and then trains on
    assert while_hovered > 0
