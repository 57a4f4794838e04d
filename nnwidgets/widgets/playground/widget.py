"""The Playground widget: its traits, what a change of each does, and its training.

The kernel owns the truth: configuration and live state are synced traits (so a reloaded page or
a second view shows the same), and the browser only draws and asks. The rest of the Playground
lives beside this module: the rules for its settings (settings.py), its points (points.py), the
run it trains (run.py), its figures (metrics.py), links, files and pages (sharing.py) and the
browser's requests (protocol.py).
"""

import contextlib

import numpy as np
import traitlets

from ... import spec
from ...data.playground import PROBLEM_OF
from ...data.random import SeededRandom
from .. import binary
from .._throttle import Throttle
from ..training_loop import TrainingWidget
from . import settings
from .bqplot_figure import BqplotFigure
from .metrics import run_metrics
from .points import (
    THUMBNAIL_POINTS,
    PointEditing,
    classes_of,
    random_seed,
    seeded_points,
    split_custom,
    thumbnail_rows,
)
from .preview import Preview
from .protocol import BrowserProtocol
from .recording import Recording
from .run import OUTPUT_RESOLUTION, THUMBNAIL_RESOLUTION, Network, PlaygroundRun, feature_maps
from .settings import CUSTOM, DEFAULT_DATASET
from .sharing import Sharing
from .training import DIAGNOSIS_INTERVAL_S, PlaygroundTraining, SpeedMeter
from .weights import WeightEditing

_POINTS_TRAITS = ("dataset", "noise", "train_ratio", "seed", "classes")
_NETWORK_TRAITS = (
    "features",
    "hidden",
    "activation",
    "problem",
    "batch_size",
    "regularization",
    "regularization_rate",
    "init_zero",
)


