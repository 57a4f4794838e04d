"""nnwidgets: a live, trainable neural network inside a Jupyter notebook.

Every name loads on first use (``nnwidgets.lazy``): ``import nnwidgets`` is quick, and a
Playground's first frame does not wait for JAX.
"""

from typing import TYPE_CHECKING

from .lazy import exports

__version__ = "0.1.0"

if TYPE_CHECKING:  # the names nnwidgets exports, each loaded on first use
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

__getattr__, __dir__, __all__ = exports(__name__, __file__)
