"""nnwidgets: a live, trainable neural network inside a Jupyter notebook."""

from . import data as datasets
from .model import Callback, History, Sequential, layers, set_random_seed
from .widgets import (
    ActivationView,
    LivePlot,
    NetworkDiagram,
    NeuronMap,
    Playground,
    WeightImages,
)

__version__ = "0.1.0"

__all__ = [
    "ActivationView",
    "Callback",
    "History",
    "LivePlot",
    "NetworkDiagram",
    "NeuronMap",
    "Playground",
    "Sequential",
    "WeightImages",
    "datasets",
    "layers",
    "set_random_seed",
]
