"""The compiled pieces of `fit` and `evaluate`: one epoch is one jitted call.

An epoch's batches follow a shuffled order; the last, shorter batch is padded to the batch size
and masked, so every epoch of a data set reuses one compiled kernel. The figures an epoch reports
are Keras': each batch's loss and metrics at the weights it started from, averaged over examples.

With per-example weights (from `fit`'s ``class_weight``), as in Keras each example's loss is
multiplied by its weight and a batch's loss is that sum over the batch's examples (not over the
weights); the metrics stay unweighted (Keras weighs only its `weighted_metrics`).
"""

from functools import partial

import jax
import jax.numpy as jnp
import numpy as np
import optax

from .transfer import take_rows


def forward(layers, params, x, training=False, rng=None):
    """Every layer's output, input first.

    Args:
        layers: The model's built layers.
        params: Each layer's parameters, in the same order.
        x: A batch of inputs.
        training: Whether this is a training pass (Dropout drops only then).
        rng: A JAX random key, split over the layers; None outside training.

    Returns:
        A list: `x`, then each layer's output.
    """
    outputs = [x]
    keys = jax.random.split(rng, len(layers)) if rng is not None else [None] * len(layers)
    for layer, p, key in zip(layers, params, keys, strict=True):
        outputs.append(layer.apply(p, outputs[-1], training=training, rng=key))
    return outputs


# XLA:CPU's memory-optimised scheduler orders a step depth first: its kernels then form nearly
# one chain, which XLA's executor runs with fewer hand-offs between threads than the default
# order. A 784-256-10 epoch takes 5-9 % less time, with the same values to the bit (measured in
# one process, alternating). Other platforms ignore the option.
EPOCH_COMPILER_OPTIONS = {"xla_cpu_scheduler_type": "CPU_SCHEDULER_TYPE_MEMORY_OPTIMIZED"}
# Batches an epoch reports its progress after, at most: one per cell of the progress bar.
REPORTS_PER_EPOCH = 20
# A kernel that reports leaves JAX's fast dispatch path (~5 ms a call) and each report costs
# ~0.2 ms on the host (measured): shorter epochs, fast anyway, report only at their end.
MIN_STEPS_TO_REPORT = 200


def make_epoch(
    layers,
    loss_fn,
    metric_fns,
    optimizer: optax.GradientTransformation,
    batch_size,
    report=None,
):
    """A jitted `epoch(params, opt_state, X, y, order, key, weights=None)` -> params,
    opt_state, figures; `X` is the inputs as `transfer.rows_to_device` puts them, and `weights`,
    when given, weighs each example (see the module's text).

    With `report`, the epoch also calls `report(batches_done, running_figures)` on the host from
    inside the compiled loop, after every k-th batch (about REPORTS_PER_EPOCH times an epoch of at
    least MIN_STEPS_TO_REPORT batches), so a long epoch shows its progress while it runs; running
    figures are means over the examples so far, as Keras' batch logs.

    Args:
        layers: The model's built layers.
        loss_fn: The per-example loss, a function of (output, target).
        metric_fns: The per-example metrics, functions of (output, target).
        optimizer: The optax transformation that updates the parameters.
        batch_size: Examples per update.
        report: Called on the host as `report(batches_done, running_figures)`, or None.

    Returns:
        The jitted epoch function.
    """

    def figures_of(output, target, real, weights):
        """Sums over the batch: the loss weighted by `weights`, the metrics over real examples."""
        sums = [jnp.sum(loss_fn(output, target) * weights)]
        sums += [jnp.sum(m(output, target).astype(jnp.float32) * real) for m in metric_fns]
        return jnp.stack(sums)

    example_shape = layers[0].input_shape[1:]

    @partial(jax.jit, compiler_options=EPOCH_COMPILER_OPTIONS)
    def epoch(params, opt_state, X, y, order, key, example_weights=None):
        n = y.shape[0]
        steps = -(-n // batch_size)
        padding = steps * batch_size - n
        index = jnp.concatenate([order, jnp.zeros(padding, order.dtype)]).reshape(steps, -1)
        mask = (jnp.arange(steps * batch_size) < n).astype(jnp.float32).reshape(steps, -1)

        every = max(1, steps // REPORTS_PER_EPOCH)
        random = any(layer.draws_random for layer in layers)

        def step(carry, batch):
            params, opt_state, key, totals = carry
            rows, real, done = batch
            # Without example weights (None is static to jit), no gather is compiled in.
            weights = real if example_weights is None else real * example_weights[rows]
            # Splitting a key costs 6 % of a 784-256-10 epoch (measured): only when it is used.
            key, dropout_key = jax.random.split(key) if random else (key, None)
            x, target = take_rows(X, rows, example_shape), jnp.take(y, rows, axis=0)

            def batch_loss(p):
                output = forward(layers, p, x, training=True, rng=dropout_key)[-1]
                return jnp.sum(loss_fn(output, target) * weights) / jnp.sum(real), output

            (_, output), grads = jax.value_and_grad(batch_loss, has_aux=True)(params)
            updates, opt_state = optimizer.update(grads, opt_state, params)
            params = optax.apply_updates(params, updates)
            totals = totals + figures_of(output, target, real, weights)
            if report is not None and steps >= MIN_STEPS_TO_REPORT:
                seen = jnp.minimum(done * batch_size, n).astype(jnp.float32)
                jax.lax.cond(
                    (done % every == 0) & (done < steps),  # the epoch's end reports anyway
                    lambda: jax.debug.callback(report, done, totals / seen),
                    lambda: None,
                )
            return (params, opt_state, key, totals), None

        totals = jnp.zeros(1 + len(metric_fns), jnp.float32)
        (params, opt_state, _, totals), _ = jax.lax.scan(
            step, (params, opt_state, key, totals), (index, mask, jnp.arange(1, steps + 1))
        )
        return params, opt_state, totals / n

    return epoch


def make_evaluate(layers, loss_fn, metric_fns):
    """A jitted `evaluate(params, X, y)` -> [loss, *metrics], means over every example.

    Args:
        layers: The model's built layers.
        loss_fn: The per-example loss.
        metric_fns: The per-example metrics.

    Returns:
        The jitted evaluate function.
    """

    @jax.jit
    def evaluate(params, X, y):
        output = forward(layers, params, X)[-1]
        per_example = [loss_fn(output, y)] + [m(output, y) for m in metric_fns]
        return jnp.stack([jnp.mean(f.astype(jnp.float32)) for f in per_example])

    return evaluate


def shuffled_order(n: int, shuffle: bool, generator: np.random.Generator) -> np.ndarray:
    """The order an epoch visits its `n` examples in.

    Args:
        n: The number of examples.
        shuffle: Whether to shuffle; if not, 0 to n - 1 in order.
        generator: The numpy generator to shuffle with.

    Returns:
        The indices, int32, (n,).
    """
    return (generator.permutation(n) if shuffle else np.arange(n)).astype(np.int32)
