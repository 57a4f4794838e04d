"""Reading and writing playground.tensorflow.org links: ``#activation=tanh&batchSize=10&...``.

``parse_playground_url(url)`` turns a link into the Playground's arguments, under our names;
``playground_url(config)`` writes the link back, key for key as the original writes it, so that a
link the original made comes out unchanged, save for what the list below says is not kept.

Each value is checked by the same rule as the Playground's own setting (``settings.py``), with
the same message and the link's key added; the limits are the Playground's hard caps
(``nnwidgets.spec``), so every Playground has a link and every link a Playground. The original's
controls offer narrower ranges (noise 0-50, train_ratio 10-90, batch_size 1-30, 6 hidden layers
of 8 neurons), but it reads any number from a link. A value that is not a number or a boolean
where one belongs raises ``ValueError`` when read from a link. The same checks hold in both
directions, so ``parse_playground_url(playground_url(c)) == c`` for every ``c`` that
``parse_playground_url`` returns.

How a link is read, and where we depart from the original:

- Missing keys take the original's defaults (``DEFAULTS``); a blank value counts as missing, except
  ``networkShape=``, which is a network with no hidden layer. A repeated key: the last one wins.
- The original silently replaces a value it cannot read with its default; here it is an error.
  Booleans must be ``true`` or ``false`` (the original reads anything else, ``0`` too, as true).
- Keys the original does not know are ignored with a ``UserWarning``, so that a typo is noticed.
- Keys the original writes that change nothing here are read and dropped without a word:
  ``cosX``, ``cosY`` and ``collectStats`` (unused by the original itself), ``hideText`` (hides
  the text of its web page) and ``tutorial`` (names an article on its site).
- Two more keys change what is shown or trained, and are kept: ``initZero`` as ``init_zero``
  (every weight and bias starts at 0), and the ``<control>_hide=true`` keys of the original's
  "use it in a classroom" section as ``hide``, a tuple of our control names (``HIDABLE``).
- A hidden input feature is no input, as in the original, whose page deletes it from its
  inputs before it builds the network: ``#xTimesY=true&xTimesY_hide=true`` has the features
  ``("x1", "x2")`` (a first weight matrix of 2 rows), so the seeded initial weights and the
  training are the original's. Its link is written back with ``xTimesY=false``; a ``config``
  with a feature both on and hidden is refused, as no link of the original can hold it.
- The original keeps a classification and a regression dataset and ``problem`` picks one; we keep
  the one in use, and write the other as the original's default (``circle`` or ``reg-plane``).
- Values are taken as written, not percent-decoded, as the original reads them; so a seed must not
  contain white space, ``&``, ``=`` or ``#``.
"""

import re
import warnings
from decimal import Decimal
from types import MappingProxyType

from ... import spec
from ...data.features import FEATURE_OF_URL_NAME, FEATURES, URL_NAME_OF
from ...data.playground import DATASETS, PROBLEM_OF
from . import settings

# the original's State defaults, under our names
DEFAULTS = MappingProxyType(
    {
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
        "seed": None,  # the original then draws one at random
        "show_test_data": False,
        "discretize": False,
        "init_zero": False,
        "hide": (),
    }
)

# the original's State.PROPS, in the order its serialize() writes them
_URL_KEYS = (
    "activation",
    "regularization",
    "batchSize",
    "dataset",
    "regDataset",
    "learningRate",
    "regularizationRate",
    "noise",
    "networkShape",
    "seed",
    "showTestData",
    "discretize",
    "percTrainData",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "tutorial",
    "problem",
    "initZero",
    "hideText",
)

# our controls that a link can hide, each with its key: the original's classroom checkboxes in
# its order, then the input features, which the original then leaves out of the network
_HIDE_KEY_OF = {
    "show_test_data": "showTestData_hide",
    "discretize": "discretize_hide",
    "play": "playButton_hide",
    "step": "stepButton_hide",
    "reset": "resetButton_hide",
    "learning_rate": "learningRate_hide",
    "activation": "activation_hide",
    "regularization": "regularization_hide",
    "regularization_rate": "regularizationRate_hide",
    "problem": "problem_hide",
    "dataset": "dataset_hide",
    "train_ratio": "percTrainData_hide",
    "noise": "noise_hide",
    "batch_size": "batchSize_hide",
    "hidden": "numHiddenLayers_hide",
    **{name: f"{url_name}_hide" for name, url_name in URL_NAME_OF.items()},
}
HIDABLE = tuple(_HIDE_KEY_OF)

