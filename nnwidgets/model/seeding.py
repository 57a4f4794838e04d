"""One seeded stream for initial weights, dropout and shuffling, as keras.utils.set_random_seed."""

import numpy as np

_generator = np.random.default_rng()


def set_random_seed(seed: int) -> None:
    """Make every model built and trained afterwards reproducible: same seed, same numbers.

    Args:
        seed: An int of 0 or more.

    Raises:
        ValueError: If `seed` is not an int of 0 or more.
    """
    global _generator
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be an int >= 0, got {seed!r}")
    _generator = np.random.default_rng(seed)


def generator() -> np.random.Generator:
    """The stream that initial weights, dropout and shuffling draw from.

    Returns:
        The numpy generator that the last `set_random_seed` made (unseeded before any).
    """
    return _generator
