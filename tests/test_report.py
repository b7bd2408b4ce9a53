"""Reports for the leader: each DOCX is read back and checked against the data."""

from __future__ import annotations

import docx
import pytest

from labkit import data, i18n, monitor
from labkit.errors import LabkitError
from labkit.report import SECTIONS, StaffReview, daily_issue_report, monthly_report


def _text(path) -> str:
    document = docx.Document(path)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture(scope="module")
def ep01_day():
    return monitor.daily_summary(data.load("comments"), "2026-09-02", account="kanim_kotapelangi")


def test_daily_issue_report_has_its_sections_and_the_days_figures(ep01_day, work):
    path = daily_issue_report(
        ep01_day, agency_name="Kanim Kota Pelangi", actions_taken=["Pernyataan awal 09.30"]
    ).to_docx()
    text = _text(path)
    for heading in ("Laporan Isu Harian", "Isu hari ini", "Volume dan sentimen", "Hoaks yang beredar",
                    "Alarm lonjakan", "Tindakan yang sudah dilakukan", "Rekomendasi"):  # fmt: skip
        assert heading in text
    assert f"{ep01_day.n_comments} komentar hari ini" in text.replace(".", "")
    assert ep01_day.rising_terms.index[0] in text  # the top risen word
    assert f"n = {ep01_day.n_comments}" in text and "Pernyataan awal 09.30" in text
    assert f"Tingkat keparahan {ep01_day.severity.level}" in text
    assert docx.Document(path).inline_shapes  # the hourly chart is embedded
    # the alarms table speaks the reader's language and says which signal rang
    (table,) = [t for t in docx.Document(path).tables if t.rows[0].cells[0].text == "Mulai"]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Mulai", "Selesai", "Puncak per jam", "Sinyal", "Kata yang melonjak"]
    channels = {"volume": "volume", "words": "kata", "volume+words": "volume dan kata"}
    signal = [row.cells[3].text for row in table.rows[1:]]
    assert signal == [channels[c] for c in ep01_day.alerts["channel"]]
    assert int(ep01_day.hourly.sum()) == ep01_day.n_comments


def test_a_day_without_data_says_what_is_missing(work):
    summary = monitor.daily_summary(data.load("comments"), "2031-01-01")
    text = _text(daily_issue_report(summary).to_docx())
    assert "Yang tidak tersedia" in text and "Tidak ada komentar pada hari ini" in text


def test_staff_review_sections_header_and_saving(work):
    review = StaffReview.open("antrean")
    review.kepada, review.dari, review.perihal = (
        "Kepala Kantor",
        "Kasubsi Humas",
        "Gangguan antrean daring",
    )
    review.persoalan = "Sistem antrean daring gagal sejak pagi."
    review.fakta = ["603 komentar dalam 12 jam", "Wartawan Pelangi Pos bertanya"]
    review.save()
    again = StaffReview.open("antrean")  # as after a kernel restart
    assert again.fakta == review.fakta and again.perihal == review.perihal
    text = _text(again.document().to_docx())
    assert "Telaah Staf" in text and "Kepala Kantor" in text and "603 komentar dalam 12 jam" in text
    for number, section in enumerate(SECTIONS, start=1):
        assert f"{number}. {i18n.t(f'report.staff.section.{section}')}" in text
    assert "Fakta yang mempengaruhi" in text and "Saran atau tindak lanjut" in text
    with pytest.raises(LabkitError, match="perihal"):
        StaffReview.open("kosong").document()


def test_monthly_report_figures_match_the_data(work):
    report = monthly_report("AG05", "2026-09")
    posts = data.load("posts")
    assert (
        report.n_posts > 100 and report.audit_score is not None and report.audit_change is not None
    )
    assert report.engagement["n"].sum() == report.n_posts
    assert report.best_posts["er_pct"].iloc[0] >= report.worst_posts["er_pct"].iloc[0]
    assert (report.responses["response_rate"] <= 100).all()
    text = _text(report.document().to_docx())
    assert "Laporan Kinerja Media Sosial Bulanan" in text and "interaksi ÷ pengikut" in text
    assert f"{report.n_posts} unggahan bulan ini" in text
    assert report.best_posts["account"].iloc[0] in text
    assert docx.Document(report.document().to_docx()).inline_shapes  # the engagement chart
    assert len(posts)  # the data the report read


def test_monthly_report_for_a_month_without_data_says_so(work):
    report = monthly_report("AG05", "2030-01", with_audit=False)
    assert report.n_posts == 0
    assert "Tidak ada unggahan" in _text(report.document().to_docx())
    with pytest.raises(LabkitError, match="2026-09"):
        monthly_report("AG05", "bulan lalu")
