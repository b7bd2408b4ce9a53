"""Find and replace citizens' personal data in free text.

Four kinds are found, each replaced by a typed placeholder:

=========  ==============  =====================================================
type       placeholder     what
=========  ==============  =====================================================
``nik``    ``[NIK]``       16-digit NIK or KK number, also grouped (``3201 2345
                           6789 0001``, ``3201-2345-...``, ``32.01.23.450690.0001``)
``phone``  ``[TELEPON]``   Indonesian mobile number: ``08..``, ``+62 8..``,
                           ``62-8..``, ``(0812) ..``, with spaces, dashes, dots
``email``  ``[EMAIL]``     e-mail address, also ``nama [at] gmail [dot] com``
``handle`` ``[AKUN]``      ``@handle`` of a social media account
=========  ==============  =====================================================

Numbers are read as *runs*: digit groups joined by at most three of
``space . - ( )``. A run is parsed group by group; a NIK is exactly 16 digits
(one group, or groups of 2 to 6 digits with one consistent separator); a mobile
number starts with ``08[1-9]`` (first group at least 3 digits) or ``62`` + ``8``
and has 9 to 12 digits after the ``0``/``62``. Everything else is left alone:
dates, times, money, counts, post ids (15, 17, 19 digits), letter numbers,
version numbers, emergency and service numbers (112, 1500xxx, 0800 toll-free).

A 16-digit number right after a payment or order word (``VA``, ``virtual
account``, ``pesanan``, ``kode booking``, ``billing``, ``token``, ...) is an
order or payment number, not a NIK, and stays; see :data:`NEGATIVE_CUES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from labkit.values import normalize_handle  # the one owner; re-exported by labkit.privacy

TYPES = ("nik", "phone", "email", "handle")
PLACEHOLDERS = {"nik": "[NIK]", "phone": "[TELEPON]", "email": "[EMAIL]", "handle": "[AKUN]"}

#: Local parts of functional (role) e-mail addresses at ``.go.id`` domains. Such
#: addresses are official channels published under UU 14/2008 (KIP), not personal
#: data, so they are kept even when no allowlist names them.
ROLE_EMAIL_LOCALPARTS = frozenset(
    {
        "humas",
        "ppid",
        "info",
        "informasi",
        "pengaduan",
        "layanan",
        "kontak",
        "contact",
        "sekretariat",
        "setda",
        "admin",
        "halo",
        "lapor",
        "helpdesk",
        "cs",
        "redaksi",
        "kominfo",
        "diskominfo",
        "persuratan",
        "tu",
    }
)

#: Words and phrases that, directly before a number, mark it as an order,
#: payment or post number rather than personal data (compared word by word,
#: case-insensitive; "v.a." reads as "v a").
NEGATIVE_CUES = frozenset(
    {
        "va",
        "v a",
        "virtual account",
        "pesanan",
        "order",
        "order id",
        "booking",
        "resi",
        "awb",
        "transaksi",
        "trx",
        "billing",
        "kode bayar",
        "kode pembayaran",
        "invoice",
        "inv",
        "tagihan",
        "pelanggan",
        "token",
        "fbid",
        "status",
        "tweet",
        "post",
        "postingan",
    }
)
#: Words that mark a number as personal data (they win when they are nearer).
POSITIVE_CUES = frozenset(
    {
        "nik",
        "ktp",
        "kk",
        "kartu keluarga",
        "npwp",
        "nomor induk",
        "kependudukan",
        "hp",
        "wa",
        "whatsapp",
        "telp",
        "tlp",
        "telepon",
        "telpon",
        "hub",
        "hubungi",
        "kontak",
        "cp",
        "sms",
    }
)
_CUE_WINDOW = 40
_WORD = re.compile(r"[a-z]+")

_AT = r"(?:@|\s?[\[(]\s?at\s?[\])]\s?)"
_DOT = r"(?:\.|\s?[\[(]\s?dot\s?[\])]\s?)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(
    rf"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{{0,63}}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[A-Za-z]{{2,24}}(?![\w-])",
    re.IGNORECASE,
)
# "budi@gmail" without ".com": still an address at a big mail provider
_EMAIL_NO_TLD = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud)(?![\w.-])",
    re.IGNORECASE,
)
_OBFUSCATED_AT = re.compile(r"[\[(]\s?at\s?[\])]", re.IGNORECASE)
_AT_SIGN = re.compile(r"@|\s?[\[(]\s?at\s?[\])]", re.IGNORECASE)
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_HANDLE = re.compile(r"(?<![\w@.+%-])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
# "@75rb", "@Rp50.000", "@10.30": prices and times, not accounts
_NOT_HANDLE = re.compile(r"(?i)(?:rp\.?)?\d[\d.,]*(?:rb|ribu|k|jt|juta|an)?")
_SEPS = "[ \u00a0.\\-()]"
# a number starts after a non-word character, or glued to a cue word ("nik3201...")
_GLUED = "|".join(rf"(?<=\b{w})" for w in ("nik", "kk", "ktp", "hp", "wa", "telp", "tlp"))
_RUN = re.compile(
    rf"(?=[(+0-9])(?:(?<!\w)|{_GLUED})(?:\(\s?)?(?:\+\s?)?\(?\d+(?:{_SEPS}{{1,3}}\d+)*",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\d+")
_NIK_SEPS = (" ", "-", ".", "\u00a0")
_BREAK = re.compile(r"[\s()]")

#: RE2 pattern (pyarrow.compute) that every text holding personal data matches:
#: an "@", an obfuscated "[at]", or a run of at least 10 digits.
PREFILTER = r"@|(?i:[\[(]\s?at\s?[\])])|\d(?:[ \x{00a0}.()\-]{0,3}\d){9,}"


@dataclass(frozen=True)
class Span:
    """One piece of personal data in a text: ``text[start:end]`` is of ``type``."""

    start: int
    end: int
    type: str
    value: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.type]


def normalize_number(number: str) -> str:
    """Digits of a phone number without country code or trunk ``0``.

    ``"+62 811-2233-4455"``, ``"62 811 2233 4455"``, ``"(0811) 2233-4455"`` and
    ``"wa.me/6281122334455"`` all give ``"81122334455"``, so numbers compare
    equal however they are formatted.
    """
    digits = re.sub(r"\D", "", str(number))
    if digits.startswith("62") and len(digits) >= 11:
        digits = digits[2:]
    if digits.startswith("0"):
        digits = digits[1:]
    return digits


def normalize_email(email: str) -> str:
    """Lower-case e-mail address, with ``[at]``/``[dot]`` spelled out."""
    text = str(email).strip().lower()
    text = re.sub(r"\s?[\[(]\s?at\s?[\])]\s?", "@", text)
    text = re.sub(r"\s?[\[(]\s?dot\s?[\])]\s?", ".", text)
    return text


@dataclass(frozen=True)
class Allowlist:
    """Official contacts that stay visible: the agency's handles, numbers, e-mails.

    Build it with :meth:`of` (which normalises) or with
    :func:`labkit.privacy.official_allowlist`. Values are stored normalised:
    handles lower-case without ``@``, numbers as digits without ``+62``/``0``,
    e-mails lower-case.
    """

    handles: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        handles: Iterable[str] = (),
        numbers: Iterable[str] = (),
        emails: Iterable[str] = (),
    ) -> Allowlist:
        """Normalise and collect allowlisted values (blank values are dropped)."""
        return cls(
            frozenset(h for h in map(normalize_handle, _strings(handles)) if h),
            frozenset(n for n in map(normalize_number, _strings(numbers)) if n),
            frozenset(e for e in map(normalize_email, _strings(emails)) if e),
        )

    def __or__(self, other: Allowlist) -> Allowlist:
        return Allowlist(
            self.handles | other.handles,
            self.numbers | other.numbers,
            self.emails | other.emails,
        )

    def __bool__(self) -> bool:
        return bool(self.handles or self.numbers or self.emails)

    def keeps_email(self, value: str) -> bool:
        email = normalize_email(value)
        if email in self.emails:
            return True
        local, _, domain = email.partition("@")
        return domain.endswith(".go.id") and local in ROLE_EMAIL_LOCALPARTS


EMPTY = Allowlist()


def _strings(values: Iterable[str] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values if not pd.isna(v)]


# ---------------------------------------------------------------- numbers


def _cue(text: str, start: int) -> str | None:
    """``"neg"``/``"pos"`` for the cue word nearest before ``start`` (or None).

    The window is the 40 characters before the number, cut after the previous
    digit, so a cue applies only to the number that follows it.
    """
    lo = max(0, start - _CUE_WINDOW)
    window = text[lo:start]
    for k in range(len(window) - 1, -1, -1):
        if window[k].isdigit():
            window = window[k + 1 :]
            break
    words = _WORD.findall(window.lower())
    for k in range(len(words) - 1, -1, -1):
        pair = f"{words[k - 1]} {words[k]}" if k else ""
        if pair in NEGATIVE_CUES or words[k] in NEGATIVE_CUES:
            return "neg"
        if pair in POSITIVE_CUES or words[k] in POSITIVE_CUES:
            return "pos"
    return None


def _lead_start(text: str, lo: int, digits_start: int, end: int) -> int:
    """Start of a phone number: include a leading ``+`` and a ``(`` that closes inside."""
    start = digits_start
    k = digits_start - 1
    plus = paren = None
    while k >= lo and text[k] in "+( \u00a0":  # e.g. "(+62) ", "+ ", "("
        if text[k] == "+" and plus is None and paren is None:
            plus = k
        elif text[k] == "(" and paren is None:
            paren = k
        k -= 1
    if plus is not None:
        start = plus
    if paren is not None and (plus is None or paren < plus):
        inner = text[digits_start:end]
        if inner.count(")") > inner.count("("):
            start = paren
    return start


def _nik_end(groups: list[tuple[int, int]], seps: list[str], i: int) -> int | None:
    """Index of the last group of a 16-digit NIK starting at group ``i``, or None."""
    first = groups[i][1] - groups[i][0]
    if first == 16:
        return i
    if first > 16 or first < 2:
        return None
    total, j = first, i
    sep = seps[i + 1] if i + 1 < len(groups) else None
    if sep not in _NIK_SEPS:
        return None
    while total < 16 and j + 1 < len(groups) and seps[j + 1] == sep and j - i < 7:
        size = groups[j + 1][1] - groups[j + 1][0]
        if not 2 <= size <= 6:
            return None
        total += size
        j += 1
    return j if total == 16 and j > i else None


def _phone_end(text: str, groups: list[tuple[int, int]], i: int) -> int | None:
    """Index of the last group of a mobile number starting at group ``i``, or None."""
    g0 = text[groups[i][0] : groups[i][1]]
    if g0 == "62" and i + 1 < len(groups):
        j = i + 1
        nsn = text[groups[j][0] : groups[j][1]]
        if nsn == "0" and j + 1 < len(groups):
            j += 1
            nsn = text[groups[j][0] : groups[j][1]]
        elif nsn.startswith("0"):
            nsn = nsn[1:]
        if len(nsn) < 2:
            return None
    elif g0.startswith("62") and len(g0) >= 5:
        j = i
        nsn = g0[2:]
        if nsn.startswith("0"):
            nsn = nsn[1:]
    elif g0.startswith("08") and len(g0) >= 3:
        j = i
        nsn = g0[1:]
    else:
        return None
    if len(nsn) < 2 or nsn[0] != "8" or nsn[1] == "0":
        return None
    n = len(nsn)
    while j + 1 < len(groups):
        size = groups[j + 1][1] - groups[j + 1][0]
        if n + size > 12:
            break
        # a short last group only when joined by "-" or "." ("0812-3456-7890-1"),
        # not by a space ("WA 08123456789 20 menit")
        if size < 3 and text[groups[j][1] : groups[j + 1][0]] not in ("-", "."):
            break
        n += size
        j += 1
    return j if 9 <= n <= 12 else None


def _number_spans(text: str, allow: Allowlist, out: list[Span]) -> None:
    for run in _RUN.finditer(text):
        if run.end() - run.start() < 10 or sum(map(str.isdigit, run.group())) < 10:
            continue
        lo = run.start()
        groups = [(m.start() + lo, m.end() + lo) for m in _GROUP.finditer(run.group())]
        seps = [""] + [text[groups[k - 1][1] : groups[k][0]] for k in range(1, len(groups))]
        i = 0
        while i < len(groups):
            if i > 0 and not _BREAK.search(seps[i]):
                i += 1  # "2.081.000": a number never starts inside "."/"-"-joined digits
                continue
            kind = "nik"
            j = _nik_end(groups, seps, i)
            if j is None:
                kind = "phone"
                j = _phone_end(text, groups, i)
            if j is None:
                i += 1
                continue
            dstart, end = groups[i][0], groups[j][1]
            bound = lo if i == 0 else groups[i - 1][1]
            start = dstart if kind == "nik" else _lead_start(text, bound, dstart, end)
            if _keep_number(text, kind, start, end, allow):
                i = j + 1
                continue
            out.append(Span(start, end, kind, text[start:end]))
            i = j + 1


_URLISH = re.compile(r"https?://|www\.|\.[a-z]{2,6}/|[?&][a-z_]+=$|^#", re.IGNORECASE)


def _in_url(text: str, start: int) -> bool:
    """True if ``start`` is inside a URL-like token (``.../123``, ``?id=123``, ``#123``)."""
    lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_URLISH.search(text[lo:start]))


def _keep_number(text: str, kind: str, start: int, end: int, allow: Allowlist) -> bool:
    """True if the number at ``text[start:end]`` is not personal data."""
    prev = text[start - 1] if start > 0 else ""
    prev2 = text[start - 2] if start > 1 else ""
    nxt = text[end] if end < len(text) else ""
    if nxt.isalpha() or nxt == "_":
        return True  # part of a code such as 3201...ABC
    if prev and prev in "-_" and prev2.isalnum():
        return True  # part of a code such as INV-3201...
    if kind == "nik" and prev and prev in "/=#" and _in_url(text, start):
        return True  # an id inside a URL (fbid=..., /groups/...)
    if allow.numbers and normalize_number(text[start:end]) in allow.numbers:
        return True
    return _cue(text, start) == "neg"


# ---------------------------------------------------------------- all kinds


def _emails(text: str) -> list[re.Match]:
    """E-mail addresses, matched only where an "@" (or "[at]") is."""
    found: list[re.Match] = []
    for at in _AT_SIGN.finditer(text):
        k = at.start()
        if found and k < found[-1].end():
            continue
        while k > 0 and text[k - 1] in _LOCAL_CHARS:
            k -= 1
        while k < at.start() and not text[k].isalnum():
            k += 1
        if k == at.start():
            continue
        m = _EMAIL.match(text, k) or _EMAIL_NO_TLD.match(text, k)
        if m and m.end() > at.end():
            found.append(m)
    return found


def find_spans(text: str, allow: Allowlist | None = None) -> list[Span]:
    """Return the personal data in ``text``, in order, without overlaps.

    Parameters
    ----------
    text : str
        A comment or any free text.
    allow : Allowlist, optional
        Official handles, numbers and e-mails to leave alone.

    Returns
    -------
    list of Span
    """
    allow = allow or EMPTY
    spans: list[Span] = []
    if "@" in text or _OBFUSCATED_AT.search(text):
        for m in _emails(text):
            kind = "" if allow.keeps_email(m.group()) else "email"  # kept ones block handles
            spans.append(Span(m.start(), m.end(), kind, m.group()))
    if "@" in text:
        for m in _HANDLE.finditer(text):
            handle = m.group(1)
            if _NOT_HANDLE.fullmatch(handle) or normalize_handle(handle) in allow.handles:
                continue
            if any(s.start <= m.start() < s.end for s in spans):
                continue
            spans.append(Span(m.start(), m.end(), "handle", m.group()))
    numbers: list[Span] = []
    _number_spans(text, allow, numbers)
    for s in numbers:
        if not any(o.start < s.end and s.start < o.end for o in spans):
            spans.append(s)
    return sorted((s for s in spans if s.type), key=lambda s: s.start)


def _replace(text: str, spans: list[Span]) -> str:
    if not spans:
        return text
    parts, pos = [], 0
    for s in spans:
        parts.append(text[pos : s.start])
        parts.append(s.placeholder)
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def redact_with(text: str, allow: Allowlist | None = None) -> str:
    """:func:`redact` with a prepared :class:`Allowlist`."""
    return _replace(text, find_spans(text, allow))


def redact(
    text: str,
    *,
    keep_handles: Iterable[str] = (),
    keep_numbers: Iterable[str] = (),
    keep_emails: Iterable[str] = (),
) -> str:
    """Replace citizens' personal data in ``text`` with typed placeholders.

    Parameters
    ----------
    text : str
        A comment or any free text.
    keep_handles, keep_numbers, keep_emails : iterable of str
        The agency's own handles, phone numbers (any formatting) and e-mail
        addresses, which stay as they are.

    Returns
    -------
    str
        ``text`` with ``[NIK]``, ``[TELEPON]``, ``[EMAIL]`` and ``[AKUN]`` in
        place of NIK/KK numbers, mobile numbers, e-mails and @handles.

    Examples
    --------
    >>> redact("NIK 3201234567890001, WA 0812-3456-7890, cc @budi_s")
    'NIK [NIK], WA [TELEPON], cc [AKUN]'
    >>> redact("WA resmi 0811 2233 4455", keep_numbers=["+62 811-2233-4455"])
    'WA resmi 0811 2233 4455'
    """
    return redact_with(text, Allowlist.of(keep_handles, keep_numbers, keep_emails))


def candidates(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Boolean mask of the strings that may hold personal data (RE2 prefilter)."""
    hit = pc.match_substring_regex(values, PREFILTER)
    hit = pc.fill_null(hit, False)
    if isinstance(hit, pa.ChunkedArray):
        hit = hit.combine_chunks()
    return hit.to_numpy(zero_copy_only=False)


def arrow_strings(s: pd.Series) -> pa.Array:
    """``s`` as an Arrow string array (missing values as nulls)."""
    try:
        arr = pa.array(s, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        arr = pa.array(s.astype("string"), from_pandas=True)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pa.array(s.astype("string"), from_pandas=True)
    return arr


def redact_series(
    s: pd.Series,
    *,
    keep_handles: Iterable[str] = (),
    keep_numbers: Iterable[str] = (),
    keep_emails: Iterable[str] = (),
    allow: Allowlist | None = None,
) -> pd.Series:
    """:func:`redact` over a whole column, fast.

    Arrow's RE2 engine picks the candidate rows (an ``@`` or a run of 10+
    digits); only those go through the Python detector. Identical texts are
    redacted once. Missing values stay missing; index, name and dtype are kept.

    Parameters
    ----------
    s : Series of str
    keep_handles, keep_numbers, keep_emails : iterable of str
        As in :func:`redact`.
    allow : Allowlist, optional
        A prepared allowlist, combined with the ``keep_*`` values.
    """
    allowlist = Allowlist.of(keep_handles, keep_numbers, keep_emails)
    if allow is not None:
        allowlist = allowlist | allow
    if len(s) == 0:
        return s.copy()
    arr = arrow_strings(s)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    mask = candidates(arr)
    idx = np.flatnonzero(mask)
    text_dtype = pd.api.types.is_string_dtype(s.dtype) or s.dtype == object
    out = s.copy() if text_dtype else s.astype("string")
    if len(idx) == 0:
        return out
    texts = arr.take(pa.array(idx)).to_pylist()
    cache: dict[str, str] = {}
    redacted = []
    for t in texts:
        r = cache.get(t)
        if r is None:
            r = cache[t] = redact_with(t, allowlist)
        redacted.append(r)
    changed = [k for k, (a, b) in enumerate(zip(texts, redacted, strict=True)) if a != b]
    if changed:
        values = np.empty(len(changed), dtype=object)
        values[:] = [redacted[k] for k in changed]
        out.iloc[idx[changed]] = values
    return out
