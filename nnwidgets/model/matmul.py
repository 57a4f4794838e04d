"""`x @ w` for Dense layers, with a gradient XLA:CPU computes in its fast matrix library."""

import jax


@jax.custom_vjp
def matmul(x, w):
    """`x @ w`; its gradient's products all take the layouts XLA:CPU's YNNPACK library runs.

    The weights' gradient `x.T @ g` contracts both operands over the batch axis, their first:
    XLA folds the transpose into the product, and XLA:CPU then hands that product to Eigen
    rather than to YNNPACK, which runs the forward product. On the CPU, `x.T` is materialised
    first (a copy of one batch), so the product is an ordinary one and goes to YNNPACK. For a
    784-256-10 epoch at batch 32 on 2 cores (measured back to back in one process): 3 % less
    time on one core, 15-20 % less when other programs keep the cores busy, and 7 % more when
    both cores are free (Eigen then runs its product on two threads).
    Other platforms take the plain product. The values are the same products, in float32.

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
    # The barrier keeps XLA from folding the transpose back into the product.
    materialised = lambda: jax.lax.optimization_barrier(x.T) @ g  # noqa: E731
    w_grad = jax.lax.platform_dependent(cpu=materialised, default=lambda: x.T @ g)
    return g @ w.T, w_grad


matmul.defvjp(_forward, _backward)
