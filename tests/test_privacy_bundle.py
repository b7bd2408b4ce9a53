"""Planted personal data never survive data.load("comments") (recall 1.0 on the bundled universe).

``truth_comments.pii_values`` lists, per comment, the exact personal-data strings the
generator planted ('|'-separated). After masking, none of them may appear in the
comment's text. The first test runs on the real bundled universe (``datasets/``);
the second runs the same check on a small hand-made bundle, and shows that the
check fails when masking is off.
"""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data, privacy


@pytest.fixture(autouse=True)
def _masking_default(monkeypatch):
    monkeypatch.delenv("LABKIT_MASKING", raising=False)
    privacy.set_masking(None)
    yield
    privacy.set_masking(None)


def surviving(comments: pd.DataFrame, truth: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(comment_id, planted value, text) for every planted value still in the text."""
    planted = truth[truth["pii_values"].fillna("").str.len() > 0]
    text = comments.set_index(["platform", "comment_id"])["text"]
    text.index = text.index.set_levels(text.index.levels[0].astype(str), level=0)
    left = []
    for row in planted.itertuples():
        masked = text.get((str(row.platform), row.comment_id))
        assert masked is not None, f"truth row {row.comment_id} has no comment"
        for value in str(row.pii_values).split("|"):
            if value and not pd.isna(masked) and value in masked:
                left.append((row.comment_id, value, masked))
    return left


def false_positive_rate(comments: pd.DataFrame, raw: pd.DataFrame, truth: pd.DataFrame) -> float:
    """Share of comments without planted personal data whose text masking changed."""
    clean_ids = set(truth.loc[truth["pii_values"].fillna("") == "", "comment_id"])
    sel = raw["comment_id"].isin(clean_ids)
    if not sel.any():
        return 0.0
    changed = raw.loc[sel, "text"].fillna("") != comments.loc[sel, "text"].fillna("")
    return float(changed.mean())


def check(source_note: str) -> None:
    truth = data.load("truth_comments")
    comments = data.load("comments")
    raw = data.load("comments", mask=False)
    assert comments.attrs.get("masked") is True
    planted = (truth["pii_values"].fillna("").str.len() > 0).sum()
    left = surviving(comments, truth)
    fpr = false_positive_rate(comments, raw, truth)
    print(
        f"{source_note}: {len(comments)} comments, {planted} with planted personal data, "
        f"{len(left)} values survived; clean comments changed: {fpr:.2%}"
    )
    assert planted > 0
    assert left == []
    assert fpr <= 0.05


def test_planted_personal_data_never_survive_in_the_bundled_universe():
    check("bundled universe")


# ---------------------------------------------------------------- a small hand-made bundle


def _bundle() -> dict[str, pd.DataFrame]:
    agencies = pd.DataFrame(
        {
            "agency_id": ["ag1"],
            "name": ["Dinas Kependudukan dan Pencatatan Sipil Kota Sukamaju"],
            "short_name": ["Dukcapil Sukamaju"],
            "kind": ["dinas_dukcapil"],
            "region": ["Kota Sukamaju"],
            "tz": ["WIB"],
            "website": ["https://dukcapil.sukamajukota.go.id"],
            "official_email": ["dukcapil@sukamajukota.go.id"],
            "official_phone": ["+62 811-2233-4455"],
        }
    )
    accounts = pd.DataFrame(
        {
            "platform": ["instagram"],
            "account": ["dukcapil.sukamaju"],
            "agency_id": ["ag1"],
            "unit": ["Humas"],
            "display_name": ["Dukcapil Kota Sukamaju"],
            "bio": ["Layanan adminduk. WA 0811 2233 4455"],
            "link": ["https://dukcapil.sukamajukota.go.id"],
            "contact": ["dukcapil@sukamajukota.go.id"],
            "verified": [True],
            "profile_type": ["page"],
            "created_at": pd.to_datetime(["2016-03-01"], utc=True),
            "followers": [12000],
            "tz": ["WIB"],
        }
    )
    rows = [
        ("c1", "budi_s", "NIK saya 3273015708900003 belum aktif min", "nik", "3273015708900003"),
        ("c2", "rina", "WA saya 0857-1234-5678 ya", "phone", "0857-1234-5678"),
        ("c3", "andi", "email rina_putri@yahoo.co.id, hp +62 813 9876 5432", "email|phone",
         "rina_putri@yahoo.co.id|+62 813 9876 5432"),
        ("c4", "sari", "@budi_s sama, saya juga", "handle", "@budi_s"),
        ("c5", "joko", "Antre dari 08.00 sampai 11.30, bayar Rp 350.000", "", ""),
        ("c6", "dukcapil.sukamaju", "Silakan WA 0811-2233-4455 atau dukcapil@sukamajukota.go.id", "", ""),
        ("c7", "wati", "KK 3201 0212 1500 0007 mohon dicek @dukcapil.sukamaju", "nik",
         "3201 0212 1500 0007"),
        ("c8", "eko", "VA 8808123456789012 sudah dibayar tgl 12-05-2026", "", ""),
    ]  # fmt: skip
    comments = pd.DataFrame(
        {
            "platform": "instagram",
            "account": "dukcapil.sukamaju",
            "post_id": "p1",
            "comment_id": [r[0] for r in rows],
            "author": [r[1] for r in rows],
            "created_at": pd.Timestamp("2026-05-01", tz="UTC"),
            "text": [r[2] for r in rows],
        }
    )
    truth = pd.DataFrame(
        {
            "platform": "instagram",
            "comment_id": [r[0] for r in rows],
            "kind": "question",
            "bot_ring": False,
            "episode_id": None,
            "pii": [r[3] for r in rows],
            "pii_values": [r[4] for r in rows],
            "colloquial": False,
        }
    )
    return {
        "agencies": agencies,
        "accounts": accounts,
        "comments": comments,
        "truth_comments": truth,
    }


def test_the_check_on_a_small_bundle(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    data.write_bundle(_bundle(), folder, {"note": "privacy test bundle"})
    monkeypatch.setenv("LABKIT_DATA_DIR", str(folder))
    check("hand-made bundle")
    comments = data.load("comments")
    by_id = comments.set_index("comment_id")
    assert by_id.loc["c6", "text"] == "Silakan WA 0811-2233-4455 atau dukcapil@sukamajukota.go.id"
    assert by_id.loc["c6", "author"] == "dukcapil.sukamaju"
    assert by_id.loc["c7", "text"] == "KK [NIK] mohon dicek @dukcapil.sukamaju"
    assert by_id.loc["c1", "author"].startswith("warga_")
    # the check can fail: with masking off every planted value survives
    raw = data.load("comments", mask=False)
    truth = data.load("truth_comments")
    assert len(surviving(raw, truth)) == 6
