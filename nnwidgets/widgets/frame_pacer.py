"""When the kernel may send the browser another frame: back-pressure, a rate cap, a fallback.

The browser acknowledges each frame once it has drawn it. Sending far ahead of the
acknowledgements only queues frames (and past 1000 messages/s the Jupyter server drops messages
silently), so a new frame goes out only when fewer than three are unacknowledged and the last
went out at least a display frame ago. Three, not two: an acknowledgement takes 40-200 ms to come
back while the kernel trains between frames, and with two in flight the largest network drew 26
frames a second, with three 35-42 (make bench). Without acknowledgements (no view, a page being
reloaded) one frame a second still goes out, so any view that appears is current.

Views also say whether they can be seen (their tab is visible and their output on screen). While
views have spoken and none can be seen, no frame is made at all: training runs at the engine's
speed, and the first frame after a view shows again goes out at once.
"""

import time

MAX_IN_FLIGHT = 3
MIN_INTERVAL_S = 1 / 60  # no display draws faster
FALLBACK_INTERVAL_S = 1.0


class FramePacer:
    """Which frame may go out when: frame numbers sent and acknowledged, and the clock."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self.sent = 0  # number of the last frame sent
        self.acknowledged = 0  # highest frame number a view has drawn
        self._last_sent_at = -float("inf")
        self.viewed = False  # whether any view has ever drawn a frame
        self._seen = {}  # view id -> whether it can be seen, for views that said so

    def in_flight(self) -> int:
        """Frames sent that no view has acknowledged yet."""
        return self.sent - self.acknowledged

    def may_send(self) -> bool:
        """Whether a frame may go out now (a slot is free, or the fallback interval passed)."""
        since = self._clock() - self._last_sent_at
        if since < MIN_INTERVAL_S:
            return False
        return self.in_flight() < MAX_IN_FLIGHT or since >= FALLBACK_INTERVAL_S

    def seconds_until_slot(self) -> float:
        """How long until `may_send` could turn true without an acknowledgement."""
        since = self._clock() - self._last_sent_at
        if self.in_flight() < MAX_IN_FLIGHT:
            return max(0.0, MIN_INTERVAL_S - since)
        return max(0.0, FALLBACK_INTERVAL_S - since)

    def next_frame(self) -> int:
        """Record that a frame goes out now; returns its number."""
        self.sent += 1
        self._last_sent_at = self._clock()
        return self.sent

    def watched(self) -> bool:
        """Whether some view may be seen (also when no view has said either way)."""
        return not self._seen or any(self._seen.values())

    def set_seen(self, view: str, seen: bool, gone: bool = False) -> bool:
        """View `view` can (or cannot) be seen now, or is `gone`; returns whether the widget just
        became watched again, in which case frames sent meanwhile no longer count as in flight."""
        was = self.watched()
        if gone:
            self._seen.pop(view, None)
        else:
            self._seen[view] = seen
        if self.watched() and not was:
            self.acknowledged = self.sent
            self._last_sent_at = -float("inf")
            return True
        return False

    def acknowledge(self, frame) -> None:
        """A view drew `frame` (views of one widget all acknowledge; the highest counts)."""
        if isinstance(frame, int) and not isinstance(frame, bool):
            self.acknowledged = max(self.acknowledged, min(frame, self.sent))
            self.viewed = True
