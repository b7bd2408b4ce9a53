"""Exercises of notebook 01_audit_akun (auditing an agency's social media accounts).

On the bundled universe, answers are checked against its ground truth
(``truth_*`` tables), read at check time; nothing here is used by
:mod:`labkit.audit` itself. On the trainee's own data (``data.use(...)`` or
``LABKIT_SOURCE``) there is no ground truth: an answer is compared with what
the lab's audit finds in the same data, and the feedback says so.
Accounts are named by ``(platform, handle)`` pairs, because the same handle can
exist on two platforms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from labkit import data
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.check.feedback import Status
from labkit.exercises import register

Pairs = set[tuple[str, str]]

_OWN_NOTE = {
    "id": "Ini data Anda sendiri: tidak ada kunci jawaban, jadi jawaban dibandingkan dengan hasil audit lab atas data yang sama.",
    "en": "These are your own data: there is no answer key, so the answer is compared with the lab's audit of the same data.",
}
_NO_SEARCH_NOTE = {
    "id": "Data ini tidak memuat hasil pencarian akun, jadi belum ada akun palsu yang dapat ditemukan. Catat hasil pencarian nama instansi di templat hasil pencarian (inventory.write_search_template) lalu impor ulang untuk mencarinya.",
    "en": "These data hold no account search results, so no impostor can be found yet. List the results of searching for the agency's name in the search-results template (inventory.write_search_template) and import again to look for them.",
}
_reference: dict[tuple, Any] = {}


def _own_data() -> bool:
    return data.current_source() != data.BUNDLED


def reference_report():
    """The lab's audit of the current own dataset (what an own-data answer is compared with).

    Cached until the dataset's files change.
    """
    from labkit import audit, owndata

    src = data.current_source()
    folder = data.own_data_dir(src)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.parquet")))
    key = (src, stamp)
    if key not in _reference:
        _reference.clear()
        comments = data.load("comments", mask=False) if data.has_table("comments") else None
        _reference[key] = audit.audit(
            data.load("accounts"),
            owndata.load_or_none("posts"),
            comments,
            search_results=owndata.load_or_none("search_results"),
            agencies=owndata.load_or_none("agencies"),
        )
    return _reference[key]


def _pairs(df: pd.DataFrame, account: str = "account") -> Pairs:
    return set(zip(df["platform"].astype(str), df[account].astype(str), strict=True))


def _defect(name: str) -> Pairs:
    if _own_data():
        found = reference_report().problems()
        return _pairs(found.loc[found["problem"] == name])
    truth = data.load("truth_account_defects", source=data.BUNDLED)
    return _pairs(truth.loc[truth["defect"] == name])


def _impostors() -> Pairs:
    if _own_data():
        return _pairs(reference_report().impostors(), "candidate")
    return _pairs(data.load("truth_impostors", source=data.BUNDLED), "candidate")


class AuditAnswer(EqualityProblem):
    """An :class:`EqualityProblem` whose feedback says when the data are the trainee's own."""

    def __init__(
        self, expected: Callable[[], Any], *, own_note: Callable[[], Any] | None = None, **kw: Any
    ) -> None:
        super().__init__(expected, **kw)
        self._own_note = own_note or (lambda: _OWN_NOTE)

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        status, detail = super()._grade(answer)
        if status is Status.CORRECT and _own_data():
            return status, self._own_note()
        return status, detail


def _impostor_note() -> dict[str, str]:
    return _OWN_NOTE if data.has_table("search_results") else _NO_SEARCH_NOTE


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


q1 = AuditAnswer(
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

q2 = AuditAnswer(
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

q3 = AuditAnswer(
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

q5 = AuditAnswer(
    _impostors,
    own_note=_impostor_note,
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
