"""A Playground leaving the notebook and coming back: playground.tensorflow.org links, dicts,
JSON files, NumPy weights, Keras code and a replay page.

What each format carries: a link, the original's configuration; ``to_dict``, the configuration,
your own points, the weights and the course sheet's controls; ``save``, all of that with the
points in use and the history; ``to_html``, a recording of the run as one page.
"""

import json
from pathlib import Path

import numpy as np
import traitlets

from .links import DEFAULTS, HIDABLE, parse_playground_url, playground_url
from .presets import preset_config
from .recording import Snapshot
from .replay_page import replay_page, write_page
from .saved import (
    EXTRA_KEYS,
    MAX_FILE_BYTES,
    SAVE_FORMAT,
    SAVE_VERSION,
    check_dict,
    history_rows,
    read_file,
)
from .settings import CUSTOM


class Sharing:
    """The Playground's links, dicts, files and pages.

    Part of ``Playground``; it relies on the widget's traits and public methods, and on
    ``_lock``, ``_run``, ``_custom``, ``_points_of_run``, ``_recording``, ``_frame_traits``
    and ``_restore_history``.
    """

    def _config(self) -> dict:
        return {name: getattr(self, name) for name in DEFAULTS if name != "hide"} | {
            "features": tuple(self.features),
            "hidden": tuple(self.hidden),
        }

    @classmethod
    def preset(cls, name: str, **overrides):
        """A Playground with a network that solves a data set.

        Args:
            name: The data set's name.
            **overrides: Arguments that replace the preset's.

        Returns:
            The new Playground.

        Raises:
            ValueError: ``name`` is no preset.
        """
        return cls(**{**preset_config(name), **overrides})

    def to_url(self, base: str = "https://playground.tensorflow.org/") -> str:
        """A playground.tensorflow.org link to this configuration (not its trained weights).

        Args:
            base: The page the link opens.

        Returns:
            The link, written key for key as the original writes its own.

        Raises:
            ValueError: The configuration cannot travel in a link: your own points, or more
                than two classes.
        """
        if self.dataset == CUSTOM:
            raise ValueError("your own points (set_data) cannot travel in a playground link")
        if self.problem == "classification" and self.classes > 2:
            raise ValueError(
                f"playground.tensorflow.org has two classes; classes={self.classes} cannot "
                "travel in its links (save() keeps everything)"
            )
        hide = tuple(name for name in self.hidden_controls if name in HIDABLE)
        return playground_url({**self._config(), "hide": hide}, base)

    @classmethod
    def from_url(cls, url: str, **overrides):
        """A Playground as a playground.tensorflow.org link describes it.

        Args:
            url: The link, its ``#key=value&...`` fragment or its query string.
            **overrides: Arguments that replace the link's.

        Returns:
            The new Playground.

        Raises:
            ValueError: A value in the link is refused; the message names its key.
        """
        config = parse_playground_url(url)
        hide = config.pop("hide")
        return cls(**{**config, "hidden_controls": list(hide), **overrides})

    def to_dict(self) -> dict:
        """The whole configuration, the weights and the epoch, as JSON-safe data.

        Returns:
            A dict that ``from_dict`` takes back: ``config``, the course sheet's controls,
            ``classes``, ``epoch``, ``diverged``, ``weights`` and, for your own points,
            ``points``.
        """
        config = self._config()
        config["features"], config["hidden"] = list(config["features"]), list(config["hidden"])
        result = {
            "config": config,
            "hidden_controls": list(self.hidden_controls),
            "locked_controls": list(self.locked_controls),
            "epochs_per_frame": self.epochs_per_frame,
            "classes": self.classes,
            "epoch": self.epoch,
            "diverged": self.diverged,
            "weights": [{"W": W.tolist(), "b": b.tolist()} for W, b in self.weights],
        }
        if self.dataset == CUSTOM:
            X, y, X_test, y_test = self._custom
            result["points"] = {
                "X": X.tolist(),
                "y": y.tolist(),
                "X_test": None if X_test is None else X_test.tolist(),
                "y_test": None if y_test is None else y_test.tolist(),
            }
        return result

    @classmethod
    def from_dict(cls, d: dict):
        """A Playground from ``to_dict()``'s data: same configuration, points and weights.

        Args:
            d: The dict; it may also hold ``history``, rows of ``[epoch, train_loss,
                test_loss, train_accuracy, test_accuracy]`` to carry on from.

        Returns:
            The new Playground.

        Raises:
            ValueError: ``d`` is not such a dict, or a part of it is malformed or refused; the
                message names the key (``config.hidden``, ``weights[1].b``, ...).
        """
        check_dict(d)
        return cls._built_from(d)

    @classmethod
    def _built_from(cls, d: dict):
        """A Playground from ``to_dict()``'s data, already checked."""
        config, extra = _settings_of(d)
        dataset = config.pop("dataset", "circle")
        classes = extra.pop("classes", 2) if dataset == CUSTOM else None
        pg = cls(dataset="circle" if dataset == CUSTOM else dataset, **config, **extra)
        pg._take_points_weights_history(d, dataset, classes)
        return pg

    def restore(self, d: dict) -> None:
        """Make this Playground what ``to_dict()`` described, in place: configuration, points,
        weights and history. The course sheet's hidden and locked controls stay as they are.

        Args:
            d: The dict, as for ``from_dict``.

        Raises:
            ValueError: ``d`` is not such a dict, or a value in it is refused; the Playground
                is then left as it was.
        """
        check_dict(d)
        config, extra = _settings_of(d)
        extra = {key: value for key, value in extra.items() if not key.endswith("_controls")}
        dataset = config.pop("dataset", "circle")
        classes = extra.pop("classes", 2) if dataset == CUSTOM else None
        before = self.to_dict()
        self.playing = False
        try:
            with self.hold_trait_notifications():
                for name, value in {**config, **extra}.items():
                    setattr(self, name, value)
                if dataset != CUSTOM:
                    self.dataset = dataset
            self._take_points_weights_history(d, dataset, classes)
        except (traitlets.TraitError, TypeError, KeyError, ValueError) as error:
            self.restore(before)
            raise ValueError(f"cannot restore this Playground: {error}") from None

    def _take_points_weights_history(self, d, dataset, classes):
        if dataset == CUSTOM:
            points = d.get("points")
            if not isinstance(points, dict):
                raise ValueError("a Playground on your own points needs them under 'points'")
            self.set_data(points["X"], points["y"], points.get("X_test"), points.get("y_test"))
            if self.problem == "classification" and classes > self.classes:
                self.classes = classes
        if "weights" in d:
            self.set_weights([(layer["W"], layer["b"]) for layer in d["weights"]])
        if d.get("history") is not None:
            self._restore_history(history_rows(d["history"], "history"))
        if d.get("diverged") and "weights" in d:  # new weights without them did not diverge
            self._mark_diverged()  # it stays stopped until a reset, as it was

    def export_numpy(self, path) -> None:
        """Write the weights as a NumPy .npz file: W0, b0, W1, b1, ...

        Args:
            path: Where to write; each W has shape (inputs, outputs).
        """
        arrays = {}
        for index, (W, b) in enumerate(self.weights):
            arrays[f"W{index}"], arrays[f"b{index}"] = W, b
        np.savez(path, **arrays)

    def to_keras_code(self) -> str:
        """Python source that builds this network in Keras 3, with these weights, to run it there.

        The inputs are the Playground's features in ``features`` order; the output is tanh for
        two classes (labels ±1), softmax over the classes for more, linear for regression.

        Returns:
            The source, ending with a newline.
        """
        lines = [
            "import keras",
            "import numpy as np",
            "",
            f"# inputs: {', '.join(self.features)}",
            "model = keras.Sequential([",
            f"    keras.layers.Input(({len(self.features)},)),",
        ]
        weights = self.weights
        output = self.network.output_activation
        for index, (W, _) in enumerate(weights):
            activation = output if index == len(weights) - 1 else self.activation
            lines.append(f"    keras.layers.Dense({W.shape[1]}, activation={activation!r}),")
        lines += ["])", "model.set_weights(["]
        for W, b in weights:
            lines.append(f"    np.array({W.tolist()!r}, dtype='float32'),")
            lines.append(f"    np.array({b.tolist()!r}, dtype='float32'),")
        lines.append("])")
        return "\n".join(lines) + "\n"

    def save(self, path) -> None:
        """Write everything to a JSON file: configuration, points, weights and history.

        Args:
            path: Where to write.

        Raises:
            ValueError: The file would be larger than ``load`` reads (``MAX_FILE_BYTES``,
                200 MiB, some 2 million epochs of history); nothing is written.
        """
        with self._lock:
            saved = self.to_dict()
            X, y, X_test, y_test = self._points_of_run
            saved["data"] = {
                "X_train": X.tolist(),
                "y_train": y.tolist(),
                "X_test": X_test.tolist(),
                "y_test": y_test.tolist(),
            }
            rows = self._run.history_rows()
            saved["history"] = np.where(np.isfinite(rows), rows, None).tolist()
        text = json.dumps({"format": SAVE_FORMAT, "version": SAVE_VERSION, **saved})
        if len(text) > MAX_FILE_BYTES:
            raise ValueError(
                f"this Playground's save would be {len(text):,} bytes, more than load() reads "
                f"({MAX_FILE_BYTES:,}); its history of {self.epoch:,} epochs is too long"
            )
        Path(path).write_text(text)

    @classmethod
    def load(cls, path):
        """A Playground as ``save`` left it: same points, weights and history (never pickle).

        Args:
            path: The JSON file ``save`` wrote.

        Returns:
            The Playground.

        Raises:
            FileNotFoundError: There is no such file.
            ValueError: The file is larger than ``MAX_FILE_BYTES`` (200 MiB; refused before
                it is read), not UTF-8 JSON (a pickle is never read), no saved Playground, or
                a part of it is malformed: the message names the file and the key
                (``weights[1].b``, ``data.X_train``, ...).
        """
        saved = read_file(path)
        points = saved.pop("data")
        history = history_rows(saved.pop("history"), f"{path}: history")
        diverged = saved.pop("diverged", False)
        try:
            pg = cls._built_from(saved)
            same = all(
                a.shape == b.shape and np.allclose(a, b, rtol=0, atol=1e-9)
                for a, b in zip(points, pg.data, strict=True)
            )
            if not same:  # the generator's points differ from those saved: keep the saved ones
                weights = pg.weights
                pg.set_data(points[0], points[1], points[2], points[3])
                pg.set_weights(weights)
        except (traitlets.TraitError, TypeError, ValueError) as error:
            raise ValueError(f"{path}: {error}") from None
        pg._restore_history(history)
        if diverged:
            pg._mark_diverged()
        return pg

    def to_html(self, path=None) -> str | None:
        """A self-contained web page that replays this run's training.

        The page holds a handful of moments recorded as it trained, interpolated in between,
        and opens in a browser without a kernel or a network.

        Args:
            path: Where to write the page; without it the page is returned.

        Returns:
            The page as a string when no ``path`` is given, else None.
        """
        with self._lock:
            run = self._run
            now = Snapshot(run.epoch, self._frame_traits(output_neuron=None), run.figures)
            page = replay_page(self.get_state(), self._recording.until(now))
        if path is None:
            return page
        write_page(path, page)
        return None


def _settings_of(d: dict) -> tuple[dict, dict]:
    """The configuration and the other settings in ``to_dict()``'s data (checked)."""
    return dict(d["config"]), {key: d[key] for key in EXTRA_KEYS if key in d}
