"""A model on disk: `model.save` and `save_weights` write one .npz archive, never a pickle.

A model file (``model.save("banknote.npz")``) holds two kinds of entry:

- ``nnwidgets_model``: a JSON text, ``{"format": "nnwidgets.Sequential", "version": 1, "name",
  "input_shape": [4], "layers": [{"class_name": "Dense", "config": {"units": 2, ...}}, ...],
  "compile": {"optimizer": "adam", "loss": ..., "metrics": [...]} or null}``;
- ``layers/<i>/<W or b>``: each layer's arrays, float32, layer i counted after the `Input`.

A weights file (``model.save_weights("banknote.weights.npz")``) holds the same arrays and, in
place of the model, ``nnwidgets_weights``: ``{"format": "nnwidgets.weights", "version": 1,
"layers": [{"name", "class_name", "shapes": {"W": [4, 2], ...}}, ...]}``.

Both are read with ``np.load(allow_pickle=False)``: a file cannot run code when loaded. The
optimizer's state is not saved: a loaded model's optimizer starts afresh, with the saved name.
"""

import json
import os
import warnings
from pathlib import Path

import numpy as np

MODEL_KEY = "nnwidgets_model"
WEIGHTS_KEY = "nnwidgets_weights"
FORMAT_VERSION = 1
_ZIP_START = b"PK\x03\x04"  # how every .npz archive (a zip file) begins


def weight_key(index: int, name: str) -> str:
    """The archive's name for one array: ``layers/<index>/<name>``.

    Args:
        index: The layer's index in `model.layers`.
        name: The array's name in the layer ("W", "b").

    Returns:
        The entry's name.
    """
    return f"layers/{index}/{name}"


def check_filepath(filepath, suffix: str, what: str) -> Path:
    """`filepath` as a Path, checked to end in `suffix` as Keras checks its own suffixes.

    Args:
        filepath: What was given.
        suffix: ".npz" for a model, ".weights.npz" for weights.
        what: The method, for the message ("save", "save_weights", ...).

    Returns:
        The path.

    Raises:
        TypeError: If `filepath` is not a str or a path.
        ValueError: If it does not end in `suffix` (or, for a model, ends in ".weights.npz").
    """
    if not isinstance(filepath, str | os.PathLike):
        raise TypeError(f"filepath must be a str or a path, got {filepath!r}")
    path = Path(filepath)
    wrong = not path.name.endswith(suffix) or (
        suffix == ".npz" and path.name.endswith(".weights.npz")
    )
    if wrong:
        other = " (.weights.npz is for save_weights)" if suffix == ".npz" else ""
        raise ValueError(
            f"filepath for {what} must end in {suffix}{other}, got {str(filepath)!r}; "
            "nnwidgets writes .npz archives, not Keras' .keras or .h5 files"
        )
    return path


def _write(path: Path, entries: dict, overwrite: bool) -> None:
    """Write the archive through a temporary file, so that a file never holds half a save."""
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} exists and overwrite=False")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as file:
        np.savez(file, **entries)
    os.replace(partial, path)


def read_archive(filepath) -> tuple[Path, dict]:
    """Every entry of an .npz archive, read without pickle.

    Args:
        filepath: The file.

    Returns:
        (path, {name: array}).

    Raises:
        TypeError: If `filepath` is not a str or a path.
        FileNotFoundError: If there is no such file.
        ValueError: Naming the file, if it is not an .npz archive (a pickle, say).
    """
    if not isinstance(filepath, str | os.PathLike):
        raise TypeError(f"filepath must be a str or a path, got {filepath!r}")
    path = Path(filepath)
    if not path.is_file():
        raise FileNotFoundError(f"filepath {str(filepath)!r}: no such file")
    with open(path, "rb") as file:
        start = file.read(4)
    if start != _ZIP_START:  # a pickle, a .npy, text: np.load's own words would mislead
        raise ValueError(
            f"{path} is not an .npz archive (it starts with {start!r}): not a file that "
            "model.save or save_weights wrote; nnwidgets never reads pickles"
        )
    try:
        with np.load(path, allow_pickle=False) as archive:  # a zip file: always an NpzFile
            return path, {name: archive[name] for name in archive.files}
    except Exception as error:  # a damaged zip, or an entry of objects (a pickle inside)
        raise ValueError(
            f"{path} is not a file that model.save or save_weights wrote (an .npz archive "
            f"of plain arrays): {error}"
        ) from None


def read_json(path: Path, entries: dict, key: str) -> dict:
    """The JSON text stored under `key`, as a dict.

    Args:
        path: The file, for the messages.
        entries: The archive's entries.
        key: MODEL_KEY or WEIGHTS_KEY.

    Returns:
        The parsed object.

    Raises:
        ValueError: Naming the file, if the entry is missing, not JSON or of another format.
    """
    if key not in entries:
        if key == MODEL_KEY and WEIGHTS_KEY in entries:
            hint = "it holds weights only: build the model, then call model.load_weights"
        elif key == WEIGHTS_KEY and MODEL_KEY in entries:
            hint = "it holds a whole model: nw.load_model reads it"
        else:
            hint = "neither model.save nor save_weights wrote it"
        raise ValueError(f"{path} has no {key!r} entry: {hint}")
    try:
        value = json.loads(str(entries[key][()]))
    except (ValueError, TypeError) as error:
        raise ValueError(f"{path}: the {key!r} entry is not JSON ({error})") from None
    expected = "nnwidgets.Sequential" if key == MODEL_KEY else "nnwidgets.weights"
    if not isinstance(value, dict) or value.get("format") != expected:
        raise ValueError(f"{path}: the {key!r} entry is not of format {expected!r}")
    if value.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"{path} is of version {value.get('version')!r}; this nnwidgets reads version "
            f"{FORMAT_VERSION}"
        )
    return value


