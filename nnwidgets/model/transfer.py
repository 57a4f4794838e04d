"""Host data onto JAX's device without XLA:CPU's slow copy."""

from typing import NamedTuple

import jax
import jax.numpy as jnp
import numpy as np

from ..engine import devices

# XLA:CPU adopts a C-contiguous host buffer aligned to this many bytes without copying it.
ALIGNMENT = 64
# Examples of at least this many bytes in all go to `fit` as a view of the caller's buffer;
# smaller ones are copied (a few microseconds), which keeps their kernel simple.
SHARED_ROWS_BYTES = 1 << 20


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


class DeviceRows(NamedTuple):
    """A host array's examples on a device, end to end in one axis; `take_rows` reads them back.

    On the CPU, `body` is the caller's buffer from its first aligned byte on (`skip` values in),
    and `edges` copies the values it leaves out at either end; elsewhere, or for small data,
    `body` holds every value and `edges` none. Shapes do not depend on the buffer's address, so
    one compiled epoch serves every array of the same shape.

    Attributes:
        body: The values, from the `skip`-th on where `edges` is not empty.
        edges: The first and the last `EDGE` values of the examples, or nothing.
        skip: How many values `body` starts in, an int32 scalar.
    """

    body: jax.Array
    edges: jax.Array
    skip: jax.Array


def rows_to_device(array: np.ndarray, device: jax.Device) -> DeviceRows:
    """The examples of `array` (n, ...) on `device`, sharing the caller's buffer on the CPU.

    Copying into an aligned buffer (`to_device`) costs 4-5 ms for 12,000 MNIST images on a quiet
    machine and 20 ms on a busy one (fresh pages); XLA:CPU instead adopts the buffer from its
    first aligned byte on. As with `to_device`, callers use the result only while they run.

    Args:
        array: The examples, n >= 1.
        device: Where to put them.

    Returns:
        The examples as `DeviceRows`.
    """
    array = np.asarray(array)
    flat = np.ascontiguousarray(array).reshape(-1)
    edge = ALIGNMENT // flat.itemsize
    size = flat.size // len(array)
    if (
        device.platform != "cpu"
        or array.nbytes < SHARED_ROWS_BYTES
        or len(array) < 2
        or size < edge
    ):
        nothing = np.zeros(0, flat.dtype)
        return DeviceRows(to_device(flat, device), to_device(nothing, device), np.int32(0))
    skip = -flat.ctypes.data % ALIGNMENT // flat.itemsize
    body = flat[skip : skip + flat.size - edge]
    edges = np.concatenate([flat[:edge], flat[-edge:]])
    return DeviceRows(jax.device_put(body, device), to_device(edges, device), np.int32(skip))


def take_rows(rows: DeviceRows, index: jax.Array, shape: tuple) -> jax.Array:
    """The examples at `index`, each of `shape`, from `rows_to_device`'s result (under jit).

    Args:
        rows: The examples on the device.
        index: The examples' indices, (k,).
        shape: The shape of one example.

    Returns:
        (k, *shape).
    """
    size = int(np.prod(shape))

    def window(start, length=size):
        return jax.lax.dynamic_slice(rows.body, (start,), (length,))

    taken = jax.vmap(window)(index * size - rows.skip)
    edge = rows.edges.shape[0] // 2
    if edge:
        # The first and the last example reach into the edges `body` leaves out.
        n = (rows.body.shape[0] + edge) // size
        first = jnp.concatenate([rows.edges[:edge], window(edge - rows.skip, size - edge)])
        last = jnp.concatenate([window((n - 1) * size - rows.skip, size - edge), rows.edges[edge:]])
        taken = jnp.where((index == 0)[:, None], first, taken)
        taken = jnp.where((index == n - 1)[:, None], last, taken)
    return taken.reshape(index.shape[0], *shape)


def _aligned_copy(array: np.ndarray) -> np.ndarray:
    raw = np.empty(array.nbytes + ALIGNMENT, np.uint8)
    start = -raw.ctypes.data % ALIGNMENT
    copy = raw[start : start + array.nbytes].view(array.dtype).reshape(array.shape)
    np.copyto(copy, array)
    return copy
