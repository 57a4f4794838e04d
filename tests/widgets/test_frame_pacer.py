"""When the Playground may send a frame: at most MAX_IN_FLIGHT ahead of the browser's drawing (a
forced frame a few more), at most one per display frame on a steady beat, and one a second when
the browser says nothing."""

import pytest

from nnwidgets import spec
from nnwidgets.widgets.frame_pacer import (
    FALLBACK_INTERVAL_S,
    HEADROOM,
    MAX_IN_FLIGHT,
    MIN_INTERVAL_S,
    URGENT_RESERVE,
    FramePacer,
)

DISPLAY_FRAME = MIN_INTERVAL_S * 1.001  # just past the interval, whatever the rounding


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def full_pacer(clock) -> FramePacer:
    """A pacer with MAX_IN_FLIGHT frames sent a display frame apart, none acknowledged."""
    pacer = FramePacer(clock)
    for _ in range(MAX_IN_FLIGHT):
        pacer.next_frame()
        clock.now += DISPLAY_FRAME
    return pacer


def test_frames_may_wait_for_the_browser_up_to_the_limit_then_sending_stops():
    clock = Clock()
    pacer = FramePacer(clock)
    assert pacer.may_send()
    assert pacer.next_frame() == 1
    assert not pacer.may_send()  # not within one display frame
    for _ in range(MAX_IN_FLIGHT - 1):
        clock.now += DISPLAY_FRAME
        assert pacer.may_send()
        pacer.next_frame()
    clock.now += DISPLAY_FRAME
    assert pacer.in_flight() == MAX_IN_FLIGHT and not pacer.may_send()
    pacer.acknowledge(1)
    assert pacer.in_flight() == MAX_IN_FLIGHT - 1 and pacer.may_send()


def test_a_forced_frame_may_go_past_the_limit_but_not_without_bound():
    clock = Clock()
    pacer = full_pacer(clock)
    assert not pacer.may_send()
    for _ in range(URGENT_RESERVE):
        assert pacer.may_send(urgent=True)
        pacer.next_frame()
        clock.now += DISPLAY_FRAME
    assert not pacer.may_send(urgent=True)


def test_a_forced_frame_goes_out_off_the_beat():
    # A user's change is drawn as soon as it can be: it does not wait for the next beat, and
    # the beat then goes on from it.
    clock = Clock()
    pacer = FramePacer(clock)
    pacer.next_frame()
    clock.now += DISPLAY_FRAME / 4
    assert not pacer.may_send() and pacer.may_send(urgent=True)
    pacer.next_frame()
    clock.now += DISPLAY_FRAME / 2
    assert not pacer.may_send()


def test_frames_keep_one_beat_per_display_frame_when_checked_late():
    # Checked every 4 ms (between chunks of training), sends stay at the display's rate, where
    # an interval counted from each send would drift to one per 20 ms.
    clock = Clock()
    pacer = FramePacer(clock)
    sent_at = []
    for _ in range(1000):
        if pacer.may_send():
            pacer.next_frame()
            pacer.acknowledge(pacer.sent)
            sent_at.append(clock.now)
        clock.now += 0.004
    rate = (len(sent_at) - 1) / (sent_at[-1] - sent_at[0])
    assert rate == pytest.approx(1 / MIN_INTERVAL_S, rel=0.02)
    gaps = [b - a for a, b in zip(sent_at, sent_at[1:], strict=False)]
    assert min(gaps) >= MIN_INTERVAL_S / 2  # never two frames back to back


def test_the_highest_acknowledgement_counts_and_nonsense_is_ignored():
    clock = Clock()
    pacer = FramePacer(clock)
    for _ in range(3):
        pacer.next_frame()
    pacer.acknowledge(3)
    pacer.acknowledge(2)  # a second view, behind the first
    assert pacer.acknowledged == 3 and pacer.viewed
    pacer.acknowledge(99)  # never sent
    assert pacer.acknowledged == 3
    pacer.acknowledge("3")
    pacer.acknowledge(True)
    assert pacer.acknowledged == 3


def test_without_acknowledgements_one_frame_a_second_still_goes_out():
    clock = Clock()
    pacer = full_pacer(clock)
    assert not pacer.may_send()
    assert 0 < pacer.seconds_until_slot() <= FALLBACK_INTERVAL_S
    clock.now += FALLBACK_INTERVAL_S
    assert pacer.may_send() and pacer.seconds_until_slot() == 0


def test_unseen_views_stop_frames_and_the_first_view_seen_again_gets_one_at_once():
    clock = Clock()
    pacer = FramePacer(clock)
    assert pacer.watched()  # no view has said either way
    pacer.next_frame()
    pacer.next_frame()
    assert not pacer.set_seen("a", False)
    assert not pacer.set_seen("b", False)
    assert not pacer.watched()
    assert not pacer.set_seen("b", False, gone=True)  # one view closed, the other still hidden
    assert pacer.set_seen("a", True)  # seen again: frames sent meanwhile are not in flight
    assert pacer.watched() and pacer.in_flight() == 0 and pacer.may_send()
    assert not pacer.set_seen("a", False, gone=True)
    assert not pacer.watched()  # every view that spoke is gone (outputs cleared): none can see
    assert pacer.set_seen("c", True)  # the widget shown again: a new view gets a frame at once
    assert pacer.watched()


def rates(report_drawn: bool, page_fps: float) -> tuple[float, float]:
    """Frames a second the pacer lets out, and frames the page draws, from the 2nd to the 10th
    second: the pacer is checked every 4 ms; the page draws at most `page_fps` frames a second
    and acknowledges its newest frame every spec.FRAME_ACK_INTERVAL_S (those it skipped with it)."""
    clock = Clock()
    pacer = FramePacer(clock)
    start, next_draw, next_ack = clock.now, clock.now, clock.now
    since_ack = total_drawn = sent_at_2s = drawn_at_2s = 0
    while clock.now - start < 10:
        if pacer.may_send():
            pacer.next_frame()
        if clock.now >= next_draw and pacer.sent > pacer.acknowledged + since_ack:
            since_ack += 1
            total_drawn += 1
            next_draw = clock.now + 1 / page_fps
        if clock.now >= next_ack and since_ack:
            pacer.acknowledge(pacer.sent, since_ack if report_drawn else None)
            since_ack, next_ack = 0, clock.now + spec.FRAME_ACK_INTERVAL_S
        if clock.now - start < 2:
            sent_at_2s, drawn_at_2s = pacer.sent, total_drawn
        clock.now += 0.004
    return (pacer.sent - sent_at_2s) / 8, (total_drawn - drawn_at_2s) / 8


def test_the_beat_follows_a_page_that_says_how_many_frames_it_draws():
    sent, drawn = rates(report_drawn=False, page_fps=30)
    assert sent == pytest.approx(60, rel=0.05) and drawn < 31  # half the frames wasted
    sent, drawn = rates(report_drawn=True, page_fps=30)
    assert drawn <= sent <= HEADROOM * drawn * 1.05
    # A page that keeps up gets the display's rate.
    sent, drawn = rates(report_drawn=True, page_fps=60)
    assert sent == pytest.approx(60, rel=0.05)
