"""Labelling by hand and agreement with the machine (issue 10, "Agreement")."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from labkit import data, i18n
from labkit.errors import LabkitError
from labkit.monitor import LABELS, agreement, agreement_matrix, cohen_kappa
from labkit.monitor.labelling import LabelBook, labelling_sample, read_labels


@pytest.fixture(scope="module")
def sample():
    return labelling_sample(data.load("comments"), n=28)


def test_sample_is_stratified_and_the_same_for_the_whole_room(sample):
    again = labelling_sample(data.load("comments"), n=28)
    assert sample["key"].tolist() == again["key"].tolist()
    assert len(sample) == 28 and sample["key"].is_unique
    assert set(sample["machine"]) == set(LABELS)  # every label represented (4 per label)
    other = labelling_sample(data.load("comments"), n=28, seed=1)
    assert other["key"].tolist() != sample["key"].tolist()


def test_agreement_names_n_and_gives_an_interval():
    a = ["question", "complaint", "praise", "spam"] * 5
    b = ["question", "complaint", "praise", "praise"] * 5
    score = agreement(a, b)
    assert score.n == 20 and score.agreed == 15 and score.share == pytest.approx(0.75)
    assert score.kappa == pytest.approx(cohen_kappa(a, b))
    assert score.low < score.kappa < score.high <= 1
    assert score.confusion.loc["spam", "praise"] == 5
    # missing labels are left out of the denominator
    partial = agreement(a[:10] + [None] * 10, b)
    assert partial.n == 10
    # the interval narrows as n grows
    wide, narrow = agreement(a[:8], b[:8]), agreement(a * 10, b * 10)
    assert (narrow.high - narrow.low) < (wide.high - wide.low)
    with pytest.raises(LabkitError, match="paling sedikit 2"):
        agreement(["question", None], ["question", "praise"])


def test_labels_are_saved_as_they_are_given_and_survive_a_restart(sample, work):
    book = LabelBook.open(sample, labeller="ani")
    book.set(0, "complaint")
    book.set(1, sample.at[1, "machine"])
    saved = json.loads((work / "pelabelan" / "ani.json").read_text())
    assert saved["labels"] == {
        sample.at[0, "key"]: "complaint",
        sample.at[1, "key"]: sample.at[1, "machine"],
    }
    again = LabelBook.open(sample, labeller="ani")  # a new kernel
    assert again.done == 2 and again.label_of(0) == "complaint"
    again.set(0, None)
    assert LabelBook.open(sample, labeller="ani").done == 1
    with pytest.raises(LabkitError, match="tidak dikenal"):
        again.set(2, "marah")
    with pytest.raises(LabkitError, match="nama berkas"):
        LabelBook.open(sample, labeller="../budi")


def test_widget_labels_compares_and_explains(sample, work):
    from labkit.widgets.labeller import LabellingWidget

    book = LabelBook.open(sample, labeller="budi")
    view = LabellingWidget(book)
    assert view.position == 0
    view.controls["compare"].click()
    assert "paling sedikit 2" in view.result
    # agree with the machine on 6 comments, differ on 2
    for i in range(8):
        machine = sample.at[i, "machine"]
        other = "neutral" if machine != "neutral" else "praise"
        view.controls["label"].value = machine if i < 6 else other
        view.controls["next"].click()
    assert view.position == 8 and book.done == 8
    view.controls["previous"].click()
    assert view.controls["label"].value == book.label_of(7)
    view.controls["compare"].click()
    assert "sama pada 6 dari 8" in view.result and "kappa Cohen" in view.result
    assert "interval 95" in view.result
    assert "Label mesin" in view._result.value
    # a fresh widget in a new kernel starts at the first unlabelled comment
    assert LabellingWidget(LabelBook.open(sample, labeller="budi")).position == 8


def test_widget_shows_hostile_text_inert(work):
    texts = pd.Series([f"<script>alert({i})</script> kapan dibuka?" for i in range(12)])
    book = LabelBook.open(labelling_sample(texts, n=10), labeller="cici")
    view = _widget(book)
    assert "<script>" not in view._text.value and "&lt;script&gt;" in view._text.value


def _widget(book):
    from labkit.widgets.labeller import LabellingWidget

    return LabellingWidget(book)


def test_the_room_agreement_matrix_from_saved_files(sample, work):
    for name, flip in (("ani", 0), ("budi", 3), ("cici", 10)):
        book = LabelBook.open(sample, labeller=name)
        for i in range(12):
            label = sample.at[i, "machine"] if i >= flip else "neutral"
            book.set(i, label)
    room = read_labels(work / "pelabelan")
    assert list(room.columns) == ["ani", "budi", "cici", "machine"]
    kappas = agreement_matrix(room[["ani", "budi", "cici"]])
    assert kappas.loc["ani", "ani"] == 1.0
    assert kappas.loc["ani", "budi"] > kappas.loc["ani", "cici"]
    assert kappas.loc["budi", "ani"] == kappas.loc["ani", "budi"]
    # a stray file in the folder is skipped, not an error
    (work / "pelabelan" / "catatan.json").write_text("[1, 2]")
    assert "catatan" not in read_labels(work / "pelabelan").columns


def test_english_labels_through_the_one_switch(sample, work):
    from labkit.widgets.labeller import LabellingWidget

    i18n.set_language("en")  # the conftest resets the language after each test
    view = LabellingWidget(LabelBook.open(sample, labeller="dedi"))
    assert ("Complaint", "complaint") in view.controls["label"].options


def test_bad_sample_sizes_get_clear_messages():
    with pytest.raises(LabkitError, match="10 sampai 200"):
        labelling_sample(pd.Series(["a"] * 20), n=5)
    with pytest.raises(LabkitError, match="Kecilkan n"):
        labelling_sample(pd.Series(["halo"] * 5 + [""] * 20), n=10)
    assert np.isnan(
        agreement_matrix(pd.DataFrame({"a": ["x", None], "b": [None, "y"]})).loc["a", "b"]
    )
