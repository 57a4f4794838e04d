"""TensorFlow Playground in a notebook cell, trained by the engine in the kernel.

``Playground`` (widget.py) is the public face; each concern it draws on has a module here:

- settings.py: the one rule for each setting, whatever sets it;
- points.py: the generators' points and your own, and editing them;
- run.py: the network training on those points, its history and maps;
- metrics.py: accuracy, confusion, R² and RMSE;
- protocol.py: what the browser may ask, and how it is refused;
- bqplot_figure.py: ``figure()``, its curves as a live bqplot figure;
- sharing.py, links.py, replay_page.py, recording.py, presets.py: links, dicts, files, pages
  and presets.
"""

from .run import Network
from .widget import Playground

__all__ = ["Network", "Playground"]
