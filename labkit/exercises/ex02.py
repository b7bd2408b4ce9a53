"""Exercises of notebook 02_analisis_keterlibatan (analysing engagement honestly).

On the bundled universe, answers are checked against its ground truth
(``truth_follower_jumps``) or against the numbers of the same data computed
the way the notebook teaches; on the trainee's own data (``data.use(...)``)
there is no answer key, and the feedback says the answer was compared with
the lab's own computation on the same data.

Accounts are named ``"platform/handle"`` (the same handle can exist on two
platforms), as in the dashboard's tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from labkit import data
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.check.feedback import Status
from labkit.exercises import register

#: Hours compared in Latihan 3 (local time).
HOURS = (10, 14)

_OWN_NOTE = {
    "id": "Ini data Anda sendiri: tidak ada kunci jawaban, jadi jawaban dibandingkan dengan perhitungan lab atas data yang sama.",
    "en": "These are your own data: there is no answer key, so the answer is compared with the lab's computation on the same data.",
}
_NO_FOLLOWERS_NOTE = {
    "id": "Data ini tidak memuat deret pengikut harian, jadi belum ada lonjakan yang dapat diperiksa. Ekspor riwayat pengikut (TikTok: Followers; Meta: Follows) lalu impor ulang (notebook 05).",
    "en": "These data hold no daily follower series, so there is no jump to examine yet. Export the follower history (TikTok: Followers; Meta: Follows) and import again (notebook 05).",
}
_state: dict[str, Any] = {"agency": "AG05"}


def _own_data() -> bool:
    return data.current_source() != data.BUNDLED


def pilih_instansi(kode: str | None = None) -> str:
    """Choose the agency of the notebook (as :func:`labkit.owndata.pick_agency`) and remember it.

    Latihan 3 is checked on the chosen agency's account with the most posts.
    """
    from labkit import owndata

    _state["agency"] = owndata.pick_agency(kode)
    return _state["agency"]


def _model():
    from labkit.dashboard import DashboardModel

    return DashboardModel.from_data()


# ---------------------------------------------------------------- q2: the ranking flip


def _tables():
    from labkit import owndata

    return (owndata.load_or_none("accounts"), owndata.load_or_none("posts"),
            owndata.load_or_none("followers"))  # fmt: skip


def _flip() -> set[str]:
    from labkit import engagement

    accounts, posts, followers = _tables()
    table = engagement.ranking_flip(accounts, posts, followers)
    hit = table[table["flip"] == "big_but_quiet"]
    return {f"{p}/{a}" for p, a in zip(hit["platform"], hit["account"], strict=True)}


# ---------------------------------------------------------------- q4: bought followers


def _as_pairs(answer: Any) -> Any:
    """(account, date) pairs with dates as ``YYYY-MM-DD`` text (dates, Timestamps accepted)."""
    if not isinstance(answer, set | frozenset | list | tuple):
        return answer
    out = set()
    for item in answer:
        if isinstance(item, tuple) and len(item) == 2:
            account, day = item
            if isinstance(day, dt.date | pd.Timestamp):
                day = pd.Timestamp(day).date().isoformat()
            out.add((str(account), str(day)))
        else:
            out.add(item)
    return out


def _bought() -> set[tuple[str, str]]:
    if _own_data():
        from labkit import engagement

        accounts, posts, followers = _tables()
        if followers is None or followers.empty:
            return set()
        jumps = engagement.follower_anomalies(followers, posts, accounts=accounts)
        hit = jumps[jumps["verdict"] == "bought"]
        keys = hit["platform"].astype(str) + "/" + hit["account"].astype(str)
        return set(zip(keys, pd.to_datetime(hit["date"]).dt.date.astype(str), strict=True))
    truth = data.load("truth_follower_jumps", source=data.BUNDLED)
    truth = truth[truth["kind"] == "bought"]
    keys = truth["platform"].astype(str) + "/" + truth["account"].astype(str)
    return set(zip(keys, pd.to_datetime(truth["date"]).dt.date.astype(str), strict=True))


class _Answer(EqualityProblem):
    """Equality with (account, date) pairs normalised; says when the data are the trainee's own."""

    def __init__(self, expected: Any, *, own_note: Any = None, **kw: Any) -> None:
        super().__init__(expected, **kw)
        self._own_note = own_note

    def _grade(self, answer: Any) -> tuple[Status, Any]:
        status, detail = super()._grade(_as_pairs(answer))
        if status is Status.CORRECT and _own_data():
            return status, (self._own_note() if self._own_note else _OWN_NOTE)
        return status, detail


