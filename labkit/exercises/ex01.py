"""Exercises of notebook 01_audit_akun (auditing an agency's social media accounts).

The exercises ask the trainee to *derive* what the audit reports, with one
readable step each, and to judge it:

- ``q1`` (a, b, c): the last post per account (one ``groupby``), the days since
  it, the dormant accounts; then the notebook compares them with the audit.
- ``q2`` (a, b, c): accounts per agency and platform (one ``groupby``), the
  groups with more than one, and which account of each pair to close.
- ``q3``: a comment that needs a reply; ``q4``: the impostors; ``q5``: priorities.

Expected values of ``q1`` and ``q2`` are computed here from the raw ``posts``
and ``accounts`` tables, independently of :mod:`labkit.audit`, so they check
the trainee's computation on any data, including the trainee's own. On the
bundled universe, the dormant accounts are the ground truth (``truth_*``).
Only ``q4`` (impostors) has no independent computation on own data: it is
compared with the audit of the same data, and the feedback says what a
"correct" then means. Accounts are named by ``(platform, handle)`` pairs,
because the same handle can exist on two platforms. Solutions are the tagged
cells of ``notebooks/solutions/01_audit_akun.ipynb``
(:mod:`labkit.check.solutions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from labkit import data
from labkit.check import (
    CustomProblem,
    EqualityProblem,
    MultipartProblem,
    ThoughtProblem,
    ____,
)
from labkit.check.feedback import Status
from labkit.exercises import register

Pairs = set[tuple[str, str]]

DORMANT_DAYS = 90
"""Days without a post after which an account is dormant (the rubric's ACT item)."""

_OWN_NOTE = {
    "id": "Ini data Anda sendiri dan tidak ada kunci jawaban: jawaban Anda dibandingkan dengan daftar audit lab atas data yang sama. 'Benar' di sini hanya berarti Anda membaca tabel audit dengan tepat, bukan bahwa audit itu benar. Buka dua akun di daftar itu di platformnya dan periksa sendiri.",
    "en": "These are your own data and there is no answer key: your answer is compared with the lab's audit of the same data. 'Correct' here only means you read the audit's table accurately, not that the audit is right. Open two of the listed accounts on their platform and check them yourself.",
}
_OWN_DERIVED_NOTE = {
    "id": "Ini data Anda sendiri: jawaban Anda dibandingkan dengan perhitungan langsung dari tabel unggahan/akun Anda, bukan dengan hasil audit, jadi pemeriksaan ini sungguh menguji cara Anda menghitung.",
    "en": "These are your own data: your answer is compared with a direct computation from your posts/accounts table, not with the audit's result, so this check really tests how you computed it.",
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
    from labkit.monitor.replies import classify

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


class DerivedAnswer(EqualityProblem):
    """An :class:`EqualityProblem` on a value the trainee derives from raw tables.

    On own data a correct answer says that it was checked against a direct
    computation from the raw table (not against the audit).
    """

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        status, detail = super()._grade(answer)
        if status is Status.CORRECT and _own_data():
            return status, _OWN_DERIVED_NOTE
        return status, detail


def _posts() -> pd.DataFrame:
    """The posts' times (all the exercises on activity need)."""
    return data.load("posts", columns=["platform", "account", "post_id", "published_at"])


def _last_post() -> pd.Series:
    return _posts().groupby(["platform", "account"], observed=True)["published_at"].max()


def _explain_last_post(answer: Any) -> Any:
    if not isinstance(answer, pd.Series):
        return None
    first = _posts().groupby(["platform", "account"], observed=True)["published_at"].min()
    if answer.index.equals(first.index) and answer.equals(first):
        return {
            "id": "Anda mengambil unggahan paling awal (`.min()`); yang diminta unggahan paling akhir (`.max()`).",
            "en": "You took the earliest post (`.min()`); the question asks for the latest (`.max()`).",
        }
    return None


def _explain_days(answer: Any) -> Any:
    if not isinstance(answer, pd.Series):
        return None
    expected = _days_since_last_post()
    try:
        shift = (answer.reindex(expected.index) - expected).dropna().unique()
    except (TypeError, ValueError):
        return None
    if len(shift) == 1 and shift[0] != 0:
        return {
            "id": f"Semua angka Anda bergeser {int(shift[0])} hari dari yang benar: apakah Anda menghitung dari tanggal lain, bukan dari tanggal audit (`laporan.as_of`)?",
            "en": f"All your numbers are shifted by {int(shift[0])} days: did you count from another date, not the audit date (`laporan.as_of`)?",
        }
    return None


def _audit_date() -> pd.Timestamp:
    """The audit date ``audit.audit`` uses by default: the latest time in posts and comments."""
    from labkit.audit.engine import latest_time

    key = ("as_of", data.current_source())
    if key not in _reference or _own_data():  # own data may be re-imported: never cached
        comments = (
            data.load("comments", mask=False, columns=["created_at", "replied_at"])
            if data.has_table("comments")
            else None
        )
        when = latest_time(_posts(), comments)
        _reference[key] = when.tz_convert("UTC") if when is not None else None
    return _reference[key]


def _days_since_last_post() -> pd.Series:
    return (_audit_date() - _last_post()).dt.days


def _dormant() -> Pairs:
    if _own_data():
        days = _days_since_last_post()
        return set(days[days > DORMANT_DAYS].index)
    return _defect("dormant")


def _as_pairs(answer: Any) -> set:
    try:
        return {tuple(x) for x in answer}
    except TypeError:
        return set()


def _explain_dormant(answer: Any) -> Any:
    days = _days_since_last_post()
    picked = _as_pairs(answer)
    inactive = set(days[(days > 30) & (days <= DORMANT_DAYS)].index)
    if picked & inactive:
        return {
            "id": f"Ada akun yang baru 31–{DORMANT_DAYS} hari tidak mengunggah: itu *tidak aktif*, belum dorman. Dorman berarti lebih dari {DORMANT_DAYS} hari.",
            "en": f"Some accounts have had no post for only 31–{DORMANT_DAYS} days: they are *inactive*, not yet dormant. Dormant means over {DORMANT_DAYS} days.",
        }
    at_limit = set(days[days == DORMANT_DAYS].index)
    if picked & at_limit:
        return {
            "id": f"Akun yang tepat {DORMANT_DAYS} hari belum dorman: pakai `> {DORMANT_DAYS}`, bukan `>=`.",
            "en": f"An account at exactly {DORMANT_DAYS} days is not dormant yet: use `> {DORMANT_DAYS}`, not `>=`.",
        }
    return None


def _accounts() -> pd.DataFrame:
    return data.load("accounts")


def _accounts_per_group() -> pd.Series:
    return _accounts().groupby(["agency_id", "platform"], observed=True).size()


def _crowded_groups() -> set[tuple[str, str]]:
    counts = _accounts_per_group()
    return set(counts[counts > 1].index)


def _duplicates() -> pd.DataFrame:
    accounts = _accounts()
    keys = accounts.set_index(["agency_id", "platform"]).index
    return accounts[keys.isin(list(_crowded_groups()))]


def _to_close() -> Pairs:
    """In each crowded group, every account with fewer followers than the group's largest."""
    crowded = _duplicates()
    most = crowded.groupby(["agency_id", "platform"], observed=True)["followers"].transform("max")
    return _pairs(crowded[crowded["followers"] < most])


def _explain_to_close(answer: Any) -> Any:
    crowded = _duplicates()
    picked = _as_pairs(answer)
    if picked and picked >= _pairs(crowded):
        return {
            "id": "Anda menutup kedua akun dari setiap pasangan: warga lalu kehilangan kanal resmi di platform itu. Pertahankan satu.",
            "en": "You close both accounts of each pair: citizens then lose the official channel on that platform. Keep one.",
        }
    if picked & (_pairs(crowded) - _to_close()):
        return {
            "id": "Ada akun yang pengikutnya lebih banyak ikut ditutup. Akun yang dipertahankan biasanya yang pengikutnya terbanyak (kolom `followers`): pengikutnya tidak perlu pindah.",
            "en": "An account with more followers is among those you close. The one kept is usually the one with the most followers (column `followers`): its followers need not move.",
        }
    return None


q1 = MultipartProblem(
    intro={
        "id": "Keaktifan akun, dihitung sendiri dari unggahan: (a) unggahan terakhir per akun, (b) berapa hari sejak itu, (c) akun mana yang dorman. Lalu bandingkan dengan audit.",
        "en": "Account activity, computed from the posts yourself: (a) last post per account, (b) days since then, (c) which accounts are dormant. Then compare with the audit.",
    },
    a=DerivedAnswer(
        _last_post,
        explain=_explain_last_post,
        hints=[
            {
                "id": "Kelompokkan unggahan per akun, yaitu per pasangan kolom `platform` dan `account`, lalu ambil waktu unggah (`published_at`) yang paling akhir.",
                "en": "Group the posts per account, i.e. per pair of columns `platform` and `account`, and take the latest posting time (`published_at`).",
            },
            {
                "id": '`unggahan.groupby(["platform", "account"])["published_at"].max()`',
                "en": '`unggahan.groupby(["platform", "account"])["published_at"].max()`',
            },
        ],
    ),
    b=DerivedAnswer(
        _days_since_last_post,
        abs_tol=1,
        explain=_explain_days,
        hints=[
            {
                "id": "Kurangkan: tanggal audit dikurangi unggahan terakhir memberi selisih waktu; `.dt.days` mengubahnya menjadi jumlah hari.",
                "en": "Subtract: the audit date minus the last post gives a time difference; `.dt.days` turns it into a number of days.",
            },
            {
                "id": "`(tanggal_audit - terakhir).dt.days`",
                "en": "`(tanggal_audit - terakhir).dt.days`",
            },
        ],
    ),
    c=DerivedAnswer(
        _dormant,
        explain=_explain_dormant,
        hints=[
            {
                "id": f"Dorman = lebih dari {DORMANT_DAYS} hari tanpa unggahan. Saring `hari` dengan syarat itu; label barisnya (indeks) adalah pasangan (platform, akun).",
                "en": f"Dormant = over {DORMANT_DAYS} days without a post. Filter `hari` by that condition; its row labels (index) are the (platform, account) pairs.",
            },
            {
                "id": f"`set(hari[hari > {DORMANT_DAYS}].index)`",
                "en": f"`set(hari[hari > {DORMANT_DAYS}].index)`",
            },
        ],
    ),
)

q2 = MultipartProblem(
    intro={
        "id": "Akun ganda: (a) hitung akun per instansi dan platform, (b) temukan kelompok yang berisi lebih dari satu akun, (c) putuskan akun mana yang ditutup.",
        "en": "Duplicate accounts: (a) count accounts per agency and platform, (b) find the groups with more than one account, (c) decide which account to close.",
    },
    a=DerivedAnswer(
        _accounts_per_group,
        hints=[
            {
                "id": "Satu instansi boleh punya satu akun resmi per platform. Kelompokkan tabel `akun` per pasangan kolom `agency_id` dan `platform`, lalu hitung barisnya.",
                "en": "An agency may have one official account per platform. Group the `akun` table per pair of columns `agency_id` and `platform`, and count the rows.",
            },
            {
                "id": '`akun.groupby(["agency_id", "platform"]).size()`',
                "en": '`akun.groupby(["agency_id", "platform"]).size()`',
            },
        ],
    ),
    b=DerivedAnswer(
        _crowded_groups,
        hints=[
            {
                "id": "Saring hitungan yang lebih dari 1; label barisnya adalah pasangan (instansi, platform).",
                "en": "Keep the counts above 1; their row labels are the (agency, platform) pairs.",
            },
            {
                "id": "`set(jumlah[jumlah > 1].index)`",
                "en": "`set(jumlah[jumlah > 1].index)`",
            },
        ],
    ),
    c=DerivedAnswer(
        _to_close,
        explain=_explain_to_close,
        hints=[
            {
                "id": "Dari setiap pasangan, satu akun dipertahankan dan satu ditutup (setelah pengikut diarahkan ke akun yang dipertahankan). Lihat kolom `followers` dan `verified` pada tabel di atas.",
                "en": "Of each pair, one account is kept and one closed (after followers are pointed to the kept one). Look at columns `followers` and `verified` in the table above.",
            },
            {
                "id": "Pertahankan akun yang pengikutnya terbanyak; tulis akun yang lain sebagai pasangan (platform, akun).",
                "en": "Keep the account with the most followers; write the other one as a (platform, account) pair.",
            },
        ],
    ),
)

q3 = CustomProblem(
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
)

q4 = AuditAnswer(
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
)

q5 = ThoughtProblem(
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

EXERCISES = register("01_audit_akun", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)
__all__ = ["____", "q1", "q2", "q3", "q4", "q5", "EXERCISES"]
