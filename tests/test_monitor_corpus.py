"""The project's hand-written labelled comments: shape, coverage and separation of the splits."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit.monitor import LABELS, SENTIMENTS, labelled_comments

REGISTERS = {
    "formal", "colloquial", "alay", "regional", "codemix", "typo", "sarcasm",
    "question_in_praise", "complaint_as_question", "disguised_spam",
}  # fmt: skip


def test_the_held_out_set_is_large_varied_and_valid():
    ev = labelled_comments("eval")
    assert len(ev) >= 600
    assert list(ev.columns[:4]) == ["text", "label", "sentiment", "register"]
    assert set(ev["label"]) == set(LABELS)
    assert set(ev["sentiment"]) == set(SENTIMENTS)
    assert set(ev["register"]) == REGISTERS
    assert not ev["text"].duplicated().any() and (ev["text"].str.strip() != "").all()
    shares = ev["label"].value_counts(normalize=True)
    assert shares.min() >= 0.08, shares  # every label well represented
    assert ev["register"].value_counts().min() >= 40


def test_nothing_of_the_held_out_set_is_in_the_training_set():
    ev, tr = labelled_comments("eval"), labelled_comments("train")
    norm = lambda s: s.str.lower().str.replace(r"\W+", " ", regex=True).str.strip()  # noqa: E731
    assert not set(ev["text"]) & set(tr["text"])
    # nor the same words (emoji-only comments, which normalise to nothing, aside)
    assert not (set(norm(ev["text"])) & set(norm(tr["text"]))) - {""}


def test_bad_split_is_named():
    from labkit.errors import LabkitError

    with pytest.raises(LabkitError, match="tidak dikenal"):
        labelled_comments("test")
    assert isinstance(labelled_comments("eval"), pd.DataFrame)