def _bought_note() -> dict[str, str]:
    from labkit import owndata

    return _OWN_NOTE if owndata.load_or_none("followers") is not None else _NO_FOLLOWERS_NOTE


# ---------------------------------------------------------------- q3: best time, given n


def hour_table(model=None) -> tuple[str, pd.DataFrame]:
    """The chosen agency's account with the most posts, and its table by local hour.

    Median engagements per post (no denominator: within one account the
    audience barely changes), with the 95 % interval and ``n``.
    """
    model = model or _model()
    agency = _state["agency"]
    posts = model.copy(agency=agency, platform="*", account="*").posts()
    account = str(posts["account"].value_counts().idxmax())
    hours = model.copy(agency=agency, account=account, denominator="none", metric="engagements",
                       breakdown="hour")  # fmt: skip
    return account, hours.view.table


def _better_at_14() -> bool:
    _account, table = hour_table()
    rows = table.set_index("key")
    early, late = HOURS
    if early not in rows.index or late not in rows.index:
        return False
    a, b = rows.loc[early], rows.loc[late]
    if a["low_n"] or b["low_n"] or pd.isna(a["upper"]) or pd.isna(b["lower"]):
        return False
    return bool(b["lower"] > a["upper"])


def _check_best_time(answer: Any) -> Any:
    if not isinstance(answer, bool):
        return False, {
            "id": "Jawab dengan True (ya, jelas lebih baik) atau False (belum bisa dikatakan lebih baik).",
            "en": "Answer True (yes, clearly better) or False (cannot be said to be better).",
        }
    expected = _better_at_14()
    if answer == expected:
        return (True, _OWN_NOTE) if _own_data() else True
    if answer:
        return False, {
            "id": "Median pukul 14.00 memang bisa lebih tinggi, tetapi lihat selang 95 % dan n: bila selang kedua jam bertumpang tindih (atau n kecil), data belum bisa membedakannya.",
            "en": "The median at 14:00 may well be higher, but look at the 95% intervals and n: if the two hours' intervals overlap (or n is small), the data cannot tell them apart.",
        }
    return False, {
        "id": "Di sini selang 95 % pukul 14.00 seluruhnya di atas selang pukul 10.00 dan n kedua jam cukup besar: perbedaannya lebih dari kebetulan.",
        "en": "Here the whole 95% interval at 14:00 lies above the one at 10:00 and both hours have enough posts: the difference is more than chance.",
    }


# ---------------------------------------------------------------- problems

q1 = EqualityProblem(
    1.4,
    abs_tol=0.01,
    hints=[
        {
            "id": "Interaksi = suka + komentar + bagikan + simpan. Bagi dengan jumlah pengikut, lalu kali 100 agar menjadi persen.",
            "en": "Engagements = likes + comments + shares + saves. Divide by the followers, then multiply by 100 for a percentage.",
        },
        {
            "id": "(120 + 30 + 12 + 6) / 12_000 * 100",
            "en": "(120 + 30 + 12 + 6) / 12_000 * 100",
        },
    ],
    solution="er = (120 + 30 + 12 + 6) / 12_000 * 100",
)

