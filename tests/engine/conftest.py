"""Make `playground_reference` (the plain statement of the original, beside the tests) importable
whatever pytest's import mode or package layout."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
