"""How arrays travel between the kernel and the browser: dense, row-major, little-endian float32
or uint8 bytes in ``Bytes`` traits. The front end reads them in one place too
(``js/src/shared/binary.ts``).

Maps travel as one byte a cell: a value v in [-1, 1] as round((clip(v, -1, 1) + 1) · 127.5).
"""

import base64

import numpy as np


def float32(array) -> bytes:
    """``array`` as little-endian float32 bytes, row-major."""
    return np.ascontiguousarray(array, dtype="<f4").tobytes()


def uint8(array) -> bytes:
    """``array`` as uint8 bytes, row-major."""
    return np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def quantize(values) -> np.ndarray:
    """Values as the colour scale's bytes: round((clip(v, -1, 1) + 1) · 127.5), as uint8."""
    return np.rint((np.clip(values, -1, 1) + 1) * 127.5).astype(np.uint8)


def quantized(values) -> bytes:
    """``values`` quantised to the colour scale (``quantize``), as bytes."""
    return quantize(values).tobytes()


def read_float32(data) -> np.ndarray:
    """The float32 values of bytes written by ``float32``, as a read-only array."""
    return np.frombuffer(data, dtype="<f4")


def read_uint8(data) -> np.ndarray:
    """The bytes of ``uint8`` or ``quantized``, as a read-only array."""
    return np.frombuffer(data, dtype=np.uint8)


def base64_text(data) -> str:
    """Bytes as base64 text, as a page without a kernel carries them (the replay page)."""
    return base64.b64encode(bytes(data)).decode("ascii")
