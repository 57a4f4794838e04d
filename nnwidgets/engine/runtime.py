"""How nnwidgets sets up JAX before its first kernel: one XLA:CPU thread, and a compile cache.

Both are documented in README.md and can be turned off by environment variables.
"""

import contextlib
import importlib.util
import os

THREADS_ENV = "NNWIDGETS_XLA_THREADS"
CACHE_ENV = "NNWIDGETS_COMPILE_CACHE"


def _gpu_plugin_installed() -> bool:
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("jax_cuda12_plugin", "jax_cuda13_plugin", "jax_rocm60_plugin", "libtpu")
    )


def use_one_cpu_thread() -> bool:
    """Give JAX's CPU client one intra-op thread, if the client does not exist yet.

    XLA:CPU sizes its intra-op thread pool from the process's CPU affinity (and at least one
    thread per CPU device) when it makes the client, and hands a loop body's kernels to that pool
    when there are many of them. For kernels of a few hundred flops the hand-offs cost more than
    the work: on this project's 2-core machines the Playground's training ran 1.4-2x faster, and
    far steadier, with one thread (`make bench`). So the client is made while the process may use
    one core; then every thread it made gets the process's affinity back, so that a sweep over
    several CPU devices (`jax_num_cpu_devices`, set before importing nnwidgets) runs them in
    parallel. Set NNWIDGETS_XLA_THREADS=all to keep JAX's default; nothing changes either if JAX
    already made its client or a GPU/TPU plugin is present. Returns whether the client was made
    this way.
    """
    import jax
    from jax._src import xla_bridge

    if os.environ.get(THREADS_ENV, "one") == "all" or _gpu_plugin_installed():
        return False
    if not hasattr(os, "sched_setaffinity") or xla_bridge.backends_are_initialized():
        return False
    allowed = os.sched_getaffinity(0)
    threads_before = _threads()
    try:
        os.sched_setaffinity(0, {min(allowed)})
        jax.devices("cpu")
    finally:
        os.sched_setaffinity(0, allowed)
        for thread in _threads() - threads_before:
            with contextlib.suppress(OSError):  # a thread that has ended meanwhile
                os.sched_setaffinity(thread, allowed)
    return True


def _threads() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/task")}


def use_compile_cache() -> str | None:
    """Keep compiled kernels on disk, so a restarted kernel skips XLA for shapes seen before.

    A new network shape compiles in 2-4 s here; read back from JAX's persistent cache the first
    call takes under 1 s. The cache goes to NNWIDGETS_COMPILE_CACHE if set ("off" disables it),
    else ~/.cache/nnwidgets/jax. A cache directory the user configured for JAX is left alone.
    Returns the directory in use, or None.
    """
    import jax

    configured = jax.config.jax_compilation_cache_dir
    if configured:
        return configured
    folder = os.environ.get(CACHE_ENV)
    if folder == "off":
        return None
    folder = folder or os.path.join(os.path.expanduser("~"), ".cache", "nnwidgets", "jax")
    jax.config.update("jax_compilation_cache_dir", folder)
    return folder
