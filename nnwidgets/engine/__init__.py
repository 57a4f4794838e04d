"""Pure JAX kernels: no widget imports, so every kernel is testable and benchmarkable headless.

Importing the package loads nothing heavy: each name below loads its module on first use, and JAX
with the first kernel module (set up once by ``runtime.set_up``). A Playground draws its first
frame with NumPy while JAX loads (see ``numpy_forward``), so a fresh kernel shows it at once.
"""

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:  # the engine's names and modules, each loaded on first use
    from . import (
        activations,
        devices,
        feedforward,
        inputs,
        losses,
        maps,
        names,
        numpy_forward,
        optimizers,
        params,
        playground,
        runtime,
        sweeps,
        tanh_rational,
    )
    from .activations import ACTIVATIONS, get_activation
    from .feedforward import dense, forward
    from .losses import LOSSES, get_loss
    from .maps import neuron_maps, quantized_neuron_maps
    from .optimizers import playground_sgd
    from .params import count_params, init_playground_params
    from .playground import TrainResult, TrainState, init_state, train
    from .runtime import trim_after_compiles, use_compile_cache, use_one_device_per_core
    from .sweeps import SweepResult, stack_states, sweep, unstack_state

__getattr__, __dir__, __all__ = exports(__name__, __file__)
