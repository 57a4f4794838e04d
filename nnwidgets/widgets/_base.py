"""What every nnwidgets widget shares: the one front-end bundle, and a view chosen by name."""

from pathlib import Path

import anywidget
import traitlets

FRONT_END = Path(__file__).resolve().parent.parent / "static" / "widget.js"


class FrontEndWidget(anywidget.AnyWidget):
    """An anywidget drawn by the view named in ``_view`` of the shared bundle (js/src/index.ts).

    Subclasses set ``_view`` and declare their synced traits; the drawing lives in the front end.
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
