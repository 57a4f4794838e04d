"""The Playground for hosts that run no JavaScript: its output view as a still picture and its
state in one line of text, for the mime bundle (``FrontEndWidget._repr_mimebundle_``)."""

from .. import binary, static_image


def figures_text(prefix: str, loss, accuracy) -> list[str]:
    """ "test loss 0.111", "test accuracy 93.6 %" for the figures there are."""
    parts = [] if loss is None else [f"{prefix} loss {loss:.3f}"]
    return parts + ([] if accuracy is None else [f"{prefix} accuracy {100 * accuracy:.1f} %"])


class Preview:
    """The Playground's ``_summary`` and ``_static_image``, drawn from its synced traits."""

    def _summary(self) -> str:
        hidden = "-".join(str(units) for units in self.hidden) or "none"
        features = f"{len(self.features)} feature{'s' if len(self.features) != 1 else ''}"
        parts = [self.dataset, features, f"hidden {hidden}", self.activation]
        if self.problem == "regression":
            parts.append("regression")
        elif self.classes > 2:
            parts.append(f"{self.classes} classes")
        parts.append(f"epoch {self.epoch:,}")
        figures = figures_text("test", self.test_loss, self.test_accuracy)
        figures = figures or figures_text("training", self.train_loss, self.train_accuracy)
        if self.diverged:
            figures = ["diverged"]
        return "Playground: " + ", ".join(parts + figures)

    def _static_image(self):
        if not self._output_map:
            return None
        return static_image.playground_image(
            self._output_map,
            self._output_resolution,
            binary.read_float32(self._points),
            self._train_count,
            problem=self.problem,
            classes=self.classes if self.problem == "classification" else 1,
            discretize=self.discretize,
            show_test=self.show_test_data,
        )
