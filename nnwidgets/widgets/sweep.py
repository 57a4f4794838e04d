"""Sweep: many Playground configurations trained at once, in one kernel, drawn as a grid.

``nw.Sweep(base, learning_rate=[...], regularization_rate=[...], seed=[...])`` trains every
combination of the lists on the base Playground's points, with ``engine.sweep``: one stacked state
whose trailing axis holds the configurations, so all of them advance in the same compiled kernel.
Training runs on the kernel's event loop in chunks, as the Playground's does, and each chunk sends
one frame (every configuration's output map and loss curve) once the browser has drawn the last
(the Playground's ``FramePacer``).

A configuration that diverges keeps its last finite weights and stops: from then on it trains at
learning rate 0 (its weights stay as they are), and its losses after that epoch are NaN.
"""

import itertools
import math
import numbers
from functools import partial

import jax
import numpy as np
import traitlets

from .. import engine
from . import binary, static_image
from .playground import Playground
from .playground.points import Points, weight_stream
from .playground.run import grid_features, initial_params, loss_and_accuracy, network_inputs
from .training_loop import TrainingWidget

MAX_CONFIGS = 64
MAP_RESOLUTION = 32  # each cell's decision map: 32 × 32 samples of [-6, 6]²
CURVE_POINTS = 64  # points of each cell's loss sparkline
SWEPT = ("learning_rate", "regularization_rate", "seed")


@partial(jax.jit, static_argnames=("activation", "output_activation"))
def _output_maps(params, grid, activation, output_activation):
    """Each configuration's output maps over the grid, quantised: uint8 (configs, outputs ×
    points), with classes each class' probability map in turn (as the Playground's output view)."""

    def one(p):
        outputs = p[-1]["b"].shape[0]
        maps = engine.quantized_neuron_maps(p, grid, activation, output_activation)
        return maps[-outputs:].reshape(-1)

    return jax.vmap(one, in_axes=-1)(params)


