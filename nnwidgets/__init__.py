"""nnwidgets: a live, trainable neural network inside a Jupyter notebook."""

from . import data as datasets
from .model import Callback, History, Sequential, layers, set_random_seed
from .widgets import NeuronMap, Playground

__version__ = "0.1.0"

__all__ = [
    "Callback",
    "History",
    "NeuronMap",
    "Playground",
    "Sequential",
    "datasets",
    "layers",
    "set_random_seed",
]
