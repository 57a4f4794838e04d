"""Challenge: a goal for a Playground on a course sheet, its live status, and a check for graders.

``nw.Challenge(pg, target={"test_loss": 0.1}, limits={"neurons": 12})`` shows the goal and how
the Playground stands against it while it trains; ``check()`` says pass or fail and why.
"""

import html
import math
import numbers
import re
import uuid
from typing import NamedTuple

import ipywidgets
from IPython.display import display, update_display

from ..data.playground import DATASETS
from . import submission
from ._throttle import Throttle

# Targets: a loss must end at or below its value, an accuracy at or above it.
TARGETS = {
    "test_loss": "max",
    "train_loss": "max",
    "test_accuracy": "min",
    "train_accuracy": "min",
}
# Limits on the network and the training: at most so many, or exactly this data set.
LIMITS = ("neurons", "layers", "features", "epochs", "dataset")
# While training plays, the record is rewritten at most this often; every other change at once.
RECORD_INTERVAL_S = 2.0
_QUESTION = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,63}")
# What a student's change may touch: recorded once it happens.
_RECORDED = (
    "epoch",
    "hidden",
    "features",
    "activation",
    "learning_rate",
    "regularization",
    "regularization_rate",
    "batch_size",
    "dataset",
    "noise",
    "train_ratio",
    "seed",
    "classes",
    "problem",
    "playing",
)


class CheckResult(NamedTuple):
    """What `Challenge.check` returns: true when the goal is met.

    Attributes:
        passed: Whether every target is reached within the limits.
        reason: Why not (the first limit broken, or the targets missed), or what was reached.
    """

    passed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.passed


def _label(name: str) -> str:
    return name.replace("_", " ")


class Challenge(ipywidgets.HTML):
    """A goal for `playground`: `target` values to reach, within `limits`.

    Displayed, it is a status line that follows the Playground while it trains.

    Args:
        playground: The `Playground` to judge.
        target: {"test_loss": 0.1} (at most), {"test_accuracy": 0.95} (at least), ... any of
            TARGETS: a loss must end at or below its value, an accuracy at or above it.
        limits: {"neurons": 12} (hidden neurons in all), "layers" (hidden layers), "features"
            (inputs switched on), "epochs" (trained at most), "dataset" (the one to use).
        question: A name for the question on a graded sheet, e.g. "q1". With it, the
            Playground's configuration, data seed and weights are kept in the notebook (a
            display output after this widget) and in ``<question>.nnwidgets.json`` beside it,
            and a new Challenge of that question (the grader re-running the notebook, or the
            student after a restart) brings the Playground back as it was left. ``check``
            recomputes every figure from those weights and the regenerated data.
        **kwargs: Passed to ipywidgets.HTML.

    Raises:
        TypeError: If `playground` is not a Playground.
        ValueError: If a target or limit is unknown, not a number (an int for limits, a data
            set's name for "dataset"), or cannot be reached.
    """

    def __init__(self, playground, target, limits=None, question=None, **kwargs):
        from .playground import Playground

        if not isinstance(playground, Playground):
            raise TypeError(f"playground must be a Playground, got {type(playground).__name__}")
        self.playground = playground
        self.target = _check_target(target)
        self.limits = _check_limits(limits or {})
        self.question = _check_question(question)
        self.restored = None  # when the work restored was saved (UTC, ISO 8601), if any
        self.problems: list[str] = []  # records found but refused, each with its reason
        self._display_id = None
        self._throttle = Throttle(RECORD_INTERVAL_S)
        super().__init__(**kwargs)
        if self.question is not None:
            self._restore()
            playground.observe(self._record_change, names=list(_RECORDED))
        names = ["epoch", "train_loss", "test_loss", "hidden", "features", "dataset"]
        playground.observe(self._refresh, names=names)
        self._refresh()

    # --- the student's work, kept for the grader ---------------------------------------------

    def _restore(self):
        record, self.problems = submission.find(self.question)
        if record is None:
            return
        try:
            self.playground.restore(record["playground"])
        except ValueError as error:
            self.problems.append(f"the recorded work for {self.question} was refused: {error}")
            return
        self.restored = record["saved_at"]

    def record(self) -> dict | None:
        """Keep the Playground as it is now for the grader (done by itself as it changes).

        Returns:
            The record written, or None without a ``question``.
        """
        if self.question is None:
            return None
        pg = self.playground
        state = pg.to_dict()
        if pg.epoch:  # the epoch count travels; the figures are recomputed, never read back
            state["history"] = [[pg.epoch, None, None, None, None]]
        record = submission.make_record(self.question, state)
        submission.write_beside(record)
        if self._display_id is not None:
            update_display(submission.output_bundle(record), raw=True, display_id=self._display_id)
        self._throttle.mark()
        return record

    def _record_change(self, change):
        if not self.playground.playing or self._throttle.ready():
            self.record()

    def _ipython_display_(self):
        display(self._repr_mimebundle_(), raw=True)
        if self.question is not None:
            self._display_id = f"nnwidgets-{self.question}-{uuid.uuid4().hex}"
            record = self.record()
            display(submission.output_bundle(record), raw=True, display_id=self._display_id)

    def check(self) -> CheckResult:
        """Pass or fail, with the reason.

        Returns:
            A `CheckResult`: failed with the first limit broken or the targets missed, else
            passed with the figures reached.
        """
        result = self._judge()
        if self.problems and self.restored is None:
            return CheckResult(False, f"{result.reason}; {'; '.join(self.problems)}")
        return result

    def _judge(self) -> CheckResult:
        pg = self.playground
        broken = next(self._broken_limits(), None)
        if broken is not None:
            return CheckResult(False, broken)
        missed, reached = [], []
        for name, value in self.target.items():
            current = getattr(pg, name)
            if current is None or not math.isfinite(current):
                missed.append(f"{_label(name)} is not measured yet")
                continue
            ok = current <= value if TARGETS[name] == "max" else current >= value
            words = "at most" if TARGETS[name] == "max" else "at least"
            text = f"{_label(name)} {current:.4g} (goal: {words} {value:g})"
            (reached if ok else missed).append(text)
        if missed:
            return CheckResult(False, "; ".join(missed))
        return CheckResult(True, f"passed: {'; '.join(reached)}, within the limits")

    def _broken_limits(self):
        pg = self.playground
        used = {
            "neurons": sum(pg.hidden),
            "layers": len(pg.hidden),
            "features": len(pg.features),
            "epochs": pg.epoch,
        }
        for name, limit in self.limits.items():
            if name == "dataset":
                if pg.dataset != limit:
                    yield f"the data set must be {limit!r}, not {pg.dataset!r}"
            elif used[name] > limit:
                yield f"uses {used[name]} {name}; the limit is {limit}"

    def _refresh(self, change=None) -> None:
        result = self.check()
        goal = ", ".join(
            f"{_label(n)} {'≤' if TARGETS[n] == 'max' else '≥'} {v:g}"
            for n, v in self.target.items()
        )
        limits = ", ".join(
            f"{n} {v!r}" if n == "dataset" else f"at most {v} {n}" for n, v in self.limits.items()
        )
        colour = "#0877bd" if result.passed else "#f59322"
        mark = "✓" if result.passed else "…"
        self.value = (
            f'<div class="nnw-challenge" role="status" style="border-left: 4px solid {colour};'
            ' padding: 6px 12px; font-family: var(--jp-ui-font-family, sans-serif);">'
            f"<b>Goal:</b> {html.escape(goal)}"
            + (f" &nbsp; <b>Limits:</b> {html.escape(limits)}" if limits else "")
            + f"<br><b>{mark}</b> {html.escape(result.reason)}</div>"
        )


