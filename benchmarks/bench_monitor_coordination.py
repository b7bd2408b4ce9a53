"""Benchmark: near-duplicate clustering (copy-paste rings) of 1,000,000 comments.

Run with ``python -m benchmarks.bench_monitor_coordination [n]`` (default n = 1,000,000).

The comments are the bundled ones (236,576, bot ring included), replicated until there
are ``n``: every replica gets its own post, comment and author ids (so a replica is
another year of another set of accounts, not a copy of the same posts) and its texts are
perturbed the way people and bots vary them (a word added at the end, other casing, an
emoji), seeded. Each measurement reads the same Parquet file in a fresh process:

* ``read + normalize_texts`` (reference): read the file and normalise the text column
  with :func:`labkit.monitor.text.normalize_texts`, the floor of any text comparison;
* ``near_duplicates`` (target <= 60 s): read the file and run
  :func:`labkit.monitor.coordination.near_duplicates` with its defaults.

``detail`` carries the clusters and clustered comments found and, since the ring is
replicated with the data, how many of the replicated ring's comments were found.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.harness import measure, report

TARGET_SECONDS = 60.0
_TAILS = np.array(
    ["", "", " ya", " min", " 🙏", " 👍", " dong", "!!", " kak", " hehe"], dtype=object
)


def make_comments(n: int, seed: int = 2026) -> pd.DataFrame:
    """``n`` comments: the bundled ones replicated with new ids and perturbed texts.

    The column ``ring`` (ground truth copied from ``truth_comments``) is kept for the
    benchmark's own check; ``near_duplicates`` never reads it.
    """
    from labkit import data

    base = data.load("comments")[["post_id", "comment_id", "author", "created_at", "text"]]
    truth = data.load("truth_comments")
    base = base.assign(ring=truth["bot_ring"].fillna(False).to_numpy(bool))
    rng = np.random.default_rng(seed)
    parts, k = [], 0
    while sum(len(p) for p in parts) < n:
        part = base.copy()
        if k:
            suffix = f"~{k}"
            for col in ("post_id", "comment_id", "author"):
                part[col] = part[col].astype(object) + suffix
            tails = _TAILS[rng.integers(0, len(_TAILS), len(part))]
            texts = part["text"].astype(object).fillna("") + tails
            upper = rng.random(len(part)) < 0.05
            texts[upper] = texts[upper].str.upper()
            part["text"] = texts
        parts.append(part)
        k += 1
    out = pd.concat(parts, ignore_index=True).iloc[:n]
    for col in ("post_id", "comment_id", "author", "text"):
        out[col] = out[col].astype("string[pyarrow]")
    return out


def _read(path: str) -> pd.DataFrame:
    return pd.read_parquet(path)


def ref_normalize(path: str) -> dict:
    from labkit.monitor import text

    comments = _read(path)
    norm = text.normalize_texts(comments["text"])
    return {"rows": len(norm)}


def run_near_duplicates(path: str) -> dict:
    from labkit.monitor.coordination import near_duplicates

    comments = _read(path)
    found = near_duplicates(comments.drop(columns="ring"))
    ring = set(comments.loc[comments["ring"], "comment_id"])
    got = set(found["comment_id"])
    return {
        "rows": len(comments),
        "clusters": int(found["cluster_id"].nunique()) if len(found) else 0,
        "clustered_comments": len(found),
        "ring_precision": round(len(got & ring) / len(got), 3) if got else None,
        "ring_recall": round(len(got & ring) / len(ring), 3) if ring else None,
    }


def generate(n: int, path: str) -> dict:
    comments = make_comments(n)
    comments.to_parquet(path, index=False)
    return {"rows": len(comments), "ring_comments": int(comments["ring"].sum())}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "comments.parquet")
        made = measure("generate comments", "benchmarks.bench_monitor_coordination:generate", n,
                       path, repeat=1)  # fmt: skip
        ref = measure(
            f"read + normalize_texts ({n:,})",
            "benchmarks.bench_monitor_coordination:ref_normalize",
            path,
            repeat=1,
        )
        res = measure(
            f"near_duplicates ({n:,})",
            "benchmarks.bench_monitor_coordination:run_near_duplicates",
            path,
            repeat=1,
        )
    report(
        "monitor_coordination",
        [made, ref, res.with_target(seconds=TARGET_SECONDS, ref=ref)],
    )
    print(f"detail: {res.detail}")
    return 0 if res.met else 1


if __name__ == "__main__":
    sys.exit(main())
