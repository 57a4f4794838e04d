"""TensorFlow Playground's training rule, exactly, as one jitted kernel per network shape.

The original walks the training set in a fixed order, one example at a time, summing per-example
gradients, and updates after every `batch_size`-th example *of the epoch*. What is left at the end
of an epoch stays summed and joins the next epoch's first batch. An update is

    b -= lr * mean(dE/db)
    w -= lr * mean(dE/dw);  w -= lr * reg_rate * R'(w_before_update)

where an L1 step that carries a weight across zero sets it to 0 and freezes it ("dead") until reset.
Because the batch boundaries fall at the same places every epoch, an epoch is: the carried sums join
the first of `n // batch_size` full batches, each followed by an update, then the `n % batch_size`
examples left are summed into the carry. Summing gradients over a batch is the gradient of the
summed loss, so each batch is one `jax.grad` of a vectorised forward pass.
"""

from functools import partial
from typing import NamedTuple

import jax
import jax.numpy as jnp
import numpy as np
import optax

from .. import checks
from . import devices, inputs
from .activations import get_activation
from .feedforward import dense
from .inputs import CHUNK_EPOCHS, PROBLEMS
from .losses import half_squared_error
from .optimizers import L1, L2, NO_REGULARIZATION, PlaygroundSGDState, playground_sgd

REGULARIZATIONS = {None: NO_REGULARIZATION, "l1": L1, "l2": L2}
# Classification with more than one output neuron: one neuron per class, softmax, cross-entropy,
# and labels that are class indices (0, 1, ...), as Keras' sparse categorical cross-entropy.
MULTICLASS = "softmax"
# Batches per step of the loop over an epoch's batches: each step's loop-carried weights are
# copied once, so grouping amortises the copies; 4 was fastest of 1-12, and compiles in ~2 s.
GROUP = 4


class TrainState(NamedTuple):
    """Everything training carries between epochs: weights, pending gradient sums, dead links.

    Attributes:
        params: [{"W": (in, out), "b": (out,)}], input layer first.
        acc: Summed per-example gradients not yet applied, of params' structure.
        count: How many examples `acc` sums.
        dead: Per layer, bool (in, out): the links L1 froze at 0.
    """

    params: list  # [{"W": (in, out), "b": (out,)}], input layer first
    acc: list  # summed per-example gradients not yet applied, same structure as params
    count: jax.Array  # how many examples `acc` sums
    dead: list  # per layer, bool (in, out): links frozen at 0 by L1


class TrainResult(NamedTuple):
    """What `train` reports, epoch by epoch.

    Attributes:
        train_loss: (epochs_done,): the loss on the training set after each epoch (the
            Playground's mean ½(o − t)², or the cross-entropy with several output neurons).
        test_loss: (epochs_done,): the same on the test set.
        epochs_done: The epochs trained: fewer than asked only when training diverged.
        diverged: Whether a loss or a weight stopped being finite; the state is then the last
            finite one.
        train_accuracy: With `accuracy=True`, per epoch, the fraction of training examples
            whose output names their label (its sign, or its class); else None.
        test_accuracy: The same on the test set, or None.
    """

    train_loss: np.ndarray  # (epochs_done,), mean ½(o − t)² after each epoch
    test_loss: np.ndarray
    epochs_done: int  # fewer than asked only when training diverged
    diverged: bool  # a loss or a weight stopped being finite; the state is the last finite one
    # With accuracy=True: the fraction of examples whose output has the label's sign, per epoch.
    train_accuracy: np.ndarray | None = None
    test_accuracy: np.ndarray | None = None


