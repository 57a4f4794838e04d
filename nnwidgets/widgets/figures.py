"""bqplot figures that follow training live, for instructors' own dashboards.

Each function returns a plain ``bqplot.Figure`` whose marks follow a widget's public traits, so it
composes with any other bqplot chart or ipywidgets layout. While a Playground plays, a figure
changes at most 10 times a second (``Throttle``); the last state always arrives when training
stops. Closing a figure stops it following; a figure never keeps its widget alive.

bqplot (and the pandas it brings) loads only when the first figure is made: ``Playground.figure``
and ``ActivationView.figure`` import this module on their first call.
"""

import contextlib
import weakref

import bqplot
import numpy as np

from ._throttle import Throttle

CURVE_POINTS = 400  # as the Playground's own loss chart: long histories stay cheap to send
# The Playground's loss chart: training loss in its label grey, test loss in its text colour.
TRAIN_COLOR = "#777777"
TEST_COLOR = "#212121"
# The views' class colours (js/src/views/scales.ts): two classes in the Playground's orange and
# blue, more in Tableau 10 and its light companions.
TWO_CLASS_COLORS = ("#f59322", "#0877bd")
CATEGORICAL = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63",
    "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
)  # fmt: skip
KINDS = ("loss", "accuracy")
_MARGIN = {"top": 50, "bottom": 45, "left": 60, "right": 20}


