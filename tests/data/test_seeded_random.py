import math

import pytest

from nnwidgets.data.random import SeededRandom

# Printed by node from the seedrandom npm package 3.0.5 (same algorithm as the Playground's 2.4.4):
# const rng = require("seedrandom")(seed); for (let i = 0; i < 10; i++) console.log(rng());
SEEDRANDOM_VALUES = {
    "0.30251": [
        0.3429411796966113,
        0.7202501475207832,
        0.7105252822766618,
        0.02071958661502381,
        0.5232462948466837,
        0.26507041614556054,
        0.24372473350466584,
        0.827929141065202,
        0.7251789182911305,
        0.6243366431540186,
    ],
    "42": [
        0.00701751618236155,
        0.17185490054868188,
        0.967001069269818,
        0.4077816952668805,
        0.922687842759339,
        0.7869285107049383,
        0.873204273355561,
        0.6298147295125774,
        0.23825186137402535,
        0.34274772768400263,
    ],
    "hello": [
        0.5463663768140734,
        0.4397379377059223,
        0.554769432473455,
        0.7627046759719986,
        0.4805307030523447,
        0.9729326172968012,
        0.92403798206558,
        0.6684094552225839,
        0.9782811118900929,
        0.4846980885530663,
    ],
    "": [
        0.23144008215179881,
        0.27404636548159655,
        0.7901279251811976,
        0.40384160557189036,
        0.1321140086237582,
        0.6182831712505996,
        0.9154111225454327,
        0.1502617438764764,
        0.9706087980957805,
        0.4651304822486096,
    ],
    # non-ASCII (UTF-16 code units, a surrogate pair) and longer than the 256-byte key
    "héllo😀": [0.15784716335171667, 0.5083785521109162, 0.35069565766014404],
    "x" * 300 + "abc": [0.21743128727899955, 0.8529391649058159, 0.8250851942987969],
}


@pytest.mark.parametrize("seed", list(SEEDRANDOM_VALUES))
def test_stream_equals_the_seedrandom_package(seed):
    rng = SeededRandom(seed)
    expected = SEEDRANDOM_VALUES[seed]
    assert [rng.random() for _ in expected] == expected


def test_stream_stays_equal_far_in():
    rng = SeededRandom("0.30251")
    for _ in range(99_999):
        rng.random()
    assert rng.random() == 0.4163290561705526  # the 100,000th value, from the same node session


def test_int_seed_is_its_decimal_string():
    rng = SeededRandom(42)
    assert rng.seed == "42"
    assert [rng.random() for _ in range(3)] == SEEDRANDOM_VALUES["42"][:3]


@pytest.mark.parametrize("seed", [1.5, None, True, b"42"])
def test_bad_seed_names_the_argument(seed):
    with pytest.raises(TypeError, match="seed must be a str or an int"):
        SeededRandom(seed)


def test_uniform_is_the_originals_rand_uniform():
    rng, reference = SeededRandom("hello"), SeededRandom("hello")
    for low, high in [(0, 1), (-5, 5), (3.5, 5), (-6, 6)]:
        assert rng.uniform(low, high) == reference.random() * (high - low) + low


def test_normal_is_the_originals_polar_method():
    rng, reference = SeededRandom("0.30251"), SeededRandom("0.30251")
    for mean, variance in [(0, 1), (2, 0.5), (-2, 4)]:
        s = 2.0
        while s > 1:
            v1 = 2 * reference.random() - 1
            v2 = 2 * reference.random() - 1
            s = v1 * v1 + v2 * v2
        expected = mean + math.sqrt(variance) * math.sqrt(-2 * math.log(s) / s) * v1
        assert rng.normal(mean, variance) == expected
    assert rng.random() == reference.random()  # both consumed the same draws


def test_normal_has_the_asked_mean_and_variance():
    rng = SeededRandom("moments")
    values = [rng.normal(1.5, 4.0) for _ in range(20_000)]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    assert mean == pytest.approx(1.5, abs=0.05)
    assert variance == pytest.approx(4.0, rel=0.05)


def test_shuffled_order_is_the_originals_fisher_yates():
    rng, reference = SeededRandom("shuffle"), SeededRandom("shuffle")
    items = list(range(10))
    counter = len(items)
    while counter > 0:  # the Playground's shuffle(), step by step
        index = math.floor(reference.random() * counter)
        counter -= 1
        items[counter], items[index] = items[index], items[counter]
    assert rng.shuffled_order(10) == items
    assert sorted(items) == list(range(10))
