"""Exercises of notebook 07_simulasi_krisis (the tabletop crisis rehearsal).

Answers about the trainee's own run are checked against that run's log (the
after-action review of :func:`labkit.tabletop.review`); answers about SCCT against
the advisor of module 4.
"""

from __future__ import annotations

import math
from typing import Any

from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.crisis import advise
from labkit.exercises import register

_state: dict[str, Any] = {"exercise": None}


def ingat_latihan(exercise: Any) -> Any:
    """Remember the trainee's solo exercise, so that the checks read its log."""
    _state["exercise"] = exercise
    return exercise


def _first_publish() -> tuple[float | None, float | None]:
    from labkit.tabletop import review

    exercise = _state["exercise"]
    if exercise is None:
        return None, None
    result = review(exercise)
    drafts = exercise.state().drafts
    submitted = drafts.loc[drafts["status"] == "published", "submitted_at"]
    return result.first_holding, (float(submitted.min()) if len(submitted) else None)


def _check_first_holding(answer: Any) -> Any:
    if _state["exercise"] is None:
        return False, {
            "id": "Jalankan dulu sel latihan solo (yang membuat `latihan`).",
            "en": "First run the solo exercise cells (the one that makes `latihan`).",
        }
    published, submitted = _first_publish()
    if published is None:
        return False, {
            "id": "Tim Anda belum mengunggah pernyataan awal (jenis holding). Setujui lalu unggah drafnya dulu.",
            "en": "Your team has not published a holding statement yet. Approve and publish the draft first.",
        }
    if not isinstance(answer, int | float) or isinstance(answer, bool):
        return False, {
            "id": "Jawab dengan satu angka menit.",
            "en": "Answer with one number of minutes.",
        }
    if math.isclose(answer, published, abs_tol=0.5):
        return True
    if submitted is not None and math.isclose(answer, submitted, abs_tol=0.5):
        return False, {
            "id": "Itu menit draf dikirim ke pimpinan. Yang ditanya menit draf diunggah (setelah disetujui).",
            "en": "That is when the draft was sent to the leader. The question asks when it was published (after approval).",
        }
    return False, {
        "id": "Belum tepat. Lihat kolom `published_at` pada `latihan.state().drafts`, atau `tinjauan.first_holding`.",
        "en": "Not yet. Look at the `published_at` column of `latihan.state().drafts`, or `tinjauan.first_holding`.",
    }


q1 = CustomProblem(
    _check_first_holding,
    hints=[
        {
            "id": "Menit dihitung pada jam skenario, bukan jam dinding. Draf dikirim, lalu disetujui, lalu diunggah.",
            "en": "Minutes are on the scenario clock, not the wall clock. A draft is sent, then approved, then published.",
        },
        {"id": "`tinjauan.first_holding`", "en": "`tinjauan.first_holding`"},
    ],
    solution="menit_pernyataan_pertama = tinjauan.first_holding",
)


def _after_twist() -> str:
    return advise("human_error_accident").strategy


q2 = EqualityProblem(
    _after_twist,
    hints=[
        {
            "id": "Fakta baru: gangguan terjadi karena kelalaian petugas. Itu kesalahan manusia, klaster dapat dicegah.",
            "en": "New facts: the outage came from a staff member's oversight. That is human error, the preventable cluster.",
        },
        {
            "id": 'advise("human_error_accident").strategy',
            "en": 'advise("human_error_accident").strategy',
        },
    ],
    solution='strategi_setelah_fakta_baru = "rebuild"',
)

q3 = ThoughtProblem(
    hints=[
        {
            "id": "Baca tabel kejadian yang terlewat dan garis waktunya. Di mana waktu paling banyak hilang?",
            "en": "Read the table of missed injects and the timeline. Where was most time lost?",
        }
    ],
    solution_text={
        "id": (
            "Jawaban yang baik menyebut satu hambatan nyata dari garis waktu (misalnya draf menunggu persetujuan 20 menit, "
            "atau alarm baru dibunyikan setelah wartawan bertanya) dan satu perbaikan prosedur untuk kantor: templat "
            "pernyataan awal yang sudah disetujui sebelumnya, pimpinan cadangan yang boleh menyetujui, dan daftar "
            "eskalasi dengan nomor yang bisa dihubungi di luar jam kerja."
        ),
        "en": (
            "A good answer names one real bottleneck from the timeline (for example a draft waiting 20 minutes for "
            "approval, or the alarm raised only after the journalist asked) and one procedure to fix it at the office: "
            "a pre-approved holding statement template, a deputy who may approve, and an escalation list with numbers "
            "that answer out of hours."
        ),
    },
)

EXERCISES = register("07_simulasi_krisis", q1=q1, q2=q2, q3=q3)
__all__ = ["____", "EXERCISES", "ingat_latihan", "q1", "q2", "q3"]
