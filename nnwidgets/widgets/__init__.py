"""The widgets: each draws in the browser from synced traits, through one shared front end."""

from .activation_view import ActivationView
from .challenge import Challenge, CheckResult
from .class_overview import ClassOverview
from .learning_rate_balance import LearningRateBalance, learning_rate_balance
from .live_plot import LivePlot
from .loss_surface import LossSurface
from .network_diagram import NetworkDiagram
from .neuron_map import NeuronMap
from .perceptron import ActivationGallery, Perceptron
from .playground import Playground
from .sweep import Sweep
from .transform_view import TransformView
from .weight_images import WeightImages

__all__ = [
    "LearningRateBalance",
    "learning_rate_balance",
    "Challenge",
    "CheckResult",
    "ClassOverview",
    "ActivationGallery",
    "ActivationView",
    "LivePlot",
    "LossSurface",
    "NetworkDiagram",
    "NeuronMap",
    "Perceptron",
    "Playground",
    "Sweep",
    "TransformView",
    "WeightImages",
]