class Playground(
    BqplotFigure,
    Sharing,
    PointEditing,
    WeightEditing,
    BrowserProtocol,
    Preview,
    PlaygroundTraining,
    TrainingWidget,
):
    """TensorFlow Playground: a small network learning 2-D points, live, in a notebook cell.

    Every argument is also a synced trait; setting it from Python or from the controls has the
    same effect: the learning rate and weight edits apply live, the others reset the network as
    in the original. Python may go past the controls' ranges up to hard caps that hold for every
    source (``nnwidgets.spec``): noise up to 100, train_ratio 1-99, up to 10 hidden layers of up
    to 64 neurons, batch sizes up to 10,000. A value out of range raises
    ``traitlets.TraitError`` naming the argument and changes nothing; from the browser it is
    refused the same way and the control snaps back.

    Args:
        dataset: One of the generators' data sets; without it, the problem's first.
        problem: "classification" or "regression"; without it, the data set's.
        **kwargs: Any other trait: ``classes``, ``noise``, ``train_ratio``, ``batch_size``,
            ``features``, ``hidden``, ``activation``, ``learning_rate``, ``regularization``,
            ``regularization_rate``, ``seed``, ``init_zero``, ``show_test_data``,
            ``discretize``, ``epochs_per_frame``, ``hidden_controls``, ``locked_controls``.

    Raises:
        TypeError: A keyword it does not take (the message names the closest it does).
        traitlets.TraitError: A value is refused by its setting's rule.
        ValueError: More than two classes for a data set that has two.
    """

    # Auto speed trains on in chunks of about this long while the browser draws, each drawn
    # frame showing the latest chunk: short chunks let the kernel read the browser's
    # acknowledgements and requests between them (3 ms drew more frames a second than 6 ms on
    # this project's 2-core machines, make bench), and a slider change waits at most one chunk.
    CHUNK_TARGET_S = 0.003

    _view = traitlets.Unicode("playground").tag(sync=True)

    # configuration
    dataset = traitlets.Unicode("circle").tag(sync=True)
    problem = traitlets.Unicode("classification").tag(sync=True)
    classes = traitlets.Int(
        2, help="classification: 2, or 3-5 (gauss, spiral, your own points)"
    ).tag(sync=True)
    noise = traitlets.Int(0).tag(sync=True)
    train_ratio = traitlets.Int(50).tag(sync=True)
    batch_size = traitlets.Int(10).tag(sync=True)
    features = traitlets.List(traitlets.Unicode(), default_value=["x1", "x2"]).tag(sync=True)
    hidden = traitlets.List(traitlets.Int(), default_value=[4, 2]).tag(sync=True)
    activation = traitlets.Unicode("tanh").tag(sync=True)
    learning_rate = traitlets.Float(0.03).tag(sync=True)
    regularization = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    regularization_rate = traitlets.Float(0.0).tag(sync=True)
    seed = traitlets.Union(
        [traitlets.Int(), traitlets.Unicode()],
        default_value=None,
        allow_none=True,
        help="the data's seed; None draws one, as the original does",
    ).tag(sync=True)
    init_zero = traitlets.Bool(False, help="start every weight and bias at 0").tag(sync=True)
    show_test_data = traitlets.Bool(False).tag(sync=True)
    discretize = traitlets.Bool(False).tag(sync=True)
    hidden_controls = traitlets.List(traitlets.Unicode()).tag(sync=True)
    locked_controls = traitlets.List(traitlets.Unicode()).tag(sync=True)

    # live state, kernel to browser
    train_loss = traitlets.Float(None, allow_none=True).tag(sync=True)
    test_loss = traitlets.Float(None, allow_none=True).tag(sync=True)
    train_accuracy = traitlets.Float(None, allow_none=True).tag(sync=True)
    test_accuracy = traitlets.Float(None, allow_none=True).tag(sync=True)
    diverged = traitlets.Bool(False).tag(sync=True)
    diagnosis = traitlets.List(
        traitlets.Dict(), help="why it is not learning: findings (kind, message, neurons, layers)"
    ).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    epochs_per_second = traitlets.Float(0.0).tag(sync=True)

    _points = traitlets.Bytes(b"").tag(sync=True)
    _train_count = traitlets.Int(0).tag(sync=True)
    _thumbnails = traitlets.Bytes(b"").tag(sync=True)
    _thumbnail_points = traitlets.Int(THUMBNAIL_POINTS).tag(sync=True)
    _feature_maps = traitlets.Bytes(b"").tag(sync=True)
    _weights = traitlets.Bytes(b"").tag(sync=True)
    _maps = traitlets.Bytes(b"").tag(sync=True)
    _map_resolution = traitlets.Int(THUMBNAIL_RESOLUTION).tag(sync=True)
    _output_map = traitlets.Bytes(b"").tag(sync=True)
    _output_resolution = traitlets.Int(OUTPUT_RESOLUTION).tag(sync=True)
    _output_neuron = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    _loss_curve = traitlets.Bytes(b"").tag(sync=True)

    def __init__(self, dataset=None, problem=None, **kwargs):
        self._ready = False
        self._custom = None  # (X, y, X_test, y_test) given to set_data or drawn
        self._keep_network = False  # set while points drawn by hand replace the run's
        self._seen_shapes: set = set()
        self._speed = SpeedMeter()
        self._diagnosis_throttle = Throttle(DIAGNOSIS_INTERVAL_S)
        if dataset is None:  # the problem's first data set, as the original switches problems
            dataset = DEFAULT_DATASET.get(problem, DEFAULT_DATASET["classification"])
        if problem is None:
            problem = PROBLEM_OF.get(dataset, "classification")
        if "classes" in kwargs:
            try:
                settings.check("classes", kwargs["classes"])
            except (TypeError, ValueError) as error:
                raise traitlets.TraitError(str(error)) from None
            if kwargs["classes"] != 2 and dataset not in spec.MULTICLASS_DATASETS:
                raise ValueError(_two_classes_only(dataset, kwargs["classes"]))
        super().__init__(dataset=dataset, problem=problem, **kwargs)
        if self.seed is None:
            self.seed = random_seed()
        self._feature_maps = feature_maps(THUMBNAIL_RESOLUTION)
        self._send_thumbnails()
        self._new_points()
        self._ready = True
        self.on_msg(self._on_message)

    # --- validation: one rule per setting (settings.py), whatever sets it -------------------

    @traitlets.validate(*(name for name in settings.RULES if name != "epochs_per_frame"))
    def _check_setting(self, proposal):
        name, value = proposal["trait"].name, proposal["value"]
        if name == "dataset" and value == CUSTOM and getattr(self, "_custom", None) is not None:
            return CUSTOM
        try:
            value = settings.check(name, value)
        except (TypeError, ValueError) as error:
            raise traitlets.TraitError(str(error)) from None
        if name == "classes":
            self._check_classes_fit(value)
        return value

    def _check_classes_fit(self, classes):
        custom = getattr(self, "_custom", None)
        if self.dataset == CUSTOM and custom is not None and self.problem == "classification":
            needed = classes_of(custom)
            if classes != needed and (needed == 2 or classes < needed):
                raise traitlets.TraitError(
                    f"classes must be {needed} or more for your points (labels "
                    f"{'±1' if needed == 2 else f'0 to {needed - 1}'}), got {classes}"
                )

    # --- what a change does ------------------------------------------------------------------

    @traitlets.observe("problem")
    def _on_problem(self, change):
        if not self._ready:
            return
        # Each problem has its own data sets; switching picks the problem's first, as the original.
        if self.dataset != CUSTOM and PROBLEM_OF[self.dataset] != change["new"]:
            self.dataset = DEFAULT_DATASET[change["new"]]
        self._send_thumbnails()

    @traitlets.observe("dataset")
    def _on_dataset(self, change):
        if self._ready and change["new"] != CUSTOM:
            self._custom = None
            if PROBLEM_OF[change["new"]] != self.problem:
                self.problem = PROBLEM_OF[change["new"]]
            if self.classes > 2 and change["new"] not in spec.MULTICLASS_DATASETS:
                self.classes = 2  # the original's data sets have two classes

    @traitlets.observe("classes")
    def _on_classes(self, change):
        if not self._ready:
            return
        # More classes than the data set has: the first data set that comes with them.
        if change["new"] > 2 and self.dataset not in (*spec.MULTICLASS_DATASETS, CUSTOM):
            self.dataset = spec.MULTICLASS_DATASETS[0]
        self._send_thumbnails()

    @traitlets.observe(*_POINTS_TRAITS)
    def _on_points_change(self, change):
        if not self._ready:
            return
        if change["name"] == "seed" and change["new"] is None:
            self.seed = random_seed()  # observed again with the drawn seed
            return
        self._new_points()

    @traitlets.observe(*_NETWORK_TRAITS)
    def _on_network_change(self, change):
        if self._ready:
            self._new_network()

    @traitlets.observe("playing")
    def _on_playing(self, change):
        if not self._ready:
            return
        if change["new"]:
            self._start()
        else:
            self.epochs_per_second = 0.0

    def _new_points(self):
        """New points for the dataset (a generator's, or those set_data gave), and a new network."""
        with self._lock:
            if self.dataset == CUSTOM:
                points = split_custom(self._custom, self.train_ratio)
                self._random = SeededRandom(self.seed).random
            else:
                classes = self.classes if self.dataset in spec.MULTICLASS_DATASETS else 2
                points, self._random = seeded_points(
                    self.dataset, self.noise, self.train_ratio, self.seed, classes
                )
            self._points_of_run = points
            self._points = binary.float32(points.as_rows())
            self._train_count = len(points.X_train)
            if self._keep_network:  # drawn by hand: the network trains on, on the new points
                self._run.padded = True
                self._run.replace_points(points)
                self._after_change()
            else:
                self._new_network()

    def _new_network(self):
        with self._lock:
            self._run = PlaygroundRun(
                self._network_of_traits(),
                self._points_of_run,
                random=self._random,
                init_zero=self.init_zero,
                padded=self.dataset == CUSTOM,
            )
            self._recording = Recording()  # to_html replays this run only
            if self._displayed:
                self._run.prepare_in_background()
            if self._output_neuron not in (None, *spec.FEATURES):
                with contextlib.suppress(ValueError):
                    self._run.neuron_row(self._output_neuron)
                    return self._after_change()
                self._output_neuron = None
            self._after_change()

    def _network_of_traits(self) -> Network:
        return Network(
            features=tuple(self.features),
            hidden=tuple(self.hidden),
            activation=self.activation,
            problem=self.problem,
            batch_size=self.batch_size,
            regularization=self.regularization,
            classes=self.classes,
        )

    def _after_change(self):
        with self.hold_sync():
            self.diverged = False
            self.status = ""
            self._sync_figures(diagnose_now=True)
        self._publish(force=True, changed=True)

    def _send_thumbnails(self):
        self._thumbnails = binary.float32(thumbnail_rows(self.problem, self.classes))

    def _use_points(self, custom, keep_network=False):
        """Make `custom` (X, y, X_test or None, y_test or None) the points, `classes` following
        their labels; a new network unless `keep_network` (points drawn by hand)."""
        with self._lock:
            self._custom = custom
            self._keep_network = keep_network
            try:
                if self.dataset == CUSTOM:
                    self._new_points()
                else:
                    self.dataset = CUSTOM
                if self.problem == "classification":
                    needed = classes_of(custom)
                    if needed == 2 or self.classes < needed:
                        self.classes = needed  # a new network for the new output layer
            finally:
                self._keep_network = False

    def _restore_history(self, rows):
        with self._lock:
            self._run.restore_history(rows)
        self._after_change()

    # --- the original's buttons --------------------------------------------------------------

    def reset(self):
        """New initial weights (the seeded stream goes on, as in the original); same points."""
        self.playing = False
        self._new_network()

    def regenerate(self):
        """New points from the generator, with a new seed, as the original's button does.

        Raises:
            ValueError: The Playground shows your own points, which no generator makes.
        """
        if self.dataset == CUSTOM:
            raise ValueError(
                "regenerate() draws new points from a generator, but this Playground shows your "
                "own points (set_data); choose a dataset first"
            )
        self.playing = False
        self.seed = random_seed()

    def hide(self, *controls: str) -> None:
        """Remove controls from the view (course sheets); names from ``nnwidgets.spec.CONTROLS``."""
        self.hidden_controls = [*self.hidden_controls, *controls]

    def lock(self, *controls: str) -> None:
        """Show controls but refuse their use (course sheets); names from
        ``nnwidgets.spec.CONTROLS``."""
        self.locked_controls = [*self.locked_controls, *controls]

    # --- the network -------------------------------------------------------------------------

    @property
    def network(self) -> Network:
        """The network's static description: features, hidden sizes, activation, problem, batch
        size, regularisation and classes (with ``sizes`` and ``output_activation``)."""
        with self._lock:
            return self._run.network

    @property
    def history(self) -> np.recarray:
        """One row per epoch: epoch, train_loss, test_loss (and train/test accuracy for
        classification); ``pg.history[-1]`` is the last row, ``pg.history.train_loss`` a column."""
        with self._lock:
            return self._run.history()

    @property
    def metrics(self) -> dict:
        """How good the network is now, on the training and the test points.

        Classification: ``accuracy`` and ``confusion``, counts with a row per true class and a
        column per predicted class, in class order (two classes: −1 then +1, predicted by the
        output's sign; more: 0, 1, ..., predicted by the most probable). Regression: ``r2`` and
        ``rmse``. Each under ``train`` and ``test`` (None for a set without points).
        """
        with self._lock:
            return run_metrics(self._run)


def _two_classes_only(dataset, classes) -> str:
    return (
        f"dataset {dataset!r} has two classes; for classes={classes} choose "
        f"{' or '.join(map(repr, spec.MULTICLASS_DATASETS))}, or your own points (set_data)"
    )
