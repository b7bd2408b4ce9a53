"""Check a crisis statement against the rules of the craft (SCCT, CERC, holding statements).

``lint(text, platform=..., kind=...)`` returns a list of :class:`Finding`. Which
codes apply to which kind is the table in ``codes.yaml``; the word lists are in
``wordlists.yaml`` (regular expressions, Indonesian with colloquial variants,
and English), easy for a trainer to extend. Personal data are found by
:mod:`labkit.privacy` (the lab's one detector); text length by
:mod:`labkit.platforms` (the one table of platform limits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from labkit import i18n, platforms, privacy
from labkit.errors import LabkitError

KINDS = ("holding", "clarification", "apology", "update", "press_release")
#: Longest text analysed word by word; longer pastes get a ``too_big`` finding and only the
#: first part is checked, so the drafter stays responsive.
MAX_CHARS = 20_000
#: Zero-width and direction characters, removed before words are matched.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_URL = platforms._URL
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|\n|$)")


@dataclass(frozen=True)
class Finding:
    """One problem in a draft: ``text[span[0]:span[1]]`` is what it concerns.

    ``span`` is ``(0, 0)`` for something missing from the whole text.
    """

    code: str
    severity: str  # "error" or "suggestion"
    message: str
    span: tuple[int, int] = (0, 0)


@cache
def _data(name: str) -> dict:
    text = resources.files("labkit.crisis").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def _pattern(category: str) -> re.Pattern:
    words = _data("wordlists.yaml")[category]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{w})" for w in words) + r")(?!\w)", re.I)


@cache
def _label_pattern() -> re.Pattern:
    labels = "|".join(re.escape(w) for w in _data("wordlists.yaml")["hoax_labels"])
    return re.compile(r"\s*\[\s*(?:" + labels + r")\s*\]", re.I)


def codes_table() -> pd.DataFrame:
    """Which code applies to which kind (one row per code, one column per kind)."""
    spec = _data("codes.yaml")
    rows = []
    for code, severity in spec["codes"].items():
        row = {"code": code, "severity": severity}
        row.update({kind: code in spec["kinds"][kind] for kind in KINDS})
        rows.append(row)
    return pd.DataFrame(rows)


def applicable_codes(kind: str) -> list[str]:
    """The lint codes that apply to ``kind``."""
    return list(_data("codes.yaml")["kinds"][check_kind(kind)])


def check_kind(kind: str) -> str:
    key = str(kind).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in KINDS:
        raise LabkitError("crisis.unknown_kind", kind=kind, valid=", ".join(KINDS))
    return key


def _allowlist(official_contacts) -> privacy.Allowlist:
    if isinstance(official_contacts, privacy.Allowlist):
        return official_contacts
    if isinstance(official_contacts, str):
        official_contacts = [official_contacts]
    handles, numbers, emails = [], [], []
    for value in official_contacts or ():
        value = str(value).strip()
        if value.startswith("@"):
            handles.append(value)
        elif "@" in value:
            emails.append(value)
        elif sum(c.isdigit() for c in value) >= 6:
            numbers.append(value)
        else:
            handles.append(value)
    return privacy.Allowlist.of(handles=handles, numbers=numbers, emails=emails)


def _visible(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, and each kept character's index in ``text``."""
    if not _INVISIBLE.search(text):
        return text, []
    keep = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
    return "".join(text[i] for i in keep), keep


def _finding(code: str, span: tuple[int, int] = (0, 0), **params) -> Finding:
    severity = _data("codes.yaml")["codes"].get(code, "error")
    return Finding(code, severity, i18n.t(f"crisis.lint.{code}", **params), span)


def lint(
    text: str,
    *,
    platform: str | None = "x",
    kind: str = "holding",
    official_contacts: Iterable[str] | privacy.Allowlist = (),
) -> list[Finding]:
    """Check a draft statement.

    Parameters
    ----------
    text : str
        The draft.
    platform : str or None
        ``x``, ``instagram``, ``facebook``, ``tiktok``, ``youtube``, ``threads``,
        ``whatsapp``, or None (a document: no length limit).
    kind : str
        ``holding``, ``clarification``, ``apology``, ``update`` or ``press_release``.
    official_contacts : iterable of str or Allowlist
        The agency's own handles, numbers and e-mails (not personal data), e.g.
        ``privacy.official_allowlist(accounts, agencies)``.

    Returns
    -------
    list of Finding
        Sorted by position; empty for a statement written by the book.
    """
    kind = check_kind(kind)
    if platform is not None:
        platform = platforms.check_platform(platform)
    text = "" if text is None else str(text)
    applies = set(applicable_codes(kind))
    if not text.strip():
        return [_finding("empty")]
    out: list[Finding] = []
    if platform is not None and "too_long" in applies:
        at = platforms.over_limit_at(text, platform)
        if at is not None:
            lim = platforms.limit(platform)
            out.append(
                _finding(
                    "too_long",
                    (at, len(text)),
                    count=platforms.count(text, platform),
                    limit=lim.limit,
                    platform=platforms._table()[platform]["name"],
                )
            )
    if len(text) > MAX_CHARS:
        out.append(_finding("too_big", (MAX_CHARS, len(text)), size=len(text), max=MAX_CHARS))
        text = text[:MAX_CHARS]
    vis, index = _visible(text)

    def span(m: re.Match) -> tuple[int, int]:
        if not index:
            return m.span()
        return index[m.start()], index[m.end() - 1] + 1

    def found(category: str, where: str = vis) -> re.Match | None:
        return _pattern(category).search(where)

    for code, category in (
        ("missing_empathy", "empathy"),
        ("missing_action", "action"),
    ):
        if code in applies and not found(category):
            out.append(_finding(code))
    if "missing_contact" in applies and not _has_contact(vis):
        out.append(_finding("missing_contact"))
    if "missing_next_update" in applies and not found("next_update"):
        out.append(_finding("missing_next_update"))
    if "missing_time" in applies and not _has_time(vis):
        out.append(_finding("missing_time"))
    if "missing_hoax_label" in applies and not _label_pattern().match(vis):
        out.append(_finding("missing_hoax_label"))
    if "missing_source" in applies and not (_URL.search(vis) or found("source")):
        out.append(_finding("missing_source"))
    for code, category in (
        ("speculation", "speculation"),
        ("blame", "blame"),
        ("no_comment", "no_comment"),
    ):
        if code in applies:
            for m in _pattern(category).finditer(vis):
                out.append(_finding(code, span(m), phrase=m.group()))
    if "pii" in applies:
        for s in privacy.find_spans(text, _allowlist(official_contacts)):
            if s.type in ("nik", "phone", "email"):
                out.append(_finding("pii", (s.start, s.end), type=s.placeholder))
    return sorted(out, key=lambda f: (f.span[0] if f.span != (0, 0) else -1, f.code))


def _has_contact(text: str) -> bool:
    if "@" in text or _URL.search(text) or _pattern("contact").search(text):
        return True
    return any(s.type in ("phone", "email") for s in privacy.find_spans(text))


def _has_time(text: str) -> bool:
    """A date or time that is not only the time of the next update."""
    nxt = _pattern("next_update")
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if nxt.search(sentence):
            continue
        if _pattern("time").search(sentence):
            return True
    return False
