"""XLA:CPU with one intra-op thread: the Playground's kernels are too small to share."""

import importlib.util
import os

ENV = "NNWIDGETS_XLA_THREADS"


def _gpu_plugin_installed() -> bool:
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("jax_cuda12_plugin", "jax_cuda13_plugin", "jax_rocm60_plugin", "libtpu")
    )


def use_one_cpu_thread() -> bool:
    """Give JAX's CPU client one intra-op thread, if the client does not exist yet.

    XLA:CPU sizes its thread pool from the process's CPU affinity when it creates the client, and
    hands a loop body's kernels to that pool when there are many of them. For kernels of a few
    hundred flops the hand-offs cost more than the work: on this project's 2-core machines the
    Playground's training ran 1.4-2x faster, and far steadier, with one thread (`make bench`).
    So the client is created while the process may use one core, and the affinity is restored.
    Large matrix products then run on one thread too. Set NNWIDGETS_XLA_THREADS=all to keep JAX's
    default; nothing changes either if JAX already made its client or a GPU/TPU plugin is present.
    Returns whether the client was made this way.
    """
    import jax
    from jax._src import xla_bridge

    if os.environ.get(ENV, "one") == "all" or _gpu_plugin_installed():
        return False
    if not hasattr(os, "sched_setaffinity") or xla_bridge.backends_are_initialized():
        return False
    allowed = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(allowed)})
        jax.devices("cpu")
    finally:
        os.sched_setaffinity(0, allowed)
    return True
