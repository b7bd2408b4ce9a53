"""SMART objectives: is an objective specific, measurable (a KPI and a number) and time-bound?

The check is transparent rules on the text, in Indonesian (and English), so that a
trainee can read why an objective fails and fix it; it returns findings, never raises
on a vague objective (a vague objective is the lesson, not an error):

* **specific**: an action verb (*meningkatkan*, *menurunkan*, *menjawab*...) and
  something it acts on (an audience, a platform or a service), not only vague words
  (*lebih baik*, *optimal*, *maksimal*);
* **measurable**: a KPI (engagement rate, followers, reach, response rate, reply time...)
  **and** a number (a target: ``5 %``, ``1.000``, ``2 jam``);
* **time-bound**: a deadline or period (*akhir Desember 2026*, *dalam 3 bulan*,
  *triwulan IV*, a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from labkit import i18n

_VERBS = (
    r"meningkat\w*|naik\w*|menaikkan|menurunkan|turunkan|mengurangi|menekan|mempertahankan|menjaga|"
    r"menjawab|membalas|merespons|menanggapi|menjangkau|mencapai|menambah|memperluas|"
    r"mempercepat|mempersingkat|memperbanyak|mengunggah|menerbitkan|memastikan|"
    r"increase|raise|reduce|cut|reach|answer|reply|grow|publish|keep"
)
_TARGETS = (
    r"warga|masyarakat|pemuda|milenial|gen ?z|pelajar|mahasiswa|orang tua|lansia|nelayan|petani|umkm|"
    r"pemohon|pengguna layanan|penerima|audiens|komentar|pertanyaan|aduan|"
    r"instagram|facebook|tiktok|youtube|\bx\b|twitter|threads|whatsapp|situs|website|"
    r"layanan|paspor|ktp|adminduk|vaksin|bantuan|pajak|perizinan|citizens|comments"
)
_VAGUE = r"lebih baik|optimal|maksimal|lebih aktif|lebih dikenal|semaksimal|sebaik mungkin|better|more active"
_KPIS = (
    r"tingkat keterlibatan|keterlibatan|engagement( rate)?|er\b|pengikut|followers|jangkauan|reach|"
    r"tayangan|impresi|views|impressions|tingkat respons|tingkat balasan|response rate|"
    r"waktu (?:respons|balasan|tanggap)|response time|komentar (?:yang )?dijawab|dibalas|"
    r"jumlah unggahan|\d+ unggahan|klik|clicks|skor audit|audit score|sentimen|sentiment|share|bagikan|"
    r"pertanyaan|aduan"
)
_NUMBER = (
    r"\d+(?:[.,]\d+)?\s*(?:%|persen|percent|ribu|rb|juta|jt|jam|menit|hari|unggahan|posts?|kali)?"
)
_TIME = (
    r"(?:akhir|awal|pertengahan)\s+\w+(?:\s+\d{4})?|dalam\s+\d+\s+(?:hari|minggu|pekan|bulan|tahun)|"
    r"\d+\s+(?:hari|minggu|bulan)\s+(?:ke depan|mendatang)|triwulan\s+\w+|semester\s+\w+|"
    r"tahun\s+\d{4}|\b\d{4}\b|\d{1,2}\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|"
    r"september|oktober|november|desember)|(?:januari|februari|maret|april|mei|juni|juli|agustus|"
    r"september|oktober|november|desember)|per\s+(?:bulan|minggu|hari)|setiap\s+(?:bulan|minggu|hari)|"
    r"by\s+\w+|within\s+\d+\s+\w+|q[1-4]\b"
)


@dataclass(frozen=True)
class SmartCheck:
    """The result of checking one objective.

    Attributes
    ----------
    text : str
    specific, measurable, time_bound : bool
    found : dict
        What was found: ``verb``, ``target``, ``kpi``, ``number``, ``time`` (or None).
    findings : list of str
        What is missing and how to fix it, in the trainee's language (empty when SMART).
    """

    text: str
    specific: bool
    measurable: bool
    time_bound: bool
    found: dict = field(repr=False)
    findings: list[str] = field(default_factory=list)

    @property
    def smart(self) -> bool:
        """All three checks pass."""
        return self.specific and self.measurable and self.time_bound


def _first(pattern: str, text: str) -> str | None:
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return m.group(0).strip() if m else None


def check_objective(text: str) -> SmartCheck:
    """Check one objective (see the module's description).

    Examples
    --------
    >>> check_objective("Meningkatkan tingkat keterlibatan Instagram menjadi 3 % per pengikut pada akhir Desember 2026").smart
    True
    >>> check_objective("Media sosial instansi lebih aktif").smart
    False
    """
    raw = "" if text is None else str(text)
    low = raw.lower()
    # a number that is only the year does not make a target
    without_years = re.sub(r"\b(?:19|20)\d{2}\b", " ", low)
    found = {
        "verb": _first(rf"\b(?:{_VERBS})\b", low),
        "target": _first(rf"(?:{_TARGETS})", low),
        "kpi": _first(rf"(?:{_KPIS})", low),
        "number": _first(_NUMBER, without_years),
        "time": _first(_TIME, low),
    }
    vague_only = bool(re.search(_VAGUE, low)) and not found["target"]
    specific = bool(found["verb"] and found["target"]) and not vague_only
    measurable = bool(found["kpi"] and found["number"])
    time_bound = bool(found["time"])
    findings = []
    if not specific:
        findings.append(i18n.t("plan.smart.not_specific"))
    if not found["kpi"]:
        findings.append(i18n.t("plan.smart.no_kpi"))
    if not found["number"]:
        findings.append(i18n.t("plan.smart.no_number"))
    if not time_bound:
        findings.append(i18n.t("plan.smart.no_time"))
    return SmartCheck(raw, specific, measurable, time_bound, found, findings)
