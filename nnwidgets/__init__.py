"""nnwidgets: a live, trainable neural network inside a Jupyter notebook."""

from . import data as datasets
from .model import Callback, Diagnosis, History, Sequential, layers, set_random_seed
from .widgets import (
    ActivationGallery,
    ActivationView,
    Challenge,
    ClassOverview,
    LearningRateBalance,
    LivePlot,
    LossSurface,
    NetworkDiagram,
    NeuronMap,
    Perceptron,
    Playground,
    Sweep,
    TransformView,
    WeightImages,
    learning_rate_balance,
)

__version__ = "0.1.0"

__all__ = [
    "ActivationGallery",
    "ActivationView",
    "Challenge",
    "ClassOverview",
    "Callback",
    "Diagnosis",
    "History",
    "LearningRateBalance",
    "LivePlot",
    "LossSurface",
    "NetworkDiagram",
    "NeuronMap",
    "Perceptron",
    "Playground",
    "Sequential",
    "Sweep",
    "TransformView",
    "WeightImages",
    "datasets",
    "layers",
    "learning_rate_balance",
    "set_random_seed",
]
