"""Work held back while a notebook cell runs, done before that cell ends.

A loop of ``pg.step(1)`` holds messages back to pace them (outbox.py, frame_pacer.py). Held
messages would otherwise go out from the kernel's event loop once the cell has ended, outside the
cell's execution: a notebook run without a browser (``nbconvert --execute``, graders) records only
the messages of each cell's own execution, and would keep a stale state. IPython's
``post_run_cell`` event runs each registered object's ``at_cell_end()`` first.
"""

import weakref

_WAITING = weakref.WeakSet()
_HOOKED = []  # holds the shell once the event is registered with it


def before_cell_ends(obj) -> None:
    """Call ``obj.at_cell_end()`` at the end of every cell from now on, while `obj` lives (no-op
    outside IPython)."""
    _WAITING.add(obj)
    if _HOOKED:
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.events.register("post_run_cell", _at_cell_end)
        _HOOKED.append(shell)


def _at_cell_end(*_) -> None:
    for obj in list(_WAITING):
        obj.at_cell_end()
