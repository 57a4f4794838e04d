"""What a saved Playground may hold, checked key by key before anything is built.

``to_dict()`` data and ``save()`` files come back through ``from_dict``, ``restore`` and
``load``; each checks what it is given here first, so a malformed part is refused with a
``ValueError`` that names the file (for ``load``), the key path (``weights[1].b``), what was
found and what is allowed, and no Playground is built or changed.
"""

import json
import os

import numpy as np

from ... import checks
from . import settings
from .links import DEFAULTS
from .points import check_points
from .settings import CUSTOM

SAVE_FORMAT = "nnwidgets.Playground"
SAVE_VERSION = 1
# load() refuses a larger file before reading it. A save holds the history at about 100 bytes
# an epoch, so this is some 2 million epochs; the points and weights are far smaller.
MAX_FILE_BYTES = 200 * 2**20
# to_dict's keys beside the configuration, each a trait of the same name
EXTRA_KEYS = ("hidden_controls", "locked_controls", "epochs_per_frame", "classes")
_HISTORY_COLUMNS = ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


def read_file(path) -> dict:
    """The data of a ``save()`` file, every part checked (see ``check_dict``) and its points
    and history too.

    Raises:
        FileNotFoundError: There is no such file.
        ValueError: The file is too large, not UTF-8 JSON (a pickle, say), or no saved
            Playground; or a part is malformed: the message names the file and the key.
    """
    size = os.stat(path).st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(
            f"{path} is {size:,} bytes; a saved Playground is read up to {MAX_FILE_BYTES:,} "
            f"bytes (MAX_FILE_BYTES)"
        )
    with open(path, "rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)
    try:
        saved = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(
            f"{path} is not a saved Playground: it is not UTF-8 text (save() writes JSON; "
            "a pickle or another binary file is never read)"
        ) from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not a saved Playground: {error}") from None
    if not isinstance(saved, dict) or saved.get("format") != SAVE_FORMAT:
        raise ValueError(f"{path} is not a saved Playground (no format {SAVE_FORMAT!r})")
    if saved.get("version") != SAVE_VERSION:
        raise ValueError(f"{path} has version {saved.get('version')!r}; this reads {SAVE_VERSION}")
    for key in ("config", "weights", "data", "history"):
        if key not in saved:
            raise ValueError(f"{path} has no {key!r}: it is not a whole saved Playground")
    where = f"{path}: "
    check_dict(saved, where)
    saved["data"] = _data(saved["data"], where)
    return saved


def check_dict(d, where: str = "") -> None:
    """Check ``to_dict()``'s data, every part of it, before anything is built from it.

    Args:
        d: The data.
        where: What the message names first (the file, for ``load``).

    Raises:
        ValueError: ``d`` or a part of it is malformed; the message names the key path.
    """
    if not isinstance(d, dict):
        raise ValueError(
            f"{where}from_dict needs a dict with a 'config' dict, as to_dict() gives, "
            f"got {_kind(d)}"
        )
    if not isinstance(d.get("config"), dict):
        raise ValueError(
            f"{where}config must be a dict of settings, as to_dict() gives, got "
            f"{_kind(d.get('config'))}"
        )
    config = d["config"]
    unknown = set(config) - set(DEFAULTS)
    if unknown:
        raise ValueError(
            f"{where}unknown configuration keys {sorted(map(str, unknown))}; known: "
            f"{', '.join(name for name in DEFAULTS if name != 'hide')}"
        )
    for name, value in config.items():
        if name == "hide":
            raise ValueError(f"{where}config.hide: hidden controls go under 'hidden_controls'")
        if name == "dataset" and value == CUSTOM:
            continue
        _rule(f"{where}config.{name}", name, value)
    for name in EXTRA_KEYS:
        if name in d:
            _plain(where, lambda name=name: settings.check(name, d[name]))
    if "epoch" in d:
        _plain(where, lambda: checks.integer("epoch", d["epoch"], 0))
    if "diverged" in d and not isinstance(d["diverged"], bool):
        raise ValueError(f"{where}diverged must be true or false, got {d['diverged']!r}")
    if "weights" in d:
        _weights(d["weights"], where)
    if config.get("dataset") == CUSTOM:
        _points(d.get("points"), where)
    if d.get("history") is not None:
        history_rows(d["history"], f"{where}history")


def history_rows(history, name: str) -> np.ndarray:
    """``history`` as (epochs, 5) rows [epoch, train_loss, test_loss, train_accuracy,
    test_accuracy]; a figure may be null (not finite when saved), an epoch may not.

    Raises:
        ValueError: ``history`` is no such list of rows, named ``name``.
    """
    if isinstance(history, str | bytes | dict) or not hasattr(history, "__len__"):
        raise ValueError(f"{name} must be a list of rows of 5 numbers, got {_kind(history)}")
    rows = _array(name, history, "a list of rows of 5 numbers or nulls", nulls=True)
    if len(history) == 0:
        return np.zeros((0, 5))
    if rows.ndim != 2 or rows.shape[1] != 5:
        raise ValueError(
            f"{name} must be rows of 5 ({', '.join(_HISTORY_COLUMNS)}), got shape {rows.shape}"
        )
    epochs = rows[:, 0]
    whole = np.isfinite(epochs) & (epochs >= 1) & (epochs == np.round(epochs))
    if not np.all(whole) or np.any(np.diff(epochs) <= 0):
        raise ValueError(f"{name}: the epochs (first column) must be whole numbers from 1 up")
    return rows


def _rule(label: str, name: str, value) -> None:
    try:
        settings.check(name, value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{label}: {error}") from None


def _plain(where: str, check) -> None:
    """Run ``check``, whose messages name their key, as a ValueError under ``where``."""
    try:
        check()
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}{error}") from None


def _weights(weights, where: str) -> None:
    if not isinstance(weights, list):
        raise ValueError(
            f"{where}weights must be a list of {{'W', 'b'}} layers, got {_kind(weights)}"
        )
    for index, layer in enumerate(weights):
        label = f"{where}weights[{index}]"
        if not isinstance(layer, dict):
            raise ValueError(f"{label} must be a dict with 'W' and 'b', got {_kind(layer)}")
        for key, ndim in (("W", 2), ("b", 1)):
            if key not in layer:
                raise ValueError(f"{label} has no {key!r}: each layer needs 'W' and 'b'")
            array = _array(f"{label}.{key}", layer[key], f"a {ndim}-D list of finite numbers")
            if array.ndim != ndim:
                raise ValueError(
                    f"{label}.{key} must be a {ndim}-D list of finite numbers, got shape "
                    f"{array.shape}"
                )
        extra = sorted(set(layer) - {"W", "b"})
        if extra:
            raise ValueError(f"{label} has unknown keys {extra}; a layer holds 'W' and 'b'")


def _points(points, where: str) -> None:
    if not isinstance(points, dict):
        raise ValueError(
            f"{where}points: a Playground on your own points needs them under 'points' "
            f"(X, y, X_test, y_test), got {_kind(points)}"
        )
    for key in ("X", "y"):
        if key not in points:
            raise ValueError(f"{where}points has no {key!r}")
    _plain(where, lambda: check_points("points.X", points["X"], "points.y", points["y"]))
    if points.get("X_test") is not None or points.get("y_test") is not None:
        X_test, y_test = points.get("X_test"), points.get("y_test")
        _plain(where, lambda: check_points("points.X_test", X_test, "points.y_test", y_test, True))


def _data(data, where: str) -> list[np.ndarray]:
    """The saved points in use: X_train, y_train, X_test, y_test, checked."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}data must be a dict of X_train, y_train, X_test, y_test")
    missing = [key for key in ("X_train", "y_train", "X_test", "y_test") if key not in data]
    if missing:
        raise ValueError(f"{where}data has no {missing[0]!r}")
    # the generator's points may lie off the drawn plane (gauss, noise 100): no plane check
    arrays = []
    for part in ("train", "test"):
        X = _array(f"{where}data.X_{part}", data[f"X_{part}"], "a list of [x1, x2] points")
        y = _array(f"{where}data.y_{part}", data[f"y_{part}"], "a list of numbers")
        if X.size == 0:
            X = X.reshape(0, 2)
        if X.ndim != 2 or X.shape[1] != 2 or (part == "train" and len(X) == 0):
            raise ValueError(
                f"{where}data.X_{part} must have shape (n, 2), n >= 1, got shape {X.shape}"
            )
        if y.shape != (len(X),):
            raise ValueError(
                f"{where}data.y_{part} must have shape ({len(X)},) to match data.X_{part}, "
                f"got {y.shape}"
            )
        arrays += [X, y]
    return arrays


def _array(label: str, value, allowed: str, nulls: bool = False) -> np.ndarray:
    """``value`` as a float64 array; a null (None) is refused unless ``nulls``."""
    if isinstance(value, str | bytes | dict | bool) or not hasattr(value, "__len__"):
        raise ValueError(f"{label} must be {allowed}, got {_kind(value)}")
    try:
        numbers = np.asarray(value, dtype=np.float64)  # a null reads as NaN
    except (TypeError, ValueError) as error:
        why = "rows of different lengths" if "inhomogeneous" in str(error) else str(error)
        raise ValueError(f"{label} must be {allowed}, got {_kind(value)} ({why})") from None
    if not nulls and not np.all(np.isfinite(numbers)):
        raise ValueError(f"{label} must be {allowed}, got a null, NaN or infinity")
    return numbers


def _kind(value) -> str:
    """What was found, for a message: short, the value itself when it is short."""
    text = repr(value)
    return text if len(text) <= 40 else f"a {type(value).__name__}"
