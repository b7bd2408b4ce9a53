"""Exercises of notebook 03_monitoring_isu (monitoring issues, catching a crisis early).

On the bundled universe, answers are checked against its ground truth (the planted
episodes ``truth_crises``, the generator's labels ``truth_comments``) or against the
lab's own computation on the same data; on the trainee's own data (``data.use(...)``)
there is no answer key, and the feedback says the answer was compared with the lab's
computation on the same data.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from labkit import data, i18n, monitor
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.check.feedback import Status
from labkit.exercises import register

#: The account and episode the bundled lesson follows (EP01: the online queue outage).
LESSON_ACCOUNT = "kanim_kotapelangi"
QUERY_EPISODE = "EP01"
SPIKE_EPISODE = "EP02"
HOAX_EPISODE = "EP02"

_OWN_NOTE = {
    "id": "Ini data Anda sendiri: tidak ada kunci jawaban, jadi jawaban dibandingkan dengan perhitungan lab atas data yang sama.",
    "en": "These are your own data: there is no answer key, so the answer is compared with the lab's computation on the same data.",
}
_state: dict[str, Any] = {"account": LESSON_ACCOUNT}


def _own_data() -> bool:
    return data.current_source() != data.BUNDLED


def pilih_akun(nama: str | None = None) -> str:
    """The account the notebook follows: ``nama`` if the comments have it, else the busiest.

    Prints which account is used (and why, if ``nama`` was not found).
    """
    comments = data.load("comments", columns=["account"])
    counts = comments["account"].astype(str).value_counts()
    if counts.empty:
        print(i18n.t("ex03.no_comments"))
        _state["account"] = None
        return ""
    chosen = str(nama) if nama is not None and str(nama) in counts.index else str(counts.index[0])
    key = "ex03.account_chosen" if chosen == nama else "ex03.account_fallback"
    print(i18n.t(key, account=chosen, n=i18n.number_text(int(counts[chosen])), asked=nama or "-"))
    _state["account"] = chosen
    return chosen


def komentar_akun(akun: str | None = None, source: str | None = None) -> pd.DataFrame:
    """The comments of the followed account (masked as loaded)."""
    return data.load("comments", source=source, where={"account": akun or _state["account"]})


def contoh_episode(kode: str) -> tuple[pd.Series, pd.DataFrame]:
    """A planted episode of the sample data and its account's comments (always the bundled data).

    The lesson measures alarms against episodes whose start is known; a trainee's own
    data have no such answer key, so these examples always come from the sample data.
    """
    ep = _episode(kode)
    return ep, komentar_akun(ep["account"], source=data.BUNDLED)


def jendela_lonjakan(alarm: pd.DataFrame, jam: int = 12) -> tuple | None:
    """The window of the largest alarm (highest peak): an hour before its start to ``jam`` hours after."""
    if alarm is None or alarm.empty:
        print(i18n.t("ex03.no_alarm"))
        return None
    start = pd.Timestamp(alarm.loc[alarm["peak_count"].idxmax(), "start"])
    return (start - pd.Timedelta("1h"), start + pd.Timedelta(hours=jam))


def _episode(episode_id: str) -> pd.Series:
    crises = data.load("truth_crises", source=data.BUNDLED)  # ground truth: checks only
    return crises.set_index("episode_id").loc[episode_id]


def negative_volume(comments: pd.DataFrame) -> pd.Series:
    """Comments per hour that complain or repeat a claim (the series the lesson watches)."""
    return monitor.volume(comments, monitor.issue_mask(comments))["n"]


# ---------------------------------------------------------------- q1: share needing a reply


def _share_needing_reply() -> float:
    triaged = monitor.triage(komentar_akun())
    return round(float(triaged["needs_reply"].mean() * 100), 1)


def _check_share(answer: Any) -> Any:
    if not isinstance(answer, int | float) or isinstance(answer, bool):
        return False, {
            "id": "Jawab dengan satu angka persen, misalnya 42.5.",
            "en": "Answer with one percentage, for example 42.5.",
        }
    expected = _share_needing_reply()
    if math.isclose(answer, expected, abs_tol=0.15):
        return (True, _OWN_NOTE) if _own_data() else True
    if math.isclose(answer * 100, expected, abs_tol=0.15):
        return False, {
            "id": "Itu pecahan (0 sampai 1). Kalikan 100 agar menjadi persen.",
            "en": "That is a fraction (0 to 1). Multiply by 100 for a percentage.",
        }
    n = len(komentar_akun())
    if math.isclose(answer, expected * n / 100, abs_tol=0.6):
        return False, {
            "id": f"Itu jumlah komentarnya. Bagi dengan semua komentar akun ini (n = {n}), lalu kali 100.",
            "en": f"That is the number of comments. Divide by all the account's comments (n = {n}), then multiply by 100.",
        }
    return False, {
        "id": "Belum tepat. Hitung rata-rata kolom `needs_reply` (True = 1, False = 0) pada tabel `triase`, lalu kali 100.",
        "en": "Not yet. Take the mean of the `needs_reply` column (True = 1, False = 0) of the `triase` table, then multiply by 100.",
    }


q1 = CustomProblem(
    _check_share,
    hints=[
        {
            "id": "Penyebutnya semua komentar akun ini; pembilangnya komentar dengan `needs_reply` True.",
            "en": "The denominator is all the account's comments; the numerator the comments with `needs_reply` True.",
        },
        {
            "id": "`triase['needs_reply'].mean() * 100`, dibulatkan satu angka di belakang koma.",
            "en": "`triase['needs_reply'].mean() * 100`, rounded to one decimal.",
        },
    ],
    solution="persen_perlu_jawab = round(triase['needs_reply'].mean() * 100, 1)",
)


# ---------------------------------------------------------------- q2: a query for the episode


def _episode_frame(episode_id: str) -> tuple[pd.DataFrame, pd.Series]:
    """The episode account's comments from 30 days before the onset to its end, and which are the episode's."""
    ep = _episode(episode_id)
    comments = komentar_akun(ep["account"], source=data.BUNDLED)
    when = pd.to_datetime(comments["created_at"], utc=True)
    near = comments[(when >= ep["onset_at"] - pd.Timedelta("30D")) & (when <= ep["end_at"])]
    truth = data.load(
        "truth_comments", source=data.BUNDLED, where={"episode_id": episode_id}
    )  # ground truth: checks only
    mine = set(truth["comment_id"])
    return near, near["comment_id"].isin(mine)


def _check_query(answer: Any) -> Any:
    if not isinstance(answer, str) or not answer.strip():
        return False, {
            "id": 'Tulis kueri sebagai teks, misalnya "antrean AND (error OR gagal)".',
            "en": 'Write the query as text, for example "antrean AND (error OR gagal)".',
        }
    try:
        parsed = monitor.parse_query(answer)
    except Exception as exc:  # noqa: BLE001 - a LabkitError that explains the query's fault
        return False, str(exc)
    if _own_data():
        return True, _OWN_NOTE
    comments, is_episode = _episode_frame(QUERY_EPISODE)
    found = monitor.query(comments, parsed)["match"].to_numpy()
    hits = int((found & is_episode.to_numpy()).sum())
    recall = hits / max(int(is_episode.sum()), 1)
    precision = hits / max(int(found.sum()), 1)
    numbers = {
        "found": int(found.sum()), "hits": hits, "total": int(is_episode.sum()),
        "recall": round(recall * 100), "precision": round(precision * 100),
    }  # fmt: skip
    if recall >= 0.7 and precision >= 0.8:
        return True, {
            "id": "Kueri Anda menemukan {hits} dari {total} komentar episode (recall {recall} %), dan {precision} % yang ditemukannya memang komentar episode.".format(
                **numbers
            ),
            "en": "Your query finds {hits} of the {total} episode comments (recall {recall}%), and {precision}% of what it finds are episode comments.".format(
                **numbers
            ),
        }
    if recall < 0.7:
        return False, {
            "id": "Kueri Anda baru menemukan {hits} dari {total} komentar episode (recall {recall} %). Tambahkan kata lain yang dipakai warga dengan OR, atau pakai awalan* (antre*).".format(
                **numbers
            ),
            "en": "Your query finds only {hits} of the {total} episode comments (recall {recall}%). Add other words citizens use with OR, or a prefix* (antre*).".format(
                **numbers
            ),
        }
    return False, {
        "id": "Kueri Anda menemukan {found} komentar, tetapi hanya {precision} % yang komentar episode. Persempit dengan AND atau buang kata yang terlalu umum dengan NOT.".format(
            **numbers
        ),
        "en": "Your query finds {found} comments, but only {precision}% are episode comments. Narrow it with AND, or drop too common words with NOT.".format(
            **numbers
        ),
    }


q2 = CustomProblem(
    _check_query,
    hints=[
        {
            "id": "Baca komentar saat lonjakan: kata apa yang dipakai warga untuk antrean daring yang gagal? Gabungkan kata sejenis dengan OR.",
            "en": "Read the comments of the rise: which words do citizens use for the failing online queue? Join similar words with OR.",
        },
        {
            "id": 'Mulailah dari "antrean OR antri* OR sistem OR server OR error OR gagal OR gangguan", lalu lihat presisi dan recall yang dilaporkan.',
            "en": 'Start from "antrean OR antri* OR sistem OR server OR error OR gagal OR gangguan", then look at the precision and recall reported.',
        },
    ],
    solution='kueri = "antre* OR antri* OR sistem OR server OR error OR gagal OR gangguan"',
)


# ---------------------------------------------------------------- q3: lead time of the alarm


def _lead_minutes() -> float:
    ep = _episode(SPIKE_EPISODE)
    series = negative_volume(komentar_akun(ep["account"], source=data.BUNDLED))
    result = monitor.backtest(
        monitor.alerts(monitor.detect_spikes(series)), pd.DataFrame([ep])[["onset_at", "end_at"]]
    )
    return float(result.lead_minutes.iloc[0])


def _check_lead(answer: Any) -> Any:
    if not isinstance(answer, int | float) or isinstance(answer, bool):
        return False, {
            "id": "Jawab dengan satu angka: menit dari awal episode sampai alarm pertama.",
            "en": "Answer with one number: minutes from the episode's onset to the first alarm.",
        }
    expected = _lead_minutes()
    if math.isclose(answer, expected, abs_tol=1):
        return True
    if math.isclose(answer * 60, expected, abs_tol=30):
        return False, {
            "id": "Itu dalam jam. Pertanyaannya dalam menit: kali 60.",
            "en": "That is in hours. The question asks for minutes: multiply by 60.",
        }
    return False, {
        "id": "Belum tepat. Ambil `hasil.lead_minutes` dari backtest episode EP02 dengan pengaturan bawaan (tanpa parameter).",
        "en": "Not yet. Take `hasil.lead_minutes` from the backtest of episode EP02 at the default settings (no parameters).",
    }


q3 = CustomProblem(
    _check_lead,
    hints=[
        {
            "id": "Lead time = waktu alarm pertama dikurangi waktu awal episode, dalam menit.",
            "en": "Lead time = the time of the first alarm minus the episode's onset, in minutes.",
        },
        {
            "id": "`hasil_ep02.lead_minutes.iloc[0]`",
            "en": "`hasil_ep02.lead_minutes.iloc[0]`",
        },
    ],
    solution="menit_sampai_alarm = hasil_ep02.lead_minutes.iloc[0]",
)


# ---------------------------------------------------------------- q4: the copy-paste ring


def _ring() -> set[str]:
    if _own_data():
        return set(
            monitor.coordinated_accounts(clusters=monitor.near_duplicates_by_account()).index
        )
    truth = data.load(
        "truth_comments", source=data.BUNDLED, columns=["comment_id"], where={"bot_ring": True}
    )  # ground truth: checks only
    ring = data.load(
        "comments", columns=["author"], where={"comment_id": list(truth["comment_id"])}
    )
    return set(ring["author"])


q4 = EqualityProblem(
    _ring,
    hints=[
        {
            "id": "Akun jaringan muncul di banyak klaster, di unggahan yang berbeda. Lihat tabel `akun_terkoordinasi`.",
            "en": "Ring accounts appear in many clusters, on different posts. Look at the `akun_terkoordinasi` table.",
        },
        {
            "id": "`set(akun_terkoordinasi.index)`",
            "en": "`set(akun_terkoordinasi.index)`",
        },
    ],
    solution="jaringan = set(akun_terkoordinasi.index)",
)


# ---------------------------------------------------------------- q5: which hoax


def _hoax_of_episode() -> str:
    ep = _episode(HOAX_EPISODE)
    comments = komentar_akun(ep["account"], source=data.BUNDLED)
    when = pd.to_datetime(comments["created_at"], utc=True)
    during = comments[(when >= ep["onset_at"]) & (when <= ep["end_at"])]
    return str(monitor.match_hoaxes(during)["hoax_id"].value_counts().idxmax())


q5 = EqualityProblem(
    _hoax_of_episode,
    hints=[
        {
            "id": "Cocokkan komentar selama episode EP02 dengan arsip hoaks, lalu hitung `hoax_id` yang paling sering.",
            "en": "Match the comments during episode EP02 with the hoax archive, then count the most frequent `hoax_id`.",
        },
        {
            "id": "`cocok_hoaks['hoax_id'].value_counts().idxmax()`",
            "en": "`cocok_hoaks['hoax_id'].value_counts().idxmax()`",
        },
    ],
    solution="hoaks_ep02 = cocok_hoaks['hoax_id'].value_counts().idxmax()",
)


# ---------------------------------------------------------------- q6: escalation


q6 = ThoughtProblem(
    hints=[
        {
            "id": "Lihat tingkat, siapa yang diberi tahu, dan alasannya. Apa yang harus terjadi dalam satu jam pertama?",
            "en": "Look at the level, who is told and why. What must happen within the first hour?",
        }
    ],
    solution_text={
        "id": (
            "Pada tingkat Krisis, pimpinan, PPID, juru bicara dan humas pusat diberi tahu segera, bukan besok pagi. "
            "Dalam satu jam pertama (golden hour) terbit pernyataan awal (holding statement) yang menyebut fakta yang "
            "sudah pasti, apa yang sedang dilakukan, empati, dan kapan kabar berikutnya (notebook 04). Komentar yang "
            "perlu dijawab dibalas dengan tautan pernyataan itu; yang mengulang hoaks dibalas dengan klarifikasinya. "
            "Angka dan alasan tingkat ini dicatat di laporan isu harian."
        ),
        "en": (
            "At the Crisis level the leader, the PPID, the spokesperson and the central PR office are told at once, "
            "not tomorrow morning. Within the first hour (golden hour) a holding statement is published with the facts "
            "known, what is being done, empathy and when the next update comes (notebook 04). Comments that need a "
            "reply get the statement's link; those repeating a hoax get its clarification. The level's figures and "
            "reasons go into the daily issue report."
        ),
    },
)

EXERCISES = register("03_monitoring_isu", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5, q6=q6)
__all__ = [
    "____",
    "EXERCISES",
    "Status",
    "contoh_episode",
    "jendela_lonjakan",
    "komentar_akun",
    "negative_volume",
    "pilih_akun",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
]
