"""AuditReport: scores, findings, bad input, comparison, saving and the exports for leaders."""

from __future__ import annotations

import pandas as pd
import pytest
from _audit_data import AS_OF, account, accounts, comment, comments, daily_posts, post, posts, world

from labkit import i18n, schema, workspace
from labkit.audit import AuditInputError, AuditReport, audit
from labkit.audit.report import render

HOSTILE_NAME = '=HYPERLINK("http://penipu.example","klik")'
HOSTILE_BIO = "<script>alert('x')</script> @SUM(A1) -2+3"
HOSTILE_AGENCY = "Dinas <script>alert('ag')</script> Kota Contoh"
HOSTILE_NOTE = "<script>alert('note')</script> logo lama"


@pytest.fixture
def report():
    acc, p, c = world()
    return audit(acc, p, c, as_of=AS_OF)


# ---------------------------------------------------------------------------- basics


def test_as_of_defaults_to_the_latest_time_in_the_data_and_is_printed():
    acc, p, c = world()
    r = audit(acc, p, c)
    latest = max(p["published_at"].max(), c["created_at"].max(), c["replied_at"].max())
    assert r.as_of == latest
    assert latest.strftime("%Y-%m-%d") in r.summary()
    assert "waktu terakhir di data" in r.summary()
    r2 = audit(acc, p, c, as_of="2025-06-01")
    assert r2.as_of == pd.Timestamp("2025-06-01", tz="UTC")
    # data after an earlier as_of are ignored: the x account's last post is then 89 days old
    assert r2.items.query("item_id == 'INV-01' and account == 'humas_kota'")["value"].iloc[0] < 1


def test_scores_per_item_dimension_principle_account_and_agency(report):
    assert {"agency_id", "score", "coverage", "items_scored", "items"} <= set(
        report.agency_scores().columns
    )
    assert len(report.account_scores()) == 3
    assert set(report.principle_scores()["principle"]) == {
        "kredibel", "integritas", "profesional", "responsif", "terintegrasi", "keterwakilan"
    }  # fmt: skip
    assert len(report.dimension_scores()) == 11
    with_account_items = {it.dimension for it in report.rubric.items if it.level == "account"}
    assert len(report.dimension_scores("account")) == 3 * len(with_account_items)
    tab = report.table()
    assert {"evidence", "needed", "ids", "denominator", "n", "as_of"} <= set(tab.columns)
    assert (tab["as_of"] == AS_OF).all()
    # every rate names its denominator and n
    rates = tab.loc[
        tab["item_id"].isin(["RES-01", "ACC-01", "ACC-02", "CAD-01"]) & tab["points"].notna()
    ]
    assert (rates["denominator"].str.len() > 0).all() and rates["n"].notna().all()


def test_findings_one_per_failing_item_with_action(report):
    f = report.findings()
    failing = report.item_scores()
    assert set(f["item_id"]) == set(
        report.items.loc[
            (report.items["state"] == "scored") & (report.items["points"] < 2), "item_id"
        ]
    )
    assert f["item_id"].is_unique
    assert (f["finding"].str.len() > 0).all() and (f["action"].str.len() > 0).all()
    row = f.set_index("item_id").loc["ID-02"]
    assert "@humaskota" in row["finding"] and "profil pribadi" in row["finding"]
    assert len(failing) == len(report.rubric.items)


def test_english_switch():
    acc, p, c = world()
    i18n.set_language("en")
    r = audit(acc, p, c, as_of=AS_OF)
    assert "Audit date" in r.summary()
    assert "personal profile" in r.findings().set_index("item_id").loc["ID-02", "finding"]
    # the same report renders Indonesian on request
    assert "profil pribadi" in r.findings(lang="id").set_index("item_id").loc["ID-02", "finding"]


def test_render_formats_numbers_per_language():
    assert render(
        "audit.ev.posting_rate", {"per_week": 2.5, "n": 1234, "observed_days": 90}, "id"
    ) == ("2,5 unggahan per minggu (1.234 unggahan dalam 90 hari yang tercakup data).")
    assert "2.5 posts per week (1,234 posts" in render(
        "audit.ev.posting_rate", {"per_week": 2.5, "n": 1234, "observed_days": 90}, "en"
    )


# ---------------------------------------------------------------------------- bad input


def test_missing_inventory_column_names_the_column_and_the_items():
    acc, p, c = world()
    with pytest.raises(AuditInputError) as info:
        audit(acc.drop(columns=["verified", "link"]), p, c)
    msg = str(info.value)
    assert "verified" in msg and "link" in msg
    assert "ID-01" in msg and "ID-04" in msg and "ID-05" in msg


def test_missing_key_column_and_empty_key():
    acc, _, _ = world()
    with pytest.raises(AuditInputError) as info:
        audit(acc.drop(columns=["agency_id"]))
    assert "agency_id" in str(info.value)
    bad = acc.copy()
    bad.loc[1, "account"] = None
    with pytest.raises(Exception) as info:
        audit(bad)
    assert "account" in str(info.value) and "2" in str(info.value)


