"""Pure JAX kernels: no widget imports, so every kernel is testable and benchmarkable headless.

Importing the package loads nothing heavy: each name below loads its module on first use, and JAX
with the first kernel module (set up once by ``runtime.set_up``). A Playground draws its first
frame with NumPy while JAX loads (see ``numpy_forward``), so a fresh kernel shows it at once.
"""

import importlib

# Where each public name lives.
_HOMES = {
    "ACTIVATIONS": "activations",
    "get_activation": "activations",
    "dense": "feedforward",
    "forward": "feedforward",
    "LOSSES": "losses",
    "get_loss": "losses",
    "neuron_maps": "maps",
    "quantized_neuron_maps": "maps",
    "playground_sgd": "optimizers",
    "count_params": "params",
    "init_playground_params": "params",
    "TrainResult": "playground",
    "TrainState": "playground",
    "init_state": "playground",
    "train": "playground",
    "trim_after_compiles": "runtime",
    "use_compile_cache": "runtime",
    "use_one_device_per_core": "runtime",
    "SweepResult": "sweeps",
    "stack_states": "sweeps",
    "sweep": "sweeps",
    "unstack_state": "sweeps",
}
_MODULES = (
    "activations",
    "devices",
    "feedforward",
    "inputs",
    "losses",
    "maps",
    "names",
    "numpy_forward",
    "optimizers",
    "params",
    "playground",
    "runtime",
    "sweeps",
    "tanh_rational",
)

__all__ = sorted([*_HOMES, "devices"])


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    if name in _MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*__all__, *_MODULES})
