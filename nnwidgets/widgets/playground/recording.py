"""A handful of moments of one Playground run, kept as it trains, for a page that replays it
without a kernel (replay_page.py).

A ``Recording`` keeps snapshots of the live state: the frame traits the browser draws and the
figures shown beside them. It keeps fewer than ``MAX_SNAPSHOTS``, spread over the run: when full,
every other one goes and the epochs between snapshots double, so a long run costs no more than a
short one, and a training chunk pays for a snapshot only when one is due. The run's start is always
kept; the state at export comes last (``until``).
"""

from dataclasses import dataclass

# With the state at export, a replay has at most this many snapshots.
MAX_SNAPSHOTS = 48


@dataclass(frozen=True)
class Snapshot:
    """The live state at one epoch, as the browser draws it."""

    epoch: int
    frame: dict  # the frame traits: name -> bytes (Playground._frame_traits())
    figures: dict  # train_loss, test_loss, train_accuracy, test_accuracy (None where none)


class Recording:
    """The snapshots of one run, oldest first; a new run starts a new Recording."""

    def __init__(self, cap: int = MAX_SNAPSHOTS):
        if cap < 3:
            raise ValueError(f"a recording keeps at least 3 snapshots, got cap={cap}")
        self.cap = cap
        self.snapshots: list[Snapshot] = []
        self._interval = 1  # epochs from one snapshot to the next
        self._next_due = 0  # the run's start is always due

    def due(self, epoch: int) -> bool:
        """Whether the state at `epoch` should be kept (cheap: training asks before each chunk)."""
        return epoch >= self._next_due

    def add(self, snapshot: Snapshot) -> None:
        """Keep `snapshot`; when full, every other one goes and the interval doubles."""
        self.snapshots.append(snapshot)
        if len(self.snapshots) >= self.cap:  # room stays for the state at export
            self.snapshots = self.snapshots[::2]  # the first stays
            self._interval *= 2
        self._next_due = self.snapshots[-1].epoch + self._interval

    def until(self, now: Snapshot) -> list[Snapshot]:
        """The snapshots, ending with `now`, the current state (which replaces any kept at its
        epoch or later: the weights may have been set since)."""
        return [s for s in self.snapshots if s.epoch < now.epoch] + [now]
