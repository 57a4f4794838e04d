"""State messages to the browser at most 100 a second, whatever Python does, the last always.

A loop of ``pg.step(1)`` or of trait assignments changes a widget's state thousands of times a
second. The Jupyter server drops messages silently past 1,000 a second, and a browser that is sent
more than it draws only queues them. So state changes collect here: they go out at once when the
last message left long enough ago, else together once the interval has passed (from the kernel's
event loop, or with the next change, whichever comes first). The values sent are always the
current ones, so the last state is always what the browser ends with.
"""

import asyncio
import threading
import time

from ._throttle import Throttle

MAX_MESSAGES_PER_S = 100


def running_loop():
    """The asyncio loop running in this thread, or None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Later:
    """One pending call of `callback` on an asyncio loop: asking again before it ran adds none."""

    def __init__(self, callback):
        self._callback = callback
        self._lock = threading.Lock()
        self._pending = False

    def request(self, loop, delay: float) -> bool:
        """Call `callback()` on `loop` in about `delay` seconds; returns False where no loop runs
        (the caller then acts at once, so nothing is lost)."""
        if loop is None or loop.is_closed() or not loop.is_running():
            return False
        with self._lock:
            if self._pending:
                return True
            self._pending = True
        loop.call_soon_threadsafe(loop.call_later, max(0.0, delay), self._run)
        return True

    def _run(self):
        with self._lock:
            self._pending = False
        self._callback()


class Outbox:
    """The names of traits changed since the last state message, sent at most once per interval.

    Args:
        send: Sends the current values of an iterable of trait names (one message).
        loop: Returns the kernel's event loop (or None) where a held-back message is sent later.
        interval: Seconds between messages at least.
        clock: The clock, for tests.
    """

    def __init__(self, send, loop, interval=1 / MAX_MESSAGES_PER_S, clock=time.monotonic):
        self._send = send
        self._loop = loop
        self._throttle = Throttle(interval, clock)
        self._names = set()
        self._lock = threading.Lock()
        self._later = Later(self.flush)

    def add(self, names) -> None:
        """Send `names` now if the interval has passed, else with the next message."""
        with self._lock:
            self._names.update(names)
            if not self._names:
                return
        if self._throttle.ready() or not self._later.request(
            self._loop(), self._throttle.seconds_left()
        ):
            self.flush()

    def flush(self) -> None:
        """Send every name waiting, now, in one message."""
        with self._lock:
            names, self._names = self._names, set()
            if not names:
                return
            self._throttle.mark()
        self._send(sorted(names))
