"""Citizens' comments and crisis episodes of the fictional universe.

:func:`generate_comments` writes the comments citizens leave on the fictional
agencies' posts, with the generator's own labels (``truth_comments``) and the
crisis episodes it planted (``truth_crises``). :func:`comment_stats` measures
the properties the lab relies on (duplicates, slang, personal data, the bot
ring, reply rates) so the datasheet shows numbers computed by code.

What is in the comments
-----------------------
* Indonesian text from original templates (:mod:`labkit.universe.lexicon`),
  with colloquial spellings (``gk``, ``udh``, ``bgt``, ``min``...), elongations
  (``lamaaa``), emoji and casing chosen per comment. Comments follow the
  post's topic (inferred from the post text, see :func:`infer_topics`).
* Kinds: question, complaint, praise, neutral, troll, hoax (hoax narratives),
  bot (a coordinated copy-paste ring posting near-duplicates in short windows)
  and crisis (comments of a crisis episode).
* A stable population of fictional citizens whose activity follows a power
  law; each agency has its own local commenters plus people who roam.
* Fake personal data in about 2% of comments (NIK-shaped numbers, mobile
  numbers in many formats, e-mail addresses, other citizens' @handles), each
  recorded exactly in ``truth_comments.pii`` / ``pii_values``; and *hard
  negatives* that must survive masking: money amounts, clock times, dates,
  queue / booking / registration numbers, the agencies' official phone,
  e-mail and @handles, emergency numbers and call centres.
* Crisis episodes (SCCT, Coombs 2007): an outage of an online queue system
  (technical-error accident, accidental cluster), a viral hoax about a
  service fee (rumour, victim cluster) and a data leak (organisational
  misdeed, preventable cluster), placed by the seed on suitable accounts.
* ``replied_at``: the agency's first reply. Accounts differ (good, medium,
  poor and silent responders); questions and complaints get more and faster
  replies; most replies fall in office hours, local time, on working days.

Everything is drawn from the ``rng`` passed in: the same generator state gives
identical tables.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from labkit import schema
from labkit.errors import SchemaError
from labkit.universe import lexicon as lx
from labkit.values import normalize_handles

__all__ = [
    "COMMENTS_PER_POST",
    "KINDS",
    "NEGATIVE_KINDS",
    "colloquial_mask",
    "comment_stats",
    "generate_comments",
    "infer_topics",
    "sync_post_comment_counts",
]

#: Mean number of baseline comments per post (before bots and crisis episodes).
COMMENTS_PER_POST = 5.5
#: Share of comments (outside the bot ring) that carry fake personal data.
PII_SHARE = 0.02
#: Share of comments that are short stock reactions ("mantap", "👍"), the only
#: exact duplicates left on purpose.
REACTION_SHARE = 0.007
#: Share of comments with an extra hard-negative clause (contacts, numbers).
HARD_NEGATIVE_SHARE = 0.05
#: Share of comments with a typing slip (a swapped, dropped or doubled letter).
TYPO_SHARE = 0.15
#: An episode's busiest hour and day are at least this many times the account's busiest
#: hour and day outside the episode.
EPISODE_MARGIN = 2.5

KINDS: tuple[str, ...] = lx.KINDS
NEGATIVE_KINDS: tuple[str, ...] = ("complaint", "troll", "hoax", "crisis")
_K = {k: i for i, k in enumerate(KINDS)}
_BASE_KINDS = ("question", "complaint", "praise", "neutral", "troll", "hoax")

#: Mix of baseline kinds (question, complaint, praise, neutral, troll, hoax) by agency kind.
KIND_MIX: dict[str, tuple[float, ...]] = {
    "default": (0.22, 0.17, 0.25, 0.27, 0.06, 0.03),
    "kantor_imigrasi": (0.31, 0.22, 0.18, 0.20, 0.06, 0.03),
    "dinas_dukcapil": (0.31, 0.22, 0.18, 0.20, 0.06, 0.03),
    "rsud": (0.26, 0.21, 0.24, 0.21, 0.04, 0.04),
    "dinas_kesehatan": (0.22, 0.14, 0.25, 0.29, 0.04, 0.06),
    "bpbd": (0.16, 0.12, 0.24, 0.38, 0.04, 0.06),
    "diskominfo_provinsi": (0.15, 0.14, 0.24, 0.33, 0.09, 0.05),
    "diskominfo_kabupaten": (0.15, 0.14, 0.24, 0.33, 0.09, 0.05),
    "diskominfo_kota": (0.15, 0.14, 0.24, 0.33, 0.09, 0.05),
}

#: Responder profiles: share of accounts, reply probability of a question, median minutes.
RESPONDERS: dict[str, tuple[float, float, float]] = {
    "good": (0.25, 0.78, 45.0),
    "medium": (0.40, 0.42, 240.0),
    "poor": (0.25, 0.12, 900.0),
    "silent": (0.10, 0.01, 2880.0),
}
#: Reply probability and delay multipliers by kind (relative to a question).
REPLY_KIND = {
    "question": (1.0, 1.0),
    "complaint": (0.9, 1.0),
    "crisis": (0.45, 1.6),
    "hoax": (0.6, 1.4),
    "praise": (0.22, 2.5),
    "neutral": (0.06, 3.0),
    "troll": (0.02, 3.0),
    "bot": (0.0, 1.0),
}
REPLY_PLATFORM = {"instagram": 1.0, "facebook": 0.9, "x": 0.8, "tiktok": 0.5, "youtube": 0.35}

_TZ_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}
_S = 10**9
_MIN = 60 * _S
_H = 60 * _MIN
_D = 24 * _H
_NAT = np.iinfo(np.int64).min

# --------------------------------------------------------------------------------------
# Colloquial forms
# --------------------------------------------------------------------------------------

_EXTRA_COLLOQUIAL = ("bikin", "gimana", "aja", "kok")


@lru_cache(maxsize=1)
def _colloquial_pattern() -> str:
    forms = set(lx.PARTICLES) | set(lx.ADDRESS_FORMS) | set(_EXTRA_COLLOQUIAL)
    for values in lx.SLANG.values():
        forms.update(values)
    forms = sorted(f.lower() for f in forms if f.lower() not in lx.STANDARD_WORDS)
    forms.sort(key=len, reverse=True)
    words = "|".join(re.escape(f) for f in forms)
    elong = "|".join(c * 3 for c in "abcdefghijklmnopqrstuvwxyz")
    laugh = r"wk(?:wk)+|(?:ha){3,}|(?:he){2,}|(?:hi){2,}"
    return rf"\b(?:{words})\b|{elong}|{laugh}"


def colloquial_mask(texts) -> np.ndarray:
    """Which texts contain a colloquial form of the lab's lexicon.

    A form is a slang spelling (``gk``, ``udh``, ``bgt``...), a particle or
    interjection (``dong``, ``wkwk``...), a colloquial address (``min``,
    ``kak``), laughter, or an elongation (a letter written three times or
    more, ``lamaaa``). Standard words that double as slang (``aku``,
    ``lagi``) do not count.

    Parameters
    ----------
    texts : sequence of str
        Comment texts.

    Returns
    -------
    numpy.ndarray of bool
    """
    return _regex_mask(texts, _colloquial_pattern())


def _arrow(texts) -> pa.Array | pa.ChunkedArray:
    """``texts`` as an Arrow string array (no copy when already Arrow-backed)."""
    if isinstance(texts, pd.Series):
        texts = texts.array
    if getattr(getattr(texts, "dtype", None), "storage", None) == "pyarrow":
        return texts.__arrow_array__()
    if isinstance(texts, pd.api.extensions.ExtensionArray):
        texts = texts.to_numpy(dtype=object, na_value=None)
    return pa.array(np.asarray(texts, dtype=object), type=pa.large_string(), from_pandas=True)


def _arrow_lower(texts) -> pa.Array | pa.ChunkedArray:
    return pc.utf8_lower(_arrow(texts))


_CHUNK = 1_000_000


def _regex_mask(texts, pattern: str) -> np.ndarray:
    """Rows of ``texts`` (lower-cased) matching ``pattern`` with RE2 (ASCII ``\\b``)."""
    arr = _arrow(texts)
    out = np.zeros(len(arr), dtype=bool)
    for i in range(0, len(arr), _CHUNK):
        part = pc.utf8_lower(arr.slice(i, _CHUNK))
        hit = pc.fill_null(pc.match_substring_regex(part, pattern), False)
        if isinstance(hit, pa.ChunkedArray):
            hit = hit.combine_chunks()
        out[i : i + len(part)] = hit.to_numpy(zero_copy_only=False)
    return out


# --------------------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------------------

TOPICS: tuple[str, ...] = (
    lx.GENERIC_TOPIC,
    *(t for t in lx.TOPIC_KEYWORDS if t != lx.GENERIC_TOPIC),
)
_T = {t: i for i, t in enumerate(TOPICS)}


def infer_topics(texts, agency_kinds=None) -> np.ndarray:
    """Guess each post's topic from keywords in its text.

    Parameters
    ----------
    texts : sequence of str
        Post texts (missing allowed).
    agency_kinds : sequence of str, optional
        Kind of the posting agency; its usual topic wins ties and is used
        when no keyword matches (``umum`` otherwise).

    Returns
    -------
    numpy.ndarray of str
        One topic id per post (see :data:`TOPICS`).
    """
    low = _arrow_lower(texts)
    n = len(low)
    scores = np.zeros((n, len(TOPICS)), dtype=float)
    for topic, words in lx.TOPIC_KEYWORDS.items():
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"
        count = pc.fill_null(pc.count_substring_regex(low, pattern), 0)
        scores[:, _T[topic]] = count.to_numpy(zero_copy_only=False)
    default = np.zeros(n, dtype=int)
    if agency_kinds is not None:
        kinds = pd.Series(agency_kinds, dtype=object).to_numpy()
        for kind, topic in lx.KIND_DEFAULT_TOPIC.items():
            default[kinds == kind] = _T[topic]
    bonus = np.zeros_like(scores)
    bonus[np.arange(n), default] = 0.5
    scores += bonus * (scores.max(axis=1, keepdims=True) > 0)
    best = scores.argmax(axis=1)
    best[scores.max(axis=1) <= 0] = default[scores.max(axis=1) <= 0]
    return np.asarray(TOPICS, dtype=object)[best]


# --------------------------------------------------------------------------------------
# Template bank: every template compiled into spelling variants and casings
# --------------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{(\w+)\}")
_SLANG_RE = re.compile(
    r"(?<![\w{])("
    + "|".join(re.escape(k) for k in sorted(lx.SLANG, key=len, reverse=True))
    + r")(?![\w}])"
)
_WORD_RE = re.compile(r"(?<![\w{@#])([a-z]{2,})(?![\w}])")
_N_VARIANTS = 7
_P_STANDARD = 0.55  # probability of the template's own spelling
_CASES = 3  # 0 lower, 1 as written, 2 upper


@dataclass(frozen=True)
class _Template:
    """One template: literal parts per (case, variant) and the slots between them."""

    lits: np.ndarray  # object (3, n_variants, n_slots + 1)
    slots: tuple[str, ...]

    @property
    def n_variants(self) -> int:
        return self.lits.shape[1]


def _spell_variant(text: str, rng: np.random.Generator, protect: frozenset[str]) -> str:
    p = rng.uniform(0.45, 0.95)

    def sub(m: re.Match) -> str:
        word = m.group(1)
        if word in protect or rng.random() > p:
            return word
        forms = lx.SLANG[word]
        return forms[int(rng.integers(len(forms)))]

    out = _SLANG_RE.sub(sub, text)
    if rng.random() < 0.35:
        words = [
            m
            for m in _WORD_RE.finditer(out)
            if m.group(1) in lx.ELONGATABLE and m.group(1) not in protect
        ]
        if words:
            m = words[int(rng.integers(len(words)))]
            w = m.group(1)
            w2 = w + w[-1] * int(rng.integers(2, 5))
            out = out[: m.start(1)] + w2 + out[m.end(1) :]
    return out


def _case(text: str, case: int) -> str:
    if case == 0:
        return text.lower()
    if case == 2:
        return text.upper()
    return text


def _compile(template: str, rng: np.random.Generator, protect=frozenset()) -> _Template:
    variants = [template]
    for _ in range(_N_VARIANTS * 3):
        if len(variants) >= _N_VARIANTS:
            break
        v = _spell_variant(template, rng, protect)
        if v not in variants:
            variants.append(v)
    slots = tuple(_SLOT_RE.findall(template))
    lits = np.empty((_CASES, len(variants), len(slots) + 1), dtype=object)
    for j, v in enumerate(variants):
        parts = _SLOT_RE.split(v)[0::2]
        for c in range(_CASES):
            # never re-case inside a slot name: parts exclude the slot names
            lits[c, j, :] = [_case(part, c) for part in parts]
    return _Template(lits, slots)


@dataclass(frozen=True)
class _Bank:
    pools: dict  # (group, key) -> list[_Template]


@lru_cache(maxsize=1)
def _bank() -> _Bank:
    """Compile every template once (fixed seed: the bank is part of the lexicon)."""
    rng = np.random.default_rng(20251001)
    pools: dict[tuple[str, str], list[_Template]] = {}
    for kind, by_topic in lx.TEMPLATES.items():
        for topic, templates in by_topic.items():
            pools[("body:" + kind, topic)] = [_compile(t, rng) for t in templates]
    for kind, items in lx.GREETINGS.items():
        pools[("greet", kind)] = [_compile(t, rng) for t in items]
    for kind, items in lx.CLOSERS.items():
        pools[("close", kind)] = [_compile(t, rng) for t in items]
    for kind, items in lx.TAILS.items():
        pools[("tail", kind)] = [_compile(t, rng) for t in items]
    for scenario, spec in lx.CRISES.items():
        protect = frozenset(spec["keywords"])
        pools[("crisis", scenario)] = [_compile(t, rng, protect) for t in spec["templates"]]
    for kind, items in lx.PII_CLAUSES.items():
        pools[("pii", kind)] = [_compile(t, rng) for t in items]
    pools[("hardneg", "")] = [_compile(t, rng) for t in lx.HARD_NEGATIVE_CLAUSES]
    return _Bank(pools)


# --------------------------------------------------------------------------------------
# The world: posts, accounts and agencies as arrays
# --------------------------------------------------------------------------------------


@dataclass
class _World:
    # posts (sorted by account, then time)
    p_acc: np.ndarray
    p_pub: np.ndarray  # int64 ns UTC
    p_topic: np.ndarray  # topic code
    p_id: np.ndarray  # object
    p_weight: np.ndarray
    acc_post_start: np.ndarray  # first post index of each account
    acc_post_count: np.ndarray
    # accounts
    a_platform: np.ndarray
    a_handle: np.ndarray
    a_agency: np.ndarray
    a_tz: np.ndarray  # hours east of UTC
    a_tzname: np.ndarray
    a_followers: np.ndarray
    # agencies
    g_id: np.ndarray
    g_kind: np.ndarray
    g_name: np.ndarray
    g_phone: np.ndarray  # object, None when missing
    g_email: np.ndarray
    g_cc: np.ndarray
    g_accounts: list  # account indices per agency
    start: int
    end: int


def _need(df: pd.DataFrame, name: str, cols: tuple[str, ...]) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise SchemaError(
            "schema.missing_columns", table=name, columns=", ".join(missing), source="generator"
        )


def _ns(values) -> np.ndarray:
    s = pd.to_datetime(pd.Series(values), utc=True)
    return (
        s.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy().astype("datetime64[ns]").view("i8")
    )


def _ts_ns(t) -> int:
    ts = pd.Timestamp(t)
    if ts.tzinfo is None:
        raise SchemaError("schema.naive_timestamp", table="comments", column="start/end")
    return int(ts.tz_convert("UTC").as_unit("ns").value)


def _opt_str(series: pd.Series | None, n: int) -> np.ndarray:
    if series is None:
        return np.full(n, None, dtype=object)
    out = series.astype(object).to_numpy()
    return np.array([v if isinstance(v, str) and v.strip() else None for v in out], dtype=object)


def _world(agencies, accounts, posts, rng, start, end) -> _World:
    _need(agencies, "agencies", ("agency_id",))
    _need(accounts, "accounts", ("platform", "account", "agency_id"))
    _need(posts, "posts", ("platform", "account", "post_id", "published_at"))

    ag = agencies.reset_index(drop=True)
    g_id = ag["agency_id"].astype(str).to_numpy(dtype=object)
    g_index = {a: i for i, a in enumerate(g_id)}
    n_g = len(ag)
    g_kind = _opt_str(ag.get("kind"), n_g)
    g_kind = np.array([k or "lembaga" for k in g_kind], dtype=object)
    short = _opt_str(ag.get("short_name"), n_g)
    full = _opt_str(ag.get("name"), n_g)
    g_name = np.array(
        [s or f or a for s, f, a in zip(short, full, g_id, strict=True)], dtype=object
    )
    g_phone = _opt_str(ag.get("official_phone"), n_g)
    g_email = _opt_str(ag.get("official_email"), n_g)
    cc_digits = rng.choice(np.arange(100, 1000), size=n_g, replace=n_g > 900)
    g_cc = np.array([f"1500{d}" for d in cc_digits], dtype=object)

    ac = accounts.reset_index(drop=True)
    n_a = len(ac)
    a_platform = ac["platform"].astype(str).to_numpy(dtype=object)
    a_handle = normalize_handles(ac["account"]).to_numpy(dtype=object)
    a_agency = np.array([g_index.get(str(a), -1) for a in ac["agency_id"]], dtype=int)
    if (a_agency < 0).any():
        bad = ac["agency_id"][a_agency < 0].iloc[0]
        raise SchemaError(
            "schema.bad_category",
            table="accounts",
            column="agency_id",
            value=bad,
            allowed=", ".join(g_id[:10]),
            source="generator",
        )
    tzname = _opt_str(ac.get("tz"), n_a)
    ag_tz = _opt_str(ag.get("tz"), n_g)
    a_tzname = np.array(
        [t or ag_tz[g] or "WIB" for t, g in zip(tzname, a_agency, strict=True)], dtype=object
    )
    a_tz = np.array([_TZ_HOURS.get(t, 7) for t in a_tzname], dtype=np.int64)
    if "followers" in ac.columns:
        fol = pd.to_numeric(ac["followers"], errors="coerce").astype(float).to_numpy()
        fol = np.where(np.isfinite(fol) & (fol > 0), fol, np.nan)
        med = np.nanmedian(fol) if np.isfinite(fol).any() else 5000.0
        a_followers = np.where(np.isfinite(fol), fol, med)
    else:
        a_followers = np.full(n_a, 5000.0)
    g_accounts = [np.flatnonzero(a_agency == g) for g in range(n_g)]

    acc_key = {(p, h): i for i, (p, h) in enumerate(zip(a_platform, a_handle, strict=True))}
    pp = posts.reset_index(drop=True)
    plat = pp["platform"].astype(str).to_numpy(dtype=object)
    hand = normalize_handles(pp["account"]).to_numpy(dtype=object)
    p_acc = np.array([acc_key.get((p, h), -1) for p, h in zip(plat, hand, strict=True)], dtype=int)
    if (p_acc < 0).any():
        i = int(np.flatnonzero(p_acc < 0)[0])
        raise SchemaError(
            "schema.bad_category",
            table="posts",
            column="account",
            value=f"{plat[i]}/{hand[i]}",
            allowed="accounts table",
            source="generator",
        )
    p_pub = _ns(pp["published_at"])
    p_id = pp["post_id"].astype(str).to_numpy(dtype=object)
    texts = pp["text"] if "text" in pp.columns else pd.Series([""] * len(pp))
    p_topic_names = infer_topics(texts, g_kind[a_agency[p_acc]] if len(pp) else [])
    p_topic = np.array([_T[t] for t in p_topic_names], dtype=int)

    # weight of each post in the comment budget
    if "comments" in pp.columns and pd.to_numeric(pp["comments"], errors="coerce").notna().any():
        c = pd.to_numeric(pp["comments"], errors="coerce").astype(float).to_numpy()
        c = np.where(np.isfinite(c), c, np.nanmedian(c))
        weight = c + 0.5
    else:
        weight = np.sqrt(a_followers[p_acc]) * rng.lognormal(0.0, 0.9, size=len(pp))
    start_ns, end_ns = _ts_ns(start), _ts_ns(end)
    weight = np.where(p_pub < end_ns, weight, 0.0)

    order = np.lexsort((p_pub, p_acc))
    p_acc, p_pub, p_topic, p_id, weight = (
        p_acc[order],
        p_pub[order],
        p_topic[order],
        p_id[order],
        weight[order],
    )
    acc_post_count = np.bincount(p_acc, minlength=n_a)
    acc_post_start = np.concatenate([[0], np.cumsum(acc_post_count)[:-1]])
    return _World(
        p_acc,
        p_pub,
        p_topic,
        p_id,
        weight,
        acc_post_start,
        acc_post_count,
        a_platform,
        a_handle,
        a_agency,
        a_tz,
        a_tzname,
        a_followers,
        g_id,
        g_kind,
        g_name,
        g_phone,
        g_email,
        g_cc,
        g_accounts,
        start_ns,
        end_ns,
    )


# --------------------------------------------------------------------------------------
# Skeletons: which post, when, which kind
# --------------------------------------------------------------------------------------


@dataclass
class _Rows:
    post: np.ndarray
    created: np.ndarray
    kind: np.ndarray  # kind code
    episode: np.ndarray  # -1 when none
    bot: np.ndarray  # bool
    text: np.ndarray  # object; None until rendered
    author: np.ndarray  # citizen index; -1 until assigned

    @staticmethod
    def concat(parts: list[_Rows]) -> _Rows:
        return _Rows(*(np.concatenate([getattr(p, f) for p in parts]) for f in _ROW_FIELDS))

    def __len__(self) -> int:
        return len(self.post)


_ROW_FIELDS = ("post", "created", "kind", "episode", "bot", "text", "author")


def _empty_rows(n: int = 0) -> _Rows:
    return _Rows(
        np.zeros(n, dtype=int),
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=int),
        np.full(n, -1, dtype=int),
        np.zeros(n, dtype=bool),
        np.full(n, None, dtype=object),
        np.full(n, -1, dtype=int),
    )


def _diurnal_push(t: np.ndarray, tz: np.ndarray, rng) -> np.ndarray:
    """Move most comments written between 00:00 and 05:59 local time to the morning."""
    local_h = ((t + tz * _H) // _H) % 24
    night = (local_h < 6) & (rng.random(len(t)) < 0.75)
    shift = (6 - local_h) * _H + (rng.random(len(t)) * 3 * _H).astype(np.int64)
    return np.where(night, t + shift, t)


def _baseline(w: _World, rng) -> _Rows:
    n_posts = len(w.p_acc)
    if n_posts == 0 or w.p_weight.sum() <= 0:
        return _empty_rows()
    target = COMMENTS_PER_POST * n_posts
    lam = target * w.p_weight / w.p_weight.sum()
    counts = rng.poisson(lam)
    post = np.repeat(np.arange(n_posts), counts)
    n = len(post)
    # delay after the post: minutes to days, decaying
    comp = rng.choice(4, size=n, p=(0.55, 0.30, 0.12, 0.03))
    scale = np.array([45 * _MIN, 6 * _H, 2 * _D, 0], dtype=float)[comp]
    delay = rng.exponential(1.0, size=n) * scale
    delay = np.where(comp == 3, rng.random(n) * 30 * _D, delay)
    created = w.p_pub[post] + _MIN // 2 + delay.astype(np.int64)
    created = _diurnal_push(created, w.a_tz[w.p_acc[post]], rng)
    late = created >= w.end
    if late.any():
        room = np.maximum(w.end - w.p_pub[post[late]], 2 * _MIN)
        created[late] = w.p_pub[post[late]] + (rng.random(late.sum()) * (room - _MIN)).astype(
            np.int64
        )
    # kinds by agency kind
    kinds = np.empty(n, dtype=int)
    agency = w.a_agency[w.p_acc[post]]
    u = rng.random(n)
    codes = np.array([_K[k] for k in _BASE_KINDS])
    for kind_name in sorted(set(w.g_kind)):
        sel = np.isin(agency, np.flatnonzero(w.g_kind == kind_name))
        mix = np.asarray(KIND_MIX.get(kind_name, KIND_MIX["default"]))
        cum = np.cumsum(mix / mix.sum())
        kinds[sel] = codes[np.minimum(np.searchsorted(cum, u[sel], side="right"), len(cum) - 1)]
    rows = _empty_rows(n)
    rows.post, rows.created, rows.kind = post, created, kinds
    return rows


# --------------------------------------------------------------------------------------
# The coordinated copy-paste ring
# --------------------------------------------------------------------------------------


def _bot_copy(base: str, rnd: random.Random) -> str:
    """A near-duplicate of ``base``: one to three small edits."""
    text = base
    for op in rnd.sample(range(6), rnd.randint(1, 3)):
        if op == 0:  # swap a phrase
            keys = [k for k in lx.BOT_SWAPS if k in text]
            if keys:
                k = rnd.choice(keys)
                text = text.replace(k, rnd.choice(lx.BOT_SWAPS[k]), 1)
        elif op == 1:  # emoji
            e = rnd.choice(lx.EMOJI)
            text = text + " " + e * rnd.randint(1, 3) if rnd.random() < 0.7 else e + " " + text
        elif op == 2:  # casing
            c = rnd.randrange(3)
            text = text.lower() if c == 0 else text.upper() if c == 1 else text.title()
        elif op == 3:  # punctuation
            text = text.rstrip("!.") + rnd.choice(("!!", "!!!", ".", "", "!!1"))
        elif op == 4:  # a typo: doubled or dropped letter
            idx = [i for i, ch in enumerate(text) if ch.isalpha()]
            if idx:
                i = rnd.choice(idx)
                if rnd.random() < 0.6:
                    text = text[:i] + text[i] * 2 + text[i + 1 :]
                else:
                    text = text[:i] + text[i + 1 :]
        else:  # spacing
            text = text.replace(" ", "  ", 1) if rnd.random() < 0.5 else text.replace(", ", " ", 1)
    return text.rstrip()


def _bot_ring(w: _World, rng, n_ring: int) -> _Rows:
    n_posts = len(w.p_acc)
    eligible = np.flatnonzero(w.acc_post_count >= 3)
    if n_posts == 0 or len(eligible) == 0:
        return _empty_rows()
    n_campaigns = max(6, round(n_posts / 1500))
    acc_w = w.acc_post_count[eligible].astype(float)
    posts_, times, authors, texts = [], [], [], []
    seen: set[str] = set()
    rnd = random.Random(int(rng.integers(2**62)))
    for _ in range(n_campaigns):
        acc = int(rng.choice(eligible, p=acc_w / acc_w.sum()))
        first = w.acc_post_start[acc]
        count = w.acc_post_count[acc]
        k = int(rng.integers(2, 6))
        j0 = first + int(rng.integers(0, max(1, count - k + 1)))
        targets = np.arange(j0, min(j0 + k, first + count))
        m = int(rng.integers(max(8, n_ring // 2), n_ring + 1))
        members = rng.choice(n_ring, size=m, replace=False)
        base = lx.BOT_MESSAGES[int(rng.integers(len(lx.BOT_MESSAGES)))]
        tag = lx.BOT_TAGS[int(rng.integers(len(lx.BOT_TAGS)))]
        base = base.format(agency=w.g_name[w.a_agency[acc]], tag=tag).strip()
        for post in targets:
            t0 = w.p_pub[post] + int(rnd.uniform(2, 90) * _MIN)
            win = rnd.uniform(5, 30) * _MIN
            for member in members:
                if rnd.random() > 0.85:
                    continue
                t = t0 + int(rnd.random() * win)
                if t >= w.end:
                    continue
                text = _bot_copy(base, rnd)
                tries = 0
                while text in seen and tries < 20:
                    text = _bot_copy(base, rnd)
                    tries += 1
                while text in seen:
                    text = text + " " + rnd.choice(lx.EMOJI)
                seen.add(text)
                posts_.append(post)
                times.append(t)
                authors.append(int(member))
                texts.append(text)
    n = len(posts_)
    rows = _empty_rows(n)
    rows.post = np.asarray(posts_, dtype=int)
    rows.created = np.asarray(times, dtype=np.int64)
    rows.kind[:] = _K["bot"]
    rows.bot[:] = True
    rows.text = np.asarray(texts, dtype=object)
    rows.author = np.asarray(authors, dtype=int)  # ring member index, remapped later
    return rows


# --------------------------------------------------------------------------------------
# Crisis episodes
# --------------------------------------------------------------------------------------


@dataclass
class _Episode:
    episode_id: str
    scenario: str
    agency: int
    account: int
    onset: int
    peak_design: int
    end: int
    service: str
    fee: int
    cause: str


def _business_morning(t: int, tz: int, rng) -> int:
    """Next working-day morning (07:00-08:30 local) at or after ``t``."""
    local = t + tz * _H
    day = np.datetime64(int(local // _D), "D")
    day = np.busday_offset(day, 1, roll="forward")
    minutes = int(rng.uniform(7 * 60, 8.5 * 60))
    return int(day.astype("datetime64[ns]").astype(np.int64)) + minutes * _MIN - tz * _H


def _plan_episodes(w: _World, base: _Rows, rng) -> list[_Episode]:
    n_acc = len(w.a_platform)
    acc_volume = np.bincount(w.p_acc[base.post], minlength=n_acc).astype(float)
    used_agencies: set[int] = set()
    onsets: list[int] = []
    episodes: list[_Episode] = []
    lo, hi = w.start + 20 * _D, w.end - 25 * _D
    for number, (scenario, spec) in enumerate(lx.CRISES.items(), start=1):
        # candidate agencies: the best-suited kind present, not already in crisis
        agency = -1
        for kind in (*spec["kinds"], None):
            cands = [
                g
                for g in range(len(w.g_id))
                if (kind is None or w.g_kind[g] == kind)
                and g not in used_agencies
                and acc_volume[w.g_accounts[g]].sum() > 0
            ]
            if cands:
                vol = np.array([acc_volume[w.g_accounts[g]].sum() for g in cands])
                agency = int(rng.choice(cands, p=vol / vol.sum()))
                break
        if agency < 0:
            continue
        accs = w.g_accounts[agency]
        accs = accs[acc_volume[accs] > 0]
        vol = acc_volume[accs] ** 2
        account = int(rng.choice(accs, p=vol / vol.sum()))
        first, count = w.acc_post_start[account], w.acc_post_count[account]
        pub = w.p_pub[first : first + count]
        ok = (pub > lo) & (pub < hi)
        for o in onsets:
            ok &= np.abs(pub - o) > 21 * _D
        if not ok.any():
            ok = (pub > w.start + 3 * _D) & (pub < w.end - 8 * _D)
        if not ok.any():
            continue
        p = pub[int(rng.choice(np.flatnonzero(ok)))]
        if scenario == "queue_outage":
            onset = _business_morning(p + _H, int(w.a_tz[account]), rng)
        else:
            onset = int(p + rng.uniform(1, 20) * _H)
        onset = onset // _MIN * _MIN
        rise = rng.uniform(*spec["rise_hours"]) * _H
        end = int(onset + rng.uniform(*spec["duration_days"]) * _D) // _MIN * _MIN
        end = min(end, w.end - _H)
        kind = w.g_kind[agency]
        service, fee = "", 0
        if "services" in spec:
            opts = spec["services"].get(kind, spec["services"]["_"])
            service = opts[int(rng.integers(len(opts)))]
            fee = int(spec["fees"][int(rng.integers(len(spec["fees"])))])
        cause = spec["cause"].format(
            agency=w.g_name[agency], svc=service, fee=_fmt_money(fee, 0) if fee else ""
        )
        episodes.append(
            _Episode(
                f"EP{number:02d}",
                scenario,
                agency,
                account,
                onset,
                int(onset + rise),
                end,
                service,
                fee,
                cause,
            )
        )
        used_agencies.add(agency)
        onsets.append(onset)
    return episodes


def _intensity(onset: int, end: int, rise: float, half_life: float, tz: int):
    """Minute grid of an episode and its comment intensity (rise, peak, decay, day rhythm)."""
    grid = np.arange(onset, end, _MIN, dtype=np.int64)
    x = (grid - onset).astype(float)
    ramp = np.clip(x / rise, 0, 1) ** 1.5
    decay = np.exp(-np.maximum(x - rise, 0) * np.log(2) / half_life)
    local_h = ((grid + tz * _H) // _H) % 24
    diurnal = np.select([local_h < 5, local_h < 7, local_h == 23], [0.12, 0.6, 0.5], 1.0)
    return grid, np.maximum(ramp, 0.02) * decay * diurnal


def _peak_fraction(grid: np.ndarray, weight: np.ndarray, width: int, tz: int) -> float:
    """Largest share of the episode's intensity in one hour or local day (``width`` ns)."""
    if len(grid) == 0:
        return 1.0
    bins = (grid + tz * _H) // width
    sums = np.bincount(bins - bins.min(), weights=weight)
    return float(sums.max() / weight.sum())


