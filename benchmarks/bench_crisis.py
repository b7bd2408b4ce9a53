"""Benchmark: lint of a 2,000-character crisis draft (the drafter lints on every keystroke).

Run with ``python -m benchmarks.bench_crisis``. Target: at most 20 ms per lint,
measured as 100 lints of a realistic 2,000-character holding statement (with
emoji, a URL, phone numbers and an over-limit length for X) in one process, so
at most 2 s in total. Reference: tokenising the same text 100 times with
``re.findall(r"\\w+", text.lower())``, the least any word-list check costs.
"""

from __future__ import annotations

import re
import sys

from benchmarks.harness import measure, report

N = 100
_PARAGRAPH = (
    "Senin, 3 Maret 2025 pukul 06.40 WIB banjir merendam 4 kelurahan di Kota Sukamaju 🌊. "
    "Kami turut prihatin atas musibah ini. Tim BPBD sedang mengevakuasi warga; hindari Jl. Merdeka. "
    "Penyebab belum diketahui. Warga dapat menghubungi 0811-0000-1234 atau https://bpbd.sukamaju.go.id/info. "
    "Informasi berikutnya pukul 10.00 WIB.\n"
)


def make_text(size: int = 2000) -> str:
    text = (_PARAGRAPH * (size // len(_PARAGRAPH) + 1))[:size]
    return text


def _ref_tokens(text: str) -> dict:
    n = 0
    for _ in range(N):
        n += len(re.findall(r"\w+", text.lower()))
    return {"tokens": n // N}


def _lint(text: str) -> dict:
    from labkit.crisis import lint

    lint("pemanasan", platform="x", kind="holding")  # word lists loaded and compiled once
    found = 0
    for _ in range(N):
        found = len(lint(text, platform="x", kind="holding", official_contacts=["0811-0000-1234"]))
    return {"findings": found, "lints": N, "chars": len(text)}


def main(argv: list[str] | None = None) -> None:
    text = make_text()
    ref = measure("re.findall words x100 (reference)", "benchmarks.bench_crisis:_ref_tokens", text)
    res = measure("crisis.lint 2,000 chars x100", "benchmarks.bench_crisis:_lint", text)
    report("crisis", [ref, res.with_target(seconds=N * 0.020, ref=ref)])
    print(f"per lint: {res.seconds / N * 1000:.2f} ms (target 20 ms)")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
