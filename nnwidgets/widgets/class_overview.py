"""ClassOverview: every student's recorded work on a question, as a grid of small decision maps.

``nw.ClassOverview("submitted/", question="q3", target={"test_loss": 0.1})`` finds each student's
newest record (``class_records``), figures each again from its weights and regenerated data
(``recorded_work``: no stored figure is read) and judges it as ``Challenge`` does (``goal``).

Students are figured in chunks on the kernel's event loop, so the constructor returns at once and
the kernel answers the browser between chunks; the grid fills in as they come (a frame at most
every ``PUBLISH_INTERVAL_S``). Without a running event loop (a script, a test), everyone is
figured before the constructor returns.
"""

import asyncio
import os
import time

import numpy as np
import traitlets

from . import binary, static_overview
from ._base import FrontEndWidget
from .class_records import Student, find_students, newest_record
from .goal import TARGETS, check_limits, check_target, label
from .playground import Playground
from .recorded_work import FIGURES, MAP_RESOLUTION, RecordError, recompute
from .training_loop import running_loop

CHUNK_S = 0.03  # the kernel is busy at most this long between the browser's messages
PUBLISH_INTERVAL_S = 0.2  # the grid grows at most 5 times a second (each frame resends it all)
SORT_KEYS = ("name", "test_loss", "test_accuracy", "passed")


