"""Account inventory and comments templates, the inventory form, and own-data sections."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from labkit import data, i18n, owndata, schema, workspace
from labkit.errors import LabkitError
from labkit.ingest import inventory as inv
from labkit.ingest.inventory import TemplateError
from labkit.widgets.inventory import DRAFT_PATH, InventoryForm, InventoryModel

ROW_IG = {
    "Platform": "Instagram",
    "Akun": "@Diskominfo_Contoh",
    "Nama tampilan": "Diskominfo Kota Contoh",
    "Instansi": "Dinas Kominfo Kota Contoh",
    "Unit": "Humas",
    "Bio": "Akun resmi. Layanan informasi publik.",
    "Tautan di profil": "kominfo.contoh.go.id",
    "Kontak di profil": "humas@contoh.go.id",
    "Terverifikasi": "ya",
    "Jenis akun": "halaman",
    "Zona waktu": "WITA",
    "Pengikut": "12.400",
    "Tanggal dibuat": "15/03/2016",
}
ROW_X = {
    "Platform": "Twitter",
    "Akun": "https://x.com/Dinkes_Contoh",
    "Instansi": "Dinas Kesehatan Kota Contoh",
    "Terverifikasi": "tidak",
    "Jenis akun": "pribadi",
}


def full(rows, table: str) -> pd.DataFrame:
    """A canonical table from rows that give only some columns."""
    return schema.conform(pd.DataFrame(rows).reindex(columns=schema.table(table).names), table)


def fill_xlsx(path, sheet: str, rows: list[dict[str, str]]) -> None:
    """Type ``rows`` into the template sheet, under the header the template wrote."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for r, row in enumerate(rows, start=2):
        for col, value in row.items():
            ws.cell(row=r, column=header.index(col) + 1, value=value)
    wb.save(path)


# ---------------------------------------------------------------------------- templates


