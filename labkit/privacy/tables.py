"""Privacy on whole tables: the agency allowlist, masked comments, a PII report.

* :func:`official_allowlist` collects what is *not* personal data: the agency's
  own handles, official numbers and e-mails.
* :func:`mask_comments` redacts the ``text`` of a comments table and replaces
  each ``author`` by a stable pseudonym (``warga_3fa2c1d0e4``), so unique-user
  counts still work. The salt is made once and kept in the work folder
  (``privacy/salt``), or taken from ``LABKIT_PSEUDONYM_SALT`` for a hub-wide one.
* :func:`find_pii` reports which rows and columns hold personal data, showing
  each value only masked.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from labkit import workspace
from labkit.errors import LabkitError
from labkit.privacy.detect import (
    EMPTY,
    Allowlist,
    Span,
    arrow_strings,
    candidates,
    find_spans,
    normalize_handle,
    redact_series,
)

SALT_ENV = "LABKIT_PSEUDONYM_SALT"
SALT_FILE = ("privacy", "salt")
PSEUDONYM_PREFIX = "warga_"
PSEUDONYM_HEX = 10  # 40 bits: < 0.5% chance of any collision among 100,000 authors
#: Columns whose every value is an account handle (reported by :func:`find_pii`).
HANDLE_COLUMNS = ("author", "username", "user", "handle", "commenter", "from")
_CONTACT_COLUMNS = ("contact", "bio", "link")

_salt_cache: dict[str, bytes] = {}


class PrivacyError(LabkitError):
    """A privacy operation cannot be done as asked."""


# ---------------------------------------------------------------- allowlist


def _column(df: pd.DataFrame | None, name: str) -> list[str]:
    if df is None or name not in df.columns:
        return []
    return [str(v) for v in df[name].dropna().tolist() if str(v).strip()]


def official_allowlist(
    accounts: pd.DataFrame | None = None, agencies: pd.DataFrame | None = None
) -> Allowlist:
    """What stays visible in comments: the agencies' own contacts.

    Parameters
    ----------
    accounts : DataFrame, optional
        The ``accounts`` table: every ``account`` handle is kept, and so is every
        phone number or e-mail found in its ``contact``, ``bio`` and ``link``.
    agencies : DataFrame, optional
        The ``agencies`` table: ``official_phone`` and ``official_email`` are kept.

    Returns
    -------
    Allowlist
    """
    handles = _column(accounts, "account")
    numbers = _column(agencies, "official_phone")
    emails = _column(agencies, "official_email")
    for col in _CONTACT_COLUMNS:
        for text in _column(accounts, col):
            for span in find_spans(text):
                if span.type == "phone":
                    numbers.append(span.value)
                elif span.type == "email":
                    emails.append(span.value)
    return Allowlist.of(handles, numbers, emails)


# ---------------------------------------------------------------- pseudonyms


def _salt() -> bytes:
    env = os.environ.get(SALT_ENV, "")
    if env.strip():
        return hashlib.sha256(env.strip().encode("utf-8")).digest()
    path = workspace.path(*SALT_FILE)
    key = str(path)
    if key in _salt_cache and path.exists():
        return _salt_cache[key]
    if not path.exists():
        _create_salt(path)
    text = path.read_text(encoding="utf-8").strip()
    if len(text) < 16:
        raise PrivacyError("privacy.bad_salt", path=str(path))
    salt = hashlib.sha256(text.encode("utf-8")).digest()
    _salt_cache[key] = salt
    return salt


def _create_salt(path: Path) -> None:
    """Write a new random salt; never replace one that exists (even if just made)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    tmp.write_text(secrets.token_hex(16) + "\n", encoding="utf-8")
    try:
        os.link(tmp, path)  # atomic and exclusive: fails if another process won
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def pseudonym(author: str) -> str:
    """The stable pseudonym of one author (``"warga_"`` + 10 hex digits).

    The same handle (ignoring case and ``@``) gives the same pseudonym in every
    session that shares the salt.
    """
    return _pseudonym(author, _salt())


def _pseudonym(author: str, salt: bytes) -> str:
    digest = hashlib.blake2b(
        normalize_handle(author).encode("utf-8"), key=salt, digest_size=PSEUDONYM_HEX // 2
    )
    return PSEUDONYM_PREFIX + digest.hexdigest()


_PSEUDONYM_RE = re.compile(rf"^{PSEUDONYM_PREFIX}[0-9a-f]{{{PSEUDONYM_HEX}}}$")


def _is_pseudonym(value: str) -> bool:
    return bool(_PSEUDONYM_RE.match(value))


def pseudonymise(authors: pd.Series, keep: Iterable[str] = ()) -> pd.Series:
    """Replace every author by its pseudonym, except the handles in ``keep``.

    Missing authors stay missing; index, name and dtype are kept. A value that
    already is a pseudonym (masked once on import) is left as it is, so masking
    twice gives the same result as masking once.
    """
    keep = {normalize_handle(h) for h in keep}
    codes, uniques = pd.factorize(authors, use_na_sentinel=True)
    if len(uniques) == 0:
        return authors.copy()
    salt = _salt()
    mapped = np.array(
        [
            u if normalize_handle(u) in keep or _is_pseudonym(u) else _pseudonym(u, salt)
            for u in map(str, uniques)
        ],
        dtype=object,
    )
    values = np.where(codes >= 0, mapped[np.maximum(codes, 0)], None)
    out = pd.Series(values, index=authors.index, name=authors.name, dtype=object)
    try:
        return out.astype(authors.dtype)
    except (TypeError, ValueError):
        return out