class Sweep(TrainingWidget):
    """Many Playground configurations trained at once, live, as a grid of small decision maps.

    ``base`` is a ``Playground``, a dict like ``Playground.to_dict()["config"]`` (or the whole
    ``to_dict()``), or None for the Playground's defaults. ``learning_rate``,
    ``regularization_rate`` and ``seed`` are lists; the sweep trains every combination of them
    (``itertools.product`` order: learning rate slowest, seed fastest), at most 64. A list left
    out takes the base's value.

    Every configuration trains on the same points: the base's (its data set, noise, split and
    seed, and its classes: with more than two, each cell shows the likeliest class, as the
    Playground's output view does), so the comparison is fair. A seed only chooses a
    configuration's initial weights: those a new Playground with that seed starts with (the
    Playground's seeded stream). Without ``seed`` every configuration starts from the same
    weights, the base seed's.

    ``play()``, ``pause()``, ``step(epochs)``, ``playing`` and ``epoch`` work as the Playground's.
    ``results`` gives each configuration's losses, ``best`` the index of the lowest test loss
    among those that did not diverge, and ``open(index)`` a new Playground with that
    configuration, its points, its current weights and its history. The view's "Open" button
    on a cell does the same and puts that Playground in the ``opened`` trait (read it, or display
    it: ``sweep.opened``).
    """

    CHUNK_TARGET_S = 0.012  # auto speed: one chunk of epochs takes about this long

    _view = traitlets.Unicode("sweep").tag(sync=True)

    configs = traitlets.List(traitlets.Dict()).tag(sync=True)  # {learning_rate, reg..., seed}
    swept = traitlets.List(traitlets.Unicode()).tag(sync=True)  # names with several values
    test_loss = traitlets.List().tag(sync=True)  # per configuration, latest (None: none/NaN)
    train_loss = traitlets.List().tag(sync=True)
    diverged = traitlets.List(traitlets.Bool()).tag(sync=True)
    best = traitlets.Int(None, allow_none=True).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    opened = traitlets.Instance(Playground, allow_none=True)  # the Playground "Open" made

    classes = traitlets.Int(2, read_only=True).tag(sync=True)  # the base Playground's

    # uint8 (configs, outputs, res²), row 0 at the top; outputs is `classes` with more than two
    _maps = traitlets.Bytes(b"").tag(sync=True)
    _map_resolution = traitlets.Int(MAP_RESOLUTION).tag(sync=True)
    _curves = traitlets.Bytes(b"").tag(sync=True)  # float32 (configs, 2, n): train, test loss
    _curve_length = traitlets.Int(0).tag(sync=True)
    _points = traitlets.Bytes(b"").tag(sync=True)  # float32 rows [x1, x2, label], train first
    _train_count = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        base=None,
        learning_rate=None,
        regularization_rate=None,
        seed=None,
        epochs_per_frame=0,
        **kwargs,
    ):
        self._base = _base_playground(base)
        config = self._base.to_dict()["config"]
        self._base_config = config
        lrs = _rates("learning_rate", learning_rate, config["learning_rate"])
        rrs = _rates("regularization_rate", regularization_rate, config["regularization_rate"])
        seeds = _seeds(seed, config["seed"])
        combos = list(itertools.product(lrs, rrs, seeds))
        if len(combos) > MAX_CONFIGS:
            raise ValueError(
                f"learning_rate, regularization_rate and seed make {len(lrs)} × {len(rrs)} × "
                f"{len(seeds)} = {len(combos)} configurations; at most {MAX_CONFIGS} are allowed"
            )
        configs = [
            {"learning_rate": lr, "regularization_rate": rr, "seed": s} for lr, rr, s in combos
        ]
        swept = [
            name for name, values in zip(SWEPT, (lrs, rrs, seeds), strict=True) if len(values) > 1
        ]
        super().__init__(
            configs=configs,
            swept=swept,
            epochs_per_frame=epochs_per_frame,
            **kwargs,
        )
        self.set_trait("classes", self._base.classes)
        self._network = self._base.network
        points = Points(*self._base.data)
        self._inputs = network_inputs(points, self._network.features)
        self._points = binary.float32(points.as_rows())
        self._train_count = len(points.X_train)
        self._grid = grid_features(self._network.features, MAP_RESOLUTION)
        self._lrs = np.array([c["learning_rate"] for c in configs], np.float32)
        self._rrs = np.array([c["regularization_rate"] for c in configs], np.float32)
        states = [engine.init_state(self._initial_params(c["seed"])) for c in configs]
        self._state = engine.stack_states(states)
        self._losses: list[np.ndarray] = []  # chunks (configs, epochs, 2)
        self._dead = np.zeros(len(configs), bool)
        self._epochs_trained = 0
        self._sync_figures()
        self.on_msg(self._on_message)

    # --- setup -------------------------------------------------------------------------------

    def _initial_params(self, seed):
        """The weights a new Playground like the base, with this seed, starts with."""
        config = self._base_config
        random = weight_stream(config, seed)
        return initial_params(self._network, random, config["init_zero"])

    # --- training ----------------------------------------------------------------------------

    def _train(self, epochs: int) -> int:
        with self._lock:
            if self._dead.all():
                return 0
            if not self._losses:
                self.status = "Preparing the sweep (compiling; once per shape)…"
            net = self._network
            lrs = np.where(self._dead, 0.0, self._lrs).astype(np.float32)
            self._state, result = engine.sweep(
                self._state,
                *self._inputs,
                learning_rate=lrs,
                regularization_rate=self._rrs,
                epochs=int(epochs),
                batch_size=net.batch_size,
                regularization=net.regularization,
                activation=net.activation,
                problem=net.problem,
            )
            losses = np.stack([result.train_loss, result.test_loss], axis=-1)
            losses[self._dead] = np.nan  # what trained at rate 0 after diverging
            self._losses.append(losses.astype(np.float32))
            self._dead |= np.asarray(result.diverged)
            self._epochs_trained += int(epochs)
        with self.hold_sync():
            self.status = ""
            if self._dead.all():
                self.playing = False
                self.status = "Every configuration diverged."
        self._stale = True
        return int(epochs)  # the losses go out with the next frame (_publish)

    def _sync_figures(self):
        self.epoch = self._epochs_trained
        last = self._last_losses()
        self.train_loss = [_number(v) for v in last[:, 0]]
        self.test_loss = [_number(v) for v in last[:, 1]]
        self.diverged = [bool(d) for d in self._dead]
        self.best = self._best()

    def _history(self) -> np.ndarray:
        """(configs, epochs, 2) train and test loss per epoch, NaN once diverged."""
        if not self._losses:
            return np.zeros((len(self.configs), 0, 2), np.float32)
        if len(self._losses) > 1:
            self._losses = [np.concatenate(self._losses, axis=1)]
        return self._losses[0]

    def _last_losses(self) -> np.ndarray:
        history = self._history()
        last = np.full((history.shape[0], 2), np.nan, np.float32)
        for i, rows in enumerate(history):
            finite = np.flatnonzero(np.isfinite(rows[:, 0]))
            if len(finite):
                last[i] = rows[finite[-1]]
        if history.shape[1] == 0:  # not trained yet: the initial weights' losses
            last = self._initial_losses()
        return last

    def _initial_losses(self) -> np.ndarray:
        if not hasattr(self, "_initial"):
            net = self._network
            X, y, X_test, y_test = self._inputs
            params = self._state.params
            out = []
            for inputs, targets in ((X, y), (X_test, y_test)):
                if len(inputs) == 0:
                    out.append(np.full(len(self.configs), np.nan))
                    continue
                o = np.asarray(_outputs(params, inputs, net.activation, net.output_activation))
                if net.outputs == 1:
                    o = o[:, 0]
                figures = [
                    loss_and_accuracy(o[..., c], targets, net.problem == "classification")
                    for c in range(len(self.configs))
                ]
                out.append(np.array([loss for loss, _ in figures]))
            self._initial = np.stack(out, axis=-1).astype(np.float32)
        return self._initial

    def _best(self):
        if self._epochs_trained == 0:
            return None
        losses = np.array([np.nan if v is None else v for v in self.test_loss], np.float64)
        if not np.isfinite(losses).any():  # no test points: the train loss decides
            losses = np.array([np.nan if v is None else v for v in self.train_loss], np.float64)
        losses[self._dead] = np.nan
        if not np.isfinite(losses).any():
            return None
        return int(np.nanargmin(losses))

    def _devices(self) -> list:
        return engine.devices.sweep_devices(len(self.configs))

    def _can_train(self) -> bool:
        return not self._dead.all()  # every configuration diverged

    # --- frames ------------------------------------------------------------------------------

    def _frame_traits(self) -> dict:
        net = self._network
        maps = _output_maps(self._state.params, self._grid, net.activation, net.output_activation)
        curves = self._curve_rows()
        return {
            "_maps": binary.uint8(maps),
            "_curves": binary.float32(curves),
            "_curve_length": curves.shape[-1],
        }

    def _curve_rows(self) -> np.ndarray:
        """float32 (configs, 2, n ≤ CURVE_POINTS): train and test loss, evenly over the epochs."""
        history = self._history()
        epochs = history.shape[1]
        if epochs > CURVE_POINTS:
            rows = np.unique(np.linspace(0, epochs - 1, CURVE_POINTS).round().astype(int))
            history = history[:, rows]
        return np.ascontiguousarray(history.transpose(0, 2, 1), np.float32)

    # --- results -----------------------------------------------------------------------------

    def _summary(self) -> str:
        swept = ", ".join(self.swept) or "one configuration"
        text = f"Sweep: {len(self.configs)} configurations ({swept}), epoch {self.epoch:,}"
        if self.best is None:
            return text
        config = self.configs[self.best]
        losses = (self.test_loss[self.best], self.train_loss[self.best])
        loss = next((v for v in losses if v is not None), None)
        best = f"best #{self.best + 1} (learning rate {config['learning_rate']:g}"
        best += f", regularization rate {config['regularization_rate']:g})"
        return f"{text}, {best}" + ("" if loss is None else f", loss {loss:.3f}")

    def _static_image(self):
        if not self._maps:
            return None
        return static_image.sweep_image(
            self._maps,
            len(self.configs),
            self._map_resolution,
            self.classes,
            binary.read_float32(self._points),
            self._train_count,
            problem=self._network.problem,
        )

    @property
    def results(self) -> list[dict]:
        """Per configuration: ``config`` (learning_rate, regularization_rate, seed),
        ``train_loss`` and ``test_loss`` (one float per epoch, NaN after it diverged),
        ``epochs_done`` and ``diverged``."""
        with self._lock:
            history = self._history()
            out = []
            for i, config in enumerate(self.configs):
                finite = np.isfinite(history[i, :, 0])
                out.append(
                    {
                        "config": dict(config),
                        "train_loss": history[i, :, 0].astype(np.float64),
                        "test_loss": history[i, :, 1].astype(np.float64),
                        "epochs_done": int(finite.sum()),
                        "diverged": bool(self._dead[i]),
                    }
                )
            return out

    def weights(self, index: int) -> list[tuple[np.ndarray, np.ndarray]]:
        """Configuration `index`'s current ``(W, b)`` per layer, as ``Playground.weights``."""
        _check_index(index, len(self.configs))
        with self._lock:
            state = engine.unstack_state(self._state, index)
            return [
                (np.array(p["W"], np.float32), np.array(p["b"], np.float32)) for p in state.params
            ]

    def open(self, index: int | None = None) -> Playground:
        """A new Playground with configuration `index`: the base's points and settings, that
        configuration's rates, its current weights and its loss history.

        (Without an index this is ipywidgets' own ``Widget.open``, which opens the widget's
        connection to the browser.)"""
        if index is None:
            return super().open()
        _check_index(index, len(self.configs))
        config = self.configs[index]
        with self._lock:
            history = self._history()[index]
        done = int(np.isfinite(history[:, 0]).sum())
        rows = np.full((done, 5), np.nan)
        rows[:, 0] = np.arange(1, done + 1)
        rows[:, 1:3] = history[:done]
        d = self._base.to_dict()
        d["config"] = {
            **d["config"],
            "learning_rate": float(config["learning_rate"]),
            "regularization_rate": float(config["regularization_rate"]),
        }
        d["weights"] = [{"W": W, "b": b} for W, b in self.weights(index)]
        d["history"] = rows
        d.pop("epoch", None)
        return Playground.from_dict(d)

    # --- from the browser --------------------------------------------------------------------

    def set_state(self, sync_data):
        """The browser may set ``playing`` and ``epochs_per_frame`` only."""
        allowed = {k: v for k, v in sync_data.items() if k in ("playing", "epochs_per_frame")}
        if len(allowed) != len(sync_data):
            self.send_state(list(sync_data))
        if allowed:
            try:
                super().set_state(allowed)
            except (traitlets.TraitError, RuntimeError) as error:
                self.send_state(list(allowed))
                self.send({"type": "refused", "message": str(error)})

    def _on_message(self, _widget, content, _buffers):
        if not isinstance(content, dict):
            return
        self._pacer.viewed = True
        kind = content.get("type")
        if kind == "drawn":
            self._frame_drawn(content)
        elif kind == "seen":
            self._view_seen(content)
        elif kind == "open":
            try:
                self.opened = self.open(content.get("index"))
            except (TypeError, ValueError) as error:
                self.send({"type": "refused", "message": str(error)})


