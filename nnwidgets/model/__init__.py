"""Keras-like models on the engine: Sequential, its layers, fit/evaluate/predict and History."""

from . import layers
from .callbacks import Callback
from .checkpoint import ModelCheckpoint
from .diagnosis import Diagnosis
from .early_stopping import EarlyStopping
from .history import History
from .loading import load_model
from .seeding import set_random_seed
from .sequential import Sequential
from .unsupported import Model

__all__ = [
    "Callback",
    "Diagnosis",
    "EarlyStopping",
    "History",
    "Model",
    "ModelCheckpoint",
    "Sequential",
    "layers",
    "load_model",
    "set_random_seed",
]
