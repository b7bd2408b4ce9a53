"""Run every benchmark: ``python -m benchmarks`` (or one: ``python -m benchmarks.bench_data``).

Benchmarks are not part of ``make test``: their targets are printed as output,
never asserted as timed tests. Results go to ``benchmarks/results/*.json``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    )
    wanted = set(argv or sys.argv[1:])
    failed = []
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n### {name}")
        if module.main([]) not in (None, 0):
            failed.append(name)
    if failed:
        print(f"\ntargets not met: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
