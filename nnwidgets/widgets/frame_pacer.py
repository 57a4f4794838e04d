"""When the kernel may send the browser another frame: back-pressure, a rate cap, a fallback.

The browser acknowledges each frame once it has drawn it. Sending far ahead of the
acknowledgements only queues frames (and past 1000 messages/s the Jupyter server drops messages
silently), so a new frame goes out only when fewer than MAX_IN_FLIGHT are unacknowledged, and at
most one per display frame, on a steady beat. The browser draws the frames it gets one per display
frame, up to two behind the newest (js/src/shared/frame_queue.ts), and acknowledges the latest one
drawn at most every spec.FRAME_ACK_INTERVAL_S (each acknowledgement costs the page; see
frame_loop.ts), so the frames in flight must cover that interval and the way back: with three in
flight and acknowledgements every 100 ms the default network drew 28 distinct frames a second,
with twelve 52 (make bench). A page that draws slower than that skips frames, and each costs it
a message to read: when its acknowledgements say how many frames it drew, the beat follows its
pace, a little faster (HEADROOM) so that it finds out when the page could draw more. Without
acknowledgements (no view drawing yet, a page being reloaded) one frame a second still goes out,
so any view that appears is current.

Views also say whether they can be seen (their tab is visible and their output on screen), and
that they are gone (their output cleared or closed). While views have spoken and none can be seen,
gone ones included, no frame is made at all: training runs at the engine's speed, and the first
frame after a view shows (or a new one appears) goes out at once.
"""

import collections
import math
import time

from .. import spec

MIN_INTERVAL_S = 1 / 60  # no display draws faster
ROUND_TRIP_S = 0.15  # an acknowledgement's way back, with the page busy drawing
MAX_IN_FLIGHT = math.ceil((spec.FRAME_ACK_INTERVAL_S + ROUND_TRIP_S) / MIN_INTERVAL_S)
# A forced frame (a change the user made, the end of a step) goes out off the beat, and may go out
# this many past the limit: with the browser drawing slower than the kernel trains, the limit is
# always reached, and a slider's new network would otherwise wait for the next acknowledgement.
URGENT_RESERVE = 2
FALLBACK_INTERVAL_S = 1.0
RATE_WINDOW_S = 1.0  # the page's pace: frames drawn over about this long
HEADROOM = 1.2


class FramePacer:
    """Which frame may go out when: frame numbers sent and acknowledged, and the clock."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self.sent = 0  # number of the last frame sent
        self.acknowledged = 0  # highest frame number a view has drawn
        self._last_sent_at = -float("inf")
        self._next_slot = -float("inf")  # the beat: when the next frame is due
        self._drawn = collections.deque()  # (time, frames drawn) per acknowledgement, recent
        self.viewed = False  # whether any view has ever drawn a frame
        self._seen = {}  # view id -> whether it can be seen, for views that said so and remain
        self._spoken = False  # whether any view has said whether it can be seen

    def in_flight(self) -> int:
        """Frames sent that no view has acknowledged yet."""
        return self.sent - self.acknowledged

    def may_send(self, urgent: bool = False) -> bool:
        """Whether a frame may go out now (a slot is free, or the fallback interval passed);
        `urgent`: a forced frame, which need not wait for the beat and may use URGENT_RESERVE
        slots more."""
        now = self._clock()
        if now < self._next_slot and not urgent:
            return False
        limit = MAX_IN_FLIGHT + (URGENT_RESERVE if urgent else 0)
        return self.in_flight() < limit or now - self._last_sent_at >= FALLBACK_INTERVAL_S

    def seconds_until_slot(self) -> float:
        """How long until `may_send` could turn true without an acknowledgement."""
        now = self._clock()
        if self.in_flight() < MAX_IN_FLIGHT:
            return max(0.0, self._next_slot - now)
        return max(0.0, FALLBACK_INTERVAL_S - (now - self._last_sent_at))

    def next_frame(self) -> int:
        """Record that a frame goes out now; returns its number."""
        self.sent += 1
        now = self._last_sent_at = self._clock()
        # Due one display frame after the last one was due, not after it went out: checked between
        # chunks of training, sends would otherwise drift to one every display frame and a bit.
        # After a pause the beat starts again from now, so frames never go out back to back.
        interval = self.interval()
        self._next_slot = max(self._next_slot, now - interval / 2) + interval
        return self.sent

    def interval(self) -> float:
        """The beat's period: a display frame, or a little less than the page's own pace when its
        acknowledgements of the last RATE_WINDOW_S say it draws fewer frames."""
        now = self._clock()
        while self._drawn and now - self._drawn[0][0] > RATE_WINDOW_S:
            self._drawn.popleft()
        if len(self._drawn) < 3:
            return MIN_INTERVAL_S
        span = self._drawn[-1][0] - self._drawn[0][0]
        drawn = sum(count for _, count in self._drawn) - self._drawn[0][1]
        return max(MIN_INTERVAL_S, span / (HEADROOM * drawn)) if span > 0 else MIN_INTERVAL_S

    def watched(self) -> bool:
        """Whether some view may be seen: one that said so, or any while no view has said either
        way (a front end that does not tell, a notebook run without a browser)."""
        return not self._spoken or any(self._seen.values())

    def set_seen(self, view: str, seen: bool, gone: bool = False) -> bool:
        """View `view` can (or cannot) be seen now, or is `gone`; returns whether the widget just
        became watched again, in which case frames sent meanwhile no longer count as in flight."""
        was = self.watched()
        self._spoken = True
        if gone:
            self._seen.pop(view, None)
        else:
            self._seen[view] = seen
        if self.watched() and not was:
            self.acknowledged = self.sent
            self._last_sent_at = self._next_slot = -float("inf")
            return True
        return False

    def acknowledge(self, frame, drawn=None) -> None:
        """A view drew `frame` (views of one widget all acknowledge; the highest counts) and, if
        it says so, `drawn` distinct frames since its last acknowledgement."""
        if isinstance(frame, int) and not isinstance(frame, bool):
            self.acknowledged = max(self.acknowledged, min(frame, self.sent))
            self.viewed = True
            if isinstance(drawn, int) and not isinstance(drawn, bool) and drawn > 0:
                self._drawn.append((self._clock(), drawn))