class ClassOverview(FrontEndWidget):
    """Every student's work on ``question``: decision map, test loss and accuracy, passed or not.

    Args:
        directory: The folder of submissions, read recursively: notebooks (``*.ipynb``, records
            in their outputs) and record files (``*.nnwidgets.json``). A file in a subfolder
            belongs to the subfolder's student (nbgrader's ``submitted/<student>/...``); a file
            directly in ``directory`` is a student named after it.
        question: The question's name, as the sheet's ``Challenge(question=...)``.
        target: The goal, as ``Challenge``'s: {"test_loss": 0.1}, ... Without it, every usable
            record passes unless it breaks a limit.
        limits: The limits, as ``Challenge``'s: {"neurons": 8, "dataset": "xor"}, ...
        **kwargs: Passed to the widget.

    Raises:
        FileNotFoundError: ``directory`` is not a folder.
        ValueError: A target or limit is not one ``Challenge`` takes.

    The view sorts the cells (by name, test loss, accuracy or passed) and each cell's "Open"
    button puts that student's network, as a ``Playground``, in ``opened``; ``open(name)``
    does the same from Python. ``results(sort_by)`` lists the figures, ``problems`` the files
    and students without usable work, each with its reason.
    """

    _view = traitlets.Unicode("class_overview").tag(sync=True)

    question = traitlets.Unicode().tag(sync=True)
    goal = traitlets.Unicode().tag(sync=True)  # the goal and limits, in words
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)  # every student, by name
    # Per student figured so far, in the order figured: name, passed, reason, the figures,
    # dataset, hidden, features, epoch, outputs, and where its map and points lie in the bytes
    # (map_at and points_at: byte offsets; points: how many; none for a student without a map).
    students = traitlets.List(traitlets.Dict()).tag(sync=True)
    # "name: reason" per file or student refused, files named from ``directory`` on
    problems = traitlets.List(traitlets.Unicode()).tag(sync=True)
    done = traitlets.Bool(False).tag(sync=True)
    opened = traitlets.Instance(Playground, allow_none=True)  # the Playground "Open" made
    _map_resolution = traitlets.Int(MAP_RESOLUTION).tag(sync=True)
    _maps = traitlets.Bytes(b"").tag(sync=True)  # uint8 maps (outputs × resolution²) back to back
    # uint8 rows [x, y, label]: coordinates 0-255 over [-6, 6]; labels as the maps' bytes
    # (value v as round((v + 1) · 127.5)), with more than two classes the class index.
    _points = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, directory, question="q3", target=None, limits=None, **kwargs):
        self._target = check_target(target) if target is not None else {}
        self._limits = check_limits(limits or {})
        queue = find_students(directory)
        self._prefix = f"{os.path.join(directory, '')}"  # problems name files from here on
        super().__init__(question=question, goal=self._goal_text(), **kwargs)
        self.names = [student.name for student in queue]
        self._queue = list(reversed(queue))  # popped from the end: name order
        self._records: dict[str, dict] = {}  # name → the record figured
        self._map_chunks: list[bytes] = []
        self._point_chunks: list[bytes] = []
        self._rows: list[dict] = []
        self._problems: list[str] = []
        self._sizes = [0, 0]  # bytes of maps and points so far
        self.on_msg(self._on_message)
        loop = running_loop()
        if loop is None:
            self._figure(deadline=None)
            self._publish()
        else:
            self._task = loop.create_task(self._figure_in_chunks())

    def _goal_text(self) -> str:
        parts = [
            f"{label(name)} {'≤' if TARGETS[name] == 'max' else '≥'} {value:g}"
            for name, value in self._target.items()
        ]
        parts += [
            f"{name} {value!r}" if name == "dataset" else f"at most {value} {name}"
            for name, value in self._limits.items()
        ]
        return " · ".join(parts)

    # --- figuring ----------------------------------------------------------------------------

    async def _figure_in_chunks(self):
        published = None
        while self._queue:
            self._figure(deadline=time.perf_counter() + CHUNK_S)
            if published is None or time.perf_counter() - published >= PUBLISH_INTERVAL_S:
                self._publish()
                published = time.perf_counter()
            await asyncio.sleep(0)
        self._publish()

    def _figure(self, deadline):
        while self._queue and (deadline is None or time.perf_counter() < deadline):
            self._figure_one(self._queue.pop())

    def _figure_one(self, student: Student):
        record, problems = newest_record(student, self.question)
        problems = [problem.replace(self._prefix, "", 1) for problem in problems]
        self._problems += [f"{student.name}: {problem}" for problem in problems]
        row = {"name": student.name, "passed": False, **dict.fromkeys(FIGURES)}
        if record is None:
            self._rows.append({**row, "reason": "; ".join(problems)})
            return
        try:
            work = recompute(record["playground"], self._target, self._limits)
        except RecordError as error:
            reason = f"the recorded work was refused: {error}"
            self._problems.append(f"{student.name}: {reason}")
            self._rows.append({**row, "reason": reason})
            return
        self._records[student.name] = record
        config = work.config
        rows = _point_bytes(work.points, config["outputs"])
        self._rows.append(
            {
                **row,
                **work.figures,
                "passed": work.result.passed,
                "reason": work.result.reason,
                "saved_at": record["saved_at"],
                **{key: config[key] for key in ("dataset", "hidden", "features", "epoch")},
                "outputs": config["outputs"],
                "map_at": self._sizes[0],
                "points_at": self._sizes[1],
                "points": len(rows) // 3,
                "train_points": len(work.points.X_train),
            }
        )
        self._map_chunks.append(work.maps.tobytes())
        self._point_chunks.append(rows)
        self._sizes[0] += work.maps.size
        self._sizes[1] += len(rows)

    def _publish(self):
        maps, points = b"".join(self._map_chunks), b"".join(self._point_chunks)
        self._map_chunks, self._point_chunks = [maps], [points]
        with self.hold_sync():
            self._maps = maps
            self._points = points
            self.students = list(self._rows)
            self.problems = list(self._problems)
            self.done = not self._queue

    # --- results -----------------------------------------------------------------------------

    def results(self, sort_by: str = "name") -> list[dict]:
        """Each student figured so far: name, passed, reason, the four figures (None where
        none), dataset, hidden, features and epoch.

        Args:
            sort_by: "name"; "test_loss" (lowest first); "test_accuracy" (highest first);
                "passed" (passed first). Ties, and students without the figure (last), go by
                name.

        Raises:
            ValueError: ``sort_by`` is not one of ``SORT_KEYS``.
        """
        if sort_by not in SORT_KEYS:
            raise ValueError(f"sort_by must be one of {SORT_KEYS}, got {sort_by!r}")
        keep = ("name", "passed", "reason", *FIGURES, "dataset", "hidden", "features", "epoch")
        rows = [{key: row.get(key) for key in keep} for row in self._rows]
        return sorted(rows, key=lambda row: _sort_key(row, sort_by))

    def open(self, name: str | None = None) -> Playground:
        """A new Playground of student ``name``'s recorded work: configuration, points and
        weights (``Playground.from_dict`` of the record).

        (Without a name this is ipywidgets' own ``Widget.open``, which opens the widget's
        connection to the browser.)

        Raises:
            ValueError: No usable work of that student has been figured.
        """
        if name is None:
            return super().open()
        record = self._records.get(name)
        if record is None:
            raise ValueError(f"no usable work of {name!r} (see problems)")
        return Playground.from_dict(record["playground"])

    def _on_message(self, _widget, content, _buffers):
        if isinstance(content, dict) and content.get("type") == "open":
            try:
                self.opened = self.open(str(content.get("name")))
            except (TypeError, ValueError) as error:
                self.send({"type": "refused", "message": str(error)})

    def _summary(self) -> str:
        passed = sorted(row["name"] for row in self._rows if row["passed"])
        text = f"ClassOverview: {self.question}, {len(passed)} of {len(self.names)} students passed"
        text += "" if self.done else f" ({len(self._rows)} read so far)"
        text += f"; goal: {self.goal or 'none set'}"
        if passed:  # by name, the first few
            more = f", and {len(passed) - 8} more" if len(passed) > 8 else ""
            text += f"; passed: {', '.join(passed[:8])}{more}"
        if self.problems:
            text += f"; {len(self.problems)} problem{'' if len(self.problems) == 1 else 's'}"
        return text

    def _static_image(self):
        read = sorted(self.students, key=lambda row: row["name"])
        figured = {row["name"] for row in read}
        pending = [
            {"name": name, "passed": False, "reason": None}
            for name in sorted(self.names)
            if name not in figured
        ]
        passed = sum(row["passed"] for row in read)
        title = f"Class overview, {self.question}: {passed} of {len(self.names)} students passed"
        if pending:
            title += f" · reading {len(read)} of {len(self.names)}…"
        lines = [
            f"Goal: {self.goal}" if self.goal else "Goal: none set (every usable record passes)"
        ]
        if not self.names:
            lines.append("No submissions found.")
        if self.problems:
            count = len(self.problems)
            lines.append(f"{count} problem{'' if count == 1 else 's'}: work that could not be used")
        return static_overview.class_overview_image(
            title, lines, read + pending, self._maps, self._points, self._map_resolution
        )


def _sort_key(row: dict, key: str):
    if key == "name":
        return (row["name"],)
    if key == "passed":
        return (not row["passed"], row["name"])
    value = row[key]
    missing = value is None
    sign = -1 if key == "test_accuracy" else 1
    return (missing, 0.0 if missing else sign * value, row["name"])


def _point_bytes(points, outputs: int) -> bytes:
    X = np.concatenate([points.X_train, points.X_test])
    y = np.concatenate([points.y_train, points.y_test])
    xy = np.rint((np.clip(X, -6, 6) + 6) * (255 / 12)).astype(np.uint8)
    labels = y.astype(np.uint8) if outputs > 1 else binary.quantize(y)
    return np.column_stack([xy, labels]).tobytes()
