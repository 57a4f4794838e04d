"""Bad inputs, as a new user or a broken page gives them, to the Playground and the widgets.

Each case is refused with the exception a user can catch, a message that names the argument or
the key (and the file, for ``load``), and the Playground exactly as it was (``to_dict()``).
The tables list Python's doors (constructors, traits, methods, ``from_dict``, ``restore``,
``load``, ``from_url``) and the browser's (``set_state`` updates and custom messages).
"""

import copy
import json
import pickle
import signal

import numpy as np
import pytest
import traitlets

import nnwidgets as nw
from nnwidgets.widgets.playground import saved as saved_module
from nnwidgets.widgets.training_loop import STEP_MAX_EPOCHS

TE, VE, TY, RE = traitlets.TraitError, ValueError, TypeError, RuntimeError


@pytest.fixture
def pg():
    """A Playground that trained a little, so its weights and history are its own."""
    playground = nw.Playground(seed=1)
    playground.step(3)
    return playground


@pytest.fixture
def browser(pg, sent, monkeypatch):
    """Send what the page sends; returns the last refusal (control, message)."""
    monkeypatch.setattr(pg, "send_state", lambda key=None: None)

    def send(kind, content):
        count = len(sent)
        if kind == "state":
            pg.set_state(content)
        else:
            pg._on_message(pg, {"type": kind, **content}, [])
        refusals = [m for m in sent[count:] if m.get("type") == "refused"]
        assert refusals, f"{kind} {content} was not refused"
        return refusals[-1]["control"], refusals[-1]["message"]

    return send


