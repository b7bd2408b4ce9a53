"""Rules deciding which comments need a reply (text only, never generator labels)."""

from __future__ import annotations

import pandas as pd
import pytest

from labkit import i18n
from labkit.monitor import replies as nr
from labkit.monitor.replies import classify, explain


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kapan paspor saya jadi?", "question"),
        ("kapannnn jadwal vaksin lansia", "question"),
        ("min, syaratnya apa aja", "question"),
        ("walk-in buat lansia masih ada nggak", "question"),
        ("bisa menyusul tidak ya admin 🙏", "question"),
        ("Bisakah daftar lewat aplikasi", "question"),
        ("jadi dilaksanakan? makasih", "question"),
        ("Antrean lama bangettt, kecewaaa", "complaint"),
        ("status saya belum keluar juga, tolong dicek", "complaint"),
        ("aplikasinya error terus gak bisa login", "complaint"),
        ("Kok belum ada kabar?", "complaint"),
        ("Mantap, terima kasih infonya!", "none"),
        ("terima kasih? 🙏", "none"),
        ("Semoga sukses selalu 👍", "none"),
        ("Promo murah cek bio", "none"),
        ("", "none"),
    ],
)
def test_classify_examples(text, kind):
    assert classify(pd.Series([text])).iloc[0] == kind


def test_missing_text_never_needs_a_reply_and_index_is_kept():
    s = pd.Series(["Kapan?", None, pd.NA], index=[10, 20, 30], dtype="string")
    out = nr.needs_reply(s)
    assert out.tolist() == [True, False, False]
    assert list(out.index) == [10, 20, 30]
    assert nr.needs_reply(pd.Series(["kapan buka", None], dtype=object)).tolist() == [True, False]


def test_needs_reply_equals_question_or_complaint():
    texts = pd.Series(
        [
            "Kapan?",
            "terima kasih?",
            "mantap? kapan lagi",
            "parah",
            "oke",
            "sudah cek?",
            "info dong",
            None,
        ]
        * 50
    )
    assert nr.needs_reply(texts).equals(nr.is_question(texts) | nr.is_complaint(texts))


def test_explain_names_the_words_in_the_trainees_language():
    assert "kapan" in explain("kapan buka?").lower()
    assert explain("Antrean lama").startswith("Perlu dijawab: aduan")
    assert explain("Mantap").startswith("Tidak perlu dijawab")
    i18n.set_language("en")
    assert explain("Antrean lama").startswith("Needs a reply: a complaint")
    assert explain("terima kasih?").startswith("No reply needed")


def test_rules_are_readable_word_lists():
    assert "kapan" in nr.QUESTION_WORDS and "kecewa" in nr.COMPLAINT_WORDS
    assert len(nr.QUESTION_WORDS) > 20 and len(nr.COMPLAINT_WORDS) > 40
