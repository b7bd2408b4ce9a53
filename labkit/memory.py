"""Give memory back to the system after each notebook cell (a hub holds many kernels).

pandas and pyarrow free a cell's temporaries, but glibc's allocator keeps the freed pages
for later instead of returning them; a kernel then holds its largest cell's memory for the
rest of the session. :func:`release` asks glibc to return them (``malloc_trim``), and
:func:`install` runs it after every cell (``labkit.start()`` does). Measured on notebook 06
(benchmarks/bench_memory.py): 387 -> 277 MiB held after the last cell; the peak inside a
cell is unchanged. Elsewhere than glibc (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any

__all__ = ["install", "release"]


@cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return libc.malloc_trim if libc is not None and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def release(*_args: Any) -> bool:
    """Return freed heap memory to the system; False where that is not possible."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


def install(shell: Any = None) -> bool:
    """Run :func:`release` after every cell of ``shell`` (default: the running IPython); once."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None or _trim() is None:
        return False
    callbacks = shell.events.callbacks.get("post_run_cell", [])
    if release not in callbacks:
        shell.events.register("post_run_cell", release)
    return True
