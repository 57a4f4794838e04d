import jax
import jax.numpy as jnp
import numpy as np
import pytest

from nnwidgets.model.transfer import rows_to_device, take_rows, to_device


@pytest.mark.parametrize(
    "view",
    [
        lambda a: a,
        lambda a: a[1:],  # starts 4 bytes into the buffer: not aligned
        lambda a: a[:, ::2],  # not contiguous
        lambda a: a.T,
        lambda a: a[:0],
    ],
    ids=["whole", "offset", "strided", "transposed", "empty"],
)
def test_to_device_keeps_values_shape_and_dtype(view):
    host = view(np.arange(7 * 6, dtype=np.float32).reshape(7, 6))
    on_device = to_device(host)
    assert on_device.shape == host.shape and on_device.dtype == host.dtype
    np.testing.assert_array_equal(np.asarray(on_device), host)


def test_to_device_keeps_integer_labels():
    labels = np.arange(11, dtype=np.int32)[3:]
    np.testing.assert_array_equal(np.asarray(to_device(labels)), labels)


def test_rows_shared_with_any_alignment_read_back_as_the_examples_with_one_kernel():
    n, shape = 400, (28, 28)  # 1.25 MB: shared, not copied
    buffer = np.arange(n * 784 + 16, dtype=np.float32)
    index = jnp.asarray([0, 1, n // 2, n - 2, n - 1, 0], jnp.int32)
    read = jax.jit(take_rows, static_argnums=2)
    for offset in range(16):  # every address a float32 buffer may start at, modulo 64 bytes
        examples = buffer[offset : offset + n * 784].reshape(n, *shape)
        rows = rows_to_device(examples, jax.devices()[0])
        np.testing.assert_array_equal(read(rows, index, shape), examples[np.asarray(index)])
    assert read._cache_size() == 1


def test_small_data_is_copied_and_reads_back_alike():
    examples = np.arange(5 * 4, dtype=np.float32).reshape(5, 4)[:, ::-1]  # not contiguous
    rows = rows_to_device(examples, jax.devices()[0])
    index = jnp.asarray([4, 0, 2], jnp.int32)
    np.testing.assert_array_equal(take_rows(rows, index, (4,)), examples[[4, 0, 2]])
