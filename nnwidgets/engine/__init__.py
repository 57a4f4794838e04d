"""Pure JAX kernels: no widget imports, so every kernel is testable and benchmarkable headless."""

from . import devices
from .activations import ACTIVATIONS, get_activation
from .forward import dense, forward
from .losses import LOSSES, get_loss
from .neuron_maps import neuron_maps, quantized_neuron_maps
from .optimizers import playground_sgd
from .params import count_params, init_playground_params
from .playground import TrainResult, TrainState, init_state, train
from .runtime import trim_after_compiles, use_compile_cache, use_one_device_per_core
from .sweeps import SweepResult, stack_states, sweep, unstack_state

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "SweepResult",
    "TrainResult",
    "TrainState",
    "count_params",
    "dense",
    "devices",
    "forward",
    "get_activation",
    "get_loss",
    "init_playground_params",
    "init_state",
    "neuron_maps",
    "playground_sgd",
    "quantized_neuron_maps",
    "stack_states",
    "sweep",
    "train",
    "trim_after_compiles",
    "unstack_state",
    "use_compile_cache",
    "use_one_device_per_core",
]

# Before anything runs a kernel (importing the modules above does not).
use_one_device_per_core()
use_compile_cache()
trim_after_compiles()
