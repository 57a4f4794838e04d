"""At most 100 state messages a second reach the browser whatever Python does, and the last
state always does: a loop of ``pg.step(1)``, of trait assignments, of hovers or weight edits."""

import asyncio
import time

import pytest

import nnwidgets as nw
from nnwidgets.widgets.outbox import MAX_MESSAGES_PER_S, Later, Outbox


class Clock:
    def __init__(self):
        self.now = 10.0

    def __call__(self):
        return self.now


class Browser:
    """What the browser receives from one widget: (time, state) of each update message."""

    def __init__(self, widget, acknowledge):
        self.updates = []
        self._widget = widget
        self._acknowledge = acknowledge

    def receive(self, data=None, buffers=None, **_):
        if data.get("method") != "update":
            return
        self.updates.append((time.monotonic(), data["state"]))
        if self._acknowledge and "_frame" in data["state"]:
            # A browser that keeps up: each frame drawn as soon as it arrives.
            self._widget._frame_drawn({"frame": data["state"]["_frame"]})


def attach(widget, acknowledge):
    browser = Browser(widget, acknowledge)
    assert getattr(widget.comm, "kernel", True) is not None
    widget.comm.send = browser.receive
    widget._frame_drawn({"frame": 0})  # a view is shown and has drawn
    return browser


def busiest_second(times):
    """The most messages in any one-second window."""
    most, start = 0, 0
    for end, now in enumerate(times):
        while now - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def test_changes_within_the_interval_go_out_together_and_the_last_is_never_lost():
    clock, sent = Clock(), []
    outbox = Outbox(sent.append, loop=lambda: None, clock=clock)
    outbox.add(["epoch"])
    assert sent == [["epoch"]]

    async def within_an_interval():
        outbox._loop = asyncio.get_running_loop
        outbox.add(["epoch"])
        outbox.add(["loss", "epoch"])
        assert len(sent) == 1  # held back: the interval has not passed
        clock.now += 1.01 / MAX_MESSAGES_PER_S
        await asyncio.sleep(0.05)

    asyncio.run(within_an_interval())
    assert sent == [["epoch"], ["epoch", "loss"]]


def test_a_change_after_the_interval_goes_out_at_once_with_what_was_held():
    clock, sent = Clock(), []

    async def scenario():
        outbox = Outbox(sent.append, loop=asyncio.get_running_loop, clock=clock)
        outbox.add(["a"])
        outbox.add(["b"])
        clock.now += 1.01 / MAX_MESSAGES_PER_S
        outbox.add(["c"])  # a busy cell: the loop has not run, yet nothing waits past the interval
        assert sent == [["a"], ["b", "c"]]
        await asyncio.sleep(0.05)
        assert sent == [["a"], ["b", "c"]]  # the held call found nothing left

    asyncio.run(scenario())


def test_later_calls_once_however_often_asked():
    calls = []
    later = Later(lambda: calls.append(1))

    async def scenario():
        loop = asyncio.get_running_loop()
        assert all(later.request(loop, 0.01) for _ in range(5))
        await asyncio.sleep(0.05)
        assert later.request(loop, 0.0)
        await asyncio.sleep(0.02)

    asyncio.run(scenario())
    assert calls == [1, 1]
    assert not later.request(None, 0.0)  # no loop: the caller acts itself


@pytest.mark.parametrize("acknowledge", [True, False], ids=["browser keeps up", "busy kernel"])
def test_two_thousand_single_steps_send_at_most_100_messages_a_second(acknowledge):
    async def scenario():
        pg = nw.Playground(dataset="xor", seed=0)
        comm = attach(pg, acknowledge)
        for _ in range(2000):
            pg.step(1)
        await asyncio.sleep(1.2)  # the cell ends: held-back messages and frames go out
        return pg, comm

    pg, comm = asyncio.run(scenario())
    times = [when for when, _ in comm.updates]
    assert busiest_second(times) <= MAX_MESSAGES_PER_S
    epochs = [state["epoch"] for _, state in comm.updates if "epoch" in state]
    assert epochs[-1] == pg.epoch == 2000
    # The last frame was made after the last epoch: the browser shows epoch 2,000.
    last_frame = max(i for i, (_, state) in enumerate(comm.updates) if "_frame" in state)
    last_epoch = max(i for i, (_, state) in enumerate(comm.updates) if "epoch" in state)
    assert last_frame >= last_epoch
    assert not pg._stale


def test_a_loop_of_trait_assignments_and_hovers_is_paced_too():
    async def scenario():
        pg = nw.Playground(dataset="xor", seed=0)
        comm = attach(pg, acknowledge=True)
        for i in range(600):
            pg.noise = i % 50
            pg._on_message(pg, {"type": "hover", "neuron": "x1" if i % 2 else None}, [])
        await asyncio.sleep(1.2)
        return pg, comm

    pg, comm = asyncio.run(scenario())
    times = [when for when, _ in comm.updates]
    assert busiest_second(times) <= MAX_MESSAGES_PER_S
    noises = [state["noise"] for _, state in comm.updates if "noise" in state]
    assert noises[-1] == pg.noise == 599 % 50


def test_what_pacing_held_goes_out_before_the_cell_ends(monkeypatch):
    """A notebook run without a browser (nbconvert, graders) records each cell's own messages:
    the held frame and messages go out at the cell's end, not later from the event loop."""
    from IPython.core.events import EventManager

    from nnwidgets.widgets import cell_end

    events = EventManager(None, {"post_run_cell": None})
    shell = type("Shell", (), {"events": events})()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    monkeypatch.setattr(cell_end, "_HOOKED", [])

    async def cell():
        pg = nw.Playground(dataset="xor", seed=0)
        browser = Browser(pg, acknowledge=False)
        pg.comm.send = browser.receive
        pg._repr_mimebundle_()  # displayed; no view ever draws
        for _ in range(50):
            pg.step(1)
        held = [state.get("epoch") for _, state in browser.updates if "_frame" in state]
        events.trigger("post_run_cell", None)  # the cell ends, before the loop runs again
        return pg, browser, held

    pg, browser, held = asyncio.run(cell())
    assert held[-1] != 50  # paced: the last frame was held back during the cell
    last_frame = [state for _, state in browser.updates if "_frame" in state][-1]
    assert last_frame["_frame"] == pg._frame
    epochs = [state["epoch"] for _, state in browser.updates if "epoch" in state]
    assert epochs[-1] == 50
