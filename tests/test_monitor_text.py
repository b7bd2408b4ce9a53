"""Normalisation of social-media Indonesian (labkit.monitor.text)."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kpn bsa d4ft4r nyaaa???", "kapan bisa daftar nya ?"),
        ("𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑", "slot gacor"),  # math-bold letters
        ("s l o t", "slot"),  # spaced-out word
        ("g.a.c.o.r", "gacor"),
        ("gmn min, udh 3 hr blm cair", "bagaimana admin sudah 3 hari belum cair"),
        ("anak2 sdh vaksin", "anak-anak sudah vaksin"),
        ("k4mu g4k t4u", "kamu tidak tahu"),
        ("Antrean lama bangettt, kecewaaa", "antrean lama sekali kecewa"),
        ("Mantap, terima kasih infonya!", "mantap terima kasih informasinya !"),
        ("pa\u200bsp\u202eor", "paspor"),  # zero-width and direction override removed
    ],
)
def test_normalize_examples(raw, expected):
    assert text.normalize(raw) == expected


@pytest.mark.parametrize("number", ["rp50rb", "covid19", "5g", "3", "2026", "12,5"])
def test_real_numbers_stay_numbers(number):
    out = text.normalize(number)
    assert any(c.isdigit() for c in out), out


@pytest.mark.parametrize(
    "hostile",
    [
        None,
        float("nan"),
        pd.NA,
        "",
        "😡😡",
        "x" * 10_000,
        "<script>alert(1)</script>",
        "مرحبا 你好 halo",
        12345,
    ],
)
def test_any_input_gives_a_string(hostile):
    out = text.normalize(hostile)
    assert isinstance(out, str)
    assert "<" not in out and ">" not in out


def test_normalize_texts_matches_normalize_and_keeps_the_index():
    s = pd.Series(["gmn min?", None, "gmn min?", "s l o t"], index=[7, 8, 9, 10])
    out = text.normalize_texts(s)
    assert out.index.tolist() == [7, 8, 9, 10]
    assert out.tolist() == [text.normalize(v) for v in s]


def test_many_texts_are_normalised_piece_by_piece_with_the_same_result(monkeypatch):
    texts = ["Kpn bsa d4ft4r nyaaa???", "𝐒 𝐋 𝐎 𝐓 gacorrr", None, "mager bgt", "gmn min?"] * 5
    s = pd.Series(texts, index=range(100, 125))
    monkeypatch.setattr(text, "CHUNK", 3)  # pieces of 3 texts, on one thread and on two
    for parallel_from in (1_000, 1):
        monkeypatch.setattr(text, "PARALLEL_FROM", parallel_from)
        out = text.normalize_texts(s)
        assert out.tolist() == [text.normalize(v) for v in texts]
        assert out.index.equals(s.index)
    # the result is compact Arrow-backed strings, read by the Arrow rules without a copy
    assert isinstance(out.dtype, pd.StringDtype) and out.dtype.storage == "pyarrow"


def test_stopwords_are_dropped_on_request_only():
    words = text.tokens("Kapan banjir di jalan yg itu surut?")
    assert "yang" in words and "?" not in words
    assert text.tokens("Kapan banjir di jalan yg itu surut?", drop_stopwords=True) == [
        "banjir",
        "jalan",
        "surut",
    ]


def test_package_map_has_no_empty_or_duplicate_entries():
    keys = [
        line.split(":")[0]
        for line in (text.resources.files("labkit.monitor") / "colloquial.yaml")
        .read_text("utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    assert len(keys) == len(set(keys)), "a key appears twice: YAML would silently keep the last"
    assert len(text.colloquial_map()) >= 300


def test_trainer_extends_the_map_from_the_work_folder(work):
    assert text.normalize("mager") == "mager"
    (work / text.USER_MAP_FILE).write_text("mager: malas bergerak\ngmn: gimana\n", "utf-8")
    assert text.normalize("mager gmn") == "malas bergerak gimana"  # trainer's entries win


def test_broken_trainer_map_names_the_file_and_line(work):
    (work / text.USER_MAP_FILE).write_text("mager: malas\ngmn: [bagaimana\n", "utf-8")
    with pytest.raises(LabkitError) as err:
        text.normalize("gmn")
    assert text.USER_MAP_FILE in str(err.value) and "2" in str(err.value)


def test_empty_trainer_entry_is_named(work):
    (work / text.USER_MAP_FILE).write_text("mager:\n", "utf-8")
    with pytest.raises(LabkitError, match="mager"):
        text.normalize("mager")


def test_trainer_map_is_read_once_and_again_after_an_edit(work, monkeypatch):
    from labkit import workspace

    path = work / text.USER_MAP_FILE
    path.write_text("mager: malas bergerak\n", "utf-8")
    reads = []
    real = workspace.load_yaml
    monkeypatch.setattr(workspace, "load_yaml", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert text.normalize("mager") == "malas bergerak"
    assert text.normalize("mager lagi") == "malas bergerak lagi"
    assert len(reads) == 1  # cached while the file is unchanged
    stat = path.stat()
    path.write_text("mager: malas berjalan\n", "utf-8")  # same size: only the time tells
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert text.normalize("mager") == "malas berjalan"
    assert text.normalize_texts(pd.Series(["mager"])).tolist() == ["malas berjalan"]
    assert len(reads) == 2
    path.unlink()
    assert text.normalize("mager") == "mager"  # a removed file no longer counts
