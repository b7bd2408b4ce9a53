"""The content plan: pre-filled from the data, checked, exported and read back."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from labkit import audit, data
from labkit.errors import LabkitError
from labkit.plan import build_plan, check_plan, narrative_alignment, read_ics


@pytest.fixture(scope="module")
def plan_oct():
    report = audit.audit(data.load("accounts"), data.load("posts"), data.load("comments"),
                         agencies=data.load("agencies"), agency="AG05")  # fmt: skip
    return report, build_plan("AG05", "2026-10-01", audit_report=report)


def test_plan_is_prefilled_from_accounts_best_times_and_audit(plan_oct):
    report, plan = plan_oct
    assert plan.end.isoformat() == "2026-10-31" and "Kota Pelangi" in plan.agency_name
    accounts = data.load("accounts")
    assert set(plan.channels) == set(accounts.loc[accounts["agency_id"] == "AG05", "platform"])
    assert plan.slots["n"].min() >= 20  # only hours with enough posts
    assert plan.objectives and plan.objectives[0] in set(report.findings("AG05")["action"])


def test_month_view_shows_important_days_and_posts():
    plan = build_plan("AG05", "2026-10-01")
    plan.add_post("2026-10-02", "instagram", "Hari penting", format="image", alt_text="Batik")
    view = plan.month_view().set_index("date")
    assert len(view) == 31
    assert view.loc["2026-10-02", "important_day"] == "Hari Batik Nasional"
    assert view.loc["2026-10-02", "posts"] == 1 and view.loc["2026-10-03", "posts"] == 0


def test_checks_find_what_a_planner_must_fix():
    plan = build_plan("AG05", "2026-09-01")
    plan.add_post(
        "2026-09-30", "instagram", "Hari penting", format="image", caption="#harikesaktianpancasila"
    )
    plan.add_post("2026-09-02", "x", "Informasi layanan", caption="Layanan daring untuk warga.")
    plan.add_post("2026-10-05", "tiktok", "Promosi", format="reel")
    plan.add_post("2026-09-03", "mastodon", "Informasi layanan")
    codes = set(check_plan(plan, narrative="Pelayanan daring untuk warga").code)
    assert {"mourning", "unknown_pillar", "format", "outside_period", "unknown_platform", "alt_text",
            "video_captions", "hashtag_case", "gap", "pillar_mix", "narrative"} <= codes  # fmt: skip
    aligned = narrative_alignment(plan, "Pelayanan daring untuk warga")
    assert aligned.loc[1, "shared_terms"] == "daring, warga" and aligned.loc[1, "similarity"] > 0


def test_an_empty_plan_is_a_finding_not_an_error():
    assert check_plan(build_plan("AG05", "2026-10-01"))["code"].tolist() == ["empty"]
    with pytest.raises(LabkitError, match="Tukar"):
        build_plan("AG05", "2026-10-10", "2026-10-01")
    with pytest.raises(LabkitError, match="AG05"):
        build_plan("AG99", "2026-10-01")


def test_xlsx_in_the_officers_layout_never_holds_a_formula(work):
    plan = build_plan("AG05", "2026-10-01")
    plan.add_post(
        "2026-10-02",
        "x",
        "Informasi layanan",
        time="10:00",
        caption='=HYPERLINK("http://x")',
        pic="Ani",
    )
    sheet = openpyxl.load_workbook(plan.to_xlsx()).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == ["Tanggal", "Jam", "Platform", "Pilar", "Format", "Draf keterangan", "Aset",
                       "Penanggung jawab", "Status"]  # fmt: skip
    caption = sheet.cell(row=2, column=6)
    assert caption.data_type == "s" and "HYPERLINK" in caption.value


def test_ics_is_read_back_by_a_calendar_library(work):
    plan = build_plan("AG05", "2026-10-01")
    plan.add_post(
        "2026-10-02", "instagram", "Hari penting", time="08:30", caption="Hari Batik", pic="Budi"
    )
    plan.add_post("2026-10-09", "x", "Informasi layanan", time="14:00")
    events = read_ics(plan.to_ics().read_bytes())
    assert events["start"].tolist() == [
        pd.Timestamp("2026-10-02 08:30"),
        pd.Timestamp("2026-10-09 14:00"),
    ]
    assert (
        events["summary"].iloc[0] == "[instagram] Hari penting"
        and "PJ: Budi" in events["description"].iloc[0]
    )
