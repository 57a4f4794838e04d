import json
import math
from pathlib import Path

import numpy as np
import pytest

from nnwidgets.data import (
    DATASETS,
    PROBLEM_OF,
    SeededRandom,
    generate,
    playground,
    playground_split,
    split_train_test,
)

# Recorded from playground.tensorflow.org's own dataset.ts and generateData() run under node with
# the versions it pins (seedrandom 2.4.4, d3 3.5.17): points, labels, and the stream afterwards.
REFERENCE_FILES = sorted((Path(__file__).parent / "reference").glob("playground_*.json"))


def _reference_cases():
    for file in REFERENCE_FILES:
        reference = json.loads(file.read_text())
        for name, expected in reference["datasets"].items():
            yield pytest.param(
                reference["seed"], reference["noise"], name, expected, id=f"{file.stem}-{name}"
            )


@pytest.mark.parametrize(("seed", "noise", "name", "expected"), list(_reference_cases()))
def test_same_points_and_stream_as_the_original(seed, noise, name, expected):
    rng = SeededRandom(seed)
    X, y = generate(name, noise, rng)
    head = np.array(expected["head"])
    assert len(X) == expected["count"]
    # sin, cos and log may differ from V8's in the last bit; labels and order may not
    np.testing.assert_allclose(X[: len(head)], head[:, :2], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(y[: len(head)], head[:, 2])
    sums = [X[:, 0].sum(), X[:, 1].sum(), y.sum()]
    np.testing.assert_allclose(sums, expected["sums"], rtol=0, atol=1e-9)
    # the original draws the initial weights next: the stream must be exactly where it left it
    assert [rng.random() for _ in expected["next"]] == expected["next"]


def test_reference_files_are_there():
    assert len(REFERENCE_FILES) == 2


@pytest.mark.parametrize("name", DATASETS)
def test_sizes_follow_the_problem(name):
    X, y = playground(name)
    expected = 500 if PROBLEM_OF[name] == "classification" else 1200
    assert X.shape == (expected, 2) and y.shape == (expected,)
    assert X.dtype == np.float64 and y.dtype == np.float64


def test_problem_of_every_dataset():
    assert set(PROBLEM_OF) == set(DATASETS)
    assert {name for name, problem in PROBLEM_OF.items() if problem == "regression"} == {
        "plane",
        "multigauss",
    }


@pytest.mark.parametrize("name", ["circle", "xor", "gauss", "spiral"])
def test_classification_labels_are_plus_minus_one_and_balanced(name):
    _, y = playground(name, noise=0, seed="balance")
    assert set(np.unique(y)) <= {-1.0, 1.0}
    if name != "xor":  # xor's classes follow the quadrant of each uniform point
        assert (y == 1).sum() == (y == -1).sum() == 250


@pytest.mark.parametrize("noise", [0, 50])
def test_circle_points_lie_within_radius_5_and_label_by_radius_2_5(noise):
    X, y = playground("circle", noise=noise, seed=1)
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius.max() <= 5
    # positions are never jittered: inner points stay inside 2.5, outer ones beyond 3.5
    assert not ((radius > 2.5) & (radius < 3.5)).any()
    if noise == 0:
        np.testing.assert_array_equal(y, np.where(radius < 2.5, 1.0, -1.0))


@pytest.mark.parametrize("noise", [0, 50])
def test_xor_points_keep_off_the_axes(noise):
    X, y = playground("xor", noise=noise, seed=1)
    assert np.abs(X).min() >= 0.3 and np.abs(X).max() <= 5.3
    if noise == 0:
        np.testing.assert_array_equal(y, np.where(X[:, 0] * X[:, 1] >= 0, 1.0, -1.0))


def _label_disagreement(name, noise):
    X, y = playground(name, noise=noise, seed=7)
    if name == "circle":
        clean = np.where(np.hypot(X[:, 0], X[:, 1]) < 2.5, 1.0, -1.0)
    else:
        clean = np.where(X[:, 0] * X[:, 1] >= 0, 1.0, -1.0)
    return np.mean(y != clean)


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_label_noise_grows_with_noise(name):
    fractions = [_label_disagreement(name, noise) for noise in (0, 10, 30, 50)]
    # the noise only relabels: every noise level draws the same positions
    np.testing.assert_array_equal(
        playground(name, noise=0, seed=7)[0], playground(name, noise=50, seed=7)[0]
    )
    assert fractions[0] == 0
    assert fractions == sorted(fractions) and fractions[-1] > fractions[1] > 0
    assert fractions[-1] < 0.5  # still mostly right at the UI's maximum


@pytest.mark.parametrize("noise", [0, 10, 25, 50])
def test_gauss_variance_is_half_plus_seven_times_noise(noise):
    X, y = playground("gauss", noise=noise, seed=3)
    for label, centre in [(1.0, 2.0), (-1.0, -2.0)]:
        points = X[y == label]
        np.testing.assert_allclose(points.mean(axis=0), [centre, centre], atol=0.35)
        expected_variance = 0.5 + 7 * noise / 100
        assert points.var(axis=0, ddof=1) == pytest.approx([expected_variance] * 2, rel=0.2)


def test_gauss_classes_sit_near_plus_and_minus_two_at_noise_0():
    X, y = playground("gauss", noise=0, seed=0)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [2, 2], atol=0.15)
    np.testing.assert_allclose(X[y == -1].mean(axis=0), [-2, -2], atol=0.15)


