"""Benchmark: reading a 1,000,000-row Meta Business Suite Facebook post export.

Target (see docs/importers.md): ``labkit.ingest.read_export`` on the file takes at
most 1.5x the time of a bare ``pandas.read_csv(path, engine="pyarrow")`` of the same
file in the same run (median of three), with at most 3 GiB peak memory; the same
holds on a file whose captions are drawn from only 50 different texts.

The file is generated once into ``benchmarks/_data/`` (gitignored), realistically:
UTF-8 with BOM, the 33-column layout, mostly unique captions in Title or
Description (some with line breaks, emoji and "math-bold" letters), counts written
like ``"12,400"``, 17-digit post ids, ``MM/DD/YYYY HH:MM`` times, ``Lifetime`` dates.

Run::

    python -m benchmarks.bench_ingest            # 1,000,000 rows
    python -m benchmarks.bench_ingest --rows 100000 --repeat 1
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DATA = Path(__file__).resolve().parent / "_data"

_WORDS = (
    "layanan paspor imigrasi kantor warga informasi jadwal antrean daring pendaftaran "
    "vaksinasi posyandu puskesmas rumah sakit rujukan bpjs dukcapil ktp kartu keluarga akta "
    "kelahiran bencana banjir longsor gempa siaga evakuasi posko bantuan logistik relawan "
    "jalan rusak perbaikan drainase sampah kebersihan pasar harga beras cabai minyak stok "
    "aman inflasi umkm pelatihan beasiswa sekolah guru siswa ujian libur hari besar nasional "
    "upacara kemerdekaan selamat ulang tahun kota kabupaten provinsi bupati wali gubernur "
    "rapat koordinasi forum konsultasi publik musrenbang anggaran transparansi ppid "
    "pengaduan lapor hoaks klarifikasi waspada penipuan tautan resmi akun terverifikasi "
    "pengumuman penting mohon perhatian terima kasih partisipasi masyarakat bersama kita "
    "bisa sehat cerdas maju sejahtera aman nyaman tertib lalu lintas dishub parkir terminal "
    "bus angkot ojek stasiun bandara pelabuhan mudik arus balik cuaca bmkg hujan lebat angin"
).split()
_TAGS = ("#InfoPublik", "#Humas", "#PelayananPrima", "#SigapBencana", "#KotaContoh", "#GPR")
_EMOJI = ("📢", "✅", "🙏", "🇮🇩", "⚠️", "📍", "🗓️", "👉")


def _math_bold(word: str) -> str:
    out = []
    for ch in word:
        if "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - ord("a")))
        else:
            out.append(ch)
    return "".join(out)


def _captions(rng: np.random.Generator, n: int, newlines: bool) -> list[str]:
    words = np.array(_WORDS, dtype=object)
    lengths = rng.integers(4, 30, size=n)
    picks = rng.integers(0, len(words), size=int(lengths.sum()))
    serial = rng.integers(0, 10**6, size=n)
    out = []
    pos = 0
    for i in range(n):
        k = int(lengths[i])
        ws = list(words[picks[pos : pos + k]])
        pos += k
        if i % 7 == 0:
            ws[0] = _math_bold(ws[0])
        text = " ".join(ws).capitalize()
        if i % 3 == 0:
            text = f"{_EMOJI[i % len(_EMOJI)]} {text}"
        if i % 5 == 0:
            sep = "\n\n" if newlines else " "
            text += sep + " ".join(_TAGS[: 1 + i % len(_TAGS)])
        out.append(f"{text} (no. {serial[i]})")
    return out


def _counts(rng: np.random.Generator, n: int, scale: float) -> np.ndarray:
    return np.floor(rng.lognormal(np.log(scale), 1.3, size=n)).astype(np.int64)


def _fmt_counts(values: np.ndarray) -> pa.Array:
    """Format counts as Meta does: thousands with commas ("12,400")."""
    return pa.array([f"{int(v):,}" for v in values], pa.string())


def make_facebook_export(
    path: Path,
    rows: int,
    *,
    newlines: bool = False,
    distinct: int | None = None,
    seed: int = 20260101,
) -> Path:
    """Write a realistic Meta Business Suite Facebook post export of ``rows`` rows.

    ``distinct``: draw the captions from only that many different texts (an
    account that reposts the same announcements), instead of mostly unique ones.
    """
    from labkit.ingest.layouts import META_FB_POSTS

    rng = np.random.default_rng(seed)
    n = rows
    base = 1_221_580_000_000_000_00
    post_ids = base + np.arange(n, dtype=np.int64) * 7919 + rng.integers(0, 7000, size=n)
    seconds = np.sort(rng.integers(0, 3 * 365 * 86400, size=n))
    start = np.datetime64("2023-01-01T00:00")
    times = start + seconds.astype("timedelta64[s]")
    times_txt = pc.strftime(pa.array(times.astype("datetime64[s]")), format="%m/%d/%Y %H:%M")
    ptype = rng.choice(["Photos", "Videos", "Reels", "Links"], size=n, p=[0.45, 0.3, 0.2, 0.05])
    if distinct:
        pool = _captions(rng, distinct, newlines)
        captions = [pool[i] for i in rng.integers(0, distinct, size=n)]
    else:
        captions = _captions(rng, n, newlines)
    video = np.isin(ptype, ["Videos", "Reels"])
    title = [c if v else "" for c, v in zip(captions, video, strict=True)]
    desc = ["" if v else c for c, v in zip(captions, video, strict=True)]
    reach = _counts(rng, n, 3000)
    reactions = _counts(rng, n, 40)
    comments = _counts(rng, n, 5)
    shares = _counts(rng, n, 4)
    views = reach + _counts(rng, n, 900)
    page_id = "104857600012345"
    cols: dict[str, pa.Array] = {}
    for col in META_FB_POSTS.columns:
        if col == "Post ID":
            arr = pa.array([str(v) for v in post_ids])
        elif col == "Page ID":
            arr = pa.array([page_id] * n)
        elif col == "Page name":
            arr = pa.array(["Diskominfo Kota Contoh"] * n)
        elif col == "Title":
            arr = pa.array(title)
        elif col == "Description":
            arr = pa.array(desc)
        elif col == "Publish time":
            arr = times_txt
        elif col == "Permalink":
            arr = pa.array(
                [f"https://www.facebook.com/kotacontoh/posts/pfbid0{v:x}" for v in post_ids]
            )
        elif col == "Post type":
            arr = pa.array(ptype.tolist())
        elif col == "Date":
            arr = pa.array(["Lifetime"] * n)
        elif col == "Views":
            arr = _fmt_counts(views)
        elif col == "Reach":
            arr = _fmt_counts(reach)
        elif col == "Reactions, Comments and Shares":
            arr = _fmt_counts(reactions + comments + shares)
        elif col == "Reactions":
            arr = _fmt_counts(reactions)
        elif col == "Comments":
            arr = _fmt_counts(comments)
        elif col == "Shares":
            arr = _fmt_counts(shares)
        elif col == "Duration (sec)":
            arr = pa.array(
                [
                    str(int(d)) if v else ""
                    for d, v in zip(rng.integers(5, 600, n), video, strict=True)
                ]
            )
        elif col in ("Total clicks", "Other Clicks", "Link Clicks", "Seconds viewed"):
            arr = _fmt_counts(_counts(rng, n, 30))
        else:
            arr = pa.array([""] * n)
        cols[col] = arr
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    lists = [cols[c].to_pylist() for c in META_FB_POSTS.columns]
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(META_FB_POSTS.columns)
        writer.writerows(zip(*lists, strict=True))
    tmp.replace(path)
    return path


def facebook_file(rows: int, *, newlines: bool = False, distinct: int | None = None) -> Path:
    """Path of the generated ``rows``-row export (generated on first use).

    ``newlines=True``: one caption in five has line breaks (as real captions do);
    ``pandas.read_csv(engine="pyarrow")`` cannot read such a file, so the
    reference measurement uses the file without them.
    """
    tag = ("_nl" if newlines else "") + (f"_d{distinct}" if distinct else "")
    path = DATA / f"facebook_posts_{rows}{tag}.csv"
    if not path.exists():
        make_facebook_export(path, rows, newlines=newlines, distinct=distinct)
    return path


def _ref_read(path: str) -> dict:
    import time

    cpu = time.process_time()
    import pandas as pd

    df = pd.read_csv(path, engine="pyarrow")
    # CPU seconds (all threads): less sensitive than wall time to a busy shared machine
    return {"rows": len(df), "cpu_s": round(time.process_time() - cpu, 3)}


def _labkit_read(path: str) -> dict:
    import time
    import warnings

    cpu = time.process_time()
    from labkit.ingest import read_export

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = read_export(path, account="kotacontoh", tz="Asia/Jakarta")
    return {"rows": len(df), "cpu_s": round(time.process_time() - cpu, 3)}


def _median(runs: list):
    """One result from single runs: the median time, the largest peak memory."""
    from dataclasses import replace
    from statistics import median

    cpu = [r.detail.get("cpu_s") for r in runs if r.detail.get("cpu_s") is not None]
    detail = dict(runs[0].detail, cpu_s=median(cpu)) if cpu else runs[0].detail
    return replace(
        runs[0],
        seconds=median(r.seconds for r in runs),
        peak_mib=max(r.peak_mib for r in runs),
        repeat=len(runs),
        detail=detail,
    )


def _pair(ref_name: str, name: str, path: Path, repeat: int, ratio: float):
    """The reference read and labkit's read of ``path``, alternated, each the median of ``repeat``.

    Alternating the two (each run in its own process) exposes both to the same
    load of a shared machine, so their ratio means what it says.
    """
    from benchmarks.harness import measure

    refs, runs = [], []
    for _ in range(repeat):
        refs.append(measure(ref_name, "benchmarks.bench_ingest:_ref_read", str(path), repeat=1))
        runs.append(measure(name, "benchmarks.bench_ingest:_labkit_read", str(path), repeat=1))
    ref = _median(refs)
    return ref, _median(runs).with_target(peak_mib=3072, ref=ref, ratio=ratio)


def main(argv: list[str] | None = None) -> None:
    from benchmarks.harness import measure, report

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--distinct", type=int, default=50, help="distinct captions in the few-captions case"
    )
    ap.add_argument(
        "--no-newlines",
        action="store_true",
        help="skip the extra measurement on captions with line breaks",
    )
    args = ap.parse_args(argv)
    path = facebook_file(args.rows)
    size_mib = path.stat().st_size / 2**20
    ref, res = _pair(
        f"pandas.read_csv pyarrow ({args.rows:,} rows, {size_mib:.0f} MiB)",
        "labkit.ingest.read_export facebook posts",
        path,
        args.repeat,
        1.5,
    )
    results = [ref, res]
    # An account that reposts the same few announcements: few distinct captions make
    # the file (and the reference read) cheaper, so any per-row cost shows up in the
    # ratio. Its reference is the bare read of the same file.
    few = facebook_file(args.rows, distinct=args.distinct)
    results += _pair(
        f"pandas.read_csv pyarrow, {args.distinct} distinct captions",
        f"read_export, {args.distinct} distinct captions",
        few,
        args.repeat,
        1.5,
    )
    if not args.no_newlines:
        # Real captions contain line breaks; pandas' pyarrow engine cannot read such a
        # file at all, so the same reference (file without them, same size) is used.
        nl = facebook_file(args.rows, newlines=True)
        runs = [
            measure(
                "read_export, 1 caption in 5 with line breaks",
                "benchmarks.bench_ingest:_labkit_read",
                str(nl),
                repeat=1,
            )
            for _ in range(args.repeat)
        ]
        results.append(_median(runs).with_target(peak_mib=3072, ref=ref, ratio=2.0))
    report("ingest", results)


if __name__ == "__main__":
    main()
