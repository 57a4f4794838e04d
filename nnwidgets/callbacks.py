"""`nnwidgets.callbacks`, as `keras.callbacks`: what `fit` can be given besides the views.

`Callback` to subclass, the `History` that `fit` returns, `EarlyStopping` and
`ModelCheckpoint` with Keras 3's arguments. The live views (`nw.LivePlot`, ...) are
callbacks too.
"""

from .model.callbacks import Callback
from .model.checkpoint import ModelCheckpoint
from .model.early_stopping import EarlyStopping
from .model.history import History

__all__ = ["Callback", "EarlyStopping", "History", "ModelCheckpoint"]
