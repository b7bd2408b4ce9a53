"""Automatic audit items: scoring rules computed from the canonical tables.

Each rule turns the tables into one outcome per account of the inventory:

``points``  0, 1 or 2 (NaN: cannot be scored)
``value``   the measured number (days, rate, hours, share...)
``n``       how many rows the number rests on (its denominator, where it has one)
``msg``     catalogue key of the evidence sentence; ``args`` its values
``ids``     the rows behind it (post or comment ids, at most :data:`MAX_IDS`)
``need``    catalogue key saying what would be needed when it cannot be scored

Rules are vectorised (pandas/numpy group-bys over integer account codes); none
loops over posts or comments in Python. A rubric names a rule and its
parameters (thresholds); :data:`RULES` lists them, with their parameters and
defaults, and :meth:`Rule.describe` says how each one scores, in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from labkit import engagement, i18n, privacy, schema
from labkit.errors import LabkitError
from labkit.monitor import replies as nr
from labkit.values import normalize_handles

MAX_IDS = 20
DAY_NS = 86_400 * 10**9
HOUR_NS = 3_600 * 10**9
WEEK_NS = 7 * DAY_NS
_NAT = np.iinfo(np.int64).min
IMAGE_TYPES = ("image", "carousel")
VIDEO_TYPES = ("video", "short_video")
ENGAGEMENT_COLUMNS = engagement.ENGAGEMENT_METRICS  # the one definition (labkit.engagement)


class ParamError(LabkitError):
    """A rule parameter in a rubric cannot be used (raised through the rubric loader)."""


# ---------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Param:
    """One parameter of a rule: kind, default and allowed range."""

    kind: str  # int | float | str | rates (platform -> float)
    default: Any
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A scoring rule: the function, its parameters and the data it needs."""

    name: str
    func: Callable[[Context, Mapping[str, Any]], pd.DataFrame]
    params: Mapping[str, Param] = field(default_factory=dict)
    tables: tuple[str, ...] = ()  # other tables needed besides accounts
    columns: Callable[[Mapping[str, Any]], tuple[str, ...]] = lambda p: ()
    order: tuple[tuple[str, str, str], ...] = ()  # (better, worse, "ge"/"le")
    denominator: str | None = None  # catalogue key naming the rate's denominator

    def check_params(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Defaults merged with ``given``; raise ValueError-like ParamError if unusable."""
        unknown = [k for k in given if k not in self.params]
        if unknown:
            raise ParamProblem(
                "audit.param.unknown",
                name=", ".join(map(str, unknown)),
                known=", ".join(self.params) or "-",
            )
        out: dict[str, Any] = {}
        for name, spec in self.params.items():
            value = given.get(name, spec.default)
            out[name] = _check_value(name, spec, value)
        for better, worse, how in self.order:
            a, b = out[better], out[worse]
            if (how == "ge" and a < b) or (how == "le" and a > b) or (how == "lt" and a >= b):
                raise ParamProblem("audit.param.order", first=better, second=worse, a=a, b=b)
        return out

    def describe(self, params: Mapping[str, Any], lang: str | None = None) -> str:
        """How this rule scores, with ``params``, in words."""
        args = {}
        for k, v in params.items():
            if isinstance(v, Mapping):
                args[k] = ", ".join(f"{p} {_pct(x)}" for p, x in v.items())
            elif k.endswith(("_share", "_rate")) and isinstance(v, float):
                args[k] = _pct(v)
            else:
                args[k] = f"{v:g}" if isinstance(v, float) else str(v)
        if "column" in params:
            args["field"] = i18n.t(f"audit.field.{params['column']}", lang=lang)
        return i18n.t(f"audit.how.{self.name}", lang=lang, **args)


class ParamProblem(ValueError):
    """Raised by :meth:`Rule.check_params`; carries a catalogue key."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(i18n.t(key, **params))


def _check_value(name: str, spec: Param, value: Any) -> Any:
    if spec.kind == "rates":
        if not isinstance(value, Mapping):
            raise ParamProblem("audit.param.type", name=name, value=value, kind="platform: rate")
        out = {}
        for plat, x in value.items():
            if plat not in schema.PLATFORMS:
                raise ParamProblem(
                    "audit.param.choice",
                    name=f"{name}.{plat}",
                    value=plat,
                    allowed=", ".join(schema.PLATFORMS),
                )
            out[str(plat)] = _check_value(f"{name}.{plat}", Param("float", None, 0.0, 1.0), x)
        return out
    if spec.kind == "str":
        value = str(value)
        if spec.choices and value not in spec.choices:
            raise ParamProblem(
                "audit.param.choice", name=name, value=value, allowed=", ".join(spec.choices)
            )
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParamProblem("audit.param.type", name=name, value=value, kind=spec.kind)
    if spec.kind == "int":
        if float(value) != int(value):
            raise ParamProblem("audit.param.type", name=name, value=value, kind="int")
        value = int(value)
    else:
        value = float(value)
    if (
        not math.isfinite(value)
        or (spec.low is not None and value < spec.low)
        or (spec.high is not None and value > spec.high)
    ):
        raise ParamProblem(
            "audit.param.range",
            name=name,
            value=value,
            low="-" if spec.low is None else f"{spec.low:g}",
            high="-" if spec.high is None else f"{spec.high:g}",
        )
    return value


def _pct(x: float) -> str:
    return f"{100 * x:.3g}%"


# ---------------------------------------------------------------------------- context


def ns(s: pd.Series) -> np.ndarray:
    """int64 nanoseconds since the epoch (UTC) of a timestamp column; NaT -> int64 min."""
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_convert("UTC").dt.tz_localize(None)
    return np.asarray(s, dtype="datetime64[ns]").view("i8")


def account_codes(frame: pd.DataFrame, accounts: pd.DataFrame) -> np.ndarray:
    """Position in ``accounts`` of each row's (platform, account); -1 if not listed.

    Vectorised: handles are factorised once, then looked up in a small
    platform x handle table.
    """
    if frame.empty:
        return np.empty(0, dtype=np.int64)
    plat = frame["platform"]
    if (
        isinstance(plat.dtype, pd.CategoricalDtype)
        and tuple(plat.cat.categories) == schema.PLATFORMS
    ):
        pcode = plat.cat.codes.to_numpy()
    else:
        pcode = pd.Categorical(plat.astype("string"), categories=schema.PLATFORMS).codes
    hcode, uniques = pd.factorize(frame["account"], use_na_sentinel=True)
    table = np.full((len(schema.PLATFORMS), max(len(uniques), 1)), -1, dtype=np.int64)
    acc_p = pd.Categorical(accounts["platform"].astype("string"), categories=schema.PLATFORMS).codes
    acc_h = pd.Index(uniques).get_indexer(accounts["account"])
    ok = (acc_h >= 0) & (acc_p >= 0)
    table[acc_p[ok], acc_h[ok]] = np.flatnonzero(ok)
    out = np.full(len(frame), -1, dtype=np.int64)
    valid = (hcode >= 0) & (pcode >= 0)
    out[valid] = table[pcode[valid], hcode[valid]]
    return out


class Context:
    """The prepared tables an audit is computed from, and shared intermediate results.

    Parameters
    ----------
    accounts : DataFrame
        The inventory being audited (positions 0..n-1 are the account codes).
    posts, comments, search_results, agencies : DataFrame or None
        Canonical tables; ``None`` when not given (items needing them cannot be
        scored). Posts and comments after ``as_of`` are ignored.
    as_of : Timestamp
        The audit's reference time (UTC).
    known_accounts : DataFrame, optional
        Every official account known (for the impostor search), default ``accounts``.
    """

    def __init__(
        self,
        accounts: pd.DataFrame,
        posts: pd.DataFrame | None,
        comments: pd.DataFrame | None,
        *,
        as_of: pd.Timestamp,
        search_results: pd.DataFrame | None = None,
        agencies: pd.DataFrame | None = None,
        known_accounts: pd.DataFrame | None = None,
    ) -> None:
        self.accounts = accounts.reset_index(drop=True)
        self.n = len(self.accounts)
        self.as_of = as_of
        self.as_of_ns = int(pd.Timestamp(as_of).value)
        self.search_results = search_results
        self.agencies = agencies
        self.known_accounts = known_accounts if known_accounts is not None else self.accounts
        self.posts = self._prepare(posts, "published_at")
        self.comments = self._prepare(comments, "created_at")
        self._cache: dict[Any, Any] = {}
        # per-platform coverage of the post data: earliest post time (ns)
        self.data_start: dict[str, int] = {}
        if self.posts is not None and len(self.posts):
            first = pd.Series(self.posts["_t"]).groupby(self.posts["_p"].to_numpy()).min()
            self.data_start = {schema.PLATFORMS[int(k)]: int(v) for k, v in first.items()}
        self.platform_of = self.accounts["platform"].astype("string").to_numpy(dtype=object)

    def _prepare(self, df: pd.DataFrame | None, time_col: str) -> pd.DataFrame | None:
        if df is None:
            return None
        codes = account_codes(df, self.accounts)
        t = ns(df[time_col])
        keep = (codes >= 0) & (t != _NAT) & (t <= self.as_of_ns)
        out = df.loc[keep] if not keep.all() else df
        out = out.assign(_acc=codes[keep], _t=t[keep])
        pl = out["platform"]
        if isinstance(pl.dtype, pd.CategoricalDtype):
            out["_p"] = pl.cat.codes.to_numpy()
        else:
            out["_p"] = pd.Categorical(pl.astype("string"), categories=schema.PLATFORMS).codes
        return out.reset_index(drop=True)

    # ---- shared intermediate results --------------------------------------------------

    def window_posts(self, days: int) -> pd.DataFrame:
        """Posts of the last ``days`` days up to ``as_of``."""
        key = ("posts", days)
        if key not in self._cache:
            p = self.posts
            start = self.as_of_ns - days * DAY_NS
            self._cache[key] = p.loc[p["_t"].to_numpy() > start] if p is not None else None
        return self._cache[key]

    def observed_days(self, days: int) -> np.ndarray:
        """Days of the last ``days`` covered by post data and by the account's life, per account."""
        start = np.full(self.n, self.as_of_ns - days * DAY_NS, dtype=np.int64)
        plat_start = np.array(
            [self.data_start.get(p, self.as_of_ns) for p in self.platform_of], dtype=np.int64
        )
        start = np.maximum(start, plat_start)
        if "created_at" in self.accounts.columns:
            created = ns(self.accounts["created_at"])
            has = created != _NAT
            start = np.where(has, np.maximum(start, created), start)
        return np.clip((self.as_of_ns - start) / DAY_NS, 0, None)

    def comments_needing_reply(self, days: int, min_age_hours: float) -> pd.DataFrame | None:
        """Comments of the last ``days`` days, at least ``min_age_hours`` old, that need a reply.

        Comments written by the account itself are left out. The text rules run
        once per window; the age limit only filters their result.
        """
        c = self._needing_reply(days)
        if c is None:
            return None
        return c.loc[c["_t"].to_numpy() <= self.as_of_ns - int(min_age_hours * HOUR_NS)]

    def _needing_reply(self, days: int) -> pd.DataFrame | None:
        key = ("needs", days)
        if key in self._cache:
            return self._cache[key]
        c = self.comments
        if c is None:
            self._cache[key] = None
            return None
        c = c.loc[c["_t"].to_numpy() > self.as_of_ns - days * DAY_NS]
        if "author" in c.columns and len(c):
            handles = self.accounts["account"].to_numpy(dtype=object)
            author = normalize_handles(c["author"])
            maybe = author.isin(set(handles)).to_numpy(dtype=bool)  # few rows: compare exactly
            own = np.zeros(len(c), dtype=bool)
            if maybe.any():
                own[maybe] = (
                    author.to_numpy(dtype=object, na_value=None)[maybe]
                    == handles[c["_acc"].to_numpy()[maybe]]
                )
            c = c.loc[~own]
        c = c.loc[nr.needs_reply(c["text"]).to_numpy()] if len(c) else c
        if "replied_at" in c.columns:
            r = ns(c["replied_at"])
            r = np.where((r != _NAT) & (r <= self.as_of_ns), r, _NAT)
        else:
            r = np.full(len(c), _NAT, dtype=np.int64)
        c = c.assign(_r=r)
        self._cache[key] = c
        return c

    def platforms_with_replies(self) -> set[str]:
        """Platforms on which the comment data record at least one reply time."""
        key = "reply_platforms"
        if key not in self._cache:
            c = self.comments
            if c is None or "replied_at" not in c.columns:
                self._cache[key] = set()
            else:
                has = c["replied_at"].notna().to_numpy()
                codes = np.unique(c["_p"].to_numpy()[has])
                self._cache[key] = {schema.PLATFORMS[int(k)] for k in codes if k >= 0}
        return self._cache[key]


# ---------------------------------------------------------------------------- outcomes


class Outcome:
    """Column arrays of a rule's result, one entry per account."""

    def __init__(self, n: int) -> None:
        self.points = np.full(n, np.nan)
        self.value = np.full(n, np.nan)
        self.count = np.full(n, np.nan)
        self.msg = np.full(n, "", dtype=object)
        self.need = np.full(n, None, dtype=object)
        self.ids: list[list[str]] = [[] for _ in range(n)]
        self.args: dict[str, np.ndarray] = {}

    def arg(self, name: str, values: Any) -> None:
        self.args[name] = np.broadcast_to(np.asarray(values, dtype=object), self.points.shape)

    def cannot(self, mask: np.ndarray, need: str) -> None:
        """Mark ``mask`` as cannot be scored for reason ``need`` (first reason wins)."""
        mask = np.asarray(mask, dtype=bool) & ~self._decided()
        self.points[mask] = np.nan
        self.need[mask] = need

    def _decided(self) -> np.ndarray:
        return np.array([x is not None for x in self.need], dtype=bool)

    def frame(self) -> pd.DataFrame:
        n = len(self.points)
        keys = list(self.args)
        cols = [self.args[k] for k in keys]
        args = (
            [
                {
                    k: _py(v)
                    for k, v in zip(keys, vals, strict=True)
                    if v is not None and v is not pd.NA
                }
                for vals in zip(*cols, strict=True)
            ]
            if keys
            else [{} for _ in range(n)]
        )
        open_ = ~self._decided()
        return pd.DataFrame(
            {
                "points": np.where(open_, self.points, np.nan),
                "value": self.value,
                "n": self.count,
                "msg": self.msg,
                "args": args,
                "ids": self.ids,
                "need": self.need,
            }
        )


def _py(v: Any) -> Any:
    """A plain Python value (for JSON and messages)."""
    return v.item() if isinstance(v, np.generic) else v


def grade_higher(value: np.ndarray, full: float, partial: float) -> np.ndarray:
    """2 where ``value >= full``, 1 where ``>= partial``, else 0 (NaN stays NaN)."""
    out = np.where(value >= full, 2.0, np.where(value >= partial, 1.0, 0.0))
    return np.where(np.isnan(value), np.nan, out)


def grade_lower(value: np.ndarray, full: float, partial: float) -> np.ndarray:
    """2 where ``value <= full``, 1 where ``<= partial``, else 0 (NaN stays NaN)."""
    out = np.where(value <= full, 2.0, np.where(value <= partial, 1.0, 0.0))
    return np.where(np.isnan(value), np.nan, out)


def wilson(k: np.ndarray, n: np.ndarray, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """Wilson 95% interval of the proportion ``k / n`` (NaN where n == 0)."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    lo = np.where(n > 0, np.clip(centre - half, 0, 1), np.nan)
    hi = np.where(n > 0, np.clip(centre + half, 0, 1), np.nan)
    return lo, hi


def _group_ids(
    codes: np.ndarray, ids: pd.Series, n: int, order: np.ndarray | None = None
) -> list[list[str]]:
    """Up to MAX_IDS ids per account code (the first ones in ``order`` if given)."""
    out: list[list[str]] = [[] for _ in range(n)]
    if len(codes) == 0:
        return out
    codes = np.asarray(codes, dtype=np.int64)
    key = np.zeros(len(codes)) if order is None else np.asarray(order, dtype=float)
    srt = np.lexsort((np.arange(len(codes)), key, codes))
    sc = codes[srt]
    starts = np.r_[0, np.flatnonzero(np.diff(sc)) + 1]
    rank = np.arange(len(sc)) - np.repeat(starts, np.diff(np.r_[starts, len(sc)]))
    keep = srt[rank < MAX_IDS]
    values = ids.astype("string").to_numpy(dtype=object, na_value="")
    for c, v in zip(codes[keep].tolist(), values[keep].tolist(), strict=True):
        out[c].append(v)
    return out


def _counts(codes: np.ndarray, n: int, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(codes, weights=weights, minlength=n)[:n].astype(float)


def _table_missing(ctx: Context, out: Outcome, table: str) -> bool:
    frame = getattr(ctx, table)
    if frame is None:
        out.cannot(np.ones(ctx.n, dtype=bool), "audit.need.table")
        out.arg("table", table)
        return True
    return False


def _column_empty(ctx: Context, out: Outcome, column: str) -> bool:
    """All values of an inventory column are missing: cannot be scored for anyone."""
    col = ctx.accounts[column]
    if col.isna().all() or (col.dtype == "string" and (col.fillna("").str.strip() == "").all()):
        out.cannot(np.ones(ctx.n, dtype=bool), "audit.need.column_empty")
        out.arg("column", column)
        return True
    return False


# ---------------------------------------------------------------------------- profile rules


def rule_verified(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if not _column_empty(ctx, out, "verified"):
        v = ctx.accounts["verified"].astype("boolean")
        known = v.notna().to_numpy()
        yes = v.fillna(False).to_numpy(dtype=bool)
        out.points = np.where(yes, 2.0, 0.0)
        out.value = np.where(yes, 1.0, 0.0)
        out.msg = np.where(yes, "audit.ev.verified.yes", "audit.ev.verified.no").astype(object)
        out.cannot(~known, "audit.need.value")
        out.arg("column", "verified")
    return out.frame()


def rule_profile_type(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if not _column_empty(ctx, out, "profile_type"):
        t = ctx.accounts["profile_type"].astype("string")
        page = (t == "page").fillna(False).to_numpy(dtype=bool)
        personal = (t == "personal").fillna(False).to_numpy(dtype=bool)
        out.points = np.where(page, 2.0, 0.0)
        out.value = np.where(page, 1.0, 0.0)
        out.msg = np.where(page, "audit.ev.profile.page", "audit.ev.profile.personal").astype(
            object
        )
        out.cannot(~(page | personal), "audit.need.value")
        out.arg("column", "profile_type")
    return out.frame()


def rule_field_present(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    col = p["column"]
    if not _column_empty(ctx, out, col):
        text = ctx.accounts[col].astype("string").fillna("").str.strip()
        chars = text.str.len().to_numpy(dtype=float)
        out.value = chars
        out.points = np.where(chars >= p["min_chars"], 2.0, np.where(chars > 0, 1.0, 0.0))
        out.msg = np.where(
            chars >= p["min_chars"],
            "audit.ev.field.ok",
            np.where(chars > 0, "audit.ev.field.short", "audit.ev.field.missing"),
        ).astype(object)
        out.arg("chars", chars.astype(int))
        out.arg("min_chars", p["min_chars"])
    out.arg("field_id", col)
    return out.frame()


_HOST = r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?(?:[^@/\s]*@)?(?:www\.)?([^/:?#\s]+)"


def rule_official_link(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    suffix = p["domain_suffix"].lower()
    bare = suffix.lstrip(".")
    out.arg("suffix", suffix)
    if not _column_empty(ctx, out, "link"):
        link = ctx.accounts["link"].astype("string").fillna("").str.strip()
        host = link.str.extract(_HOST, expand=False).fillna("").str.lower().str.rstrip(".")
        present = (link != "").to_numpy(dtype=bool)
        ok = (host.str.endswith(suffix) | (host == bare)).fillna(False).to_numpy(
            dtype=bool
        ) & present
        out.points = np.where(ok, 2.0, 0.0)
        out.value = np.where(ok, 1.0, 0.0)
        out.msg = np.where(
            ok,
            "audit.ev.link.ok",
            np.where(present, "audit.ev.link.other", "audit.ev.link.missing"),
        ).astype(object)
        out.arg("host", host.to_numpy(dtype=object))
    return out.frame()


def _handle_letters(s: pd.Series) -> pd.Series:
    """A handle's letters and digits only: ``kemenpw.ri`` and ``kemenpw_ri`` compare equal.

    Not a normalisation (``schema.conform`` stored the handles lowercase without
    '@'): the key under which one agency's accounts are compared for duplicates.
    """
    return s.astype("string").str.replace(r"[^0-9a-z]", "", regex=True).fillna("")


def _norm_name(s: pd.Series) -> pd.Series:
    return (
        s.astype("string")
        .str.lower()
        .str.replace(r"[^0-9a-z]+", " ", regex=True)
        .str.strip()
        .fillna("")
    )


def _modal(values: pd.Series, groups: list[pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """Most common non-empty value per group (ties: alphabetical), and its count, for each row."""
    from collections import Counter

    keys = list(zip(*(g.to_numpy(dtype=object) for g in groups), strict=True))
    vals = values.to_numpy(dtype=object)
    counts: dict[tuple, Counter] = {}
    for k, v in zip(keys, vals, strict=True):
        if v:
            counts.setdefault(k, Counter())[v] += 1
    best = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0])) for k, c in counts.items()}
    ref = np.array([best[k][0] if k in best else "" for k in keys], dtype=object)
    cnt = np.array([best[k][1] if k in best else 0 for k in keys], dtype=int)
    return ref, cnt


def _longest_common(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def rule_name_consistency(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    """Display name and handle against the ones the agency's other accounts use.

    The reference name is the most common display name among the accounts of
    the same agency and unit (or, failing that, of the agency) when at least
    two accounts share it; otherwise the agency's official names from the
    agencies table. Names are compared with ``rapidfuzz.fuzz.ratio`` after
    lowercasing and dropping punctuation (word order matters: a brand name is
    written one way). The handle is consistent when it shares a run of at least
    ``min_handle_run`` letters/digits with another handle of the agency
    (platforms limit handles differently, e.g. X to 15 characters).
    Points: name and handle consistent = 2; only the handle differs = 1; the
    name differs = 0.
    """
    from rapidfuzz import fuzz

    out = Outcome(ctx.n)
    acc = ctx.accounts
    shown = acc["display_name"].astype("string").fillna("").str.strip()
    name = _norm_name(acc["display_name"])
    agency = acc["agency_id"].astype("string").fillna("")
    unit = _norm_name(acc["unit"]) if "unit" in acc.columns else pd.Series("", index=acc.index)
    ref_u, cnt_u = _modal(name, [agency, unit])
    ref_a, cnt_a = _modal(name, [agency])
    shown_ref_u, _ = _modal(shown, [agency, unit])
    shown_ref_a, _ = _modal(shown, [agency])
    use_u = cnt_u >= 2
    use_a = (cnt_a >= 2) & ~use_u
    ref = np.where(use_u, ref_u, np.where(use_a, ref_a, ""))
    ref_shown = np.where(use_u, shown_ref_u, np.where(use_a, shown_ref_a, ""))
    official: dict[str, list[tuple[str, str]]] = {}
    if ctx.agencies is not None:
        ag = ctx.agencies
        wanted = set(agency)
        ag = ag.loc[ag["agency_id"].astype("string").isin(wanted)]
        for col in ("short_name", "name"):
            if col in ag.columns:
                raw = ag[col].astype("string")
                normed = _norm_name(raw)
                for a_id, r, nm in zip(ag["agency_id"].astype("string"), raw, normed, strict=True):
                    if pd.notna(r) and nm:
                        official.setdefault(str(a_id), []).append((nm, str(r)))
    sim = np.full(ctx.n, np.nan)
    names = name.to_numpy(dtype=object)
    agencies = agency.to_numpy(dtype=object)
    for i in range(ctx.n):
        if not names[i]:
            continue
        if ref[i]:
            sim[i] = fuzz.ratio(names[i], ref[i])
        elif official.get(agencies[i]):
            best = max(official[agencies[i]], key=lambda o: fuzz.ratio(names[i], o[0]))
            sim[i] = fuzz.ratio(names[i], best[0])
            ref_shown[i] = best[1]
    handles = _handle_letters(acc["account"]).to_numpy(dtype=object)
    run = np.zeros(ctx.n)
    has_other = np.zeros(ctx.n, dtype=bool)
    for _, pos in pd.Series(np.arange(ctx.n)).groupby(agencies).groups.items():
        pos = list(pos)
        for i in pos:
            others = [handles[j] for j in pos if j != i]
            if others:
                has_other[i] = True
                run[i] = max(_longest_common(handles[i], h) for h in others)
    name_ok = sim >= p["min_similarity"]
    handle_ok = ~has_other | (run >= p["min_handle_run"])
    out.value = sim
    out.points = np.where(name_ok, np.where(handle_ok, 2.0, 1.0), 0.0)
    out.msg = np.where(
        name_ok,
        np.where(handle_ok, "audit.ev.name.ok", "audit.ev.name.handle"),
        "audit.ev.name.different",
    ).astype(object)
    out.arg("name", shown.to_numpy(dtype=object))
    out.arg("reference", ref_shown)
    out.arg("similarity", np.where(np.isnan(sim), 0, np.round(sim)).astype(int))
    out.arg("run", run.astype(int))
    out.arg("min_handle_run", p["min_handle_run"])
    out.cannot(names == "", "audit.need.value")
    out.arg("column", "display_name")
    out.cannot(np.isnan(sim), "audit.need.name_reference")
    return out.frame()


# ---------------------------------------------------------------------------- inventory


def rule_last_post(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    posts = ctx.posts
    codes = posts["_acc"].to_numpy()
    t = posts["_t"].to_numpy()
    last = np.full(ctx.n, _NAT, dtype=np.int64)
    idx = np.full(ctx.n, -1, dtype=np.int64)
    if len(posts):
        order = np.lexsort((t, codes))
        ends = np.r_[np.flatnonzero(np.diff(codes[order])), len(order) - 1]
        last_rows = order[ends]
        last[codes[last_rows]] = t[last_rows]
        idx[codes[last_rows]] = last_rows
    has = last != _NAT
    days = np.where(has, (ctx.as_of_ns - last) / DAY_NS, np.nan)
    out.value = days
    out.points = grade_lower(days, p["inactive_days"], p["dormant_days"])
    out.msg = np.where(
        days <= p["inactive_days"],
        "audit.ev.last_post.active",
        np.where(
            days <= p["dormant_days"], "audit.ev.last_post.inactive", "audit.ev.last_post.dormant"
        ),
    ).astype(object)
    out.arg("days", np.where(has, np.floor(np.nan_to_num(days)), 0).astype(int))
    out.arg(
        "last_date",
        np.array([pd.Timestamp(x, tz="UTC") if x != _NAT else None for x in last], dtype=object),
    )
    out.arg("inactive_days", p["inactive_days"])
    out.arg("dormant_days", p["dormant_days"])
    pid = posts["post_id"].astype("string").to_numpy(dtype=object, na_value="")
    out.ids = [[pid[i]] if i >= 0 else [] for i in idx]
    out.cannot(~has, "audit.need.no_posts")
    return out.frame()


def _dup_groups(
    acc: pd.DataFrame, min_similarity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per account: duplicate group id (-1: none), whether it is the main one, whether unknown.

    Two accounts of one agency on one platform are duplicates if they have the same
    unit, or (units not both given and different) names at least ``min_similarity``
    alike (``fuzz.token_sort_ratio``: a name that merely contains the other does not
    match). An account with neither name nor unit cannot be compared ("unknown")
    when its agency has another account on the platform.
    """
    from rapidfuzz import fuzz

    n = len(acc)
    group = np.full(n, -1, dtype=np.int64)
    main = np.zeros(n, dtype=bool)
    name = (
        _norm_name(acc["display_name"])
        if "display_name" in acc.columns
        else pd.Series("", index=acc.index)
    )
    unit = _norm_name(acc["unit"]) if "unit" in acc.columns else pd.Series("", index=acc.index)
    keys = acc["agency_id"].astype("string").fillna("") + "\x1f" + acc["platform"].astype("string")
    sizes = keys.map(keys.value_counts())
    followers = (
        pd.to_numeric(acc["followers"], errors="coerce").fillna(-1).to_numpy()
        if "followers" in acc.columns
        else np.zeros(n)
    )
    created = ns(acc["created_at"]) if "created_at" in acc.columns else np.zeros(n, dtype=np.int64)
    unknown = (sizes.to_numpy() > 1) & (name == "").to_numpy() & (unit == "").to_numpy()
    gid = 0
    # only (agency, platform) pairs with more than one account are compared: few, small groups
    for _, pos in keys[sizes.to_numpy() > 1].groupby(keys[sizes.to_numpy() > 1]).groups.items():
        pos = [acc.index.get_loc(i) for i in pos]
        for a_i, a in enumerate(pos):
            for b in pos[a_i + 1 :]:
                ua, ub = unit.iloc[a], unit.iloc[b]
                if ua and ub and ua != ub:
                    continue  # different units are different accounts, whatever their names
                same_unit = bool(ua) and ua == ub
                similar = (
                    bool(name.iloc[a])
                    and bool(name.iloc[b])
                    and fuzz.token_sort_ratio(name.iloc[a], name.iloc[b]) >= min_similarity
                )
                if same_unit or similar:
                    g = group[a] if group[a] >= 0 else (group[b] if group[b] >= 0 else gid)
                    if g == gid:
                        gid += 1
                    group[a] = group[b] = g
    for g in np.unique(group[group >= 0]):
        members = np.flatnonzero(group == g)
        # the main account: most followers, then the oldest
        best = sorted(members, key=lambda i: (-followers[i], created[i]))[0]
        main[best] = True
    return group, main, unknown


def rule_duplicates(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    acc = ctx.accounts
    group, main, unknown = _dup_groups(acc, p["min_similarity"])
    dup = (group >= 0) & ~main
    out.points = np.where(dup, 0.0, np.where(group >= 0, 1.0, 2.0))
    out.value = np.where(dup, 1.0, 0.0)
    out.msg = np.where(
        dup,
        "audit.ev.duplicate.found",
        np.where(group >= 0, "audit.ev.duplicate.main", "audit.ev.duplicate.none"),
    ).astype(object)
    handles = acc["account"].to_numpy(dtype=object)
    others = []
    for i in range(ctx.n):
        if group[i] < 0:
            others.append("")
        else:
            mates = np.flatnonzero((group == group[i]) & (np.arange(ctx.n) != i))
            others.append(", ".join("@" + handles[j] for j in mates))
    out.arg("others", np.array(others, dtype=object))
    out.ids = [[o.lstrip("@") for o in s.split(", ")] if s else [] for s in others]
    out.arg("column", "display_name")
    out.cannot(unknown, "audit.need.value")
    return out.frame()


def rule_impostors(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    from labkit.impostors import find_impostors_in

    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "search_results"):
        return out.frame()
    sr = ctx.search_results
    acc = ctx.accounts
    # search results per (agency searched, platform): an account is checked only if its
    # agency's name was searched on its platform
    if "query_agency_id" in sr.columns and sr["query_agency_id"].notna().any():
        searched = set(
            zip(
                sr["query_agency_id"].astype("string"), sr["platform"].astype("string"), strict=True
            )
        )
        covered = np.array(
            [
                (a, pl) in searched
                for a, pl in zip(acc["agency_id"].astype("string"), ctx.platform_of, strict=True)
            ]
        )
    else:
        covered = np.isin(ctx.platform_of, sr["platform"].astype("string").unique())
    found = find_impostors_in(ctx.known_accounts, sr, threshold=p["min_score"])
    found = found.loc[found["score"] >= p["min_score"]]
    key = found["platform"].astype("string") + "\x1f" + normalize_handles(found["official"])
    acc_key = pd.Series(ctx.platform_of, dtype="string") + "\x1f" + acc["account"].astype("string")
    by_acc = found.groupby(key.to_numpy())
    cands = by_acc["candidate"].agg(list)
    reasons = by_acc["reason"].agg(list)
    lists = acc_key.map(cands)
    reason_lists = acc_key.map(reasons)
    n_found = np.array([len(x) if isinstance(x, list) else 0 for x in lists], dtype=float)
    out.count = n_found
    out.value = n_found
    out.points = np.where(n_found > 0, 0.0, 2.0)
    out.msg = np.where(n_found > 0, "audit.ev.impostor.found", "audit.ev.impostor.none").astype(
        object
    )
    out.arg("n_found", n_found.astype(int))
    out.arg(
        "candidates",
        np.array(
            [", ".join("@" + str(c) for c in x) if isinstance(x, list) else "" for x in lists],
            dtype=object,
        ),
    )
    out.arg(
        "reasons",
        np.array(
            ["; ".join(map(str, x)) if isinstance(x, list) else "" for x in reason_lists],
            dtype=object,
        ),
    )
    out.ids = [list(map(str, x))[:MAX_IDS] if isinstance(x, list) else [] for x in lists]
    out.cannot(~covered, "audit.need.search_platform")
    return out.frame()


# ---------------------------------------------------------------------------- content and cadence


def rule_content_mix(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    w = ctx.window_posts(p["window_days"])
    ct = w["content_type"]
    if (
        isinstance(ct.dtype, pd.CategoricalDtype)
        and tuple(ct.cat.categories) == schema.CONTENT_TYPES
    ):
        codes = ct.cat.codes.to_numpy()
    else:
        codes = pd.Categorical(ct.astype("string"), categories=schema.CONTENT_TYPES).codes
    known = codes >= 0
    k = len(schema.CONTENT_TYPES)
    acc = w["_acc"].to_numpy()[known]
    table = np.bincount(acc * k + codes[known], minlength=ctx.n * k)[: ctx.n * k].reshape(ctx.n, k)
    total = table.sum(axis=1).astype(float)
    top = table.argmax(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, table.max(axis=1) / total, np.nan)
    out.value = share
    out.count = total
    out.points = grade_lower(share, p["full_max_share"], p["partial_max_share"])
    out.msg[:] = "audit.ev.content_mix"
    out.arg("top_type", np.array([schema.CONTENT_TYPES[i] for i in top], dtype=object))
    out.arg("top_pct", share)
    out.arg("n", total.astype(int))
    out.arg("types", (table > 0).sum(axis=1))
    out.arg("days", p["window_days"])
    out.cannot(total < p["min_posts"], "audit.need.few_posts")
    out.arg("min_n", p["min_posts"])
    return out.frame()


def _covered_days(ctx: Context, out: Outcome, days: int, min_days: int = 14) -> np.ndarray:
    obs = ctx.observed_days(days)
    no_platform = np.array([pl not in ctx.data_start for pl in ctx.platform_of])
    out.cannot(no_platform, "audit.need.platform_posts")
    # no post of the account at all: its export is missing, as for INV-01 (not "0 posts")
    out.cannot(_counts(ctx.posts["_acc"].to_numpy(), ctx.n) == 0, "audit.need.no_posts")
    out.arg("dormant_days", days)
    out.cannot(obs < min_days, "audit.need.short_period")
    out.arg("observed_days", np.floor(obs).astype(int))
    out.arg("min_days", min_days)
    return obs


def rule_posting_rate(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    days = p["window_days"]
    obs = _covered_days(ctx, out, days)
    w = ctx.window_posts(days)
    # count only posts inside each account's observed part of the window
    start = ctx.as_of_ns - (obs * DAY_NS).astype(np.int64)
    acc = w["_acc"].to_numpy()
    inside = w["_t"].to_numpy() >= start[acc]
    count = _counts(acc[inside], ctx.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(obs > 0, count / (obs / 7.0), np.nan)
    out.value = rate
    out.count = count
    out.points = grade_higher(rate, p["full_per_week"], p["partial_per_week"])
    out.msg[:] = "audit.ev.posting_rate"
    out.arg("per_week", rate)
    out.arg("n", count.astype(int))
    return out.frame()


def rule_posting_regularity(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    days = p["window_days"]
    obs = _covered_days(ctx, out, days)
    weeks = np.floor(obs / 7.0)
    w = ctx.window_posts(days)
    acc = w["_acc"].to_numpy()
    week = (ctx.as_of_ns - w["_t"].to_numpy()) // WEEK_NS
    inside = week < weeks[acc]
    combo = np.unique(acc[inside] * 10_000 + week[inside])
    active = _counts(combo // 10_000, ctx.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(weeks > 0, active / weeks, np.nan)
    out.value = share
    out.count = weeks
    out.points = grade_higher(share, p["full_share"], p["partial_share"])
    out.msg[:] = "audit.ev.regularity"
    out.arg("active_weeks", active.astype(int))
    out.arg("weeks", weeks.astype(int))
    out.arg("share_pct", share)
    return out.frame()


# ---------------------------------------------------------------------------- responsiveness


def _reply_population(ctx: Context, out: Outcome, p: Mapping[str, Any]) -> pd.DataFrame | None:
    if _table_missing(ctx, out, "comments"):
        return None
    c = ctx.comments_needing_reply(p["window_days"], p.get("min_age_hours", 0))
    no_replies = np.array([pl not in ctx.platforms_with_replies() for pl in ctx.platform_of])
    out.cannot(no_replies, "audit.need.reply_times")
    return c


def rule_response_rate(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    c = _reply_population(ctx, out, p)
    if c is None:
        return out.frame()
    acc = c["_acc"].to_numpy()
    replied = c["_r"].to_numpy() != _NAT
    n = _counts(acc, ctx.n)
    k = _counts(acc[replied], ctx.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(n > 0, k / n, np.nan)
    lo, hi = wilson(k, n)
    out.value = rate
    out.count = n
    out.points = grade_higher(rate, p["full_rate"], p["partial_rate"])
    out.msg[:] = "audit.ev.response_rate"
    out.arg("replied", k.astype(int))
    out.arg("n", n.astype(int))
    out.arg("rate_pct", rate)
    out.arg("low_pct", lo)
    out.arg("high_pct", hi)
    out.arg("days", p["window_days"])
    out.arg("min_age_hours", p["min_age_hours"])
    out.ids = _group_ids(
        acc[~replied], c["comment_id"][~replied], ctx.n, c["_t"].to_numpy()[~replied]
    )
    out.cannot(n < p["min_n"], "audit.need.few_comments")
    out.arg("min_n", p["min_n"])
    return out.frame()


def rule_response_time(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    c = _reply_population(ctx, out, {**p, "min_age_hours": 0})
    if c is None:
        return out.frame()
    r = c["_r"].to_numpy()
    replied = r != _NAT
    acc = c["_acc"].to_numpy()[replied]
    hours = (r[replied] - c["_t"].to_numpy()[replied]) / HOUR_NS
    hours = np.clip(hours, 0, None)
    med = pd.Series(hours).groupby(acc).median()
    median = np.full(ctx.n, np.nan)
    median[med.index.to_numpy(dtype=np.int64)] = med.to_numpy()
    n = _counts(acc, ctx.n)
    out.value = median
    out.count = n
    out.points = grade_lower(median, p["full_hours"], p["partial_hours"])
    out.msg[:] = "audit.ev.response_time"
    out.arg("hours", median)
    out.arg("n", n.astype(int))
    out.arg("days", p["window_days"])
    slow = hours > p["partial_hours"]
    out.ids = _group_ids(acc[slow], c["comment_id"][replied][slow], ctx.n, -hours[slow])
    out.cannot(n < p["min_n"], "audit.need.few_replies")
    out.arg("min_n", p["min_n"])
    return out.frame()


# ---------------------------------------------------------------------------- engagement


def rule_engagement_rate(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    # the one definition of engagement and of the rate (labkit.engagement); the
    # window (``window_days``, 90 by default) and the averaging are this item's
    w = ctx.window_posts(p["window_days"])
    eng = engagement.engagement_values(w)
    known = ~np.isnan(eng)
    acc = w["_acc"].to_numpy()[known]
    followers = (
        pd.to_numeric(ctx.accounts["followers"], errors="coerce").astype("float64").to_numpy()
        if "followers" in ctx.accounts.columns
        else np.full(ctx.n, np.nan)
    )
    er = engagement.safe_rate(eng[known], followers[acc])
    good = np.isfinite(er)
    sums = _counts(acc[good], ctx.n, er[good])
    n = _counts(acc[good], ctx.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, sums / n, np.nan)
    bench = np.array([p["benchmark"].get(pl, np.nan) for pl in ctx.platform_of], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = mean / bench
    out.value = mean
    out.count = n
    out.points = grade_higher(ratio, p["full_ratio"], p["partial_ratio"])
    out.msg[:] = "audit.ev.engagement"
    out.arg("er_pct", mean)
    out.arg("benchmark_pct", bench)
    out.arg("ratio", ratio)
    out.arg("n", n.astype(int))
    out.arg("days", p["window_days"])
    ids = w["post_id"][known]
    out.ids = _group_ids(acc[good], ids[good], ctx.n, -er[good])
    out.cannot(np.isnan(bench), "audit.need.no_benchmark")
    out.arg("platform", ctx.platform_of)
    out.cannot(~(followers > 0), "audit.need.followers")
    out.cannot(n < p["min_posts"], "audit.need.few_posts")
    out.arg("min_n", p["min_posts"])
    return out.frame()


# ---------------------------------------------------------------------------- accessibility


def _share_rule(
    ctx: Context, p: Mapping[str, Any], types: tuple[str, ...], flag: str, what: str
) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    w = ctx.window_posts(p["window_days"])
    is_type = w["content_type"].isin(types).to_numpy(dtype=bool)
    w = w.loc[is_type]
    acc = w["_acc"].to_numpy()
    f = (
        w[flag].astype("boolean")
        if flag in w.columns
        else pd.Series(pd.NA, index=w.index, dtype="boolean")
    )
    known = f.notna().to_numpy()
    yes = f.fillna(False).to_numpy(dtype=bool)
    total = _counts(acc, ctx.n)
    n = _counts(acc[known], ctx.n)
    k = _counts(acc[known & yes], ctx.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n > 0, k / n, np.nan)
    lo, hi = wilson(k, n)
    out.value = share
    out.count = n
    out.points = grade_higher(share, p["full_share"], p["partial_share"])
    out.msg[:] = f"audit.ev.{what}"
    out.arg("with", k.astype(int))
    out.arg("n", n.astype(int))
    out.arg("share_pct", share)
    out.arg("low_pct", lo)
    out.arg("high_pct", hi)
    out.arg("days", p["window_days"])
    lacking = known & ~yes
    out.ids = _group_ids(acc[lacking], w["post_id"][lacking], ctx.n, -w["_t"].to_numpy()[lacking])
    out.cannot((total >= p["min_n"]) & (n == 0), "audit.need.not_reported")
    out.arg("what", what)
    out.cannot(n < p["min_n"], "audit.need.few_media")
    out.arg("min_n", p["min_n"])
    out.arg("total", total.astype(int))
    return out.frame()


def rule_alt_text(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    return _share_rule(ctx, p, IMAGE_TYPES, "has_alt_text", "alt_text")


def rule_captions(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    return _share_rule(ctx, p, VIDEO_TYPES, "has_captions", "captions")


# ---------------------------------------------------------------------------- privacy

#: Span types that count as citizens' personal data in a post. Handles aside: a
#: post names accounts (``@humas_kota``) on purpose.
PII_TYPES = ("nik", "phone", "email")


def post_allowlist(ctx: Context) -> privacy.Allowlist:
    """The official contacts a post may show: every known account's and agency's."""
    return privacy.official_allowlist(ctx.known_accounts, ctx.agencies)


def has_personal_data(text: str, allow: privacy.Allowlist | None = None) -> bool:
    """Whether ``text`` holds a NIK, a phone number or an e-mail not in ``allow``.

    The detector is :func:`labkit.privacy.find_spans` (the one definition of
    personal data); this only decides which of its span types count.
    """
    return any(s.type in PII_TYPES for s in privacy.find_spans(text, allow))


def rule_pii_in_posts(ctx: Context, p: Mapping[str, Any]) -> pd.DataFrame:
    out = Outcome(ctx.n)
    if _table_missing(ctx, out, "posts"):
        return out.frame()
    w = ctx.window_posts(p["window_days"])
    n = _counts(w["_acc"].to_numpy(), ctx.n)
    # privacy's own prefilter, then its detector on the few texts that pass it
    maybe = privacy.detect.candidates(privacy.detect.arrow_strings(w["text"]))
    cand = w.loc[maybe]
    allow = post_allowlist(ctx)
    hit = np.array([has_personal_data(t, allow) for t in cand["text"].astype(str)], dtype=bool)
    acc = cand["_acc"].to_numpy()[hit] if len(cand) else np.empty(0, dtype=np.int64)
    k = _counts(acc, ctx.n)
    out.value = k
    out.count = n
    out.points = np.where(k > 0, 0.0, 2.0)
    out.msg = np.where(k > 0, "audit.ev.pii.found", "audit.ev.pii.none").astype(object)
    out.arg("k", k.astype(int))
    out.arg("n", n.astype(int))
    out.arg("days", p["window_days"])
    if len(acc):
        out.ids = _group_ids(acc, cand["post_id"][hit], ctx.n)
    out.cannot(n == 0, "audit.need.no_posts_window")
    return out.frame()


# ---------------------------------------------------------------------------- registry

_W = Param("int", 90, 7, 3650)

RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("verified", rule_verified, columns=lambda p: ("verified",)),
        Rule("profile_type", rule_profile_type, columns=lambda p: ("profile_type",)),
        Rule(
            "field_present",
            rule_field_present,
            {
                "column": Param("str", "bio", choices=("bio", "link", "contact")),
                "min_chars": Param("int", 1, 1, 500),
            },
            columns=lambda p: (p["column"],),
        ),
        Rule(
            "official_link",
            rule_official_link,
            {"domain_suffix": Param("str", ".go.id")},
            columns=lambda p: ("link",),
        ),
        Rule(
            "name_consistency",
            rule_name_consistency,
            {
                "min_similarity": Param("float", 90.0, 0, 100),
                "min_handle_run": Param("int", 5, 1, 50),
            },
            columns=lambda p: ("display_name",),
        ),
        Rule(
            "last_post",
            rule_last_post,
            {"inactive_days": Param("int", 30, 1, 3650), "dormant_days": Param("int", 90, 1, 3650)},
            tables=("posts",),
            order=(("inactive_days", "dormant_days", "lt"),),
        ),
        Rule(
            "duplicates",
            rule_duplicates,
            {"min_similarity": Param("float", 85.0, 0, 100)},
            columns=lambda p: ("display_name",),
        ),
        Rule(
            "impostors",
            rule_impostors,
            {"min_score": Param("float", 85.0, 0, 100)},
            tables=("search_results",),
        ),
        Rule(
            "content_mix",
            rule_content_mix,
            {
                "window_days": _W,
                "min_posts": Param("int", 10, 1, 100000),
                "full_max_share": Param("float", 0.6, 0, 1),
                "partial_max_share": Param("float", 0.8, 0, 1),
            },
            tables=("posts",),
            order=(("full_max_share", "partial_max_share", "le"),),
            denominator="audit.den.posts",
        ),
        Rule(
            "posting_rate",
            rule_posting_rate,
            {
                "window_days": _W,
                "full_per_week": Param("float", 3.0, 0, 1000),
                "partial_per_week": Param("float", 1.0, 0, 1000),
            },
            tables=("posts",),
            order=(("full_per_week", "partial_per_week", "ge"),),
            denominator="audit.den.weeks",
        ),
        Rule(
            "posting_regularity",
            rule_posting_regularity,
            {
                "window_days": _W,
                "full_share": Param("float", 0.9, 0, 1),
                "partial_share": Param("float", 0.6, 0, 1),
            },
            tables=("posts",),
            order=(("full_share", "partial_share", "ge"),),
            denominator="audit.den.weeks",
        ),
        Rule(
            "response_rate",
            rule_response_rate,
            {
                "window_days": _W,
                "min_age_hours": Param("float", 24.0, 0, 720),
                "min_n": Param("int", 5, 1, 100000),
                "full_rate": Param("float", 0.8, 0, 1),
                "partial_rate": Param("float", 0.5, 0, 1),
            },
            tables=("comments",),
            order=(("full_rate", "partial_rate", "ge"),),
            denominator="audit.den.needs_reply",
        ),
        Rule(
            "response_time",
            rule_response_time,
            {
                "window_days": _W,
                "min_n": Param("int", 5, 1, 100000),
                "full_hours": Param("float", 4.0, 0, 10000),
                "partial_hours": Param("float", 24.0, 0, 10000),
            },
            tables=("comments",),
            order=(("full_hours", "partial_hours", "le"),),
            denominator="audit.den.replied",
        ),
        Rule(
            "engagement_rate",
            rule_engagement_rate,
            {
                "window_days": _W,
                "min_posts": Param("int", 5, 1, 100000),
                "full_ratio": Param("float", 1.0, 0, 1000),
                "partial_ratio": Param("float", 0.5, 0, 1000),
                "benchmark": Param("rates", {}),
            },
            tables=("posts",),
            columns=lambda p: ("followers",),
            order=(("full_ratio", "partial_ratio", "ge"),),
            denominator="audit.den.posts_followers",
        ),
        Rule(
            "alt_text",
            rule_alt_text,
            {
                "window_days": _W,
                "min_n": Param("int", 5, 1, 100000),
                "full_share": Param("float", 0.8, 0, 1),
                "partial_share": Param("float", 0.5, 0, 1),
            },
            tables=("posts",),
            order=(("full_share", "partial_share", "ge"),),
            denominator="audit.den.images",
        ),
        Rule(
            "captions",
            rule_captions,
            {
                "window_days": _W,
                "min_n": Param("int", 3, 1, 100000),
                "full_share": Param("float", 0.8, 0, 1),
                "partial_share": Param("float", 0.5, 0, 1),
            },
            tables=("posts",),
            order=(("full_share", "partial_share", "ge"),),
            denominator="audit.den.videos",
        ),
        Rule(
            "pii_in_posts",
            rule_pii_in_posts,
            {"window_days": _W},
            tables=("posts",),
            denominator="audit.den.posts",
        ),
    )
}
