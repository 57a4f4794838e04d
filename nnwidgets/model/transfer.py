"""Host data onto JAX's device without XLA:CPU's slow copy."""

import jax
import numpy as np

from ..engine import devices

# XLA:CPU adopts a C-contiguous host buffer aligned to this many bytes without copying it.
ALIGNMENT = 64


def to_device(array: np.ndarray, device: jax.Device | None = None) -> jax.Array:
    """`array` as a JAX array on `device`, by default the device of wide work.

    On CPU, XLA copies a buffer it cannot adopt (numpy aligns to 16 bytes) at about 2 GB/s: 20 ms
    for 12,000 MNIST images, a sixth of a 784-256-10 epoch. numpy copies the same bytes into an
    aligned buffer in 5 ms, which XLA then adopts (measured, tests/bench/bench_model.py). A buffer
    adopted is shared, not copied: callers use the result only while they run.

    Args:
        array: Host data, anything numpy takes.
        device: Where to put it; `devices.wide_work()` (JAX's default device) if None.

    Returns:
        The data on `device`.
    """
    array = np.asarray(array)
    if device is None:
        device = devices.wide_work()
    if device.platform == "cpu" and (array.ctypes.data % ALIGNMENT or not array.flags.c_contiguous):
        array = _aligned_copy(array)
    return jax.device_put(array, device)


def _aligned_copy(array: np.ndarray) -> np.ndarray:
    raw = np.empty(array.nbytes + ALIGNMENT, np.uint8)
    start = -raw.ctypes.data % ALIGNMENT
    copy = raw[start : start + array.nbytes].view(array.dtype).reshape(array.shape)
    np.copyto(copy, array)
    return copy
