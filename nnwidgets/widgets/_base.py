"""What every nnwidgets widget shares: the one front-end bundle, a view chosen by name, and
constructors that refuse a keyword they do not know."""

import difflib
import functools
import inspect
from pathlib import Path

import anywidget
import traitlets

from .static_image import png_base64

FRONT_END = Path(__file__).resolve().parent.parent / "static" / "widget.js"
# ipywidgets' traits that belong to the machinery, not to what a user sets: still accepted as
# keywords (as traitlets accepts every trait), never suggested
_MACHINERY_TRAITS = frozenset({"comm", "keys", "log"})


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

    def __new__(cls, *args, **kwargs):
        # Before any constructor runs: traitlets would only warn (DeprecationWarning, hidden by
        # default) and drop a keyword it does not know, so `lr=0.1` would silently do nothing.
        unknown = [name for name in kwargs if name not in _accepted_keywords(cls)]
        if unknown:
            raise TypeError(_unexpected_keyword(cls, unknown[0]))
        return super().__new__(cls, *args, **kwargs)

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


@functools.cache
def _constructor_parameters(cls) -> tuple[str, ...]:
    """The keywords ``cls(...)`` names in its signature (not ``self`` nor ``**kwargs``)."""
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    parameters = inspect.signature(cls.__init__).parameters.values()
    return tuple(p.name for p in parameters if p.kind in kinds and p.name != "self")


@functools.cache
def _accepted_keywords(cls) -> frozenset:
    """Every keyword ``cls(...)`` takes: its parameters and its traits."""
    return frozenset(_constructor_parameters(cls)) | frozenset(cls.class_trait_names())


def _suggestions(cls) -> list[str]:
    """What a user may mean: the parameters, then the public traits, in that order."""
    traits = sorted(
        name
        for name in cls.class_trait_names()
        if not name.startswith("_") and name not in _MACHINERY_TRAITS
    )
    return list(dict.fromkeys([*_constructor_parameters(cls), *traits]))


def _closest(name: str, candidates: list[str]) -> str | None:
    """The candidate ``name`` most likely stands for: the same once case and underscores are
    ignored (``learningRate``), its initials (``lr``), else the closest spelling."""
    folded = name.lower().replace("_", "")
    for candidate in candidates:
        if candidate.replace("_", "") == folded:
            return candidate
    for candidate in candidates:
        words = candidate.split("_")
        if len(words) > 1 and "".join(word[0] for word in words) == folded:
            return candidate
    matches = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _unexpected_keyword(cls, name: str) -> str:
    candidates = _suggestions(cls)
    message = f"{cls.__name__}() got an unexpected keyword argument {name!r}."
    match = _closest(name, candidates)
    if match is not None:
        return f"{message} Did you mean {match!r}?"
    return f"{message} It takes: {', '.join(candidates)}."
