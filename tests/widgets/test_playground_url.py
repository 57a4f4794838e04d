import math
import re
import warnings

import pytest

from nnwidgets.widgets.playground.links import (
    DEFAULTS,
    HIDABLE,
    parse_playground_url,
    playground_url,
)

BASE = "https://playground.tensorflow.org/"

# a link as the original's serialize() writes it: every key of State.PROPS in order, booleans as
# true/false, no regularization key when there is none, no tutorial key
SPIRAL_LINK = (
    "#activation=relu&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03"
    "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false"
    "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false"
    "&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false"
    "&problem=classification&initZero=false&hideText=false"
)

RICH = {
    "dataset": "xor",
    "problem": "classification",
    "noise": 35,
    "train_ratio": 70,
    "batch_size": 17,
    "features": ("x1", "x1*x2", "sin(x2)"),
    "hidden": (8, 1, 3, 6, 2, 5),
    "activation": "sigmoid",
    "learning_rate": 0.00001,
    "regularization": "l1",
    "regularization_rate": 0.003,
    "seed": "0.98765",
    "show_test_data": True,
    "discretize": True,
    "init_zero": True,
    "hide": ("play", "learning_rate", "hidden", "x1^2"),
}


def with_key(link: str, key: str, value: str) -> str:
    """``link`` with ``key``'s value replaced."""
    return re.sub(rf"(?<=[#&]){key}=[^&]*", f"{key}={value}", link)


def test_defaults_are_the_originals():
    assert dict(DEFAULTS) == {
        "dataset": "circle",
        "problem": "classification",
        "noise": 0,
        "train_ratio": 50,
        "batch_size": 10,
        "features": ("x1", "x2"),
        "hidden": (4, 2),
        "activation": "tanh",
        "learning_rate": 0.03,
        "regularization": None,
        "regularization_rate": 0.0,
        "seed": None,
        "show_test_data": False,
        "discretize": False,
        "init_zero": False,
        "hide": (),
    }


def test_defaults_are_read_only():
    with pytest.raises(TypeError):
        DEFAULTS["noise"] = 10


def test_the_defaults_link_as_the_original_writes_it():
    assert playground_url(DEFAULTS) == (
        BASE + "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
        "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&showTestData=false"
        "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false"
        "&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false"
        "&problem=classification&initZero=false&hideText=false"
    )


def test_round_trip_of_the_defaults():
    assert parse_playground_url(playground_url(DEFAULTS)) == DEFAULTS
    assert parse_playground_url(playground_url({})) == DEFAULTS


def test_round_trip_of_a_rich_config():
    link = playground_url(RICH)
    assert parse_playground_url(link) == RICH
    assert "regularization=L1&" in link and "learningRate=0.00001&" in link
    assert "networkShape=8,1,3,6,2,5&" in link and "seed=0.98765&" in link
    assert link.endswith(
        "&hideText=false&playButton_hide=true&learningRate_hide=true"
        "&numHiddenLayers_hide=true&xSquared_hide=true"
    )


def test_reading_a_link_the_original_wrote():
    assert parse_playground_url(BASE + SPIRAL_LINK) == {
        **DEFAULTS,
        "dataset": "spiral",
        "activation": "relu",
        "seed": "0.12345",
    }


def test_a_link_the_original_wrote_comes_back_unchanged():
    assert playground_url(parse_playground_url(SPIRAL_LINK)) == BASE + SPIRAL_LINK
    link = with_key(with_key(SPIRAL_LINK, "activation", "linear&regularization=L2"), "x", "false")
    link = with_key(with_key(link, "sinY", "true"), "regularizationRate", "0.3")
    assert playground_url(parse_playground_url(link)) == BASE + link


def test_fragment_query_and_whole_link_read_alike():
    parameters = SPIRAL_LINK[1:]
    expected = parse_playground_url(SPIRAL_LINK)
    for url in (
        BASE + SPIRAL_LINK,
        f"http://playground.tensorflow.org/index.html{SPIRAL_LINK}",
        f"{BASE}?{parameters}",
        f"?{parameters}",
        parameters,
        f"  {SPIRAL_LINK}\n",
    ):
        assert parse_playground_url(url) == expected, url


def test_the_fragment_wins_over_the_query():
    assert parse_playground_url(f"{BASE}?noise=5#noise=10")["noise"] == 10


