"""Example exercise module (notebook id ``contoh``): the pattern for ``exNN.py``.

Used by the tests and by ``tests/fixtures/nbgen/solutions/01_contoh.ipynb``;
real notebooks have their own ``exNN.py``. It shows each kind of problem:

- ``q1`` equality with a number;
- ``q2`` a function checked on test cases against a reference;
- ``q3`` equality against ground truth read lazily at check time
  (real modules read ``data.load("truth_...")`` the same way);
- ``q4`` a reflection question (nothing graded, the text is saved);
- ``q5`` a custom check returning ``(ok, message)``.

All accounts and numbers are fictional.
"""

from __future__ import annotations

import pandas as pd

from labkit.check import (
    CustomProblem,
    EqualityProblem,
    FunctionProblem,
    ThoughtProblem,
    ____,
)
from labkit.exercises import register

akun_contoh = pd.DataFrame(
    {
        "account_id": ["ig_dinkes_kota", "x_dinkes_kota", "fb_dinkes_kota", "tt_dinkes_kota"],
        "hari_sejak_unggahan_terakhir": [2, 140, 35, 400],
    }
)
"""Four fictional accounts of a fictional city health office and days since their last post."""

DORMANT_DAYS = 90


def _truth_dormant() -> set[str]:
    """Ground truth for q3 (in real modules: read from a ``truth_*`` table)."""
    days = akun_contoh["hari_sejak_unggahan_terakhir"]
    return set(akun_contoh.loc[days > DORMANT_DAYS, "account_id"])


def engagement_rate_reference(interaksi: float, pengikut: float) -> float:
    """Interactions per follower, in percent (reference for q2)."""
    return interaksi / pengikut * 100


def _caption_ok(teks: object) -> tuple[bool, dict[str, str] | None]:
    if not isinstance(teks, str):
        return False, {
            "id": "Tulis keterangan sebagai teks (di antara tanda kutip).",
            "en": "Write the caption as text (between quotes).",
        }
    if len(teks) > 280:
        return False, {
            "id": f"Keterangan Anda {len(teks)} karakter; batasnya 280.",
            "en": f"Your caption has {len(teks)} characters; the limit is 280.",
        }
    if "#" not in teks:
        return False, {
            "id": "Tambahkan satu tagar (#) kampanye.",
            "en": "Add one campaign hashtag (#).",
        }
    return True, None


q1 = EqualityProblem(
    168,
    hints=[
        {
            "id": "Interaksi = suka + komentar + bagikan.",
            "en": "Interactions = likes + comments + shares.",
        },
        "120 + 30 + 18",
    ],
    solution="total_interaksi = 120 + 30 + 18",
)

q2 = FunctionProblem(
    [(168, 12_000), (0, 500), (45, 900)],
    reference=engagement_rate_reference,
    hints=[
        "Bagi interaksi dengan jumlah pengikut.",
        "Jangan lupa dikali 100 supaya menjadi persen.",
    ],
    solution=("def engagement_rate(interaksi, pengikut):\n    return interaksi / pengikut * 100"),
    solution_text="Tingkat keterlibatan (ER) per pengikut, dalam persen; penyebutnya jumlah pengikut.",
)

q3 = EqualityProblem(
    _truth_dormant,
    hints=[
        f"Akun 'tidur' = tidak mengunggah apa pun lebih dari {DORMANT_DAYS} hari.",
        "Saring baris dengan `akun_contoh['hari_sejak_unggahan_terakhir'] > 90`, ambil `account_id`.",
    ],
    solution=(
        "hari = akun_contoh['hari_sejak_unggahan_terakhir']\n"
        "akun_tidur = set(akun_contoh.loc[hari > 90, 'account_id'])"
    ),
)

q4 = ThoughtProblem(
    hints=["Pikirkan siapa yang masih mengikuti akun yang tidak aktif."],
    solution_text=(
        "Akun tidur tetap tampil di pencarian; warga bisa mengira akun itu resmi dan aktif. "
        "Arsipkan, atau beri keterangan yang mengarahkan ke akun aktif."
    ),
)

q5 = CustomProblem(
    _caption_ok,
    hints=["Paling banyak 280 karakter, dengan satu tagar kampanye."],
    solution_text="Contoh: 'Imunisasi gratis di puskesmas terdekat setiap Sabtu. #KotaSehat'",
)

EXERCISES = register("contoh", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)

__all__ = ["____", "q1", "q2", "q3", "q4", "q5", "akun_contoh", "EXERCISES"]
