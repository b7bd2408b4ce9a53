"""Benchmark: masking personal data in 1,000,000 mostly distinct comments.

Run with ``python -m benchmarks.bench_privacy [n]`` (default n = 1,000,000).

The comments are generated here (seeded): Indonesian-style sentences built from
word lists, most of them unique, many with harmless numbers (money, times,
dates, counts, letter numbers, post ids, 16-digit VA numbers after a cue), and
about 2% with personal data (NIK, mobile numbers in several formats, e-mails,
@handles). Each measurement reads the same Parquet file in a fresh process:

* ``read + utf8_length`` (reference): read the file and run
  ``pyarrow.compute.utf8_length`` on the column, the floor of any column pass;
* ``plain re.sub loop`` (second reference): one combined ``re.sub`` per comment
  in a Python loop, the naive approach;
* ``redact_series`` (target <= 5 s): :func:`labkit.privacy.redact_series`, the
  function ``data.load("comments")`` uses.

The result ``detail`` carries the time of the masking step alone (without the
read) and how many rows were candidates and changed.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from benchmarks.harness import measure, report

TARGET_SECONDS = 5.0

_OPEN = [
    "min",
    "kak",
    "pak",
    "bu",
    "tolong",
    "mohon",
    "permisi",
    "halo",
    "admin",
    "wah",
    "astaga",
    "alhamdulillah",
]
_WORDS = (
    "pelayanan antrean paspor ktp kk bansos vaksin puskesmas jalan rusak banjir lampu "
    "sampah pasar sekolah guru bidan rumah sakit loket aplikasi online daftar syarat "
    "berkas jadwal informasi kecamatan kelurahan desa warga kami saya sudah belum kapan "
    "kenapa gimana bagaimana tolong dicek mohon dibantu terima kasih mantap lambat cepat "
    "ramah petugas kantor buka tutup libur hari ini besok kemarin minggu bulan tahun data "
    "sistem error gagal login website lapor aduan respon balas komentar akun resmi hoaks "
    "berita benar salah klarifikasi bantuan subsidi listrik air pdam jembatan irigasi"
).split()
_CLOSE = ["ya", "ya min", "makasih", "🙏", "!!", "?", "dong", "deh", "please", "segera", ".", ""]


def _harmless(rng: np.random.Generator) -> str:
    k = rng.integers(0, 12)
    if k == 0:
        return f"Rp {rng.integers(1, 999)}.{rng.integers(0, 999):03d}.000"
    if k == 1:
        return f"jam {rng.integers(6, 22):02d}.{rng.choice([0, 15, 30, 45]):02d}"
    if k == 2:
        return f"{rng.integers(1, 28):02d}-{rng.integers(1, 12):02d}-20{rng.integers(20, 27)}"
    if k == 3:
        return f"{rng.integers(1, 999)}.{rng.integers(0, 999):03d} orang"
    if k == 4:
        return f"nomor {rng.integers(100, 999)}/{rng.integers(1, 9999)}/Diskominfo/2026"
    if k == 5:
        return f"status/1{rng.integers(10**17, 10**18 - 1)}"
    if k == 6:
        return f"VA {rng.integers(10**15, 10**16 - 1)}"
    if k == 7:
        return f"{rng.integers(5, 500)}rb"
    if k == 8:
        return f"versi {rng.integers(1, 20)}.{rng.integers(0, 20)}.{rng.integers(0, 99)}"
    if k == 9:
        return (
            f"{rng.integers(1, 28)} {rng.integers(1, 12):02d} 20{rng.integers(20, 27)} pukul 08.00"
        )
    if k == 10:
        return f"loket {rng.integers(1, 20)}, antrean {rng.integers(1, 400)}"
    return f"hotline 1500-{rng.integers(100, 999)}"


def _pii(rng: np.random.Generator) -> str:
    k = rng.integers(0, 8)
    d = "".join(str(x) for x in rng.integers(0, 10, 8))
    if k == 0:
        return (
            f"NIK {rng.integers(11, 96)}{rng.integers(10**11, 10**12 - 1)}{rng.integers(1, 9):02d}"
        )
    if k == 1:
        return f"WA 08{rng.integers(11, 99)}-{d[:4]}-{d[4:]}"
    if k == 2:
        return f"hp +62 8{rng.integers(11, 99)} {d[:4]} {d[4:]}"
    if k == 3:
        return f"(08{rng.integers(11, 99)}) {d[:4]}.{d[4:]}"
    if k == 4:
        return f"email warga{d}@gmail.com"
    if k == 5:
        return f"@user_{d}"
    if k == 6:
        n = f"{rng.integers(11, 96)}{d}{d[:6]}"
        return f"no kk {n[:4]} {n[4:8]} {n[8:12]} {n[12:16]}"
    return f"62{rng.integers(811, 899)}{d}"


def make_comments(n: int, seed: int = 2026) -> pd.Series:
    """``n`` realistic, mostly distinct comments (about 2% with personal data)."""
    rng = np.random.default_rng(seed)
    words = np.array(_WORDS)
    lengths = rng.integers(4, 16, n)
    picks = rng.integers(0, len(words), lengths.sum())
    out = []
    pos = 0
    kind = rng.random(n)
    for i in range(n):
        w = words[picks[pos : pos + lengths[i]]]
        pos += lengths[i]
        parts = [_OPEN[i % len(_OPEN)], *w[: len(w) // 2]]
        if kind[i] < 0.02:
            parts.append(_pii(rng))
        elif kind[i] < 0.30:
            parts.append(_harmless(rng))
        parts.extend(w[len(w) // 2 :])
        parts.append(_CLOSE[i % len(_CLOSE)])
        out.append(" ".join(parts))
    return pd.Series(out, dtype=pd.StringDtype(), name="text")


def _read(path: str) -> pd.Series:
    table = pq.read_table(path)
    return table.column("text").to_pandas(types_mapper={pa.large_string(): pd.StringDtype()}.get)


def ref_length(path: str) -> dict:
    """Reference: read the column and compute ``utf8_length`` over it."""
    arr = pq.read_table(path).column("text")
    t0 = time.perf_counter()
    total = pc.sum(pc.utf8_length(arr)).as_py()
    return {"step_seconds": round(time.perf_counter() - t0, 3), "chars": total}


_NAIVE = re.compile(
    r"(?<!\d)\d{16}(?!\d)|(?:\+62|62|0)8[1-9][\d\s.-]{7,13}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+"
)


def ref_resub(path: str) -> dict:
    """Second reference: a plain Python ``re.sub`` loop over every comment."""
    s = _read(path)
    t0 = time.perf_counter()
    out = [_NAIVE.sub("[X]", t) for t in s.tolist()]
    return {"step_seconds": round(time.perf_counter() - t0, 3), "rows": len(out)}


def run_redact(path: str) -> dict:
    """labkit.privacy.redact_series over the column."""
    from labkit.privacy import redact_series

    s = _read(path)
    t0 = time.perf_counter()
    out = redact_series(s, keep_handles=["humas_sukamaju"], keep_numbers=["0811-2233-4455"])
    return {"step_seconds": round(time.perf_counter() - t0, 3), "rows": len(out)}


def stats(s: pd.Series) -> dict:
    """Candidate and changed rows (computed once, outside the timed runs)."""
    from labkit.privacy import redact_series
    from labkit.privacy.detect import candidates

    out = redact_series(s)
    return {
        "rows": len(s),
        "distinct": int(s.nunique()),
        "candidates": int(candidates(pa.array(s)).sum()),
        "changed": int((out != s).sum()),
    }


def generate(n: int, path: str) -> dict:
    """Write ``n`` comments to ``path`` (Parquet); return their statistics."""
    s = make_comments(n)
    pq.write_table(pa.table({"text": pa.array(s)}), path)
    return stats(s)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "comments.parquet")
        # generated in a child process, so this process stays small and the
        # children's peak memory is their own
        gen = measure(f"generate ({n:,})", "benchmarks.bench_privacy:generate", n, path, repeat=1)
        print(f"generated in {gen.seconds:.1f}s: {gen.detail}")
        ref = measure(f"read + utf8_length ({n:,})", "benchmarks.bench_privacy:ref_length", path)
        naive = measure(
            f"plain re.sub loop ({n:,})", "benchmarks.bench_privacy:ref_resub", path, repeat=1
        )
        res = measure(f"redact_series ({n:,})", "benchmarks.bench_privacy:run_redact", path)
        scale = n / 1_000_000
        report(
            "privacy",
            [
                ref,
                naive.with_target(ref=ref),
                res.with_target(seconds=TARGET_SECONDS * scale, ref=ref),
            ],
        )
        for r in (ref, naive, res):
            print(f"  {r.name}: {r.detail}")


if __name__ == "__main__":
    main()