@pytest.mark.parametrize("url", ["", "#", BASE, BASE + "#", "https://playground.tensorflow.org"])
def test_a_link_without_values_gives_the_defaults(url):
    assert parse_playground_url(url) == DEFAULTS


def test_missing_keys_take_the_defaults():
    assert parse_playground_url("#noise=25&activation=relu") == {
        **DEFAULTS,
        "noise": 25,
        "activation": "relu",
    }


def test_blank_values_count_as_missing():
    assert parse_playground_url("#noise=&activation= &x=&seed=") == DEFAULTS


def test_a_later_repeat_of_a_key_wins():
    assert parse_playground_url("#noise=5&noise=15")["noise"] == 15


def test_regression_datasets():
    plane = parse_playground_url("#problem=regression&regDataset=reg-plane&dataset=xor")
    gauss = parse_playground_url("#problem=regression&regDataset=reg-gauss")
    assert (plane["problem"], plane["dataset"]) == ("regression", "plane")
    assert (gauss["problem"], gauss["dataset"]) == ("regression", "multigauss")
    assert parse_playground_url("#problem=regression")["dataset"] == "plane"
    # the dataset of the problem not in use is not kept
    assert parse_playground_url("#regDataset=reg-gauss&dataset=gauss")["dataset"] == "gauss"


def test_regression_links_write_the_other_dataset_as_its_default():
    link = playground_url({"dataset": "multigauss"})
    assert "&dataset=circle&regDataset=reg-gauss&" in link and "&problem=regression&" in link
    assert parse_playground_url(link)["problem"] == "regression"
    assert "&dataset=spiral&regDataset=reg-plane&" in playground_url({"dataset": "spiral"})


def test_problem_none_follows_the_dataset():
    assert playground_url({"dataset": "plane", "problem": None}) == playground_url(
        {"dataset": "plane", "problem": "regression"}
    )


def test_a_problem_that_contradicts_the_dataset_is_refused():
    message = "problem must be 'regression' or None for the 'plane' dataset, got 'classification'"
    with pytest.raises(ValueError, match=re.escape(message)):
        playground_url({"dataset": "plane", "problem": "classification"})


def test_no_hidden_layers():
    config = parse_playground_url(with_key(SPIRAL_LINK, "networkShape", ""))
    assert config["hidden"] == ()
    assert "&networkShape=&" in playground_url(config)
    assert playground_url(config) == BASE + with_key(SPIRAL_LINK, "networkShape", "")


def test_regularization_none_is_not_written():
    assert parse_playground_url("#regularization=none")["regularization"] is None
    assert "regularization=" not in playground_url({"regularization_rate": 0.1}).replace(
        "regularizationRate=", ""
    )


def test_no_seed_is_written_without_one():
    assert "seed=" not in playground_url(DEFAULTS)
    assert parse_playground_url(playground_url({"seed": 42}))["seed"] == "42"


def test_numbers_are_written_as_javascript_writes_them():
    def written(rate):
        return re.search(r"&learningRate=([^&]*)&", playground_url({"learning_rate": rate}))[1]

    assert written(0.03) == "0.03"
    assert written(1e-5) == "0.00001"
    assert written(1e-7) == "1e-7"
    assert written(1.5e-7) == "1.5e-7"
    assert written(10.0) == "10"
    assert written(3) == "3"
    assert written(0.1 + 0.2) == "0.30000000000000004"
    assert written(1e20) == "100000000000000000000"
    assert written(1e21) == "1e+21"
    assert written(2.5e25) == "2.5e+25"
    assert "&regularizationRate=0&noise=0&" in playground_url({"regularization_rate": 0.0})
    assert "&batchSize=7&" in playground_url({"batch_size": 7})


def test_numbers_read_as_javascript_reads_them():
    config = parse_playground_url("#learningRate=1e-5&regularizationRate=.3&batchSize=+2.0")
    assert config["learning_rate"] == 1e-5 and config["regularization_rate"] == 0.3
    assert config["batch_size"] == 2 and isinstance(config["batch_size"], int)
    assert parse_playground_url("#networkShape=%203,%205".replace("%20", " "))["hidden"] == (3, 5)


def test_rates_off_the_originals_menus_are_accepted():
    config = parse_playground_url("#learningRate=0.05&regularizationRate=0.0007")
    assert (config["learning_rate"], config["regularization_rate"]) == (0.05, 0.0007)
    assert parse_playground_url(playground_url(config)) == config


