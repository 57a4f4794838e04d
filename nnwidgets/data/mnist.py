"""MNIST from the standard IDX files, which the user downloads once; nnwidgets never downloads.

The files are read from a folder given as ``path``, or else from ``$NNWIDGETS_DATA/mnist`` when
that variable is set, or else from ``~/.cache/nnwidgets/mnist``. Each may be gzipped (``.gz``).
"""

import gzip
import math
import os
import zlib
from pathlib import Path

import numpy as np

MNIST_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
MNIST_URLS = ("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/")
# What every message about a damaged file ends with.
_REDOWNLOAD = "delete {file} and download it again, e.g. from " + " or ".join(MNIST_URLS)
_UNSIGNED_BYTE = 0x08  # the IDX type code of the data; MNIST stores pixels and labels as bytes


def mnist_folder() -> Path:
    """The folder ``mnist(path=None)`` reads.

    Returns:
        ``$NNWIDGETS_DATA/mnist`` when that variable is set, else ``~/.cache/nnwidgets/mnist``.
    """
    root = os.environ.get("NNWIDGETS_DATA")
    if root:
        return Path(root).expanduser() / "mnist"
    return Path.home() / ".cache" / "nnwidgets" / "mnist"


def _find(folder: Path, name: str) -> Path | None:
    """The file ``name`` in ``folder``, plain or gzipped, or None."""
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def _missing_files_message(folder: Path, missing: list[str]) -> str:
    names = ", ".join(missing)
    return (
        f"MNIST files not found in {folder}: {names} (each may also end in .gz). nnwidgets never "
        f"downloads at run time: download them once, e.g. from {' or '.join(MNIST_URLS)}, and put "
        f"them in {folder}, or pass mnist(path=...) a folder that holds them, or set "
        "NNWIDGETS_DATA to a folder whose mnist/ subfolder holds them."
    )


def read_idx(file: Path, dimensions: int) -> np.ndarray:
    """The unsigned-byte array in IDX file ``file`` (gzipped if it ends in .gz), checked.

    Args:
        file: The IDX file, plain or gzipped.
        dimensions: The number of dimensions it must hold (3 for images, 1 for labels).

    Returns:
        The array, uint8, of the shape its header gives.

    Raises:
        ValueError: Naming the file, when it is not valid gzip, not an IDX file of
            ``dimensions`` dimensions, or holds fewer or more bytes than its header promises.
    """
    data = file.read_bytes()
    if file.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:  # not gzip, cut short or damaged
            raise ValueError(
                f"{file} is not a valid gzip file ({error}); {_REDOWNLOAD.format(file=file)}"
            ) from None
    expected_magic = bytes([0, 0, _UNSIGNED_BYTE, dimensions])
    if data[:4] != expected_magic:
        raise ValueError(
            f"{file} is not an IDX file of {dimensions}-D unsigned bytes: it starts with "
            f"0x{data[:4].hex()}, expected 0x{expected_magic.hex()}; "
            + _REDOWNLOAD.format(file=file)
        )
    header_size = 4 + 4 * dimensions
    if len(data) < header_size:
        raise ValueError(
            f"{file} is truncated: its header is cut short; {_REDOWNLOAD.format(file=file)}"
        )
    shape = tuple(int.from_bytes(data[4 + 4 * k : 8 + 4 * k], "big") for k in range(dimensions))
    expected_size = header_size + math.prod(shape)  # exact, even for a corrupt header
    if len(data) != expected_size:
        raise ValueError(
            f"{file} holds {len(data)} bytes but its header (shape {shape}) promises "
            f"{expected_size}; the file is truncated or corrupt: " + _REDOWNLOAD.format(file=file)
        )
    # a copy, so that callers get an ordinary writable array
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(shape).copy()


def mnist(
    path: str | os.PathLike | None = None, kind: str = "train"
) -> tuple[np.ndarray, np.ndarray]:
    """MNIST images ``X`` (n, 28, 28) uint8 (0-255, ink high) and labels ``y`` (n,) uint8 (0-9).

    ``kind`` is "train" (60,000 images from ``train-images-idx3-ubyte`` and
    ``train-labels-idx1-ubyte``) or "test" (10,000 from ``t10k-images-idx3-ubyte`` and
    ``t10k-labels-idx1-ubyte``); each file may be gzipped (``.gz``). They are read from the folder
    ``path``, or, when None, from ``mnist_folder()``: ``$NNWIDGETS_DATA/mnist`` if that variable
    is set, else ``~/.cache/nnwidgets/mnist``. nnwidgets never downloads: a missing file raises
    FileNotFoundError saying which files to put where. Other data sets in the same format, such
    as Fashion-MNIST, load the same way.

    Args:
        path: The folder holding the files, or None for ``mnist_folder()``.
        kind: "train" or "test".

    Returns:
        (X, y): the images, (n, 28, 28) uint8, and the labels, (n,) uint8.

    Raises:
        ValueError: If `kind` is neither "train" nor "test", a file is not a valid IDX file, or
            the images and labels differ in number.
        TypeError: If `path` is neither a str, a path nor None.
        FileNotFoundError: If a file is missing; the message says which files to put where.
    """
    if kind not in MNIST_FILES:
        raise ValueError(f"kind must be 'train' or 'test', got {kind!r}")
    if path is not None and not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a folder (str or path) or None, got {path!r}")
    folder = mnist_folder() if path is None else Path(path).expanduser()
    names = MNIST_FILES[kind]
    files = [_find(folder, name) for name in names]
    missing = [name for name, file in zip(names, files, strict=True) if file is None]
    if missing:
        raise FileNotFoundError(_missing_files_message(folder, missing))
    images_file, labels_file = files
    images = read_idx(images_file, dimensions=3)
    labels = read_idx(labels_file, dimensions=1)
    if len(images) != len(labels):
        raise ValueError(
            f"{images_file} holds {len(images)} images but {labels_file} holds {len(labels)} "
            "labels; they must come from the same set"
        )
    return images, labels
