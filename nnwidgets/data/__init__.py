"""Data for nnwidgets: the Playground's generators and features, and small data sets to learn on.

Seen from the top-level package as ``nw.datasets``. Imports numpy only.
"""

from .banknotes import BANKNOTE_FEATURES, banknotes
from .digits import digits
from .features import FEATURE_OF_URL_NAME, FEATURES, URL_NAME_OF, feature_matrix, grid_points
from .mnist import mnist
from .playground import (
    DATASETS,
    MAX_NOISE,
    POINTS_PER_PROBLEM,
    PROBLEM_OF,
    generate,
    playground,
    playground_split,
    split_index,
    split_train_test,
)
from .random import SeededRandom

__all__ = [
    "BANKNOTE_FEATURES",
    "DATASETS",
    "FEATURE_OF_URL_NAME",
    "FEATURES",
    "MAX_NOISE",
    "POINTS_PER_PROBLEM",
    "PROBLEM_OF",
    "URL_NAME_OF",
    "SeededRandom",
    "banknotes",
    "digits",
    "feature_matrix",
    "generate",
    "grid_points",
    "mnist",
    "playground",
    "playground_split",
    "split_index",
    "split_train_test",
]