def test_features_in_any_order_are_written_in_the_canonical_one():
    link = playground_url({"features": ["sin(x1)", "x2^2", "x2"]})
    assert (
        "&x=false&y=true&xTimesY=false&xSquared=false&ySquared=true&cosX=false&sinX=true&" in link
    )
    assert parse_playground_url(link)["features"] == ("x2", "x2^2", "sin(x1)")


def test_cos_features_are_read_and_dropped():
    assert parse_playground_url("#cosX=true&cosY=true")["features"] == ("x1", "x2")


def test_hidden_controls():
    config = parse_playground_url(
        "#sinY_hide=true&noise_hide=true&playButton_hide=false&showTestData_hide=true"
    )
    assert config["hide"] == ("show_test_data", "noise", "sin(x2)")
    assert playground_url(config).endswith(
        "&hideText=false&showTestData_hide=true&noise_hide=true&sinY_hide=true"
    )
    assert set(HIDABLE) >= {"play", "step", "reset", "hidden", *DEFAULTS["features"]}


@pytest.mark.parametrize(
    "extra", ["collectStats=true", "hideText=true", "tutorial=dataset-1", "cosX=true"]
)
def test_keys_without_effect_here_are_dropped_silently(extra):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_playground_url(f"{SPIRAL_LINK}&{extra}") == parse_playground_url(SPIRAL_LINK)


def test_unknown_keys_are_ignored_with_a_warning():
    message = "ignored keys unknown to the Playground: 'learningrate', 'foo'"
    with pytest.warns(UserWarning, match=re.escape(message)):
        config = parse_playground_url("#learningrate=0.3&foo&noise=5")
    assert config == {**DEFAULTS, "noise": 5}


