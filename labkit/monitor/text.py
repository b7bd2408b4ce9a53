"""Normalisation of social-media Indonesian, the first step of every monitoring rule.

Citizens write ``Kpn bsa d4ft4r nyaaa???``, ``𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑``, ``s l o t g a c o r``
and ``gmn min, udh 3 hr blm cair``. Word lists and queries can only read such
comments after one normalisation, the same everywhere (queries, triage,
sentiment, the near-duplicate finder), so it lives here:

1. Unicode NFKC (math-bold and full-width letters become plain letters), zero-width
   and direction-override characters removed, case folded;
2. spaced-out words joined (``s l o t`` -> ``slot``, ``g.a.c.o.r`` -> ``gacor``);
3. numbers used for letters turned back into letters inside words (``s4y4`` ->
   ``saya``, ``g4c0r`` -> ``gacor``), while real numbers (``3``, ``rp50rb``,
   ``covid19``, ``5g``) are left as they are; the reduplication mark ``2``
   (``anak2``) becomes ``anak-anak``;
4. letters stretched three times or more collapsed (``bangettt`` -> ``banget``);
5. the colloquial map (``colloquial.yaml``, written by the project; a trainer can
   extend it with ``kamus_gaul.yaml`` in the work folder) turns informal words
   into standard ones (``gmn`` -> ``bagaimana``, ``gak`` -> ``tidak``).

The output is the words separated by single spaces, with ``?`` and ``!`` kept as
words of their own (questions and exclamations matter to the rules), emoji kept
(they carry sentiment) and other punctuation dropped. Any input gives a string:
missing text, emoji only, HTML (kept as inert words), 10,000 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import yaml

from labkit import values, workspace
from labkit.errors import LabkitError

#: Name of a trainer's extension of the colloquial map, in the work folder.
USER_MAP_FILE = "kamus_gaul.yaml"

# Zero-width characters, bidirectional overrides and the BOM: invisible, used to dodge filters.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Single letters separated by spaces, dots, dashes, underscores or stars, at least three in a row.
_SPACED = re.compile(r"(?<![\w])(?:[a-z](?:[\s.\-_*]{1,2})){2,}[a-z](?![\w])")
_SPACED_SEP = re.compile(r"[\s.\-_*]+")
_LEET = str.maketrans(
    {"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "9": "g", "6": "g", "8": "b"}
)
# Units and money: digits before these letters are numbers, not letters.
_UNIT = re.compile(
    r"^(?:rp)?\d+(?:[.,]\d+)?(?:rb|ribu|k|jt|juta|m|km|kg|gb|mb|g|x|an|nya|th|thn|tahun|hr|"
    r"hari|jam|mnt|menit|bln|bulan|mg|ml|lt|pm|am|wib|wita|wit|s|rd|nd|st)?$"
)


def _fix_leet(token: str) -> str:
    if token.isalpha() or token.isdigit() or not any(c.isalpha() for c in token):
        return token
    if _UNIT.match(token) or token.startswith("rp"):
        return token
    head, tail = token, ""
    if token.endswith("2") and token[:-1].isalpha():  # anak2 -> anak-anak
        return f"{token[:-1]}-{token[:-1]}"
    if re.fullmatch(r"[a-z]+\d+", token):  # covid19, lantai3: a name and a number
        return token
    return head.translate(_LEET) + tail


@cache
def _package_map() -> dict[str, str]:
    text = resources.files("labkit.monitor").joinpath("colloquial.yaml").read_text("utf-8")
    return _check_map(yaml.safe_load(text), "colloquial.yaml")


def _check_map(raw: Any, name: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LabkitError("monitor.text.bad_map", file=name)
    out: dict[str, str] = {}
    for key, value in raw.items():
        if values.is_blank(key) or values.is_blank(value):
            raise LabkitError("monitor.text.bad_entry", file=name, entry=str(key))
        out[values.normalize_word(key)] = values.normalize_word(value)
    return out


# The trainer's map as last read, by path: (modification time and size, map).
_USER_MAPS: dict[str, tuple[tuple[int, int], dict[str, str]]] = {}


def _user_map() -> dict[str, str]:
    """The trainer's ``kamus_gaul.yaml``, read again only when the file changed.

    ``normalize`` runs once per comment in some lessons: the file is checked (one
    ``stat``) on every call, and parsed only when its modification time or size changed.
    """
    path = workspace.resolve(USER_MAP_FILE)
    try:
        info = path.stat()
    except OSError:
        info = None
    if info is None or not path.is_file():
        _USER_MAPS.pop(str(path), None)
        return {}
    stamp = (info.st_mtime_ns, info.st_size)
    known = _USER_MAPS.get(str(path))
    if known is not None and known[0] == stamp:
        return known[1]
    mapping = _check_map(workspace.load_yaml(USER_MAP_FILE), str(path))
    _USER_MAPS[str(path)] = (stamp, mapping)
    return mapping


def colloquial_map() -> dict[str, str]:
    """The colloquial map: informal word -> standard word(s).

    The project's map (``labkit/monitor/colloquial.yaml``, CC BY 4.0) with the
    trainer's ``kamus_gaul.yaml`` from the work folder on top, if present.

    Raises
    ------
    LabkitError
        If the trainer's file is not valid YAML or has an empty entry (the message
        names the file and line).
    """
    return {**_package_map(), **_user_map()}


def _unspace(match: re.Match[str]) -> str:
    return _SPACED_SEP.sub("", match.group(0))


# RE2 versions (pyarrow) of the steps, run on whole columns at once.
_INVISIBLE_RE2 = "[\\x{00ad}\\x{200b}-\\x{200f}\\x{202a}-\\x{202e}\\x{2060}-\\x{2064}\\x{2066}-\\x{2069}\\x{feff}]"
_OWN_WORD_RE2 = "([?!\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}])"
# Texts that need the two steps done in Python: spaced-out letters, digits inside words.
_NEEDS_PYTHON_RE2 = (
    r"(?:^|[^\pL\pN])\pL[\s.\-_*]{1,2}\pL[\s.\-_*]{1,2}\pL(?:[^\pL\pN]|$)"
    r"|\pL\pN|\pN\pL"
)
# Anything that is not a letter, digit, ?, !, emoji, white space or an inner ' or -.
_DROP_RE2 = "[^\\pL\\pN?!\\s'\\-\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}]"
_LOOSE_MARKS_RE2 = r"(?:^|\s)['\-]+|['\-]+(?:\s|$)"
# Letters written three times or more ("bangettt"), collapsed to one.
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")


def _where(arr: pa.Array, pattern: str) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(arr, pattern), False)


def _replace(
    arr: pa.Array, pattern: str, repl: str, *, find: str | None = None, literal: str | None = None
) -> pa.Array:
    """``replace_substring_regex`` run only on the texts where ``find`` (or ``pattern``) occurs.

    ``literal``: a plain substring every match holds, a quicker test than the pattern.
    """
    if literal is not None:
        mask = pc.fill_null(pc.match_substring(arr, literal), False)
    else:
        mask = _where(arr, find or pattern)
    return _replace_where(arr, mask, pattern, repl)


def _replace_where(arr: pa.Array, mask: pa.Array, pattern: str, repl: str) -> pa.Array:
    """``replace_substring_regex`` on the texts of ``mask`` (the others cannot match)."""
    if not pc.any(mask).as_py():
        return arr
    done = pc.replace_substring_regex(arr.filter(mask), pattern, repl)
    return pc.replace_with_mask(arr, mask, done)


_TRIPLE_RE2 = "|".join(c * 3 for c in "abcdefghijklmnopqrstuvwxyz")


# A whole word (run of letters and digits) with a digit in it: _fix_leet leaves the others alone.
_WITH_DIGIT = re.compile(r"[^\W_]*\d[^\W_]*")


def _python_steps(text: str) -> str:
    """Spaced-out words joined and numbers-for-letters fixed (on the texts that have them)."""
    text = _SPACED.sub(_unspace, text)
    return _WITH_DIGIT.sub(lambda m: _fix_leet(m.group(0)), text)


# Letters written three times or more, in ASCII texts: RE2 has no back-references, so each
# letter is its own alternative; a rewrite names at most nine groups, hence three passes.
_STRETCH_RE2 = tuple(
    (
        "|".join(f"({c}){c}{{2,}}" for c in letters),
        "".join(f"\\{i}" for i in range(1, len(letters) + 1)),
    )
    for letters in ("abcdefghi", "jklmnopqr", "stuvwxyz")
)


_LETTER = re.compile(r"[^\W\d_]")  # a letter, as _STRETCH reads it


@cache
def _unusual_re2() -> str:
    """RE2: a character other than ASCII and the emoji that the Unicode steps leave alone.

    A text made only of ASCII and such emoji (most comments) comes out of NFKC and case
    folding as its ASCII lower case, and its only letters are ASCII letters.
    """
    plain = [
        cp
        for lo, hi in ((0x2600, 0x27BF), (0x1F000, 0x1FAFF))
        for cp in range(lo, hi + 1)
        if unicodedata.is_normalized("NFKC", chr(cp))
        and unicodedata.combining(chr(cp)) == 0
        and chr(cp).lower() == chr(cp)
        and not _LETTER.match(chr(cp))
    ]
    runs: list[list[int]] = []
    for cp in plain:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    body = "".join(f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in runs)
    return f"[^\\x{{0}}-\\x{{7f}}{body}]"


def _lower(arr: pa.Array) -> tuple[pa.Array, pa.Array]:
    """NFKC, invisible characters removed, case folded; and which texts needed Unicode.

    NFKC and Unicode case folding leave a text of ASCII and plain emoji as its ASCII
    lower case, so only the other texts take the Unicode steps.
    """
    unusual = _where(arr, _unusual_re2())
    lowered = pc.ascii_lower(arr)
    if not pc.any(unusual).as_py():
        return lowered, unusual
    done = pc.utf8_lower(pc.utf8_normalize(arr.filter(unusual), "NFKC"))
    done = _replace(done, _INVISIBLE_RE2, "")
    return pc.replace_with_mask(lowered, unusual, done), unusual


def _collapse_stretched(arr: pa.Array, unusual: pa.Array) -> pa.Array:
    """``bangettt`` -> ``banget`` in the texts that hold an ASCII letter three times.

    Such a text has every letter run collapsed (Unicode letters too, as ``_STRETCH``
    does): in RE2 where the only letters are ASCII, in Python for the few other texts.
    """
    stretched = _where(arr, _TRIPLE_RE2)
    if not pc.any(stretched).as_py():
        return arr
    in_python = pc.and_(stretched, unusual)
    if pc.any(in_python).as_py():
        fixed = [_STRETCH.sub(r"\1", t) for t in arr.filter(in_python).to_pylist()]
        arr = pc.replace_with_mask(arr, in_python, pa.array(fixed, type=pa.large_string()))
    in_re2 = pc.and_not(stretched, unusual)
    if pc.any(in_re2).as_py():
        done = arr.filter(in_re2)
        for pattern, rewrite in _STRETCH_RE2:
            done = pc.replace_substring_regex(done, pattern, rewrite)
        arr = pc.replace_with_mask(arr, in_re2, done)
    return arr


def _map_words(arr: pa.Array, mapping: dict[str, str]) -> pa.Array:
    """Words separated by single spaces, each informal word replaced by its standard form.

    Each distinct word is looked up once (dictionary encoding), then the texts are joined.
    """
    # only ASCII white space is left (the rest was dropped), so the ASCII kernels split it
    words = pc.ascii_split_whitespace(pc.ascii_trim_whitespace(arr))
    flat = pc.dictionary_encode(pc.list_flatten(words).cast(pa.large_string()))
    vocab = flat.dictionary
    keys = pa.array(list(mapping), type=pa.large_string())
    found = pc.index_in(vocab, value_set=keys)
    mapped = pc.take(pa.array(list(mapping.values()), type=pa.large_string()), found)
    vocab = pc.coalesce(mapped, vocab)
    listed = pa.LargeListArray.from_arrays(
        words.offsets.cast(pa.int64()), pc.take(vocab, flat.indices)
    )
    return pc.binary_join(listed, pa.scalar(" ", type=pa.large_string()))


def _normalize_array(arr: pa.Array, mapping: dict[str, str]) -> pa.Array:
    arr, unusual = _lower(arr)
    needs = _where(arr, _NEEDS_PYTHON_RE2)
    if pc.any(needs).as_py():
        fixed = [_python_steps(t) for t in arr.filter(needs).to_pylist()]
        arr = pc.replace_with_mask(arr, needs, pa.array(fixed, type=pa.large_string()))
    # common in comments: replaced in one pass (a text without a match is copied as it is)
    # ? ! and emoji become words of their own, in one pass (one character each, so spacing
    # them together is spacing one kind, then the other)
    for pattern, repl in ((_DROP_RE2, " "), (_LOOSE_MARKS_RE2, " "), (_OWN_WORD_RE2, r" \1 ")):
        arr = pc.replace_substring_regex(arr, pattern, repl)
    arr = _collapse_stretched(arr, unusual)
    joined = _map_words(arr, mapping)
    # "? ? ?" counts once
    joined = _replace(joined, r"\?(?: \?)+", "?", literal="? ?")
    return _replace(joined, r"!(?: !)+", "!", literal="! !")


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and values.is_blank(value)):
        return ""
    return str(value)


def normalize(text: Any) -> str:
    """One comment's text, normalised (see the module's description).

    >>> normalize("Kpn bsa d4ft4r nyaaa???")
    'kapan bisa daftar nya ?'
    >>> normalize("𝐒 𝐋 𝐎 𝐓 gacorrr")
    'slot gacor'
    """
    return _normalize_one(_text(text), _map_key())


def _map_key() -> tuple[tuple[str, str], ...] | None:
    user = _user_map()
    return tuple(sorted(user.items())) if user else None


def _mapping(user: tuple[tuple[str, str], ...] | None) -> dict[str, str]:
    return _package_map() if user is None else {**_package_map(), **dict(user)}


@lru_cache(maxsize=100_000)
def _normalize_one(text: str, user: tuple[tuple[str, str], ...] | None) -> str:
    return _normalize_array(pa.array([text], type=pa.large_string()), _mapping(user))[0].as_py()


@dataclass(frozen=True)
class Normalized:
    """A column of texts as its distinct texts, raw and normalised (:func:`normalized`).

    The rules run once per distinct text (comment streams repeat a lot) and their results
    are spread back to the rows with ``codes``: ``values[codes]``.

    Attributes
    ----------
    codes : ndarray of int
        For each row, the position of its text in ``raw`` and ``norm``.
    raw, norm : pyarrow large_string arrays
        The distinct texts (a missing text is ``""``) and their normalised forms.
    index : Index
        The rows' index.
    """

    codes: np.ndarray
    raw: pa.Array
    norm: pa.Array
    index: pd.Index


def normalized(texts: Iterable[Any] | pd.Series) -> Normalized:
    """Normalise a column of texts once, for several rules (triage and sentiment share it).

    Each distinct text is normalised once; missing values count as ``""``.
    """
    s = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        # already Arrow (pandas' str columns): distinct texts found in Arrow
        arr = pa.chunked_array(pa.array(s.array)).combine_chunks().cast(pa.large_string())
        found = pc.dictionary_encode(pc.fill_null(arr, ""))
        codes = found.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        raw = found.dictionary
    else:
        codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=True)
        distinct = [u if isinstance(u, str) else _text(u) for u in uniques]
        distinct.append("")  # code -1 (missing) -> the last, ""
        raw = pa.array(distinct, type=pa.large_string())
        codes = np.where(codes < 0, len(distinct) - 1, codes)
    return Normalized(codes, raw, _normalize_parts(raw, _mapping(_map_key())), s.index)


#: Distinct texts from which the work is shared by :data:`WORKERS` threads: pyarrow's
#: kernels release the GIL, so the threads run on separate cores (a ministry's year of
#: comments on the 2-core hub). Fewer texts are quicker on one thread.
PARALLEL_FROM = 100_000
WORKERS = 2
#: Texts normalised in one piece. Each rule makes a copy of the texts it works on (and the
#: word map splits them into words), so a piece's working memory is about ten times its
#: size: pieces of this many texts keep a kernel's peak small (a trainee's kernel on a
#: shared hub) at no cost in speed.
CHUNK = 16_384


def in_parallel(tasks: list[Callable[[], Any]]) -> list[Any]:
    """Run ``tasks`` on up to :data:`WORKERS` threads; their results, in order."""
    if len(tasks) < 2:
        return [task() for task in tasks]
    with ThreadPoolExecutor(min(WORKERS, len(tasks))) as pool:
        return [f.result() for f in [pool.submit(task) for task in tasks]]


def _normalize_parts(arr: pa.Array, mapping: dict[str, str]) -> pa.Array:
    """:func:`_normalize_array` piece by piece (:data:`CHUNK` texts), on :data:`WORKERS`
    threads when there are many texts."""
    if len(arr) <= CHUNK:
        return _normalize_array(arr, mapping)
    parts = [arr.slice(start, CHUNK) for start in range(0, len(arr), CHUNK)]
    tasks = [lambda part=part: _normalize_array(part, mapping) for part in parts]
    if len(arr) < PARALLEL_FROM:
        done = [task() for task in tasks]
    else:
        done = in_parallel(tasks)
    return pa.concat_arrays([d.cast(pa.large_string()) for d in done])


def normalize_texts(texts: Iterable[Any] | pd.Series) -> pd.Series:
    """Normalise many texts at once (pyarrow), each distinct text once.

    Parameters
    ----------
    texts : Series or iterable of str
        Missing values give ``""``.

    Returns
    -------
    Series of strings (Arrow-backed: compact, and read by the Arrow rules without a
    copy), aligned with ``texts`` (same index when a Series is given); the same result
    as :func:`normalize` on each text.
    """
    done = normalized(texts)
    out = done.norm.take(pa.array(done.codes)).cast(pa.large_string())
    return pd.Series(pd.arrays.ArrowStringArray(out), index=done.index)


def tokens(text: Any, *, drop_stopwords: bool = False) -> list[str]:
    """The normalised words of ``text`` (``?``/``!`` and emoji dropped).

    Parameters
    ----------
    drop_stopwords : bool
        Drop Indonesian function words (``yang``, ``dan``, ``di``...), for the
        "why did it rise?" terms and the query explanations.
    """
    words = [w for w in normalize(text).split() if w[0].isalnum()]
    if drop_stopwords:
        stop = stopwords()
        words = [w for w in words if w not in stop]
    return words


def content_words(texts: Iterable[Any] | pd.Series) -> pd.Series:
    """The words that term statistics count, one row per word, indexed like ``texts``.

    Normalised (:func:`normalize_texts`), Indonesian function words dropped
    (:func:`stopwords`), and only words of three or more characters starting with a
    letter or digit. The one definition behind "why did it rise?" and word bursts.
    """
    words = normalize_texts(texts).str.split().explode().dropna()
    stop = stopwords()
    return words[words.str.len().gt(2) & words.str[0].str.isalnum() & ~words.isin(stop)]


@cache
def stopwords() -> frozenset[str]:
    """Indonesian function words (``yang``, ``dan``, ``di``...) from ``stopwordsiso`` (MIT).

    Normalised like the comments, so that ``yg`` and ``yang`` are both dropped.
    """
    import stopwordsiso

    words = sorted(stopwordsiso.stopwords("id"))
    return frozenset(normalize_texts(pd.Series(words, dtype=object)))
