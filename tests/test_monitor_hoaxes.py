"""Matching comments against the archive of checked hoaxes (labkit.monitor.hoaxes)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import data
from labkit.errors import LabkitError
from labkit.monitor import hoax_archive, match_hoaxes

hoaxes = __import__("labkit.monitor.hoaxes", fromlist=["FIELDS"])


def test_archive_follows_the_fact_checkers_layout():
    book = hoax_archive()
    assert len(book) >= 25 and book.index.is_unique
    assert set(book["label"]) <= {"[SALAH]", "[PENIPUAN]", "[HOAKS]"}
    assert book["tautan"].str.contains(r"\.example/").all()  # fictional addresses only
    assert list(book.columns) == list(hoaxes.FIELDS[1:])


def test_colloquial_repetition_finds_its_clarification():
    found = match_hoaxes(
        pd.Series(
            ["sebarkan!! ngurus ktp-el skrg byr biaya rp 500.000 katanya", "mantap pelayanannya"]
        )
    )
    assert found.index.tolist() == [0]
    assert found["hoax_id"].iloc[0] == "HL-2026-0001"
    assert "gratis" in found["klarifikasi"].iloc[0]


def test_a_shared_word_alone_is_not_a_match():
    # shares the key word "paspor" but claims nothing
    assert match_hoaxes(pd.Series(["kapan paspor saya jadi, sudah 3 hari"])).empty


def test_trainer_adds_the_agency_own_checked_claims(work):
    entry = {f: "x" for f in hoaxes.FIELDS}
    entry.update(id="LOKAL-1", klaim="jembatan merah ditutup permanen", kata_kunci=["jembatan"])
    (work / hoaxes.USER_ARCHIVE_FILE).write_text(
        pd.Series([entry]).to_json(orient="values"), "utf-8"
    )
    found = match_hoaxes(pd.Series(["katanya jembatan merah ditutup permanen ya?"]))
    assert found["hoax_id"].tolist() == ["LOKAL-1"]


def test_broken_trainer_archive_names_entry_and_field(work):
    (work / hoaxes.USER_ARCHIVE_FILE).write_text("- id: LOKAL-2\n  klaim: sesuatu\n", "utf-8")
    with pytest.raises(LabkitError, match="LOKAL-2") as err:
        hoax_archive()
    assert "klarifikasi" in str(err.value)


def test_bundled_hoax_comments_are_matched():
    comments = data.load("comments")
    truth = data.load("truth_comments")  # ground truth: only tests and checks read it
    is_hoax = (truth["kind"] == "hoax") | (
        (truth["episode_id"] == "EP02") & (truth["kind"] == "crisis")
    )
    positives = set(truth.loc[is_hoax, "comment_id"])
    got = set(match_hoaxes(comments)["comment_id"])
    precision, recall = len(got & positives) / len(got), len(got & positives) / len(positives)
    print(f"hoax matching: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9 and recall >= 0.7
