"""A package's names, each loaded from its module on first use (PEP 562).

``import nnwidgets`` then loads neither JAX nor the widgets a notebook does not use: a fresh kernel
draws a Playground's first frame before JAX has loaded (see ``engine/numpy_forward.py``).

A package lists its names once, as imports under ``if TYPE_CHECKING:`` (which type checkers and
the documentation read); ``exports`` reads that block from the package's source and serves each
name when it is first asked for.
"""

import ast
import importlib
from pathlib import Path


def _type_checking_imports(source: str) -> dict[str, tuple[str, str | None]]:
    """Each name imported under ``if TYPE_CHECKING:`` -> (relative module, name in it), the
    name None where the import is of a module itself."""
    names = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            if not isinstance(statement, ast.ImportFrom) or statement.level != 1:
                continue
            for alias in statement.names:
                if statement.module is None:  # from . import module [as name]
                    names[alias.asname or alias.name] = (alias.name, None)
                else:
                    names[alias.asname or alias.name] = (statement.module, alias.name)
    return names


def exports(package: str, init_file: str):
    """The ``__getattr__``, ``__dir__`` and ``__all__`` of `package`.

    Args:
        package: The package's ``__name__``.
        init_file: Its ``__file__``, whose ``if TYPE_CHECKING:`` imports name what it exports.

    Returns:
        ``(__getattr__, __dir__, __all__)`` for the package's namespace.
    """
    homes = _type_checking_imports(Path(init_file).read_text(encoding="utf-8"))

    def __getattr__(name: str):
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, attribute = homes[name]
        module = importlib.import_module(f"{package}.{module_name}")
        return module if attribute is None else getattr(module, attribute)

    def __dir__() -> list[str]:
        return sorted(homes)

    return __getattr__, __dir__, sorted(homes)