q2 = _Answer(
    _flip,
    hints=[
        {
            "id": "Lihat tabel `peringkat`: `rank_by_followers` 1 = pengikut terbanyak, `rank_by_rate` 1 = tingkat keterlibatan tertinggi, jadi tiga terbawah punya peringkat terbesar.",
            "en": "Look at the `peringkat` table: `rank_by_followers` 1 = most followers, `rank_by_rate` 1 = highest engagement rate, so the bottom three have the largest ranks.",
        },
        {
            "id": "Saring `jumlah_akun = len(peringkat)` dan `peringkat.query('rank_by_followers <= 3 and rank_by_rate > @jumlah_akun - 3')`, lalu gabungkan platform dan akun: `platform + '/' + account`.",
            "en": "With `jumlah_akun = len(peringkat)`, filter `peringkat.query('rank_by_followers <= 3 and rank_by_rate > @jumlah_akun - 3')`, then join platform and account: `platform + '/' + account`.",
        },
    ],
    solution=(
        "jumlah_akun = len(peringkat)\n"
        "bawah = peringkat.query('rank_by_followers <= 3 and rank_by_rate > @jumlah_akun - 3')\n"
        "terbalik = set(bawah['platform'] + '/' + bawah['account'])"
    ),
)

q4 = _Answer(
    _bought,
    own_note=_bought_note,
    hints=[
        {
            "id": "Pengikut yang dibeli tidak pernah berinteraksi: pada hari lonjakan, tidak ada unggahan yang jauh di atas biasanya. Lonjakan organik datang bersama unggahan yang viral.",
            "en": "Bought followers never engage: on the day of the jump no post is far above usual. Organic jumps come with a post that went viral.",
        },
        {
            "id": "Di tabel `lonjakan`, `max_post_ratio` membandingkan unggahan terbaik di sekitar hari itu dengan median akun, dan `verdict` merangkumnya. Pilih baris `verdict == 'bought'`, lalu pasangkan `platform/account` dengan tanggalnya.",
            "en": "In the `lonjakan` table, `max_post_ratio` compares the best post around that day with the account's median, and `verdict` sums it up. Pick the rows with `verdict == 'bought'`, then pair `platform/account` with the date.",
        },
    ],
    solution=(
        "dibeli = lonjakan.query(\"verdict == 'bought'\")\n"
        "pengikut_dibeli = set(zip(dibeli['platform'] + '/' + dibeli['account'], dibeli['date'].astype(str)))"
    ),
)

q3 = CustomProblem(
    _check_best_time,
    hints=[
        {
            "id": "Bandingkan selang 95 % (kolom `lower` dan `upper`) pukul 10.00 dan 14.00, bukan hanya mediannya.",
            "en": "Compare the 95% intervals (columns `lower` and `upper`) at 10:00 and 14:00, not only the medians.",
        },
        {
            "id": "14.00 jelas lebih baik hanya bila `lower` pukul 14.00 lebih besar dari `upper` pukul 10.00, dan kedua jam tidak bertanda n kecil.",
            "en": "14:00 is clearly better only if `lower` at 14:00 is above `upper` at 10:00 and neither hour is marked low n.",
        },
    ],
    solution=(
        "baris = per_jam.set_index('key').reindex([10, 14])\n"
        "lebih_baik = bool(baris.loc[14, 'lower'] > baris.loc[10, 'upper']) "
        "and not baris['low_n'].fillna(True).any()"
    ),
)

q5 = ThoughtProblem(
    hints=[
        {
            "id": "Periksa penyebutnya: angka sektor dihitung per apa? Angka akun Anda per apa?",
            "en": "Check the denominators: per what is the sector figure computed? And your account's?",
        }
    ],
    solution_text={
        "id": (
            "Angka sektor pemerintah Hootsuite (Facebook 1,54 %) kemungkinan dihitung per tayangan atau jangkauan, "
            "sedangkan tingkat akun kita per pengikut: penyebutnya berbeda, jadi keduanya tidak sebanding dan tidak "
            "boleh disimpulkan 'di bawah rata-rata'. Bandingkan dengan akun sejenis pada kelompok pengikut yang sama "
            "di data yang sama, sebut n dan selangnya, dan tulis penyebutnya di setiap angka."
        ),
        "en": (
            "Hootsuite's government figure (Facebook 1.54%) is probably per impression or reach, while our rate is "
            "per follower: the denominators differ, so they are not comparable and 'below average' cannot be "
            "concluded. Compare with similar accounts of the same follower tier in the same data, give n and the "
            "interval, and name the denominator of every number."
        ),
    },
)

EXERCISES = register("02_analisis_keterlibatan", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)
__all__ = [
    "____",
    "EXERCISES",
    "hour_table",
    "pilih_instansi",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
]