_KNOWN_KEYS = frozenset(_URL_KEYS) | frozenset(_HIDE_KEY_OF.values())

# where each of our arguments lives in a link, for error messages
_URL_KEY_OF = {
    "dataset": "dataset, regDataset",
    "problem": "problem",
    "noise": "noise",
    "train_ratio": "percTrainData",
    "batch_size": "batchSize",
    "features": ", ".join(URL_NAME_OF.values()),
    "hidden": "networkShape",
    "activation": "activation",
    "learning_rate": "learningRate",
    "regularization": "regularization",
    "regularization_rate": "regularizationRate",
    "seed": "seed",
    "show_test_data": "showTestData",
    "discretize": "discretize",
    "init_zero": "initZero",
    "hide": "<control>_hide",
    **URL_NAME_OF,
}

_ACTIVATION_OF_URL_NAME = {name: name for name in spec.ACTIVATIONS}
_PROBLEM_OF_URL_NAME = {name: name for name in spec.PROBLEMS}
_REGULARIZATION_OF_URL_NAME = {"none": None, "L1": "l1", "L2": "l2"}
_URL_NAME_OF_REGULARIZATION = {"l1": "L1", "l2": "L2"}  # None is not written, as in the original
_CLASSIFICATION_DATASET_OF_URL_NAME = {
    name: name for name in DATASETS if PROBLEM_OF[name] == "classification"
}
_REGRESSION_DATASET_OF_URL_NAME = {"reg-plane": "plane", "reg-gauss": "multigauss"}
_URL_NAME_OF_REGRESSION_DATASET = {
    name: url_name for url_name, name in _REGRESSION_DATASET_OF_URL_NAME.items()
}

# what JavaScript's unary + reads as a decimal number, once the text is trimmed
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def parse_playground_url(url: str) -> dict:
    """The Playground's arguments, under our names, from a playground.tensorflow.org link.

    ``url`` may be a whole link, a bare ``#key=value&...`` fragment or a query string (with or
    without its ``?``); a link's fragment wins over its query, as in the original. Returns a dict
    with every key of ``DEFAULTS``, in that order. Raises ``ValueError`` on a bad value and warns
    about keys the original does not know.
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, got {url!r} ({type(url).__name__})")
    given = _key_values(_parameter_text(url.strip()))
    unknown = [key for key in given if key not in _KNOWN_KEYS]
    if unknown:
        names = ", ".join(map(repr, unknown))
        warnings.warn(f"ignored keys unknown to the Playground: {names}", UserWarning, stacklevel=2)
    # a blank value counts as missing, as in the original; networkShape is read from `given`
    text = {key: value for key, value in given.items() if value.strip()}
    problem = _read(text, "problem", _read_choice, "problem", _PROBLEM_OF_URL_NAME)
    problem = problem or DEFAULTS["problem"]
    hidden = _hide_from_link(text)
    found = {
        "dataset": _dataset_from_link(text, problem),
        "problem": problem,
        "noise": _read(text, "noise", _read_number, "noise"),
        "train_ratio": _read(text, "percTrainData", _read_number, "train_ratio"),
        "batch_size": _read(text, "batchSize", _read_number, "batch_size"),
        "features": _features_from_link(text, hidden),
        "hidden": _read_network_shape(given["networkShape"]) if "networkShape" in given else None,
        "activation": _read(
            text, "activation", _read_choice, "activation", _ACTIVATION_OF_URL_NAME
        ),
        "learning_rate": _read(text, "learningRate", _read_number, "learning_rate"),
        # "none" reads as None, as a missing key does
        "regularization": _read(
            text, "regularization", _read_choice, "regularization", _REGULARIZATION_OF_URL_NAME
        ),
        "regularization_rate": _read(
            text, "regularizationRate", _read_number, "regularization_rate"
        ),
        "seed": text.get("seed"),
        "show_test_data": _read(text, "showTestData", _read_boolean, _label("show_test_data")),
        "discretize": _read(text, "discretize", _read_boolean, _label("discretize")),
        "init_zero": _read(text, "initZero", _read_boolean, _label("init_zero")),
        "hide": hidden,
    }
    try:
        return _checked_config({name: value for name, value in found.items() if value is not None})
    except TypeError as error:  # a link holds text: a number where a list belongs is a bad value
        raise ValueError(str(error)) from None


def playground_url(config: dict, base: str = "https://playground.tensorflow.org/") -> str:
    """A playground.tensorflow.org link for ``config``, written as the original writes its own.

    ``config`` holds any of the keys of ``DEFAULTS`` (the others take their defaults, but a
    missing ``problem`` follows the dataset), with the values ``parse_playground_url`` returns;
    also ``problem=None``, an int ``seed``, and features or hidden controls in any order.
    ``seed=None`` writes no seed, so the original picks one at random. Values past the limits of
    a link (e.g. ``batch_size=64``) raise ``ValueError``; a wrong type raises ``TypeError``.
    """
    config = _checked_config(config)
    values = _url_values(config)
    pairs = [f"{key}={values[key]}" for key in _URL_KEYS if values[key] is not None]
    # the original writes its hide keys after the others
    pairs += [f"{_HIDE_KEY_OF[control]}=true" for control in config["hide"]]
    return f"{base}#{'&'.join(pairs)}"


def _parameter_text(url: str) -> str:
    """The ``key=value&...`` part of a link, a fragment or a query string."""
    for separator in "#?":
        if separator in url:
            return url.split(separator, 1)[1]
    return "" if "://" in url else url


def _key_values(parameters: str) -> dict[str, str]:
    values = {}
    for pair in parameters.split("&"):
        if pair:
            key, _, value = pair.partition("=")
            # as in the original, text after a second "=" is dropped
            values[key] = value.split("=")[0]
    return values


def _read(text: dict, url_key: str, reader, *args):
    """What ``reader`` makes of the link's value for ``url_key``; None where the link has none."""
    return reader(text[url_key], *args) if url_key in text else None


