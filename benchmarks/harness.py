"""A small harness shared by every benchmark in this folder.

Each measurement runs in a fresh child process (``multiprocessing`` with
``spawn``) and reports that child's own peak memory: the high-water mark of its
resident set (``VmHWM`` in ``/proc/self/status`` on Linux). ``ru_maxrss`` is not
used where ``VmHWM`` exists, because Linux carries it across ``fork``/``exec``: a
child started by a parent that once held 5 GiB (after generating a large
universe) would report 5 GiB for every line. A benchmark reports absolute figures and, where it has one, the ratio
to a reference operation timed in the same run on the same input, which makes
results comparable across machines. Results are appended to
``benchmarks/results/<name>.json`` together with a description of the machine,
and printed as a readable table.

Usage in a benchmark module::

    from benchmarks.harness import measure, report

    def main(argv=None):
        ref = measure("pyarrow read_table", "benchmarks.bench_data:_ref_read", path)
        res = measure("labkit load posts", "benchmarks.bench_data:_load", path)
        report("data", [ref, res.with_target(seconds=2.0, peak_mib=1024, ref=ref)])
"""

from __future__ import annotations

import importlib
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Result:
    name: str
    seconds: float
    peak_mib: float
    repeat: int
    detail: dict = field(default_factory=dict)
    target_seconds: float | None = None
    target_peak_mib: float | None = None
    reference: str | None = None
    ratio: float | None = None
    target_ratio: float | None = None

    def with_target(
        self, *, seconds=None, peak_mib=None, ref: Result | None = None, ratio=None
    ) -> Result:
        self.target_seconds = seconds
        self.target_peak_mib = peak_mib
        if ref is not None:
            self.reference = ref.name
            self.ratio = self.seconds / ref.seconds if ref.seconds else None
            self.target_ratio = ratio
        return self

    @property
    def met(self) -> bool:
        checks = []
        if self.target_seconds is not None:
            checks.append(self.seconds <= self.target_seconds)
        if self.target_peak_mib is not None:
            checks.append(self.peak_mib <= self.target_peak_mib)
        if self.target_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.target_ratio)
        return all(checks)


def _proc_status_mib(field_name: str) -> float | None:
    """A memory field of ``/proc/self/status`` (``VmHWM``, ``VmRSS``) in MiB, or None."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        return None
    return None


def peak_mib() -> float:
    """This process's own peak resident memory in MiB (not inherited from its parent).

    Linux: ``VmHWM``, the high-water mark of this process's address space, which
    starts afresh at ``exec``. Elsewhere: ``ru_maxrss`` (bytes on macOS, KiB
    on other systems), which a spawned child does not inherit there.
    """
    hwm = _proc_status_mib("VmHWM")
    if hwm is not None:
        return hwm
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024


def current_mib() -> float:
    """This process's resident memory now, in MiB (its peak where that is unknown)."""
    rss = _proc_status_mib("VmRSS")
    return rss if rss is not None else peak_mib()


def allocate(mib: int) -> dict:
    """Hold ``mib`` MiB of touched memory for a moment (checks the harness's own figures)."""
    block = bytearray(mib * 2**20)
    block[::4096] = b"x" * len(block[::4096])  # touch every page
    return {"allocated_mib": mib, "checksum": block.count(b"x")}


def _child(target: str, args: tuple, conn) -> None:
    module, func = target.split(":")
    fn = getattr(importlib.import_module(module), func)
    base = current_mib()
    t0 = time.perf_counter()
    detail = fn(*args)
    elapsed = time.perf_counter() - t0
    peak = peak_mib()
    conn.send((elapsed, peak, base, detail if isinstance(detail, dict) else {}))
    conn.close()


def measure(name: str, target: str, *args, repeat: int = 3) -> Result:
    """Run ``module:function(*args)`` ``repeat`` times, each in a fresh process.

    Returns the best wall time and the largest peak RSS (MiB) of the runs, each
    run's peak being its own child's (imports included), whatever the parent holds.
    ``detail["baseline_mib"]`` is the child's resident memory after its imports,
    before the function ran.
    """
    ctx = mp.get_context("spawn")
    times, peaks, detail = [], [], {}
    for _ in range(repeat):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_child, args=(target, args, child))
        proc.start()
        child.close()
        try:
            elapsed, peak, base, detail = parent.recv()
        except EOFError:  # the child died before reporting (crash, out of memory)
            proc.join()
            raise RuntimeError(
                f"benchmark {name!r} ({target}) failed: exit code {proc.exitcode}"
            ) from None
        proc.join()
        times.append(elapsed)
        peaks.append(peak)
        detail = {**detail, "baseline_mib": round(base, 1)}
    return Result(name, min(times), max(peaks), repeat, detail)


def machine() -> dict:
    """Describe the machine the benchmark ran on."""
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):  # pragma: no cover
        mem = None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gib": round(mem, 1) if mem else None,
        "ci": bool(os.environ.get("CI")),
    }


def report(name: str, results: list[Result], out: Path | None = None) -> Path:
    """Print a table and append the results (with the machine) to JSON."""
    out = out or RESULTS / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    run = {
        "benchmark": name,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": [asdict(r) | {"met": r.met} for r in results],
    }
    history = json.loads(out.read_text()) if out.exists() else []
    history.append(run)
    out.write_text(json.dumps(history, indent=2) + "\n")
    header = (
        f"{'measurement':44} {'seconds':>9} {'peak MiB':>9} {'ratio':>7} {'target':>22} {'met':>4}"
    )
    print(f"\n== {name} ==  ({run['machine']['processor']}, {run['machine']['cpus']} cpus)")
    print(header)
    print("-" * len(header))
    for r in results:
        target = []
        if r.target_seconds is not None:
            target.append(f"<={r.target_seconds:g}s")
        if r.target_peak_mib is not None:
            target.append(f"<={r.target_peak_mib:g}MiB")
        if r.target_ratio is not None:
            target.append(f"<={r.target_ratio:g}x")
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        met = ("yes" if r.met else "NO") if target else "-"
        print(
            f"{r.name[:44]:44} {r.seconds:9.3f} {r.peak_mib:9.1f} {ratio:>7} {' '.join(target):>22} {met:>4}"
        )
    print(f"results appended to {out}")
    return out


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run a benchmark module, e.g. python -m benchmarks")


DATA = Path(__file__).resolve().parent / "_data"


def _intact(folder: Path, tables: tuple[str, ...]) -> bool:
    from labkit import data

    if not (folder / "manifest.json").exists():
        return False
    try:
        checked = data.verify(folder)
        return bool(checked["ok"].all()) and set(tables) <= set(checked["table"])
    except Exception:  # noqa: BLE001 - a damaged bundle is simply not used
        return False


def scale25_universe(own: str, tables: tuple[str, ...], *, comments: bool = True) -> Path:
    """The scale-25 universe (about 1M posts): bench_data's bundle if intact, else ``_data/<own>``.

    Generated once (a few minutes, about 5 GiB at its peak) and checked against its
    manifest before each use; ``tables`` are the ones the benchmark needs.
    """
    shared, mine = DATA / "scale25", DATA / own
    for folder in (shared, mine):
        if _intact(folder, tables):
            return folder
    from labkit import universe

    print(f"generating the universe at scale 25 into {mine} (a few minutes, once)...")
    universe.write(mine, seed=2026, scale=25, comments=comments, readme=False)
    return mine
