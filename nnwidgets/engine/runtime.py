"""How nnwidgets sets up JAX before its first kernel: a CPU device per core, a compile cache, and
freed compiler memory handed back to the system (``set_up``, called by every module of the engine
that imports JAX, before anything runs a kernel).

Both are documented in README.md and docs/environment.md, and can be turned off by environment
variables.
"""

import contextlib
import ctypes
import ctypes.util
import functools
import importlib.util
import os

THREADS_ENV = "NNWIDGETS_XLA_THREADS"
CACHE_ENV = "NNWIDGETS_COMPILE_CACHE"
BACKEND_COMPILE_EVENT = "/jax/core/compile/backend_compile_duration"  # JAX's, after each compile
_SET_UP = []  # holds True once set_up ran


def set_up() -> None:
    """Set JAX up for nnwidgets, once: `use_one_device_per_core`, `use_compile_cache` and
    `trim_after_compiles`. Later calls do nothing."""
    if _SET_UP:
        return
    _SET_UP.append(True)
    use_one_device_per_core()
    use_compile_cache()
    trim_after_compiles()


def _gpu_plugin_installed() -> bool:
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("jax_cuda12_plugin", "jax_cuda13_plugin", "jax_rocm60_plugin", "libtpu")
    )


def use_one_device_per_core() -> bool:
    """Give JAX's CPU client one device per core, if the client does not exist yet.

    A Playground kernel is a few hundred flops: XLA:CPU's hand-offs to its thread pool cost more
    than the work, so a single run's kernels go as one sequence on one thread (see `_inline` in
    engine/playground.py). Sweeps spread their configurations over the devices (JAX sharding),
    so with a device per core they use every core; wide matrix products (the Keras-like models)
    use the pool either way. Measured on this project's 2-core machines (`make bench`): a sweep
    of 64 configurations takes 6.4-7.1 times a single run instead of 9; single runs of the
    largest Playground network give up a fifth (13.4k epochs/s instead of 16.2k).

    XLA sizes its pool from the process's CPU affinity when it makes the client (and keeps a
    thread per device), so the client is made while the process may use one core, and every
    thread it made gets the process's affinity back: without that, single runs of the largest
    network fell to 7.7k epochs/s (measured). Set NNWIDGETS_XLA_THREADS=all to keep JAX's default
    client (one device); nothing changes either if JAX already made its client, if
    `jax_num_cpu_devices` was set, or if a GPU/TPU plugin is present.

    Returns:
        Whether the client was made this way.
    """
    import jax
    from jax._src import xla_bridge

    if os.environ.get(THREADS_ENV, "one") == "all" or _gpu_plugin_installed():
        return False
    if not hasattr(os, "sched_setaffinity") or xla_bridge.backends_are_initialized():
        return False
    allowed = os.sched_getaffinity(0)
    if jax.config.jax_num_cpu_devices == -1:  # not chosen by the user
        jax.config.update("jax_num_cpu_devices", len(allowed))
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

    Returns:
        The directory in use, or None when the cache is off.
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
    # Every kernel, however quick to compile: JAX keeps only those over 1 s by default, and the
    # Playground's take 0.2-0.9 s each, several per network, before its first frame.
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
    return folder


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None elsewhere (macOS, musl); looked up once (finding the
    library may run ``ldconfig``)."""
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None


def release_freed_memory() -> None:
    """Hand the heap memory freed so far back to the system (glibc; elsewhere nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def trim_after_compiles() -> bool:
    """After each XLA compile, hand the memory the compiler freed back to the system.

    glibc keeps freed heap pages for reuse, and LLVM frees tens of MB per compile: a kernel
    with one Playground held 344 MB, 304 MB once trimmed (measured; `tests/bench`). Elsewhere
    than glibc (macOS, musl) nothing changes.

    Returns:
        Whether the listener was registered (glibc's ``malloc_trim`` found).
    """
    from jax import monitoring

    trim = _malloc_trim()
    if trim is None:
        return False

    def after_compile(event: str, _seconds: float, **_) -> None:
        if event == BACKEND_COMPILE_EVENT:
            trim(0)

    monitoring.register_event_duration_secs_listener(after_compile)
    return True
