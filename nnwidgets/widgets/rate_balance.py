"""The learning-rate balance: one network trained at many learning rates in one sweep kernel,
its final loss against the rate (log-log), with the too-small, good and too-large zones marked.

The zones, from the final training losses:

- ``good``: the final loss is within ``GOOD_SHARE`` of the way from the best final loss back to
  the loss every run started at (all start from the same weights);
- ``too large``: not good, above the best rate, or diverged;
- ``too small``: not good, below the best rate.
"""

import math

import ipywidgets
import numpy as np

from .. import spec
from .sweep import Sweep

GOOD_SHARE = 0.1
RATES = tuple(rate for rate in spec.LEARNING_RATES if 1e-4 <= rate <= 10)  # the menu's
ZONES = ("too small", "good", "too large")
ZONE_COLORS = {"too small": "#0877bd", "good": "#2ca02c", "too large": "#d62728"}
POINT_COLOR = "#212121"


def zones(rates, final, start: float, diverged) -> list[str]:
    """Each rate's zone: "too small", "good" or "too large".

    Args:
        rates: The learning rates, increasing.
        final: Each rate's final training loss (NaN where it diverged).
        start: The loss every run started at.
        diverged: Whether each rate's run diverged.

    Returns:
        One of ``ZONES`` per rate.
    """
    final = np.asarray(final, np.float64)
    healthy = np.isfinite(final) & ~np.asarray(diverged, bool)
    if not healthy.any():
        return ["too large"] * len(final)
    best = int(np.argmin(np.where(healthy, final, np.inf)))
    limit = final[best] + GOOD_SHARE * max(start - final[best], 0.0)
    out = []
    for k, loss in enumerate(final):
        if healthy[k] and loss <= limit:
            out.append("good")
        else:
            out.append("too small" if healthy[k] and rates[k] < rates[best] else "too large")
    return out


def zone_bands(rates, labels) -> list[tuple[str, float, float]]:
    """The x-ranges to shade: (zone, from, to), edges halfway (in log) between neighbours.

    Args:
        rates: The learning rates, increasing.
        labels: Each rate's zone.

    Returns:
        Runs of neighbouring rates of one zone, as (zone, low edge, high edge).
    """
    logs = np.log10(np.asarray(rates, np.float64))
    half = (logs[1] - logs[0]) / 2 if len(logs) > 1 else 0.5
    edges = np.concatenate([[logs[0] - half], (logs[1:] + logs[:-1]) / 2, [logs[-1] + half]])
    bands = []
    for k, label in enumerate(labels):
        if bands and bands[-1][0] == label:
            bands[-1][2] = edges[k + 1]
        else:
            bands.append([label, edges[k], edges[k + 1]])
    return [(label, 10**low, 10**high) for label, low, high in bands]


