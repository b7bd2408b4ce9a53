"""Benchmark: impostor search, 10,000 candidate handles against 100 official ones.

Run with ``python -m benchmarks.bench_impostors``. Target: under 1 second, and
the ratio to a plain ``rapidfuzz.process.cdist`` (fuzz.ratio) over the same two
lists, which is the least any fuzzy comparison of every pair costs.

Inputs are realistic and mostly unique: official handles are built from unit
words and fictional region names in several styles; candidates are citizens'
handles, other (legitimate) agencies' handles and about 3% planted impostors of
every style.
"""

from __future__ import annotations

import random
import sys

from rapidfuzz import fuzz, process

from benchmarks.harness import measure, report
from labkit.impostors import find_impostors

N_OFFICIAL = 100
N_CANDIDATES = 10_000

_UNITS = ["humas", "diskominfo", "dinkes", "dukcapil", "bpbd", "rsud", "kanwil", "pemkot", "pemkab"]
_LEVELS = ["kota", "kab", "prov", ""]
_SYL = ["ba", "ka", "ma", "ra", "su", "ti", "lo", "ngi", "wa", "de", "jo", "pu", "ri", "an", "tu"]
_NAMES = ["sari", "budi", "dewi", "agus", "rina", "eko", "putri", "andi", "wulan", "joko", "siti"]
_NAMES2 = ["santoso", "lestari", "wijaya", "pratama", "hidayat", "kusuma", "saputra", "rahayu"]


def _region(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))


def _official(rng: random.Random) -> str:
    unit, level, region = rng.choice(_UNITS), rng.choice(_LEVELS), _region(rng)
    parts = [p for p in (unit, level, region) if p]
    return rng.choice(["_", ".", ""]).join(parts)


def _impostor(rng: random.Random, handle: str) -> str:
    style = rng.choice(["separator", "word", "digits", "confusable"])
    if style == "separator":
        return handle.replace("_", ".") if "_" in handle else handle.replace(".", "_") + "_"
    if style == "word":
        return f"{handle}_{rng.choice(['official', 'resmi', 'info', 'id'])}"
    if style == "digits":
        return f"{handle}{rng.randint(1, 2025)}"
    for src, dst in (("m", "rn"), ("o", "0"), ("l", "1"), ("s", "5"), ("w", "vv")):
        if src in handle:
            return handle.replace(src, dst, 1)
    return handle + "1"


def make_inputs(seed: int = 0) -> tuple[list[str], list[str]]:
    """100 unique official handles and 10,000 candidates (about 3% impostors)."""
    rng = random.Random(seed)
    officials: list[str] = []
    while len(officials) < N_OFFICIAL:
        h = _official(rng)
        if h not in officials:
            officials.append(h)
    candidates: list[str] = []
    while len(candidates) < N_CANDIDATES:
        roll = rng.random()
        if roll < 0.03:
            candidates.append(_impostor(rng, rng.choice(officials)))
        elif roll < 0.10:
            candidates.append(_official(rng))  # other real agencies' accounts
        elif roll < 0.12:
            candidates.append(rng.choice(officials))  # the officials themselves
        else:
            sep = rng.choice(["_", ".", ""])
            tail = str(rng.randint(1, 9999)) if rng.random() < 0.5 else ""
            candidates.append(f"{rng.choice(_NAMES)}{sep}{rng.choice(_NAMES2)}{tail}")
    return officials, candidates


def _ref_cdist(officials: list[str], candidates: list[str]) -> dict:
    scores = process.cdist(candidates, officials, scorer=fuzz.ratio, workers=1)
    return {"pairs": int(scores.size)}


def _find(officials: list[str], candidates: list[str]) -> dict:
    found = find_impostors(officials, candidates)
    return {"flagged": len(found)}


def main(argv: list[str] | None = None) -> None:
    officials, candidates = make_inputs(0)
    args = (officials, candidates)
    ref = measure(
        "rapidfuzz cdist 10k x 100 (reference)", "benchmarks.bench_impostors:_ref_cdist", *args
    )
    res = measure("find_impostors 10k x 100", "benchmarks.bench_impostors:_find", *args)
    report("impostors", [ref, res.with_target(seconds=1.0, ref=ref, ratio=25)])


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
