"""SMART checks of objectives (labkit.plan.smart)."""

from __future__ import annotations

import pytest

from labkit.plan.smart import check_objective


@pytest.mark.parametrize(
    "text",
    [
        "Meningkatkan tingkat keterlibatan Instagram menjadi 3 % per pengikut pada akhir Desember 2026",
        "Menjawab 90 % pertanyaan warga di kolom komentar dalam 2 jam, mulai Januari 2027",
        "Menurunkan waktu respons aduan pemohon paspor menjadi 4 jam dalam 3 bulan",
        "Increase the Facebook response rate to comments to 80% by the end of Q1",
    ],
)
def test_smart_objectives_pass(text):
    result = check_objective(text)
    assert result.smart, result.findings
    assert result.findings == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Media sosial instansi lebih aktif dan optimal", {"specific", "measurable", "time_bound"}),
        (
            "Meningkatkan jumlah pengikut Instagram tahun 2026",
            {"measurable"},
        ),  # the year is no target
        ("Meningkatkan keterlibatan warga di TikTok menjadi 5 %", {"time_bound"}),
        ("Meningkatkan pengikut menjadi 10.000 pada akhir 2026", {"specific"}),
    ],
)
def test_vague_objectives_get_findings_not_exceptions(text, missing):
    result = check_objective(text)
    failed = {
        name for name in ("specific", "measurable", "time_bound") if not getattr(result, name)
    }
    assert failed == missing
    assert result.findings and not result.smart


def test_findings_say_how_to_fix_in_the_trainees_language():
    result = check_objective("Konten lebih baik")
    text = " ".join(result.findings)
    assert "angka target" in text and "tenggatnya" in text and "indikatornya" in text
    assert check_objective(None).findings  # empty input: findings, no exception
