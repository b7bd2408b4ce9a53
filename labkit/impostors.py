"""Find look-alike (impostor) handles of an agency's official accounts.

Impostor accounts are Mafindo's *konten tiruan* ("imposter content"): an
account whose handle looks like an official one. They hide in the results of a
platform search for the agency's name. This module compares candidate handles
with the official ones in two stages:

1. **Rules** (exact, explainable). Each candidate is normalised in a few ways
   and looked up among the officials, normalised the same way:

   ``separator``   ``humas.kota`` vs ``humas_kota`` vs ``humaskota``
   ``added_word``  ``humas_kota_resmi``, ``humaskotaofficial``, ``info.humaskota``
                   (words in :data:`DECOY_WORDS`)
   ``digits``      ``humaskota1``, ``2024humas_kota`` (digits added at either end
                   of a handle that has none)
   ``confusable``  ``hurnas_kota`` (rn/m), ``humas_k0ta`` (0/o), ``bIitar``
                   (I, l, 1), ``vv``/``w``, ``5``/``s``... (:data:`CONFUSABLES`)

   Rules combine (``humas.k0ta_resmi``); the reason names every rule used.
2. **Fuzzy spelling** (``rapidfuzz``, vectorised with ``process.cdist``) for
   what the rules miss, e.g. a swapped or doubled letter (``hmuas_kota``). A
   fuzzy score alone would flag two real units (``diskominfo_kab`` vs
   ``diskominfo_kota``), so a fuzzy match is dropped when the two handles differ
   by a whole meaningful word: a unit name from :data:`UNIT_WORDS`
   (``dinkes``/``humas``, ``kab``/``kota``...), a different unit number
   (``kodim0618``/``kodim0619``) or a different whole word between separators.

A candidate that is itself an official handle (case-insensitive, ``@``
stripped) is never flagged.

Examples
--------
>>> from labkit.impostors import find_impostors
>>> find_impostors(["humas_kota"], ["humas.kota", "humas_kota", "dinkes_kota"])[
...     ["candidate", "official", "rule"]]
    candidate    official       rule
0  humas.kota  humas_kota  separator
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from labkit import i18n
from labkit.errors import LabkitError, SchemaError
from labkit.values import normalize_handle

__all__ = [
    "COLUMNS",
    "CONFUSABLES",
    "DECOY_WORDS",
    "DEFAULT_THRESHOLD",
    "RULES",
    "UNIT_WORDS",
    "find_impostors",
    "find_impostors_in",
    "normalize_handle",
]

#: Minimum fuzzy similarity (0-100, ``rapidfuzz.fuzz.ratio`` of the normalised
#: handles) for a spelling look-alike that no rule explains.
DEFAULT_THRESHOLD = 85.0

#: Columns of :func:`find_impostors`' result (``find_impostors_in`` adds more).
COLUMNS = ("candidate", "official", "score", "reason", "rule")

#: Rule codes, in the order they are reported (``rule`` column, '+'-joined).
#: The first four match the ``style`` of ``truth_impostors``.
RULES = ("separator", "added_word", "digits", "confusable", "spelling")

#: Words impostors add to an official handle (as a separate part or glued to
#: either end). Lowercase.
DECOY_WORDS: tuple[str, ...] = (
    "official",
    "offical",
    "officiel",
    "ofc",
    "offc",
    "resmi",
    "asli",
    "real",
    "the",
    "id",
    "go",
    "info",
    "infos",
    "update",
    "updates",
    "news",
    "berita",
    "terkini",
    "admin",
    "fp",
    "akun",
    "page",
    "tim",
    "team",
    "baru",
    "new",
)

#: Words naming a unit, level or kind of agency. Two handles that differ by one
#: of these (``dinkes_kota`` vs ``humas_kota``) are different real units.
UNIT_WORDS: tuple[str, ...] = (
    "humas",
    "diskominfo",
    "kominfo",
    "komdigi",
    "dinkes",
    "dinaskesehatan",
    "dukcapil",
    "disdukcapil",
    "bpbd",
    "rsud",
    "puskesmas",
    "kanwil",
    "imigrasi",
    "kanim",
    "dishub",
    "disdik",
    "dinsos",
    "dispenda",
    "bapenda",
    "bappeda",
    "dpmptsp",
    "satpolpp",
    "damkar",
    "setda",
    "setwan",
    "dprd",
    "polres",
    "polsek",
    "polda",
    "kodim",
    "pemkab",
    "pemkot",
    "pemprov",
    "kabupaten",
    "kab",
    "kota",
    "provinsi",
    "prov",
    "kecamatan",
    "kec",
    "kelurahan",
    "desa",
)

#: Visually confusable spellings and the letter they imitate. Multi-letter
#: ones are applied first. Applied to both sides, so the mapping only has to be
#: consistent, not "correct".
CONFUSABLES: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("vv", "w"),
    ("cl", "d"),
    ("0", "o"),
    ("1", "l"),
    ("i", "l"),
    ("|", "l"),
    ("!", "l"),
    ("5", "s"),
    ("$", "s"),
    ("3", "e"),
    ("4", "a"),
    ("7", "t"),
    ("8", "b"),
    ("9", "g"),
    ("q", "g"),
)

_SEPARATORS = re.compile(r"[\s._\-·•]+")
_DIGIT_ENDS = re.compile(r"^\d+|\d+$")
_DIGITS = re.compile(r"\d+")
_MULTI = tuple((a, b) for a, b in CONFUSABLES if len(a) > 1)
_SINGLE = str.maketrans({a: b for a, b in CONFUSABLES if len(a) == 1})
_MIN_KEY = 3  # a normalised handle shorter than this is never matched
_MIN_FUZZY = 5  # nor one shorter than this by spelling alone


def _trim_digits(tokens: list[str]) -> list[str]:
    """Tokens without the digits at the start of the first / end of the last one."""
    toks = list(tokens)
    if toks:
        toks[0] = re.sub(r"^\d+", "", toks[0])
        toks[-1] = re.sub(r"\d+$", "", toks[-1])
    return [t for t in toks if t]


def _conf(text: str) -> str:
    for src, dst in _MULTI:
        text = text.replace(src, dst)
    return text.translate(_SINGLE)


@lru_cache(maxsize=8)
def _glue_patterns(decoys: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(re.escape(w) for w in sorted(decoys, key=len, reverse=True) if w)
    words = words or "(?!)"
    prefix = re.compile(rf"^({words})(.{{{_MIN_KEY},}})$")
    suffix = re.compile(rf"^(.{{{_MIN_KEY},}}?)({words})$")
    return prefix, suffix


def _strip_words(tokens: list[str], decoys: frozenset[str], glued: bool) -> tuple[list[str], list]:
    """Drop decoy tokens (and, if ``glued``, decoys glued to the handle's ends)."""
    kept = [t for t in tokens if t not in decoys]
    if not kept:
        return list(tokens), []
    removed = [t for t in tokens if t in decoys]
    if glued:
        prefix, suffix = _glue_patterns(decoys)
        m = prefix.match(kept[0])
        if m:
            kept[0] = m.group(2)
            removed.append(m.group(1))
        m = suffix.match(kept[-1])
        if m:
            kept[-1] = m.group(1)
            removed.append(m.group(2))
    return kept, removed


def _variants(
    handle: str, decoys: frozenset[str], *, candidate: bool
) -> dict[str, tuple[frozenset, tuple]]:
    """Normalised keys of ``handle`` -> (rules used, decoy words removed).

    Candidates get every combination of the word, digit and confusable rules;
    officials only the word and confusable rules (an official with digits is a
    numbered unit, not a base for the digit rule).
    """
    tokens = [t for t in _SEPARATORS.split(handle) if t]
    out: dict[str, tuple[frozenset, tuple]] = {}
    token_forms = [(tokens, False)]
    if candidate:
        trimmed = _trim_digits(tokens)
        if trimmed != tokens and trimmed:
            token_forms.append((trimmed, True))
    word_modes = (None, False, True) if candidate else (None, False)
    for toks, pre_digits in token_forms:
        for mode in word_modes:
            if mode is None:
                kept, removed = toks, []
            else:
                kept, removed = _strip_words(toks, decoys, glued=mode)
                if not removed:
                    continue
            compact = "".join(kept)
            base_tags = {"added_word"} if removed else set()
            digit_forms = [(compact, pre_digits)]
            if candidate:
                stripped = _DIGIT_ENDS.sub("", compact)
                if stripped != compact:
                    digit_forms.append((stripped, True))
            for form, digits in digit_forms:
                for conf in (False, True):
                    key = _conf(form) if conf else form
                    if (conf and key == form) or len(key) < _MIN_KEY:
                        continue
                    tags = set(base_tags)
                    if digits:
                        tags.add("digits")
                    if conf:
                        tags.add("confusable")
                    tags_f = frozenset(tags)
                    if key not in out or len(out[key][0]) > len(tags_f):
                        out[key] = (tags_f, tuple(removed))
    return out


def _tokens_after(handle: str, decoys: frozenset[str], tags: frozenset) -> tuple[list, list]:
    """Tokens and the separators between them after the rules in ``tags``."""
    parts = re.split(r"([\s._\-·•]+)", handle)
    pairs = [[t, s] for t, s in zip(parts[0::2], [*parts[1::2], ""], strict=True) if t]

    def trim(pairs: list[list[str]]) -> list[list[str]]:
        pairs[0][0] = re.sub(r"^\d+", "", pairs[0][0])
        pairs[-1][0] = re.sub(r"\d+$", "", pairs[-1][0])
        return [p for p in pairs if p[0]]

    if "digits" in tags and pairs:
        pairs = trim([list(p) for p in pairs]) or pairs
    if "added_word" in tags and pairs:
        pairs = [p for p in pairs if p[0] not in decoys] or pairs
        toks, _ = _strip_words([p[0] for p in pairs], decoys, glued=True)
        if len(toks) == len(pairs):
            for p, tok in zip(pairs, toks, strict=True):
                p[0] = tok
    if "digits" in tags and pairs:
        pairs = trim([list(p) for p in pairs]) or pairs
    toks = [_conf(p[0]) if "confusable" in tags else p[0] for p in pairs]
    return toks, [p[1] for p in pairs[:-1]]


def _separators_differ(cand: str, off: str, decoys: frozenset, c_tags, o_tags) -> bool:
    ct, cs = _tokens_after(cand, decoys, c_tags)
    ot, os_ = _tokens_after(off, decoys, o_tags)
    return ct != ot or cs != os_


def _confusable_pairs(cand: str, off: str, decoys: frozenset, c_tags, o_tags) -> list[str]:
    """The look-alike substitutions, as ``"candidate/official"`` segments."""
    c_res = "".join(_tokens_after(cand, decoys, c_tags - {"confusable"})[0])
    o_res = "".join(_tokens_after(off, decoys, o_tags - {"confusable"})[0])
    blocks: list[list[int]] = []  # merged runs of differing characters
    for op in Levenshtein.opcodes(c_res, o_res):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    found: list[str] = []
    for a, b, c, d in blocks:
        pair = f"{c_res[a:b]}/{o_res[c:d]}"
        if pair not in found:
            found.append(pair)
    return found[:4]


def _differ_by_word(cand: str, off: str, decoys: frozenset) -> bool:
    """True if two handles differ by a whole meaningful word (different units)."""
    c_key = _conf("".join(_strip_words(_SEPARATORS.split(cand), decoys, glued=False)[0]))
    o_key = _conf("".join(_strip_words(_SEPARATORS.split(off), decoys, glued=False)[0]))
    c_units = {w for w in _UNIT_KEYS if w in c_key}
    o_units = {w for w in _UNIT_KEYS if w in o_key}
    if (c_units - o_units) and (o_units - c_units):
        return True
    c_nums = _DIGITS.findall(cand)
    o_nums = _DIGITS.findall(off)
    if c_nums and o_nums and c_nums != o_nums:
        return True
    c_tok = [t for t in _SEPARATORS.split(cand) if t and t not in decoys]
    o_tok = [t for t in _SEPARATORS.split(off) if t and t not in decoys]
    if len(c_tok) == len(o_tok) >= 2:
        for a, b in zip(c_tok, o_tok, strict=True):
            if a != b and min(len(a), len(b)) >= 3 and fuzz.ratio(_conf(a), _conf(b)) < 60:
                return True
    for op in Indel.opcodes(c_key, o_key):
        if op.tag == "replace" and min(op.src_end - op.src_start, op.dest_end - op.dest_start) >= 3:
            return True
    return False


_UNIT_KEYS = tuple(sorted({_conf(w) for w in UNIT_WORDS}, key=len, reverse=True))


def _as_handles(values: Iterable[object], what: str) -> list[str]:
    if isinstance(values, pd.DataFrame):
        raise LabkitError("impostors.expected_handles", what=what)
    if isinstance(values, str):
        values = [values]
    return [str(v).strip() for v in values if normalize_handle(v)]


def _empty(extra: Iterable[str] = ()) -> pd.DataFrame:
    cols = {c: pd.Series([], dtype="string") for c in (*extra, *COLUMNS)}
    cols["score"] = pd.Series([], dtype="float64")
    return pd.DataFrame(cols)


def find_impostors(
    official_handles: Iterable[object],
    candidate_handles: Iterable[object],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    decoy_words: Iterable[str] | None = None,
    fuzzy: bool = True,
) -> pd.DataFrame:
    """Suspected impostors among ``candidate_handles``, one row each.

    Parameters
    ----------
    official_handles : iterable of str
        The agency's official handles (``accounts.account``). Case and a
        leading ``@`` are ignored; missing values are skipped.
    candidate_handles : iterable of str
        Handles to check (``search_results.account``). Duplicates (after
        normalising) are reported once.
    threshold : float, default :data:`DEFAULT_THRESHOLD`
        Minimum fuzzy similarity (0-100) of the normalised handles for a
        spelling look-alike that no rule explains. Rule matches do not use it.
    decoy_words : iterable of str, optional
        Replaces :data:`DECOY_WORDS` (the words impostors add).
    fuzzy : bool, default True
        Run the fuzzy spelling stage after the rules.

    Returns
    -------
    DataFrame
        Columns ``candidate`` (as given), ``official`` (as given, the official
        handle imitated), ``score`` (similarity 0-100 of the two normalised
        handles: 100 when the rules make them identical), ``reason`` (in the
        trainee's language, naming the rules and both handles), ``rule``
        (codes from :data:`RULES`, '+'-joined). Sorted by score (highest first),
        then candidate. Empty (with these columns) when nothing is suspicious.
    """
    decoys = frozenset(
        normalize_handle(w) for w in (DECOY_WORDS if decoy_words is None else decoy_words)
    )
    officials = _as_handles(official_handles, "official_handles")
    candidates = _as_handles(candidate_handles, "candidate_handles")
    if not officials or not candidates:
        return _empty()

    off_norm: dict[str, str] = {}
    for raw in officials:
        off_norm.setdefault(normalize_handle(raw), raw)
    index: dict[str, tuple[str, frozenset, tuple]] = {}
    digitless: dict[str, tuple[str, frozenset, tuple]] = {}
    for norm in off_norm:
        for key, (tags, words) in _variants(norm, decoys, candidate=False).items():
            for target in (index, digitless) if not any(ch.isdigit() for ch in norm) else (index,):
                old = target.get(key)
                if old is None or len(old[1]) > len(tags):
                    target[key] = (norm, tags, words)

    rows = []
    seen: set[str] = set()
    unmatched: list[tuple[str, str]] = []
    for raw in candidates:
        cand = normalize_handle(raw)
        if cand in seen or cand in off_norm:
            continue
        seen.add(cand)
        best = None
        for key, (c_tags, c_words) in _variants(cand, decoys, candidate=True).items():
            table = digitless if "digits" in c_tags else index
            hit = table.get(key)
            if hit is None:
                continue
            off, o_tags, o_words = hit
            cost = len(c_tags | o_tags)
            if best is None or cost < best[0]:
                best = (cost, off, c_tags, o_tags, c_words, o_words)
        if best is None:
            unmatched.append((raw, cand))
            continue
        _, off, c_tags, o_tags, c_words, o_words = best
        tags = set(c_tags | o_tags)
        if _separators_differ(cand, off, decoys, c_tags, o_tags):
            tags.add("separator")
        if not tags:  # identical after normalising separators/spaces only
            tags.add("separator")
        pairs = _confusable_pairs(cand, off, decoys, c_tags, o_tags) if "confusable" in tags else []
        rows.append(_row(raw, off_norm[off], tags, c_words, o_words, pairs, 100.0))

    if fuzzy and unmatched:
        rows.extend(_fuzzy(unmatched, off_norm, decoys, threshold))

    if not rows:
        return _empty()
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out = out.astype(
        {"candidate": "string", "official": "string", "reason": "string", "rule": "string"}
    )
    out["score"] = out["score"].astype("float64")
    out = out.sort_values(["score", "candidate"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def _single_edit(cand: str, off: str) -> tuple[str, str] | None:
    """The one typo turning ``off`` into ``cand``, if it is one.

    Returns ``("extra", letter)``, ``("missing", letter)``, ``("swapped",
    "ab/ba")`` or None. A substituted letter is not a typo here: visually
    similar substitutions are the confusable rule's, and any other one is more
    often a different name (``loma`` vs ``loka``) than an impostor.
    """
    n, m = len(cand), len(off)
    i = 0
    while i < min(n, m) and cand[i] == off[i]:
        i += 1
    if n == m + 1 and cand[:i] + cand[i + 1 :] == off:
        return ("extra", cand[i])
    if m == n + 1 and off[:i] + off[i + 1 :] == cand:
        return ("missing", off[i])
    if (
        n == m
        and i + 1 < n
        and cand[i] == off[i + 1]
        and cand[i + 1] == off[i]
        and cand[i + 2 :] == off[i + 2 :]
        and cand[i] != cand[i + 1]
    ):
        return ("swapped", f"{cand[i : i + 2]}/{off[i : i + 2]}")
    return None


def _residual(norm: str, decoys: frozenset) -> str:
    tokens = [t for t in _SEPARATORS.split(norm) if t]
    return "".join(_strip_words(tokens, decoys, glued=True)[0])


def _fuzzy(
    unmatched: list[tuple[str, str]],
    off_norm: dict[str, str],
    decoys: frozenset,
    threshold: float,
) -> list[tuple]:
    """Spelling look-alikes: one letter inserted, left out or swapped.

    ``process.cdist`` (vectorised) keeps the pairs scoring at least
    ``threshold``; only those few are checked letter by letter.
    """
    off_list = list(off_norm)
    off_res = [_residual(o, decoys) for o in off_list]
    off_keys = [_conf(r) for r in off_res]
    cand_res = [_residual(c, decoys) for _, c in unmatched]
    cand_keys = [_conf(r) for r in cand_res]
    scores = process.cdist(
        cand_keys,
        off_keys,
        scorer=fuzz.ratio,
        score_cutoff=threshold,
        dtype=np.float32,
        workers=1,
    )
    rows = []
    for i in np.flatnonzero((scores >= threshold).any(axis=1)):
        raw, cand = unmatched[i]
        if len(cand_keys[i]) < _MIN_FUZZY:
            continue
        for j in np.argsort(-scores[i], kind="stable"):
            if scores[i, j] < threshold:
                break
            edit = _single_edit(cand_keys[i], off_keys[j])
            if edit is None:
                continue
            off = off_list[j]
            if _differ_by_word(cand, off, decoys):
                continue
            edit = _single_edit(cand_res[i], off_res[j]) or ("other", "")
            score = round(float(scores[i, j]), 1)
            rows.append(_row(raw, off_norm[off], {"spelling"}, (), (), [], score, edit))
            break
    return rows


def _display(raw: str) -> str:
    """A handle as shown in the result: as the trainee typed it, case kept, without '@'.

    Not a normalisation (that is ``normalize_handle``, used for every comparison).
    """
    return raw.strip().lstrip("@").strip()


def _row(raw, off_raw, tags, c_words, o_words, pairs, score, edit=("other", "")) -> tuple:
    cand = normalize_handle(raw)
    order = [r for r in RULES if r in tags]
    parts = []
    for rule in order:
        if rule == "added_word":
            if c_words:
                parts.append(i18n.t("impostors.rule.added_word", words=", ".join(c_words)))
            else:
                parts.append(i18n.t("impostors.rule.missing_word", words=", ".join(o_words)))
        elif rule == "digits":
            digits = "".join(_DIGIT_ENDS.findall("".join(_SEPARATORS.split(cand))))
            parts.append(i18n.t("impostors.rule.digits", digits=digits))
        elif rule == "confusable":
            parts.append(i18n.t("impostors.rule.confusable", pairs=", ".join(pairs) or "-"))
        elif rule == "spelling":
            kind, text = edit
            parts.append(i18n.t(f"impostors.rule.spelling_{kind}", text=text, score=f"{score:g}"))
        else:
            parts.append(i18n.t("impostors.rule.separator"))
    reason = i18n.t(
        "impostors.reason",
        rules=" + ".join(parts),
        candidate=_display(raw),
        official=_display(off_raw),
    )
    return (raw, off_raw, score, reason, "+".join(order))


def find_impostors_in(
    accounts: pd.DataFrame,
    search_results: pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    decoy_words: Iterable[str] | None = None,
    fuzzy: bool = True,
) -> pd.DataFrame:
    """Suspected impostors in ``search_results``, platform by platform.

    A candidate is compared only with the official accounts on the same
    platform (:func:`find_impostors` does the matching).

    Parameters
    ----------
    accounts : DataFrame
        The account inventory (canonical ``accounts``; needs ``platform`` and
        ``account``; ``agency_id`` is carried over when present).
    search_results : DataFrame
        Canonical ``search_results`` (needs ``platform`` and ``account``; other
        columns such as ``display_name``, ``followers``, ``verified`` and
        ``query_agency_id`` are carried over).
    threshold, decoy_words, fuzzy
        As in :func:`find_impostors`.

    Returns
    -------
    DataFrame
        ``platform``, ``candidate``, ``official``, ``score``, ``reason``,
        ``rule``, then ``agency_id`` (of the official account) and the other
        columns of ``search_results`` for the candidate's row. One row per
        (platform, candidate); sorted by platform, then score.

    Raises
    ------
    SchemaError
        If either table lacks ``platform`` or ``account``.
    """
    for name, df in (("accounts", accounts), ("search_results", search_results)):
        missing = [c for c in ("platform", "account") if c not in df.columns]
        if missing:
            raise SchemaError(
                "schema.missing_columns",
                table=name,
                columns=", ".join(missing),
                source="find_impostors_in",
            )
    extra = [c for c in search_results.columns if c not in ("platform", "account")]
    base = ["platform", *COLUMNS, "agency_id"]
    frames = []
    acc_platform = accounts["platform"].astype("string")
    res_platform = search_results["platform"].astype("string")
    for plat in sorted(set(res_platform.dropna()) & set(acc_platform.dropna())):
        off = accounts.loc[acc_platform == plat]
        res = search_results.loc[res_platform == plat]
        found = find_impostors(
            off["account"],
            res["account"],
            threshold=threshold,
            decoy_words=decoy_words,
            fuzzy=fuzzy,
        )
        if found.empty:
            continue
        found.insert(0, "platform", plat)
        if "agency_id" in off.columns:
            agency = dict(zip(off["account"].astype("string"), off["agency_id"], strict=True))
            found["agency_id"] = found["official"].map(agency)
        else:
            found["agency_id"] = pd.NA
        res = res.assign(_key=res["account"].astype("string").str.strip()).drop_duplicates("_key")
        found = found.merge(
            res[["_key", *extra]], left_on="candidate", right_on="_key", how="left"
        ).drop(columns="_key")
        frames.append(found)
    if not frames:
        out = _empty(["platform"])
        out["agency_id"] = pd.Series([], dtype="string")
        for col in extra:
            out[col] = search_results[col].iloc[:0].reset_index(drop=True)
        return out[[*base, *extra]]
    out = pd.concat(frames, ignore_index=True)
    out["platform"] = out["platform"].astype("string")
    out["agency_id"] = out["agency_id"].astype("string")
    out = out.sort_values(
        ["platform", "score", "candidate"], ascending=[True, False, True], kind="stable"
    )
    return out[[*base, *extra]].reset_index(drop=True)
