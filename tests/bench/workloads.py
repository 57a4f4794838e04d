"""The networks and data the benchmarks train on: the Playground's own presets, on its own data."""

from dataclasses import dataclass

import numpy as np

import nnwidgets as nw
from nnwidgets import engine

ALL_FEATURES = nw.datasets.FEATURES


@dataclass(frozen=True)
class Workload:
    name: str
    dataset: str
    features: tuple[str, ...]
    hidden: tuple[int, ...]
    train_ratio: int
    problem: str
    target_epochs_per_s: float
    # The original Playground's training code alone, outside the page, on this machine class
    # (docs/figures.md): the figure the engine has to beat.
    playground_epochs_per_s: float
    activation: str = "tanh"
    batch_size: int = 10
    learning_rate: float = 0.03

    @property
    def sizes(self) -> list[int]:
        return [len(self.features), *self.hidden, 1]


@dataclass(frozen=True)
class Data:
    X_train: np.ndarray  # (n, F) float32 features
    y_train: np.ndarray  # (n,) float32 targets
    X_test: np.ndarray
    y_test: np.ndarray


WORKLOADS = (
    Workload("default", "circle", ("x1", "x2"), (4, 2), 50, "classification", 30_000, 7_218),
    Workload("large", "spiral", ALL_FEATURES, (8,) * 6, 50, "classification", 10_000, 496),
    Workload("multigauss", "multigauss", ALL_FEATURES, (8,) * 6, 90, "regression", 1_000, 111),
)
DEFAULT, LARGE, MULTIGAUSS = WORKLOADS


def load_data(workload: Workload) -> Data:
    """The Playground's points for `workload` (noise 0, seed 0), as its input features."""
    X_train, y_train, X_test, y_test = nw.datasets.playground_split(
        workload.dataset, noise=0, train_ratio=workload.train_ratio, seed=0
    )
    return Data(
        X_train=nw.datasets.feature_matrix(X_train, workload.features),
        y_train=np.asarray(y_train, np.float32),
        X_test=nw.datasets.feature_matrix(X_test, workload.features),
        y_test=np.asarray(y_test, np.float32),
    )


def initial_params(workload: Workload, seed: int = 0) -> list[dict]:
    return engine.init_playground_params(workload.sizes, random=seed)