class LearningRateBalance(ipywidgets.VBox):
    """A Playground's network trained at several learning rates, and a plot of where it learns.

    Made by ``learning_rate_balance``. Each point is one rate's final training loss; the bands
    mark the too-small, good and too-large zones. A click on a point opens that rate's
    Playground under the plot (``open(index)`` does the same from Python).

    Attributes:
        sweep: The ``Sweep`` that trained the rates.
        rates: The learning rates, increasing.
        final_loss: Each rate's final training loss (NaN where it diverged).
        zones: Each rate's zone: "too small", "good" or "too large".
        figure: The bqplot figure.
        opened: The Playground the last click opened, or None.
    """

    def __init__(self, sweep: Sweep, epochs: int):
        self.sweep = sweep
        self.rates = [float(config["learning_rate"]) for config in sweep.configs]
        start = float(np.nanmedian(np.asarray(sweep.train_loss, np.float64)))
        sweep.step(epochs)
        results = sweep.results
        self.final_loss = [_last_finite(r["train_loss"]) for r in results]
        diverged = [
            r["diverged"] or math.isnan(loss)
            for r, loss in zip(results, self.final_loss, strict=True)
        ]
        self.zones = zones(self.rates, self.final_loss, start, diverged)
        self.opened = None
        self.figure = self._figure(epochs, diverged)
        self._caption = ipywidgets.HTML(_caption(self.rates, self.zones))
        super().__init__([self.figure, self._caption])

    def open(self, index: int | None = None):
        """Open rate `index`'s Playground under the plot, as a click on its point does.

        (Without an index this is ipywidgets' own ``Widget.open``, which opens the widget's
        connection to the browser.)

        Args:
            index: The rate's index in ``rates``.

        Returns:
            The new ``Playground``: the network, its points, that rate and its trained weights.
        """
        if index is None:
            return super().open()
        self.opened = self.sweep.open(index)
        self.children = (self.figure, self._caption, self.opened)
        return self.opened

    def _figure(self, epochs, diverged):
        import bqplot  # loaded with the first figure, as figures.py does: it brings pandas

        finite = [loss for loss in self.final_loss if math.isfinite(loss) and loss > 0]
        low = 10 ** math.floor(math.log10(min(finite, default=1e-3)))
        high = 10 ** math.ceil(math.log10(max(finite, default=1.0)))
        x = bqplot.LogScale(min=self.rates[0] / 2, max=self.rates[-1] * 2)
        y = bqplot.LogScale(min=low, max=high)
        scales = {"x": x, "y": y}
        bands = [
            bqplot.Lines(
                x=[lo, lo, hi, hi],
                y=[low, high, high, low],
                scales=scales,
                fill="inside",
                fill_colors=[ZONE_COLORS[zone]],
                fill_opacities=[0.12],
                colors=[ZONE_COLORS[zone]],
                stroke_width=0,
            )
            for zone, lo, hi in zone_bands(self.rates, self.zones)
        ]
        names = [
            bqplot.Label(
                x=[math.sqrt(lo * hi)],
                y=[high],
                scales=scales,
                text=[zone],
                colors=[ZONE_COLORS[zone]],
                align="middle",
                y_offset=14,
                font_weight="bolder",
            )
            for zone, lo, hi in zone_bands(self.rates, self.zones)
        ]
        # A diverged run has no loss to plot: it sits on the top edge, as a cross.
        shown = [
            high if flag else max(loss, low)
            for loss, flag in zip(self.final_loss, diverged, strict=True)
        ]
        points = bqplot.Scatter(
            x=self.rates,
            y=shown,
            scales=scales,
            colors=[ZONE_COLORS[zone] for zone in self.zones],
            stroke=POINT_COLOR,
            default_size=120,
            tooltip=bqplot.Tooltip(fields=["x", "y"], labels=["learning rate", "final loss"]),
        )
        points.on_element_click(lambda _mark, event: self.open(int(event["data"]["index"])))
        axes = [
            bqplot.Axis(scale=x, label="learning rate", tick_format=".0e"),
            bqplot.Axis(scale=y, orientation="vertical", side="left", label="final training loss"),
        ]
        return bqplot.Figure(
            marks=[*bands, *names, points],
            axes=axes,
            title=f"Final loss after {epochs:,} epochs: click a point to open its Playground",
            fig_margin={"top": 60, "bottom": 50, "left": 70, "right": 20},
            layout=ipywidgets.Layout(width="720px", height="400px"),
        )


def learning_rate_balance(pg, rates=None, epochs: int = 300) -> LearningRateBalance:
    """Train a Playground's network at log-spaced learning rates in one kernel, and plot where
    it learns: final loss against learning rate, the too-small, good and too-large zones marked.

    Every rate starts from the same weights (the Playground's seed) on the same points.

    Examples:
        >>> balance = nw.learning_rate_balance(nw.Playground(dataset="circle", seed=1))
        >>> balance                      # click a point to open its Playground

    Args:
        pg: The ``Playground`` whose network, points and seed to use.
        rates: The learning rates, at least two (sorted here); None for the Playground menu's
            rates from 0.0001 to 10.
        epochs: How many epochs each rate trains.

    Returns:
        The ``LearningRateBalance`` widget.

    Raises:
        ValueError: If fewer than two rates are given, a rate is not above 0, or `epochs` is
            not an int of 1 or more.
    """
    rates = sorted(float(rate) for rate in (RATES if rates is None else rates))
    if len(rates) < 2 or rates[0] <= 0:
        raise ValueError(f"rates must be two or more learning rates above 0, got {rates!r}")
    if len(set(rates)) != len(rates):
        raise ValueError(f"rates must not repeat a rate, got {rates!r}")
    return LearningRateBalance(Sweep(pg, learning_rate=rates), epochs)


def _last_finite(values) -> float:
    values = np.asarray(values, np.float64)
    finite = values[np.isfinite(values)]
    return float(finite[-1]) if len(finite) else math.nan


def _caption(rates, labels) -> str:
    good = [rate for rate, label in zip(rates, labels, strict=True) if label == "good"]
    if not good:
        return "<p>No rate trained well: every run diverged.</p>"
    span = f"{good[0]:g}" if len(good) == 1 else f"{good[0]:g} to {good[-1]:g}"
    return (
        f"<p>Good learning rates: {span}. Smaller rates crawl (the loss barely falls in time); "
        "larger ones overshoot, zig-zag or blow up.</p>"
    )
