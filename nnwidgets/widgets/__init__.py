"""The widgets: each draws in the browser from synced traits, through one shared front end.

Each loads on first use (``nnwidgets.lazy``): making a Playground loads neither the Keras-like
models nor the other views.
"""

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:  # the widgets, each loaded on first use
    from .activation_view import ActivationView
    from .challenge import Challenge, CheckResult
    from .class_overview import ClassOverview
    from .live_plot import LivePlot
    from .loss_surface import LossSurface
    from .network_diagram import NetworkDiagram
    from .neuron_map import NeuronMap
    from .perceptron import ActivationGallery, Perceptron
    from .playground import Playground
    from .rate_balance import LearningRateBalance, learning_rate_balance
    from .sweep import Sweep
    from .transform_view import TransformView
    from .weight_images import WeightImages

__getattr__, __dir__, __all__ = exports(__name__, __file__)