# ---------------------------------------------------------------- comments


def mask_comments(df: pd.DataFrame, *, allow: Allowlist | None = None) -> pd.DataFrame:
    """Mask citizens' personal data in a comments table.

    ``text`` goes through :func:`~labkit.privacy.redact_series` (the allowlist's
    contacts stay); ``author`` becomes a stable pseudonym unless it is one of the
    allowlist's handles (the agency replying). Other columns are untouched; the
    agency's own posts are never passed here.

    Parameters
    ----------
    df : DataFrame
        A ``comments`` table (any frame with ``text`` and/or ``author``).
    allow : Allowlist, optional
        From :func:`official_allowlist`.

    Returns
    -------
    DataFrame
        A copy with ``attrs["masked"] = True``.
    """
    allow = allow or EMPTY
    out = df.copy()
    if "text" in out.columns:
        out["text"] = redact_series(out["text"], allow=allow)
    if "author" in out.columns:
        out["author"] = pseudonymise(out["author"], keep=allow.handles)
    out.attrs["masked"] = True
    return out


# ---------------------------------------------------------------- report

FIND_COLUMNS = ["row", "column", "type", "count", "spans", "preview"]


def preview(value: str, kind: str) -> str:
    """``value`` masked for display: only a few characters stay readable.

    >>> preview("0812-3456-7890", "phone")
    '08••-••••-••90'
    >>> preview("budi.santoso@gmail.com", "email")
    'b•••••••••••@g••••.com'
    """
    if kind == "email":
        local, _, domain = value.partition("@")
        name, dot, tld = domain.rpartition(".")
        if not dot:
            name, tld = domain, ""
        return (
            local[:1]
            + "•" * max(len(local) - 1, 0)
            + "@"
            + name[:1]
            + "•" * max(len(name) - 1, 0)
            + (dot + tld)
        )
    chars = list(value)
    alnum = [k for k, ch in enumerate(chars) if ch.isalnum()]
    if kind in ("nik", "phone"):
        visible = set(alnum[:2]) | set(alnum[-2:])
    else:
        visible = set(alnum[:1])
    for k in alnum:
        if k not in visible:
            chars[k] = "•"
    return "".join(chars)


def find_pii(
    df: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    allow: Allowlist | None = None,
) -> pd.DataFrame:
    """Report which rows and columns hold personal data (values shown masked).

    Parameters
    ----------
    df : DataFrame
    columns : list of str, optional
        Columns to check; default: every text column.
    allow : Allowlist, optional
        Official contacts that are not reported.

    Returns
    -------
    DataFrame
        One row per (row, column, type): ``row`` (the index label), ``column``,
        ``type`` (``nik``/``phone``/``email``/``handle``), ``count``, ``spans``
        (list of ``(start, end)`` character positions) and ``preview`` (the
        values, masked). Columns such as ``author`` hold a handle in every row
        and are reported as ``handle`` (unless already pseudonymised).

    Raises
    ------
    PrivacyError
        If a named column is not in ``df``.
    """
    allow = allow or EMPTY
    if columns is None:
        columns = [
            c
            for c in df.columns
            if pd.api.types.is_string_dtype(df[c].dtype) or df[c].dtype == object
        ]
    else:
        columns = list(columns)
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise PrivacyError(
                "privacy.unknown_column",
                column=", ".join(map(str, missing)),
                known=", ".join(map(str, df.columns)),
            )
    rows: list[dict] = []
    for col in columns:
        s = df[col]
        if str(col).lower() in HANDLE_COLUMNS:
            for label, value in s.dropna().items():
                v = str(value)
                if not v.strip() or v.startswith(PSEUDONYM_PREFIX):
                    continue
                if normalize_handle(v) in allow.handles:
                    continue
                rows.append(
                    {
                        "row": label,
                        "column": col,
                        "type": "handle",
                        "count": 1,
                        "spans": [(0, len(v))],
                        "preview": preview(v, "handle"),
                    }
                )
            continue
        text = s.astype("string")
        if len(text) == 0:
            continue
        mask = candidates(arrow_strings(text))
        for pos in np.flatnonzero(mask):
            value = text.iloc[pos]
            by_type: dict[str, list[Span]] = {}
            for span in find_spans(value, allow):
                by_type.setdefault(span.type, []).append(span)
            for kind, spans in by_type.items():
                rows.append(
                    {
                        "row": s.index[pos],
                        "column": col,
                        "type": kind,
                        "count": len(spans),
                        "spans": [(sp.start, sp.end) for sp in spans],
                        "preview": "; ".join(preview(sp.value, kind) for sp in spans),
                    }
                )
    out = pd.DataFrame(rows, columns=FIND_COLUMNS)
    out["count"] = out["count"].astype("Int64")
    return out
