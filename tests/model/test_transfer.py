import numpy as np
import pytest

from nnwidgets.model.transfer import to_device


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
