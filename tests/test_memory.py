"""Freed memory goes back to the system after each cell (labkit.memory)."""

from __future__ import annotations

import sys

from labkit import memory


def test_release_returns_freed_memory_and_runs_after_every_cell():
    import numpy as np
    import psutil

    if not sys.platform.startswith("linux"):  # no glibc: nothing to do, and it says so
        assert memory.release() is False
        return
    process = psutil.Process()
    blocks = [
        np.ones(2**12) for _ in range(16_000)
    ]  # 500 MiB in 32 KiB blocks (below mmap's threshold)
    keep = blocks[-1]  # one block at the top of the heap would pin it without trimming
    del blocks
    held = process.memory_info().rss
    assert memory.release() is True
    assert process.memory_info().rss < held - 200 * 2**20
    assert keep.sum() == 2**12

    class Events:
        def __init__(self):
            self.callbacks = {"post_run_cell": []}

        def register(self, event, fn):
            self.callbacks[event].append(fn)

    class Shell:
        events = Events()

    shell = Shell()
    assert memory.install(shell) and memory.install(shell)
    assert shell.events.callbacks["post_run_cell"] == [memory.release]  # registered once
