"""Speed of nnwidgets.engine: training, neuron maps, sweeps and compiles, against baselines.

Run: `PYTHONPATH=. python tests/bench/bench_engine.py` (or `make bench`). Prints its figures, the
ratios against numpy and PyTorch measured in this same run, whether each target is met, and last a
single JSON line with every figure. Times are medians over repeated calls after warm-up: the
machine is shared, so single timings mean little.
"""

import contextlib
import dataclasses
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import jax
import numpy as np
from baselines import (
    NUMPY_DTYPE,
    NumpyTrainer,
    OneThreadTorchTrainer,
    TorchTrainer,
    torch_description,
)
from timing import epoch_rates, epochs_per_call_for, median, seconds_of, timed_runs
from workloads import ALL_FEATURES, DEFAULT, LARGE, WORKLOADS, Data, initial_params, load_data

import nnwidgets as nw
from nnwidgets import engine
from nnwidgets.engine.playground import _train_chunk

CHECKOUT = Path(__file__).resolve().parents[2]

# Epochs per timed engine call: long enough (~0.1-0.3 s) that dispatch and timer noise vanish.
ENGINE_EPOCHS_PER_CALL = {"default": 1024, "large": 1024, "multigauss": 256}
ENGINE_REPEATS = 7
BASELINE_SECONDS_PER_CALL = 0.4
BASELINE_REPEATS = 5
AGREEMENT_EPOCHS = 3
AGREEMENT_TOLERANCE = 1e-4  # engine float32 vs numpy float64: losses after a few epochs

MAP_RESOLUTION = 100
MAP_CALLS = 200
MAP_TARGET_MS = 5.0

SWEEP_CONFIGS = 64
SWEEP_EPOCHS = 256
SWEEP_REPEATS = 3
SWEEP_TARGET_RATIO = 8.0

# Network shapes no other benchmark compiles: a small one and one as large as the Playground allows.
SMALL_NEW_HIDDEN = (5, 3)
LARGE_NEW_HIDDEN = (8, 8, 8, 8, 8, 7)


class EngineTrainer:
    """`engine.train` as the baselines are called: keeps its state, returns (epochs, 2) losses."""

    def __init__(self, params, data: Data, workload):
        self.state = engine.init_state(params)
        self.data = data
        self.workload = workload

    def train(self, epochs: int, learning_rate: float | None = None) -> np.ndarray:
        w, d = self.workload, self.data
        self.state, result = engine.train(
            self.state,
            d.X_train,
            d.y_train,
            d.X_test,
            d.y_test,
            epochs=epochs,
            batch_size=w.batch_size,
            learning_rate=w.learning_rate if learning_rate is None else learning_rate,
            activation=w.activation,
            problem=w.problem,
        )
        jax.block_until_ready(self.state)
        return np.stack([result.train_loss, result.test_loss], axis=1)


def baseline_trainers(params, data, workload) -> dict:
    trainers = {"numpy": NumpyTrainer(params, data, workload)}
    if torch_description():
        trainers["torch"] = TorchTrainer(params, data, workload)
        trainers["torch_1_thread"] = OneThreadTorchTrainer(params, data, workload)
    return trainers


# ---------------------------------------------------------------------------------------------
# 1. training speed
# ---------------------------------------------------------------------------------------------


def check_agreement(engine_trainer, baselines) -> dict:
    """The first epochs' losses of every baseline match the engine's, so all run the same rule.

    This also compiles the engine's kernel, and leaves every trainer a few epochs in.
    """
    expected = engine_trainer.train(AGREEMENT_EPOCHS)
    differences = {}
    for name, trainer in baselines.items():
        difference = float(np.max(np.abs(trainer.train(AGREEMENT_EPOCHS) - expected)))
        if not difference <= AGREEMENT_TOLERANCE:  # also catches NaN
            raise AssertionError(
                f"{name} baseline disagrees with the engine after {AGREEMENT_EPOCHS} epochs:"
                f" max loss difference {difference:.2g} > {AGREEMENT_TOLERANCE:g}"
            )
        differences[name] = difference
    return differences