@partial(jax.jit, static_argnames=("activation", "output_activation"))
def _outputs(params, X, activation, output_activation):
    """Every configuration's outputs (rows, outputs, C) for inputs X (rows, F)."""

    def one(p):
        return engine.forward(p, X, activation, output_activation)[-1]

    return jax.vmap(one, in_axes=-1, out_axes=-1)(params)


def _base_playground(base) -> Playground:
    if base is None:
        return Playground()
    if isinstance(base, Playground):
        d = base.to_dict()
        d.pop("weights", None)
        return Playground.from_dict(d)
    if isinstance(base, dict):
        if isinstance(base.get("config"), dict):
            d = base
        else:  # a configuration, perhaps with the class count, which to_dict keeps beside it
            config = dict(base)
            d = {
                "config": config,
                **({"classes": config.pop("classes")} if "classes" in config else {}),
            }
        d = {k: v for k, v in d.items() if k not in ("weights", "epoch")}
        try:
            return Playground.from_dict(d)
        except traitlets.TraitError as error:
            raise ValueError(f"base: {error}") from None
        except ValueError as error:
            raise ValueError(f"base: {error}") from None
    raise TypeError(
        f"base must be a Playground, a dict like Playground.to_dict()['config'] or None, "
        f"got {type(base).__name__}"
    )


def _as_list(name, values):
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        values = [values]
    values = list(values)
    if not values:
        raise ValueError(f"{name} must hold at least one value, got an empty list")
    return values


def _rates(name, values, default) -> list[float]:
    if values is None:
        return [float(default)]
    rates = []
    for value in _as_list(name, values):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must hold numbers, got {value!r}")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} must hold finite numbers >= 0, got {value!r}")
        rates.append(float(value))
    if len(set(rates)) != len(rates):
        raise ValueError(f"{name} must not repeat a value, got {rates}")
    return rates


def _seeds(values, default) -> list:
    if values is None:
        return [default]
    seeds = []
    for value in _as_list("seed", values):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"seed must hold ints, got {value!r}")
        seeds.append(int(value))
    if len(set(seeds)) != len(seeds):
        raise ValueError(f"seed must not repeat a value, got {seeds}")
    return seeds


def _check_index(index, size):
    if isinstance(index, bool) or not isinstance(index, numbers.Integral):
        raise TypeError(f"index must be an int, got {index!r}")
    if not 0 <= index < size:
        raise ValueError(f"index must be between 0 and {size - 1}, got {index}")


def _number(value):
    return float(value) if np.isfinite(value) else None