def test_empty_agency_and_empty_inventory_have_clear_messages():
    acc, p, c = world()
    with pytest.raises(AuditInputError) as info:
        audit(acc, p, c, agency="AG99")
    assert (
        info.value.key == "audit.empty_agency"
        and "AG99" in str(info.value)
        and "AG1" in str(info.value)
    )
    with pytest.raises(AuditInputError) as info:
        audit(acc.iloc[:0])
    assert info.value.key == "audit.no_accounts"


def test_duplicate_inventory_row_is_refused():
    acc, _, _ = world()
    with pytest.raises(AuditInputError) as info:
        audit(pd.concat([acc, acc.iloc[[0]]], ignore_index=True))
    assert "humas_kota" in str(info.value)


def test_inventory_with_its_own_index_is_read_by_position():
    acc, p, c = world()
    acc.index = [10 + 3 * i for i in range(len(acc))]  # e.g. a filtered or re-indexed table
    assert len(audit(acc, p, c, as_of=AS_OF).account_scores()) == len(acc)
    twice = pd.concat([acc, acc.iloc[[0]]])  # index 10 twice, no row at position 3
    with pytest.raises(AuditInputError) as info:
        audit(twice, p, c, as_of=AS_OF)
    assert info.value.key == "audit.duplicate_row"
    assert "humas_kota" in str(info.value) and f"{len(acc) + 1}" in str(info.value)


def test_a_principle_no_item_serves_has_weight_zero_and_no_score(tmp_path):
    import yaml

    from labkit.audit.rubric import DEFAULT_PATH

    raw = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    for it in raw["items"]:  # no item serves integritas any more
        prins = [x for x in it["basis"]["principles"] if x != "integritas"]
        it["basis"]["principles"] = prins or ["kredibel"]
    path = tmp_path / "rubrik.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    acc, p, c = world()
    r = audit(acc, p, c, as_of=AS_OF, rubric=str(path))
    for level in ("agency", "account"):
        prin = r.principle_scores(level)
        integ = prin.loc[prin["principle"] == "integritas"]
        assert len(integ) and (integ["weight"] == 0).all() and integ["score"].isna().all()
        assert prin["weight"].notna().all()


def test_trainee_inventory_with_handles_as_typed_and_no_other_tables():
    # an inventory typed by hand: '@' and capitals, yes/no words, no posts or comments yet
    acc = pd.DataFrame(
        {
            "platform": ["instagram", "facebook"],
            "account": ["@Dinkes_Kota", "dinkeskota"],
            "agency_id": ["DINKES", "DINKES"],
            "display_name": ["Dinkes Kota", "Dinkes Kota"],
            "bio": ["Akun resmi Dinas Kesehatan Kota", ""],
            "link": ["https://dinkes.kota.go.id", None],
            "contact": ["lapor.go.id", None],
            "verified": ["ya", "tidak"],
            "profile_type": ["page", None],
            "followers": [None, None],
        }
    )
    r = audit(acc)
    assert set(r.accounts["account"]) == {"dinkes_kota", "dinkeskota"}
    un = r.unscored()
    needs = un.loc[un["item_id"] == "INV-01", "needed"]
    assert len(needs) == 2 and needs.str.contains("posts|unggahan").all()
    assert "now" == r.meta["as_of_origin"]
    assert r.items.query("item_id == 'ID-01'").set_index("account")["points"].to_dict() == {
        "dinkes_kota": 2.0,
        "dinkeskota": 0.0,
    }


# ---------------------------------------------------------------------------- comparison and saving


def test_compare_says_what_improved_and_what_got_worse():
    acc, p, c = world()
    before = audit(
        acc,
        p,
        c,
        as_of=AS_OF,
        checklist=pd.DataFrame({"agency_id": ["AG1"], "item_id": ["GOV-01"], "answer": ["tidak"]}),
    )
    # after the workshop: the x account posts again, the Facebook profile became a Page,
    # the SOP is signed, but the Instagram account stopped answering complaints
    acc2 = acc.copy()
    acc2.loc[acc2["account"] == "humaskota", "profile_type"] = "page"
    p2 = posts(
        daily_posts("instagram", "humas_kota", 90)
        + daily_posts("facebook", "humaskota", 20, every_days=3, start_days_ago=40)
        + daily_posts("x", "humaskota_x", 10, every_days=2, start_days_ago=0.5)
    )
    c2 = comments(
        [
            comment(
                "instagram", "humas_kota", f"c{i}", 48 + i, "Kok antrean lama?", reply_after_h=None
            )
            for i in range(8)
        ]
        + [comment("instagram", "humas_kota", "c9", 60, "Kapan buka?", reply_after_h=30)]
    )
    after = audit(
        acc2,
        p2,
        c2,
        as_of=AS_OF,
        checklist=pd.DataFrame({"agency_id": ["AG1"], "item_id": ["GOV-01"], "answer": ["ya"]}),
    )
    cmp = after.compare(before)
    better = cmp.improved("item")["key"].tolist()
    worse = cmp.worsened("item")["key"].tolist()
    assert {"ID-02", "INV-01", "GOV-01"} <= set(better)
    assert "RES-01" in worse
    acc_rows = cmp.improved("account_item")
    assert ("humaskota_x", "INV-01") in set(zip(acc_rows["account"], acc_rows["key"], strict=True))
    text = cmp.summary()
    assert "membaik" in text or "Butir membaik" in text
    assert "RES-01" in text


