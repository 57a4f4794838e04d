"""`nw.load_model`: a model back from the .npz file that `model.save` wrote (see saving.py)."""

from .layers import Activation, Dense, Dropout, Flatten, Input
from .saving import MODEL_KEY, arrays_of, read_archive, read_json
from .sequential import Sequential

# The layers a model file may name, by class name.
LAYER_CLASSES = {cls.__name__: cls for cls in (Dense, Flatten, Activation, Dropout)}


def load_model(filepath) -> Sequential:
    """The model that `model.save(filepath)` wrote: same layers, names, weights and, when the
    optimizer was given by name, compiled as it was (its state starts afresh).

    The file is read with ``np.load(allow_pickle=False)``: loading runs no code from it.

    Args:
        filepath: A file that `model.save` wrote.

    Returns:
        The model, a `Sequential`.

    Raises:
        TypeError: If `filepath` is not a str or a path.
        FileNotFoundError: If there is no such file.
        ValueError: Naming the file and what is wrong, if it is not a model file (a weights
            file, a pickle, ...) or its description or arrays are damaged.
    """
    path, entries = read_archive(filepath)
    config = read_json(path, entries, MODEL_KEY)
    try:
        model = Sequential([Input(tuple(config["input_shape"]))], name=config["name"])
        for index, layer in enumerate(config["layers"]):
            kind = layer["class_name"]
            if kind not in LAYER_CLASSES:
                raise ValueError(
                    f"layers[{index}] is a {kind!r}; a model file holds only "
                    f"{', '.join(LAYER_CLASSES)}"
                )
            model.add(LAYER_CLASSES[kind](**layer["config"]))
        model.set_weights(arrays_of(path, entries, model.layers))
        compiled = config["compile"]
        if compiled is not None:
            model.compile(**compiled)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{path} does not describe a model nnwidgets can build: {error}") from None
    return model
