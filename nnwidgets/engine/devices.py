"""Which device runs which job: tiny kernels on the CPU, wide work on JAX's default backend.

A Playground step is a few hundred flops in a scan of epochs and batches. On a GPU, XLA runs
such a loop's control on the host and launches a handful of tiny kernels per step, so the same
scan is far slower there than on the CPU: the Playground, the Sweep of few configurations and
every neuron map stay on the CPU whatever JAX's default backend is. `fit` of the Keras-like
models (wide matrix products) and sweeps of many configurations go to the default backend: a
GPU where JAX has one, else the CPU.
"""

import jax

from . import runtime

runtime.set_up()  # before this module or any that imports it runs a kernel

# A sweep of at least this many configurations is wide enough for an accelerator's lanes; fewer
# ride the CPU's devices (one per core, see runtime.py).
ACCELERATOR_SWEEP_CONFIGS = 256


def small_kernels() -> jax.Device:
    """The device of the Playground's and small sweeps' kernels: the first CPU device."""
    return jax.devices("cpu")[0]


def wide_work() -> jax.Device:
    """The device of wide work (`fit`, large sweeps): JAX's default device."""
    return jax.devices()[0]


def sweep_devices(configs: int) -> list[jax.Device]:
    """The devices a sweep of `configs` configurations is spread over.

    Args:
        configs: How many configurations train together.

    Returns:
        The default backend's devices for a wide sweep on an accelerator, else the CPU's.
    """
    default = jax.devices()
    if default[0].platform != "cpu" and configs >= ACCELERATOR_SWEEP_CONFIGS:
        return default
    return jax.devices("cpu")


def describe(devices) -> str:
    """A device, or devices, in words: "cpu:0", "2 cpu devices", "gpu:0 (NVIDIA H100 ...)".

    Args:
        devices: A `jax.Device` or a sequence of them (one platform).
    """
    if isinstance(devices, jax.Device):
        devices = [devices]
    devices = list(devices)
    first = devices[0]
    if len(devices) > 1:
        return f"{len(devices)} {first.platform} devices"
    name = f"{first.platform}:{first.id}"
    kind = getattr(first, "device_kind", "")
    return name if first.platform == "cpu" or not kind else f"{name} ({kind})"