def training_curves(playground, kind: str = "loss", **figure_kwargs) -> bqplot.Figure:
    """A bqplot figure of a Playground's training and test curves, one point per epoch.

    The lines follow ``playground.history`` as it trains (at most ``CURVE_POINTS`` points,
    evenly spread over the epochs, the first and last always included), in the colours of the
    Playground's own loss chart, with a legend. A new network (Reset, a new data set) starts
    them over.

    Args:
        playground: The ``Playground`` to follow.
        kind: ``"loss"`` (training and test loss) or ``"accuracy"`` (training and test
            accuracy, classification only).
        **figure_kwargs: Passed to ``bqplot.Figure`` (e.g. ``title``, ``layout``,
            ``fig_margin``), replacing the defaults.

    Returns:
        The figure; its one mark is a ``bqplot.Lines`` with ``y`` rows [training, test].

    Raises:
        ValueError: ``kind`` is not one of ``KINDS``, or ``"accuracy"`` for a Playground that
            does regression.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}, got {kind!r}")
    if kind == "accuracy" and playground.problem != "classification":
        raise ValueError(
            "accuracy is for classification, and this Playground does regression: use "
            'figure("loss")'
        )
    x, y = bqplot.LinearScale(min=0.0), bqplot.LinearScale(min=0.0)
    if kind == "accuracy":
        y.max = 1.0
    lines = bqplot.Lines(
        scales={"x": x, "y": y},
        colors=[TRAIN_COLOR, TEST_COLOR],
        labels=[f"training {kind}", f"test {kind}"],
        display_legend=True,
        stroke_width=2,
    )
    axes = [
        bqplot.Axis(scale=x, side="bottom", label="epoch"),
        bqplot.Axis(
            scale=y, side="left", label=kind, tick_format=".0%" if kind == "accuracy" else ".2f"
        ),
    ]
    defaults = {
        "title": f"{kind.capitalize()} per epoch",
        "fig_margin": dict(_MARGIN),
        "padding_y": 0.0,  # the axis starts at 0, not below it
        # Where the curves are not: loss falls from the top left, accuracy rises to the top.
        "legend_location": "top-right" if kind == "loss" else "bottom-right",
    }
    figure = bqplot.Figure(marks=[lines], axes=axes, **{**defaults, **figure_kwargs})
    _Following(playground, figure, lambda pg: _draw_curves(lines, pg.history, kind), "playing")
    return figure


def activation_scatter(view, **figure_kwargs) -> bqplot.Figure:
    """A bqplot scatter of an ``ActivationView``'s points, as the view shows them.

    One ``bqplot.Scatter`` per class, in the view's class colours, with the class names in the
    legend; it follows the epoch the view shows, so it moves as ``fit`` trains (the view sends
    at most 10 updates a second, and the last epoch when training ends) and when the slider
    replays the epochs.

    Args:
        view: The ``ActivationView`` to follow; a two-unit one (a scatter is 2-D).
        **figure_kwargs: Passed to ``bqplot.Figure`` (e.g. ``title``, ``layout``), replacing the
            defaults.

    Returns:
        The figure; ``figure.marks[k]`` holds the points of class ``view.classes[k]``.

    Raises:
        ValueError: The view shows three units.
    """
    if len(view.units) != 2:
        raise ValueError(
            f"a bqplot scatter is 2-D, and this view shows {len(view.units)} units; make an "
            "ActivationView with units=(i, j) for its figure"
        )
    x, y = bqplot.LinearScale(), bqplot.LinearScale()
    colors = class_colors(len(view.classes))
    marks = [
        bqplot.Scatter(
            scales={"x": x, "y": y},
            colors=[colors[k]],
            labels=[str(name)],
            display_legend=True,
            default_size=24,
            stroke="white",
        )
        for k, name in enumerate(view.classes)
    ]
    first, second = (f"{view.layer_name}[{unit}]" for unit in view.units)
    axes = [
        bqplot.Axis(scale=x, side="bottom", label=first),
        bqplot.Axis(scale=y, side="left", label=second),
    ]
    defaults = {"title": f"Layer {view.layer_name}", "fig_margin": dict(_MARGIN)}
    figure = bqplot.Figure(marks=marks, axes=axes, **{**defaults, **figure_kwargs})
    labels = view.labels  # fixed for the view's life: read once

    def draw(source):
        points = source.snapshots[source.epoch]
        for k, mark in enumerate(marks):
            mine = points[labels == k]
            with mark.hold_sync():
                mark.x, mark.y = mine[:, 0], mine[:, 1]

    _Following(view, figure, draw)
    return figure


def class_colors(count: int) -> list[str]:
    """The views' colours of `count` classes: two in the Playground's orange and blue.

    Args:
        count: How many classes.

    Returns:
        One CSS colour per class, in class order.
    """
    if count <= 2:
        return list(TWO_CLASS_COLORS[: max(count, 1)])
    return [CATEGORICAL[k % len(CATEGORICAL)] for k in range(count)]


def spread(count: int, points: int = CURVE_POINTS) -> np.ndarray:
    """Indices of at most `points` of `count` rows, evenly spread, the first and last included.

    Args:
        count: How many rows there are.
        points: How many to keep at most.

    Returns:
        Sorted row indices.
    """
    if count <= points:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, points).round().astype(int))


def _draw_curves(lines, history: np.recarray, kind: str) -> None:
    names = (f"train_{kind}", f"test_{kind}")
    if set(names) <= set(history.dtype.names):
        rows = history[spread(len(history))]
        epochs = np.asarray(rows.epoch, np.float64)
        curves = np.stack([np.asarray(rows[name], np.float64) for name in names])
    else:  # a Playground switched to regression has no accuracy
        epochs, curves = np.zeros(0), np.zeros((2, 0))
    with lines.hold_sync():
        lines.x, lines.y = epochs, curves


class _Following:
    """Draws `figure` from `source` (by `draw(source)`) whenever its ``epoch`` changes.

    While `busy` (a trait of the source, e.g. ``playing``) holds, at most one draw per
    ``Throttle`` interval; when it turns false the last state is drawn at once. The source is
    held weakly, and closing the figure stops the following.
    """

    def __init__(self, source, figure, draw, busy: str | None = None):
        self._source = weakref.ref(source)
        self._draw = draw
        self._busy = busy
        self._throttle = Throttle()
        self._names = ["epoch"] if busy is None else ["epoch", busy]
        source.observe(self._changed, names=self._names)
        figure.observe(self._figure_closed, names=["comm"])
        self._redraw()

    def _changed(self, change) -> None:
        source = self._source()
        if source is None:
            return
        busy = self._busy is not None and getattr(source, self._busy)
        if change["name"] == self._busy and busy:
            return  # training starts: nothing new to draw yet
        if not busy or self._throttle.ready():
            self._redraw()

    def _redraw(self) -> None:
        source = self._source()
        if source is not None:
            self._draw(source)
            self._throttle.mark()

    def _figure_closed(self, change) -> None:
        if change["new"] is not None:
            return
        source = self._source()
        if source is not None:
            with contextlib.suppress(ValueError):  # already unobserved
                source.unobserve(self._changed, names=self._names)