def bench_training(workload) -> dict:
    data = load_data(workload)
    params = initial_params(workload)
    engine_trainer = EngineTrainer(params, data, workload)
    baselines = baseline_trainers(params, data, workload)
    differences = check_agreement(engine_trainer, baselines)

    engine_epochs = ENGINE_EPOCHS_PER_CALL[workload.name]
    rates = {"engine": epoch_rates(engine_trainer.train, engine_epochs, ENGINE_REPEATS)}
    for name, trainer in baselines.items():
        epochs = epochs_per_call_for(trainer.train, BASELINE_SECONDS_PER_CALL)
        rates[name] = epoch_rates(trainer.train, epochs, BASELINE_REPEATS)

    result = {f"{name}_epochs_per_s": median(r) for name, r in rates.items()}
    engine_rate = result["engine_epochs_per_s"]
    for name in baselines:
        result[f"engine_over_{name}"] = engine_rate / result[f"{name}_epochs_per_s"]
    result["playground_epochs_per_s"] = workload.playground_epochs_per_s
    result["engine_over_playground"] = engine_rate / workload.playground_epochs_per_s
    result["target_epochs_per_s"] = workload.target_epochs_per_s
    result["target_met"] = engine_rate >= workload.target_epochs_per_s
    result["agreement_max_loss_difference"] = differences
    result["slowest_fastest_epochs_per_s"] = {name: (min(r), max(r)) for name, r in rates.items()}
    return result


BASELINE_LABELS = {"numpy": "numpy", "torch": "torch", "torch_1_thread": "torch 1t"}


def print_training(results: dict) -> None:
    engine_epochs = "/".join(map(str, ENGINE_EPOCHS_PER_CALL.values()))
    print(
        f"Training, epochs/s (median; engine {ENGINE_REPEATS} calls of {engine_epochs} epochs;"
        f" baselines {BASELINE_REPEATS} calls of ~{BASELINE_SECONDS_PER_CALL} s;"
        " train and test loss every epoch)"
    )
    print(f"  numpy: vectorised, one forward/backward per batch, {np.dtype(NUMPY_DTYPE).name}")
    torch_name = torch_description()
    print(f"  torch: {torch_name}, autograd per batch" if torch_name else "  PyTorch not installed")
    baselines = [
        b for b in BASELINE_LABELS if any(f"{b}_epochs_per_s" in r for r in results.values())
    ]
    rates = ["engine", *baselines, "playground"]
    labels = {"engine": "engine", **BASELINE_LABELS, "playground": "Playgr."}
    header = "".join(f"{labels[k]:>9}" for k in rates)
    header += "".join(f"{'/' + labels[k]:>10}" for k in [*baselines, "playground"])
    print(f"  {'config':<11}{header}{'target':>8}  met")
    for name, r in results.items():
        if "error" in r:
            print(f"  {name:<11}FAILED: {r['error']}")
            continue
        row = "".join(f"{r[f'{k}_epochs_per_s']:>9,.0f}" for k in rates)
        row += "".join(f"{r[f'engine_over_{k}']:>9.1f}x" for k in [*baselines, "playground"])
        met = "yes" if r["target_met"] else "NO"
        print(f"  {name:<11}{row}{r['target_epochs_per_s']:>8,.0f}  {met}")
    print("  /x: the engine's rate over x's; Playgr.: the original's training code alone on this")
    one_thread_note = "; torch 1t: PyTorch on 1 thread" if "torch_1_thread" in baselines else ""
    print(f"  machine class (docs/figures.md){one_thread_note}")
    for name, r in results.items():
        if "error" in r:
            continue
        extremes = r["slowest_fastest_epochs_per_s"].items()
        spread = ", ".join(f"{k} {lo:,.0f}-{hi:,.0f}" for k, (lo, hi) in extremes)
        agree = ", ".join(f"{k} {v:.1e}" for k, v in r["agreement_max_loss_difference"].items())
        print(f"  {name}: slowest-fastest call: {spread}")
        print(f"  {name}: loss difference from the engine after {AGREEMENT_EPOCHS} epochs: {agree}")


# ---------------------------------------------------------------------------------------------
# 2. neuron maps
# ---------------------------------------------------------------------------------------------


