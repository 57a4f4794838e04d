"""Settings for the whole test session.

Keras 3 (the `keras` extra, in `test`) reads its backend once, on import: the tests that compare
with real Keras, and those that feed Keras models to the views, run it on JAX, nnwidgets' own.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")
