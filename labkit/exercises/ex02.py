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

#: Daily follower growth (percent) above which a day is a jump (organic growth stays under 1 %).
JUMP_PERCENT = 3.0
#: A jump is organic when a post on that day got at least this many times the account's median.
VIRAL_FACTOR = 5.0
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


def account_rates(model=None) -> pd.DataFrame:
    """Per account: posts, engagements, followers (end of period) and the rate, with both ranks.

    The rate is the one of ``datasets/README.md``: engagements / (posts x
    followers) x 100, followers at the end of the period (``accounts``).
    """
    model = model or _model()
    posts = model.copy(agency="*", platform="*", account="*", start=None, end=None).posts()
    table = posts.groupby("account", observed=True).agg(
        posts=("engagements", "size"), engagements=("engagements", "sum")
    )
    accounts = data.load("accounts")
    keys = accounts["platform"].astype(str) + "/" + accounts["account"].astype(str)
    table["followers"] = table.index.map(dict(zip(keys, accounts["followers"], strict=True)))
    table["followers"] = pd.to_numeric(table["followers"], errors="coerce").astype(float)
    table["rate"] = table["engagements"] / (table["posts"] * table["followers"]) * 100
    table = table.dropna(subset=["rate"])
    table["rank_followers"] = table["followers"].rank(ascending=False, method="min")
    table["rank_rate"] = table["rate"].rank(method="min")  # 1 = lowest rate
    return table


def _flip() -> set[str]:
    table = account_rates()
    hit = table[(table["rank_followers"] <= 3) & (table["rank_rate"] <= 3)]
    return set(hit.index.astype(str))


# ---------------------------------------------------------------- q4: bought followers


def follower_jumps(model=None) -> pd.DataFrame:
    """Days a follower count jumped (> :data:`JUMP_PERCENT` % in a day), with the day's best post.

    Columns: ``account``, ``date``, ``followers``, ``growth_percent``,
    ``best_post`` (the most engagements of a post that local day, 0 if none),
    ``account_median`` (median engagements per post of the account) and
    ``times_median``. Empty when the data have no daily follower series.
    """
    from labkit import owndata

    followers = owndata.load_or_none("followers")
    cols = ["account", "date", "followers", "growth_percent", "best_post", "account_median",
            "times_median"]  # fmt: skip
    if followers is None or followers.empty:
        return pd.DataFrame(columns=cols)
    model = model or _model()
    posts = model.copy(agency="*", platform="*", account="*", start=None, end=None).posts()
    f = followers.sort_values(["platform", "account", "date"]).copy()
    f["account"] = f["platform"].astype(str) + "/" + f["account"].astype(str)
    f["growth_percent"] = f.groupby("account")["followers"].pct_change() * 100
    jumps = f[f["growth_percent"] > JUMP_PERCENT].copy()
    best = posts.groupby(["account", "day"], observed=True)["engagements"].max()
    median = posts.groupby("account", observed=True)["engagements"].median()
    jumps["best_post"] = [
        float(best.get((a, pd.Timestamp(d)), 0.0)) for a, d in zip(jumps["account"], jumps["date"],
                                                                    strict=True)  # fmt: skip
    ]
    jumps["account_median"] = jumps["account"].map(median).astype(float)
    jumps["times_median"] = jumps["best_post"] / jumps["account_median"]
    return jumps[cols].reset_index(drop=True)


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
        jumps = follower_jumps()
        hit = jumps[jumps["times_median"] < VIRAL_FACTOR]
        return set(zip(hit["account"], hit["date"].astype(str), strict=True))
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
            "id": "Lihat tabel `peringkat`: `rank_followers` 1 = pengikut terbanyak, `rank_rate` 1 = tingkat keterlibatan terendah.",
            "en": "Look at the `peringkat` table: `rank_followers` 1 = most followers, `rank_rate` 1 = lowest engagement rate.",
        },
        {
            "id": "Saring `peringkat.query('rank_followers <= 3 and rank_rate <= 3')` lalu ambil indeksnya sebagai himpunan.",
            "en": "Filter `peringkat.query('rank_followers <= 3 and rank_rate <= 3')` and take its index as a set.",
        },
    ],
    solution="terbalik = set(peringkat.query('rank_followers <= 3 and rank_rate <= 3').index)",
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
            "id": "Di tabel `lonjakan`, kolom `times_median` membandingkan unggahan terbaik hari itu dengan median akun. Pilih baris dengan `times_median < 5`.",
            "en": "In the `lonjakan` table, `times_median` compares the day's best post with the account's median. Pick the rows with `times_median < 5`.",
        },
    ],
    solution=(
        "dibeli = lonjakan.query('times_median < 5')\n"
        "pengikut_dibeli = set(zip(dibeli['account'], dibeli['date'].astype(str)))"
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
        "jam = per_jam.set_index('key')\n"
        "lebih_baik = bool(jam.loc[14, 'lower'] > jam.loc[10, 'upper'])"
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
    "account_rates",
    "follower_jumps",
    "hour_table",
    "pilih_instansi",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
]
