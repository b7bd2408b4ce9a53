"""Command line: regenerate the bundled universe (deliberately).

    python -m labkit.universe --seed 2026 --scale 1 --out datasets --force

Writes every table as zstd Parquet with ``manifest.json`` (SHA-256 per file)
and the datasheet ``README.md``. An existing bundle is only overwritten with
``--force``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from labkit.universe.generate import DEFAULT_SEED, write


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m labkit.universe", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 2026)")
    ap.add_argument("--scale", type=int, default=1, help="replicas of the universe (default 1)")
    ap.add_argument("--out", type=Path, default=Path("datasets"), help="output folder")
    ap.add_argument("--no-comments", action="store_true", help="skip the comment tables")
    ap.add_argument("--no-readme", action="store_true", help="do not write the datasheet README.md")
    ap.add_argument("--force", action="store_true", help="overwrite an existing bundle")
    args = ap.parse_args(argv)
    if (args.out / "manifest.json").exists() and not args.force:
        print(f"{args.out} already holds a bundle; add --force to regenerate it.", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    manifest = write(
        args.out,
        seed=args.seed,
        scale=args.scale,
        comments=not args.no_comments,
        readme=not args.no_readme,
    )
    total = sum(e["bytes"] for e in manifest["files"].values())
    for name, e in manifest["files"].items():
        print(f"{name:24} {e['rows']:>10,} rows {e['bytes'] / 1e6:8.2f} MB")
    print(f"wrote {args.out} ({total / 1e6:.2f} MB) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