def bench_neuron_maps() -> dict:
    """Every neuron's map of the largest network over the grid, as floats and as the bytes sent."""
    params = engine.init_state(initial_params(LARGE)).params
    grid = nw.datasets.feature_matrix(nw.datasets.grid_points(MAP_RESOLUTION), ALL_FEATURES)
    grid = jax.device_put(grid)  # the widget computes it once per feature set

    def float_maps():
        return jax.block_until_ready(engine.neuron_maps(params, grid))

    def byte_maps():
        return np.asarray(engine.quantized_neuron_maps(params, grid)).tobytes()

    result = {}
    for name, call in (("float_maps_ms", float_maps), ("uint8_bytes_ms", byte_maps)):
        result[name] = 1000 * median(timed_runs(call, MAP_CALLS, warmup=10))
    result["neurons"] = int(float_maps().shape[0])
    result["target_ms"] = MAP_TARGET_MS
    result["target_met"] = max(result["float_maps_ms"], result["uint8_bytes_ms"]) <= MAP_TARGET_MS
    return result


def print_neuron_maps(r: dict) -> None:
    print(
        f"Neuron maps, {LARGE.sizes} network, {r['neurons']} maps of "
        f"{MAP_RESOLUTION}x{MAP_RESOLUTION} (median of {MAP_CALLS} calls):"
    )
    print(f"  neuron_maps (float32, on device): {r['float_maps_ms']:.2f} ms")
    print(f"  quantized_neuron_maps -> numpy -> bytes: {r['uint8_bytes_ms']:.2f} ms")
    print(f"  target <= {r['target_ms']:g} ms: {'yes' if r['target_met'] else 'NO'}")


# ---------------------------------------------------------------------------------------------
# 3. sweep
# ---------------------------------------------------------------------------------------------


def bench_sweep() -> dict:
    """64 learning rates in one vmapped kernel against one run of the same length."""
    w, data = DEFAULT, load_data(DEFAULT)
    rates = np.geomspace(1e-3, 3, SWEEP_CONFIGS)
    states = engine.stack_states(
        [engine.init_state(initial_params(w, seed)) for seed in range(SWEEP_CONFIGS)]
    )
    options = {"epochs": SWEEP_EPOCHS, "batch_size": w.batch_size, "activation": w.activation}
    arrays = (data.X_train, data.y_train, data.X_test, data.y_test)

    def run_sweep():
        swept, result = engine.sweep(states, *arrays, learning_rate=rates, **options)
        jax.block_until_ready(swept)
        return result

    # The single run is one of the sweep's configurations: the one nearest the default rate.
    index = int(np.argmin(np.abs(np.log(rates / w.learning_rate))))
    single_state = engine.init_state(initial_params(w, index))

    def run_single():
        state, result = engine.train(single_state, *arrays, learning_rate=rates[index], **options)
        jax.block_until_ready(state)
        return result

    sweep_s = median(timed_runs(run_sweep, SWEEP_REPEATS))
    single_s = median(timed_runs(run_single, 2 * SWEEP_REPEATS + 1))
    swept, single = run_sweep(), run_single()
    difference = float(np.max(np.abs(swept.train_loss[index] - single.train_loss)))
    if not difference <= AGREEMENT_TOLERANCE:
        raise AssertionError(f"sweep and train disagree: loss difference {difference:.2g}")
    ratio = sweep_s / single_s
    return {
        "configs": SWEEP_CONFIGS,
        "epochs": SWEEP_EPOCHS,
        "sweep_s": sweep_s,
        "single_run_s": single_s,
        "ratio": ratio,
        "config_epochs_per_s": SWEEP_CONFIGS * SWEEP_EPOCHS / sweep_s,
        "single_run_epochs_per_s": SWEEP_EPOCHS / single_s,
        "diverged_configs": int(np.sum(swept.diverged)),
        "max_loss_difference_from_train": difference,
        "target_ratio": SWEEP_TARGET_RATIO,
        "target_met": ratio <= SWEEP_TARGET_RATIO,
    }


SWEEP_ONE_DEVICE = """
import json, sys
import jax
jax.config.update("jax_num_cpu_devices", 1)
sys.path.insert(0, {bench!r})
import bench_engine
print(json.dumps(bench_engine.bench_sweep()))
"""


