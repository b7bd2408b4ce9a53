"""Benchmark: generate and load the bundled universe, at scale 1 and at ~1,000,000 posts.

Run ``python -m benchmarks.bench_data [--scale 25] [--regenerate] [--no-comments]``.

Measured, each in a fresh process (wall time, peak RSS):

* generation of the universe at scale 1 and at ``--scale`` (default 25, about
  1,000,000 posts), written as a bundle to ``benchmarks/_data/scale<N>/``
  (gitignored; reused unless ``--regenerate``);
* a bare ``pyarrow.parquet.read_table`` of the posts and comments files (the
  reference), and ``labkit.data.load`` of the same tables with
  ``LABKIT_DATA_DIR`` pointing at the bundle (checksum, conversion to the
  canonical dtypes; comments unmasked, then masked as trainees load them: first
  in a work folder without cache (masking, then writing the masked-table cache),
  then again (read from the cache; its ratio is to the plain labkit load).

Targets (printed, never asserted by tests): loading 1M posts in <= 2 s and
<= 1 GiB peak; generating scale 25 in a few minutes; a cached masked load of
the comments within 1.5x the plain load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# Imports at module level: the harness imports this module before it starts the clock, so
# load timings exclude library start-up. The generator is imported by the generation
# measurements only, so that it does not weigh on the peak memory of the loads.
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from benchmarks.harness import measure, report
from labkit import data

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
COMMITTED = HERE.parent / "datasets"


def _generate(seed: int, scale: int, comments: bool) -> dict:
    from labkit import universe

    tables = universe.generate(seed=seed, scale=scale, comments=comments)
    return {"posts": len(tables["posts"]), "comments": len(tables.get("comments", ()))}


def _generate_write(folder: str, seed: int, scale: int, comments: bool) -> dict:
    from labkit import universe

    manifest = universe.write(Path(folder), seed=seed, scale=scale, comments=comments, readme=False)
    return {
        name: e["rows"] for name, e in manifest["files"].items() if name in ("posts", "comments")
    }


def _ref_read(path: str) -> dict:
    table = pq.read_table(path)
    return {"rows": table.num_rows}


def _ref_read_pandas(path: str) -> dict:
    df = pq.read_table(path).to_pandas(
        types_mapper={pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}.get
    )
    return {"rows": len(df)}


def _load(folder: str, name: str, mask: bool) -> dict:
    os.environ["LABKIT_DATA_DIR"] = folder
    df = data.load(name, mask=mask) if name == "comments" else data.load(name)
    return {"rows": len(df)}


def _load_masked(folder: str, work: str) -> dict:
    """Load the comments masked, with the masked-table cache in ``work``."""
    os.environ["LABKIT_DATA_DIR"] = folder
    os.environ["LABKIT_WORK_DIR"] = work
    os.environ.pop("LABKIT_MASKING", None)
    cached = bool(list(data.cache_dir(data.BUNDLED).glob("comments.*.parquet")))
    df = data.load("comments", mask=True)
    return {"rows": len(df), "from_cache": cached}


def _bundle(scale: int, regenerate: bool, comments: bool, results: list) -> Path:
    # the same folder as benchmarks.bench_audit (seed 2026, with comments): generated once
    folder = DATA / (f"scale{scale}" if comments else f"scale{scale}-nocomments")
    if regenerate or not (folder / "manifest.json").exists():
        res = measure(
            f"generate+write scale {scale}",
            "benchmarks.bench_data:_generate_write",
            str(folder),
            2026,
            scale,
            comments,
            repeat=1,
        )
        results.append(res.with_target(seconds=300))
    return folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_data")
    ap.add_argument("--scale", type=int, default=25, help="large scale (25: ~1,000,000 posts)")
    ap.add_argument("--regenerate", action="store_true", help="regenerate the large bundle")
    ap.add_argument(
        "--no-comments", action="store_true", help="skip comments (generation and loads)"
    )
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    comments = not args.no_comments
    results = []

    gen1 = measure(
        "generate scale 1", "benchmarks.bench_data:_generate", 2026, 1, comments, repeat=1
    )
    results.append(gen1)
    big = _bundle(args.scale, args.regenerate, comments, results)

    tables = ("posts", "comments") if comments else ("posts",)
    for label, folder, large in (("scale 1", COMMITTED, False), (f"scale {args.scale}", big, True)):
        for name in tables:
            path = str(folder / f"{name}.parquet")
            ref = measure(
                f"pyarrow read_table {name} {label}",
                "benchmarks.bench_data:_ref_read",
                path,
                repeat=args.repeat,
            )
            to_pd = measure(
                f"pyarrow->pandas {name} {label}",
                "benchmarks.bench_data:_ref_read_pandas",
                path,
                repeat=args.repeat,
            )
            res = measure(
                f"labkit load {name} {label}",
                "benchmarks.bench_data:_load",
                str(folder),
                name,
                False,
                repeat=args.repeat,
            )
            target = {"seconds": 2.0, "peak_mib": 1024} if (large and name == "posts") else {}
            results += [ref, to_pd.with_target(ref=ref), res.with_target(ref=ref, **target)]
            if name == "comments":
                # a work folder of the benchmark's own (never the user's), emptied first
                work = DATA / f"work-{label.replace(' ', '')}"
                shutil.rmtree(work, ignore_errors=True)
                masked = measure(
                    f"labkit load comments masked {label}",
                    "benchmarks.bench_data:_load_masked",
                    str(folder),
                    str(work),
                    repeat=1,
                )
                cached = measure(
                    f"  again, from the masked cache {label}",
                    "benchmarks.bench_data:_load_masked",
                    str(folder),
                    str(work),
                    repeat=args.repeat,
                )
                results += [masked.with_target(ref=res), cached.with_target(ref=res, ratio=1.5)]
                shutil.rmtree(work, ignore_errors=True)
    report("data", results)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
