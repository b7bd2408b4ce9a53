"""Exercises of notebook ``00_memulai``: a first look at the fictional agencies.

Expected values are computed from the bundled tables at check time, so they
follow the data if it is ever regenerated. Solutions are the tagged cells of
``notebooks/solutions/00_memulai.ipynb`` (:mod:`labkit.check.solutions`);
``qN`` is the notebook's *Latihan N*.
"""

from __future__ import annotations

from labkit import data
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.exercises import register


def _agency_count() -> int:
    return len(data.load("agencies"))


def _bpbd_zone() -> str:
    agencies = data.load("agencies")
    return str(agencies.loc[agencies["kind"] == "bpbd", "tz"].iloc[0])


def _busiest_platform() -> str:
    return str(data.load("posts")["platform"].value_counts().idxmax())


def _is_filled_text(answer: object) -> tuple[bool, dict[str, str] | None]:
    if not isinstance(answer, str) or len(answer.split()) < 3:
        return False, {
            "id": "Tulis satu kalimat (paling sedikit tiga kata) di antara tanda kutip.",
            "en": "Write one sentence (at least three words) between quotes.",
        }
    return True, None


q1 = EqualityProblem(
    _agency_count,
    quantity="count",
    hints=[
        {
            "id": "Setiap baris tabel `instansi` adalah satu instansi.",
            "en": "Each row of the `instansi` table is one agency.",
        },
        {"id": "`len(tabel)` menghitung jumlah baris.", "en": "`len(table)` counts the rows."},
    ],
)

q2 = EqualityProblem(
    _bpbd_zone,
    ignore_case=True,
    ignore_whitespace=True,
    hints=[
        {
            "id": "Cari baris BPBD (kolom `kind` bernilai `bpbd`) di tabel instansi, lalu lihat kolom `tz`.",
            "en": "Find the BPBD row (column `kind` is `bpbd`) in the agencies table and read column `tz`.",
        },
        {
            "id": 'Jawabannya salah satu dari "WIB", "WITA" atau "WIT", ditulis sebagai teks.',
            "en": 'The answer is one of "WIB", "WITA" or "WIT", written as text.',
        },
    ],
)

q3 = EqualityProblem(
    _busiest_platform,
    ignore_case=True,
    hints=[
        {
            "id": '`unggahan["platform"].value_counts()` menghitung unggahan per platform.',
            "en": '`unggahan["platform"].value_counts()` counts posts per platform.',
        },
        {
            "id": "`.idxmax()` memberi nama platform dengan hitungan terbesar.",
            "en": "`.idxmax()` gives the platform with the largest count.",
        },
    ],
)

q4 = ThoughtProblem(
    hints=[
        {
            "id": "Bayangkan nomor telepon Anda sendiri tersebar di layar presentasi lokakarya.",
            "en": "Imagine your own phone number shown on a workshop's projector.",
        }
    ],
    solution_text={
        "id": (
            "Komentar warga bisa memuat NIK, nomor telepon atau e-mail. UU PDP 27/2022 mewajibkan "
            "kita melindunginya: di lab ini data itu disamarkan sejak dimuat, dan nama akun warga "
            "diganti nama samaran yang tetap sama, sehingga jumlah warga unik tetap bisa dihitung."
        ),
        "en": (
            "Citizens' comments can contain ID numbers, phone numbers or e-mails. Law 27/2022 obliges "
            "us to protect them: here they are masked as they are loaded, and handles are replaced by "
            "stable pseudonyms, so unique commenters can still be counted."
        ),
    },
)

q5 = CustomProblem(
    _is_filled_text,
    hints=[
        {
            "id": "Tidak ada jawaban benar atau salah: tulis harapan Anda sendiri.",
            "en": "There is no right or wrong answer: write your own wish.",
        }
    ],
    solution_text={
        "id": "Contoh: 'Saya ingin bisa menemukan akun palsu yang memakai nama dinas kami.'",
        "en": "Example: 'I want to be able to find fake accounts using our office's name.'",
    },
)

EXERCISES = register("00_memulai", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)

__all__ = ["____", "q1", "q2", "q3", "q4", "q5", "EXERCISES"]
