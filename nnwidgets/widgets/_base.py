"""What every nnwidgets widget shares: the one front-end bundle, and a view chosen by name."""

from pathlib import Path

import anywidget
import traitlets

from .static_image import png_base64

FRONT_END = Path(__file__).resolve().parent.parent / "static" / "widget.js"


class FrontEndWidget(anywidget.AnyWidget):
    """An anywidget drawn by the view named in ``_view`` of the shared bundle (js/src/index.ts).

    Subclasses set ``_view`` and declare their synced traits; the drawing lives in the front end.
    For hosts that run no JavaScript (previews, PDF) the mime bundle also carries a one-line
    ``text/plain`` summary (``_summary``) and, where a subclass draws one, an ``image/png`` of
    the current state (``_static_image``).
    """

    # A missing bundle must not break `import nnwidgets` for headless engine work, so the error
    # waits until a widget is made.
    _esm = FRONT_END if FRONT_END.is_file() else None
    _view = traitlets.Unicode().tag(sync=True)

    def __init__(self, **kwargs):
        if self._esm is None:
            raise FileNotFoundError(
                f"nnwidgets' front end is not built: {FRONT_END} is missing. Build it with "
                "`make build` (or `cd js && npm install && npm run build`), or reinstall with "
                "`pip install -e .`, then restart the kernel."
            )
        super().__init__(**kwargs)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        data = {**data, "text/plain": self._summary()}
        image = self._static_image()
        if image is not None:
            data["image/png"] = png_base64(image)
        return data, metadata

    def _summary(self) -> str:
        """What the widget shows, in one line of text; subclasses name their key figures."""
        return type(self).__name__

    def _static_image(self):
        """The current state as a Pillow image for ``image/png``, or None (text only)."""
        return None