def test_spiral_at_noise_0_lies_on_two_arms_within_radius_5():
    X, y = playground("spiral", noise=0, seed=0)
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius.max() <= 5
    # each arm is the other turned half a turn: r = 5 i/250 at angle 1.75 * 2π i/250 (+ π)
    for label, delta in [(1.0, 0.0), (-1.0, math.pi)]:
        arm = X[y == label]
        steps = np.rint(np.hypot(arm[:, 0], arm[:, 1]) / 5 * 250)
        angle = 1.75 * steps / 250 * 2 * np.pi + delta
        np.testing.assert_allclose(
            arm, np.c_[steps / 50 * np.sin(angle), steps / 50 * np.cos(angle)], atol=1e-9
        )


def test_spiral_noise_jitters_each_coordinate_by_up_to_noise():
    X0, _ = playground("spiral", noise=0, seed=0)
    X1, _ = playground("spiral", noise=50, seed=0)
    # the jitter is drawn at every noise level, so the shuffles match and the points pair up
    jitter = np.abs(X1 - X0)
    assert jitter.max() <= 0.5 and jitter.mean() > 0.2


def test_plane_labels_are_the_scaled_sum_at_noise_0():
    X, y = playground("plane", noise=0, seed=0)
    np.testing.assert_allclose(y, (X[:, 0] + X[:, 1]) / 10, atol=1e-15)
    # x1 + x2 spans [-12, 12], so targets reach ±1.2 even without noise, as in the original
    assert np.abs(X).max() <= 6 and 1 < np.abs(y).max() <= 1.2


@pytest.mark.parametrize("noise", [0, 50])
def test_multigauss_labels_stay_within_plus_minus_one(noise):
    X, y = playground("multigauss", noise=noise, seed=0)
    assert np.abs(X).max() <= 6 and np.abs(y).max() <= 1
    assert (y > 0.5).any() and (y < -0.5).any()


def test_multigauss_label_peaks_at_the_centres():
    X, y = playground("multigauss", noise=0, seed=0)
    near_positive_centre = np.hypot(X[:, 0] + 4, X[:, 1] - 2.5) < 0.5
    near_negative_centre = np.hypot(X[:, 0], X[:, 1] - 2.5) < 0.5
    assert (y[near_positive_centre] > 0.7).all() and (y[near_negative_centre] < -0.7).all()
    far_from_all = np.hypot(np.abs(X[:, 0]) - 2, np.abs(X[:, 1])) < 0.2  # between the bumps
    assert (y[far_from_all] == 0).all()


@pytest.mark.parametrize("name", DATASETS)
def test_same_seed_same_data_other_seed_other_data(name):
    X1, y1 = playground(name, noise=20, seed=5)
    X2, y2 = playground(name, noise=20, seed=5)
    X3, _ = playground(name, noise=20, seed=6)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


def test_int_seed_equals_its_string():
    np.testing.assert_array_equal(playground("xor", seed=123)[0], playground("xor", seed="123")[0])


def test_generate_continues_the_callers_stream():
    rng = SeededRandom("0.5")
    X, y = generate("circle", 10, rng)
    again = SeededRandom("0.5")
    X_again, _ = generate("circle", 10, again)
    np.testing.assert_array_equal(X, X_again)
    assert rng.random() == again.random()
    X_next, _ = generate("circle", 10, rng)  # a second data set from the rest of the stream
    assert not np.array_equal(X, X_next)


