"""``Playground.figure``: its training curves as a bqplot figure (widgets/figures.py draws them).

A mixin, so the Playground's own module stays about its traits and training; bqplot loads on the
first figure, never on ``import nnwidgets``.
"""


class BqplotFigure:
    """The Playground's `figure`: bqplot figures that follow its training (figures.py)."""

    def figure(self, kind: str = "loss", **figure_kwargs):
        """A bqplot figure that follows this Playground's training live.

        Compose it with other bqplot charts or ipywidgets layouts; it changes at most 10 times
        a second while playing, shows the last epoch when training stops, and starts over with
        a new network. See ``nnwidgets.widgets.figures.training_curves``.

        Args:
            kind: ``"loss"`` (training and test loss per epoch) or ``"accuracy"`` (training
                and test accuracy, classification only).
            **figure_kwargs: Passed to ``bqplot.Figure`` (e.g. ``title``, ``layout``).

        Returns:
            bqplot.Figure: Its one mark a ``bqplot.Lines`` with ``y`` rows [training, test].

        Raises:
            ValueError: An unknown ``kind``, or ``"accuracy"`` while the Playground does
                regression.
        """
        from ..figures import training_curves

        return training_curves(self, kind, **figure_kwargs)