def _check_target(target) -> dict:
    if not isinstance(target, dict) or not target:
        raise ValueError(f"target must be a non-empty dict of {', '.join(TARGETS)}, got {target!r}")
    checked = {}
    for name, value in target.items():
        if name not in TARGETS:
            raise ValueError(f"target: unknown {name!r}; known: {', '.join(TARGETS)}")
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not math.isfinite(value)
        ):
            raise ValueError(f"target[{name!r}] must be a number, got {value!r}")
        if "accuracy" in name and not 0 <= value <= 1:
            raise ValueError(f"target[{name!r}] is a fraction in [0, 1]; {value} cannot be reached")
        if "loss" in name and value <= 0:
            raise ValueError(f"target[{name!r}] must be above 0: a loss of {value} is unreachable")
        checked[name] = float(value)
    return checked


def _check_limits(limits) -> dict:
    if not isinstance(limits, dict):
        raise ValueError(f"limits must be a dict of {', '.join(LIMITS)}, got {limits!r}")
    checked = {}
    for name, value in limits.items():
        if name not in LIMITS:
            raise ValueError(f"limits: unknown {name!r}; known: {', '.join(LIMITS)}")
        if name == "dataset":
            if value not in DATASETS:
                raise ValueError(f"limits['dataset'] must be one of {DATASETS}, got {value!r}")
            checked[name] = value
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"limits[{name!r}] must be an int, got {value!r}")
        lowest = 1 if name in ("features", "epochs") else 0
        if value < lowest:
            raise ValueError(f"limits[{name!r}] must be at least {lowest}: {value} is impossible")
        checked[name] = int(value)
    return checked


def _check_question(question):
    if question is None:
        return None
    if not isinstance(question, str) or not _QUESTION.fullmatch(question):
        raise ValueError(
            "question must be a name of letters, digits, '_', '.' or '-' starting with a "
            f"letter (it names a file), got {question!r}"
        )
    return question
