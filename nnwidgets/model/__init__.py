"""Keras-like models on the engine: Sequential, its layers, fit/evaluate/predict and History."""

from . import layers
from .callbacks import Callback
from .diagnosis import Diagnosis
from .history import History
from .seeding import set_random_seed
from .sequential import Sequential

__all__ = ["Callback", "Diagnosis", "History", "Sequential", "layers", "set_random_seed"]
