"""Exercises of notebook 01_audit_akun (auditing an agency's social media accounts).

Answers are checked against the universe's ground truth (``truth_*`` tables),
read at check time; nothing here is used by :mod:`labkit.audit` itself.
Accounts are named by ``(platform, handle)`` pairs, because the same handle can
exist on two platforms.
"""

from __future__ import annotations

import pandas as pd

from labkit import data
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.exercises import register


def _defect(name: str) -> set[tuple[str, str]]:
    truth = data.load("truth_account_defects")
    sel = truth.loc[truth["defect"] == name]
    return set(zip(sel["platform"].astype(str), sel["account"].astype(str), strict=True))


def _impostors() -> set[tuple[str, str]]:
    truth = data.load("truth_impostors")
    return set(zip(truth["platform"].astype(str), truth["candidate"].astype(str), strict=True))


def _needs_reply_example(text: object) -> tuple[bool, dict[str, str] | None]:
    from labkit.audit.needs_reply import classify

    if not isinstance(text, str) or not text.strip():
        return False, {
            "id": "Tulis komentar sebagai teks di antara tanda kutip.",
            "en": "Write the comment as text between quotes.",
        }
    kind = classify(pd.Series([text])).iloc[0]
    if kind == "none":
        return False, {
            "id": "Menurut aturan, komentar ini tidak perlu dijawab. Coba tulis pertanyaan atau aduan warga.",
            "en": "By the rules, this comment needs no reply. Try a citizen's question or complaint.",
        }
    return True, None


q1 = EqualityProblem(
    lambda: _defect("dormant"),
    hints=[
        {
            "id": "Akun dorman = unggahan terakhirnya lebih dari 90 hari sebelum tanggal audit. Lihat kolom `problem` di `masalah`.",
            "en": "A dormant account's last post is over 90 days before the audit date. Look at the `problem` column of `masalah`.",
        },
        {
            "id": "Saring baris dengan `masalah.query(\"problem == 'dormant'\")`, lalu ambil pasangan (platform, akun).",
            "en": "Filter with `masalah.query(\"problem == 'dormant'\")`, then take the (platform, account) pairs.",
        },
    ],
    solution=(
        "dorman = masalah.query(\"problem == 'dormant'\")\n"
        "akun_dorman = set(zip(dorman['platform'], dorman['account']))"
    ),
)

q2 = EqualityProblem(
    lambda: _defect("inactive"),
    hints=[
        {
            "id": "Akun tidak aktif: unggahan terakhir antara 30 dan 90 hari sebelum tanggal audit (kode `inactive`).",
            "en": "Inactive: last post between 30 and 90 days before the audit date (code `inactive`).",
        },
        {
            "id": "Sama seperti Latihan 1, dengan `problem == 'inactive'`.",
            "en": "As in Exercise 1, with `problem == 'inactive'`.",
        },
    ],
    solution=(
        "tidak_aktif = masalah.query(\"problem == 'inactive'\")\n"
        "akun_tidak_aktif = set(zip(tidak_aktif['platform'], tidak_aktif['account']))"
    ),
)

q3 = EqualityProblem(
    lambda: _defect("duplicate_account"),
    hints=[
        {
            "id": "Akun ganda = dua akun instansi dan unit yang sama di platform yang sama. Keduanya perlu ditindaklanjuti.",
            "en": "Duplicates = two accounts of the same agency and unit on one platform. Both need follow-up.",
        },
        {"id": "Kodenya `duplicate_account`.", "en": "Its code is `duplicate_account`."},
    ],
    solution=(
        "ganda = masalah.query(\"problem == 'duplicate_account'\")\n"
        "akun_ganda = set(zip(ganda['platform'], ganda['account']))"
    ),
)

q5 = EqualityProblem(
    _impostors,
    hints=[
        {
            "id": "Akun peniru ada di tabel `peniru` (kolom `candidate`), per platform.",
            "en": "Impostors are in the `peniru` table (column `candidate`), per platform.",
        },
        {
            "id": "Ambil pasangan (platform, candidate) dengan `set(zip(...))`.",
            "en": "Take the (platform, candidate) pairs with `set(zip(...))`.",
        },
    ],
    solution="akun_peniru = set(zip(peniru['platform'], peniru['candidate']))",
)

q4 = CustomProblem(
    _needs_reply_example,
    hints=[
        {
            "id": "Komentar perlu dijawab bila berisi pertanyaan (kapan, bagaimana, berapa, '?') atau aduan (lama, belum, gagal, tolong).",
            "en": "A comment needs a reply if it asks (kapan, bagaimana, berapa, '?') or complains (lama, belum, gagal, tolong).",
        },
        {
            "id": 'Contoh: "Kapan loket paspor buka hari Sabtu?"',
            "en": 'Example: "Kapan loket paspor buka hari Sabtu?"',
        },
    ],
    solution='komentar_saya = "Kapan loket paspor buka hari Sabtu?"',
)

q6 = ThoughtProblem(
    hints=[
        {
            "id": "Lihat butir yang gagal dengan bobot terbesar dan yang paling mudah diperbaiki minggu ini.",
            "en": "Look at the failing items with the largest weight and those easiest to fix this week.",
        }
    ],
    solution_text={
        "id": (
            "Tidak ada satu jawaban benar. Yang kuat biasanya: (1) akun peniru dilaporkan hari ini karena "
            "merugikan warga; (2) akun dorman/ganda ditutup atau dihidupkan dengan rencana; (3) profil pribadi "
            "dipindah ke Halaman. Sebut bukti (akun, tanggal, angka dan pembaginya) dan siapa penanggung jawabnya."
        ),
        "en": (
            "There is no single right answer. Strong ones usually: (1) report impostors today because they harm "
            "citizens; (2) close or revive dormant/duplicate accounts with a plan; (3) move personal profiles to "
            "Pages. Give the evidence (account, date, number and its denominator) and who is responsible."
        ),
    },
)

EXERCISES = register("01_audit_akun", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5, q6=q6)
__all__ = ["____", "q1", "q2", "q3", "q4", "q5", "q6", "EXERCISES"]