def bench_sweep_one_device() -> dict:
    """The same sweep on one CPU device (README: `jax_num_cpu_devices` set to 1), its single run
    measured in that process too: what nnwidgets' device per core buys."""
    code = SWEEP_ONE_DEVICE.format(bench=str(Path(__file__).parent))
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_sweep(r: dict) -> None:
    print(
        f"Sweep of {r['configs']} learning rates (1e-3..3) x {r['epochs']} epochs, default config"
        f" ({r['diverged_configs']} diverged):"
    )
    print(
        f"  sweep {r['sweep_s'] * 1000:.0f} ms, one run {r['single_run_s'] * 1000:.1f} ms,"
        f" ratio {r['ratio']:.1f}x (target <= {r['target_ratio']:g}x:"
        f" {'yes' if r['target_met'] else 'NO'})"
    )
    print(
        f"  {r['config_epochs_per_s']:,.0f} configuration-epochs/s (one run:"
        f" {r['single_run_epochs_per_s']:,.0f} epochs/s); its losses match the swept"
        f" configuration's to {r['max_loss_difference_from_train']:.1e}"
    )
    one = r["one_device"]
    print(
        f"  on {r['cpu_devices']} CPU devices (nnwidgets' default, one per core); on one"
        f" device: sweep {one['sweep_s'] * 1000:.0f} ms, one run"
        f" {one['single_run_s'] * 1000:.1f} ms, ratio {one['ratio']:.1f}x"
    )


# ---------------------------------------------------------------------------------------------
# 4. compiles
# ---------------------------------------------------------------------------------------------


class _CompileCounter(logging.Handler):
    def __init__(self):
        super().__init__()
        self.names = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Finished XLA compilation of "):
            self.names.append(message.removeprefix("Finished XLA compilation of ").split(" in ")[0])


@contextlib.contextmanager
def counting_compiles():
    """Yields the list of names of the XLA compilations that happen inside the block."""
    logger = logging.getLogger("jax")
    counter = _CompileCounter()
    propagate = logger.propagate
    logger.addHandler(counter)
    logger.propagate = False  # count them without printing them
    jax.config.update("jax_log_compiles", True)
    try:
        yield counter.names
    finally:
        jax.config.update("jax_log_compiles", False)
        logger.removeHandler(counter)
        logger.propagate = propagate


def _kernel_cache_size() -> int:
    """How many compiled training kernels jax.jit holds (private API; -1 where it is gone)."""
    cache_size = getattr(_train_chunk, "_cache_size", None)
    return cache_size() if cache_size else -1


def first_call_on_new_shape(workload):
    """With every JAX cache cleared: a trainer for `workload`, and its first 1-epoch call."""
    data = load_data(workload)
    jax.clear_caches()
    trainer = EngineTrainer(initial_params(workload), data, workload)
    jax.block_until_ready(trainer.state)  # building the state compiles tiny ops: not timed
    with counting_compiles() as compiled:
        seconds = seconds_of(lambda: trainer.train(1))
    return trainer, seconds, compiled


FIRST_CALL_IN_NEW_PROCESS = """
import sys, time
sys.path.insert(0, {bench!r})
from workloads import LARGE, initial_params, load_data
import dataclasses
from nnwidgets import engine
workload = dataclasses.replace(LARGE, hidden={hidden!r})
data = load_data(workload)
state = engine.init_state(initial_params(workload))
start = time.perf_counter()
engine.train(state, data.X_train, data.y_train, data.X_test, data.y_test, epochs=1,
             batch_size=workload.batch_size, activation=workload.activation,
             problem=workload.problem)
print(time.perf_counter() - start)
"""