def _dataset_from_link(text: dict, problem: str) -> str:
    # both are checked, though only the one that problem picks is kept
    classification = _read(
        text, "dataset", _read_choice, "dataset", _CLASSIFICATION_DATASET_OF_URL_NAME
    )
    regression = _read(text, "regDataset", _read_choice, "dataset", _REGRESSION_DATASET_OF_URL_NAME)
    if problem == "classification":
        return classification or DEFAULTS["dataset"]
    return regression or "plane"  # the original's default regDataset, reg-plane


def _features_from_link(text: dict, hidden: tuple[str, ...]) -> tuple[str, ...]:
    switches = {
        name: _read(text, url_name, _read_boolean, _label(name))
        for url_name, name in FEATURE_OF_URL_NAME.items()
    }
    on = [
        name
        for name, value in switches.items()
        if value or (value is None and name in DEFAULTS["features"])
    ]
    # the original's page deletes a hidden feature from its inputs (playground.ts, before
    # reset() builds the network), whatever its switch says
    kept = tuple(name for name in on if name not in hidden)
    if on and not kept:
        raise ValueError(
            f"features: the link hides every feature that is on ({', '.join(on)}), so the "
            "network would have no input; show one (drop its <feature>_hide key)"
        )
    # the check of at least one feature on comes with the others, in _checked_config
    return kept


def _hide_from_link(text: dict) -> tuple[str, ...]:
    return tuple(
        control
        for control, url_key in _HIDE_KEY_OF.items()
        if _read(text, url_key, _read_boolean, f"hide (in the link: {url_key})")
    )


def _label(name: str) -> str:
    return f"{name} (in the link: {_URL_KEY_OF[name]})"


def _read_choice(text: str, name: str, value_of: dict):
    if text not in value_of:
        allowed = ", ".join(value_of)
        raise ValueError(f"{_label(name)} must be one of {allowed}, got {text!r}")
    return value_of[text]


def _read_boolean(text: str, label: str) -> bool:
    if text not in ("true", "false"):
        raise ValueError(f"{label} must be true or false, got {text!r}")
    return text == "true"


def _read_number(text: str, name: str) -> float | int:
    """``text`` as a number, as JavaScript reads a decimal one; an int when it is whole."""
    if not _DECIMAL.fullmatch(text.strip()):
        raise ValueError(f"{_label(name)} must be a number, got {text!r}")
    number = float(text)
    return int(number) if number.is_integer() else number


def _read_network_shape(text: str) -> tuple:
    # unlike the other keys, a blank networkShape is a network with no hidden layer
    if not text.strip():
        return ()
    return tuple(_read_number(size, "hidden") for size in text.split(","))


