"""The learning-rate balance: the zone rule, the bands, one sweep's training, and a click on a
point opening that rate's Playground (tests/e2e/test_balance_in_lab.py clicks in a browser)."""

import math

import numpy as np
import pytest

import nnwidgets as nw
from nnwidgets.widgets.rate_balance import GOOD_SHARE, RATES, zone_bands, zones


def test_the_zone_rule():
    rates = [0.001, 0.01, 0.1, 1, 10]
    final = [0.5, 0.2, 0.1, 0.15, math.nan]
    # good: within GOOD_SHARE (0.1) of the way from the best, 0.1, back to the start, 0.6
    assert GOOD_SHARE == 0.1
    assert zones(rates, final, 0.6, [False] * 4 + [True]) == [
        "too small",
        "too small",  # 0.2 > 0.15
        "good",
        "good",  # 0.15 <= 0.15
        "too large",  # diverged
    ]
    assert zones(rates, [0.5, 0.2, 0.1, 0.16, 0.3], 0.6, [False] * 5)[3:] == ["too large"] * 2
    assert zones([0.1, 1], [math.nan, math.nan], 0.7, [True, True]) == ["too large"] * 2


def test_bands_join_neighbours_of_one_zone_halfway_between_rates():
    bands = zone_bands([0.01, 0.1, 1, 10], ["too small", "good", "good", "too large"])
    assert [zone for zone, _, _ in bands] == ["too small", "good", "too large"]
    (_, a, b), (_, c, d), (_, e, f) = bands
    assert b == pytest.approx(c) and d == pytest.approx(e)
    assert b == pytest.approx(10**-1.5) and d == pytest.approx(10**0.5)
    assert a == pytest.approx(10**-2.5) and f == pytest.approx(10**1.5)


def test_a_circle_balance_has_all_three_zones_in_order():
    balance = nw.learning_rate_balance(nw.Playground(dataset="circle", seed=1), epochs=200)
    assert balance.rates == sorted(RATES) and balance.rates[0] == 1e-4 and balance.rates[-1] == 10
    assert balance.zones[0] == "too small" and balance.zones[-1] == "too large"
    assert "good" in balance.zones
    # zones come in order: too small, then good, then too large
    order = [("too small", "good", "too large").index(zone) for zone in balance.zones]
    assert order == sorted(order)
    results = balance.sweep.results
    assert all(r["epochs_done"] == 200 or r["diverged"] for r in results)
    good = balance.final_loss[balance.zones.index("good")]
    assert good < balance.final_loss[0]


def test_a_click_on_a_point_opens_that_rates_playground():
    balance = nw.learning_rate_balance(
        nw.Playground(dataset="xor", seed=2), rates=[0.01, 3], epochs=50
    )
    points = balance.figure.marks[-1]
    assert list(points.x) == [0.01, 3]
    points._handle_custom_msg({"event": "element_click", "data": {"index": 1}}, [])
    opened = balance.opened
    assert opened is balance.children[-1] and opened.learning_rate == 3
    for (W, b), (W0, b0) in zip(opened.weights, balance.sweep.weights(1), strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)
    assert len(opened.history) == 50


@pytest.mark.parametrize("rates", [[0.1], [0.1, 0.0], [0.1, 0.1]])
def test_bad_rates_are_refused(rates):
    with pytest.raises(ValueError, match="rates"):
        nw.learning_rate_balance(nw.Playground(seed=1), rates=rates, epochs=1)