def arrays_of(path: Path, entries: dict, layers) -> list[np.ndarray]:
    """Each layer's arrays from the archive, in `get_weights()`'s order.

    Args:
        path: The file, for the messages.
        entries: The archive's entries.
        layers: The model's layers.

    Returns:
        The arrays, as `set_weights` takes them.

    Raises:
        ValueError: Naming the file and the entry, if an array is missing.
    """
    arrays = []
    for index, layer in enumerate(layers):
        for name in layer.param_shapes():
            key = weight_key(index, name)
            if key not in entries:
                raise ValueError(f"{path} has no {key!r} entry ({layer.name}.{name})")
            arrays.append(entries[key])
    return arrays


class Saving:
    """``save``, ``save_weights`` and ``load_weights`` of a ``Sequential``.

    Part of ``Sequential``; it relies on the model's ``name``, ``layers``, ``input_shape``,
    ``compile_config`` and ``set_weights``.
    """

    def _weight_entries(self) -> dict:
        return {
            weight_key(index, name): np.asarray(array, np.float32)
            for index, layer in enumerate(self.layers)
            for name, array in zip(layer.param_shapes(), layer.get_weights(), strict=True)
        }

    def save(self, filepath, overwrite=True) -> None:
        """Write the model (architecture, compile settings and weights) to one .npz file.

        The layout is in `nnwidgets.model.saving`'s text; `nw.load_model` reads it back. An
        optimizer given as an optax transformation cannot be written: the file then holds no
        compile settings, with a warning, and the loaded model must be compiled again.

        Args:
            filepath: A path ending in ".npz" (as Keras wants ".keras").
            overwrite: Whether to replace an existing file.

        Raises:
            TypeError: If `filepath` is not a str or a path.
            ValueError: If `filepath` does not end in ".npz", or the model has no layers.
            FileExistsError: If the file exists and `overwrite` is False.
        """
        path = check_filepath(filepath, ".npz", "save")
        if not self.layers:
            raise ValueError(f"{self.name} has no layers to save; add some first")
        compiled = self.compile_config()
        if compiled is not None and compiled["optimizer"] is None:
            warnings.warn(
                f"{self.name}'s optimizer is an optax transformation, which cannot be saved: "
                "the file holds no compile settings; compile the loaded model again",
                UserWarning,
                stacklevel=2,
            )
            compiled = None
        config = {
            "format": "nnwidgets.Sequential",
            "version": FORMAT_VERSION,
            "name": self.name,
            "input_shape": list(self.input_shape[1:]),
            "layers": [
                {"class_name": type(layer).__name__, "config": layer.get_config()}
                for layer in self.layers
            ],
            "compile": compiled,
        }
        _write(path, {MODEL_KEY: np.array(json.dumps(config)), **self._weight_entries()}, overwrite)

    def save_weights(self, filepath, overwrite=True) -> None:
        """Write every layer's arrays to one .npz file; `load_weights` reads them back.

        Args:
            filepath: A path ending in ".weights.npz" (as Keras wants ".weights.h5").
            overwrite: Whether to replace an existing file.

        Raises:
            TypeError: If `filepath` is not a str or a path.
            ValueError: If `filepath` does not end in ".weights.npz".
            FileExistsError: If the file exists and `overwrite` is False.
        """
        path = check_filepath(filepath, ".weights.npz", "save_weights")
        description = {
            "format": "nnwidgets.weights",
            "version": FORMAT_VERSION,
            "layers": [
                {
                    "name": layer.name,
                    "class_name": type(layer).__name__,
                    "shapes": {k: list(v) for k, v in layer.param_shapes().items()},
                }
                for layer in self.layers
            ],
        }
        entries = {WEIGHTS_KEY: np.array(json.dumps(description)), **self._weight_entries()}
        _write(path, entries, overwrite)

    def load_weights(self, filepath) -> None:
        """Replace every array by those of a file that `save_weights` (or `save`) wrote.

        Nothing changes unless every array is there with the right shape.

        Args:
            filepath: The file.

        Raises:
            TypeError: If `filepath` is not a str or a path.
            FileNotFoundError: If there is no such file.
            ValueError: Naming the file, if it is not such a file, or its layers or shapes
                differ from this model's.
        """
        path, entries = read_archive(filepath)
        key = WEIGHTS_KEY if WEIGHTS_KEY in entries else MODEL_KEY
        saved = read_json(path, entries, key)["layers"]
        if len(saved) != len(self.layers):
            raise ValueError(
                f"{path} holds {len(saved)} layers but {self.name} has {len(self.layers)}"
            )
        try:
            self.set_weights(arrays_of(path, entries, self.layers))
        except (TypeError, ValueError) as error:
            raise ValueError(f"{path} does not fit {self.name}: {error}") from None