def test_init_zero_is_kept():
    assert parse_playground_url("#initZero=true")["init_zero"] is True
    assert "&initZero=true&" in playground_url({"init_zero": True})


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("noise=101", "noise must be between 0 and 100, got 101 (in the link: noise)"),
        ("noise=7.5", "noise must be an int, got 7.5 (in the link: noise)"),
        ("noise=-5", "noise must be between 0 and 100, got -5 (in the link: noise)"),
        ("noise=lots", "noise (in the link: noise) must be a number, got 'lots'"),
        ("noise=0x10", "noise (in the link: noise) must be a number, got '0x10'"),
        (
            "percTrainData=100",
            "train_ratio must be between 1 and 99, got 100 (in the link: percTrainData)",
        ),
        (
            "percTrainData=0",
            "train_ratio must be between 1 and 99, got 0 (in the link: percTrainData)",
        ),
        (
            "batchSize=0",
            "batch_size must be between 1 and 10000, got 0 (in the link: batchSize)",
        ),
        (
            "networkShape=4,65",
            "hidden layers must have 1 to 64 neurons, got 65 in [4, 65] (in the link: "
            "networkShape)",
        ),
        (
            "networkShape=4,0",
            "hidden layers must have 1 to 64 neurons, got 0 in [4, 0] (in the link: networkShape)",
        ),
        ("networkShape=4,,2", "hidden (in the link: networkShape) must be a number, got ''"),
        (
            "networkShape=1,1,1,1,1,1,1,1,1,1,1",
            "hidden must have at most 10 layers, got 11 (in the link: networkShape)",
        ),
        (
            "activation=softmax",
            "activation (in the link: activation) must be one of relu, tanh, sigmoid, linear, "
            "got 'softmax'",
        ),
        (
            "regularization=l2",
            "regularization (in the link: regularization) must be one of none, L1, L2, got 'l2'",
        ),
        (
            "problem=ranking",
            "problem (in the link: problem) must be one of classification, regression, "
            "got 'ranking'",
        ),
        (
            "dataset=moons",
            "dataset (in the link: dataset, regDataset) must be one of circle, xor, gauss, "
            "spiral, got 'moons'",
        ),
        (
            "regDataset=reg-maximum",
            "dataset (in the link: dataset, regDataset) must be one of reg-plane, reg-gauss, "
            "got 'reg-maximum'",
        ),
        (
            "learningRate=-1",
            "learning_rate must be a finite number >= 0, got -1 (in the link: learningRate)",
        ),
        (
            "learningRate=1e999",
            "learning_rate must be a finite number >= 0, got inf (in the link: learningRate)",
        ),
        (
            "regularizationRate=-0.1",
            "regularization_rate must be a finite number >= 0, got -0.1 (in the link: "
            "regularizationRate)",
        ),
        ("showTestData=1", "show_test_data (in the link: showTestData) must be true or false"),
        ("xSquared=yes", "x1^2 (in the link: xSquared) must be true or false, got 'yes'"),
        ("noise_hide=TRUE", "hide (in the link: noise_hide) must be true or false, got 'TRUE'"),
        ("seed=a b", "seed must be None, an int or a text without white space"),
    ],
)
def test_bad_values_in_a_link_are_refused_by_name(fragment, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_playground_url(f"#{fragment}")


def test_a_link_with_every_feature_off_is_refused():
    off = "&".join(f"{key}=false" for key in ("x", "y", "xSquared", "ySquared", "xTimesY"))
    message = "features must keep at least one feature on, got none (in the link: x, y, "
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_playground_url(f"#{off}&sinX=false&sinY=false")
    # any one feature on is enough
    assert parse_playground_url(f"#{off}&sinY=true")["features"] == ("sin(x2)",)


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"batch_size": 10_001}, ValueError, "batch_size must be between 1 and 10000, got"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be an int, got 2.5 (in the link"),
        ({"batch_size": True}, TypeError, "batch_size must be an int, got True (in the link"),
        ({"noise": "10"}, TypeError, "noise must be an int, got '10' (in the link: noise)"),
        ({"learning_rate": math.nan}, ValueError, "must be a finite number >= 0, got nan"),
        ({"hidden": "4,2"}, TypeError, "hidden must be a list of layer sizes, got '4,2'"),
        ({"hidden": (4, 65)}, ValueError, "hidden layers must have 1 to 64 neurons, got 65"),
        ({"features": ()}, ValueError, "at least one feature"),
        ({"features": ("x3",)}, ValueError, "features must be among"),
        ({"dataset": "moons"}, ValueError, "dataset must be one of 'circle', 'xor', 'gauss'"),
        ({"regularization": "L1"}, ValueError, "must be one of None, 'l1', 'l2', got 'L1'"),
        ({"seed": "a&b"}, ValueError, "seed must be None, an int or a text without white space"),
        ({"seed": ""}, ValueError, "seed must be None, an int or a text without white space"),
        ({"seed": 0.5}, TypeError, "seed must be None, an int or a text without white space"),
        ({"discretize": 1}, TypeError, "discretize must be True or False, got 1 (in the link"),
        ({"hide": ("menu",)}, ValueError, "hide (in the link: <control>_hide) names must be"),
        ({"hide": "noise"}, TypeError, "hide (in the link: <control>_hide) must be a sequence"),
        ({"epochs": 3}, ValueError, "config keys must be among dataset, problem"),
    ],
)
def test_bad_values_in_a_config_are_refused_by_name(change, error, message):
    with pytest.raises(error, match=re.escape(message)):
        playground_url(change)


def test_a_url_must_be_text():
    with pytest.raises(TypeError, match="url must be a str"):
        parse_playground_url(None)


def test_another_base():
    assert playground_url({}, base="http://localhost:5000/").startswith(
        "http://localhost:5000/#activation=tanh&"
    )


def test_a_hidden_feature_is_no_input_as_in_the_original():
    # The original's page deletes a hidden feature from its inputs before building the network.
    config = parse_playground_url("#xTimesY=true&xTimesY_hide=true&seed=42")
    assert config["features"] == ("x1", "x2") and config["hide"] == ("x1*x2",)
    assert "xTimesY=false&" in playground_url(config)
    assert parse_playground_url(playground_url(config)) == config
    shown = parse_playground_url("#xTimesY=true&seed=42")
    assert shown["features"] == ("x1", "x2", "x1*x2")


def test_a_link_that_hides_every_input_or_a_config_that_hides_an_input_is_refused():
    with pytest.raises(ValueError, match="hides every feature that is on.*x1, x2"):
        parse_playground_url("#x_hide=true&y_hide=true")
    with pytest.raises(ValueError, match=r"features \['x1\*x2'\] are on and hidden.*xTimesY_hide"):
        playground_url({"features": ("x1", "x1*x2"), "hide": ("x1*x2",)})