def test_xlsx_template_has_sheets_headers_and_dropdowns(tmp_path):
    path = inv.write_inventory_template(tmp_path / "inventaris.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["akun", "instansi", "petunjuk"]
    assert [c.value for c in wb["akun"][1]] == [f.id for f in inv.ACCOUNT_FIELDS]
    assert [c.value for c in wb["instansi"][1]] == [f.id for f in inv.AGENCY_FIELDS]
    lists = [dv.formula1 for dv in wb["akun"].data_validations.dataValidation]
    assert '"WIB,WITA,WIT"' in lists and '"ya,tidak"' in lists
    help_rows = list(wb["petunjuk"].iter_rows(min_row=2, values_only=True))
    assert len(help_rows) == len(inv.ACCOUNT_FIELDS) + len(inv.AGENCY_FIELDS)


def test_templates_follow_language_and_csv_is_header_only(tmp_path):
    i18n.set_language("en")
    path = inv.write_comments_template(tmp_path / "comments.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines == [",".join(f.en for f in inv.COMMENT_FIELDS)]
    wb = openpyxl.load_workbook(inv.write_inventory_template(tmp_path / "inv.xlsx"))
    assert wb.sheetnames == ["accounts", "agencies", "instructions"]


def test_filled_inventory_is_read_into_canonical_tables(tmp_path):
    path = inv.write_inventory_template(tmp_path / "inventaris.xlsx")
    fill_xlsx(path, "akun", [ROW_IG, ROW_X])
    fill_xlsx(path, "instansi", [{"Nama instansi": "Dinas Kominfo Kota Contoh",
                                  "E-mail resmi": "humas@contoh.go.id",
                                  "Jenis instansi": "diskominfo kota", "Zona waktu": "WITA"}])  # fmt: skip
    tables = inv.read_inventory(path)
    acc, ags = tables["accounts"], tables["agencies"]
    schema.validate(acc, "accounts")
    schema.validate(ags, "agencies")
    ig = acc[acc["platform"] == "instagram"].iloc[0]
    assert ig["account"] == "diskominfo_contoh"
    assert ig["link"] == "https://kominfo.contoh.go.id"
    assert bool(ig["verified"]) and ig["profile_type"] == "page" and ig["tz"] == "WITA"
    assert ig["followers"] == 12400
    # 15/03/2016 at local midnight in WITA (UTC+8) is 16:00 UTC the day before
    assert ig["created_at"] == pd.Timestamp("2016-03-14 16:00", tz="UTC")
    x = acc[acc["platform"] == "x"].iloc[0]
    assert x["account"] == "dinkes_contoh" and not bool(x["verified"])
    assert x["profile_type"] == "personal" and x["tz"] == "WIB"  # default zone
    assert pd.isna(x["bio"]) and pd.isna(x["followers"])
    assert set(ags["agency_id"]) == set(acc["agency_id"])
    kominfo = ags[ags["name"] == "Dinas Kominfo Kota Contoh"].iloc[0]
    assert (
        kominfo["official_email"] == "humas@contoh.go.id" and kominfo["kind"] == "diskominfo_kota"
    )


def test_semicolon_cp1252_csv_with_english_headers_is_read(tmp_path):
    path = tmp_path / "inventory.csv"
    text = "Platform;Account;Agency;Display name;Verified;Followers\r\n"
    text += "YouTube;@KanalCafé;Dinas Pariwisata;Kanal Café;yes;1.234\r\n"
    path.write_bytes(text.encode("cp1252"))
    acc = inv.read_inventory(path)["accounts"]
    assert acc["account"].tolist() == ["kanalcafé"]
    assert acc["display_name"].tolist() == ["Kanal Café"]
    assert acc["followers"].tolist() == [1234]


accounts_st = st.lists(
    st.fixed_dictionaries(
        {
            "platform": st.sampled_from(schema.PLATFORMS),
            "account": st.from_regex(r"[a-z][a-z0-9_.]{0,14}", fullmatch=True),
            "display_name": st.one_of(st.none(), st.text("abc XYZéü-", min_size=1, max_size=12)),
            "bio": st.one_of(st.none(), st.text("abc .,;\"'\n@é", min_size=1, max_size=30)),
            "verified": st.one_of(st.none(), st.booleans()),
            "profile_type": st.one_of(st.none(), st.sampled_from(schema.PROFILE_TYPES)),
            "followers": st.one_of(st.none(), st.integers(0, 10**7)),
            "tz": st.sampled_from(list(schema.TIMEZONES)),
            "created": st.one_of(
                st.none(),
                st.dates(pd.Timestamp("2008-01-01").date(), pd.Timestamp("2026-12-31").date()),
            ),
        }
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda r: (r["platform"], r["account"]),
)


@settings(
    max_examples=15,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    rows=accounts_st, suffix=st.sampled_from([".xlsx", ".csv"]), lang=st.sampled_from(["id", "en"])
)
def test_inventory_roundtrip_property(tmp_path, rows, suffix, lang):
    i18n.set_language(lang)
    frame = pd.DataFrame(rows).assign(agency_id="dinas-contoh", unit=pd.NA, link=pd.NA,
                                      contact=pd.NA)  # fmt: skip
    # the template holds the creation day: local midnight in the account's zone
    frame["created_at"] = [
        pd.NaT if d is None else pd.Timestamp(d).tz_localize(schema.TIMEZONES[z]).tz_convert("UTC")
        for d, z in zip(frame.pop("created"), frame["tz"], strict=True)
    ]
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    frame["bio"] = frame["bio"].map(lambda v: v.strip() or None if isinstance(v, str) else v)
    frame["display_name"] = frame["display_name"].map(
        lambda v: v.strip() or None if isinstance(v, str) else v
    )
    accounts = schema.conform(frame, "accounts")
    agencies = full(
        [{"agency_id": "dinas-contoh", "name": "Dinas Contoh", "tz": "WIB"}], "agencies"
    )
    path = inv.write_filled_inventory(
        {"accounts": accounts, "agencies": agencies}, tmp_path / f"inv{suffix}"
    )
    got = inv.read_inventory(path)
    pd.testing.assert_frame_equal(got["accounts"], accounts)
    if suffix == ".xlsx":
        pd.testing.assert_frame_equal(got["agencies"], agencies)


# ---------------------------------------------------------------------------- errors


def test_bad_value_names_file_row_column_and_fix(tmp_path):
    path = inv.write_inventory_template(tmp_path / "inventaris.xlsx")
    fill_xlsx(path, "akun", [ROW_IG, dict(ROW_X, **{"Terverifikasi": "mungkin"})])
    with pytest.raises(TemplateError) as err:
        inv.read_inventory(path)
    msg = str(err.value)
    assert "inventaris.xlsx" in msg and "baris 3" in msg and "'Terverifikasi'" in msg
    assert "'mungkin'" in msg and "ya atau tidak" in msg
    assert "row 3" in err.value.message("en") and "yes or no" in i18n.t(
        "values.fix_bool", lang="en"
    )


@pytest.mark.parametrize(
    ("change", "key", "fragment"),
    [
        ({"Zona waktu": "GMT"}, "inventory.bad_value", "WIB, WITA"),
        ({"Pengikut": "banyak"}, "inventory.bad_value", "12400"),
        ({"Akun": ""}, "inventory.empty_required", "Akun"),
        ({"Platform": "Friendster"}, "inventory.bad_value", "TikTok"),
        ({"Akun": "https://instagram.com/dinkes"}, "inventory.platform_conflict", "instagram"),
        ({"Akun": "@diskominfo_contoh", "Platform": "IG"}, "inventory.duplicate_account", "2"),
    ],
)
def test_each_kind_of_bad_row_is_reported(tmp_path, change, key, fragment):
    path = inv.write_inventory_template(tmp_path / "inv.xlsx")
    fill_xlsx(path, "akun", [ROW_IG, dict(ROW_X, **change)])
    with pytest.raises(TemplateError) as err:
        inv.read_inventory(path)
    assert err.value.key == key
    assert err.value.params.get("row") == 3
    assert fragment in str(err.value)


def test_missing_required_column_lists_expected_headers(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("Platform,Akun,Nama tampilan\nInstagram,humas,Humas\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        inv.read_inventory(path)
    assert err.value.key == "inventory.missing_columns" and "Instansi" in str(err.value)
    assert "data.csv" in str(err.value)
    book = tmp_path / "lain.xlsx"
    with pd.ExcelWriter(book) as xw:
        pd.DataFrame({"a": [1]}).to_excel(xw, sheet_name="satu", index=False)
        pd.DataFrame({"b": [2]}).to_excel(xw, sheet_name="dua", index=False)
    with pytest.raises(TemplateError) as err:
        inv.read_inventory(book)
    assert err.value.key == "inventory.no_sheet" and "akun" in str(err.value)


def test_unknown_columns_warn_and_bad_files_fail_cleanly(tmp_path):
    path = tmp_path / "akun.csv"
    path.write_text("Platform,Akun,Instansi,Catatan\nIG,humas,Dinas A,x\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        inv.read_inventory(path)
    assert any("Catatan" in str(w.message) for w in caught)
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TemplateError) as err:
        inv.read_inventory(broken)
    assert err.value.key == "inventory.unreadable" and "rusak.xlsx" in str(err.value)
    with pytest.raises(TemplateError):
        inv.read_inventory(tmp_path / "tidak_ada.xlsx")
    with pytest.raises(TemplateError):
        inv.write_inventory_template(tmp_path / "inv.ods")


# ---------------------------------------------------------------------------- comments


def test_comments_template_is_read_with_local_times_and_stable_ids(tmp_path):
    path = inv.write_comments_template(tmp_path / "komentar.xlsx")
    rows = [
        {"Platform": "IG", "Akun instansi": "@Humas_Contoh", "Unggahan": "https://www.instagram.com/p/ABC/",
         "Penulis": "@Warga1", "Waktu komentar": "05/03/2026 09:15", "Isi komentar": "Kapan buka?",
         "Suka": "3", "Waktu dibalas": "05/03/2026 10:02"},
        {"Platform": "Facebook", "Akun instansi": "humas_contoh", "Unggahan": "1220000000000001",
         "Waktu komentar": "2026-03-06 20:00", "Isi komentar": "Terima kasih"},
    ]  # fmt: skip
    fill_xlsx(path, "komentar", rows)
    com = inv.read_comments_template(path, tz="WIB")
    schema.validate(com, "comments")
    assert com["created_at"].tolist() == [
        pd.Timestamp("2026-03-05 02:15", tz="UTC"),
        pd.Timestamp("2026-03-06 13:00", tz="UTC"),
    ]
    assert com["replied_at"].iloc[0] == pd.Timestamp("2026-03-05 03:02", tz="UTC")
    assert pd.isna(com["replied_at"].iloc[1])
    assert com["author"].tolist()[0] == "warga1" and pd.isna(com["author"].iloc[1])
    assert com["post_id"].tolist()[1] == "1220000000000001"
    again = inv.read_comments_template(path, tz="WIB")
    assert com["comment_id"].tolist() == again["comment_id"].tolist()
    assert com["comment_id"].is_unique


def test_comment_reply_before_comment_is_an_error(tmp_path):
    path = tmp_path / "komentar.csv"
    path.write_text(
        "Platform;Akun instansi;Unggahan;Waktu komentar;Isi komentar;Waktu dibalas\n"
        "X;humas;123;05/03/2026 09:15;Halo;05/03/2026 08:00\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as err:
        inv.read_comments_template(path)
    assert err.value.key == "inventory.reply_before_comment"
    assert err.value.params["row"] == 2 and err.value.params["column"] == "Waktu dibalas"


def test_filled_comments_roundtrip(tmp_path):
    com = schema.conform(
        pd.DataFrame(
            {
                "platform": ["instagram", "x"],
                "account": ["humas", "humas"],
                "post_id": ["p1", "p2"],
                "comment_id": ["c1", "c2"],
                "author": ["warga_a", None],
                "created_at": pd.to_datetime(
                    ["2026-01-01 01:02:03", "2026-01-02 05:00:00"], utc=True
                ),
                "text": ['Tolong; dibalas "segera"', "ok"],
                "likes": [4, None],
                "replied_at": pd.to_datetime(["2026-01-01 02:00", None], utc=True),
            }
        ),
        "comments",
    )
    for suffix in (".xlsx", ".csv"):
        path = inv.write_filled_comments(com, tmp_path / f"k{suffix}", tz="WIT")
        pd.testing.assert_frame_equal(inv.read_comments_template(path, tz="WIT"), com)
    assert inv.template_kind(tmp_path / "k.xlsx") == "comments"


# ---------------------------------------------------------------------------- form


def test_form_adds_validates_autosaves_and_reloads():
    form = InventoryForm()
    form.agency_fields["name"].value = "Dinas Kominfo Kota Contoh"
    form.agency_fields["tz"].value = "WITA"
    form.account_fields["platform"].value = "instagram"
    form.account_fields["account"].value = "@Kominfo_Contoh"
    form.account_fields["verified"].value = "ya"
    form.account_fields["bio"].value = "Akun resmi"
    form.add_button.click()
    assert "kominfo_contoh" in form.status.value and "alert" not in form.status.value
    assert form.account_fields["account"].value == ""  # cleared for the next account
    assert len(form.accounts_list.options) == 1

    form.account_fields["platform"].value = "x"
    form.account_fields["account"].value = "kominfo contoh"  # a space: invalid
    form.add_button.click()
    assert "alert" in form.status.value and "Akun" in form.status.value
    assert len(form.model.accounts) == 1  # nothing changed on a bad value

    saved = workspace.load_json(DRAFT_PATH)
    assert saved["agency"]["name"] == "Dinas Kominfo Kota Contoh"
    assert saved["entry"]["account"] == "kominfo contoh"  # half-typed entry kept

    again = InventoryForm()  # e.g. after a kernel restart
    assert again.accounts_list.options == form.accounts_list.options
    assert again.agency_fields["tz"].value == "WITA"
    assert again.account_fields["account"].value == "kominfo contoh"
    tables = again.model.tables()
    assert tables["accounts"]["tz"].tolist() == ["WITA"]


def test_form_edit_remove_and_save_to_dataset_merges():
    # an earlier import saved an account found in exports, without profile data
    data.save_dataset(
        "instansi_saya",
        {
            "accounts": full(
                [{"platform": "tiktok", "account": "kominfo_tt", "agency_id": "saya", "tz": "WIB"}],
                "accounts",
            )
        },
    )
    form = InventoryForm(dataset="instansi_saya")
    form.save_button.click()
    assert "alert" in form.status.value  # no agency yet
    form.agency_fields["name"].value = "Dinas Kominfo"
    for platform, handle in [("facebook", "kominfo.page"), ("youtube", "kominfotv")]:
        form.account_fields["platform"].value = platform
        form.account_fields["account"].value = handle
        form.add_button.click()
    form.accounts_list.value = form.accounts_list.options[0]  # pick to edit
    assert form.account_fields["account"].value == "kominfo.page"
    form.account_fields["display_name"].value = "Kominfo"
    form.add_button.click()  # same account: replaced, not duplicated
    assert len(form.model.accounts) == 2
    form.accounts_list.value = form.accounts_list.options[1]
    form.remove_button.click()
    assert len(form.model.accounts) == 1
    form.save_button.click()
    assert "alert" not in form.status.value
    acc = data.load("accounts", source="instansi_saya")
    assert set(acc["account"]) == {"kominfo.page", "kominfo_tt"}
    assert acc.set_index("account").loc["kominfo.page", "display_name"] == "Kominfo"


def test_form_controls_are_labelled_for_keyboard_and_screen_readers():
    form = InventoryForm()
    inputs = [*form.agency_fields.values(), *form.account_fields.values(), form.accounts_list]
    for widget in inputs:
        assert widget.description.strip()  # a visible label, read out with the control
    for button in (form.add_button, form.remove_button, form.clear_button, form.save_button):
        assert button.description.strip() and button.tooltip.strip()
    required = [w.description for w in form.account_fields.values() if w.description.endswith("*")]
    assert required == ["Platform *", "Akun *"]
    form.remove_button.click()  # nothing picked: says what to do, changes nothing
    assert "alert" in form.status.value and "Pilih" in form.status.value


def test_form_methods_do_what_the_fields_and_buttons_do():
    form = InventoryForm(dataset="instansi_saya")
    with pytest.raises(LabkitError, match="Nama instansi"):
        form.save()  # the same message the save button shows
    assert "alert" in form.status.value
    form.set_agency(name="Dinas Kominfo Kota Contoh", tz="wita")
    assert form.agency_fields["name"].value == "Dinas Kominfo Kota Contoh"
    assert form.agency_fields["tz"].value == "WITA"  # a list takes its label too
    form.set_account(platform="Instagram", account="@Kominfo_Contoh", verified=True, bio="Resmi")
    assert form.account_fields["platform"].value == "instagram"
    assert form.account_fields["verified"].value == "ya"
    assert workspace.load_json(DRAFT_PATH)["entry"]["account"] == "@Kominfo_Contoh"  # autosaved
    row = form.add_account()
    assert (row["platform"], row["account"], bool(row["verified"])) == (
        "instagram",
        "kominfo_contoh",
        True,
    )
    assert form.account_fields["account"].value == ""  # cleared, as after a click
    assert len(form.accounts_list.options) == 1
    form.set_account(platform="x", account="kominfo contoh")
    with pytest.raises(LabkitError):
        form.add_account()
    assert "alert" in form.status.value and len(form.model.accounts) == 1
    with pytest.raises(LabkitError, match="verified"):
        form.set_account(verified="mungkin")
    with pytest.raises(LabkitError, match="nomor_hp"):
        form.set_account(nomor_hp="0811")
    form.set_account(platform="facebook", account="kominfo.page")
    form.add_account()
    folder = form.save()
    assert folder.exists() and "alert" not in form.status.value
    acc = data.load("accounts", source="instansi_saya")
    assert set(acc["account"]) == {"kominfo_contoh", "kominfo.page"}


def test_form_is_a_vbox_that_sits_in_a_tab():
    import ipywidgets as w

    form = InventoryForm()
    assert isinstance(form, w.VBox) and form.widget is form
    tab = w.Tab(children=[form, w.VBox([form.status])])
    assert tab.children[0] is form
    assert form.add_button in form.children[-4].children


def test_form_labels_switch_language():
    i18n.set_language("en")
    form = InventoryForm(InventoryModel("drafts/other.json"))
    assert form.save_button.description == "Save to dataset"
    assert form.account_fields["account"].description.startswith("Account")


# ---------------------------------------------------------------------------- sections


def test_sections_available_says_what_cannot_run_and_why(capsys):
    posts = full(
        {
            "platform": ["x", "x"],
            "account": ["humas", "humas"],
            "post_id": ["1", "2"],
            "published_at": pd.to_datetime(["2026-01-01 17:00", "2026-01-02 17:00"], utc=True),
            "impressions": [100, 200],
        },
        "posts",
    )
    accounts = full(
        [{"platform": "x", "account": "humas", "agency_id": "a", "tz": "WIB"}], "accounts"
    )
    data.save_dataset("instansi_saya", {"posts": posts, "accounts": accounts})
    table = owndata.sections_available("instansi_saya").set_index("section")
    # sections of notebooks not written yet (02-04) are requirements until their notebook
    # lists them in labkit/sections.yaml: the same checks, asked by requirement name
    needs = owndata.requirements("instansi_saya").set_index("need")
    assert table.loc["audit_keaktifan", "available"]
    assert needs.loc["denominator", "available"]  # impressions are a denominator
    # 17:00 UTC is local midnight in WIB: the export held days only
    assert not needs.loc["posting_times", "available"]
    assert not table.loc["audit_profil", "available"]
    assert "inventaris" in table.loc["audit_profil", "reason"]
    assert not needs.loc["reply_times", "available"]
    # a section needing nothing (crisis statements, notebook 04) runs on these data: checked with
    # can_run in tests/test_owndata_sections.py::test_adding_a_section_is_a_data_only_change
    data.use("instansi_saya")
    assert owndata.can_run("audit_balasan") is False  # needs comments
    assert "komentar" in capsys.readouterr().out
    assert owndata.can_run("audit_keaktifan") is True
    with pytest.raises(Exception) as err:
        owndata.can_run("tidak_ada")
    assert "audit_profil" in str(err.value)


# ---------------------------------------------------------------------------- import


def _posts(platform: str, account: str, n: int, **cols) -> pd.DataFrame:
    frame = {
        "platform": platform,
        "account": account,
        "post_id": [f"7{i:03d}{len(platform)}{len(account):02d}55501234567" for i in range(n)],
        "published_at": pd.date_range("2026-03-13 01:30", periods=n, freq="13h", tz="UTC"),
        "text": [f"Info layanan {i}" for i in range(n)],
        "likes": range(n),
        "comments": 2,
        "shares": 1,
        "reach": [100 * i for i in range(n)],
        **cols,
    }
    return full(frame, "posts")


@pytest.fixture
def export_folder(tmp_path):
    """What a trainee downloads: exports of four platforms, no templates yet."""
    from labkit.ingest import writers

    root = tmp_path / "unduhan"
    root.mkdir()
    fb = _posts("facebook", "kominfo.contoh", 5, content_type="image")
    writers.write_export(
        fb, "meta_fb_posts", root, variant="excel_id", display_name="Diskominfo Kota", tz="WITA"
    )
    writers.write_export(_posts("instagram", "kominfo_ig", 4, content_type="image"),
                         "meta_ig_posts", root, tz="WITA")  # fmt: skip
    yt = _posts("youtube", "kominfotv", 3)
    name = writers.export_name("youtube_table", yt, display_name="Kominfo TV", tz="WITA")
    writers.write_export(yt, "youtube_table", root / f"{name}.zip", display_name="Kominfo TV",
                         tz="WITA")  # fmt: skip
    tiktok = root / "tiktok 2026-03-13_2026-03-15"
    tiktok.mkdir()
    writers.write_export(_posts("tiktok", "kominfo_tt", 3), "tiktok_content", tiktok, tz="WITA")
    followers = full(
        {
            "platform": "tiktok",
            "account": "kominfo_tt",
            "date": pd.date_range("2026-03-13", periods=3),
            "followers": [10, 12, 15],
        },
        "followers",
    )
    daily = writers.daily_from_followers(followers, "tiktok_followers")
    writers.write_export(daily, "tiktok_followers", tiktok, tz="WITA")
    ig_daily = writers.daily_from_followers(followers.assign(platform="instagram"), "meta_daily")
    (root / "ig_harian").mkdir()
    writers.write_export(ig_daily, "meta_daily", root / "ig_harian", metric="Instagram follows")
    return root


def _inventory(root, rows=None) -> None:
    rows = rows or [
        {"platform": "facebook", "account": "kominfo.contoh", "display_name": "Diskominfo Kota",
         "bio": "Akun resmi", "verified": True},
        {"platform": "youtube", "account": "kominfotv", "display_name": "Kominfo TV"},
    ]  # fmt: skip
    accounts = full([dict(r, agency_id="diskominfo", tz="WITA") for r in rows], "accounts")
    agencies = full(
        [{"agency_id": "diskominfo", "name": "Diskominfo Kota", "tz": "WITA",
          "official_phone": "0811-0000-0001"}], "agencies"
    )  # fmt: skip
    inv.write_filled_inventory({"accounts": accounts, "agencies": agencies}, root / "inv.xlsx")


def test_import_own_data_saves_masked_tables_and_reports(export_folder):
    _inventory(export_folder)
    comments = full(
        {
            "platform": "instagram",
            "account": "kominfo_ig",
            "post_id": ["p1", "p2", "p3"],
            "comment_id": ["c1", "c2", "c3"],
            "author": ["budi", "sari", "kominfo_ig"],
            "created_at": pd.to_datetime(
                ["2026-03-01 05:00", "2026-03-01 06:00", "2026-03-01 07:00"], utc=True
            ),  # fmt: skip
            "text": [
                "NIK saya 3201234567890001 mohon dibantu",
                "Info jadwal?",
                "Silakan hubungi 0811-0000-0001",
            ],  # fmt: skip
            "replied_at": pd.to_datetime(["2026-03-01 07:00", None, None], utc=True),
        },
        "comments",
    )
    inv.write_filled_comments(comments, export_folder / "komentar.csv", tz="WITA")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = owndata.import_own_data(export_folder, tz="Asia/Makassar")
    assert not any("inv.xlsx" in str(w.message) or "komentar" in str(w.message) for w in caught)
    assert summary.tables["posts"] == 5 + 4 + 3 + 3
    posts = data.load("posts", source="instansi_saya")
    # Page and channel names in the exports were matched to the inventory's handles
    assert set(posts["account"]) == {"kominfo.contoh", "kominfo_ig", "kominfotv", "kominfo_tt"}
    assert any("kominfotv" in n for n in summary.notes)
    followers = data.load("followers", source="instansi_saya")
    assert followers["followers"].tolist() == [10, 12, 15]
    assert set(followers["account"]) == {"kominfo_tt"}  # the only TikTok account
    assert any("instagram" in n for n in summary.notes)  # Meta daily: gains, not counts
    saved = data.load("comments", source="instansi_saya", mask=False)
    assert "3201234567890001" not in " ".join(saved["text"])
    assert "0811-0000-0001" in saved["text"].iloc[2]  # the agency's official number stays
    assert saved["author"].iloc[0].startswith("warga_") and summary.masked == 1
    accounts = data.load("accounts", source="instansi_saya").set_index("account")
    assert accounts.loc["kominfo.contoh", "bio"] == "Akun resmi"
    assert accounts.loc["kominfo_tt", "followers"] == 15
    assert set(accounts["agency_id"]) == {"diskominfo-kota"}  # id made from the agency name
    assert summary.missing == []
    assert set(summary.files["kind"]) >= {"meta_fb_posts", "inventory", "comments"}
    text = str(summary)
    assert "instansi_saya" in text and "posts: 15" in text
    i18n.set_language("en")
    assert "15 rows" in str(summary) and "Import report" in summary.report_text()
    i18n.set_language("id")
    assert "Laporan impor" in summary.report_text()
    data.use("instansi_saya")
    assert len(data.load("posts")) == 15


def test_import_without_inventory_then_form_inventory_reconciles(export_folder):
    summary = owndata.import_own_data(export_folder, tz="WITA")
    assert summary.missing[0] == "inventory" and "comments" in summary.missing
    table = summary.sections.set_index("section")
    assert not table.loc["audit_profil", "available"]
    assert not table.loc["audit_balasan", "available"]  # needs comments, which are missing
    assert not owndata.requirements("instansi_saya", ["comments"])["available"].any()
    accounts = data.load("accounts", source="instansi_saya")
    assert set(accounts["agency_id"]) == {owndata.PLACEHOLDER_AGENCY}
    assert "kominfo tv" in set(accounts["account"])  # channel name until the inventory says
    model = InventoryModel()
    model.set_agency(name="Diskominfo Kota", tz="WITA")
    model.add({"platform": "youtube", "account": "kominfotv", "display_name": "Kominfo TV",
               "bio": "Kanal resmi"})  # fmt: skip
    model.save_dataset()
    posts = data.load("posts", source="instansi_saya")
    assert "kominfotv" in set(posts["account"]) and "kominfo tv" not in set(posts["account"])
    accounts = data.load("accounts", source="instansi_saya")
    assert "kominfo tv" not in set(accounts["account"])
    assert set(accounts["agency_id"]) == {"diskominfo-kota"}
    assert (
        owndata.sections_available("instansi_saya")
        .set_index("section")
        .loc["audit_profil", "available"]
    )
    # a later re-import keeps what the form added
    owndata.import_own_data(export_folder, tz="WITA")
    accounts = data.load("accounts", source="instansi_saya").set_index("account")
    assert accounts.loc["kominfotv", "bio"] == "Kanal resmi"
    assert "kominfo tv" not in accounts.index
    # tables derived from the folder are replaced, not merged: no stale TikTok followers
    shutil.rmtree(export_folder / "tiktok 2026-03-13_2026-03-15")
    summary = owndata.import_own_data(export_folder, tz="WITA")
    assert "followers" in summary.missing and not data.has_table("followers", "instansi_saya")
    assert "kominfo_tt" not in set(data.load("posts", source="instansi_saya")["account"])


def test_import_errors_are_labkit_errors(tmp_path):
    with pytest.raises(LabkitError) as err:
        owndata.import_own_data(tmp_path / "tidak_ada")
    assert err.value.key == "owndata.no_folder"
    junk = tmp_path / "lain"
    junk.mkdir()
    (junk / "catatan.txt").write_text("bukan ekspor", encoding="utf-8")
    with pytest.raises(LabkitError):
        owndata.import_own_data(junk)
    with pytest.raises(LabkitError) as err:
        owndata.import_own_data(junk, tz="GMT+5")
    assert err.value.key == "inventory.bad_tz_argument"


def test_only_an_inventory_is_enough_to_start(tmp_path):
    root = tmp_path / "hanya_inventaris"
    root.mkdir()
    _inventory(root)
    summary = owndata.import_own_data(root, tz="WITA")
    assert summary.tables["accounts"] == 2 and "posts" in summary.missing
    assert summary.report is None


def test_download_guides_cover_every_platform_honestly():
    guides = owndata.download_guide()
    assert sorted(g.platform for g in guides) == sorted(schema.PLATFORMS)
    from labkit.ingest import layouts
    from labkit.owndata import guides as guide_data

    for raw in guide_data._load_guides():
        assert raw["last_checked"] and raw["verified_in_app"] is False
        for lang in ("id", "en"):
            assert raw["steps"][lang] and raw["title"][lang]
        for f in raw["files"]:
            layouts.layout(f["layout"])  # every file names a layout the readers know
            assert f["id"] and f["en"]
    text = str(owndata.download_guide("tiktok"))
    assert "BELUM dicek langsung di aplikasi" in text
    i18n.set_language("en")
    assert "NOT checked inside the app" in str(owndata.download_guide("x"))
    with pytest.raises(LabkitError):
        owndata.download_guide("myspace")


# ---------------------------------------------------------------------------- daily metrics


def test_import_keeps_daily_account_metrics_in_long_format(export_folder):
    summary = owndata.import_own_data(export_folder, tz="WITA")
    daily = data.load("account_daily", source="instansi_saya")
    schema.validate(daily, "account_daily")
    assert summary.tables["account_daily"] == len(daily)
    by = daily.set_index(["platform", "account", "metric"]).sort_index()
    # TikTok follower counts and Instagram new follows: each file's only account
    assert by.loc[("tiktok", "kominfo_tt", "followers"), "value"].tolist() == [10, 12, 15]
    ig = by.loc[("instagram", "kominfo_ig", "follows")]  # 10 -> 12 -> 15 followers
    assert ig["value"].tolist() == [2, 3]  # the first day's gain is unknown: left out, not 0
    assert ig["date"].tolist() == list(pd.date_range("2026-03-14", periods=2))
    assert daily["value"].dtype == "float64" and daily["value"].notna().all()
    assert not daily.duplicated(["platform", "account", "date", "metric"]).any()
    assert any("account_daily" in note for note in summary.notes)  # gains kept, not counted
    # a daily file whose account cannot be told is left out, not given to a guessed account
    other = _posts("instagram", "kominfo_ig2", 2, content_type="image")
    from labkit.ingest import writers

    writers.write_export(other, "meta_ig_posts", export_folder / "ig2", tz="WITA")
    summary = owndata.import_own_data(export_folder, tz="WITA")
    daily = data.load("account_daily", source="instansi_saya")
    assert "instagram" not in set(daily["platform"].astype(str))
    assert any("tidak menyebut akunnya" in note for note in summary.notes)
    # a re-import replaces the table: no daily file left, no stale rows
    shutil.rmtree(export_folder / "ig_harian")
    shutil.rmtree(export_folder / "tiktok 2026-03-13_2026-03-15")
    owndata.import_own_data(export_folder, tz="WITA")
    left = (
        data.load("account_daily", source="instansi_saya")
        if data.has_table("account_daily", "instansi_saya")
        else schema.empty("account_daily")
    )
    assert not {"tiktok", "instagram"} & set(left["platform"].astype(str))


def test_daily_metrics_names_metrics_and_skips_per_video_tables():
    daily = {
        "x": pd.DataFrame(
            {
                "platform": pd.Categorical(["x", "x"], categories=schema.PLATFORMS),
                "account": pd.array([None, None], dtype="string"),
                "date": pd.to_datetime(["2026-05-01", "2026-05-02"]),
                "Profile visits": pd.array([5, None], dtype="Int64"),
                "new follows": [1.0, 2.0],
                "note": ["a", "b"],
            }
        ),
        "youtube_videos": pd.DataFrame(
            {"platform": ["youtube"], "account": ["kanal"], "post_id": ["v1"],
             "date": pd.to_datetime(["2026-05-01"]), "views": [9]}
        ),
    }  # fmt: skip
    known = full([{"platform": "x", "account": "humas", "agency_id": "a", "tz": "WIB"}], "accounts")
    table, notes = owndata.daily_metrics(daily, None, known)
    assert notes == []
    assert set(zip(table["metric"], table["value"], strict=True)) == {
        ("profile_visits", 5.0),
        ("new_follows", 1.0),
        ("new_follows", 2.0),
    }  # the empty profile-visits day is left out, not read as 0; text columns are not metrics
    assert set(table["account"]) == {"humas"} and set(table["platform"].astype(str)) == {"x"}
    two = pd.concat([known, known.assign(account="humas2")], ignore_index=True)
    table, notes = owndata.daily_metrics(daily, None, two)
    assert table is None and "x" in notes[0]


def test_follower_jump_section_runs_on_daily_new_follows():
    daily = full(
        {
            "platform": "instagram",
            "account": "humas",
            "date": pd.date_range("2026-05-01", periods=3),
            "metric": "follows",
            "value": [3.0, 250.0, 4.0],
        },
        "account_daily",
    )
    data.save_dataset("instansi_saya", {"account_daily": daily})
    needs = owndata.requirements("instansi_saya", ["follower_series", "follower_counts"])
    assert needs.set_index("need").loc["follower_series", "available"]  # follower jumps
    assert not needs.set_index("need").loc["follower_counts", "available"]  # gains are no counts


# ---------------------------------------------------------------------------- search results


SEARCH_ROWS = [
    {"Platform": "Instagram", "Akun": "@Diskominfo_Contoh", "Nama tampilan": "Diskominfo Kota",
     "Instansi yang dicari": "Dinas Kominfo Kota Contoh", "Pengikut": "12.400",
     "Tanggal dibuat": "15/03/2016", "Terverifikasi": "ya"},
    {"Platform": "IG", "Akun": "https://www.instagram.com/diskominfo.contoh_resmi/",
     "Nama tampilan": "Diskominfo Kota (resmi)", "Instansi yang dicari": "Dinas Kominfo Kota Contoh",
     "Pengikut": "221", "Tanggal dibuat": "25/12/2025", "Terverifikasi": "tidak"},
]  # fmt: skip


def test_search_template_is_written_and_read_back(tmp_path):
    path = inv.write_search_template(tmp_path / "hasil_pencarian.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["hasil_pencarian", "petunjuk"]
    assert [c.value for c in wb["hasil_pencarian"][1]] == [f.id for f in inv.SEARCH_FIELDS]
    fill_xlsx(path, "hasil_pencarian", SEARCH_ROWS)
    assert inv.template_kind(path) == "search_results"
    found = inv.read_search_results(path, tz="WITA")
    schema.validate(found, "search_results")
    assert found["account"].tolist() == ["diskominfo_contoh", "diskominfo.contoh_resmi"]
    assert set(found["query_agency_id"]) == {inv.agency_id("Dinas Kominfo Kota Contoh")}
    assert found["followers"].tolist() == [12400, 221]
    assert found["verified"].tolist() == [True, False]
    assert found["created_at"].iloc[1] == pd.Timestamp("2025-12-24 16:00", tz="UTC")  # WITA
    for suffix in ("csv", "xlsx"):
        again = inv.write_filled_search_results(found, tmp_path / f"lagi.{suffix}", tz="WITA")
        assert inv.template_kind(again) == "search_results"
        pd.testing.assert_frame_equal(inv.read_search_results(again, tz="WITA"), found)
    assert inv.template_kind(inv.write_inventory_template(tmp_path / "inv.csv")) != (
        "search_results"
    )


def test_search_template_errors_name_file_row_and_column(tmp_path):
    path = inv.write_search_template(tmp_path / "cari.xlsx")
    fill_xlsx(path, "hasil_pencarian", [SEARCH_ROWS[0], SEARCH_ROWS[0]])
    with pytest.raises(TemplateError) as err:
        inv.read_search_results(path)
    assert err.value.key == "inventory.duplicate_account" and "3" in str(err.value)
    path = inv.write_search_template(tmp_path / "cari2.xlsx")
    fill_xlsx(path, "hasil_pencarian", [dict(SEARCH_ROWS[0], **{"Instansi yang dicari": ""})])
    with pytest.raises(TemplateError) as err:
        inv.read_search_results(path)
    assert "Instansi yang dicari" in str(err.value) and "baris 2" in str(err.value)


def test_import_reads_the_search_template_and_the_impostor_section_runs(export_folder):
    rows = [dict(r, **{"Instansi yang dicari": "Diskominfo Kota"}) for r in SEARCH_ROWS]
    path = inv.write_search_template(export_folder / "cari.xlsx")
    fill_xlsx(path, "hasil_pencarian", rows)
    _inventory(export_folder)
    summary = owndata.import_own_data(export_folder, tz="WITA")
    assert summary.tables["search_results"] == 2
    assert "search_results" in set(summary.files["kind"])
    found = data.load("search_results", source="instansi_saya")
    accounts = data.load("accounts", source="instansi_saya")
    assert set(found["query_agency_id"]) == set(accounts["agency_id"])  # ids agree
    assert "diskominfo_contoh" not in set(accounts["account"])  # found, not owned
    assert owndata.can_run("audit_akun_palsu", "instansi_saya", say=False)
    path.unlink()
    owndata.import_own_data(export_folder, tz="WITA")  # derived from the folder: replaced
    assert not data.has_table("search_results", "instansi_saya")


def test_find_templates_skips_files_already_read_as_exports(export_folder, monkeypatch):
    _inventory(export_folder)
    opened = []
    real = inv.template_kind
    monkeypatch.setattr(inv, "template_kind", lambda p: opened.append(p.name) or real(p))
    summary = owndata.import_own_data(export_folder, tz="WITA")
    assert "inv.xlsx" in opened and summary.tables["accounts"] >= 2
    exports = {
        Path(f).name for f in summary.files.loc[summary.files["kind"] != "inventory", "file"]
    }
    assert exports and not exports & set(opened)


# ---------------------------------------------------------------------------- notebook helpers


def test_pick_agency_and_load_or_none_for_notebooks(capsys):
    accounts = full(
        [{"platform": "x", "account": "a1", "agency_id": "dinas-a", "tz": "WIB"},
         {"platform": "x", "account": "b1", "agency_id": "dinas-b", "tz": "WIB"},
         {"platform": "instagram", "account": "b2", "agency_id": "dinas-b", "tz": "WIB"}],
        "accounts",
    )  # fmt: skip
    agencies = full([{"agency_id": "dinas-b", "name": "Dinas B", "tz": "WIB"}], "agencies")
    data.save_dataset("instansi_saya", {"accounts": accounts, "agencies": agencies})
    data.use("instansi_saya")
    assert owndata.pick_agency("dinas-a") == "dinas-a"
    assert "Instansi yang diaudit" in capsys.readouterr().out
    assert owndata.pick_agency("AG05") == "dinas-b"  # most accounts
    out = capsys.readouterr().out
    assert "'AG05' tidak ada" in out and "Dinas B (dinas-b)" in out and "dinas-a" in out
    assert owndata.pick_agency(None, say=False) == "dinas-b"
    assert capsys.readouterr().out == ""
    assert owndata.load_or_none("posts") is None
    assert len(owndata.load_or_none("accounts")) == 3
    assert owndata.pick_agency("AG05", source=data.BUNDLED, say=False) == "AG05"
    mine = owndata.sections_available(notebook="01_audit_akun")
    assert set(mine["notebook"]) == {"01_audit_akun"} and "audit_balasan" in set(mine["section"])
    with pytest.raises(LabkitError) as err:
        owndata.sections_available(notebook="99_tidak_ada")
    assert "01_audit_akun" in str(err.value)
    data.save_dataset("kosong", {"accounts": schema.empty("accounts")})
    with pytest.raises(LabkitError) as err:
        owndata.pick_agency("AG05", source="kosong")
    assert err.value.key == "owndata.no_agency"


def test_reply_section_needs_reply_times(capsys):
    comments = full(
        {
            "platform": "x",
            "account": "humas",
            "post_id": "1",
            "comment_id": ["c1", "c2"],
            "created_at": pd.to_datetime(["2026-01-01 01:00", "2026-01-01 02:00"], utc=True),
            "text": ["Kapan buka?", "Terima kasih"],
        },
        "comments",
    )
    data.save_dataset("instansi_saya", {"comments": comments})
    assert not owndata.can_run("audit_balasan", "instansi_saya")
    assert "Waktu dibalas" in capsys.readouterr().out
    comments.loc[0, "replied_at"] = pd.Timestamp("2026-01-01 03:00", tz="UTC")
    data.save_dataset("instansi_saya", {"comments": comments})
    assert owndata.can_run("audit_balasan", "instansi_saya")


def test_inventory_model_cleans_stale_temporaries_when_it_loads():
    import os
    import time

    InventoryModel().set_agency(name="Dinas Kominfo")
    folder = workspace.resolve(DRAFT_PATH).parent
    stale = folder / ".inventaris_akun.json.abcd1234.tmp"
    stale.write_text("{")
    old = time.time() - workspace.STALE_AFTER - 60
    os.utime(stale, (old, old))
    assert InventoryModel().agency["name"] == "Dinas Kominfo"
    assert not stale.exists()


def test_the_form_recognises_an_account_typed_again_as_the_importers_read_its_handle():
    model = InventoryModel()
    model.set_agency(name="Diskominfo Kota", tz="WIB")
    model.add({"platform": "instagram", "account": "@ HumasKota", "bio": "lama"})
    model.add({"platform": "instagram", "account": "humaskota", "bio": "baru"})
    assert len(model.accounts) == 1
    assert model.tables()["accounts"]["bio"].tolist() == ["baru"]


@pytest.mark.parametrize(("word", "want"), [("sudah", True), ("Yes", True), ("belum", False)])
def test_the_form_reads_yes_no_with_the_one_vocabulary(word, want):
    form = InventoryForm(InventoryModel("drafts/yes_no.json"))
    form.set_agency(name="Diskominfo Kota")
    form.set_account(platform="instagram", account="humaskota", verified=word)
    form.add_account()
    assert form.model.tables()["accounts"]["verified"].tolist() == [want]
    form.accounts_list.index = 0  # picked again to edit: the answer is shown, not lost
    assert form.account_fields["verified"].value == ("ya" if want else "tidak")
