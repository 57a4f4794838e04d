"""At most one update per interval: the views that follow `fit` send ≤ 10 updates a second, however
fast epochs run, and always the last one (the caller forces it at the end of training)."""

import time

INTERVAL_S = 0.1  # 10 Hz: smooth enough for curves and scatters, far below the server's limits


class Throttle:
    """At most one update per `interval` seconds, by `clock`; callers `mark` what they send."""

    def __init__(self, interval: float = INTERVAL_S, clock=time.monotonic):
        self.interval = interval
        self._clock = clock
        self._last = -float("inf")

    def ready(self) -> bool:
        """Whether an update may go out now."""
        return self._clock() - self._last >= self.interval

    def seconds_left(self) -> float:
        """Seconds until an update may go out again (0 when it may now)."""
        return max(0.0, self.interval - (self._clock() - self._last))

    def mark(self) -> None:
        """Record that an update went out now."""
        self._last = self._clock()
