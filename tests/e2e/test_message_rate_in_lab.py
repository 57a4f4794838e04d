"""A cell that loops ``pg.step(1)`` 2,000 times with the Playground shown in JupyterLab: the
kernel sends the browser at most 100 messages a second, and the view ends on the last epoch."""

import pytest
from lab import kernel, open_playground, wait_until

pytestmark = pytest.mark.e2e

CELLS = [
    "import time\nimport nnwidgets as nw\npg = nw.Playground(dataset='xor', seed=0)\npg",
    # Every message the kernel sends for this widget, timed where it leaves.
    "sent = []\n_send = pg.comm.send\n"
    "def counted(*args, **kwargs):\n"
    "    sent.append(time.monotonic())\n"
    "    return _send(*args, **kwargs)\n"
    "pg.comm.send = counted",
]
LOOP = (
    "start = time.monotonic()\n"
    "for _ in range(2000):\n"
    "    pg.step(1)\n"
    "elapsed = time.monotonic() - start"
)
BUSIEST_SECOND = (
    "max(sum(1 for u in sent if t <= u < t + 1) for t in sent)"  # any one-second window
)


def test_a_loop_of_single_steps_is_paced_and_ends_on_the_last_epoch(jupyter_lab, open_notebook):
    lab = open_playground(jupyter_lab, open_notebook, CELLS, "e2e_message_rate.ipynb")
    root = lab.root
    wait_until(lambda: kernel(lab, "pg._pacer.viewed"), "the view's first drawn frame")
    lab.run(LOOP, timeout=300)
    busiest = kernel(lab, BUSIEST_SECOND)
    rate = kernel(lab, "len(sent) / elapsed")
    print(
        f"2,000 steps: {kernel(lab, 'elapsed'):.1f} s, {kernel(lab, 'len(sent)')} messages, "
        f"{rate:.0f}/s overall, {busiest} in the busiest second"
    )
    assert busiest <= 100
    # The last frame reaches the view once the cell ends: it shows epoch 2,000.
    wait_until(
        lambda: "2,000" in root.locator(".nnw-pg-epoch").inner_text(),
        "the view to show epoch 2,000",
        timeout=10,
    )
    assert kernel(lab, "pg.epoch") == 2000
    lab.screenshot("message-rate-after-loop")
    assert lab.console_errors == []
