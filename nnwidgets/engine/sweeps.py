"""Many configurations of one Playground network trained at once, in one kernel: the
configurations ride a trailing axis of every array, spread over the devices with JAX's sharding.
The training rule is playground.py's, the same kernel with more than one configuration."""

from typing import NamedTuple

import jax
import jax.numpy as jnp
import numpy as np

from .. import checks
from . import devices as placement
from . import inputs
from .playground import TrainState, run_chunks, sweep_chunk


class SweepResult(NamedTuple):
    """What `sweep` reports, per configuration and epoch.

    Attributes:
        train_loss: (configs, epochs): the training loss after each epoch; NaN after a
            configuration diverged.
        test_loss: (configs, epochs): the same on the test set.
        epochs_done: (configs,): the epochs each configuration trained.
        diverged: (configs,) bool: the configurations that diverged.
    """

    train_loss: np.ndarray  # (configs, epochs); NaN after a configuration diverged
    test_loss: np.ndarray
    epochs_done: np.ndarray  # (configs,)
    diverged: np.ndarray  # (configs,) bool


def stack_states(states) -> TrainState:
    """One state for a sweep, from states of one network shape.

    Args:
        states: `TrainState`s of one network shape.

    Returns:
        A `TrainState` each of whose leaves gains a trailing axis of configurations, the
        kernels' layout (see `forward.dense`).
    """
    return jax.tree.map(lambda *leaves: jnp.stack(leaves, axis=-1), *states)


def unstack_state(states: TrainState, index: int) -> TrainState:
    """Configuration `index` of a swept state, as `train` takes it.

    Args:
        states: A state of several configurations (from `stack_states` or `sweep`).
        index: Which configuration.

    Returns:
        That configuration's `TrainState`.
    """
    return jax.tree.map(lambda leaf: leaf[..., index], states)


def _spread_over_devices(tree, configs):
    """Lay `tree`'s trailing configuration axis across the sweep's devices
    (`devices.sweep_devices`: the CPU's, or an accelerator's for a wide sweep).

    Configurations are independent, so each device trains its share in the same compiled
    kernel (JAX's sharding; nothing crosses devices). The axis is padded with copies of the
    first configuration to a multiple of the device count; callers drop the padding.
    """
    devices = placement.sweep_devices(configs)
    if len(devices) == 1:
        return jax.device_put(tree, devices[0])
    padding = -configs % len(devices)
    if padding:
        tree = jax.tree.map(
            lambda leaf: jnp.concatenate([leaf, jnp.repeat(leaf[..., :1], padding, -1)], -1), tree
        )
    mesh = jax.sharding.Mesh(np.array(devices), ("configs",))

    def spread(leaf):
        spec = jax.sharding.PartitionSpec(*[None] * (np.ndim(leaf) - 1), "configs")
        sharding = jax.sharding.NamedSharding(mesh, spec)
        if getattr(leaf, "sharding", None) == sharding:  # a sweep's own result, passed back
            return leaf
        # Through host memory: resharding device arrays leaf by leaf took 3x longer (measured).
        return jax.device_put(np.asarray(leaf), sharding)

    return jax.tree.map(spread, tree)


def sweep(
    states: TrainState,
    X_train,
    y_train,
    X_test,
    y_test,
    *,
    learning_rate,
    regularization_rate=0.0,
    epochs=1,
    batch_size=10,
    regularization=None,
    activation="tanh",
    problem="classification",
):
    """Train N configurations of one network shape on the same data in one kernel.

    The configurations ride a trailing axis of every array inside the kernel, where their
    arithmetic vectorises, and that axis is spread over the devices (JAX sharding). With several
    devices the returned states stay spread over them (when N divides evenly), so passing them
    back in starts the next call at once.

    Args:
        states: N configurations (see `stack_states`; different seeds give different initial
            weights).
        X_train: Input features, (n, F), shared by every configuration.
        y_train: Targets, (n,), as for `train`.
        X_test: Test input features, (m, F).
        y_test: Test targets, (m,).
        learning_rate: A number, or N numbers, each finite and 0 or more.
        regularization_rate: A number, or N numbers, each finite and 0 or more.
        epochs: How many epochs to train (0 or more).
        batch_size: Examples per update (1 or more).
        regularization: None, "l1" or "l2", for every configuration.
        activation: The hidden layers' activation, for every configuration.
        problem: "classification" or "regression".

    Returns:
        (states, result): the new states and a `SweepResult`.

    Raises:
        TypeError: If data or an option is of the wrong kind.
        ValueError: If `states` holds a single configuration, a rate sequence is not N long,
            or data or an option is refused as by `train`.
    """
    data = inputs.check_data(states, X_train, y_train, X_test, y_test)
    inputs.check_options(epochs, batch_size, regularization, activation, problem)
    configs = states.count.shape[0] if states.count.ndim == 1 else None
    if configs is None:
        raise ValueError("states must hold several configurations; make them with stack_states")
    rates = []
    for name, value in (
        ("learning_rate", learning_rate),
        ("regularization_rate", regularization_rate),
    ):
        rate = (
            np.broadcast_to(checks.rates(name, value), (configs,))
            if np.ndim(value) == 0
            else checks.rates(name, value)
        )
        if rate.shape != (configs,):
            raise ValueError(
                f"{name} must be a number or {configs} numbers, got shape {rate.shape}"
            )
        rates.append(np.ascontiguousarray(rate))
    spread, hyper = _spread_over_devices((states, tuple(rates)), configs)
    spread, losses, done = run_chunks(
        sweep_chunk, spread, data, hyper, epochs, batch_size, activation, problem, regularization
    )
    # States stay spread over the devices, ready for the next call: gathering them onto one
    # device and spreading them again cost a sweep of 5 epochs 1.4 of its 4 ms (measured).
    states = spread
    if len(hyper[0]) > configs:
        home = placement.sweep_devices(configs)[0]
        states = jax.device_put(jax.tree.map(lambda leaf: leaf[..., :configs], spread), home)
    done = np.broadcast_to(done, (len(hyper[0]),))[:configs].astype(int)
    losses = losses.reshape(-1, 2, len(hyper[0]))[..., :configs].transpose(2, 0, 1)
    mask = np.arange(losses.shape[1])[None, :] < done[:, None]
    losses = np.where(mask[..., None], losses, np.nan)
    return states, SweepResult(
        train_loss=losses[..., 0],
        test_loss=losses[..., 1],
        epochs_done=done,
        diverged=done < epochs,
    )
