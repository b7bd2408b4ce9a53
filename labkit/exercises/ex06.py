"""Exercises of notebook 06_rencana_dan_laporan (content planning and reports for leaders)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from labkit import calendar
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.exercises import register
from labkit.plan import check_objective

#: The month the lesson plans.
PLAN_MONTH = ("2026-10-01", "2026-10-31")


def _commemorations() -> set[str]:
    days = calendar.days_in(*PLAN_MONTH)
    return set(days.loc[days["kind"] == "commemoration", "name"])


q1 = EqualityProblem(
    _commemorations,
    hints=[
        {
            "id": "Lihat `hari_penting` (rencana.important_days()): kolom `kind` membedakan hari libur, cuti bersama dan hari peringatan.",
            "en": "Look at `hari_penting` (plan.important_days()): the `kind` column tells holidays, joint leave and commemoration days apart.",
        },
        {
            "id": "`set(hari_penting.query(\"kind == 'commemoration'\")['name'])`",
            "en": "`set(hari_penting.query(\"kind == 'commemoration'\")['name'])`",
        },
    ],
    solution="hari_peringatan = set(hari_penting.query(\"kind == 'commemoration'\")['name'])",
)


def _check_smart(answer: Any) -> Any:
    if not isinstance(answer, str) or not answer.strip():
        return False, {"id": "Tulis tujuannya sebagai teks.", "en": "Write the objective as text."}
    result = check_objective(answer)
    if result.smart:
        return True
    return False, " ".join(result.findings)


q2 = CustomProblem(
    _check_smart,
    hints=[
        {
            "id": "Tujuan SMART menyebut tindakan dan sasarannya, indikator dengan angka target, dan tenggat.",
            "en": "A SMART objective names the action and its audience, an indicator with a target number, and a deadline.",
        },
        {
            "id": "Contoh pola: Meningkatkan <indikator> <di mana/untuk siapa> menjadi <angka> pada <tenggat>.",
            "en": "A pattern: Increase <indicator> <where/for whom> to <number> by <deadline>.",
        },
    ],
    solution=(
        'tujuan_smart = "Meningkatkan tingkat respons komentar warga di Instagram menjadi 80 % '
        'pada akhir Desember 2026"'
    ),
)


def _check_report(answer: Any) -> Any:
    try:
        path = Path(answer)
    except TypeError:
        return False, {
            "id": "Berikan jalur berkas DOCX laporan Anda.",
            "en": "Give the path of your report's DOCX file.",
        }
    if not path.is_file() or path.suffix.lower() != ".docx":
        return False, {
            "id": "Berkas DOCX itu tidak ada. Simpan laporan dengan `.document().to_docx()` lalu berikan jalurnya.",
            "en": "That DOCX file does not exist. Save the report with `.document().to_docx()` and give its path.",
        }
    import docx

    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    if (
        "Laporan Kinerja Media Sosial Bulanan" not in text
        and "Monthly Social Media Performance Report" not in text
    ):
        return False, {
            "id": "Itu bukan laporan kinerja bulanan. Buat dengan `report.monthly_report(...)`.",
            "en": "That is not a monthly performance report. Make it with `report.monthly_report(...)`.",
        }
    return True


q3 = CustomProblem(
    _check_report,
    hints=[
        {
            "id": "`laporan_bulanan.document().to_docx()` menyimpan berkasnya dan memberi jalurnya.",
            "en": "`laporan_bulanan.document().to_docx()` saves the file and returns its path.",
        }
    ],
    solution="berkas_laporan = laporan_bulanan.document().to_docx()",
)

q4 = ThoughtProblem(
    hints=[
        {
            "id": "Baca laporan seperti pimpinan: angka mana yang butuh keputusan, dan apa keputusannya?",
            "en": "Read the report as the leader would: which figure needs a decision, and what decision?",
        }
    ],
    solution_text={
        "id": (
            "Laporan yang baik dibuka dengan satu kesimpulan dan satu permintaan keputusan (misalnya: tingkat respons "
            "komentar di bawah 5 %: tetapkan admin piket harian), menyebut penyebut setiap angka, dan memisahkan "
            "yang terukur dari yang diduga. Angka keterlibatan dengan n kecil diberi tanda, bukan dirayakan."
        ),
        "en": (
            "A good report opens with one conclusion and one decision requested (for example: the comment response "
            "rate is under 5%: assign a daily duty admin), names every figure's denominator, and separates what is "
            "measured from what is supposed. Engagement figures with small n are flagged, not celebrated."
        ),
    },
)

EXERCISES = register("06_rencana_dan_laporan", q1=q1, q2=q2, q3=q3, q4=q4)
__all__ = ["____", "EXERCISES", "PLAN_MONTH", "q1", "q2", "q3", "q4"]