def _checked_config(config: dict) -> dict:
    """``config`` over ``DEFAULTS``, each value checked and in its canonical form."""
    unknown = [name for name in config if name not in DEFAULTS]
    if unknown:
        known = ", ".join(DEFAULTS)
        raise ValueError(f"config keys must be among {known}, got {', '.join(map(repr, unknown))}")
    # without a problem the dataset decides it, so that {"dataset": "plane"} is a regression
    config = {**DEFAULTS, "problem": None, **config}
    checked = {
        name: _checked(name, config[name]) for name in DEFAULTS if name not in ("problem", "hide")
    }
    checked["problem"] = _problem(config["problem"], checked["dataset"])
    checked["features"], checked["hidden"] = tuple(checked["features"]), tuple(checked["hidden"])
    if isinstance(checked["seed"], int):
        checked["seed"] = str(checked["seed"])  # a link holds text
    checked["hide"] = _hide(config["hide"])
    both = [name for name in checked["features"] if name in checked["hide"]]
    if both:
        raise ValueError(
            f"features {both} are on and hidden; a link's hidden feature is no input (the "
            "original leaves it out of its network): turn it off or show it (in the link: "
            f"{', '.join(URL_NAME_OF[name] + '_hide' for name in both)})"
        )
    return {name: checked[name] for name in DEFAULTS}


def _checked(name: str, value):
    """``value`` by setting ``name``'s rule, its message naming the link's key too."""
    try:
        return settings.check(name, value)
    except (TypeError, ValueError) as error:
        raise type(error)(f"{error} (in the link: {_URL_KEY_OF[name]})") from None


def _problem(problem, dataset: str) -> str:
    # the original has a separate dataset list per problem, so the dataset settles it
    if problem is None:
        return PROBLEM_OF[dataset]
    problem = _checked("problem", problem)
    if problem != PROBLEM_OF[dataset]:
        raise ValueError(
            f"problem must be {PROBLEM_OF[dataset]!r} or None for the {dataset!r} dataset, got "
            f"{problem!r} (in the link: problem)"
        )
    return problem


def _hide(controls) -> tuple[str, ...]:
    if isinstance(controls, str) or not hasattr(controls, "__iter__"):
        raise TypeError(f"{_label('hide')} must be a sequence of control names, got {controls!r}")
    controls = tuple(controls)
    for control in controls:
        if control not in _HIDE_KEY_OF:
            allowed = ", ".join(map(repr, HIDABLE))
            raise ValueError(f"{_label('hide')} names must be among {allowed}, got {control!r}")
    return tuple(control for control in HIDABLE if control in controls)


def _url_values(config: dict) -> dict[str, str | None]:
    """Each of the original's keys with its text for ``config``; None where it writes nothing."""
    dataset = config["dataset"]
    regression = config["problem"] == "regression"
    return {
        "activation": config["activation"],
        "regularization": _URL_NAME_OF_REGULARIZATION.get(config["regularization"]),
        "batchSize": _js_number(config["batch_size"]),
        "dataset": "circle" if regression else dataset,
        "regDataset": _URL_NAME_OF_REGRESSION_DATASET[dataset] if regression else "reg-plane",
        "learningRate": _js_number(config["learning_rate"]),
        "regularizationRate": _js_number(config["regularization_rate"]),
        "noise": _js_number(config["noise"]),
        "networkShape": ",".join(map(str, config["hidden"])),
        "seed": config["seed"],
        "showTestData": _js_boolean(config["show_test_data"]),
        "discretize": _js_boolean(config["discretize"]),
        "percTrainData": _js_number(config["train_ratio"]),
        **{URL_NAME_OF[name]: _js_boolean(name in config["features"]) for name in FEATURES},
        "cosX": "false",
        "cosY": "false",
        "collectStats": "false",
        "tutorial": None,
        "problem": config["problem"],
        "initZero": _js_boolean(config["init_zero"]),
        "hideText": "false",
    }


def _js_boolean(value: bool) -> str:
    return "true" if value else "false"


def _js_number(value: float) -> str:
    """A finite number of 0 or more as JavaScript's String(number) writes it: 0.03, 10, 1e-7."""
    # Python's repr finds the same shortest digits that round-trip; only the layout differs
    _, digit_tuple, exponent = Decimal(repr(float(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    count = len(digits)
    point = exponent + count  # the value is 0.<digits> × 10**point
    if count <= point <= 21:
        return digits + "0" * (point - count)
    if 0 < point <= 21:
        return f"{digits[:point]}.{digits[point:]}"
    if -6 < point <= 0:
        return f"0.{'0' * -point}{digits}"
    mantissa = digits if count == 1 else f"{digits[0]}.{digits[1:]}"
    return f"{mantissa}e{'+' if point > 0 else '-'}{abs(point - 1)}"
