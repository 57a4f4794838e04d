"""The widgets: each draws in the browser from synced traits, through one shared front end."""

from .neuron_map import NeuronMap

__all__ = ["NeuronMap"]
