"""labkit.privacy: redaction formats, allowlists, the masking switch, pseudonyms, find_pii; purge
(now :func:`labkit.data.purge`, the data lifecycle's one owner)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit import data, i18n, privacy, workspace
from labkit.errors import LabkitError, LabkitWarning
from labkit.privacy import tables

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _privacy_defaults(monkeypatch):
    monkeypatch.delenv("LABKIT_MASKING", raising=False)
    monkeypatch.delenv("LABKIT_PSEUDONYM_SALT", raising=False)
    privacy.set_masking(None)
    yield
    privacy.set_masking(None)


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NIK 3201234567890001", "NIK [NIK]"),
        ("nik: 3201 2345 6789 0001.", "nik: [NIK]."),
        ("NIK 3201-2345-6789-0001", "NIK [NIK]"),
        ("NIK 3201.2345.6789.0001", "NIK [NIK]"),
        ("NIK 320123 450690 0001", "NIK [NIK]"),
        ("KTP 32.01.23.450690.0001", "KTP [NIK]"),
        ("No KK 3273010101230004 ya", "No KK [NIK] ya"),
        ("NIK3201234567890001", "NIK[NIK]"),
        ("3201234567890001", "[NIK]"),
    ],
)
def test_nik_and_kk_formats(text, expected):
    assert privacy.redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("WA 081234567890", "WA [TELEPON]"),
        ("WA 0812-3456-7890", "WA [TELEPON]"),
        ("WA 0812 3456 7890", "WA [TELEPON]"),
        ("WA 0812.3456.7890.", "WA [TELEPON]."),
        ("WA (0812) 3456-7890", "WA [TELEPON]"),
        ("WA (0812)34567890", "WA [TELEPON]"),
        ("WA +62 812-3456-7890", "WA [TELEPON]"),
        ("WA +6281234567890", "WA [TELEPON]"),
        ("WA 62-812-3456-7890", "WA [TELEPON]"),
        ("WA +62 (812) 3456 7890", "WA [TELEPON]"),
        ("WA (+62) 812 3456 7890", "WA [TELEPON]"),
        ("WA +62 0812 3456 7890", "WA [TELEPON]"),
        ("nomor lama 0812-345-678", "nomor lama [TELEPON]"),
        ("(0812 3456 7890)", "([TELEPON])"),
        ("wa.me/6281234567890", "wa.me/[TELEPON]"),
        ("hp081234567890", "hp[TELEPON]"),
    ],
)
def test_mobile_number_formats(text, expected):
    assert privacy.redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("email budi.santoso@gmail.com.", "email [EMAIL]."),
        ("Rina_Putri@Yahoo.co.id", "[EMAIL]"),
        ("andi+lapor@outlook.com, ya", "[EMAIL], ya"),
        ("budi [at] gmail [dot] com", "[EMAIL]"),
        ("rina(at)yahoo.com", "[EMAIL]"),
        ("cc @budi_s dan @rina.putri.", "cc [AKUN] dan [AKUN]."),
        ("(@warga_kritis)", "([AKUN])"),
        ("budi@gmail.com @budi", "[EMAIL] [AKUN]"),
    ],
)
def test_email_and_handle_formats(text, expected):
    assert privacy.redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rp 1.500.000",
        "Rp 1.000.000.000.000.000",
        "cuma 50rb",
        "3 kaos @75rb",
        "kumpul @10.30",
        "jam 08.00-12.00 13.00-15.00",
        "sesi 08.00 08.30 09.00 09.30",
        "10.30 WITA",
        "08:00",
        "tgl 08-12-2026 10.30",
        "08 12 2026",
        "tahun 2026",
        "x.com/a/status/1790123456789012345",
        "post 10234567890123456",
        "fbid=1023456789012345",
        "facebook.com/groups/1234567890123456",
        "Nomor: 800/123/Diskominfo/2026",
        "versi 2.3.1",
        "firmware 08.12.2026.01",
        "Chrome 124.0.6367.207",
        "1.234.567 jiwa",
        "112",
        "Polisi 110, Damkar 113, Ambulans 119, SAPA 129",
        "Halo Kemenkes 1500-567",
        "bebas pulsa 0800-1-500-123",
        "08001234567",
        "VA 8808123456789012",
        "virtual account 8808 1234 5678 9012",
        "no. pesanan 2405131234567890",
        "kode booking 1234567890123456",
        "token listrik 1234 5678 9012 3456 7890",
        "INV-3201234567890001",
        "kode 3201234567890001ABC",
        "(021) 5551234",
    ],
)
def test_harmless_numbers_stay(text):
    assert privacy.redact(text) == text


def test_context_cue_applies_only_to_the_next_number():
    text = "VA 8808123456789012, NIK 3201234567890001"
    assert privacy.redact(text) == "VA 8808123456789012, NIK [NIK]"
    text = "NIK 3201234567890001 dan VA 8808123456789012"
    assert privacy.redact(text) == "NIK [NIK] dan VA 8808123456789012"
    # the cue is cut at the previous number: it does not reach past it
    assert privacy.redact("VA dulu 5, lalu 3201234567890001") == "VA dulu 5, lalu [NIK]"


def test_redact_find_spans_positions():
    text = "NIK 3201 2345 6789 0001, WA +62 812-3456-7890, @budi"
    spans = privacy.find_spans(text)
    assert [(s.type, s.value) for s in spans] == [
        ("nik", "3201 2345 6789 0001"),
        ("phone", "+62 812-3456-7890"),
        ("handle", "@budi"),
    ]
    assert all(text[s.start : s.end] == s.value for s in spans)


# hypothesis: every mobile number in every formatting is found and normalised alike


@st.composite
def mobile_numbers(draw):
    prefix = draw(st.sampled_from(["811", "812", "813", "821", "852", "857", "878", "896", "881"]))
    rest = draw(st.text("0123456789", min_size=6, max_size=9))
    nsn = prefix + rest
    lead = draw(st.sampled_from(["0", "+62", "62", "+62 ", "62-", "(0", "+62 (", "(+62) "]))
    sep = draw(st.sampled_from(["", " ", "-", "."]))
    cut = draw(st.sampled_from([3, 4]))
    tail = [nsn[cut:][k : k + 4] for k in range(0, len(nsn) - cut, 4)]
    if len(tail[-1]) < 3:  # keep every group at least 3 digits long
        tail[-2:] = [tail[-2][:-1], tail[-2][-1] + tail[-1]] if len(tail) > 1 else tail
    if any(len(t) < 3 for t in tail):
        tail = [nsn[cut:]]
    head = nsn[:cut]
    if lead.startswith("(0"):
        written = f"(0{head}){sep or ' '}{sep.join(tail)}"
    elif lead == "+62 (":
        written = f"+62 ({head}) {sep.join(tail)}"
    else:
        written = f"{lead}{head}{sep}{sep.join(tail)}"
    return nsn, written


@settings(max_examples=300, deadline=None)
@given(mobile_numbers(), st.sampled_from(["WA ", "hubungi ", "nomor saya: ", "", "telp."]))
def test_any_formatting_of_a_mobile_number_is_masked(number, before):
    nsn, written = number
    text = f"{before}{written} ya"
    assert privacy.redact(text) == f"{before}[TELEPON] ya"
    assert privacy.normalize_number(written) == nsn
    # the same number, allowlisted in another format, stays
    assert privacy.redact(text, keep_numbers=["0" + nsn]) == text


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 999_999_999_999),
    st.integers(0, 23),
    st.integers(0, 59),
    st.dates(),
    st.integers(0, 10**18),
)
def test_money_times_dates_counts_stay(amount, hh, mm, day, count):
    money = f"Rp {amount:,}".replace(",", ".")
    texts = [
        f"biaya {money},00 bayar jam {hh:02d}.{mm:02d} tgl {day:%d-%m-%Y}",
        f"{day:%d/%m/%Y} {hh:02d}:{mm:02d} sampai {day:%Y-%m-%d}",
        f"dilihat {count:,} kali".replace(",", "."),
        f"jadwal {hh:02d}.{mm:02d}-{hh:02d}.{mm:02d} {day:%d.%m.%Y}",
    ]
    for text in texts:
        assert privacy.redact(text) == text


# ---------------------------------------------------------------- allowlists


def test_allowlists_match_other_formats():
    text = "WA 0811-2233-4455, wa.me/6281122334455, cc @Humas_Sukamaju, HUMAS@SukamajuKota.go.id"
    kept = privacy.redact(
        text,
        keep_handles=["@humas_sukamaju"],
        keep_numbers=["+62 811 2233 4455"],
        keep_emails=["humas@sukamajukota.go.id"],
    )
    assert kept == text
    assert privacy.redact(text, keep_handles=["humas_sukamaju"]) == (
        "WA [TELEPON], wa.me/[TELEPON], cc @Humas_Sukamaju, HUMAS@SukamajuKota.go.id"
    )
    assert privacy.redact(
        "WA 0811-2233-4455 / 0812-0000-1111", keep_numbers=["62811 2233 4455"]
    ) == ("WA 0811-2233-4455 / [TELEPON]")


def test_normalisers():
    for n in ("+62 811-2233-4455", "62 811 2233 4455", "(0811) 2233-4455", "wa.me/6281122334455"):
        assert privacy.normalize_number(n) == "81122334455"
    assert privacy.normalize_handle(" @Humas_Kota ") == "humas_kota"
    assert privacy.normalize_email("Budi [at] Gmail [dot] com") == "budi@gmail.com"


def _agencies() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "agency_id": ["ag1"],
            "name": ["Dinas Komunikasi dan Informatika Kota Sukamaju"],
            "short_name": ["Diskominfo Sukamaju"],
            "kind": ["diskominfo_kota"],
            "region": ["Kota Sukamaju"],
            "tz": ["WIB"],
            "website": ["https://sukamajukota.go.id"],
            "official_email": ["diskominfo@sukamajukota.go.id"],
            "official_phone": ["(0811) 2233-4455"],
        }
    )


def _accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["instagram", "x"],
            "account": ["diskominfo.sukamaju", "diskominfo_smj"],
            "agency_id": ["ag1", "ag1"],
            "unit": ["Humas", "Humas"],
            "display_name": ["Diskominfo Sukamaju", "Diskominfo Sukamaju"],
            "bio": ["Akun resmi. Pengaduan: WA 0812 7000 8000", None],
            "link": ["https://wa.me/6281370009000", None],
            "contact": ["layanan.publik@sukamajukota.go.id / +62 813-1000-2000", None],
            "verified": [True, False],
            "profile_type": ["page", "page"],
            "created_at": pd.to_datetime(["2015-01-01", "2016-01-01"], utc=True),
            "followers": [1000, 500],
            "tz": ["WIB", "WIB"],
        }
    )


def test_official_allowlist_collects_handles_numbers_and_emails():
    allow = privacy.official_allowlist(_accounts(), _agencies())
    assert allow.handles == {"diskominfo.sukamaju", "diskominfo_smj"}
    assert allow.numbers == {"81122334455", "81270008000", "81370009000", "81310002000"}
    assert allow.emails == {"diskominfo@sukamajukota.go.id", "layanan.publik@sukamajukota.go.id"}
    assert privacy.official_allowlist(None, None) == privacy.Allowlist()
    text = "Sudah WA 0811 2233 4455 dan +62 812-7000-8000, @Diskominfo_SMJ belum balas. WA saya 0857 1234 5678"
    assert privacy.redact_with(text, allow) == (
        "Sudah WA 0811 2233 4455 dan +62 812-7000-8000, @Diskominfo_SMJ belum balas. WA saya [TELEPON]"
    )


# ---------------------------------------------------------------- redact_series


def test_redact_series_keeps_index_name_dtype_and_missing():
    s = pd.Series(
        ["NIK 3201234567890001", None, "tidak ada", "WA 0812-3456-7890", "NIK 3201234567890001"],
        index=[10, 11, 12, 13, 14],
        name="text",
        dtype=pd.StringDtype(),
    )
    out = privacy.redact_series(s)
    assert out.dtype == s.dtype and out.name == "text"
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert out.isna().tolist() == [False, True, False, False, False]
    assert out.tolist()[0] == "NIK [NIK]" and out.tolist()[3] == "WA [TELEPON]"
    assert out.tolist()[2] == "tidak ada"
    assert s.tolist()[0] == "NIK 3201234567890001"  # the input is not changed
    obj = privacy.redact_series(pd.Series(["@budi hai", float("nan")], dtype=object))
    assert obj.iloc[0] == "[AKUN] hai" and pd.isna(obj.iloc[1])
    assert privacy.redact_series(pd.Series([], dtype=pd.StringDtype())).empty


def test_redact_series_agrees_with_redact():
    labelled = Path(__file__).parent / "data" / "pii_labelled.jsonl"
    texts = [json.loads(line)["text"] for line in labelled.read_text("utf-8").splitlines()]
    s = pd.Series(
        [f"{t} {k}" if k % 3 else t for k in range(4) for t in texts], dtype=pd.StringDtype()
    )
    out = privacy.redact_series(s, keep_numbers=["0811-2233-4455"])
    expected = [privacy.redact(t, keep_numbers=["0811-2233-4455"]) for t in s]
    assert out.tolist() == expected
    assert (out != s).sum() > 300


# ---------------------------------------------------------------- the masking switch


def test_masking_is_on_by_default():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert privacy.masking_enabled() is True
    assert privacy.status() == "Penyamaran data pribadi: AKTIF"


def test_trainer_turns_masking_off_and_status_says_so():
    with pytest.warns(LabkitWarning, match="NONAKTIF"):
        assert privacy.set_masking(False) is False
    with pytest.warns(LabkitWarning):
        assert privacy.masking_enabled() is False
    assert privacy.status() == "Penyamaran data pribadi: NONAKTIF (dimatikan pelatih)"
    i18n.set_language("en")
    assert privacy.status() == "Personal-data masking: OFF (turned off by the trainer)"
    assert privacy.set_masking(True) is True


def test_masking_off_through_the_environment(monkeypatch):
    monkeypatch.setenv("LABKIT_MASKING", "off")
    with pytest.warns(LabkitWarning):
        assert privacy.masking_enabled() is False
    assert "NONAKTIF" in privacy.status()
    assert privacy.set_masking(True) is True  # an explicit switch wins over the environment
    monkeypatch.setenv("LABKIT_MASKING", "on")
    assert privacy.set_masking(None) is True


# ---------------------------------------------------------------- pseudonyms


def test_pseudonyms_are_stable_and_distinct():
    a = privacy.pseudonym("budi_s")
    assert a.startswith("warga_") and len(a) == len("warga_") + 10
    assert privacy.pseudonym("@Budi_S") == a
    assert privacy.pseudonym("rina") != a
    salt_file = workspace.resolve("privacy/salt")
    assert salt_file.exists()
    tables._salt_cache.clear()  # a restart: the salt is read back from disk
    assert privacy.pseudonym("budi_s") == a


def test_pseudonyms_survive_a_fresh_process():
    here = privacy.pseudonym("budi_s")
    env = {**os.environ, "LABKIT_WORK_DIR": str(workspace.work_dir())}
    env.pop("LABKIT_PSEUDONYM_SALT", None)
    code = "from labkit import privacy; print(privacy.pseudonym('budi_s'))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == here


def test_salt_is_per_work_folder_unless_the_hub_sets_one(tmp_path, monkeypatch):
    first = privacy.pseudonym("budi_s")
    workspace.set_work_dir(tmp_path / "other")
    assert privacy.pseudonym("budi_s") != first
    monkeypatch.setenv("LABKIT_PSEUDONYM_SALT", "hub-wide salt for cohort 7")
    hub = privacy.pseudonym("budi_s")
    workspace.set_work_dir(tmp_path / "third")
    assert privacy.pseudonym("budi_s") == hub != first


def test_damaged_salt_is_an_error_not_a_silent_new_key():
    workspace.save_text("privacy/salt", "")
    with pytest.raises(LabkitError, match="privacy/salt"):
        privacy.pseudonym("budi")


# ---------------------------------------------------------------- mask_comments


def _comments() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "platform": ["instagram"] * 4,
            "account": ["diskominfo.sukamaju"] * 4,
            "post_id": ["p1"] * 4,
            "comment_id": ["c1", "c2", "c3", "c4"],
            "author": ["budi_s", "Diskominfo.Sukamaju", "rina", "budi_s"],
            "created_at": pd.to_datetime(["2026-05-01"] * 4, utc=True),
            "text": [
                "NIK saya 3201234567890001, WA 0857-1234-5678",
                "Silakan hubungi WA resmi 0811 2233 4455 atau @diskominfo_smj",
                "@budi_s sama, saya juga belum",
                None,
            ],
        }
    ).astype({"author": "string", "text": "string"})


def test_mask_comments_masks_text_and_pseudonymises_authors():
    df = _comments()
    allow = privacy.official_allowlist(_accounts(), _agencies())
    out = privacy.mask_comments(df, allow=allow)
    assert out.attrs["masked"] is True
    assert out["text"].tolist()[:3] == [
        "NIK saya [NIK], WA [TELEPON]",
        "Silakan hubungi WA resmi 0811 2233 4455 atau @diskominfo_smj",
        "[AKUN] sama, saya juga belum",
    ]
    assert pd.isna(out["text"].iloc[3])
    authors = out["author"].tolist()
    assert authors[1] == "Diskominfo.Sukamaju"  # the agency replying keeps its name
    assert authors[0] == authors[3] == privacy.pseudonym("budi_s") != authors[2]
    assert out["author"].nunique() == df["author"].nunique()  # unique-user counts still work
    assert df["text"].iloc[0].startswith("NIK saya 3201")  # input untouched
    assert out["comment_id"].tolist() == df["comment_id"].tolist()


# ---------------------------------------------------------------- find_pii


def test_find_pii_reports_rows_columns_types_masked():
    df = pd.DataFrame(
        {
            "text": ["NIK 3201234567890001 dan 3273015708900003", "aman", "WA 0812-3456-7890"],
            "note": ["email budi.santoso@gmail.com", None, "Rp 1.500.000"],
            "likes": [1, 2, 3],
        },
        index=["a", "b", "c"],
    )
    rep = privacy.find_pii(df)
    assert list(rep.columns) == ["row", "column", "type", "count", "spans", "preview"]
    got = {(r.row, r.column, r.type, r.count) for r in rep.itertuples()}
    assert got == {("a", "text", "nik", 2), ("c", "text", "phone", 1), ("a", "note", "email", 1)}
    row = rep[rep["type"] == "phone"].iloc[0]
    assert row["spans"] == [(3, 17)]
    assert row["preview"] == "08••-••••-••90"
    shown = rep.to_string()
    for raw in ("3201234567890001", "0812-3456-7890", "budi.santoso@gmail.com"):
        assert raw not in shown
    only = privacy.find_pii(df, columns=["note"])
    assert set(only["column"]) == {"note"}
    with pytest.raises(LabkitError, match="nope"):
        privacy.find_pii(df, columns=["nope"])


def test_find_pii_flags_author_columns_and_respects_allowlist():
    df = _comments()
    allow = privacy.official_allowlist(_accounts(), _agencies())
    rep = privacy.find_pii(df, allow=allow)
    authors = rep[rep["column"] == "author"]
    assert sorted(authors["row"]) == [0, 2, 3]  # the agency (row 1) is not personal data
    assert set(rep[rep["column"] == "text"]["row"]) == {0, 2}
    masked = privacy.find_pii(privacy.mask_comments(df, allow=allow), allow=allow)
    assert masked.empty


# ---------------------------------------------------------------- purge


def _save(name: str) -> None:
    data.save_dataset(name, {"agencies": _agencies()})


def test_purge_one_dataset_and_all():
    _save("instansi_saya")
    _save("latihan")
    workspace.save_text("answers/01.json", "{}")
    data.use("latihan")
    deleted = data.purge("latihan")
    assert deleted == [workspace.work_dir() / "data" / "latihan"]
    assert data.own_datasets() == ["instansi_saya"]
    assert data.current_source() == data.BUNDLED  # the deleted source is no longer used
    deleted = data.purge()
    assert [p.name for p in deleted] == ["instansi_saya"]
    assert data.own_datasets() == []
    assert workspace.resolve("answers/01.json").exists()  # only imported data go
    assert data.purge() == []


def test_purge_unknown_dataset_lists_existing():
    _save("instansi_saya")
    with pytest.raises(LabkitError) as err:
        data.purge("instansi_sya")
    assert "instansi_saya" in str(err.value) and "instansi_sya" in str(err.value)
    with pytest.raises(LabkitError):
        data.purge("../answers")
    assert data.own_datasets() == ["instansi_saya"]


def test_messages_exist_in_both_languages():
    cat = i18n.catalog()
    # the purge message moved to labkit.data with purge itself; it is still checked here
    keys = [k for k in cat if k.startswith("privacy.")] + ["data.unknown_dataset"]
    assert len(keys) >= 6
    for k in keys:
        assert cat[k]["id"] != cat[k]["en"]


def test_masking_twice_keeps_the_pseudonyms_of_the_first_masking():
    import pandas as pd

    from labkit import privacy

    comments = pd.DataFrame({"author": ["budi_88", "@Sari.W", None], "text": ["a", "b", "c"]})
    once = privacy.pseudonymise(comments["author"])
    twice = privacy.pseudonymise(once)
    assert once.iloc[0].startswith("warga_") and once.iloc[0] != "budi_88"
    assert list(twice) == list(once)
