"""Exercises of notebook 04_respons_krisis (crisis responses and hoax clarifications).

Episode answers come from the universe's ground truth (``truth_crises``), read at
check time; :mod:`labkit.crisis` itself never reads it. Draft exercises are
checked with :func:`labkit.crisis.lint`.
"""

from __future__ import annotations

from labkit import data, privacy
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.crisis import advise, lint
from labkit.exercises import register

#: A weak holding statement for Latihan 3 (notebook 04).
DRAF_LEMAH = (
    "Terkait gangguan sistem antrean online Kanim Kota Pelangi, gangguan ini kemungkinan besar "
    "akibat ulah oknum yang meretas server. Tidak ada komentar lebih lanjut."
)


def _episode(episode_id: str):
    truth = data.load("truth_crises")  # ground truth: only checks and tests read truth_*
    return truth.set_index("episode_id").loc[episode_id]


def _cluster_ep02() -> str:
    return str(_episode("EP02")["scct_cluster"])


def _strategy_ep02() -> str:
    return advise(str(_episode("EP02")["scct_type"])).strategy


def _clean(kind: str, platform: str):
    def checker(answer: object):
        if not isinstance(answer, str) or not answer.strip():
            return False, {
                "id": "Jawaban harus berupa teks draf.",
                "en": "The answer must be the draft's text.",
            }
        official = privacy.official_allowlist(data.load("accounts"), data.load("agencies"))
        findings = lint(answer, platform=platform, kind=kind, official_contacts=official)
        if not findings:
            return True
        codes = ", ".join(sorted({f.code for f in findings}))
        return False, {
            "id": f"Lint masih menemukan: {codes}. Jalankan lint(...) untuk melihat pesannya.",
            "en": f"Lint still finds: {codes}. Run lint(...) to see its messages.",
        }

    return checker


q1 = EqualityProblem(
    _cluster_ep02,
    ignore_case=True,
    ignore_whitespace=True,
    hints=[
        {
            "id": "Episode EP02 adalah pesan berantai palsu tentang biaya KTP-el. Jenis krisis apa itu menurut SCCT?",
            "en": "Episode EP02 is a false chain message about ID-card fees. Which SCCT crisis type is that?",
        },
        {
            "id": "Rumor termasuk klaster 'victim'. Coba advise('rumour').cluster.",
            "en": "A rumour belongs to the 'victim' cluster. Try advise('rumour').cluster.",
        },
    ],
    solution='klaster_ep02 = advise("rumour").cluster',
)

q2 = EqualityProblem(
    _strategy_ep02,
    ignore_case=True,
    ignore_whitespace=True,
    hints=[
        {
            "id": "Untuk rumor, SCCT membolehkan satu strategi yang untuk klaster lain berbahaya.",
            "en": "For a rumour SCCT allows one strategy that is dangerous for other clusters.",
        },
        {"id": "Lihat advise('rumour').strategy.", "en": "See advise('rumour').strategy."},
    ],
    solution='strategi_ep02 = advise("rumour").strategy  # "deny": luruskan fakta dengan bukti',
)

q3 = CustomProblem(
    _clean("holding", "instagram"),
    hints=[
        {
            "id": "Hapus dugaan ('kemungkinan besar'), tuduhan ('ulah oknum') dan 'tidak ada komentar'.",
            "en": "Remove the guess ('kemungkinan besar'), the blame ('ulah oknum') and 'no comment'.",
        },
        {
            "id": "Tambahkan waktu, empati, tindakan, kontak resmi dan kapan informasi berikutnya.",
            "en": "Add the time, empathy, action, an official contact and when the next update comes.",
        },
    ],
    solution=(
        'draf_baik = ("Rabu, 2 September 2026 pukul 08.00 WIB sistem antrean online Kanim Kota Pelangi '
        "mengalami gangguan. Kami mohon maaf. Petugas sedang memulihkan sistem; warga yang sudah datang "
        'tetap dilayani di loket. Info: 0811-0000-0003. Informasi berikutnya pukul 12.00 WIB.")'
    ),
)

q4 = CustomProblem(
    _clean("clarification", "tiktok"),
    hints=[
        {
            "id": "Klarifikasi diawali label dalam kurung siku, misalnya [HOAKS].",
            "en": "A clarification starts with a bracketed label, such as [HOAKS].",
        },
        {
            "id": "Sebut klaimnya, faktanya, tanggal, dan rujukan resmi (tautan).",
            "en": "State the claim, the facts, the date and an official reference (a link).",
        },
    ],
    solution=(
        'klarifikasi = ("[HOAKS] Pengurusan KTP-el di Disdukcapil Kota Teluk Mutiara dikenai biaya Rp500.000. '
        "Faktanya layanan KTP-el gratis (1 Juni 2026). "
        'Sumber: https://dukcapil.telukmutiara.go.id/layanan")'
    ),
)

q5 = ThoughtProblem(
    hints=[
        {
            "id": "Bandingkan kedua pernyataan dengan daftar CERC: cepat, benar, kredibel, empati, ajakan bertindak, hormat.",
            "en": "Compare both statements with the CERC list: first, right, credible, empathy, action, respect.",
        }
    ],
    solution_text={
        "id": "Pernyataan yang kuat memberi waktu, fakta yang sudah pasti, empati, apa yang dilakukan dan "
        "harus dilakukan warga, kontak, dan kapan informasi berikutnya; yang lemah menebak penyebab, "
        "menyalahkan, atau menutup diri.",
        "en": "A strong statement gives the time, confirmed facts, empathy, what is being done and what people "
        "should do, a contact and when the next update comes; a weak one guesses causes, blames or stonewalls.",
    },
)

EXERCISES = register("04_respons_krisis", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)
__all__ = ["DRAF_LEMAH", "EXERCISES", "____", "q1", "q2", "q3", "q4", "q5"]
