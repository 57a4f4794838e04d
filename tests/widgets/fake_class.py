"""A class of fake submissions for the ClassOverview's tests and benchmark: varied networks with
random weights, recorded as a Challenge records them, in nbgrader's layout and as record files."""

import json
from pathlib import Path

import numpy as np

from nnwidgets import spec
from nnwidgets.widgets import submission
from nnwidgets.widgets.playground.links import DEFAULTS

DATASETS = ("circle", "xor", "gauss", "spiral")


def fake_playground(rng: np.random.Generator) -> dict:
    """``Playground.to_dict()`` data of a random network: shape, features, activation, seed."""
    features = sorted(rng.choice(spec.FEATURES, rng.integers(1, 6), replace=False).tolist())
    features = [f for f in spec.FEATURES if f in features]
    hidden = rng.integers(1, 9, rng.integers(0, 4)).tolist()
    config = {
        **DEFAULTS,
        "features": features,
        "hidden": hidden,
        "dataset": str(rng.choice(DATASETS)),
        "activation": str(rng.choice(["tanh", "relu", "sigmoid", "linear"])),
        "noise": int(rng.integers(0, 30)),
        "seed": f"{rng.random():.5f}",
    }
    config.pop("hide", None)
    sizes = [len(features), *hidden, 1]
    weights = [
        {"W": rng.normal(0, 0.7, (a, b)).tolist(), "b": rng.normal(0, 0.2, b).tolist()}
        for a, b in zip(sizes, sizes[1:], strict=False)
    ]
    epoch = int(rng.integers(0, 500))
    return {
        "config": config,
        "classes": 2,
        "epoch": epoch,
        "weights": weights,
        "history": [[epoch, None, None, None, None]] if epoch else None,
    }


def notebook_with(record: dict) -> dict:
    """A notebook whose one cell's outputs carry ``record``, as a Challenge leaves it."""
    output = {
        "output_type": "display_data",
        "metadata": {},
        "data": submission.output_bundle(record),
    }
    cell = {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {},
        "source": "ch",
        "outputs": [output],
    }
    return {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def write_submission(root: Path, name: str, record: dict, as_notebook: bool) -> Path:
    """Write ``record`` as student ``name``'s: nbgrader's ``<name>/ps1/sheet.ipynb``, or
    ``<name>/<question>.nnwidgets.json``."""
    if as_notebook:
        path = root / name / "ps1" / "sheet.ipynb"
        content = notebook_with(record)
    else:
        path = root / name / f"{record['question']}{submission.SUFFIX}"
        content = record
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def write_class(root: Path, students: int, question: str = "q3", seed: int = 0) -> list[str]:
    """``students`` fake submissions under ``root``, half notebooks, half record files."""
    rng = np.random.default_rng(seed)
    names = [f"student{k:03d}" for k in range(students)]
    for k, name in enumerate(names):
        record = submission.make_record(question, fake_playground(rng))
        write_submission(root, name, record, as_notebook=k % 2 == 0)
    return names