def init_state(params) -> TrainState:
    """A fresh training state for `params`, nothing accumulated or dead.

    Args:
        params: The network, a list of {"W", "b"} (e.g. from `init_playground_params`).

    Returns:
        A `TrainState` holding the weights as float32, on the CPU (`devices.small_kernels`),
        where every kernel it is passed to then runs, whatever JAX's default device is.
    """
    params = [
        {"W": np.asarray(p["W"], np.float32), "b": np.asarray(p["b"], np.float32)} for p in params
    ]
    state = TrainState(
        params=params,
        acc=jax.tree.map(np.zeros_like, params),
        count=np.zeros((), np.float32),
        dead=[np.zeros(p["W"].shape, bool) for p in params],
    )
    return jax.device_put(state, devices.small_kernels())


# Inside the kernels every array carries a trailing axis of C configurations (C = 1 for a single
# run): W (in, out, C), activations (rows, width, C). Configurations share the data, and on the
# minor axis their arithmetic vectorises; `vmap` put them on the leading axis, and the batched tiny
# sums then ran 3x slower than 64 separate runs (measured).
def _outputs(params, X, activation, output_activation):
    """The network's output (rows, outputs, C) for inputs X (rows, F) shared by every
    configuration; with softmax, the logits (the loss takes their log-softmax directly)."""
    hidden = get_activation(activation)
    output = (lambda z: z) if output_activation == MULTICLASS else get_activation(output_activation)
    h = X[:, :, None]
    for index, layer in enumerate(params):
        fn = output if index == len(params) - 1 else hidden
        h = fn(dense(h, layer["W"], layer["b"]))
    return h


def _example_losses(out, y, output_activation):
    """Per example and configuration (rows, C): ½(o − t)², or cross-entropy from the logits."""
    if output_activation != MULTICLASS:
        return half_squared_error(out[:, 0, :], y[:, None])
    picked = jnp.arange(out.shape[1])[None, :, None] == y[:, None, None]
    return jax.nn.logsumexp(out, axis=1) - jnp.sum(jnp.where(picked, out, 0.0), axis=1)


def _example_hits(out, y, output_activation):
    """Per example and configuration (rows, C): 1.0 where the output names the label's class
    (the sign for one output, as the Playground discretises; the largest logit for classes)."""
    if output_activation != MULTICLASS:
        hits = (out[:, 0, :] >= 0) == (y[:, None] > 0)
    else:
        hits = jnp.argmax(out, axis=1) == y[:, None]
    return hits.astype(jnp.float32)


def _summed_loss(params, X, y, activation, output_activation, rows=None):
    # Configurations are independent, so the gradient of the sum is each one's own gradient.
    # `rows` (rows,) weighs examples: 0 for padding, which then adds nothing.
    losses = _example_losses(
        _outputs(params, X, activation, output_activation), y, output_activation
    )
    if rows is not None:
        losses = losses * rows[:, None]
    return jnp.sum(losses)


def _update(params, grad_sum, count, dead, hyper, regularization):
    """One Playground update from summed gradients: their mean, through `playground_sgd`."""
    lr, reg_rate = hyper
    optimizer = playground_sgd(lr, reg_rate, regularization)
    mean = jax.tree.map(lambda g: g / count, grad_sum)
    updates, state = optimizer.update(mean, PlaygroundSGDState(_dead_tree(params, dead)), params)
    return optax.apply_updates(params, updates), [layer["W"] for layer in state.dead]


def _dead_tree(params, dead):
    """Dead links per layer as the optimizer's state: like params, biases never dead."""
    return [{"W": d, "b": jnp.zeros(p["b"].shape, bool)} for p, d in zip(params, dead, strict=True)]


def _alive(grads, dead):
    """Gradients with dead links' zeroed: they neither learn nor accumulate."""
    return [{"W": jnp.where(d, 0.0, g["W"]), "b": g["b"]} for g, d in zip(grads, dead, strict=True)]


