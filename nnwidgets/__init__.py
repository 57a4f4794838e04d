"""nnwidgets: a live, trainable neural network inside a Jupyter notebook."""

from . import data as datasets
from .widgets import NeuronMap, Playground

__version__ = "0.1.0"

__all__ = ["NeuronMap", "Playground", "datasets"]
