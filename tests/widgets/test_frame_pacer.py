"""When the Playground may send a frame: at most three ahead of the browser's drawing, at most one
per display frame, and one a second when the browser says nothing."""

from nnwidgets.widgets.frame_pacer import (
    FALLBACK_INTERVAL_S,
    MAX_IN_FLIGHT,
    MIN_INTERVAL_S,
    FramePacer,
)

DISPLAY_FRAME = MIN_INTERVAL_S * 1.001  # just past the interval, whatever the rounding


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_three_frames_may_wait_for_the_browser_then_sending_stops():
    clock = Clock()
    pacer = FramePacer(clock)
    assert MAX_IN_FLIGHT == 3
    assert pacer.may_send()
    assert pacer.next_frame() == 1
    assert not pacer.may_send()  # not within one display frame
    for _ in range(MAX_IN_FLIGHT - 1):
        clock.now += DISPLAY_FRAME
        assert pacer.may_send()
        pacer.next_frame()
    clock.now += DISPLAY_FRAME
    assert pacer.in_flight() == 3 and not pacer.may_send()
    pacer.acknowledge(1)
    assert pacer.in_flight() == 2 and pacer.may_send()


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
    pacer = FramePacer(clock)
    for _ in range(MAX_IN_FLIGHT):
        pacer.next_frame()
        clock.now += DISPLAY_FRAME
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
    pacer.set_seen("a", False, gone=True)
    assert pacer.watched()  # no view left that said anything
