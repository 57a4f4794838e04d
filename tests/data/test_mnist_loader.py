import gzip

import numpy as np
import pytest

from nnwidgets.data import mnist
from nnwidgets.data.mnist import mnist_folder

IMAGE_MAGIC, LABEL_MAGIC = 2051, 2049


def idx_bytes(array: np.ndarray, magic: int) -> bytes:
    header = magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_set(folder, kind="train", count=3, gz=False, rows=28):
    images = np.random.default_rng(count).integers(0, 256, (count, rows, rows), dtype=np.uint8)
    labels = np.arange(count, dtype=np.uint8) % 10
    prefix = "train" if kind == "train" else "t10k"
    for name, data in [
        (f"{prefix}-images-idx3-ubyte", idx_bytes(images, IMAGE_MAGIC)),
        (f"{prefix}-labels-idx1-ubyte", idx_bytes(labels, LABEL_MAGIC)),
    ]:
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
    return images, labels


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("kind", ["train", "test"])
def test_round_trip(tmp_path, kind, gz):
    images, labels = write_set(tmp_path, kind, count=4, gz=gz)
    X, y = mnist(tmp_path, kind=kind)
    assert X.shape == (4, 28, 28) and X.dtype == np.uint8
    assert y.shape == (4,) and y.dtype == np.uint8
    np.testing.assert_array_equal(X, images)
    np.testing.assert_array_equal(y, labels)
    X[0, 0, 0] = 1  # an ordinary, writable array


def test_reads_from_nnwidgets_data(tmp_path, monkeypatch):
    (tmp_path / "mnist").mkdir()
    images, _ = write_set(tmp_path / "mnist", "test")
    monkeypatch.setenv("NNWIDGETS_DATA", str(tmp_path))
    assert mnist_folder() == tmp_path / "mnist"
    np.testing.assert_array_equal(mnist(kind="test")[0], images)


def test_default_folder_is_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("NNWIDGETS_DATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert mnist_folder() == tmp_path / ".cache" / "nnwidgets" / "mnist"


def test_missing_files_say_what_to_put_where(tmp_path):
    with pytest.raises(FileNotFoundError) as error:
        mnist(tmp_path / "nowhere", kind="train")
    message = str(error.value)
    assert str(tmp_path / "nowhere") in message
    assert "train-images-idx3-ubyte" in message and "train-labels-idx1-ubyte" in message
    assert "never downloads" in message


def test_only_the_missing_file_is_named(tmp_path):
    write_set(tmp_path, "test")
    (tmp_path / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(FileNotFoundError, match="t10k-labels-idx1-ubyte") as error:
        mnist(tmp_path, kind="test")
    assert "t10k-images" not in str(error.value)


def test_wrong_magic_number_names_the_file(tmp_path):
    write_set(tmp_path)
    labels = tmp_path / "train-labels-idx1-ubyte"
    (tmp_path / "train-images-idx3-ubyte").write_bytes(labels.read_bytes())
    with pytest.raises(ValueError, match="train-images-idx3-ubyte is not an IDX file"):
        mnist(tmp_path)


def test_truncated_file_names_the_file(tmp_path):
    write_set(tmp_path)
    images = tmp_path / "train-images-idx3-ubyte"
    images.write_bytes(images.read_bytes()[:-10])
    with pytest.raises(ValueError, match="train-images-idx3-ubyte holds .* promises"):
        mnist(tmp_path)


def test_file_cut_inside_its_header(tmp_path):
    write_set(tmp_path)
    labels = tmp_path / "train-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:6])
    with pytest.raises(ValueError, match="train-labels-idx1-ubyte is truncated"):
        mnist(tmp_path)


def test_broken_gzip_names_the_file(tmp_path):
    write_set(tmp_path, gz=True)
    images = tmp_path / "train-images-idx3-ubyte.gz"
    images.write_bytes(images.read_bytes()[:50])
    with pytest.raises(ValueError, match="train-images-idx3-ubyte.gz is not a valid gzip file"):
        mnist(tmp_path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:10] + b"\xff" * 20 + data[30:],  # a damaged block: zlib's own error
        lambda data: data[:-4] + b"\0\0\0\0",  # a wrong length in the trailer
        lambda data: b"not gzip at all",
    ],
    ids=["damaged-block", "wrong-trailer", "not-gzip"],
)
def test_corrupt_gzip_says_which_file_to_delete_and_download_again(tmp_path, damage):
    write_set(tmp_path, gz=True)
    labels = tmp_path / "train-labels-idx1-ubyte.gz"
    labels.write_bytes(damage(labels.read_bytes()))
    with pytest.raises(ValueError) as error:
        mnist(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{labels} is not a valid gzip file")
    assert f"delete {labels} and download it again" in message


def test_images_and_labels_must_match_in_number(tmp_path):
    write_set(tmp_path, count=3)
    labels = np.arange(5, dtype=np.uint8)
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(idx_bytes(labels, LABEL_MAGIC))
    with pytest.raises(ValueError, match="holds 3 images but .* holds 5 labels"):
        mnist(tmp_path)


def test_bad_kind_and_path_name_themselves(tmp_path):
    with pytest.raises(ValueError, match="kind must be 'train' or 'test', got 'validation'"):
        mnist(tmp_path, kind="validation")
    with pytest.raises(TypeError, match="path must be a folder"):
        mnist(42)
