"""After-action review: a scripted team acting at set times gets the expected scores."""

from __future__ import annotations

import json

import docx

from labkit.tabletop.exercise import Exercise
from labkit.tabletop.review import review

HOLDING = (
    "Kami mohon maaf atas gangguan sistem antrean daring Kantor Imigrasi Kota Pelangi sejak pagi ini. "
    "Tim kami sedang memperbaiki sistem; warga yang sudah datang tetap dilayani di loket. "
    "Informasi terbaru kami sampaikan pukul 11.00 WIB di akun ini."
)
CLARIFY = (
    "[HOAKS] Penjualan kuota antrean paspor lewat nomor pribadi adalah penipuan. Antrean paspor gratis "
    "lewat aplikasi resmi. Informasi terbaru pukul 12.00 WIB."
)


def _play(tmp_path, *, fast: bool):
    ex = Exercise.create("ep01_antrean", tmp_path / ("cepat" if fast else "lambat"))
    if fast:
        ex.advance(12)
        ex.alert("aduan antrean melonjak")
        draft = ex.submit_draft(HOLDING, strategy="diminish")
        ex.advance(10)
        ex.approve(draft)
        ex.advance(8)
        ex.publish(draft)  # minute 30
        ex.reply(
            next(i for i, r in ex.state().feed.iterrows() if r["type"] == "journalist"), HOLDING
        )
        ex.advance(30)  # 60: the hoax came at 50
        hoax = ex.submit_draft(CLARIFY, kind="clarification")
        ex.approve(hoax)
        ex.publish(hoax)
    else:
        ex.advance(80)
        draft = ex.submit_draft("Maaf.", strategy="deny")
        ex.approve(draft)
        ex.publish(draft)
    ex.advance(90)
    return ex


def test_a_fast_team_scores_within_the_golden_hour(tmp_path):
    result = review(_play(tmp_path, fast=True))
    assert result.time_to_detect == 12
    assert result.first_holding == 30 and result.within_golden_hour
    assert result.hoaxes_uncorrected.empty
    expected_missing = {("twist", "update"), ("twist", "apology"), ("leader", "escalate")}
    assert (
        set(zip(result.unanswered["type"], result.unanswered["expected"], strict=True))
        <= expected_missing
    )
    strategies = result.strategies.set_index("draft_id")
    # diminish for a technical-error accident
    assert strategies["matches"].all() and len(strategies) == 1


def test_a_slow_team_misses_the_golden_hour_and_the_hoax(tmp_path):
    result = review(_play(tmp_path, fast=False))
    assert result.time_to_detect is None and result.first_holding == 80
    assert not result.within_golden_hour
    assert len(result.hoaxes_uncorrected) == 1
    assert {"holding_statement", "clarify_hoax", "reply"} <= set(result.unanswered["expected"])
    assert not result.strategies["matches"].iloc[0]  # deny is not for an accident
    assert result.published["n_findings"].iloc[0] >= 1  # "Maaf." says nothing the checker wants


def test_report_is_saved_as_json_docx_and_html(tmp_path, work):
    result = review(_play(tmp_path, fast=True), team="tim_merah")
    paths = result.save()
    data = json.loads(paths["json"].read_text())
    assert (
        data["team"] == "tim_merah"
        and data["first_holding"] == 30
        and data["hoaxes_uncorrected"] == 0
    )
    assert paths["json"].is_relative_to(work)
    text = "\n".join(p.text for p in docx.Document(paths["docx"]).paragraphs)
    assert "Tinjauan pascalatihan" in text and "Pertanyaan untuk diskusi" in text
    tables = docx.Document(paths["docx"]).tables
    cells = [c.text for t in tables for row in t.rows for c in row.cells]
    assert "menit 30" in cells
    assert docx.Document(paths["docx"]).inline_shapes  # the timeline chart
    assert "<script" not in paths["html"].read_text().lower()
