"""A Playground's training as one web page that replays it without a kernel or a network.

The page holds everything inline: the front-end bundle, the widget's static state and a recording
(recording.py). It runs the real Playground view against a stand-in for the widget's
model that plays the recorded snapshots, interpolated in between (js/src/playground/replay.ts).
"""

import html
import json
import os
from pathlib import Path
from string import Template

import anywidget

from .. import binary
from .._base import FRONT_END

REPLAY_FORMAT = "nnwidgets.PlaygroundReplay"
REPLAY_VERSION = 1

# The widget machinery's own traits: the page draws without them.
_PLUMBING = frozenset(
    {"_esm", "_css", "_anywidget_id", *anywidget.AnyWidget.class_trait_names(sync=True)}
)

# The bundle and the recording travel as JSON in inert script elements; the loader imports the
# bundle from a Blob URL, so the page needs no server and works from a file:// address.
_PAGE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nnwidgets">
<title>$title</title>
<style>
  body { margin: 24px; background: #fff; color: rgba(0, 0, 0, 0.87);
         font: 14px/1.5 "Helvetica Neue", Helvetica, Arial, sans-serif; }
  h1 { margin: 0 0 4px; font-size: 20px; font-weight: 500; }
  .nnw-replay-about { max-width: 1220px; margin: 0 0 16px; color: #555; }
</style>
</head>
<body>
<h1>$title</h1>
<p class="nnw-replay-about">$about</p>
<div id="nnw-replay"></div>
<script type="application/json" id="nnw-recording">$recording</script>
<script type="application/json" id="nnw-bundle">$bundle</script>
<script type="module">
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const bundle = URL.createObjectURL(new Blob([read("nnw-bundle")], { type: "text/javascript" }));
  const { replayPlayground } = await import(bundle);
  URL.revokeObjectURL(bundle);
  replayPlayground(document.getElementById("nnw-replay"), read("nnw-recording"));
</script>
</body>
</html>
""")


def replay_page(state: dict, snapshots: list) -> str:
    """The page: `state` as the widget's get_state() gives it, `snapshots` oldest first."""
    if not snapshots:
        raise ValueError("a replay needs at least one snapshot")
    return _PAGE.substitute(
        title=html.escape(_title(state, snapshots)),
        about=html.escape(_about(state, snapshots)),
        recording=_script_json(recording_data(state, snapshots)),
        bundle=_script_json(FRONT_END.read_text(encoding="utf-8")),
    )


def recording_data(state: dict, snapshots: list) -> dict:
    """What the replay reads (js/src/playground/replay.ts): the static state, binary traits in
    base64, and the snapshots; the frame traits come with each snapshot only."""
    frame_names = set(snapshots[-1].frame)
    static = {k: v for k, v in state.items() if k not in _PLUMBING and k not in frame_names}
    return {
        "format": REPLAY_FORMAT,
        "version": REPLAY_VERSION,
        "state": {k: v for k, v in static.items() if not _is_binary(v)},
        "buffers": {k: binary.base64_text(v) for k, v in static.items() if _is_binary(v)},
        "snapshots": [
            {
                "epoch": s.epoch,
                **s.figures,
                "frame": {name: binary.base64_text(value) for name, value in s.frame.items()},
            }
            for s in snapshots
        ],
    }


def write_page(path, page: str) -> None:
    """Writes `page` to `path`, with errors that say what to change."""
    try:
        path = Path(os.fspath(path))
    except TypeError:
        raise TypeError(f"path must be a file name (str or Path), got {path!r}") from None
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give a file name, e.g. {path / 'run.html'}")
    if not path.parent.is_dir():
        raise FileNotFoundError(f"cannot write {path}: the folder {path.parent} does not exist")
    path.write_text(page, encoding="utf-8")


def _title(state: dict, snapshots: list) -> str:
    return f"Playground replay: {_data_name(state)}, {_epochs(snapshots)}"


def _about(state: dict, snapshots: list) -> str:
    hidden = ", ".join(str(n) for n in state["hidden"])
    network = f"hidden layers {hidden}" if hidden else "no hidden layer"
    return (
        f"Recorded with nnwidgets: {_epochs(snapshots)} of training on {_data_name(state)} "
        f"({network}, {state['activation']}, learning rate {state['learning_rate']:g}). "
        f"This page replays {len(snapshots)} recorded moments, interpolated in between; nothing "
        "trains here: Play, Pause, Step and Reset move through the recording."
    )


def _data_name(state: dict) -> str:
    return "your own points" if state["dataset"] == "custom" else state["dataset"]


def _epochs(snapshots: list) -> str:
    first, last = snapshots[0].epoch, snapshots[-1].epoch
    if first:
        return f"epochs {first:,} to {last:,}"
    return f"{last:,} epoch{'' if last == 1 else 's'}"


def _is_binary(value) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview))


def _script_json(value) -> str:
    """JSON that cannot end its script element: every <, > and & (only ever inside strings)
    written as a \\u escape, which JSON.parse reads back as the same character."""
    text = json.dumps(value, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
