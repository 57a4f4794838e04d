"""`x @ w` for Dense layers, with a weight gradient XLA:CPU computes in its faster library."""

import jax

# Weight gradients of at least this many values go to Eigen on the CPU (see `matmul`).
EIGEN_MIN_WEIGHTS = 1 << 15


@jax.custom_vjp
def matmul(x, w):
    """`x @ w`, whose weight gradient XLA:CPU computes in the library that runs it fastest.

    The weights' gradient `x.T @ g` contracts both operands over the batch axis, their first.
    XLA folds the transpose into the product and XLA:CPU hands it to Eigen, which splits a
    large product over its threads. A small one costs Eigen more in hand-offs than in
    arithmetic: there `x.T` is materialised first (a copy of one batch), so the product is an
    ordinary one and goes to YNNPACK, as the forward product does. Measured at batch 32 on 2
    free cores, epochs interleaved in one process: a 784-256-10 epoch with Eigen for the
    784×256 gradient and YNNPACK for the 256×10 one takes 4-12 % less time than with YNNPACK
    for both (which wins only when other programs keep the cores busy); Eigen also wins for
    784×64 (2-12 %), breaks even at 784×32 and loses at 784×16 (1-10 %). Other platforms take
    the plain product. The values are the same products, in float32.

    Args:
        x: The inputs, (n, in).
        w: The weights, (in, out).

    Returns:
        (n, out).
    """
    return x @ w


def _forward(x, w):
    return x @ w, (x, w)


def _backward(saved, g):
    x, w = saved
    if w.size >= EIGEN_MIN_WEIGHTS:
        return g @ w.T, x.T @ g
    # The barrier keeps XLA from folding the transpose back into the product.
    materialised = lambda: jax.lax.optimization_barrier(x.T) @ g  # noqa: E731
    w_grad = jax.lax.platform_dependent(cpu=materialised, default=lambda: x.T @ g)
    return g @ w.T, w_grad


matmul.defvjp(_forward, _backward)