def _inline(hyper, fn, *operands):
    """`fn(*operands)` as a conditional branch that is always taken.

    XLA:CPU runs a sequence of kernels one after another on the calling thread when all of them
    touch small buffers, form a chain, or number at most 8; otherwise it hands ready kernels to its
    thread pool, and for kernels this small the hand-off costs more than the work (measured: the
    same epochs ran 1.5x faster on one core than on two). A branch is a sequence of its own, so
    each piece of an epoch goes in one. The predicate is always true, but XLA cannot know it.
    """
    if hyper[0].shape[-1] > 1:  # a sweep's buffers are large anyway: the branch would only copy
        return fn(*operands)
    always = jnp.all(hyper[0] >= 0)  # learning rates are never negative

    def never(*args):  # the untaken branch: zeros of the right shapes, nothing to compile
        return jax.tree.map(lambda s: jnp.zeros(s.shape, s.dtype), jax.eval_shape(fn, *args))

    return jax.lax.cond(always, fn, never, *operands)


def _split_batches(X, y, batch_size):
    """The epoch's fixed batch layout: the first batch, the other full ones stacked, the rest."""
    n = X.shape[0]
    full = n // batch_size
    first = (X[:batch_size], y[:batch_size]) if full else None
    middle = None
    if full > 1:
        middle = (
            X[batch_size : full * batch_size].reshape(full - 1, batch_size, X.shape[1]),
            y[batch_size : full * batch_size].reshape(full - 1, batch_size),
        )
    rest = (X[full * batch_size :], y[full * batch_size :]) if n % batch_size else None
    return first, middle, rest


def _epoch(state, batches, hyper, batch_size, activation, output_activation, regularization):
    grad = jax.grad(_summed_loss)
    first, middle, rest = batches
    params, acc, count, dead = state

    def batch_grad(params, dead, X, y):
        return _alive(grad(params, X, y, activation, output_activation), dead)

    def learn_first(params, acc, count, dead, X, y):
        # The first batch also takes what the previous epoch left summed.
        g = jax.tree.map(jnp.add, acc, batch_grad(params, dead, X, y))
        return _update(params, g, count + X.shape[0], dead, hyper, regularization)

    def learn_group(params, dead, X, y):
        for k in range(X.shape[0]):
            g = batch_grad(params, dead, X[k], y[k])
            params, dead = _update(params, g, batch_size, dead, hyper, regularization)
        return params, dead

    def accumulate(params, acc, dead, X, y):
        return jax.tree.map(jnp.add, acc, batch_grad(params, dead, X, y))

    # Only L1 kills links; otherwise the dead set is a constant of the epoch and stays out of the
    # loops' carried values, which XLA copies every step.
    l1 = regularization == L1

    def learn_groups(params, dead, X, y):
        if l1:
            return learn_group(params, dead, X, y)
        return learn_group(params, dead, X, y)[0], dead

    if first is not None:
        params, new_dead = _inline(hyper, learn_first, params, acc, count, dead, *first)
        dead = new_dead if l1 else dead
        acc, count = jax.tree.map(jnp.zeros_like, acc), jnp.zeros_like(count)
    if middle is not None:
        X_mid, y_mid = middle
        groups = X_mid.shape[0] // GROUP
        if groups:
            grouped = (
                X_mid[: groups * GROUP].reshape(groups, GROUP, *X_mid.shape[1:]),
                y_mid[: groups * GROUP].reshape(groups, GROUP, *y_mid.shape[1:]),
            )
            if l1:

                def group(carry, data):
                    return _inline(hyper, learn_group, *carry, *data), None

                (params, dead), _ = jax.lax.scan(group, (params, dead), grouped)
            else:

                def learn_fixed(params, X, y):
                    return learn_group(params, dead, X, y)[0]

                def group(params, data):
                    return _inline(hyper, learn_fixed, params, *data), None

                params, _ = jax.lax.scan(group, params, grouped)
        if X_mid.shape[0] % GROUP:
            rest_mid = (X_mid[groups * GROUP :], y_mid[groups * GROUP :])
            params, dead = _inline(hyper, learn_groups, params, dead, *rest_mid)
    if rest is not None:
        acc = _inline(hyper, accumulate, params, acc, dead, *rest)
        count = count + rest[0].shape[0]
    return TrainState(params, acc, count, dead)


