"""nnwidgets: a live, trainable neural network inside a Jupyter notebook."""

from . import callbacks
from . import data as datasets
from .model import (
    Callback,
    Diagnosis,
    History,
    Model,
    Sequential,
    layers,
    load_model,
    set_random_seed,
)
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
    "Model",
    "NetworkDiagram",
    "NeuronMap",
    "Perceptron",
    "Playground",
    "Sequential",
    "Sweep",
    "TransformView",
    "WeightImages",
    "callbacks",
    "datasets",
    "layers",
    "learning_rate_balance",
    "load_model",
    "set_random_seed",
]
