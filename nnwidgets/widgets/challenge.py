"""Challenge: a goal for a Playground on a course sheet, its live status, and a check for graders.

``nw.Challenge(pg, target={"test_loss": 0.1}, limits={"neurons": 12})`` shows the goal and how
the Playground stands against it while it trains; ``check()`` says pass or fail and why.
"""

import re
import uuid

import traitlets
from IPython.display import display, update_display

from . import static_image, submission
from ._base import FrontEndWidget
from ._throttle import Throttle
from .goal import TARGETS, CheckResult, check_limits, check_target, judge, label
from .training_loop import running_loop

# As epochs pass, the record is rewritten at most this often; every other change at once.
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


class Challenge(FrontEndWidget):
    """A goal for `playground`: `target` values to reach, within `limits`.

    Displayed, it shows the goal and a status line that follows the Playground while it trains
    (``passed`` and ``reason``, as ``check()`` would say now).

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
        **kwargs: Passed to the widget.

    Raises:
        TypeError: If `playground` is not a Playground.
        ValueError: If a target or limit is unknown, not a number (an int for limits, a data
            set's name for "dataset"), or cannot be reached.
    """

    _view = traitlets.Unicode("challenge").tag(sync=True)

    goal_text = traitlets.Unicode(help="the targets, as the view writes them").tag(sync=True)
    limits_text = traitlets.Unicode(help="the limits, as the view writes them, or ''").tag(
        sync=True
    )
    passed = traitlets.Bool(False, help="whether the goal is met now").tag(sync=True)
    reason = traitlets.Unicode(help="why not, or what was reached, as check() says").tag(sync=True)

    def __init__(self, playground, target, limits=None, question=None, **kwargs):
        from .playground import Playground

        if not isinstance(playground, Playground):
            raise TypeError(f"playground must be a Playground, got {type(playground).__name__}")
        self.playground = playground
        self.target = check_target(target)
        self.limits = check_limits(limits or {})
        self.question = _check_question(question)
        self.restored = None  # when the work restored was saved (UTC, ISO 8601), if any
        self.problems: list[str] = []  # records found but refused, each with its reason
        self._display_id = None
        self._throttle = Throttle(RECORD_INTERVAL_S)
        self._loop = running_loop()  # the kernel's: a held-back record is written later on it
        self._pending = False
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
        # A change of settings is kept at once. Epochs move many times a second (Play, a loop
        # of step): each would rewrite the file and the notebook's output, so they are kept at
        # most every RECORD_INTERVAL_S, the last one after the interval.
        if change["name"] != "epoch" or self._throttle.ready() or self._loop is None:
            self.record()
        elif not self._pending:
            self._pending = True
            self._loop.call_soon_threadsafe(
                self._loop.call_later, self._throttle.seconds_left(), self._record_held
            )

    def _record_held(self):
        self._pending = False
        self.record()

    def _ipython_display_(self):
        data, metadata = self._repr_mimebundle_()
        display(data, metadata=metadata, raw=True)
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
        state = {name: getattr(pg, name) for name in ("hidden", "features", "epoch", "dataset")}
        state |= {name: getattr(pg, name) for name in self.target}
        return judge(self.target, self.limits, state)

    def _refresh(self, change=None) -> None:
        result = self.check()
        with self.hold_sync():
            self.goal_text = ", ".join(
                f"{label(n)} {'≤' if TARGETS[n] == 'max' else '≥'} {v:g}"
                for n, v in self.target.items()
            )
            self.limits_text = ", ".join(
                f"{n} {v!r}" if n == "dataset" else f"at most {v} {n}"
                for n, v in self.limits.items()
            )
            self.passed = result.passed
            self.reason = result.reason

    def _summary(self) -> str:
        limits = f"; limits: {self.limits_text}" if self.limits_text else ""
        verdict = self.reason if self.passed else f"not yet: {self.reason}"
        return f"Challenge: goal {self.goal_text}{limits}; {verdict}"

    def _static_image(self):
        return static_image.challenge_image(
            self.goal_text, self.limits_text, self.passed, self.reason
        )


def _check_question(question):
    if question is None:
        return None
    if not isinstance(question, str) or not _QUESTION.fullmatch(question):
        raise ValueError(
            "question must be a name of letters, digits, '_', '.' or '-' starting with a "
            f"letter (it names a file), got {question!r}"
        )
    return question
