"""The random stream of TensorFlow Playground: a port of the ``seedrandom`` npm package.

playground.tensorflow.org calls ``Math.seedrandom(state.seed)`` with a string seed such as
``"0.12345"`` and then draws every data point, the shuffle and the initial weights from
``Math.random``. seedrandom (versions 2.4 and 3.0 share the algorithm) is RC4 keyed by the seed
string, with the first 256 bytes dropped, turned into doubles with 52 random mantissa bits.
Reproducing it number for number lets one seed give the same data and weights here as there.
"""

import math
import numbers

_WIDTH = 256  # each RC4 output is one byte
_MASK = _WIDTH - 1
_CHUNKS = 6  # bytes that start each double
_START_DENOMINATOR = _WIDTH**_CHUNKS
_SIGNIFICANCE = 2**52
_OVERFLOW = 2**53


def seed_string(seed: str | int) -> str:
    """The string seedrandom is keyed with: a string as given, an int as ``str(seed)``.

    Args:
        seed: A string or an int.

    Returns:
        The key string.

    Raises:
        TypeError: If `seed` is neither a string nor an int (a bool is refused).
    """
    if isinstance(seed, str):
        return seed
    # bool is an int subclass, but True as a seed is surely a mistake
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return str(int(seed))
    raise TypeError(f"seed must be a str or an int, got {seed!r} ({type(seed).__name__})")


def mix_key(seed: str) -> list[int]:
    """seedrandom's ``mixkey``: fold the seed's UTF-16 code units into at most 256 key bytes.

    Args:
        seed: The key string.

    Returns:
        The key bytes, as ints from 0 to 255.
    """
    utf16 = seed.encode("utf-16-le")
    code_units = [utf16[i] | utf16[i + 1] << 8 for i in range(0, len(utf16), 2)]
    key: list[int] = []
    smear = 0
    for j, code_unit in enumerate(code_units):
        slot = j & _MASK
        # a missing entry is undefined in JavaScript, and smear ^ (undefined * 19) is smear ^ 0
        if slot < len(key):
            smear ^= key[slot] * 19
            key[slot] = (smear + code_unit) & _MASK
        else:
            key.append((smear + code_unit) & _MASK)
    return key


class _Arc4:
    """RC4 with a 256-byte state, as seedrandom's ``ARC4`` (the empty key counts as ``[0]``)."""

    def __init__(self, key: list[int]):
        key = key or [0]
        state = list(range(_WIDTH))
        j = 0
        for i in range(_WIDTH):
            j = (j + key[i % len(key)] + state[i]) & _MASK
            state[i], state[j] = state[j], state[i]
        self._state = state
        self._i = 0
        self._j = 0
        self.next_bytes(_WIDTH)  # RC4-drop[256]: the first bytes leak the key

    def next_bytes(self, count: int) -> int:
        """The next ``count`` output bytes concatenated big-endian into one integer."""
        state, i, j = self._state, self._i, self._j
        result = 0
        for _ in range(count):
            i = (i + 1) & _MASK
            t = state[i]
            j = (j + t) & _MASK
            state[i] = state[j]
            state[j] = t
            result = result * _WIDTH + state[(state[i] + t) & _MASK]
        self._i, self._j = i, j
        return result


class SeededRandom:
    """A reproducible stream of doubles in [0, 1), the same as ``Math.seedrandom(seed)`` gives.

    ``seed`` is a string (the original's, e.g. ``"0.12345"``) or an int, used as ``str(seed)``.
    ``uniform`` and ``normal`` are the Playground's ``randUniform`` and ``normalRandom``, which
    consume the stream exactly as the original does.

    Args:
        seed: A string (the original's, e.g. ``"0.12345"``) or an int, used as ``str(seed)``.

    Attributes:
        seed: The key string.

    Raises:
        TypeError: If `seed` is neither a string nor an int.
    """

    def __init__(self, seed: str | int):
        self.seed = seed_string(seed)
        self._arc4 = _Arc4(mix_key(self.seed))

    def __repr__(self) -> str:
        return f"SeededRandom({self.seed!r})"

    def random(self) -> float:
        """The next double in [0, 1), random in all 52 mantissa bits (seedrandom's ``prng``).

        Returns:
            The double.
        """
        numerator = self._arc4.next_bytes(_CHUNKS)
        denominator = _START_DENOMINATOR
        extra_byte = 0
        while numerator < _SIGNIFICANCE:
            numerator = (numerator + extra_byte) * _WIDTH
            denominator *= _WIDTH
            extra_byte = self._arc4.next_bytes(1)
        # shift right before adding the last byte so that the sum cannot round up to 1
        while numerator >= _OVERFLOW:
            numerator //= 2
            denominator //= 2
            extra_byte >>= 1
        return (numerator + extra_byte) / denominator

    def uniform(self, low: float, high: float) -> float:
        """The original's ``randUniform(a, b)``: ``random() * (b - a) + a``.

        Args:
            low: a, the lower end.
            high: b, the upper end.

        Returns:
            A double in [low, high).
        """
        return self.random() * (high - low) + low

    def normal(self, mean: float = 0.0, variance: float = 1.0) -> float:
        """The original's ``normalRandom``: Marsaglia's polar method, keeping one of the pair.

        Args:
            mean: The distribution's mean.
            variance: The distribution's variance.

        Returns:
            One normal draw.
        """
        while True:
            v1 = 2 * self.random() - 1
            v2 = 2 * self.random() - 1
            s = v1 * v1 + v2 * v2
            if s <= 1:
                break
        result = math.sqrt(-2 * math.log(s) / s) * v1
        return mean + math.sqrt(variance) * result

    def shuffled_order(self, count: int) -> list[int]:
        """The permutation of ``range(count)`` that the original's in-place ``shuffle`` makes.

        Fisher-Yates from the last element down, one draw per element, as the Playground
        shuffles its points: ``data[order]`` is the original's shuffled ``data``.

        Args:
            count: The number of elements.

        Returns:
            The permutation, as a list of indices.
        """
        order = list(range(count))
        counter = count
        while counter > 0:
            index = math.floor(self.random() * counter)
            counter -= 1
            order[counter], order[index] = order[index], order[counter]
        return order
