"""The widgets: each draws in the browser from synced traits, through one shared front end."""

from .activation_view import ActivationView
from .live_plot import LivePlot
from .network_diagram import NetworkDiagram
from .neuron_map import NeuronMap
from .playground import Playground
from .weight_images import WeightImages

__all__ = [
    "ActivationView",
    "LivePlot",
    "NetworkDiagram",
    "NeuronMap",
    "Playground",
    "WeightImages",
]
