"""Sentiment rules (labkit.monitor.sentiment): lexicon, negation, reasons."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit.errors import LabkitError
from labkit.monitor import SENTIMENTS, sentiment


@pytest.mark.parametrize(
    ("text", "expected", "word"),
    [
        ("Mantap, pelayanannya cepat", "positive", "mantap"),
        ("terima kasih, sangat membantu 🙏", "positive", "terima kasih"),
        ("tidak bagus, kecewa", "negative", "tidak bagus"),  # negation flips
        ("pelayanan kurang ramah", "negative", "kurang ramah"),
        ("😡😡", "negative", "😡"),
        ("gmn caranya daftar", "neutral", None),
    ],
)
def test_lexicon_and_negation(text, expected, word):
    out = sentiment(pd.Series([text]))
    assert out["sentiment"].iloc[0] == expected
    if word:
        assert f": {word})" in out["reason"].iloc[0]


def test_negated_negative_word_no_longer_counts():
    assert sentiment(pd.Series(["tidak buruk"]))["score"].iloc[0] == 0


def test_sarcasm_is_what_the_lexicon_misreads():
    # praise word + a complaint: the lexicon sees balance, a person sees a complaint
    assert sentiment(pd.Series(["mantap, 3 jam antre"]))["sentiment"].iloc[0] != "negative"


@pytest.mark.parametrize("hostile", [None, "", "x" * 10_000, "<script>alert(1)</script>"])
def test_bad_input_is_neutral_not_an_exception(hostile):
    out = sentiment(pd.Series([hostile], dtype=object))
    assert out["sentiment"].iloc[0] in SENTIMENTS


def test_index_kept_and_unknown_method_explained():
    out = sentiment(pd.Series(["bagus", "jelek"], index=["a", "b"]))
    assert out.index.tolist() == ["a", "b"] and out["score"].tolist() == [1.0, -1.0]
    with pytest.raises(LabkitError, match="rules"):
        sentiment(pd.Series(["x"]), method="tebak")
