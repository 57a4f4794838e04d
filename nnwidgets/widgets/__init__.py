"""The widgets: each draws in the browser from synced traits, through one shared front end."""

from .neuron_map import NeuronMap
from .playground import Playground

__all__ = ["NeuronMap", "Playground"]