def _padded_epoch(state, X, y, n_train, hyper, batch_size, activation, output_activation, reg):
    """`_epoch` for training rows padded to whole groups of batches, rows from `n_train` on padding.

    Every batch follows one rule: its real examples' gradient joins what is carried; a full batch
    then updates and clears the carry, a partial one (the epoch's rest) leaves all of it carried,
    and a batch of padding changes nothing. Groups of padding alone are skipped.
    """
    grad = jax.grad(_summed_loss)
    size = GROUP * batch_size
    groups = X.shape[0] // size
    data = (
        X.reshape(groups, GROUP, batch_size, X.shape[1]),
        y.reshape(groups, GROUP, batch_size),
        jnp.arange(groups) * size,
    )

    def learn_batch(carry, X, y, start):
        params, acc, count, dead = carry
        real = jnp.clip(n_train - start, 0, batch_size)
        rows = (jnp.arange(batch_size) < real).astype(jnp.float32)
        grads = _alive(grad(params, X, y, activation, output_activation, rows), dead)
        summed = jax.tree.map(jnp.add, acc, grads)
        full = real == batch_size
        learned, died = _update(params, summed, count + real, dead, hyper, reg)
        return TrainState(
            jax.tree.map(lambda new, old: jnp.where(full, new, old), learned, params),
            jax.tree.map(lambda g: jnp.where(full, 0.0, g), summed),
            jnp.where(full, 0.0, count + real),
            [jnp.where(full, new, old) for new, old in zip(died, dead, strict=True)],
        )

    def group(state, data):
        X, y, start = data

        def learn(state):
            for k in range(GROUP):
                state = learn_batch(state, X[k], y[k], start + k * batch_size)
            return state

        return jax.lax.cond(start < n_train, learn, lambda state: state, state), None

    state, _ = jax.lax.scan(group, TrainState(*state), data)
    return state


def _all_finite(tree):
    """Per configuration: are all of its entries in every leaf finite? (C,) bool."""
    leaves = [jnp.isfinite(x).reshape(-1, x.shape[-1]).all(axis=0) for x in jax.tree.leaves(tree)]
    return jnp.all(jnp.stack(leaves), axis=0)