@pytest.mark.parametrize(
    ("name", "ratio"),
    [("circle", 50), ("spiral", 10), ("xor", 33), ("plane", 90), ("multigauss", 37.5)],
)
def test_split_takes_the_first_floor_of_ratio_percent(name, ratio):
    X_train, y_train, X_test, y_test = playground_split(name, noise=5, train_ratio=ratio, seed=9)
    X, y = playground(name, noise=5, seed=9)
    index = math.floor(len(X) * ratio / 100)
    assert len(X_train) == len(y_train) == index
    assert len(X_test) == len(y_test) == len(X) - index
    np.testing.assert_array_equal(np.concatenate([X_train, X_test]), X)
    np.testing.assert_array_equal(np.concatenate([y_train, y_test]), y)


def test_split_train_test_splits_any_data_in_order():
    X, y = np.arange(20.0).reshape(10, 2), np.arange(10.0)
    X_train, y_train, X_test, y_test = split_train_test(X, y, train_ratio=70)
    np.testing.assert_array_equal(y_train, np.arange(7.0))
    np.testing.assert_array_equal(X_test, X[7:])


def test_odd_n_gives_exactly_n_points_of_both_classes():
    for name in DATASETS:
        X, y = playground(name, n=7)
        assert X.shape == (7, 2)
    _, y = playground("spiral", n=7)
    assert (y == 1).sum() == 4 and (y == -1).sum() == 3


def test_unknown_name_lists_the_allowed_names():
    with pytest.raises(ValueError, match="name must be one of 'circle'.*'multigauss', got 'moons'"):
        playground("moons")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"noise": 120}, ValueError, "noise must be between 0 and 100, got 120"),
        ({"noise": -1}, ValueError, "noise must be between 0 and 100, got -1"),
        ({"noise": float("nan")}, ValueError, "noise must be between 0 and 100, got nan"),
        ({"noise": "10"}, TypeError, "noise must be a number, got '10'"),
        ({"noise": True}, TypeError, "noise must be a number, got True"),
        ({"n": 1}, ValueError, "n must be between 2 and 100000, got 1"),
        ({"n": 10**6}, ValueError, "n must be between 2 and 100000, got 1000000"),
        ({"n": 2.5}, TypeError, "n must be an int, got 2.5"),
        ({"seed": 0.5}, TypeError, "seed must be a str or an int, got 0.5"),
    ],
)
def test_bad_arguments_name_themselves(kwargs, error, message):
    with pytest.raises(error, match=message):
        playground("circle", **kwargs)


@pytest.mark.parametrize("ratio", [0, 100, 0.5, 150])
def test_train_ratio_out_of_range(ratio):
    with pytest.raises(ValueError, match=f"train_ratio must be between 1 and 99, got {ratio}"):
        playground_split("circle", train_ratio=ratio)


def test_split_that_leaves_a_side_empty_is_refused():
    with pytest.raises(ValueError, match="train_ratio=10 of n=5 points leaves no training"):
        playground_split("xor", train_ratio=10, n=5)


def test_generate_wants_a_seeded_random():
    with pytest.raises(TypeError, match="rng must be a SeededRandom, got 42"):
        generate("circle", 0, 42)


def test_numpy_numbers_are_accepted():
    X, _ = playground("gauss", noise=np.float64(10), seed=np.int64(4), n=np.int64(100))
    np.testing.assert_array_equal(X, playground("gauss", noise=10, seed=4, n=100)[0])


@pytest.mark.parametrize("name", ["gauss", "spiral"])
@pytest.mark.parametrize("classes", [3, 5])
def test_gauss_and_spiral_come_with_more_classes(name, classes):
    X, y = playground(name, noise=0, seed=3, n=301, classes=classes)
    counts = np.bincount(y.astype(int))
    assert counts.tolist() == [301 // classes + (k < 301 % classes) for k in range(classes)]
    assert np.all(np.abs(X) <= 6)
    # each class is a shape of its own: its centre of mass differs from the others'
    centres = np.array([X[y == k].mean(axis=0) for k in range(classes)])
    if name == "gauss":
        assert (
            np.min(
                np.linalg.norm(centres[:, None] - centres[None], axis=-1)[
                    ~np.eye(classes, dtype=bool)
                ]
            )
            > 2
        )
    np.testing.assert_array_equal(playground(name, 0, 3, 301, classes)[0], X)


def test_two_class_data_sets_refuse_more_classes():
    with pytest.raises(ValueError, match="'circle' has two classes; 'gauss' and 'spiral' come"):
        playground("circle", classes=3)
    with pytest.raises(ValueError, match="classes must be between 2 and 5, got 6"):
        playground("gauss", classes=6)
