import ast
import sys
from pathlib import Path

import nnwidgets.data as datasets

DATA_PACKAGE = Path(datasets.__file__).parent


def test_public_names():
    for name in [
        "playground",
        "playground_split",
        "banknotes",
        "digits",
        "mnist",
        "FEATURES",
        "feature_matrix",
        "grid_points",
        "DATASETS",
        "PROBLEM_OF",
        "SeededRandom",
    ]:
        assert name in datasets.__all__ and hasattr(datasets, name)
    assert datasets.DATASETS == ("circle", "xor", "gauss", "spiral", "plane", "multigauss")


def test_imports_only_numpy_and_the_standard_library():
    # widgets and model import data, never the reverse, and importing data stays light (no JAX)
    allowed = set(sys.stdlib_module_names) | {"numpy"}
    for source in DATA_PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            assert {m.split(".")[0] for m in modules} <= allowed, (source.name, modules)