def _run_epochs(
    state,
    data,
    hyper,
    epochs,
    batch_size,
    activation,
    output_activation,
    checked,
    regularization,
    accuracy=False,
    counts=None,
):
    """Up to CHUNK_EPOCHS epochs: new state, per-epoch figures (epochs, K, C), and per configuration
    how many epochs stayed finite. The K figures are train and test loss, then with `accuracy`
    train and test accuracy (see `_example_hits`).

    `counts` (traced n_train, n_test) says the data are padded: only the first n_train training
    rows and n_test test rows are real. Data of any size up to the padded one then share a kernel.

    Unchecked, every epoch runs and `done` is `epochs` where everything stayed finite, else -1: the
    fast path, which spends nothing per epoch on divergence. Checked, each configuration stops at
    its last finite epoch; callers rerun a chunk that way only when the fast path reported -1.
    """
    X, y, X_test, y_test = data
    rows_train, rows_test = X.shape[0], X_test.shape[0]
    if counts is None:
        n_train, n_test = rows_train, rows_test
        batches = _split_batches(X, y, batch_size)
    else:
        n_train, n_test = counts
    X_all = jnp.concatenate([X, X_test])
    y_all = jnp.concatenate([y, y_test])
    # Train and test means in one weighted sum, so the loss is one kernel after the forward pass;
    # padding rows weigh 0. (Without padding these are constants, folded at compile time.)
    row = jnp.arange(rows_train + rows_test)
    in_train = row < n_train
    in_test = (row >= rows_train) & (row < rows_train + n_test)
    weights = jnp.stack([in_train / n_train, in_test / jnp.maximum(n_test, 1)], axis=1)
    # No test data: the original's 0 / 0.
    weights = weights.at[:, 1].set(jnp.where(n_test == 0, jnp.nan, weights[:, 1]))
    counted = jnp.stack([in_train, in_test], axis=1).astype(jnp.float32)
    sizes = jnp.stack([n_train, jnp.maximum(n_test, 1)]).astype(jnp.float32)
    configs = state.count.shape[-1]

    def evaluate(params):
        out = _outputs(params, X_all, activation, output_activation)
        errors = _example_losses(out, y_all, output_activation)
        figures = jnp.sum(errors[:, None, :] * weights[:, :, None], axis=0)
        if not accuracy:
            return figures
        correct = _example_hits(out, y_all, output_activation)
        # Counted, then divided: summing 1/n per hit would round 250/250 to 1.0000001.
        hits = jnp.sum(correct[:, None, :] * counted[:, :, None], axis=0)
        return jnp.concatenate([figures, hits / sizes[:, None]])

    def body(i, carry):
        state, losses, done, ok = carry
        options = (hyper, batch_size, activation, output_activation, regularization)
        if counts is None:
            new = _epoch(state, batches, *options)
        else:
            new = _padded_epoch(state, X, y, n_train, *options)
        loss = _inline(hyper, evaluate, new.params)
        losses = losses.at[i].set(loss)
        if not checked:
            return new, losses, done, ok
        keep = ok & jnp.isfinite(loss[0]) & _all_finite(new.params)
        state = jax.tree.map(lambda a, b: jnp.where(keep, a, b), new, state)
        return state, losses, done + keep, keep

    losses = jnp.full((CHUNK_EPOCHS, 4 if accuracy else 2, configs), jnp.nan, jnp.float32)
    init = (state, losses, jnp.zeros(configs, jnp.int32), jnp.ones(configs, bool))
    state, losses, done, _ = jax.lax.fori_loop(0, epochs, body, init)
    if not checked:
        ran = (jnp.arange(CHUNK_EPOCHS) < epochs)[:, None]
        finite = _all_finite(state.params) & jnp.all(jnp.isfinite(losses[:, 0]) | ~ran, axis=0)
        done = jnp.where(finite, epochs, -1)
    return state, losses, done


_STATIC = (
    "batch_size",
    "activation",
    "output_activation",
    "checked",
    "regularization",
    "accuracy",
)
_jit = partial(
    jax.jit,
    static_argnames=_STATIC,
    compiler_options={
        # Past a size threshold XLA:CPU hands batched sums to a library (YNNPACK), which made 64
        # configurations several times slower; its own fusions stay fast at every size.
        "xla_cpu_experimental_ynn_fusion_type": "",
        # Fewer copies of loop-carried weights around the always-taken branches.
        "xla_cpu_copy_insertion_use_region_analysis": True,
        # A sweep's 64 configurations fill 512-bit vectors: 20% faster sweeps where the CPU has
        # them (measured); elsewhere the compiler keeps the widest it has.
        "xla_cpu_prefer_vector_width": 512,
    },
)
sweep_chunk = _jit(_run_epochs)  # many configurations; sweeps.py calls it


@_jit
def _train_chunk(state, data, hyper, epochs, **options):
    """One configuration: the same kernel with C = 1, the axis added and removed inside."""
    one = jax.tree.map(lambda leaf: leaf[..., None], (state, hyper))
    state, losses, done = _run_epochs(*one[:1], data, one[1], epochs, **options)
    return jax.tree.map(lambda leaf: leaf[..., 0], (state, losses, done))


