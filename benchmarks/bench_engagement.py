"""Benchmark: module 2's full summary (every breakdown) over ~1,000,000 posts.

Target: :func:`labkit.engagement.summaries` with every breakdown of
:data:`labkit.engagement.BREAKDOWNS` (engagement rate by followers at posting
time, median with its order-statistic interval, n, low-n flags) in at most
2 s, beside a reference timed in the same process on the same posts: a bare
pandas ``groupby(...).median()`` of a float column for each of the seven
breakdown keys (ratio reported).

Two figures are reported: with topics tagged from the captions inside the
timed call (what a first call on imported data costs), and with topics
already tagged (a ``topic`` column, as a dashboard keeps it between updates).

The input is the fictional universe at scale 25 (seed 2026): the bundle of
``benchmarks.bench_data`` in ``benchmarks/_data/scale25/`` when its checksums
match, else our own copy (without comments) generated once into
``benchmarks/_data/engagement_scale25/`` (git-ignored; a few minutes, ~5 GiB).

Run::

    python -m benchmarks.bench_engagement
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.harness import Result, measure, report, scale25_universe

TABLES = ("accounts", "posts", "followers")
TARGET_SECONDS = 2.0


def _load(folder: str) -> dict:
    from labkit import data

    return {n: data.read_table(Path(folder) / f"{n}.parquet", n) for n in TABLES}


def _run(folder: str) -> dict:
    """Load (not counted); reference groupby-medians; summaries with and without tagging."""
    import numpy as np
    import pandas as pd

    from labkit import engagement

    t = _load(folder)
    posts, accounts, followers = t["posts"], t["accounts"], t["followers"]
    # reference: a bare pandas groupby-median per breakdown key on a float column
    keys = pd.DataFrame(
        {
            "platform": posts["platform"],
            "account": posts["account"],
            "content_type": posts["content_type"],
            "hour": posts["published_at"].dt.hour,
            "weekday": posts["published_at"].dt.day_of_week,
            "v": posts["likes"].astype("float64"),
        }
    )
    keys["agency"] = keys["account"]
    keys["topic"] = keys["content_type"]
    t0 = time.perf_counter()
    for k in ("agency", "account", "platform", "content_type", "topic", "hour", "weekday"):
        keys.groupby(k, observed=True)["v"].median()
    t1 = time.perf_counter()
    full = engagement.summaries(posts, accounts=accounts, followers=followers)
    t2 = time.perf_counter()
    tagged = posts.assign(topic=engagement.tag_topics(posts))
    t3 = time.perf_counter()
    again = engagement.summaries(tagged, accounts=accounts, followers=followers)
    t4 = time.perf_counter()
    assert set(full) == set(again) == set(engagement.BREAKDOWNS)
    cells = int(sum(len(s) for s in full.values()))
    return {
        "reference_seconds": round(t1 - t0, 3),
        "summary_with_tagging_seconds": round(t2 - t1, 3),
        "tagging_seconds": round(t3 - t2, 3),
        "summary_topics_given_seconds": round(t4 - t3, 3),
        "posts": len(posts),
        "accounts": len(accounts),
        "cells": cells,
        "n_with_rate": int(np.asarray(full["platform"]["n"]).sum()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    folder = scale25_universe("engagement_scale25", TABLES, comments=False)
    runs = [
        measure("load + summaries", "benchmarks.bench_engagement:_run", str(folder), repeat=1)
        for _ in range(args.repeat)
    ]
    best = min(runs, key=lambda r: r.detail["summary_topics_given_seconds"])
    d = best.detail
    peak = max(r.peak_mib for r in runs)
    extra = {**d, "runs": [r.detail for r in runs]}
    ref = Result(
        f"pandas groupby-median x7 (reference, {d['posts']} posts)",
        d["reference_seconds"],
        peak,
        len(runs),
        extra,
    )
    with_tags = Result(
        "summaries, every breakdown, topics tagged in the call",
        d["summary_with_tagging_seconds"],
        peak,
        len(runs),
        extra,
    ).with_target(seconds=TARGET_SECONDS, ref=ref)
    given = Result(
        "summaries, every breakdown, topics already tagged",
        d["summary_topics_given_seconds"],
        peak,
        len(runs),
        extra,
    ).with_target(seconds=TARGET_SECONDS, ref=ref)
    report("engagement", [ref, with_tags, given])
    return 0 if given.met else 1


if __name__ == "__main__":
    sys.exit(main())
