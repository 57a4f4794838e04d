"""Tiny kernels stay on the CPU whatever JAX's default device is; wide sweeps go to an
accelerator where there is one; every training widget says where it runs."""

from types import SimpleNamespace

import jax
import pytest

import nnwidgets as nw
from nnwidgets import engine
from nnwidgets.engine import devices as placement

CPUS = jax.devices("cpu")


def fake_gpus(monkeypatch, count=1):
    """JAX as it is on a GPU machine: the default backend's devices are GPUs, the CPU remains."""
    gpus = [SimpleNamespace(platform="gpu", id=i, device_kind="NVIDIA H100") for i in range(count)]
    real = jax.devices
    monkeypatch.setattr(
        placement.jax, "devices", lambda backend=None: real("cpu") if backend == "cpu" else gpus
    )
    return gpus


def test_small_kernels_run_on_the_cpu_even_where_the_default_is_a_gpu(monkeypatch):
    fake_gpus(monkeypatch)
    assert placement.small_kernels() is CPUS[0]
    assert placement.wide_work().platform == "gpu"


def test_sweeps_go_to_the_gpu_only_when_wide(monkeypatch):
    gpus = fake_gpus(monkeypatch, count=2)
    assert placement.sweep_devices(64) == CPUS
    assert placement.sweep_devices(placement.ACCELERATOR_SWEEP_CONFIGS) == gpus


def test_on_a_cpu_only_machine_every_job_is_on_the_cpu():
    if jax.default_backend() != "cpu":
        pytest.skip("this machine has an accelerator")
    assert placement.sweep_devices(10_000) == CPUS
    assert placement.wide_work().platform == "cpu"


def test_devices_in_words(monkeypatch):
    assert placement.describe(CPUS[0]) == "cpu:0"
    assert placement.describe([CPUS[0]]) == "cpu:0"
    gpu = fake_gpus(monkeypatch)[0]
    assert placement.describe([gpu]) == "gpu:0 (NVIDIA H100)"
    assert placement.describe([gpu, gpu]) == "2 gpu devices"


@pytest.mark.skipif(len(CPUS) < 2, reason="needs a second CPU device to stand for the default")
def test_a_playground_trains_on_its_cpu_device_whatever_the_default_device():
    with jax.default_device(CPUS[-1]):
        pg = nw.Playground(dataset="xor", seed=0)
        pg.step(5)
        state = engine.init_state(engine.init_playground_params([2, 3, 1]))
        trained = pg._run.state  # after training under the other default
    for tree in (state, trained):
        assert all(leaf.devices() == {CPUS[0]} for leaf in jax.tree.leaves(tree))
    assert pg.device == "cpu:0" and pg.epoch == 5


def test_a_sweep_says_where_it_runs():
    sweep = nw.Sweep(nw.Playground(dataset="xor", seed=0), learning_rate=[0.03, 0.3])
    expected = "cpu:0" if len(CPUS) == 1 else f"{len(CPUS)} cpu devices"
    assert sweep.device == expected
