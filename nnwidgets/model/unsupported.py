"""Keras names that nnwidgets deliberately does not offer, kept so that a lesson's Keras code
fails at once with what to use instead, not with an AttributeError.

nnwidgets trains Sequential stacks of Dense, Flatten, Activation and Dropout layers: what its
views can draw neuron by neuron. Convolutions, recurrences, normalisation and the functional API
are Keras' own; use Keras for them.
"""

_DENSE_INSTEAD = (
    "use layers.Flatten() then layers.Dense(...) (lesson 03 reads digits so), or Keras itself "
    "for {what}"
)


class Unsupported:
    """The base of the Keras names nnwidgets does not offer: making one raises.

    Raises:
        NotImplementedError: Always, naming the class and what to use instead.
    """

    what = "this"
    instead = ""

    def __init__(self, *args, **kwargs):
        name = type(self).__name__
        raise NotImplementedError(
            f"{name} is not supported: nnwidgets builds Sequential models of Dense, Flatten, "
            f"Activation and Dropout layers; {self.instead.format(what=self.what)}"
        )


class Conv1D(Unsupported):
    """Not supported: a 1-D convolution. Flatten then Dense instead, or Keras itself."""

    what, instead = "convolutions", _DENSE_INSTEAD


class Conv2D(Unsupported):
    """Not supported: a 2-D convolution. Flatten then Dense instead, or Keras itself."""

    what, instead = "convolutions", _DENSE_INSTEAD


class MaxPooling2D(Unsupported):
    """Not supported: 2-D max pooling. Flatten then Dense instead, or Keras itself."""

    what, instead = "pooling", _DENSE_INSTEAD


class AveragePooling2D(Unsupported):
    """Not supported: 2-D average pooling. Flatten then Dense instead, or Keras itself."""

    what, instead = "pooling", _DENSE_INSTEAD


class SimpleRNN(Unsupported):
    """Not supported: a recurrent layer. Flatten the sequence then Dense, or Keras itself."""

    what, instead = "recurrent layers", _DENSE_INSTEAD


class LSTM(Unsupported):
    """Not supported: a recurrent layer. Flatten the sequence then Dense, or Keras itself."""

    what, instead = "recurrent layers", _DENSE_INSTEAD


class GRU(Unsupported):
    """Not supported: a recurrent layer. Flatten the sequence then Dense, or Keras itself."""

    what, instead = "recurrent layers", _DENSE_INSTEAD


_SCALE_INSTEAD = (
    "scale the inputs before fit instead (X / 255 for images, (X - X.mean(0)) / X.std(0) for "
    "features), or use Keras itself for {what}"
)


class BatchNormalization(Unsupported):
    """Not supported: normalisation inside the model. Scale the inputs before `fit` instead."""

    what, instead = "normalisation layers", _SCALE_INSTEAD


class LayerNormalization(Unsupported):
    """Not supported: normalisation inside the model. Scale the inputs before `fit` instead."""

    what, instead = "normalisation layers", _SCALE_INSTEAD


class Embedding(Unsupported):
    """Not supported: an embedding. One-hot encode the categories and use Dense instead."""

    what = "embeddings"
    instead = "one-hot encode the categories (np.eye(k)[indices]) and use Dense, or Keras itself"


class Model(Unsupported):
    """Not supported: Keras' functional `Model(inputs, outputs)`. Use `Sequential` instead."""

    instead = (
        "build the same stack as Sequential([layers.Input(shape), layers.Dense(...), ...]); "
        "models with branches need Keras itself"
    )
