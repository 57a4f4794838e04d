"""What the kernel and the browser must agree on: the Playground's features, data sets,
activations, menus, limits and controls.

The facts live in ``spec.json`` beside this module; the front-end build imports the same file
(``js/src/shared/spec.ts``), so the two sides cannot drift apart. This module only reads it and
names its parts; it imports nothing of nnwidgets, so every layer may import it.
"""

import json
from pathlib import Path
from types import MappingProxyType

_SPEC = json.loads((Path(__file__).with_name("spec.json")).read_text(encoding="utf-8"))

PLANE: float = float(_SPEC["plane"])
"""The data and every map live on [-PLANE, PLANE]²."""

FEATURES: tuple[str, ...] = tuple(_SPEC["features"])
"""The input features, in the order of the diagram's input column."""

PROBLEMS: tuple[str, ...] = tuple(_SPEC["problems"])
DATASETS_OF_PROBLEM = MappingProxyType(
    {problem: tuple(names) for problem, names in _SPEC["datasets"].items()}
)
PROBLEM_OF = MappingProxyType(
    {name: problem for problem, names in DATASETS_OF_PROBLEM.items() for name in names}
)
DATASETS: tuple[str, ...] = tuple(PROBLEM_OF)
MULTICLASS_DATASETS: tuple[str, ...] = tuple(_SPEC["multiclass_datasets"])
"""Classification data sets that also come with 3 to ``MAX_CLASSES`` classes."""
CLASS_COUNTS: tuple[int, ...] = tuple(_SPEC["class_counts"])
MAX_CLASSES: int = max(CLASS_COUNTS)

ACTIVATIONS: tuple[str, ...] = tuple(_SPEC["activations"])
"""The Playground's hidden-layer activations."""
REGULARIZATIONS: tuple = tuple(_SPEC["regularizations"])

LEARNING_RATES: tuple[float, ...] = tuple(_SPEC["learning_rates"])
"""The original's learning-rate menu; any finite rate of 0 or more is accepted."""
REGULARIZATION_RATES: tuple[float, ...] = tuple(_SPEC["regularization_rates"])
SPEEDS: tuple[int, ...] = tuple(_SPEC["speeds"])
"""The epochs-per-frame menu; 0 is auto."""

_LIMITS = _SPEC["limits"]
MAX_HIDDEN_LAYERS: int = _LIMITS["hidden_layers"]
MAX_NEURONS: int = _LIMITS["neurons"]
BATCH_SIZE_RANGE: tuple[int, int] = tuple(_LIMITS["batch_size"])
NOISE_RANGE: tuple[int, int] = tuple(_LIMITS["noise"])
TRAIN_RATIO_RANGE: tuple[int, int] = tuple(_LIMITS["train_ratio"])
EPOCHS_PER_FRAME_RANGE: tuple[int, int] = tuple(_LIMITS["epochs_per_frame"])
"""Hard caps for every entry point: constructor, trait, browser, link and saved file."""

UI_LIMITS = MappingProxyType(dict(_SPEC["ui_limits"]))
"""The ranges the original's controls offer; Python may go past them up to the hard caps."""

CONTROLS: tuple[str, ...] = tuple(_SPEC["controls"])
"""Names for ``hidden_controls`` and ``locked_controls``: the original's classroom checkboxes,
each input feature, then ``regenerate``, ``speed``, ``weights``, ``classes``, ``draw`` and
``trace``."""

FRAME_ACK_INTERVAL_S: float = _SPEC["frame_ack_interval_ms"] / 1000
"""A view acknowledges the frames it drew at most this often; frame_pacer.py sizes its window
by it."""

FRAME_STATE: tuple[str, ...] = tuple(_SPEC["frame_state"])
"""The Playground's traits that change with every frame and are drawn together: the browser keeps
them per frame, so frames that arrive together are still drawn one per display frame."""
