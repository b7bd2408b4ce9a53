"""Issue queries and comment volume over time.

A query is how an officer describes an issue: ``banjir AND (jalan OR tol) NOT latihan``.

* ``AND`` / ``DAN`` (also two terms side by side), ``OR`` / ``ATAU``, ``NOT`` / ``BUKAN``,
  brackets; ``NOT`` binds tightest, then ``AND``, then ``OR``;
* ``"kata berurutan"``: a phrase, its words in this order;
* ``banj*``: any word starting with ``banj``;
* colloquial variants for free: the query and the comments are both normalised by
  :mod:`labkit.monitor.text`, so ``gimana`` finds ``gmn`` and ``bagaimana``.

:func:`query` says for each comment whether it matches and which terms did;
:func:`volume` counts comments per hour or day, with every interval present (zeros
included), so that spike detection (:mod:`labkit.monitor.spikes`) sees quiet hours too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.errors import LabkitError
from labkit.monitor import matching, text

OPERATORS = {"AND": "AND", "DAN": "AND", "OR": "OR", "ATAU": "OR", "NOT": "NOT", "BUKAN": "NOT"}
# Operators of other tools that this query language does not have.
_FOREIGN = re.compile(r"^(?:&&?|\|\|?|!|~|\^|NEAR|ADJ|XOR|W/\d+)$")
_LEX = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<phrase>[^"]*)"|(?P<quote>")|(?P<word>[^\s()"]+))'
)


@dataclass(frozen=True)
class Term:
    """A word, a phrase (``"..."``) or a prefix (``banj*``) as typed, and its pattern."""

    typed: str
    pattern: str


@dataclass(frozen=True)
class Node:
    """An operator over its operands (``NOT`` has one)."""

    op: str
    items: tuple


@dataclass(frozen=True)
class Query:
    """A parsed query: the tree, the terms, and the text typed."""

    typed: str
    tree: Term | Node

    @property
    def terms(self) -> list[Term]:
        """Every term, in the order typed."""
        out: list[Term] = []

        def walk(node: Term | Node) -> None:
            if isinstance(node, Term):
                out.append(node)
            else:
                for item in node.items:
                    walk(item)

        walk(self.tree)
        return out


def _term(raw: str, phrase: bool, position: int, typed: str) -> Term:
    prefix = raw.endswith("*") and not phrase
    words = text.normalize(raw.rstrip("*") if prefix else raw).split()
    words = [w for w in words if w not in ("?", "!")]
    if not words:
        raise LabkitError("monitor.query.empty_term", position=position, term=raw, query=typed)
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"\S*" if prefix else r"(?:\s|$)"
    return Term(typed=f'"{raw}"' if phrase else raw, pattern=rf"(?:^|\s)(?:{body}){tail}")


def _tokens(typed: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(typed):
        m = _LEX.match(typed, pos)
        if m is None or m.end() == pos:
            break
        start = m.start(m.lastgroup) + 1  # 1-based position for people
        kind = m.lastgroup
        if kind == "quote":
            raise LabkitError("monitor.query.open_quote", position=start, query=typed)
        if kind == "word":
            word = m.group("word")
            if word.upper() in OPERATORS and word.isupper():
                out.append(("op", OPERATORS[word.upper()], start))
            elif _FOREIGN.match(word) or _FOREIGN.match(word.upper()) and word.isupper():
                raise LabkitError(
                    "monitor.query.unknown_operator", op=word, position=start, query=typed
                )
            else:
                out.append(("term", word, start))
        elif kind == "phrase":
            out.append(("phrase", m.group("phrase"), start))
        else:
            out.append((kind, kind, start))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, typed: str) -> None:
        self.typed = typed
        self.toks = _tokens(typed)
        self.i = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def fail(self, key: str, position: int, **kw: object) -> LabkitError:
        return LabkitError(key, position=position, query=self.typed, **kw)

    def parse(self) -> Term | Node:
        if not self.toks:
            raise LabkitError("monitor.query.empty")
        tree = self.or_()
        tok = self.peek()
        if tok is not None:
            raise self.fail("monitor.query.unbalanced_close", tok[2])
        return tree

    def or_(self) -> Term | Node:
        items = [self.and_()]
        while (tok := self.peek()) is not None and tok[:2] == ("op", "OR"):
            self.i += 1
            items.append(self.and_())
        return items[0] if len(items) == 1 else Node("OR", tuple(items))

    def and_(self) -> Term | Node:
        items = [self.not_()]
        while (tok := self.peek()) is not None and tok[0] != "close" and tok[:2] != ("op", "OR"):
            if tok[:2] == ("op", "AND"):
                self.i += 1
            items.append(self.not_())
        return items[0] if len(items) == 1 else Node("AND", tuple(items))

    def not_(self) -> Term | Node:
        tok = self.peek()
        if tok is not None and tok[:2] == ("op", "NOT"):
            self.i += 1
            return Node("NOT", (self.not_(),))
        return self.atom()

    def atom(self) -> Term | Node:
        tok = self.peek()
        if tok is None:
            raise self.fail("monitor.query.missing_term", len(self.typed) + 1)
        kind, value, position = tok
        self.i += 1
        if kind == "open":
            inner = self.or_()
            close = self.peek()
            if close is None or close[0] != "close":
                raise self.fail("monitor.query.unbalanced_open", position)
            self.i += 1
            return inner
        if kind == "close":
            raise self.fail("monitor.query.unbalanced_close", position)
        if kind == "op":
            raise self.fail("monitor.query.misplaced_operator", position, op=value)
        return _term(value, kind == "phrase", position, self.typed)


def parse_query(typed: str) -> Query:
    """Parse a Boolean query.

    Raises
    ------
    LabkitError
        For an empty query, unbalanced brackets or quotes, an operator without its
        terms, or an operator this language does not have (``&&``, ``NEAR``); the
        message gives the position (1 = the first character) and the fix.
    """
    if not isinstance(typed, str):
        raise LabkitError("monitor.query.empty")
    return Query(typed=typed, tree=_Parser(typed).parse())


def _evaluate(node: Term | Node, hit: dict[Term, np.ndarray]) -> np.ndarray:
    if isinstance(node, Term):
        return hit[node]
    parts = [_evaluate(item, hit) for item in node.items]
    if node.op == "NOT":
        return ~parts[0]
    return np.logical_and.reduce(parts) if node.op == "AND" else np.logical_or.reduce(parts)


def query(comments: pd.DataFrame | pd.Series, q: str | Query) -> pd.DataFrame:
    """Which comments match a query, and which of its terms they contain.

    Parameters
    ----------
    comments : a comments table (with ``text``) or a Series of texts
    q : str or Query

    Returns
    -------
    DataFrame with the input's index: ``match`` (bool) and ``explanation`` (the
    terms found in a matching comment, in the trainee's language; empty otherwise).

    Examples
    --------
    >>> query(pd.Series(["Banjir di jalan tol", "latihan banjir"]), "banjir NOT latihan")["match"].tolist()
    [True, False]
    """
    from labkit.monitor.triage import texts_of

    parsed = q if isinstance(q, Query) else parse_query(q)
    raw = texts_of(comments)
    norm = text.normalize_texts(raw)
    arr = matching.as_arrow(norm)
    hit = {term: matching.hits(arr, term.pattern) for term in dict.fromkeys(parsed.terms)}
    match = _evaluate(parsed.tree, hit)
    found = np.full(len(raw), "", dtype=object)
    for term, h in hit.items():
        on = h & match
        found[on] = np.where(found[on] == "", term.typed, found[on] + ", " + term.typed)
    prefix = i18n.t("monitor.query.explain", terms="\0").partition("\0")
    explanation = np.where(found == "", "", prefix[0] + found + prefix[2])
    return pd.DataFrame({"match": match, "explanation": explanation}, index=raw.index)


FREQS = {"h": "h", "hour": "h", "jam": "h", "d": "D", "day": "D", "hari": "D"}


def volume(
    comments: pd.DataFrame,
    mask: pd.Series | dict[str, pd.Series] | None = None,
    *,
    freq: str = "h",
    by: str | None = None,
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """Comments per hour or day, every interval present.

    Parameters
    ----------
    comments : DataFrame with ``created_at`` (timezone-aware)
    mask : boolean Series aligned with ``comments``, or a dict name -> mask
        Count only the comments where it is True (for example the matches of a
        query, or ``triage(...)["label"] == "complaint"``); a dict gives a column each.
    freq : {"h", "D"}
        Per hour or per day ("jam"/"hari" also accepted).
    by : str, optional
        A column to count separately (for example ``"account"``): one column per value.
    start, end : timestamps, optional
        The period (default: the comments' first and last interval).

    Returns
    -------
    DataFrame indexed by interval start (UTC): column ``n``, or one column per query
    name or per ``by`` value.
    """
    if "created_at" not in comments.columns:
        raise LabkitError("monitor.query.no_time", columns=", ".join(map(str, comments.columns)))
    key = FREQS.get(str(freq).lower())
    if key is None:
        raise LabkitError("monitor.query.bad_freq", freq=freq, valid="h, D")
    when = pd.to_datetime(comments["created_at"], utc=True)
    lo = pd.Timestamp(start).tz_convert("UTC") if start is not None else when.min()
    hi = pd.Timestamp(end).tz_convert("UTC") if end is not None else when.max()
    if pd.isna(lo) or pd.isna(hi):
        index = pd.DatetimeIndex([], tz="UTC")
    else:
        index = pd.date_range(lo.floor(key), hi.floor(key), freq=key)
    masks = mask if isinstance(mask, dict) else {"n": mask}
    columns = {}
    for name, m in masks.items():
        keep = pd.Series(True, index=comments.index) if m is None else m.reindex(comments.index)
        keep = keep.fillna(False).astype(bool)
        bucket = when[keep].dt.floor(key)
        if by is None:
            columns[name] = bucket.value_counts().reindex(index, fill_value=0)
        else:
            wide = pd.crosstab(bucket, comments.loc[keep, by])
            return wide.reindex(index, fill_value=0).rename_axis(columns=by)
    out = pd.DataFrame(columns, index=index)
    out.index.name = "interval"
    return out.astype("int64")