def run_chunks(
    kernel,
    state,
    data,
    hyper,
    epochs,
    batch_size,
    activation,
    problem,
    regularization,
    accuracy=False,
    counts=None,
):
    """Call `kernel` chunk by chunk; losses come back with epochs on the first axis."""
    losses, done_total, remaining = [], 0, int(epochs)
    outputs = state.params[-1]["b"].shape[0]
    options = dict(
        batch_size=int(batch_size),
        activation=activation,
        output_activation=MULTICLASS if outputs > 1 else PROBLEMS[problem],
        regularization=REGULARIZATIONS[regularization],
        accuracy=bool(accuracy),
        counts=counts,
    )
    while remaining > 0:
        chunk = min(remaining, CHUNK_EPOCHS)
        new_state, chunk_losses, done = kernel(state, data, hyper, chunk, checked=False, **options)
        done = np.asarray(done)
        if np.any(done < 0):  # something diverged: find where, keeping the last finite state
            new_state, chunk_losses, done = kernel(
                state, data, hyper, chunk, checked=True, **options
            )
            done = np.asarray(done)
        state = new_state
        losses.append(np.asarray(chunk_losses)[:chunk])
        done_total = done_total + done
        remaining -= chunk
        if np.all(done < chunk):
            break
    losses = np.concatenate(losses) if losses else np.zeros((0, 4 if accuracy else 2), np.float32)
    return state, losses, done_total


def train(
    state: TrainState,
    X_train,
    y_train,
    X_test,
    y_test,
    *,
    epochs=1,
    batch_size=10,
    learning_rate=0.03,
    regularization=None,
    regularization_rate=0.0,
    activation="tanh",
    problem="classification",
    accuracy=False,
    pad_to=None,
):
    """Train `epochs` epochs by the Playground's rule.

    Learning and regularisation rates are traced values: changing them never recompiles. A new
    network shape, batch size, data size or kind of regularisation compiles once (jax.jit caches
    it; the Playground resets the network on those changes anyway).

    Args:
        state: Where training stands (from `init_state`, or a previous call).
        X_train: Input features, (n, F).
        y_train: Targets, (n,): ±1 for classification with one output neuron; with K > 1 output
            neurons (classification only) the class indices 0..K-1, learnt through softmax and
            cross-entropy.
        X_test: Test input features, (m, F); m may be 0.
        y_test: Test targets, (m,).
        epochs: How many epochs to train (0 or more).
        batch_size: Examples per update (1 or more).
        learning_rate: The step size, a finite number of 0 or more.
        regularization: None, "l1" or "l2".
        regularization_rate: The regulariser's weight, a finite number of 0 or more.
        activation: The hidden layers' activation, one of the Playground's.
        problem: "classification" (tanh output) or "regression" (linear output).
        accuracy: Also give each epoch's train and test accuracy (a kernel of its own,
            compiled once).
        pad_to: (train rows, test rows): run on data padded to at least that size, with the
            same results, so that data of any size up to it share one kernel (for points drawn
            one by one).

    Returns:
        (state, result): the new `TrainState` and a `TrainResult` with per-epoch losses.

    Raises:
        TypeError: If data or an option is of the wrong kind.
        ValueError: If data shapes disagree with each other or with the network, labels are not
            class indices of the output layer, an option is out of range, or the network has
            several output neurons and `problem` is "regression".
    """
    data = inputs.check_data(state, X_train, y_train, X_test, y_test)
    inputs.check_options(epochs, batch_size, regularization, activation, problem)
    if state.params[-1]["b"].shape[0] > 1 and problem != "classification":
        raise ValueError("a network with several output neurons is for classification only")
    counts = None
    if pad_to is not None:
        data, counts = inputs.padded(data, pad_to, GROUP * batch_size)
    hyper = (
        np.float32(checks.rates("learning_rate", learning_rate)),
        np.float32(checks.rates("regularization_rate", regularization_rate)),
    )
    state, losses, done = run_chunks(
        _train_chunk,
        state,
        data,
        hyper,
        epochs,
        batch_size,
        activation,
        problem,
        regularization,
        accuracy,
        counts,
    )
    done = int(done)
    return state, TrainResult(
        train_loss=losses[:done, 0],
        test_loss=losses[:done, 1],
        epochs_done=done,
        diverged=done < epochs,
        train_accuracy=losses[:done, 2] if accuracy else None,
        test_accuracy=losses[:done, 3] if accuracy else None,
    )
