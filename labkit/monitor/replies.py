"""Which citizen comments need a reply: transparent rules on the text.

A comment *needs a reply* when it asks something (a question mark or an
Indonesian question word, including common informal spellings such as
``gmn``, ``kpn``, ``brp``) or complains / asks for help (``kecewa``,
``belum keluar``, ``gak bisa``, ``tolong`` ...). Praise, greetings, spam and
plain remarks do not. The rules are word lists, so a trainee can read them,
test them on a sentence with :func:`explain`, and argue about them; they are
never taken from the generator's labels.

>>> from labkit.monitor.replies import classify
>>> classify(pd.Series(["Kapan paspor saya jadi?", "Mantap, terima kasih!", "Antrean lama banget"])).tolist()
['question', 'none', 'complaint']

This module is the one owner of the rule: the triage (:mod:`labkit.monitor.triage`)
builds on it and the response-rate items of the audit use :func:`needs_reply` as their
denominator: the rate is "replied / comments needing a reply".
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from labkit import i18n
from labkit.monitor import matching

# Whole-word question words and phrases (formal and informal spellings). Letters may be
# stretched ("kapannn"): every letter of a word matches one or more times.
QUESTION_WORDS: tuple[str, ...] = (
    "apa", "apakah", "apa saja", "kapan", "kpn", "bagaimana", "gimana", "gmn", "gmana", "bgmn",
    "berapa", "brp", "brapa", "dimana", "di mana", "dmn", "kemana", "ke mana", "mengapa", "kenapa",
    "knp", "knapa", "napa", "siapa", "mau tanya", "mo tanya", "mau nanya", "numpang tanya",
    "izin bertanya", "ijin bertanya", "ijin tanya", "izin tanya", "tanya dong", "bertanya", "nanya",
    "minta info", "mohon info", "info dong", "infonya dong", "boleh tahu", "boleh tau",
    "ada yang tahu", "ada yg tau", "ada yg tahu", "syaratnya apa", "caranya gimana", "lewat mana",
    "dari mana", "yang mana", "yg mana",
    "apakah", "bisakah", "benarkah", "adakah", "sudahkah", "bolehkah", "betulkah", "siapakah",
    "dimanakah", "kapankah", "bagaimanakah", "berapakah", "mengapakah", "manakah", "haruskah",
    "perlukah", "masihkah", "bisa dicek", "mohon dicek", "tolong dicek", "tlg dicek", "minta dicek",
)  # fmt: skip

# Whole-word complaint and help-request phrases.
COMPLAINT_WORDS: tuple[str, ...] = (
    "kecewa", "mengecewakan", "lambat", "lelet", "lemot", "lama", "lma", "lm", "kelamaan",
    "belum", "blm", "blom", "belom", "masih menunggu", "tidak bisa", "tdk bisa", "gak bisa",
    "ga bisa", "gabisa", "nggak bisa", "ngga bisa", "enggak bisa", "gk bisa", "g bisa",
    "tidak dapat", "tidak berfungsi", "error", "eror", "gagal", "rusak", "antre", "antri",
    "antrean", "antrian", "antreannya", "antriannya", "pungli", "pungutan liar", "calo", "komplain",
    "complain", "keluhan", "mengeluh", "mengadu", "melapor", "lapor",
    "parah", "susah", "sulit", "ribet", "dipersulit", "bolak balik", "bolak-balik", "macet",
    "padam", "mati", "bocor", "habis", "kehabisan", "ditolak", "diabaikan", "dicuekin", "percuma",
    "tidak ada respon", "ga ada respon", "gak ada respon", "tidak direspon", "tidak dibalas",
    "tidak dijawab", "gak dijawab", "nggak dijawab", "tidak jelas", "gak jelas", "ga jelas",
    "nggak jelas", "tdk jelas", "tolong", "tolongin", "minta tolong", "mohon", "mhn",
    "diperbaiki", "perbaiki", "diundur", "ditutup", "tanpa pemberitahuan", "kurang ramah",
    "kurang jelas", "kurang tanggap", "kurang sigap", "kurang cepat", "salah cetak", "salah input",
    "salah data", "salah nama", "salah ketik", "kok", "hilang", "tertipu", "penipuan", "kapan selesai",
    "tlg", "beda dengan", "beda dgn", "berbeda dengan", "tidak diperhatikan", "ga diperhatikan",
    "gak diperhatikan", "nggak diperhatikan", "offline", "kosong", "mampet", "padahal", "capek",
    "kasihan", "molor", "mahal", "tidak ada kepastian", "tdk ada kepastian", "nggak pernah diangkat",
    "tidak pernah diangkat", "gak pernah diangkat", "tidak diangkat", "ternyata tutup",
)  # fmt: skip

# Thanks and praise: a question mark in a text with these and no question word is not a question
# ("terima kasih?" is a typing habit, not a question).
PRAISE_WORDS: tuple[str, ...] = (
    "terima kasih", "terimakasih", "makasih", "mksh", "trims", "thanks", "thank you", "mantap",
    "mantab", "keren", "sigap", "membantu", "informatif", "semangat", "sukses", "bagus", "salut",
    "luar biasa", "apresiasi", "top", "lancar", "hebat", "cepat tanggap", "pantau", "sebar",
)  # fmt: skip

# A yes/no question tag at the end of the text ("masih ada nggak?", "bisa menyusul tidak ya admin").
TAG_WORDS = (
    "ga",
    "gak",
    "gk",
    "g",
    "nggak",
    "ngga",
    "enggak",
    "tidak",
    "tdk",
    "belum",
    "blm",
    "bukan",
)
TAG_TAILS = (
    "ya",
    "yak",
    "y",
    "yah",
    "sih",
    "dong",
    "kak",
    "kk",
    "min",
    "mimin",
    "admin",
    "pak",
    "bu",
    "gan",
    "sis",
)


KINDS = ("question", "complaint", "none")


def _stretch(word: str) -> str:
    out = []
    for ch in word:
        if ch.isalpha():
            out.append(re.escape(ch) + "+")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _word_regex(words: tuple[str, ...]) -> str:
    alts = sorted({_stretch(w) for w in words}, key=len, reverse=True)
    return r"\b(?:" + "|".join(alts) + r")\b"


TAG_QUESTION_RE = (
    r"\b(?:" + "|".join(_stretch(w) for w in TAG_WORDS) + r")\b"
    r"(?:\s+(?:" + "|".join(_stretch(w) for w in TAG_TAILS) + r")\b)*"
    r"[^0-9A-Za-z]*$"
)
QUESTION_WORDS_RE = _word_regex(QUESTION_WORDS) + "|" + TAG_QUESTION_RE
QUESTION_MARK_RE = r"\?"
# a question mark followed by more words ("jadi dilaksanakan? makasih") still asks something
MARK_THEN_WORDS_RE = r"\?+\s*[A-Za-z]"
COMPLAINT_RE = _word_regex(COMPLAINT_WORDS)
PRAISE_RE = _word_regex(PRAISE_WORDS)

_WORDS_OR_COMPLAINT = QUESTION_WORDS_RE + "|" + COMPLAINT_RE
_QW = re.compile(QUESTION_WORDS_RE, re.IGNORECASE)
_C = re.compile(COMPLAINT_RE, re.IGNORECASE)
_P = re.compile(PRAISE_RE, re.IGNORECASE)


def _arrow(texts: pd.Series) -> pa.Array:
    return matching.as_arrow(texts)


def _hits(arr: pa.Array, pattern: str) -> np.ndarray:
    return matching.hits(arr, pattern, ignore_case=True)


def match(texts: pd.Series, pattern: str) -> pd.Series:
    """True where ``pattern`` (RE2 syntax, case-insensitive) occurs in the text.

    Runs in pyarrow's RE2 engine (linear time, no Python loop); missing texts
    are False.
    """
    return pd.Series(_hits(_arrow(texts), pattern), index=texts.index)


def is_question(texts: pd.Series) -> pd.Series:
    """True where the text asks something (boolean Series, False for missing text).

    A question word or phrase (``-kah`` words included), a yes/no tag at the
    end (``... nggak?``), or a question mark, unless the text is thanks or
    praise with the question mark only after it (``terima kasih?``).
    """
    arr = _arrow(texts)
    return pd.Series(_hits(arr, QUESTION_WORDS_RE) | marked_questions(arr), index=texts.index)


def marked_questions(arr: pa.Array) -> np.ndarray:
    """Where a text asks by its question mark: a ``?``, unless the text is thanks or praise
    with the question mark only after it (``terima kasih?``). Missing texts: False.
    """
    out = np.zeros(len(arr), dtype=bool)
    mark = np.flatnonzero(
        np.asarray(pc.match_substring(arr, "?").fill_null(False).to_numpy(zero_copy_only=False))
    )
    if len(mark):
        marked = arr.take(pa.array(mark))
        out[mark] = ~_hits(marked, PRAISE_RE) | _hits(marked, MARK_THEN_WORDS_RE)
    return out


def is_complaint(texts: pd.Series) -> pd.Series:
    """True where the text complains or asks for help (False for missing text)."""
    return match(texts, COMPLAINT_RE)


def needs_reply(texts: pd.Series) -> pd.Series:
    """True where a comment needs a reply from the agency (a question or a complaint).

    Same rules as :func:`is_question` | :func:`is_complaint`, computed in two
    passes over the texts (one regular expression for every word list, one
    search for "?"), then only on the few texts left with a question mark.

    Parameters
    ----------
    texts : Series of str
        Comment texts (missing texts never need a reply).

    Returns
    -------
    Series of bool, aligned with ``texts``.
    """
    arr = _arrow(texts)
    out = _hits(arr, _WORDS_OR_COMPLAINT)
    rest = np.flatnonzero(~out)
    if len(rest):
        out[rest[marked_questions(arr.take(pa.array(rest)))]] = True
    return pd.Series(out, index=texts.index)


def classify(texts: pd.Series) -> pd.Series:
    """Label each text ``"complaint"``, ``"question"`` or ``"none"``.

    A text that both complains and asks counts as a complaint (it needs to be
    put right, not only answered).
    """
    q = is_question(texts).to_numpy()
    c = is_complaint(texts).to_numpy()
    out = pd.Series("none", index=texts.index, dtype="object")
    out[q] = "question"
    out[c] = "complaint"
    return out.astype(pd.CategoricalDtype(list(KINDS)))


def explain(text: str) -> str:
    """Say, in the trainee's language, why ``text`` does or does not need a reply."""
    text = "" if text is None else str(text)
    c = [m.group(0) for m in _C.finditer(text)]
    q = [m.group(0).strip() for m in _QW.finditer(text)]
    if "?" in text and (not _P.search(text) or re.search(MARK_THEN_WORDS_RE, text)):
        q.append("?")
    if c:
        return i18n.t("monitor.replies.complaint", words=", ".join(dict.fromkeys(c)))
    if q:
        return i18n.t("monitor.replies.question", words=", ".join(dict.fromkeys(q)))
    if "?" in text:
        return i18n.t("monitor.replies.praise_mark")
    return i18n.t("monitor.replies.none")
