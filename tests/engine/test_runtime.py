"""How importing the engine sets up JAX, checked in fresh processes as a notebook kernel sees it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, os
import jax
{before}
from nnwidgets import engine
from nnwidgets.engine import playground  # a kernel module: JAX is set up
(jax.numpy.ones((256, 256)) @ jax.numpy.ones((256, 256))).block_until_ready()
print(json.dumps({{
    "threads": len(os.listdir("/proc/self/task")),
    "cpu_devices": len(jax.devices("cpu")),
    "cache": jax.config.jax_compilation_cache_dir,
    "cache_min_s": jax.config.jax_persistent_cache_min_compile_time_secs,
    "affinities": sorted({{tuple(sorted(os.sched_getaffinity(int(t))))
                          for t in os.listdir("/proc/self/task")}}),
    "made_again": engine.use_one_device_per_core(),
}}))
"""


def _probe(tmp_path, before="", **env):
    environment = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(REPO), **env}
    for name in ("NNWIDGETS_XLA_THREADS", "NNWIDGETS_COMPILE_CACHE"):
        if name not in env:
            environment.pop(name, None)
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(before=before)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_caches_compiled_kernels_in_the_users_cache_folder(tmp_path):
    seen = _probe(tmp_path)
    assert seen["cache"] == str(tmp_path / ".cache" / "nnwidgets" / "jax")
    assert seen["cache_min_s"] == 0  # the Playground's small kernels too
    assert len(list((tmp_path / ".cache" / "nnwidgets" / "jax").iterdir())) >= 1
    # The CPU client was made once, and every thread has the process's affinity back.
    assert seen["affinities"] == [list(sorted(os.sched_getaffinity(0)))]
    assert seen["made_again"] is False


def test_jax_gets_a_cpu_device_per_core_unless_told_otherwise(tmp_path):
    cores = len(os.sched_getaffinity(0))
    assert _probe(tmp_path)["cpu_devices"] == cores
    assert _probe(tmp_path, NNWIDGETS_XLA_THREADS="all")["cpu_devices"] == 1
    chosen = 'jax.config.update("jax_num_cpu_devices", 3)'
    assert _probe(tmp_path, before=chosen)["cpu_devices"] == 3  # the user's choice stands


SHARDED_SWEEP = """
import json, jax, numpy as np
jax.config.update("jax_num_cpu_devices", 2)
from nnwidgets import engine
from nnwidgets.engine import playground  # a kernel module: JAX is set up
rng = np.random.default_rng(0)
X, y = rng.normal(size=(40, 2)), np.sign(rng.normal(size=40))
starts = [engine.init_state(engine.init_playground_params([2, 3, 1], random=s)) for s in range(3)]
rates = [0.01, 0.1, 0.3]
states, swept = engine.sweep(engine.stack_states(starts), X, y, X, y, learning_rate=rates, epochs=5)
singles = [engine.train(s, X, y, X, y, learning_rate=r, epochs=5)[1].train_loss
           for s, r in zip(starts, rates)]
# Four configurations fill both devices: the states stay spread between calls.
rates4 = rates + [0.03]
starts4 = starts + [engine.init_state(engine.init_playground_params([2, 3, 1], random=3))]
spread, first = engine.sweep(engine.stack_states(starts4), X, y, X, y, learning_rate=rates4,
                             epochs=2)
spread, then = engine.sweep(spread, X, y, X, y, learning_rate=rates4, epochs=3)
alone, more = engine.train(engine.unstack_state(spread, 3), X, y, X, y, learning_rate=0.03,
                           epochs=2)
single, longer = engine.train(starts4[3], X, y, X, y, learning_rate=0.03, epochs=7)
print(json.dumps({"devices": len(jax.devices()), "swept": swept.train_loss.tolist(),
                  "singles": np.array(singles).tolist(),
                  "home": [str(d) for d in jax.tree.leaves(states)[0].devices()],
                  "in_two_calls": np.concatenate([first.train_loss, then.train_loss], 1).tolist(),
                  "spread_over": len(jax.tree.leaves(spread)[0].devices()),
                  "carried_on": np.concatenate([first.train_loss[3], then.train_loss[3],
                                                more.train_loss]).tolist(),
                  "longer": longer.train_loss.tolist()}))
"""


def test_a_sweep_spreads_its_configurations_over_the_cpu_devices_asked_for(tmp_path):
    environment = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", SHARDED_SWEEP],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["devices"] == 2
    # Three configurations padded to four over two devices give what three single runs give,
    # and the states come back to one device, ready for `train`.
    np.testing.assert_allclose(seen["swept"], seen["singles"], rtol=1e-5)
    assert seen["home"] == ["cpu:0"]
    # A sweep's spread states go on in the next call, and one configuration taken out of them
    # trains on alone, as one run of all those epochs would.
    assert seen["spread_over"] == 2
    np.testing.assert_allclose(seen["in_two_calls"][:3], seen["singles"], rtol=1e-5)
    np.testing.assert_allclose(seen["carried_on"], seen["longer"], rtol=1e-5)


def test_the_compile_cache_can_be_moved_or_turned_off(tmp_path):
    assert _probe(tmp_path, NNWIDGETS_COMPILE_CACHE=str(tmp_path / "here"))["cache"] == str(
        tmp_path / "here"
    )
    assert _probe(tmp_path, NNWIDGETS_COMPILE_CACHE="off")["cache"] is None


def test_a_cache_folder_the_user_chose_for_jax_is_kept(tmp_path):
    before = f'jax.config.update("jax_compilation_cache_dir", "{tmp_path / "mine"}")'
    assert _probe(tmp_path, before=before)["cache"] == str(tmp_path / "mine")


def test_a_client_jax_already_made_is_left_as_it_is(tmp_path):
    seen = _probe(tmp_path, before="jax.devices()", NNWIDGETS_XLA_THREADS="one")
    assert seen["cpu_devices"] == 1
    assert seen["made_again"] is False


def test_memory_freed_by_a_compile_goes_back_to_the_system(monkeypatch):
    from jax import monitoring

    from nnwidgets.engine import runtime

    trims = []
    listeners = []
    monkeypatch.setattr(monitoring, "register_event_duration_secs_listener", listeners.append)
    real_cdll = runtime.ctypes.CDLL
    monkeypatch.setattr(
        runtime.ctypes,
        "CDLL",
        lambda name: (
            type("Libc", (), {"malloc_trim": staticmethod(trims.append)})()
            if name == runtime.ctypes.util.find_library("c")
            else real_cdll(name)
        ),
    )
    runtime._malloc_trim.cache_clear()  # looked up once per process: look up the stand-in
    try:
        assert runtime.trim_after_compiles()
    finally:
        runtime._malloc_trim.cache_clear()
    (listener,) = listeners
    listener("/jax/some/other/event", 0.1)
    assert trims == []
    listener(runtime.BACKEND_COMPILE_EVENT, 0.4)
    assert trims == [0]