def test_save_and_load_round_trip(report):
    path = report.save("awal")
    assert path.parent == workspace.work_dir() / "audit" / "reports"
    back = AuditReport.load("awal")
    assert back.as_of == report.as_of
    pd.testing.assert_frame_equal(
        back.agency_scores().drop(columns=["as_of"]), report.agency_scores().drop(columns=["as_of"])
    )
    assert back.findings().equals(report.findings())
    assert back.compare(report).table["direction"].isin(["same", "not_scored"]).all()


def test_load_missing_report_is_a_clear_error():
    from labkit.errors import LabkitError

    with pytest.raises(LabkitError) as info:
        AuditReport.load("belum_ada")
    assert "belum_ada" in str(info.value)


# ---------------------------------------------------------------------------- exports


@pytest.fixture
def hostile_report():
    acc = accounts(
        account("instagram", "humas_kota", display_name=HOSTILE_NAME, bio=HOSTILE_BIO),
        account("facebook", "humaskota", display_name=HOSTILE_NAME, profile_type="personal"),
        account("x", "humaskota_x", display_name="Lain Sekali", contact=None),
    )
    p = posts(daily_posts("instagram", "humas_kota", 30) + [post("x", "humaskota_x", "x1", 45)])
    cl = pd.DataFrame(
        {
            "agency_id": ["AG1", "AG1"],
            "platform": [None, "instagram"],
            "account": [None, "humas_kota"],
            "item_id": ["GOV-01", "ID-08"],
            "answer": ["sebagian", "tidak"],
            "note": ["=cmd|' /C calc'!A0 <b>draf</b>", HOSTILE_NOTE],
        }
    )
    agencies = schema.empty("agencies")
    agencies = schema.conform(
        pd.DataFrame({c: [None] for c in agencies.columns}).assign(
            agency_id="AG1", name=HOSTILE_AGENCY, kind="diskominfo_kota", tz="WIB"
        ),
        "agencies",
        source="test",
    )
    return audit(acc, p, None, as_of=AS_OF, checklist=cl, agencies=agencies)


def test_docx_scorecard_chart_and_one_finding_per_failing_item(hostile_report):
    import docx

    i18n.set_language("en")  # exports for leaders stay Indonesian
    path = hostile_report.to_docx()
    assert path.parent == workspace.work_dir() / "exports"
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Audit Akun Media Sosial Instansi" in text
    assert "Kartu skor" in text and "Temuan dan rekomendasi" in text
    assert len(d.inline_shapes) == 1  # the per-principle chart (PNG)
    findings = hostile_report.findings(lang="id")
    tables = {t.rows[0].cells[0].text: t for t in d.tables}
    assert "Prinsip" in tables
    table = [t for t in d.tables if t.rows[0].cells[1].text == "Temuan"][0]
    assert len(table.rows) - 1 == len(findings)  # one row per failing item
    cells = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert all(r[1] and r[2] for r in cells)  # a finding and an action each
    assert any(HOSTILE_NAME in r[1] for r in cells)  # data text is kept literally
    assert len(findings) >= 5


def test_xlsx_full_table_never_holds_formulas(hostile_report):
    import openpyxl

    path = hostile_report.to_xlsx()
    wb = openpyxl.load_workbook(path)
    assert {
        "Ringkasan",
        "Prinsip",
        "Dimensi",
        "Akun",
        "Semua butir",
        "Temuan",
        "Tidak dinilai",
        "Rubrik",
    } <= set(wb.sheetnames)
    ws = wb["Semua butir"]
    assert ws.max_row - 1 == len(hostile_report.items)
    cells = [c for sheet in wb.worksheets for row in sheet.iter_rows() for c in row]
    values = [c.value for c in cells if isinstance(c.value, str)]
    assert all(c.data_type != "f" for c in cells)
    risky = [v for v in values if v.lstrip(" '").startswith(("=", "+", "-", "@"))]
    assert risky and all(v.startswith("'") for v in risky)
    assert "'=cmd|' /C calc'!A0 <b>draf</b>" in values  # the trainee's note, kept as text


def test_html_escapes_text_from_data(hostile_report):
    path = hostile_report.to_html()
    page = path.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>draf</b>" not in page
    assert "&lt;b&gt;draf&lt;/b&gt;" in page
    # the hostile agency name and checklist note reach the page, escaped
    assert "Dinas &lt;script&gt;alert(" in page
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt; logo lama" in page
    assert "Audit Akun Media Sosial Instansi" in page
    assert "data:image/png;base64" in page


def test_repr_html_escapes(hostile_report):
    html = hostile_report._repr_html_()
    assert "Dinas &lt;script&gt;alert(&#x27;ag&#x27;)&lt;/script&gt; Kota Contoh" in html
    assert "<script>" not in html