def first_call_in_new_process(workload) -> float:
    """A restarted kernel's first call on a shape this run compiled: read from the disk cache."""
    code = FIRST_CALL_IN_NEW_PROCESS.format(
        bench=str(Path(__file__).parent), hidden=tuple(workload.hidden)
    )
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def bench_compile() -> dict:
    """First call on shapes never seen, a warm call, and the first after a learning-rate change."""
    small = dataclasses.replace(DEFAULT, hidden=SMALL_NEW_HIDDEN)
    trainer, first_s, first_compiles = first_call_on_new_shape(small)
    warm_s = median(timed_runs(lambda: trainer.train(1), 9, warmup=0))
    kernels_before = _kernel_cache_size()
    with counting_compiles() as rate_compiles:
        rate_change_s = seconds_of(lambda: trainer.train(1, learning_rate=0.1))
    new_kernels = _kernel_cache_size() - kernels_before

    large = dataclasses.replace(LARGE, hidden=LARGE_NEW_HIDDEN)
    _, large_first_s, _ = first_call_on_new_shape(large)
    return {
        "large_first_call_from_disk_s": first_call_in_new_process(large),
        "shape": small.sizes,
        "first_call_s": first_s,
        "first_call_compiled": first_compiles,
        "warm_call_s": warm_s,
        "learning_rate_change_call_s": rate_change_s,
        "learning_rate_change_compiles": len(rate_compiles),
        "learning_rate_change_new_kernels": new_kernels,
        "no_recompile_on_learning_rate_change": not rate_compiles and new_kernels <= 0,
        "large_shape": large.sizes,
        "large_first_call_s": large_first_s,
    }


def print_compile(r: dict) -> None:
    print("Compile: first train(epochs=1) on a shape never seen, after jax.clear_caches():")
    print(
        f"  {r['shape']}: first call {r['first_call_s']:.2f} s"
        f" (compiles {', '.join(r['first_call_compiled'])}), warm call"
        f" {r['warm_call_s'] * 1000:.2f} ms"
    )
    print(
        f"  first call after a learning-rate change {r['learning_rate_change_call_s'] * 1000:.2f}"
        f" ms: {r['learning_rate_change_compiles']} XLA compiles,"
        f" {r['learning_rate_change_new_kernels']} new training kernels"
    )
    print(
        f"  {r['large_shape']}: first call {r['large_first_call_s']:.2f} s; in a new process,"
        f" from the persistent compile cache: {r['large_first_call_from_disk_s']:.2f} s"
    )


def run_section(name: str, bench, failures: list, show=None):
    """`bench()`'s results, shown; a failure is reported and recorded, and the rest still runs."""
    try:
        result = bench()
    except Exception as error:  # one broken kernel must not hide every other figure
        message = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        print(f"{name}: FAILED: {message}")
        failures.append(name)
        return {"error": message}
    if show:
        show(result)
    return result


def main() -> int:
    # Compiles are measured for real: a fresh persistent cache (nothing has compiled yet, so JAX
    # has not opened the one nnwidgets chose), filled by this run and read back by a new process.
    cache = tempfile.mkdtemp(prefix="nnwidgets-bench-cache-")
    jax.config.update("jax_compilation_cache_dir", cache)
    os.environ["NNWIDGETS_COMPILE_CACHE"] = cache
    print(
        f"nnwidgets engine benchmark: JAX {jax.__version__} on {jax.devices()[0].device_kind},"
        f" {platform.machine()}, {os.cpu_count()} CPUs"
    )
    package = Path(nw.__file__).resolve().parent
    print(f"  measuring {package}")
    if not package.is_relative_to(CHECKOUT):
        print(f"  WARNING: not this checkout ({CHECKOUT}); run with PYTHONPATH=. to measure it")
    failures = []
    training = {
        w.name: run_section(f"training {w.name}", lambda w=w: bench_training(w), failures)
        for w in WORKLOADS
    }
    print_training(training)
    maps = run_section("neuron maps", bench_neuron_maps, failures, print_neuron_maps)
    both_sweeps = lambda: {  # noqa: E731
        **bench_sweep(),
        "cpu_devices": len(jax.devices()),
        "one_device": bench_sweep_one_device(),
    }
    sweep = run_section("sweep", both_sweeps, failures, print_sweep)
    # Last: it clears JAX's caches.
    compile_ = run_section("compile", bench_compile, failures, print_compile)
    results = {
        "bench": "engine",
        "nnwidgets": str(package),
        "jax": jax.__version__,
        "device": jax.devices()[0].device_kind,
        "numpy_dtype": np.dtype(NUMPY_DTYPE).name,
        "torch": torch_description() or "PyTorch not installed",
        "training": training,
        "neuron_maps": maps,
        "sweep": sweep,
        "compile": compile_,
        "failed": failures,
    }
    print(json.dumps(results))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