def refused(call, error, *words):
    """``call()`` raises ``error`` whose message holds each of ``words``."""
    with pytest.raises(error) as raised:
        call()
    message = str(raised.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    return message


def case_id(case) -> str:
    return "-".join(str(part)[:30] for part in case[:2])


# --- constructors: a keyword nobody takes, with a did-you-mean ------------------------------

UNKNOWN_KEYWORDS = [
    ("lr", "learning_rate"),
    ("learningRate", "learning_rate"),
    ("LEARNING_RATE", "learning_rate"),
    ("bs", "batch_size"),
    ("batchsize", "batch_size"),
    ("datset", "dataset"),
    ("data_set", "dataset"),
    ("activaton", "activation"),
    ("hiden", "hidden"),
    ("noize", "noise"),
    ("feature", "features"),
    ("clases", "classes"),
    ("trainratio", "train_ratio"),
    ("train_ration", "train_ratio"),
    ("regularisation", "regularization"),
    ("regularization_rates", "regularization_rate"),
    ("initZero", "init_zero"),
    ("showTestData", "show_test_data"),
    ("seeds", "seed"),
    ("tooltp", "tooltip"),
]


@pytest.mark.parametrize(("keyword", "meant"), UNKNOWN_KEYWORDS)
def test_an_unknown_keyword_is_refused_with_a_did_you_mean(keyword, meant):
    message = refused(lambda: nw.Playground(**{keyword: 1}), TY, f"{keyword!r}")
    assert message == (
        f"Playground() got an unexpected keyword argument {keyword!r}. Did you mean {meant!r}?"
    )


def test_a_keyword_like_none_lists_what_is_taken():
    refused(lambda: nw.Playground(zzz=1), TY, "'zzz'", "It takes: dataset, problem", "noise")


def test_the_widgets_own_and_ipywidgets_keywords_are_taken():
    pg = nw.Playground(seed=1, layout={"width": "300px"}, tooltip="mine", tabbable=False)
    assert pg.layout.width == "300px" and pg.tooltip == "mine"


# Every public widget: the keyword is refused before its constructor runs, so its arguments
# need not even be right.
WIDGETS = [
    ("ActivationGallery", lambda **k: nw.ActivationGallery(**k), "activation", "activations"),
    ("ActivationView", lambda **k: nw.ActivationView(None, None, None, **k), "layers", "layer"),
    ("Challenge", lambda **k: nw.Challenge(None, None, **k), "limit", "limits"),
    ("ClassOverview", lambda **k: nw.ClassOverview(None, **k), "questin", "question"),
    ("LivePlot", lambda **k: nw.LivePlot(**k), "metric", "metrics"),
    ("LossSurface", lambda **k: nw.LossSurface(**k), "step", "steps"),
    ("NetworkDiagram", lambda **k: nw.NetworkDiagram(None, **k), "tooltp", "tooltip"),
    ("NeuronMap", lambda **k: nw.NeuronMap(**k), "value", "values"),
    ("Perceptron", lambda **k: nw.Perceptron(**k), "input", "inputs"),
    ("Sweep", lambda **k: nw.Sweep(**k), "learning_rates", "learning_rate"),
    ("TransformView", lambda **k: nw.TransformView(None, **k), "gird", "grid"),
    ("WeightImages", lambda **k: nw.WeightImages(None, **k), "scal", "scale"),
    ("Perceptron", lambda **k: nw.Perceptron(**k), "maxPoints", "max_points"),
    ("Sweep", lambda **k: nw.Sweep(**k), "epochsPerFrame", "epochs_per_frame"),
]


@pytest.mark.parametrize(
    ("name", "make", "keyword", "meant"), WIDGETS, ids=[f"{c[0]}-{c[2]}" for c in WIDGETS]
)
def test_every_widget_refuses_an_unknown_keyword(name, make, keyword, meant):
    refused(
        lambda: make(**{keyword: 1}),
        TY,
        f"{name}() got an unexpected keyword argument {keyword!r}. Did you mean {meant!r}?",
    )


# --- settings: the constructor and the trait refuse the same values -------------------------

BAD_SETTINGS = [
    ("noise", 101, "noise must be between 0 and 100"),
    ("noise", -1, "noise"),
    ("noise", "10", "noise"),
    ("noise", True, "noise"),
    ("noise", 1.5, "noise"),
    ("train_ratio", 0, "train_ratio"),
    ("train_ratio", 100, "train_ratio"),
    ("batch_size", 0, "batch_size"),
    ("batch_size", 10_001, "batch_size"),
    ("batch_size", 2.5, "batch_size"),
    ("hidden", [0], "hidden"),
    ("hidden", [65], "hidden"),
    ("hidden", [4] * 11, "hidden"),
    ("hidden", "4,2", "hidden"),
    ("hidden", [4, "a"], "hidden"),
    ("hidden", 4, "hidden"),
    ("features", [], "features"),
    ("features", ["x3"], "features"),
    ("features", 5, "features"),
    ("features", ["x1", "x1"], "features"),
    ("activation", "softmax", "activation"),
    ("activation", 5, "activation"),
    ("learning_rate", -1.0, "learning_rate"),
    ("learning_rate", float("nan"), "learning_rate"),
    ("learning_rate", float("inf"), "learning_rate"),
    ("learning_rate", "0.1", "learning_rate"),
    ("regularization", "l3", "regularization"),
    ("regularization_rate", -0.1, "regularization_rate"),
    ("seed", "a b", "seed"),
    ("seed", "", "seed"),
    ("seed", 0.5, "seed"),
    ("seed", "a&b", "seed"),
    ("dataset", "moons", "dataset"),
    ("dataset", 5, "dataset"),
    ("problem", "clustering", "problem"),
    ("classes", 6, "classes"),
    ("classes", 1, "classes"),
    ("classes", "3", "classes"),
    ("init_zero", "yes", "init_zero"),
    ("show_test_data", "yes", "show_test_data"),
    ("discretize", "no", "discretize"),
    ("epochs_per_frame", -1, "epochs_per_frame"),
    ("epochs_per_frame", 10_001, "epochs_per_frame"),
    ("hidden_controls", ["turbo"], "hidden_controls"),
    ("locked_controls", 5, "locked_controls"),
]


@pytest.mark.parametrize(
    ("name", "value", "word"), BAD_SETTINGS, ids=[case_id(c) for c in BAD_SETTINGS]
)
def test_a_bad_setting_is_refused_by_the_constructor(name, value, word):
    refused(lambda: nw.Playground(**{name: value}), TE, word)


@pytest.mark.parametrize(
    ("name", "value", "word"), BAD_SETTINGS, ids=[case_id(c) for c in BAD_SETTINGS]
)
def test_a_bad_setting_is_refused_by_its_trait_and_changes_nothing(pg, name, value, word):
    before = pg.to_dict()
    refused(lambda: setattr(pg, name, value), TE, word)
    assert pg.to_dict() == before


def test_more_classes_than_the_data_set_has_names_the_dataset():
    refused(lambda: nw.Playground(dataset="circle", classes=3), VE, "dataset 'circle'", "3")


# --- methods --------------------------------------------------------------------------------

METHODS = [
    ("step(0)", lambda pg: pg.step(0), VE, "epochs"),
    ("step(-1)", lambda pg: pg.step(-1), VE, "epochs"),
    ("step(1.5)", lambda pg: pg.step(1.5), TY, "epochs"),
    ("step('3')", lambda pg: pg.step("3"), TY, "epochs"),
    ("step(True)", lambda pg: pg.step(True), TY, "epochs"),
    ("step(None)", lambda pg: pg.step(None), TY, "epochs"),
    ("step(10**9)", lambda pg: pg.step(10**9), VE, "epochs", f"{STEP_MAX_EPOCHS}"),
    ("step(cap+1)", lambda pg: pg.step(STEP_MAX_EPOCHS + 1), VE, "epochs"),
    ("set_weight layer", lambda pg: pg.set_weight(3, 0, 0, 1.0), VE, "layer"),
    ("set_weight i", lambda pg: pg.set_weight(0, 2, 0, 1.0), VE, "i must be"),
    ("set_weight j", lambda pg: pg.set_weight(0, 0, 4, 1.0), VE, "j must be"),
    ("set_weight nan", lambda pg: pg.set_weight(0, 0, 0, float("nan")), VE, "value"),
    ("set_weight text", lambda pg: pg.set_weight(0, 0, 0, "a"), TY, "value"),
    ("set_weight layer text", lambda pg: pg.set_weight("0", 0, 0, 1.0), TY, "layer"),
    ("set_weight i float", lambda pg: pg.set_weight(0, 0.5, 0, 1.0), TY, "i must be"),
    ("set_bias j", lambda pg: pg.set_bias(0, 9, 1.0), VE, "j must be"),
    ("set_bias inf", lambda pg: pg.set_bias(0, 0, float("inf")), VE, "value"),
    ("set_bias None", lambda pg: pg.set_bias(0, 0, None), TY, "value"),
    ("set_weights text", lambda pg: pg.set_weights("abc"), TY, "weights"),
    ("set_weights number", lambda pg: pg.set_weights(5), TY, "weights"),
    ("set_weights few", lambda pg: pg.set_weights([]), VE, "weights must hold 3"),
    (
        "set_weights shapes",
        lambda pg: pg.set_weights([pg.weights[0]] * 3),
        VE,
        "weights[1] must have shapes",
    ),
    (
        "set_weights nan",
        lambda pg: pg.set_weights([(W * np.nan, b) for W, b in pg.weights]),
        VE,
        "weights[0][0]",
    ),
    ("set_weights not pairs", lambda pg: pg.set_weights([1, 2, 3]), VE, "weights[0]"),
    ("set_data off plane", lambda pg: pg.set_data([[0, 0], [7, 0]], [1, -1]), VE, "X must lie"),
    ("set_data label", lambda pg: pg.set_data([[0, 0], [1, 0]], [0.5, 2]), VE, "class labels"),
    ("set_data y length", lambda pg: pg.set_data([[0, 0], [1, 0]], [1]), VE, "y must have shape"),
    ("set_data nan", lambda pg: pg.set_data([[0, np.nan]], [1]), VE, "X must be finite"),
    ("set_data text", lambda pg: pg.set_data([["a", 0]], [1]), TY, "X must be an array"),
    ("set_data empty", lambda pg: pg.set_data(np.zeros((0, 2)), []), VE, "X must hold"),
    ("set_data 3 columns", lambda pg: pg.set_data([[0, 0, 0]], [1]), VE, "X must have shape"),
    (
        "set_data half a test",
        lambda pg: pg.set_data([[0, 0], [1, 1]], [1, -1], X_test=[[0, 1]]),
        VE,
        "X_test and y_test",
    ),
    ("add_point off plane", lambda pg: pg.add_point(7, 0, 1), VE, "points must lie"),
    ("add_point text", lambda pg: pg.add_point("a", 0, 1), TY, "x1, x2"),
    ("add_point label", lambda pg: pg.add_point(0, 0, 5), VE, "label"),
    ("hide turbo", lambda pg: pg.hide("turbo"), TE, "hidden_controls", "turbo"),
    ("lock turbo", lambda pg: pg.lock("turbo"), TE, "locked_controls", "turbo"),
    ("preset moons", lambda pg: nw.Playground.preset("moons"), VE, "preset", "moons"),
    ("trace -1", lambda pg: pg.trace(-1), IndexError, "i=-1 is no training point"),
    ("trace past the end", lambda pg: pg.trace(10**6), IndexError, "i=1000000"),
    ("trace text", lambda pg: pg.trace("a"), TY, "i must be"),
]


@pytest.mark.parametrize(
    ("name", "call", "error", "word"), [m[:4] for m in METHODS], ids=[m[0] for m in METHODS]
)
def test_a_bad_call_is_refused_and_changes_nothing(pg, name, call, error, word):
    before = pg.to_dict()
    refused(lambda: call(pg), error, word)
    assert pg.to_dict() == before


def test_a_link_of_what_no_link_holds_is_refused():
    three = nw.Playground(dataset="gauss", classes=3, seed=1)
    refused(three.to_url, VE, "classes=3")
    own = nw.Playground(seed=1)
    own.set_data([[0, 0], [1, 1]], [1, -1])
    refused(own.to_url, VE, "your own points")


def test_the_step_cap_is_named_in_the_message(pg):
    message = refused(lambda: pg.step(10**9), VE, "epochs")
    assert message == f"epochs must be between 1 and {STEP_MAX_EPOCHS}, got 1000000000"


def test_regenerate_on_your_own_points_says_to_choose_a_dataset(pg):
    pg.set_data([[0, 0], [1, 1], [2, 2], [3, 3]], [1, -1, 1, -1])
    before = pg.to_dict()
    refused(pg.regenerate, VE, "regenerate()", "choose a dataset")
    assert pg.to_dict() == before


# --- after divergence: no training until reset, and it is kept ------------------------------


@pytest.fixture
def diverged():
    playground = nw.Playground(dataset="plane", activation="relu", learning_rate=10, seed=1)
    playground.step(200)
    assert playground.diverged
    return playground


@pytest.mark.parametrize("train", ["step", "play"])
def test_a_diverged_playground_will_not_train_until_reset(diverged, train):
    before = diverged.to_dict()
    refused(getattr(diverged, train), RE, "diverged", "reset()", "learning_rate")
    assert diverged.to_dict() == before and not diverged.playing


def test_the_page_is_refused_play_and_step_while_diverged(diverged, sent, monkeypatch):
    monkeypatch.setattr(diverged, "send_state", lambda key=None: None)
    before = diverged.to_dict()
    diverged.set_state({"playing": True})
    assert sent[-1]["control"] == "playing" and "reset()" in sent[-1]["message"]
    diverged._on_message(diverged, {"type": "command", "name": "step"}, [])
    assert sent[-1]["control"] == "command" and "reset()" in sent[-1]["message"]
    assert not diverged.playing and diverged.to_dict() == before


def test_diverged_survives_a_dict_and_a_file(diverged, tmp_path):
    assert diverged.to_dict()["diverged"] is True
    for again in (
        nw.Playground.from_dict(diverged.to_dict()),
        (diverged.save(tmp_path / "d.json"), nw.Playground.load(tmp_path / "d.json"))[1],
    ):
        assert again.diverged and again.epoch == diverged.epoch
        refused(again.step, RE, "reset()")
        again.learning_rate = 0.001
        again.reset()
        again.step(2)
        assert not again.diverged and again.epoch == 2
    fresh = without(diverged.to_dict(), "weights")  # new weights, which did not diverge
    assert not nw.Playground.from_dict(fresh).diverged


# --- an interrupted step keeps a consistent state -------------------------------------------


def consistent(pg):
    history = pg.history
    assert pg.epoch == len(history) == int(history.epoch[-1])
    assert pg.train_loss == pytest.approx(float(history.train_loss[-1]), rel=1e-6)
    again = nw.Playground.from_dict(pg.to_dict())  # the weights give the same loss
    assert again.train_loss == pytest.approx(pg.train_loss, rel=1e-4)


def test_a_keyboard_interrupt_inside_a_chunk_stops_the_step_cleanly(pg, monkeypatch):
    run = pg._run
    real, done = run.train, []

    def train_then_interrupt(*args):
        if len(done) == 3:
            raise KeyboardInterrupt  # as if the kernel was interrupted inside the chunk
        done.append(real(*args))
        return done[-1]

    monkeypatch.setattr(run, "train", train_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        pg.step(50_000)
    assert pg.epoch == 3 + sum(done) < 3 + 50_000 and not pg.playing
    consistent(pg)


def test_a_kernel_interrupt_waits_for_the_chunk_to_end(pg, monkeypatch):
    run = pg._run
    real, done = run.train, []

    def train_and_get_interrupted(*args):
        done.append(real(*args))
        if len(done) == 3:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C arrives while this chunk lands
        return done[-1]

    monkeypatch.setattr(run, "train", train_and_get_interrupted)
    with pytest.raises(KeyboardInterrupt):
        pg.step(50_000)
    assert len(done) == 3 and pg.epoch == 3 + sum(done)
    consistent(pg)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    interrupted_at = pg.epoch
    pg.step(1)  # the Playground trains on
    assert pg.epoch == interrupted_at + 1


# --- from_dict and restore: each part checked, named by its key -----------------------------


def without(d, *path):
    d = copy.deepcopy(d)
    target = d
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return d


def replaced(d, value, *path):
    d = copy.deepcopy(d)
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


# (name, how to spoil to_dict()'s data, the words of the message)
BAD_DICTS = [
    ("not a dict", lambda d: [d], ["from_dict needs a dict"]),
    ("None", lambda d: None, ["from_dict needs a dict"]),
    ("no config", lambda d: without(d, "config"), ["config must be a dict", "None"]),
    ("config a list", lambda d: replaced(d, [], "config"), ["config must be a dict", "[]"]),
    ("config key", lambda d: replaced(d, 1, "config", "turbo"), ["unknown configuration keys"]),
    ("config.hidden", lambda d: replaced(d, [100], "config", "hidden"), ["config.hidden"]),
    ("config.noise", lambda d: replaced(d, "a", "config", "noise"), ["config.noise"]),
    ("config.seed", lambda d: replaced(d, 0.5, "config", "seed"), ["config.seed"]),
    ("config.hide", lambda d: replaced(d, ["noise"], "config", "hide"), ["config.hide"]),
    ("config.features", lambda d: replaced(d, "x1", "config", "features"), ["config.features"]),
    ("config.dataset", lambda d: replaced(d, "moons", "config", "dataset"), ["config.dataset"]),
    ("weights a string", lambda d: replaced(d, "abc", "weights"), ["weights must be a list"]),
    ("weights a number", lambda d: replaced(d, 5, "weights"), ["weights must be a list"]),
    ("weights lack b", lambda d: without(d, "weights", 1, "b"), ["weights[1] has no 'b'"]),
    ("weights lack W", lambda d: without(d, "weights", 0, "W"), ["weights[0] has no 'W'"]),
    ("layer a list", lambda d: replaced(d, [1, 2], "weights", 2), ["weights[2] must be a dict"]),
    ("W a string", lambda d: replaced(d, "abc", "weights", 1, "W"), ["weights[1].W"]),
    ("b a number", lambda d: replaced(d, 0.1, "weights", 1, "b"), ["weights[1].b"]),
    ("null in W", lambda d: replaced(d, None, "weights", 0, "W", 1, 2), ["weights[0].W", "null"]),
    ("text in b", lambda d: replaced(d, "x", "weights", 2, "b", 0), ["weights[2].b"]),
    ("ragged W", lambda d: replaced(d, [1.0], "weights", 0, "W", 0), ["weights[0].W"]),
    ("W is 1-D", lambda d: replaced(d, [1.0, 2.0], "weights", 0, "W"), ["weights[0].W", "2-D"]),
    ("W shape", lambda d: replaced(d, [[1.0]], "weights", 1, "W"), ["weights[1] must have shapes"]),
    ("layer key", lambda d: replaced(d, 1, "weights", 0, "c"), ["weights[0] has unknown keys"]),
    ("layers", lambda d: replaced(d, d["weights"][:2], "weights"), ["weights must hold 3"]),
    ("epoch", lambda d: replaced(d, -1, "epoch"), ["epoch must be"]),
    ("epoch text", lambda d: replaced(d, "3", "epoch"), ["epoch must be"]),
    ("diverged", lambda d: replaced(d, "yes", "diverged"), ["diverged must be true or false"]),
    ("classes", lambda d: replaced(d, 9, "classes"), ["classes"]),
    ("controls", lambda d: replaced(d, ["turbo"], "hidden_controls"), ["hidden_controls"]),
    ("speed", lambda d: replaced(d, -5, "epochs_per_frame"), ["epochs_per_frame"]),
    ("history text", lambda d: replaced(d, "abc", "history"), ["history must be a list"]),
    ("history rows", lambda d: replaced(d, [[1, 2, 3, 4]], "history"), ["history must be rows"]),
    ("history null epoch", lambda d: replaced(d, [[None, 1, 1, 1, 1]], "history"), ["epochs"]),
    ("history order", lambda d: replaced(d, [[2, 1, 1, 1, 1], [1] * 5], "history"), ["epochs"]),
    ("history text cell", lambda d: replaced(d, [[1, "a", 1, 1, 1]], "history"), ["history"]),
    ("no points", lambda d: replaced(d, "custom", "config", "dataset"), ["points"]),
    (
        "points off the plane",
        lambda d: {
            **replaced(d, "custom", "config", "dataset"),
            "points": {"X": [[9, 9]], "y": [1]},
        },
        ["points.X"],
    ),
    (
        "points lack y",
        lambda d: {**replaced(d, "custom", "config", "dataset"), "points": {"X": [[0, 0]]}},
        ["points has no 'y'"],
    ),
    (
        "points.y length",
        lambda d: {
            **replaced(d, "custom", "config", "dataset"),
            "points": {"X": [[0, 0]], "y": [1, 1]},
        },
        ["points.y"],
    ),
]


@pytest.mark.parametrize(("name", "spoil", "words"), BAD_DICTS, ids=[c[0] for c in BAD_DICTS])
def test_from_dict_names_the_key_that_is_wrong(pg, name, spoil, words):
    before = pg.to_dict()
    spoiled = spoil(pg.to_dict())
    refused(lambda: nw.Playground.from_dict(spoiled), VE, *words)
    assert pg.to_dict() == before


@pytest.mark.parametrize(("name", "spoil", "words"), BAD_DICTS, ids=[c[0] for c in BAD_DICTS])
def test_restore_names_the_key_and_leaves_the_playground_as_it_was(pg, name, spoil, words):
    before = pg.to_dict()
    spoiled = spoil(pg.to_dict())
    refused(lambda: pg.restore(spoiled), VE, *words)
    assert pg.to_dict() == before


# --- load: the file's size, its encoding, then every part named by file and key -------------


def saved_file(pg, tmp_path, spoil=None):
    path = tmp_path / "saved.json"
    pg.save(path)
    if spoil is not None:
        path.write_text(json.dumps(spoil(json.loads(path.read_text()))))
    return path


BAD_FILES = [
    ("pickle", lambda pg, p: p.write_bytes(pickle.dumps(pg.to_dict())), ["not UTF-8", "pickle"]),
    ("binary", lambda pg, p: p.write_bytes(bytes(range(256))), ["not UTF-8"]),
    ("latin-1", lambda pg, p: p.write_bytes('{"é": 1}'.encode("latin-1")), ["not UTF-8"]),
    ("empty", lambda pg, p: p.write_text(""), ["is not a saved Playground"]),
    ("cut", lambda pg, p: p.write_text(json.dumps(pg.to_dict())[:-20]), ["not a saved"]),
    ("a list", lambda pg, p: p.write_text("[]"), ["no format"]),
    ("a number", lambda pg, p: p.write_text("3"), ["no format"]),
    ("to_dict", lambda pg, p: p.write_text(json.dumps(pg.to_dict())), ["no format"]),
    ("version", lambda pg, p: p.write_text('{"format": "nnwidgets.Playground"}'), ["version"]),
    (
        "no data",
        lambda pg, p: p.write_text(json.dumps(without(json.loads(p.read_text()), "data"))),
        ["has no 'data'"],
    ),
]


@pytest.mark.parametrize(("name", "write", "words"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_load_refuses_what_is_no_saved_playground_naming_the_file(pg, tmp_path, name, write, words):
    path = saved_file(pg, tmp_path)
    write(pg, path)
    before = pg.to_dict()
    refused(lambda: nw.Playground.load(path), VE, str(path), *words)
    assert pg.to_dict() == before


# the parts of a saved file beside to_dict()'s: its points in use and its history
BAD_FILE_PARTS = [
    ("data a list", lambda d: replaced(d, [], "data"), ["data must be a dict"]),
    ("data lacks y_test", lambda d: without(d, "data", "y_test"), ["data has no 'y_test'"]),
    ("X_train text", lambda d: replaced(d, "abc", "data", "X_train"), ["data.X_train"]),
    ("X_train null", lambda d: replaced(d, None, "data", "X_train", 0, 1), ["data.X_train"]),
    ("X_train 1-D", lambda d: replaced(d, [1, 2], "data", "X_train"), ["data.X_train"]),
    ("X_train empty", lambda d: replaced(d, [], "data", "X_train"), ["data.X_train"]),
    ("y_train short", lambda d: replaced(d, [1], "data", "y_train"), ["data.y_train"]),
    ("y_test text", lambda d: replaced(d, ["a"], "data", "y_test"), ["data.y_test"]),
    ("history number", lambda d: replaced(d, 5, "history"), ["history must be a list"]),
    ("history ragged", lambda d: replaced(d, [[1, 2], [1]], "history"), ["history"]),
]


@pytest.mark.parametrize(
    ("name", "spoil", "words"),
    BAD_DICTS[3:] + BAD_FILE_PARTS,
    ids=[c[0] for c in BAD_DICTS[3:] + BAD_FILE_PARTS],
)
def test_load_names_the_file_and_the_key(pg, tmp_path, name, spoil, words):
    path = saved_file(pg, tmp_path, spoil)
    before = pg.to_dict()
    message = refused(lambda: nw.Playground.load(path), VE, *words)
    assert message.startswith(f"{path}: ") or message.startswith(f"{path} ")
    assert pg.to_dict() == before


def test_load_refuses_a_file_over_the_size_before_reading_it(pg, tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as file:  # sparse: no disk is spent
        file.truncate(saved_module.MAX_FILE_BYTES + 1)
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("the file was opened"))
    refused(lambda: nw.Playground.load(path), VE, str(path), f"{saved_module.MAX_FILE_BYTES:,}")


def test_save_refuses_what_load_would_not_read(pg, tmp_path, monkeypatch):
    monkeypatch.setattr("nnwidgets.widgets.playground.sharing.MAX_FILE_BYTES", 1000)
    refused(lambda: pg.save(tmp_path / "big.json"), VE, "1,000", "history")
    assert not (tmp_path / "big.json").exists()


def test_a_missing_file_is_a_file_not_found_error(tmp_path):
    refused(lambda: nw.Playground.load(tmp_path / "none.json"), FileNotFoundError, "none.json")


# --- links ----------------------------------------------------------------------------------

BAD_LINKS = [
    ("#noise=abc", "noise (in the link: noise)"),
    ("#noise=101", "noise"),
    ("#batchSize=0", "batchSize"),
    ("#activation=softmax", "activation"),
    ("#networkShape=4,65", "networkShape"),
    ("#networkShape=4,,2", "networkShape"),
    ("#x=maybe", "x1 (in the link: x)"),
    ("#dataset=moons", "dataset"),
    ("#regDataset=reg-moons&problem=regression", "regDataset"),
    ("#problem=clustering", "problem"),
    ("#learningRate=-1", "learningRate"),
    ("#learningRate=fast", "learningRate"),
    ("#regularization=L3", "regularization"),
    ("#regularizationRate=-0.1", "regularizationRate"),
    ("#percTrainData=100", "percTrainData"),
    ("#seed=a b", "seed"),
    ("#showTestData=1", "showTestData"),
    ("#noise_hide=TRUE", "noise_hide"),
    ("#x_hide=true&y_hide=true", "hides every feature"),
    ("#x=false&y=false", "features"),
]


@pytest.mark.parametrize(("link", "word"), BAD_LINKS)
def test_a_bad_link_names_its_key(link, word):
    refused(lambda: nw.Playground.from_url(link), VE, word)


def test_a_link_that_is_no_text_is_a_type_error():
    refused(lambda: nw.Playground.from_url(5), TY, "url must be a str")


# --- the browser: updates of several keys, named by the key that failed ---------------------

BAD_UPDATES = [
    ({"learning_rate": 0.1, "noise": 500}, "noise"),
    ({"noise": 5, "hidden": [0]}, "hidden"),
    ({"activation": "relu", "batch_size": True}, "batch_size"),
    ({"noise": "a", "learning_rate": 0.2}, "noise"),
    ({"dataset": "xor", "features": ["x1", "zz"]}, "features"),
    ({"features": 5}, "features"),
    ({"features": "x1"}, "features"),
    ({"hidden": "4"}, "hidden"),
    ({"hidden": [4] * 11}, "hidden"),
    ({"regularization": "l3", "regularization_rate": 0.1}, "regularization"),
    ({"regularization_rate": 0.1, "regularization": "l3"}, "regularization"),
    ({"dataset": "custom"}, "dataset"),
    ({"classes": 9}, "classes"),
    ({"problem": "clustering"}, "problem"),
    ({"train_ratio": 0}, "train_ratio"),
    ({"show_test_data": "yes"}, "show_test_data"),
    ({"discretize": "no"}, "discretize"),
    ({"epochs_per_frame": -1}, "epochs_per_frame"),
    ({"playing": "yes"}, "playing"),
    ({"learning_rate": float("nan")}, "learning_rate"),
    ({"learning_rate": None}, "learning_rate"),
    ({"noise": 5, "epoch": 99}, "epoch"),
    ({"train_loss": 0.0}, "train_loss"),
    ({"diverged": True}, "diverged"),
    ({"_weights": b""}, "_weights"),
    ({"seed": "1"}, "seed"),
    ({"hidden_controls": []}, "hidden_controls"),
    ({"init_zero": True}, "init_zero"),
]


@pytest.mark.parametrize(("update", "key"), BAD_UPDATES, ids=[str(c[0])[:40] for c in BAD_UPDATES])
def test_a_bad_update_from_the_page_is_refused_under_its_key(pg, browser, update, key):
    before = pg.to_dict()
    control, message = browser("state", update)
    assert control == key and key in message
    assert pg.to_dict() == before


def test_a_locked_control_is_refused_under_its_key_even_second(pg, browser):
    pg.lock("learning_rate")
    before = pg.to_dict()
    assert browser("state", {"noise": 5, "learning_rate": 0.3})[0] == "learning_rate"
    assert pg.to_dict() == before


BAD_MESSAGES = [
    ("set_weight", {"layer": 3, "i": 0, "j": 0, "value": 1}, "set_weight", "layer"),
    ("set_weight", {"layer": 0, "i": 9, "j": 0, "value": 1}, "set_weight", "i must be"),
    ("set_weight", {"layer": 0, "i": 0, "j": 0, "value": "abc"}, "set_weight", "value"),
    ("set_weight", {"layer": 0, "i": 0, "j": 0}, "set_weight", "value"),
    ("set_weight", {"layer": "0", "i": 0, "j": 0, "value": 1}, "set_weight", "layer"),
    ("set_bias", {"layer": 0, "j": 9, "value": 1}, "set_bias", "j must be"),
    ("set_bias", {"layer": 0, "j": 0, "value": None}, "set_bias", "value"),
    ("hover", {"neuron": "n9"}, "hover", "n9"),
    ("hover", {"neuron": [1]}, "hover", "[1]"),
    ("add_point", {"x1": 7, "x2": 0, "label": 1}, "draw", "points must lie"),
    ("add_point", {"x1": "a", "x2": 0, "label": 1}, "draw", "x1, x2"),
    ("add_point", {"x1": 0, "x2": 0, "label": 7}, "draw", "label"),
    ("add_point", {"x1": 0, "x2": 0}, "draw", "label"),
    ("remove_point", {"x1": None, "x2": 0}, "draw", "x1, x2"),
    ("trace", {"index": "a"}, "trace", "i must be"),
    ("trace", {"index": 10**6}, "trace", "i=1000000"),
    ("apply_trace", {"index": -1}, "apply_trace", "i=-1"),
    ("command", {"name": "explode"}, "command", "explode"),
    ("command", {}, "command", "None"),
]


@pytest.mark.parametrize(
    ("kind", "content", "control", "word"), BAD_MESSAGES, ids=[case_id(c) for c in BAD_MESSAGES]
)
def test_a_bad_message_from_the_page_is_refused(pg, browser, kind, content, control, word):
    before = pg.to_dict()
    refusal = browser(kind, content)
    assert refusal[0] == control and word in refusal[1]
    assert pg.to_dict() == before


def test_a_locked_command_or_edit_from_the_page_is_refused(pg, browser):
    pg.lock("reset", "weights", "draw")
    before = pg.to_dict()
    assert browser("command", {"name": "reset"}) == ("command", "reset is locked on this sheet")
    assert "locked" in browser("set_weight", {"layer": 0, "i": 0, "j": 0, "value": 1})[1]
    assert "locked" in browser("add_point", {"x1": 0, "x2": 0, "label": 1})[1]
    assert pg.to_dict() == before