def _sample_times(grid: np.ndarray, weight: np.ndarray, n: int, rng) -> np.ndarray:
    if len(grid) == 0 or n <= 0:
        return np.zeros(0, dtype=np.int64)
    cdf = np.cumsum(weight)
    idx = np.searchsorted(cdf, rng.random(n) * cdf[-1])
    return grid[idx] + (rng.random(n) * _MIN).astype(np.int64)


def _busiest(times: np.ndarray, width: int, tz: int) -> int:
    if len(times) == 0:
        return 0
    return int(np.unique((times + tz * _H) // width, return_counts=True)[1].max())


def _episode_rows(w: _World, base: _Rows, episodes: list[_Episode], rng) -> _Rows:
    """Comments of each episode: on the account in crisis and, fewer, on its siblings.

    The episode is sized so that its busiest hour and day are at least
    :data:`EPISODE_MARGIN` times the account's busiest baseline hour and day,
    and at least 25 days' worth of the account's usual comments.
    """
    parts = []
    days = max((w.end - w.start) / _D, 1.0)
    base_acc = w.p_acc[base.post]
    for e_idx, ep in enumerate(episodes):
        spec = lx.CRISES[ep.scenario]
        half = rng.uniform(*spec["half_life_hours"]) * _H
        rise = float(ep.peak_design - ep.onset)
        tz = int(w.a_tz[ep.account])
        grid, weight = _intensity(ep.onset, ep.end, rise, half, tz)
        own = base.created[base_acc == ep.account]
        n_main = max(
            300,
            25 * len(own) / days,
            EPISODE_MARGIN * _busiest(own, _H, tz) / _peak_fraction(grid, weight, _H, tz),
            EPISODE_MARGIN * _busiest(own, _D, tz) / _peak_fraction(grid, weight, _D, tz),
        )
        n_main = int(n_main)
        targets = [(ep.account, n_main, 0)]
        for other in w.g_accounts[ep.agency]:
            if other != ep.account and w.acc_post_count[other] > 0:
                n_sp = int(n_main * 0.15 * rng.uniform(0.5, 1.5))
                targets.append((int(other), n_sp, int(rng.uniform(1, 4) * _H)))
        for acc, n, lag in targets:
            g, wt = (
                (grid, weight)
                if lag == 0
                else _intensity(ep.onset + lag, ep.end, rise, half, int(w.a_tz[acc]))
            )
            t = _sample_times(g, wt, n, rng)
            first, count = w.acc_post_start[acc], w.acc_post_count[acc]
            pub = w.p_pub[first : first + count]
            j = np.searchsorted(pub, t - _MIN, side="right") - 1
            back = np.where(rng.random(len(t)) < 0.25, rng.integers(1, 4, len(t)), 0)
            j = np.where(j - back >= 0, j - back, j)
            keep = j >= 0
            rows = _empty_rows(int(keep.sum()))
            rows.post = first + j[keep]
            rows.created = t[keep]
            rows.kind[:] = _K["crisis"]
            rows.episode[:] = e_idx
            parts.append(rows)
    return _Rows.concat(parts) if parts else _empty_rows()


# --------------------------------------------------------------------------------------
# Citizens
# --------------------------------------------------------------------------------------


def _pick(rng, options, n) -> np.ndarray:
    arr = np.asarray(options, dtype=object)
    return arr[rng.integers(0, len(arr), size=n)]


def _digits(rng, n, lo, hi) -> np.ndarray:
    return rng.integers(lo, hi, size=n).astype(str).astype(object)


def _make_handles(n: int, rng, taken: set[str]) -> np.ndarray:
    """``n`` unique fictional handles ("rina_ayu88", "bunda.kevin", "kopi_senja21")."""
    if n == 0:
        return np.zeros(0, dtype=object)
    pattern = rng.choice(8, size=n, p=(0.2, 0.14, 0.14, 0.1, 0.06, 0.12, 0.12, 0.12))
    handles = np.empty(n, dtype=object)
    for k in range(8):
        sel = np.flatnonzero(pattern == k)
        m = len(sel)
        given = _pick(rng, lx.GIVEN_NAMES, m)
        sep = _pick(rng, ("_", ".", "", "", "_"), m)
        if k == 0:
            v = given + sep + _pick(rng, lx.GIVEN_NAMES, m) + _digits(rng, m, 1, 100)
        elif k == 1:
            v = _pick(rng, lx.HANDLE_PREFIXES, m) + sep + given
        elif k == 2:
            v = given + _pick(rng, lx.HANDLE_WORDS, m) + _digits(rng, m, 1, 2000)
        elif k == 3:
            v = _pick(rng, lx.HANDLE_WORDS, m) + sep + given
        elif k == 4:
            v = given + _pick(rng, ("ii", "aa", "yy", "uu"), m) + _pick(rng, ("_", "__", "."), m)
        elif k == 5:
            v = given + "." + _pick(rng, list("abcdefghijklmnoprstwy"), m)
            v = v + _digits(rng, m, 1975, 2009)
        elif k == 6:
            v = given + _pick(rng, lx.GIVEN_NAMES, m) + _digits(rng, m, 100, 1000)
        else:
            v = _pick(rng, ("its", "real", "the", "im"), m) + given + _digits(rng, m, 1, 100)
        handles[sel] = v
    handles = np.array([h.strip("._") or "warga" for h in handles], dtype=object)
    return _unique_handles(handles, rng, taken)


def _unique_handles(handles: np.ndarray, rng, taken: set[str]) -> np.ndarray:
    """Append digits to handles that repeat one another or a taken handle."""
    taken_arr = np.asarray(sorted(taken), dtype=object)
    for _ in range(50):
        s = pd.Series(handles, dtype=object)
        bad = s.duplicated(keep="first").to_numpy() | s.isin(taken_arr).to_numpy()
        if not bad.any():
            return handles
        handles[bad] = handles[bad] + _digits(rng, int(bad.sum()), 0, 10)
    raise RuntimeError("could not make handles unique")  # pragma: no cover


def _ring_handles(n: int, rng, taken: set[str]) -> np.ndarray:
    """Sock-puppet handles of the bot ring ("dewi_lestari8821")."""
    g = _pick(rng, lx.GIVEN_NAMES, n)
    s = _pick(rng, lx.BOT_SURNAMES, n)
    form = rng.integers(0, 3, size=n)
    a = g + "_" + s + _digits(rng, n, 1000, 10000)
    b = g + s + _digits(rng, n, 10, 100)
    c = s + "." + g + _digits(rng, n, 100, 1000)
    handles = np.where(form == 0, a, np.where(form == 1, b, c))
    return _unique_handles(handles.astype(object), rng, taken)


@dataclass
class _Population:
    handles: np.ndarray
    pool_start: np.ndarray  # per agency
    pool_size: np.ndarray
    roam_start: int
    roam_size: int
    ring_start: int
    ring_size: int


def _power_index(rng, n: int, size: np.ndarray) -> np.ndarray:
    """Index in [0, size) with power-law activity (a few very active citizens)."""
    return np.minimum((size * rng.random(n) ** 2.5).astype(np.int64), size - 1)


def _population(w: _World, rows: _Rows, n_ring: int, rng) -> _Population:
    n_g = len(w.g_id)
    agency = w.a_agency[w.p_acc[rows.post]]
    per_agency = np.bincount(agency[~rows.bot], minlength=n_g)
    pool_size = np.maximum(40, np.ceil(per_agency / 7.0)).astype(np.int64)
    roam_size = int(max(200, np.ceil(len(rows) * 0.12 / 5.0)))
    pool_start = np.concatenate([[0], np.cumsum(pool_size)[:-1]]).astype(np.int64)
    roam_start = int(pool_size.sum())
    ring_start = roam_start + roam_size
    taken = set(w.a_handle)
    citizens = _make_handles(ring_start, rng, taken)
    ring = _ring_handles(n_ring, rng, taken)
    handles = _unique_handles(np.concatenate([citizens, ring]), rng, taken)
    return _Population(
        handles,
        pool_start,
        pool_size,
        roam_start,
        roam_size,
        ring_start,
        n_ring,
    )


def _assign_authors(w: _World, rows: _Rows, pop: _Population, rng) -> None:
    n = len(rows)
    agency = w.a_agency[w.p_acc[rows.post]]
    p_roam = np.where(rows.episode >= 0, 0.4, 0.12)
    roam = rng.random(n) < p_roam
    local = pop.pool_start[agency] + _power_index(rng, n, pop.pool_size[agency])
    roaming = pop.roam_start + _power_index(rng, n, np.full(n, pop.roam_size))
    author = np.where(roam, roaming, local)
    author = np.where(rows.bot, pop.ring_start + rows.author, author)
    rows.author = author


# --------------------------------------------------------------------------------------
# Raw slot values: money, times, dates, codes, official contacts
# --------------------------------------------------------------------------------------


def _dots(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _fmt_money(amount: int, f: int) -> str:
    k = amount // 1000
    m = amount / 1_000_000
    mtxt = (f"{m:.1f}".rstrip("0").rstrip(".")).replace(".", ",")
    if f == 0:
        return f"Rp {_dots(amount)}"
    if f == 1:
        return f"Rp{_dots(amount)}"
    if f == 2:
        return f"Rp {_dots(amount)},-"
    if f == 3:
        return f"rp {_dots(amount)}"
    if f == 4:
        return f"{k}rb" if amount < 1_000_000 else f"{mtxt} juta"
    if f == 5:
        return f"{k} ribu" if amount < 1_000_000 else f"{mtxt}jt"
    if f == 6:
        return f"Rp{k}rb" if amount < 1_000_000 else f"Rp{mtxt} juta"
    return _dots(amount)


_MONEY_FORMATS = 8


def _fmt_clock(h: int, m: int, f: int, tz: str) -> str:
    if f == 0:
        return f"{h:02d}:{m:02d}"
    if f == 1:
        return f"{h:02d}.{m:02d}"
    if f == 2:
        return f"jam {h}" if m == 0 else f"jam {h}.{m:02d}"
    if f == 3:
        return f"pukul {h:02d}.{m:02d}"
    return f"{h:02d}.{m:02d} {tz}"


def _fmt_date(d: datetime, f: int) -> str:
    if f == 0:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if f == 1:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if f == 2:
        return f"{d.day} {lx.MONTHS_ID[d.month - 1]} {d.year}"
    if f == 3:
        return f"{d.day} {lx.MONTHS_SHORT_ID[d.month - 1]}"
    if f == 4:
        return f"{lx.DAYS_ID[d.weekday()]} ({d.day}/{d.month})"
    return f"{d.day}/{d.month}"


def _fmt_cc(cc: str, f: int) -> str:
    return (f"{cc[:4]}-{cc[4:]}", f"{cc[:4]} {cc[4:]}", cc)[f]


_ALNUM = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))


class _Slots:
    """Fills a template's slots for a set of comment rows."""

    def __init__(self, w: _World, rows: _Rows, episodes: list[_Episode], rng) -> None:
        self.w, self.rows, self.episodes, self.rng = w, rows, episodes, rng
        self.acc = w.p_acc[rows.post]
        self.agency = w.a_agency[self.acc]
        self.topic = w.p_topic[rows.post]
        # word-slot tables: [case, index]
        self.topic_tables: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for slot in ("svc", "place", "issue", "good"):
            words, offsets, sizes = [], [], []
            for topic in TOPICS:
                vocab = lx.TOPIC_VOCAB.get(topic, {}).get(slot) or lx.TOPIC_VOCAB["umum"][slot]
                offsets.append(len(words))
                sizes.append(len(vocab))
                words.extend(vocab)
            self.topic_tables[slot] = (
                _cased(words),
                np.asarray(offsets, dtype=np.int64),
                np.asarray(sizes, dtype=np.int64),
            )
        self.global_tables = {k: _cased(v) for k, v in lx.GLOBAL_VOCAB.items()}
        kel = [
            (f"{kind} " if kind else "") + pre + suf
            for kind in lx.PLACE_KINDS
            for pre in lx.PLACE_PREFIXES
            for suf in lx.PLACE_SUFFIXES
        ]
        self.global_tables["kel"] = _cased(kel)
        self.agency_table = _cased(list(w.g_name))
        self.ep_service = _cased([e.service or "layanan" for e in episodes] or ["layanan"])

    def fill(self, slot: str, idx: np.ndarray, case: np.ndarray) -> np.ndarray:
        rng = self.rng
        n = len(idx)
        if slot in self.topic_tables:
            table, offsets, sizes = self.topic_tables[slot]
            t = self.topic[idx]
            j = offsets[t] + (rng.random(n) * sizes[t]).astype(np.int64)
            return table[case, j]
        if slot in self.global_tables:
            table = self.global_tables[slot]
            return table[case, rng.integers(0, table.shape[1], size=n)]
        if slot == "agency":
            return self.agency_table[case, self.agency[idx]]
        if slot == "epsvc":
            return self.ep_service[case, np.maximum(self.rows.episode[idx], 0)]
        return self.raw(slot, idx)

    def raw(self, slot: str, idx: np.ndarray) -> np.ndarray:
        rng, w = self.rng, self.w
        n = len(idx)
        if slot == "money":
            amounts = _pick(rng, lx.MONEY_AMOUNTS, n)
            forms = rng.integers(0, _MONEY_FORMATS, size=n)
            return np.array(
                [_fmt_money(int(a), int(f)) for a, f in zip(amounts, forms, strict=True)], object
            )
        if slot == "fee":
            fees = [self.episodes[e].fee if e >= 0 else 350_000 for e in self.rows.episode[idx]]
            forms = rng.integers(0, _MONEY_FORMATS, size=n)
            return np.array(
                [_fmt_money(a, int(f)) for a, f in zip(fees, forms, strict=True)], object
            )
        if slot in ("clock", "clock2"):
            lo, hi = (7, 12) if slot == "clock" else (13, 17)
            hours = rng.integers(lo, hi, size=n)
            mins = _pick(rng, (0, 0, 15, 30, 45), n)
            forms = rng.integers(0, 5, size=n)
            tz = w.a_tzname[self.acc[idx]]
            return np.array(
                [
                    _fmt_clock(int(h), int(m), int(f), z)
                    for h, m, f, z in zip(hours, mins, forms, tz, strict=True)
                ],
                object,
            )
        if slot == "date":
            base = self.rows.created[idx] + w.a_tz[self.acc[idx]] * _H
            days = base // _D + rng.integers(-10, 31, size=n)
            forms = rng.integers(0, 6, size=n)
            epoch = datetime(1970, 1, 1, tzinfo=UTC)
            return np.array(
                [
                    _fmt_date(epoch + timedelta(days=int(d)), int(f))
                    for d, f in zip(days, forms, strict=True)
                ],
                object,
            )
        if slot == "queue":
            letters = _pick(rng, tuple("ABCDEF"), n)
            nums = rng.integers(1, 400, size=n)
            forms = rng.integers(0, 4, size=n)
            return np.array(
                [
                    (f"{a}-{x:03d}", f"{a}{x:03d}", f"{a} {x:03d}", f"{x}")[f]
                    for a, x, f in zip(letters, nums, forms, strict=True)
                ],
                object,
            )
        if slot == "booking":
            codes = _ALNUM[rng.integers(0, len(_ALNUM), size=(n, 6))]
            nums = rng.integers(1_000_000, 9_999_999, size=n)
            forms = rng.integers(0, 2, size=n)
            return np.array(
                [
                    "".join(c) if f == 0 else f"BKG-{x}"
                    for c, x, f in zip(codes, nums, forms, strict=True)
                ],
                object,
            )
        if slot == "regno":
            base = (self.rows.created[idx] + w.a_tz[self.acc[idx]] * _H) // _D
            seq = rng.integers(1, 99_999, size=n)
            epoch = datetime(1970, 1, 1, tzinfo=UTC)
            out = []
            for d, s in zip(base, seq, strict=True):
                day = epoch + timedelta(days=int(d))
                out.append(f"{day.year}{day.month:02d}{day.day:02d}{s:05d}")
            return np.array(out, object)
        if slot == "ticket":
            nums = rng.integers(10_000, 999_999, size=n)
            forms = rng.integers(0, 2, size=n)
            return np.array(
                [
                    f"#{x:06d}" if f == 0 else f"TKT-{x:06d}"
                    for x, f in zip(nums, forms, strict=True)
                ],
                object,
            )
        if slot == "cc":
            forms = rng.integers(0, 3, size=n)
            return np.array(
                [_fmt_cc(w.g_cc[g], int(f)) for g, f in zip(self.agency[idx], forms, strict=True)],
                object,
            )
        if slot == "emg":
            return _pick(rng, lx.EMERGENCY_NUMBERS, n)
        if slot == "offphone":
            g = self.agency[idx]
            return np.array([w.g_phone[a] or _fmt_cc(w.g_cc[a], 0) for a in g], dtype=object)
        if slot == "offemail":
            g = self.agency[idx]
            return np.array(
                [w.g_email[a] or w.g_phone[a] or _fmt_cc(w.g_cc[a], 1) for a in g], dtype=object
            )
        if slot == "offhandle":
            out = []
            for a, u in zip(self.agency[idx], rng.random(n), strict=True):
                accs = w.g_accounts[a]
                out.append("@" + w.a_handle[accs[int(u * len(accs))]])
            return np.asarray(out, dtype=object)
        raise KeyError(f"unknown template slot {slot!r}")


def _cased(words) -> np.ndarray:
    table = np.empty((_CASES, len(words)), dtype=object)
    for c in range(_CASES):
        table[c, :] = [_case(wd, c) for wd in words]
    return table


def _render(
    pool: list[_Template],
    idx: np.ndarray,
    case: np.ndarray,
    slots: _Slots,
    rng,
    choice: np.ndarray | None = None,
) -> np.ndarray:
    """Render one template of ``pool`` for each row in ``idx``."""
    n = len(idx)
    out = np.empty(n, dtype=object)
    if n == 0:
        return out
    if choice is None:
        choice = rng.integers(0, len(pool), size=n)
    u = rng.random(n)
    order = np.argsort(choice, kind="stable")
    bounds = np.flatnonzero(np.diff(choice[order])) + 1
    for group in np.split(order, bounds):
        tpl = pool[int(choice[group[0]])]
        nv = tpl.n_variants
        ug = u[group]
        v = np.where(
            ug < _P_STANDARD,
            0,
            1 + ((ug - _P_STANDARD) / (1 - _P_STANDARD) * (nv - 1)).astype(int),
        )
        v = np.minimum(v, nv - 1)
        cg = case[group]
        text = tpl.lits[cg, v, 0]
        for k, slot in enumerate(tpl.slots, start=1):
            text = text + slots.fill(slot, idx[group], cg) + tpl.lits[cg, v, k]
        out[group] = text
    return out


# --------------------------------------------------------------------------------------
# Texts of the non-bot comments
# --------------------------------------------------------------------------------------

_REACTION_NEUTRAL = {"hadir", "nyimak", "siap", "ok", "setuju", "sip", "aamiin"}


def _texts(w: _World, rows: _Rows, episodes: list[_Episode], rng) -> None:
    bank = _bank().pools
    slots = _Slots(w, rows, episodes, rng)
    todo = np.flatnonzero(~rows.bot)
    n = len(rows)
    # stock reactions (exact duplicates on purpose)
    kind = rows.kind
    can_react = np.isin(kind, [_K["praise"], _K["neutral"]]) & (rows.episode < 0)
    react_p = REACTION_SHARE / can_react.mean() if can_react.any() else 0.0
    react = can_react & (rng.random(n) < react_p)
    react_text = _pick(rng, lx.REACTIONS, n)
    rows.text[react] = react_text[react]
    kind[react] = np.where(
        np.isin(react_text[react], list(_REACTION_NEUTRAL)), _K["neutral"], _K["praise"]
    )
    todo = todo[~react[todo]]

    # casing per row: 0 lower, 1 as written (first letter capitalised), 2 upper
    loud = np.isin(kind, [_K["complaint"], _K["crisis"], _K["troll"]])
    u = rng.random(n)
    case = np.where(u < 0.62, 0, 1)
    case = np.where(loud & (u > 0.9), 2, case)

    parts = np.full(n, "", dtype=object)
    for kname in KINDS:
        if kname == "bot":
            continue
        sel = todo[kind[todo] == _K[kname]]
        if len(sel) == 0:
            continue
        greet_p = {"question": 0.75, "complaint": 0.6, "crisis": 0.55}.get(kname, 0.35)
        g = sel[rng.random(len(sel)) < greet_p]
        parts[g] = _render(bank[("greet", kname)], g, case[g], slots, rng)
        body = np.full(len(sel), "", dtype=object)
        if kname == "crisis":
            ep_scen = np.array([episodes[e].scenario for e in rows.episode[sel]], dtype=object)
            for scen in lx.CRISES:
                m = ep_scen == scen
                if m.any():
                    body[m] = _render(bank[("crisis", scen)], sel[m], case[sel[m]], slots, rng)
        else:
            topic = w.p_topic[rows.post[sel]]
            pending = np.ones(len(sel), dtype=bool)
            on_topic = rng.random(len(sel)) < 0.7
            for t_code, t_name in enumerate(TOPICS):
                key = ("body:" + kname, t_name)
                if t_name == lx.GENERIC_TOPIC or key not in bank:
                    continue
                m = (topic == t_code) & on_topic
                if m.any():
                    body[m] = _render(bank[key], sel[m], case[sel[m]], slots, rng)
                    pending &= ~m
            m = pending
            body[m] = _render(bank[("body:" + kname, "umum")], sel[m], case[sel[m]], slots, rng)
        parts[sel] = parts[sel] + body
        # a second sentence for some questions, complaints and crisis comments
        second_p = {"question": 0.2, "complaint": 0.35, "crisis": 0.3, "praise": 0.12}.get(kname, 0)
        s2 = sel[rng.random(len(sel)) < second_p]
        if len(s2):
            if kname == "crisis":
                second = np.full(len(s2), "", dtype=object)
                scen2 = np.array([episodes[e].scenario for e in rows.episode[s2]], dtype=object)
                for scen in lx.CRISES:
                    m = scen2 == scen
                    if m.any():
                        second[m] = _render(bank[("crisis", scen)], s2[m], case[s2[m]], slots, rng)
            else:
                src = "question" if kname in ("complaint", "question") else kname
                second = _render(bank[("body:" + src, "umum")], s2, case[s2], slots, rng)
                if src == "question":
                    second = second + _pick(rng, ("?", "?", "", "??"), len(s2))
            parts[s2] = parts[s2] + _pick(rng, lx.SEPARATORS, len(s2)) + second
        # a tail: where the writer is from, who else is concerned, a wish
        tail_p = {"neutral": 0.55, "praise": 0.55, "troll": 0.4, "hoax": 0.4}.get(kname, 0.4)
        short = np.fromiter((len(t) < 45 for t in parts[sel]), dtype=bool, count=len(sel))
        tl = sel[rng.random(len(sel)) < np.where(short, 0.8, tail_p)]
        if len(tl):
            tail = _render(bank[("tail", kname)], tl, case[tl], slots, rng)
            seps = ("? ", "? ", "?? ", ", ") if kname == "question" else (", ", ". ", " - ", ", ")
            parts[tl] = parts[tl] + _pick(rng, seps, len(tl)) + tail
        close_p = {"neutral": 0.5, "praise": 0.7, "troll": 0.5}.get(kname, 0.85)
        c = sel[rng.random(len(sel)) < close_p]
        parts[c] = parts[c] + _render(bank[("close", kname)], c, case[c], slots, rng)

    # hard negatives: an extra clause with contacts, numbers or codes
    hn_ok = todo[
        np.isin(kind[todo], [_K[k] for k in ("question", "complaint", "neutral", "crisis")])
    ]
    hn = hn_ok[rng.random(len(hn_ok)) < HARD_NEGATIVE_SHARE * len(todo) / max(len(hn_ok), 1)]
    if len(hn):
        clause = _render(bank[("hardneg", "")], hn, case[hn] % 2, slots, rng)
        parts[hn] = parts[hn] + _pick(rng, (". ", ", ", " - ", ". "), len(hn)) + clause

    # emoji now and then: one to three, sometimes two different ones
    e = todo[rng.random(len(todo)) < 0.25]
    k = rng.integers(1, 4, size=len(e))
    first = _pick(rng, lx.EMOJI, len(e))
    second = np.where(rng.random(len(e)) < 0.3, _pick(rng, lx.EMOJI, len(e)), "")
    sep = _pick(rng, (" ", " ", ""), len(e))
    parts[e] = parts[e] + sep + first * k + second

    # typing slips (never in crisis comments: their keywords stay intact)
    slips = todo[(rng.random(len(todo)) < TYPO_SHARE) & (kind[todo] != _K["crisis"])]
    u = rng.random((len(slips), 3))
    parts[slips] = [
        _typo(t, a, b, c) for t, (a, b, c) in zip(parts[slips], u.tolist(), strict=True)
    ]

    # first letter capitalised for the "as written" rows
    cap = todo[case[todo] == 1]
    parts[cap] = np.array([s[:1].upper() + s[1:] for s in parts[cap]], dtype=object)
    rows.text[todo] = parts[todo]


_TYPO_WORD = re.compile(r"(?<![\w@./#-])([A-Za-z]{4,})(?![\w@./-])")


def _typo(text: str, u_word: float, u_pos: float, u_op: float) -> str:
    """One typing slip in a word: two letters swapped, a letter dropped or doubled.

    ``u_word``, ``u_pos`` and ``u_op`` (uniform in [0, 1)) pick the word, the
    position in it and the kind of slip.
    """
    words = list(_TYPO_WORD.finditer(text))
    if not words:
        return text
    m = words[int(u_word * len(words))]
    w = m.group(1)
    i = 1 + int(u_pos * (len(w) - 2))
    op = int(u_op * 3)
    if op == 0:
        w2 = w[: i - 1] + w[i] + w[i - 1] + w[i + 1 :]
    elif op == 1:
        w2 = w[:i] + w[i + 1 :]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return text[: m.start(1)] + w2 + text[m.end(1) :]


# --------------------------------------------------------------------------------------
# Personal data (fake)
# --------------------------------------------------------------------------------------

_NIK_PROVINCES = ("10", "20", "30", "40", "50", "60", "70", "80", "90")  # unassigned codes


def _fake_niks(rng, n: int) -> list[str]:
    """NIK-shaped numbers (16 digits), written plain or in groups.

    The province code (first two digits) is one no Indonesian province uses, so
    no value can be a real person's NIK; the rest follows the NIK layout
    (regency, district, day of birth + 40 for women, month, year, sequence).
    """
    prov = _pick(rng, _NIK_PROVINCES, n)
    kab, kec = rng.integers(1, 80, n), rng.integers(1, 31, n)
    day = rng.integers(1, 29, n) + np.where(rng.random(n) < 0.5, 40, 0)
    month, year, seq = rng.integers(1, 13, n), rng.integers(0, 100, n), rng.integers(1, 1000, n)
    form = rng.choice(5, size=n, p=(0.5, 0.2, 0.1, 0.1, 0.1))
    out = []
    for p, a, b, d, m, y, q, f in zip(prov, kab, kec, day, month, year, seq, form, strict=True):
        digits = f"{p}{a:02d}{b:02d}{d:02d}{m:02d}{y:02d}{q:04d}"
        if f == 1:
            digits = " ".join(digits[i : i + 4] for i in range(0, 16, 4))
        elif f == 2:
            digits = f"{digits[:6]} {digits[6:12]} {digits[12:]}"
        elif f == 3:
            digits = "-".join(digits[i : i + 4] for i in range(0, 16, 4))
        elif f == 4:
            digits = ".".join(digits[i : i + 4] for i in range(0, 16, 4))
        out.append(digits)
    return out


def _group(s: str) -> list[str]:
    """Split the digits after the 4-digit prefix into two groups (3-4, 4-4 or 4-5)."""
    if len(s) <= 5:
        return [s]
    if len(s) == 7:
        return [s[:3], s[3:]]
    return [s[:4], s[4:]]


def _fake_phones(rng, n: int) -> list[str]:
    """Indonesian mobile numbers (random digits) in the many ways people write them."""
    prefix = _pick(rng, lx.MOBILE_PREFIXES, n)
    length = _pick(rng, (7, 8, 8, 8, 9), n)
    digits = rng.integers(0, 10, size=(n, 9))
    digits[:, 0] = rng.integers(1, 10, size=n)  # never the unallocated 0000 block
    form = rng.integers(0, 10, size=n)
    out = []
    for p, k, d, f in zip(prefix, length, digits, form, strict=True):
        national = "0" + p + "".join(map(str, d[:k]))
        rest = _group(national[4:])
        if f == 0:
            v = national
        elif f == 1:
            v = "-".join([national[:4], *rest])
        elif f == 2:
            v = " ".join([national[:4], *rest])
        elif f == 3:
            v = ".".join([national[:4], *rest])
        elif f == 4:
            v = "+62 " + "-".join([national[1:4], *rest])
        elif f == 5:
            v = "+62" + national[1:]
        elif f == 6:
            v = "62-" + "-".join([national[1:4], *rest])
        elif f == 7:
            v = "62" + national[1:]
        elif f == 8:
            v = f"({national[:4]}) " + "-".join(rest)
        else:
            v = "+62 " + " ".join([national[1:4], *rest])
        out.append(v)
    return out


def _fake_emails(rng, n: int) -> list[str]:
    """Citizens' e-mail addresses at webmail domains (fictional local parts)."""
    first = _pick(rng, lx.GIVEN_NAMES, n)
    second = _pick(rng, lx.GIVEN_NAMES + lx.HANDLE_WORDS, n)
    sep = _pick(rng, ("", ".", "_", ""), n)
    numk = rng.integers(0, 3, size=n)
    num = np.where(
        numk == 0, "", np.where(numk == 1, rng.integers(1, 100, n), rng.integers(1975, 2008, n))
    ).astype(str)
    domain = _pick(rng, lx.EMAIL_DOMAINS, n)
    return [
        f"{a}{s}{b}{x}@{d}" for a, s, b, x, d in zip(first, sep, second, num, domain, strict=True)
    ]


_PII_TYPES = ("phone", "nik", "email", "handle")
_PII_P = (0.36, 0.24, 0.15, 0.25)
_PII_KIND_WEIGHT = {
    "question": 2.0,
    "complaint": 2.0,
    "crisis": 1.5,
    "hoax": 0.8,
    "neutral": 0.5,
    "praise": 0.4,
    "troll": 0.3,
}


def _plant_pii(rows: _Rows, pop: _Population, w: _World, rng) -> tuple[np.ndarray, np.ndarray]:
    """Write fake personal data into about :data:`PII_SHARE` of the comments.

    Returns the aligned '|'-separated types and exact values per row ('' when none).
    """
    n = len(rows)
    pii = np.full(n, "", dtype=object)
    values = np.full(n, "", dtype=object)
    weight = np.zeros(n)
    for k, wt in _PII_KIND_WEIGHT.items():
        weight[rows.kind == _K[k]] = wt
    weight[rows.bot] = 0
    eligible = weight > 0
    if not eligible.any():
        return pii, values
    p = PII_SHARE * weight / weight[eligible].mean() * eligible.mean()
    chosen = np.flatnonzero(rng.random(n) < np.clip(p, 0, 1))
    # one or two items per chosen comment; tagging friends only in light comments
    n_items = np.where(rng.random(len(chosen)) < 0.15, 2, 1)
    item_row = np.repeat(chosen, n_items)
    m = len(item_row)
    light = np.isin(rows.kind[item_row], [_K["neutral"], _K["praise"], _K["troll"]])
    item_type = rng.choice(len(_PII_TYPES), size=m, p=_PII_P)
    item_type[light] = _PII_TYPES.index("handle")
    value = np.empty(m, dtype=object)
    for code, name in enumerate(_PII_TYPES):
        sel = np.flatnonzero(item_type == code)
        if name == "nik":
            value[sel] = _fake_niks(rng, len(sel))
        elif name == "phone":
            value[sel] = _fake_phones(rng, len(sel))
        elif name == "email":
            value[sel] = _fake_emails(rng, len(sel))
        else:  # another citizen of the same agency (a roaming one if it is the author)
            agency = w.a_agency[w.p_acc[rows.post[item_row[sel]]]]
            other = pop.pool_start[agency] + _power_index(rng, len(sel), pop.pool_size[agency])
            roam = pop.roam_start + rng.integers(0, pop.roam_size, size=len(sel))
            other = np.where(other == rows.author[item_row[sel]], roam, other)
            value[sel] = "@" + pop.handles[other]
    bank = _bank().pools
    pools = [bank[("pii", t)] for t in _PII_TYPES]
    tpl_u, var_u, case_u, place_u, sep_i = (rng.random(m) for _ in range(5))
    sep_i = (sep_i * 4).astype(int)
    for j in range(m):
        i, code, v = item_row[j], item_type[j], value[j]
        pool = pools[code]
        tpl = pool[int(tpl_u[j] * len(pool))]
        var = 0 if var_u[j] < _P_STANDARD else int(var_u[j] * tpl.n_variants) % tpl.n_variants
        case = 0 if case_u[j] < 0.6 else 1
        clause = tpl.lits[case, var, 0] + v + tpl.lits[case, var, 1]
        text = rows.text[i]
        if code == 3 and place_u[j] < 0.5:
            text = v + " " + text  # a reply that starts with the mention
        elif place_u[j] < 0.2 or (code == 3 and place_u[j] < 0.6):
            text = clause + (", ", ". ", " - ", ": ")[sep_i[j]] + text
        else:
            text = text + (". ", ", ", " ", " - ")[sep_i[j]] + clause
        rows.text[i] = text
        if pii[i]:
            pii[i] += "|" + _PII_TYPES[code]
            values[i] += "|" + v
        else:
            pii[i] = _PII_TYPES[code]
            values[i] = v
    return pii, values


# --------------------------------------------------------------------------------------
# Duplicates, likes, replies, ids
# --------------------------------------------------------------------------------------


def _dedupe(rows: _Rows, protected: np.ndarray, rng) -> None:
    """Make accidental exact copies unique by adding what a person would add.

    Stock reactions (``protected``) stay as they are; every later copy of any
    other text gets a suffix (" 🙏", " ya", " min"...), or two, until it is new.
    """
    idx = np.flatnonzero(~rows.bot)
    # stock reactions first, so that their texts are "taken" and the others move
    order = idx[np.argsort(~protected[idx], kind="stable")]
    dup = pd.Series(rows.text[order], dtype=object).duplicated(keep="first").to_numpy()
    later = order[dup & ~protected[order]]
    if len(later) == 0:
        return
    seen = set(rows.text)
    rnd = random.Random(int(rng.integers(2**62)))
    suffixes = lx.DEDUP_SUFFIXES
    for i in later:
        text = rows.text[i]
        new = text + rnd.choice(suffixes)
        tries = 0
        while new in seen:
            tries += 1
            new = (new if tries % 3 == 0 else text) + rnd.choice(suffixes) + rnd.choice(suffixes)
        seen.add(new)
        rows.text[i] = new


def _likes(w: _World, rows: _Rows, rng) -> np.ndarray:
    fol = w.a_followers[w.p_acc[rows.post]]
    base = 0.4 + np.log10(fol + 10) / 2.5
    factor = np.ones(len(rows))
    for k, f in {
        "complaint": 2.0,
        "crisis": 3.0,
        "hoax": 1.4,
        "troll": 1.3,
        "praise": 1.0,
        "question": 0.6,
        "neutral": 0.5,
        "bot": 0.15,
    }.items():
        factor[rows.kind == _K[k]] = f
    mean = base * factor
    shape = 0.5
    return rng.negative_binomial(shape, shape / (shape + mean)).astype(np.int64)


@lru_cache(maxsize=8)
def _holidays(y0: int, y1: int) -> tuple:
    try:
        import holidays

        days = holidays.country_holidays("ID", years=range(y0, y1 + 1))
        return tuple(sorted(np.datetime64(d, "D") for d in days))
    except Exception:  # pragma: no cover - the holidays package is a dependency
        return ()


def _office_hours(t: np.ndarray, tz: np.ndarray, rng, y0: int, y1: int) -> np.ndarray:
    """Move reply times outside 08:00-16:00 on working days to the next office morning."""
    cal = np.busdaycalendar(holidays=list(_holidays(y0, y1)))
    local = t + tz * _H
    day = (local // _D).astype("datetime64[D]")
    tod = local - (local // _D) * _D
    busy = np.is_busday(day, busdaycal=cal)
    in_hours = busy & (tod >= 8 * _H) & (tod < 16 * _H)
    early = busy & (tod < 8 * _H)
    step = np.where(early, 0, 1)
    nxt = np.busday_offset(day, step * busy, roll="forward", busdaycal=cal)
    nxt = np.where(early, day, nxt)
    start = nxt.astype("datetime64[ns]").astype(np.int64) + 8 * _H
    bump = np.minimum(rng.exponential(70 * _MIN, size=len(t)), 7.5 * _H).astype(np.int64)
    moved = start + bump - tz * _H
    return np.where(in_hours, t, moved)


def _replies(w: _World, rows: _Rows, quality: np.ndarray, rng) -> np.ndarray:
    n = len(rows)
    acc = w.p_acc[rows.post]
    q = quality[acc]
    names = list(RESPONDERS)
    p_base = np.array([RESPONDERS[k][1] for k in names])[q]
    med = np.array([RESPONDERS[k][2] for k in names])[q]
    pk = np.zeros(n)
    dk = np.ones(n)
    for k, (pr, dl) in REPLY_KIND.items():
        pk[rows.kind == _K[k]] = pr
        dk[rows.kind == _K[k]] = dl
    plat = np.array([REPLY_PLATFORM.get(p, 0.7) for p in w.a_platform])[acc]
    prob = np.clip(p_base * pk * plat, 0, 0.97)
    replied = rng.random(n) < prob
    delay = rng.lognormal(np.log(med * dk), 1.0) * _MIN
    t = rows.created + np.maximum(delay, 2 * _MIN).astype(np.int64)
    y0 = datetime.fromtimestamp(w.start / _S, UTC).year
    y1 = datetime.fromtimestamp(w.end / _S, UTC).year + 1
    office = rng.random(n) < np.where(q == 0, 0.65, 0.88)
    t = np.where(office, _office_hours(t, w.a_tz[acc], rng, y0, y1), t)
    t = np.maximum(t, rows.created + _MIN)
    t = t // _S * _S
    ok = replied & (t < w.end)
    return np.where(ok, t, _NAT)


#: First id of each platform's numeric comment ids (their usual number of digits).
_ID_BASE = {
    "facebook": 1_022_000_000_000_000,
    "instagram": 17_841_000_000_000_000,
    "x": 1_973_000_000_000_000_000,
    "tiktok": 7_556_000_000_000_000_000,
}
_YT_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _ids(acc_platform: np.ndarray, acc: np.ndarray, created: np.ndarray, rng) -> np.ndarray:
    """Platform-like comment ids, unique per platform, increasing with time.

    Numeric ids (Facebook, Instagram, X, TikTok) have the platform's usual
    number of digits and grow by small random steps (they compress well);
    YouTube ids look like ``Ugx...4AaABAg``. ``acc_platform`` is the platform
    of each account, ``acc`` the account of each row.
    """
    n = len(created)
    out = np.empty(n, dtype=object)
    for plat in sorted(set(acc_platform)):
        sel = np.flatnonzero(np.isin(acc, np.flatnonzero(acc_platform == plat)))
        sel = sel[np.argsort(created[sel], kind="stable")]
        m = len(sel)
        if plat != "youtube":
            base = _ID_BASE.get(plat, 1_000_000_000_000_000)
            ids = base + np.cumsum(rng.integers(1, 40, size=m, dtype=np.int64))
            out[sel] = ids.astype(str).astype(object)
            continue
        alphabet = np.frombuffer(_YT_ALPHABET, dtype=np.uint8)
        todo = np.arange(m)
        while len(todo):  # random ids; redraw the (astronomically rare) repeats
            body = alphabet[rng.integers(0, 64, size=(len(todo), 20))]
            text = body.view("S20").ravel().astype(str).astype(object)
            out[sel[todo]] = "Ugx" + text + "4AaABAg"
            todo = todo[pd.Series(out[sel], dtype=object).duplicated().to_numpy()[todo]]
    return out


def _strings(vocab, codes: np.ndarray):
    """A string column ``vocab[codes]`` (missing where ``codes < 0``), built in Arrow."""
    codes = np.asarray(codes)
    missing = codes < 0
    dictionary = pa.array(list(vocab) or [""], type=pa.large_string())
    indices = pa.array(np.where(missing, 0, codes).astype(np.int32), mask=missing)
    arr = pa.DictionaryArray.from_arrays(indices, dictionary).cast(pa.large_string())
    return pd.array(arr, dtype=schema.STRING)


def _to_ts(ns: np.ndarray) -> pd.Series:
    s = pd.Series(ns.astype("datetime64[ns]"))
    return s.dt.tz_localize("UTC")


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def generate_comments(
    agencies: pd.DataFrame,
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    *,
    rng: np.random.Generator,
    start,
    end,
) -> dict[str, pd.DataFrame]:
    """Generate citizens' comments, their ground truth and the crisis episodes.

    Parameters
    ----------
    agencies, accounts, posts : pandas.DataFrame
        The universe's canonical tables (see :mod:`labkit.schema`). Posts need
        ``platform, account, post_id, published_at`` and use ``text`` (topic)
        and ``comments`` (how comments spread over posts) when present.
    rng : numpy.random.Generator
        Source of every random choice: the same state gives identical tables.
    start, end : pandas.Timestamp
        Time-zone-aware bounds of the data period; no comment or reply is
        later than ``end``.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``comments``, ``truth_comments`` and ``truth_crises``, each conformed
        to its canonical schema. About :data:`COMMENTS_PER_POST` comments per
        post, plus the bot ring and the crisis episodes.
    """
    seeds = rng.integers(0, 2**63 - 1, size=12)
    r = [np.random.default_rng(int(s)) for s in seeds]
    w = _world(agencies, accounts, posts, r[0], start, end)

    base = _baseline(w, r[1])
    n_ring = int(r[2].integers(24, 46))
    ring = _bot_ring(w, r[2], n_ring)
    episodes = _plan_episodes(w, base, r[3])
    crisis = _episode_rows(w, base, episodes, r[3])
    rows = _Rows.concat([base, ring, crisis])

    # whole seconds, as in the platforms' exports; chronological order
    rows.created = rows.created // _S * _S
    order = np.lexsort((rows.post, rows.created))
    rows = _Rows(*(getattr(rows, f)[order] for f in _ROW_FIELDS))

    pop = _population(w, rows, n_ring, r[4])
    _assign_authors(w, rows, pop, r[4])
    _texts(w, rows, episodes, r[5])
    pii, pii_values = _plant_pii(rows, pop, w, r[6])
    protected = pd.Series(rows.text, dtype=object).isin(lx.REACTIONS).to_numpy() & ~rows.bot
    _dedupe(rows, protected, r[7])

    quality = r[8].choice(
        len(RESPONDERS), size=len(w.a_platform), p=[v[0] for v in RESPONDERS.values()]
    )
    replied = _replies(w, rows, quality, r[8])
    likes = _likes(w, rows, r[9])
    acc = w.p_acc[rows.post]
    comment_id = pd.array(_ids(w.a_platform, acc, rows.created, r[10]), dtype=schema.STRING)
    crises = _truth_crises(w, rows, episodes)
    platform_codes = np.array([schema.PLATFORMS.index(p) for p in w.a_platform], dtype=np.int8)
    platform = pd.Categorical.from_codes(platform_codes[acc], categories=list(schema.PLATFORMS))
    text = pd.array(rows.text, dtype=schema.STRING)
    rows.text = None  # the Arrow copy is the one kept

    # colloquial label: a colloquial form of the lexicon, outside the planted personal data
    colloquial = colloquial_mask(text)
    with_pii = np.flatnonzero(pii != "")
    if len(with_pii):
        plain = np.array([text[i] for i in with_pii], dtype=object)
        for j, i in enumerate(with_pii):
            for v in pii_values[i].split("|"):
                plain[j] = plain[j].replace(v, " ")
        colloquial[with_pii] = colloquial_mask(plain)

    episode_ids = [e.episode_id for e in episodes]
    comments = pd.DataFrame(
        {
            "platform": platform,
            "account": _strings(w.a_handle, acc),
            "post_id": _strings(w.p_id, rows.post),
            "comment_id": comment_id,
            "author": _strings(pop.handles, rows.author),
            "created_at": _to_ts(rows.created),
            "text": text,
            "likes": likes,
            "replied_at": _to_ts(replied),
        }
    )
    truth = pd.DataFrame(
        {
            "platform": platform,
            "comment_id": comment_id,
            "kind": _strings(KINDS, rows.kind),
            "bot_ring": rows.bot,
            "episode_id": _strings(episode_ids, rows.episode),
            "pii": pd.array(pii, dtype=schema.STRING),
            "pii_values": pd.array(pii_values, dtype=schema.STRING),
            "colloquial": colloquial,
        }
    )
    del rows, pii, pii_values, text
    # as an account's export lists them: by platform, account (A-Z), then time
    acc_rank = np.argsort(np.argsort(w.a_handle.astype(str), kind="stable"), kind="stable")
    order = np.lexsort((_ns(comments["created_at"]), acc_rank[acc], platform_codes[acc]))
    comments = comments.take(order)
    truth = truth.take(order)
    return {
        "comments": schema.conform(comments, "comments", source="generator"),
        "truth_comments": schema.conform(truth, "truth_comments", source="generator"),
        "truth_crises": schema.conform(crises, "truth_crises", source="generator"),
    }


def _truth_crises(w: _World, rows: _Rows, episodes: list[_Episode]) -> pd.DataFrame:
    recs = []
    acc = w.p_acc[rows.post]
    for ep in episodes:
        spec = lx.CRISES[ep.scenario]
        on = (acc == ep.account) & (rows.created >= ep.onset) & (rows.created <= ep.end)
        hours = rows.created[on] // _H
        if len(hours):
            vals, counts = np.unique(hours, return_counts=True)
            peak = int(vals[int(counts.argmax())] * _H)
        else:
            peak = ep.peak_design
        recs.append(
            {
                "episode_id": ep.episode_id,
                "agency_id": w.g_id[ep.agency],
                "platform": w.a_platform[ep.account],
                "account": w.a_handle[ep.account],
                "onset_at": pd.Timestamp(ep.onset, tz="UTC"),
                "peak_at": pd.Timestamp(peak, tz="UTC"),
                "end_at": pd.Timestamp(ep.end, tz="UTC"),
                "cause": ep.cause,
                "scct_type": spec["scct_type"],
                "scct_cluster": spec["scct_cluster"],
                "keywords": "|".join(spec["keywords"]),
            }
        )
    if not recs:
        return schema.empty("truth_crises")
    return pd.DataFrame(recs)


def sync_post_comment_counts(posts: pd.DataFrame, comments: pd.DataFrame) -> pd.DataFrame:
    """Posts whose ``comments`` metric is at least the number of comment rows.

    A platform's comment count includes comments an export leaves out, so the
    metric may be higher than the rows, never lower. Returns a copy of
    ``posts`` with ``comments = max(comments, rows)``.
    """
    counts = comments.groupby(["platform", "post_id"], observed=True).size()
    key = pd.MultiIndex.from_arrays([posts["platform"].astype(str), posts["post_id"].astype(str)])
    counts.index = pd.MultiIndex.from_arrays(
        [counts.index.get_level_values(0).astype(str), counts.index.get_level_values(1).astype(str)]
    )
    observed = counts.reindex(key).fillna(0).to_numpy(dtype="int64")
    out = posts.copy()
    current = pd.to_numeric(out.get("comments"), errors="coerce") if "comments" in out else None
    if current is None:
        out["comments"] = pd.array(observed, dtype="Int64")
    else:
        cur = current.fillna(0).to_numpy(dtype="int64")
        out["comments"] = pd.array(np.maximum(cur, observed), dtype="Int64")
    return out


# --------------------------------------------------------------------------------------
# Statistics for the datasheet
# --------------------------------------------------------------------------------------

_HARD_NEGATIVE_PATTERNS = {
    "money": r"\brp ?\d|\d+ ?(?:rb|ribu|juta|jt)\b",
    "clock": r"\b(?:[01]\d|2[0-3])[:.][0-5]\d\b|\bjam \d",
    "date": r"\b\d{1,2}[/-]\d{1,2}(?:[/-]20\d\d)?\b|\b\d{1,2} (?:jan|feb|mar|apr|mei|jun|jul|agu|sep|okt|nov|des)",
    "queue_or_code": r"\b[a-f][- ]?\d{3}\b|\bbkg-\d{7}\b|\b20\d{11}\b|#\d{6}\b|\btkt-\d{6}\b",
    "emergency": r"\b(?:112|110|119)\b",
    "call_centre": r"\b1500[- ]?\d{3}\b",
}


def comment_stats(comments: pd.DataFrame, truth_comments: pd.DataFrame) -> dict:
    """Measure the properties of a comment table that the lab relies on.

    Parameters
    ----------
    comments : pandas.DataFrame
        Canonical ``comments`` table.
    truth_comments : pandas.DataFrame
        Its ground truth (same rows, matched on platform and comment id).

    Returns
    -------
    dict
        ``n_comments``, ``n_authors``, ``top1pct_author_share`` (share of
        comments written by the most active 1% of authors),
        ``kind_share``, ``n_distinct_texts``, ``dup_share_outside_ring``
        (rows outside the bot ring whose text equals another such row's
        text, over those rows), ``dup_share_ring``, ``ring_near_dup_share``
        (ring comments with a near-identical, non-identical ring comment
        within six hours), ``ring_authors``, ``colloquial_share`` (truth)
        and ``colloquial_share_detected``, ``pii_share`` and
        ``pii_type_counts``, ``hard_negative_counts`` (comments matching each
        pattern), ``reply_rate_by_kind`` and ``median_reply_minutes_by_kind``,
        ``episode_comments``.
    """
    from rapidfuzz import fuzz, utils

    t = truth_comments.set_index(["platform", "comment_id"])
    key = pd.MultiIndex.from_arrays([comments["platform"], comments["comment_id"]])
    t = t.reindex(key)
    text = comments["text"].astype("string[pyarrow]")
    n = len(comments)
    ring = t["bot_ring"].fillna(False).to_numpy(dtype=bool)
    kind = t["kind"].astype(object).to_numpy()

    out: dict = {"n_comments": int(n)}
    per_author = comments["author"].value_counts()
    out["n_authors"] = int(len(per_author))
    top = max(1, int(round(len(per_author) * 0.01)))
    out["top1pct_author_share"] = float(per_author.iloc[:top].sum() / max(n, 1))
    out["kind_share"] = {k: float((kind == k).mean()) for k in KINDS}
    out["n_distinct_texts"] = int(text.nunique())
    outside = text[~ring]
    out["dup_share_outside_ring"] = (
        float(outside.duplicated(keep=False).mean()) if len(outside) else 0.0
    )
    inside = text[ring]
    out["dup_share_ring"] = float(inside.duplicated(keep=False).mean()) if len(inside) else 0.0
    out["ring_comments"] = int(ring.sum())
    out["ring_authors"] = int(comments.loc[ring, "author"].nunique())

    # near-duplicates in the ring: a similar but different ring text within 6 hours
    near = []
    if ring.sum() > 1:
        rc = comments.loc[ring, ["created_at", "text"]].sort_values("created_at")
        times = _ns(rc["created_at"])
        texts = rc["text"].astype(str).to_list()
        sample = np.linspace(0, len(texts) - 1, num=min(400, len(texts))).astype(int)
        for i in sample:
            lo = np.searchsorted(times, times[i] - 6 * _H)
            hi = np.searchsorted(times, times[i] + 6 * _H, side="right")
            best = 0.0
            for j in range(lo, hi):
                if j != i and texts[j] != texts[i]:
                    best = max(
                        best,
                        fuzz.ratio(texts[i], texts[j], processor=utils.default_process),
                    )
            near.append(best >= 80)
    out["ring_near_dup_share"] = float(np.mean(near)) if near else 0.0

    out["colloquial_share"] = float(t["colloquial"].fillna(False).astype(bool).mean())
    out["colloquial_share_detected"] = float(colloquial_mask(text).mean()) if n else 0.0
    pii = t["pii"].fillna("").astype(str)
    out["pii_share"] = float((pii != "").mean()) if n else 0.0
    types = pii[pii != ""].str.split("|").explode()
    out["pii_type_counts"] = {k: int((types == k).sum()) for k in _PII_TYPES}
    out["hard_negative_counts"] = {
        k: int(_regex_mask(text, p).sum()) for k, p in _HARD_NEGATIVE_PATTERNS.items()
    }
    replied = comments["replied_at"].notna().to_numpy()
    minutes = (comments["replied_at"] - comments["created_at"]).dt.total_seconds() / 60
    out["reply_rate_by_kind"] = {
        k: float(replied[kind == k].mean()) for k in KINDS if (kind == k).any()
    }
    out["median_reply_minutes_by_kind"] = {
        k: float(np.nanmedian(minutes[(kind == k) & replied]))
        for k in KINDS
        if ((kind == k) & replied).any()
    }
    ep = t["episode_id"].dropna().astype(str)
    out["episode_comments"] = {k: int(v) for k, v in ep.value_counts().sort_index().items()}
    return out
