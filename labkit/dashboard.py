"""The engagement dashboard's model: filters in, frames out (no widgets here).

:class:`DashboardModel` holds the posts of a dataset prepared once (local
time, agency, engagements, followers at posting time) and answers one
question per set of filters: *for these posts, what is the median of this
metric per this denominator, broken down by this, with its ``n`` and its
uncertainty?* The answer is a :class:`DashboardView`: the chart's data, the
table (with ``n`` in every row and the rows below the minimum ``n`` marked),
the chart itself (:mod:`labkit.charts`) and exports (PNG/SVG and XLSX through
:mod:`labkit.export`). :class:`labkit.widgets.dashboard.Dashboard` is the thin
ipywidgets view over it.

Filters
-------
``agency``, ``platform``, ``account`` (``"*"`` = all; an account is
``"platform/handle"``), ``start`` / ``end`` (local days, inclusive),
``metric`` (:data:`METRICS`), ``denominator`` (:data:`DENOMINATORS`) and
``breakdown`` (:data:`BREAKDOWNS`). Platform and account follow the agency:
when an agency is chosen that has no account on the chosen platform, the
platform goes back to ``"*"`` (:attr:`DashboardModel.filters` always holds
valid values).

Statistics
----------
Per post: ``metric / denominator x 100`` (in percent) or the raw count
(``denominator="none"``); engagements, followers at posting and local time
come from :mod:`labkit.engagement` (the one definition), the interval from
:func:`labkit.engagement.stats.grouped_median_ci`. Per group: the median, its distribution-free 95 %
confidence interval from order statistics (no resampling), and ``n`` = posts
with a value. Groups with ``n < min_n`` are marked ``low_n``: grey and
hatched in the chart, flagged in the table, never coloured like the rest.

>>> from labkit import data
>>> from labkit.dashboard import DashboardModel
>>> model = DashboardModel.from_data()                       # doctest: +SKIP
>>> view = model.set(agency="AG05", breakdown="platform")   # doctest: +SKIP
>>> view.table                                               # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from labkit import charts, engagement, export, i18n, schema
from labkit.engagement.stats import grouped_median_ci
from labkit.errors import LabkitError

__all__ = [
    "ALL",
    "BREAKDOWNS",
    "DENOMINATORS",
    "FILTERS",
    "METRICS",
    "DashboardModel",
    "DashboardView",
    "median_ci",
]

#: "every agency / platform / account"
ALL = "*"
FILTERS = ("agency", "platform", "account", "start", "end", "metric", "denominator", "breakdown")
#: Counts that can be the numerator. ``engagements`` = likes + comments + shares + saves,
#: counting what the platform reports.
METRICS = ("engagements", "likes", "comments", "shares", "saves")
#: What the metric is divided by; ``none`` shows the raw count per post.
DENOMINATORS = ("followers", "reach", "impressions", "views", "none")
BREAKDOWNS = (
    "account",
    "platform",
    "agency",
    "content_type",
    "topic",
    "weekday",
    "hour",
    "weekday_hour",
    "month",
)
ENGAGEMENT_PARTS = engagement.ENGAGEMENT_METRICS
#: Groups with fewer posts are marked ``low_n`` (the lab's one threshold).
DEFAULT_MIN_N = engagement.MIN_N
#: Groups drawn as bars (the table has them all).
MAX_BARS = 20


# ---------------------------------------------------------------- statistics


def median_ci(values: pd.Series, groups: pd.Series | None = None) -> pd.DataFrame:
    """Median, distribution-free 95 % interval and ``n`` of ``values``, per group.

    A table view of :func:`labkit.engagement.stats.grouped_median_ci` (order
    statistics, exact binomial ranks; no resampling). ``groups`` is aligned
    with ``values``; missing and infinite values are left out of ``n``; where
    ``n`` is too small for a 95 % interval (below 6) it is missing.

    Returns
    -------
    DataFrame
        Index: the groups (sorted); columns ``median``, ``lower``, ``upper``, ``n``.
    """
    v = pd.to_numeric(values, errors="coerce").astype(float).to_numpy()
    v = np.where(np.isfinite(v), v, np.nan)
    if groups is None:
        codes, uniques = np.zeros(len(v), dtype="int64"), pd.Index([0])
    else:
        codes, uniques = pd.factorize(groups, sort=True)
        if isinstance(uniques, pd.Categorical):
            uniques = pd.Index(uniques)
    st = grouped_median_ci(v, codes, len(uniques))
    out = pd.DataFrame(
        {"median": st["median"], "lower": st["ci_low"], "upper": st["ci_high"], "n": st["n"]},
        index=uniques,
    )
    return out[out["n"] > 0]


# ---------------------------------------------------------------- preparation


def _prepare(
    posts: pd.DataFrame,
    accounts: pd.DataFrame | None,
    followers: pd.DataFrame | None,
) -> tuple[pd.DataFrame, str]:
    """One row per post: keys, local time, counts and denominators (from labkit.engagement)."""
    key = posts["platform"].astype(str) + "/" + posts["account"].astype(str)
    agency: dict[str, str] = {}
    if accounts is not None and not accounts.empty and "agency_id" in accounts:
        acc_key = accounts["platform"].astype(str) + "/" + accounts["account"].astype(str)
        agency = dict(zip(acc_key, accounts["agency_id"].astype(str), strict=True))
    frame = pd.DataFrame(index=posts.index)
    frame["account"] = key.astype("category")
    frame["platform"] = posts["platform"].astype(str).astype("category")
    frame["agency"] = key.map(agency).fillna("?").astype("category")
    local = engagement.local_time(posts, accounts)
    local.index = posts.index
    frame["day"] = local.dt.normalize()
    frame["hour"] = local.dt.hour.astype("int16")
    frame["weekday"] = local.dt.day_of_week.astype("int16")
    frame["month"] = local.dt.to_period("M").dt.to_timestamp()
    frame["content_type"] = (
        posts["content_type"].astype(str).astype("category") if "content_type" in posts else "?"
    )
    if "topic" in posts:
        frame["topic"] = posts["topic"].astype(str).astype("category")
    frame["engagements"] = engagement.engagement_values(posts)
    for col in ENGAGEMENT_PARTS + ("reach", "impressions", "views"):
        frame[col] = (
            pd.to_numeric(posts[col], errors="coerce").astype(float) if col in posts else np.nan
        )
    fol, source = engagement.denominator_values(
        posts, "followers", followers=followers, accounts=accounts
    )
    frame["followers"] = fol
    return frame.reset_index(drop=True), source


# ---------------------------------------------------------------- the view


@dataclass(frozen=True)
class DashboardView:
    """What the dashboard shows for one set of filters.

    Attributes
    ----------
    filters : dict
        The filters this view answers (valid values only).
    table : DataFrame
        One row per group: ``group`` (label), ``key``, ``median``, ``lower``,
        ``upper`` (95 % interval of the median), ``n`` (posts with a value),
        ``posts`` (posts in the group) and ``low_n`` (``n < min_n``).
        ``attrs`` name the metric, denominator and unit.
    chart_data : DataFrame
        The rows the chart draws (at most :data:`MAX_BARS` groups for bars, the whole grid
        for ``weekday_hour``), same columns as ``table``.
    kind : {"bar", "heatmap"}
    title, subtitle, value_label : str
    percent : bool
        Values are percentages (``denominator != "none"``).
    posts : int
        Posts after the filters.
    message : str
        Why the table is empty (no posts in the range, no denominator), else "".
    min_n : int
    """

    filters: dict[str, Any]
    table: pd.DataFrame
    chart_data: pd.DataFrame
    kind: str
    title: str
    subtitle: str
    value_label: str
    percent: bool
    posts: int
    message: str
    min_n: int
    _figure: list = field(default_factory=list, repr=False, compare=False)

    @property
    def n(self) -> int:
        """Posts with a value in the table (the sum of ``n``)."""
        return int(self.table["n"].sum()) if len(self.table) else 0

    def figure(self, fig: Any = None) -> Any:
        """The chart of this view (a matplotlib Figure in the lab's style).

        ``fig``: redraw into this figure instead of making a new one (widgets
        reuse one figure). Without ``fig`` the figure is made once and cached.
        """
        if fig is None and self._figure:
            return self._figure[0]
        own = fig is None  # a figure passed in (a widget's) is redrawn later for other views
        data = self.chart_data
        if data.empty:
            fig = charts._fresh(fig)  # an empty chart that says why
            with charts.style():
                ax = fig.add_subplot()
                ax.set_axis_off()
                ax.text(0.5, 0.5, self.message or i18n.t("dashboard.empty"), ha="center",
                        va="center", wrap=True, transform=ax.transAxes)  # fmt: skip
                ax.set_title(self.title, loc="left")
        elif self.kind == "heatmap":
            grid = data.assign(
                weekday=data["key"].astype("int64") // 100, hour=data["key"].astype("int64") % 100
            )
            labels = {d: charts.weekday_name(d, short=True) for d in range(7)}
            fig = charts.heatmap(grid, "weekday", "hour", "median", percent=self.percent,
                                 title=self.title, subtitle=self.subtitle, row_labels=labels,
                                 min_n=self.min_n, fig=fig)  # fmt: skip
        else:
            fig = charts.bar(data, "group", "median", lower="lower", upper="upper",
                             percent=self.percent, title=self.title, subtitle=self.subtitle,
                             min_n=self.min_n, fig=fig)  # fmt: skip
        if own and not self._figure:
            self._figure.append(fig)
        return fig

    def display_table(self) -> pd.DataFrame:
        """The table with Indonesian (or English) headers and formatted numbers, for people."""
        t = self.table
        fmt = (
            (lambda v: charts.format_percent(v, 2)) if self.percent else charts.format_number
        )  # fmt: skip
        mark = i18n.t("dashboard.low_n_mark", min_n=self.min_n)
        return pd.DataFrame(
            {
                i18n.t("dashboard.col_group"): t["group"].astype(str),
                i18n.t("dashboard.col_median"): t["median"].map(fmt),
                i18n.t("dashboard.col_ci"): [
                    f"{fmt(lo)} – {fmt(hi)}" if not (pd.isna(lo) or pd.isna(hi)) else "-"
                    for lo, hi in zip(t["lower"], t["upper"], strict=True)
                ],
                "n": t["n"].map(lambda v: charts.format_number(v, 0)),
                i18n.t("dashboard.col_note"): np.where(t["low_n"], mark, ""),
            }
        )

    def terms(self) -> pd.DataFrame:
        """The glossary entries of the terms this view shows (``term, definition``).

        The metric, the denominator, the median and its interval, ``n`` and the
        low-n mark, each with its one definition from :mod:`labkit.engagement`.
        """
        metric = self.filters["metric"]
        den = self.filters["denominator"]
        rate = "engagement_rate" if den != "none" else None
        denominator = "followers_at_posting" if den == "followers" else den
        return engagement.glossary_terms(
            metric, rate, denominator, "median", "confidence_interval", "n", "low_n"
        )

    def export_png(self, name: str | None = None) -> charts.SavedChart:
        """Save the chart as PNG and SVG in ``<work dir>/exports/grafik/``."""
        return charts.save(self.figure(), name or self.file_stem())

    def export_xlsx(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save the table (and the filters used) as an Excel workbook, formula-safe."""
        table = self.table.drop(columns=["key"]).rename(
            columns={"median": f"median_{self.filters['metric']}_per_{self.filters['denominator']}"}
        )
        filters = pd.DataFrame(
            {
                "filter": list(self.filters),
                "value": [str(v) for v in self.filters.values()],
            }
        )
        sheets = {
            i18n.t("dashboard.sheet_table"): table,
            i18n.t("dashboard.sheet_filters"): filters,
            i18n.t("dashboard.sheet_terms"): self.terms()[["term", "definition"]],
        }
        return export.write_xlsx(sheets, path or f"{self.file_stem()}.xlsx")

    def file_stem(self) -> str:
        f = self.filters
        parts = ["dasbor", f["metric"], f["denominator"], f["breakdown"]]
        for key in ("agency", "platform", "account"):
            if f[key] != ALL:
                parts.append(str(f[key]).replace("/", "_"))
        return "_".join(parts)


# ---------------------------------------------------------------- the model


class DashboardModel:
    """Filters in, frames out: the engagement dashboard without widgets.

    Parameters
    ----------
    posts : DataFrame
        Canonical ``posts`` (optionally with a ``topic`` column, e.g. from
        topic tagging).
    accounts : DataFrame, optional
        Canonical ``accounts`` (local time zone and agency of each account).
    followers : DataFrame, optional
        Canonical daily ``followers`` (followers on the post's local day).
        Without it the ``followers`` denominator is the account's count at the
        end of the period (``accounts.followers``, said in the chart's
        subtitle), or missing when that is unknown too (the view then says
        which denominators still work). See
        :func:`labkit.engagement.denominator_values`.
    agencies : DataFrame, optional
        Canonical ``agencies``, for agency names in the selector.
    min_n : int
        Groups with fewer posts than this are marked ``low_n``.
    **filters
        Initial filters (see :data:`FILTERS`).
    """

    def __init__(
        self,
        posts: pd.DataFrame,
        accounts: pd.DataFrame | None = None,
        followers: pd.DataFrame | None = None,
        agencies: pd.DataFrame | None = None,
        *,
        min_n: int = DEFAULT_MIN_N,
        **filters: Any,
    ) -> None:
        if not isinstance(posts, pd.DataFrame) or "published_at" not in posts:
            raise LabkitError("dashboard.no_posts")
        self.min_n = int(min_n)
        self.frame, self.followers_source = _prepare(posts, accounts, followers)
        self._names: dict[str, str] = {}
        trio = self.frame[["agency", "platform", "account"]].drop_duplicates().astype(str)
        self._accounts: list[tuple[str, str, str]] = list(trio.itertuples(index=False, name=None))
        if agencies is not None and not agencies.empty:
            self._names = dict(
                zip(agencies["agency_id"].astype(str), agencies["name"].astype(str), strict=True)
            )
        days = self.frame["day"].dropna()
        self.first_day: dt.date | None = days.min().date() if len(days) else None
        self.last_day: dt.date | None = days.max().date() if len(days) else None
        self._observers: list[Callable[[DashboardView], None]] = []
        self._filters: dict[str, Any] = {
            "agency": ALL,
            "platform": ALL,
            "account": ALL,
            "start": self.first_day,
            "end": self.last_day,
            "metric": "engagements",
            "denominator": "followers" if self.frame["followers"].notna().any() else "reach",
            "breakdown": "account",
        }
        if self._filters["denominator"] == "reach" and self.frame["reach"].isna().all():
            self._filters["denominator"] = "views"
        self._view: DashboardView | None = None
        self.set(**filters)

    @classmethod
    def from_data(cls, source: str | None = None, **kwargs: Any) -> DashboardModel:
        """A model over the tables of ``source`` (default: the current one, see ``data.use``)."""
        from labkit import owndata

        return cls(
            owndata.load_or_none("posts", source),
            owndata.load_or_none("accounts", source),
            owndata.load_or_none("followers", source),
            owndata.load_or_none("agencies", source),
            **kwargs,
        )

    def copy(self, **filters: Any) -> DashboardModel:
        """A new model over the same prepared posts (no observers), with ``filters`` changed.

        Cheap: the posts are not prepared again, so two dashboards can show the
        same data side by side.
        """
        clone = object.__new__(DashboardModel)
        clone.__dict__.update(self.__dict__)
        clone._observers = []
        clone._filters = dict(self._filters)
        clone._view = None
        clone.set(**filters)
        return clone

    # -- filters

    @property
    def filters(self) -> dict[str, Any]:
        """The current filters (always valid values)."""
        return dict(self._filters)

    @property
    def view(self) -> DashboardView:
        """The view for the current filters (computed once per change)."""
        if self._view is None:
            self._view = self._compute()
        return self._view

    def observe(self, callback: Callable[[DashboardView], None]) -> None:
        """Call ``callback(view)`` after every change of filters."""
        self._observers.append(callback)

    def options(self, name: str) -> list[tuple[str, Any]]:
        """``(label, value)`` pairs a selector offers for filter ``name`` now.

        Platforms and accounts are those of the chosen agency (and platform).
        """
        accounts, agency = self._accounts, self._filters["agency"]
        if name == "agency":
            keys = sorted({a for a, _, _ in accounts})
            return [(i18n.t("dashboard.all_agencies"), ALL)] + [
                (f"{k} · {self._names[k]}" if k in self._names else k, k) for k in keys
            ]
        if name == "platform":
            have = {p for a, p, _ in accounts if agency in (ALL, a)}
            keys = [p for p in schema.PLATFORMS if p in have] + sorted(have - set(schema.PLATFORMS))
            return [(i18n.t("dashboard.all_platforms"), ALL)] + [(k, k) for k in keys]
        if name == "account":
            platform = self._filters["platform"]
            keys = sorted(
                {k for a, p, k in accounts if agency in (ALL, a) and platform in (ALL, p)}
            )
            return [(i18n.t("dashboard.all_accounts"), ALL)] + [(k, k) for k in keys]
        if name == "metric":
            return [(i18n.t(f"dashboard.metric.{m}"), m) for m in METRICS]
        if name == "denominator":
            return [(i18n.t(f"dashboard.denominator.{d}"), d) for d in DENOMINATORS]
        if name == "breakdown":
            have = [b for b in BREAKDOWNS if b != "topic" or "topic" in self.frame]
            return [(i18n.t(f"dashboard.breakdown.{b}"), b) for b in have]
        if name in ("start", "end"):
            return []
        raise LabkitError("dashboard.unknown_filter", name=name, known=", ".join(FILTERS))

    def set(self, **changes: Any) -> DashboardView:
        """Change some filters and return the new view (observers are told).

        Raises
        ------
        LabkitError
            An unknown filter, or a value that is not valid (the message
            lists the valid ones).
        """
        if not changes and self._view is not None:
            return self._view
        new = dict(self._filters)
        for name, value in changes.items():
            if name not in FILTERS:
                raise LabkitError("dashboard.unknown_filter", name=name, known=", ".join(FILTERS))
            new[name] = self._clean(name, value)
        old, self._filters = self._filters, new
        try:
            self._validate(changes)
        except LabkitError:
            self._filters = old
            raise
        self._view = None
        view = self.view
        for callback in list(self._observers):
            callback(view)
        return view

    def _clean(self, name: str, value: Any) -> Any:
        if name in ("start", "end"):
            if value is None or value == "":
                return self.first_day if name == "start" else self.last_day
            try:
                return pd.Timestamp(value).date()
            except (ValueError, TypeError) as exc:
                raise LabkitError("dashboard.bad_date", name=name, value=str(value)) from exc
        if value is None or value == "":
            return ALL if name in ("agency", "platform", "account") else value
        return str(value)

    def _validate(self, changes: Mapping[str, Any]) -> None:
        f = self._filters
        for name, known in (("metric", METRICS), ("denominator", DENOMINATORS)):
            if f[name] not in known:
                raise LabkitError("dashboard.unknown_value", name=name, value=f[name],
                                  known=", ".join(known))  # fmt: skip
        valid_breakdowns = [v for _, v in self.options("breakdown")]
        if f["breakdown"] not in valid_breakdowns:
            key = "dashboard.no_topic" if f["breakdown"] == "topic" else "dashboard.unknown_value"
            raise LabkitError(key, name="breakdown", value=f["breakdown"],
                              known=", ".join(valid_breakdowns))  # fmt: skip
        agencies = [v for _, v in self.options("agency")]
        if f["agency"] not in agencies:
            raise LabkitError("dashboard.unknown_value", name="agency", value=f["agency"],
                              known=", ".join(agencies))  # fmt: skip
        # platform and account follow the agency: reset when no longer possible
        platforms = [v for _, v in self.options("platform")]
        if f["platform"] not in platforms:
            if "platform" in changes:
                raise LabkitError("dashboard.unknown_value", name="platform", value=f["platform"],
                                  known=", ".join(platforms))  # fmt: skip
            f["platform"] = ALL
        accounts = [v for _, v in self.options("account")]
        if f["account"] not in accounts:
            if "account" in changes:
                raise LabkitError("dashboard.unknown_value", name="account", value=f["account"],
                                  known=", ".join(accounts[:30]))  # fmt: skip
            f["account"] = ALL
        if f["start"] is not None and f["end"] is not None and f["start"] > f["end"]:
            raise LabkitError("dashboard.bad_range", start=str(f["start"]), end=str(f["end"]))

    def posts(self) -> pd.DataFrame:
        """The posts behind the current view, one row each, with their ``value``.

        Columns: ``account`` (``platform/handle``), ``platform``, ``agency``,
        ``day`` (local), ``hour``, ``weekday`` (0 = Monday), ``month``,
        ``content_type``, the counts (``engagements``, ``likes``, ...), the
        denominators (``followers`` at posting, ``reach``, ``impressions``,
        ``views``) and ``value``: the metric per denominator in percent (or
        the raw count), missing where the denominator is missing or zero.
        For lessons: a ``groupby`` on this table is one readable line.
        """
        sub = self._subset()
        return sub.assign(value=self._values(sub)).reset_index(drop=True)

    # -- computing

    def _subset(self, *, dates: bool = True, account: bool = True) -> pd.DataFrame:
        f, frame = self._filters, self.frame
        mask = np.ones(len(frame), dtype=bool)
        if f["agency"] != ALL:
            mask &= (frame["agency"] == f["agency"]).to_numpy()
        if f["platform"] != ALL:
            mask &= (frame["platform"] == f["platform"]).to_numpy()
        if account and f["account"] != ALL:
            mask &= (frame["account"] == f["account"]).to_numpy()
        if dates:
            day = frame["day"].to_numpy()
            if f["start"] is not None:
                mask &= day >= np.datetime64(f["start"])
            if f["end"] is not None:
                mask &= day <= np.datetime64(f["end"])
        return frame[mask]

    def _values(self, sub: pd.DataFrame) -> pd.Series:
        metric, denom = self._filters["metric"], self._filters["denominator"]
        num = sub[metric]
        if denom == "none":
            return num
        den = sub[denom]
        return (num / den.where(den > 0) * 100).astype(float)  # zero/missing -> missing

    def _groups(self, sub: pd.DataFrame) -> tuple[pd.Series, Callable[[Any], str]]:
        b = self._filters["breakdown"]
        if b == "weekday":
            return sub["weekday"], lambda k: charts.weekday_name(k)
        if b == "hour":
            return sub["hour"], lambda k: f"{int(k):02d}:00"
        if b == "month":
            return sub["month"], lambda k: charts.format_date(k, "month")
        if b == "weekday_hour":
            keys = sub["weekday"].astype("int64") * 100 + sub["hour"].astype("int64")
            return keys, lambda k: f"{charts.weekday_name(k // 100, short=True)} {k % 100:02d}:00"
        column = sub[b]
        if isinstance(column.dtype, pd.CategoricalDtype):  # keep the codes: fast grouping
            return column.cat.remove_unused_categories(), lambda k: str(k)
        return column.astype(str), lambda k: str(k)

    def _compute(self) -> DashboardView:
        f = self._filters
        sub = self._subset()
        values = self._values(sub)
        percent = f["denominator"] != "none"
        metric = i18n.t(f"dashboard.metric.{f['metric']}")
        denom = i18n.t(f"dashboard.denominator.{f['denominator']}")
        value_label = (
            i18n.t("dashboard.value_rate", metric=metric, denominator=denom)
            if percent
            else i18n.t("dashboard.value_count", metric=metric)
        )
        title = i18n.t("dashboard.title", value=value_label,
                       breakdown=i18n.t(f"dashboard.breakdown.{f['breakdown']}"))  # fmt: skip
        scope = [str(f[k]) for k in ("agency", "platform", "account") if f[k] != ALL]
        span = (
            f"{charts.format_date(f['start'])} – {charts.format_date(f['end'])}"
            if f["start"] and f["end"]
            else ""
        )
        notes = [] if f["breakdown"] == "weekday_hour" else [i18n.t("dashboard.median_note")]
        if f["denominator"] == "followers" and "end of period" in self.followers_source:
            notes.append(i18n.t("dashboard.followers_end"))
        subtitle = " · ".join([*scope, span, *notes])
        message = ""
        if sub.empty:
            message = i18n.t("dashboard.no_posts_in_range")
            stats = median_ci(pd.Series([], dtype=float))
            table = self._table(stats, pd.Series([], dtype="int64"), lambda k: str(k))
        else:
            groups, label = self._groups(sub)
            stats = median_ci(values, groups)
            posts_per = groups.groupby(groups, sort=True, observed=True).size()
            table = self._table(stats, posts_per, label)
            if table.empty:
                working = [
                    d for d in DENOMINATORS[:-1] if sub[d].notna().any() and (sub[d] > 0).any()
                ]
                message = i18n.t(
                    "dashboard.no_denominator",
                    denominator=denom,
                    working=", ".join(i18n.t(f"dashboard.denominator.{d}") for d in working) or "-",
                )
        table.attrs.update(
            metric=f["metric"], denominator=f["denominator"], unit="%" if percent else "count",
            min_n=self.min_n,
        )  # fmt: skip
        kind = "heatmap" if f["breakdown"] == "weekday_hour" else "bar"
        chart_data = table if kind == "heatmap" else table.head(MAX_BARS)
        return DashboardView(
            filters=dict(f),
            table=table,
            chart_data=chart_data,
            kind=kind,
            title=title,
            subtitle=subtitle,
            value_label=value_label,
            percent=percent,
            posts=len(sub),
            message=message,
            min_n=self.min_n,
        )

    def _table(
        self, stats: pd.DataFrame, posts_per: pd.Series, label: Callable[[Any], str]
    ) -> pd.DataFrame:
        cols = ["group", "key", "median", "lower", "upper", "n", "posts", "low_n"]
        if stats.empty:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols}).astype(
                {
                    "median": float,
                    "lower": float,
                    "upper": float,
                    "n": "int64",
                    "posts": "int64",
                    "low_n": bool,
                }  # fmt: skip
            )
        keys = list(stats.index)
        table = pd.DataFrame(
            {
                "group": [label(k) for k in keys],
                "key": keys,
                "median": stats["median"].to_numpy(),
                "lower": stats["lower"].to_numpy(),
                "upper": stats["upper"].to_numpy(),
                "n": stats["n"].to_numpy().astype("int64"),
                "posts": posts_per.reindex(keys).fillna(0).to_numpy().astype("int64"),
            }
        )
        table["low_n"] = table["n"] < self.min_n
        b = self._filters["breakdown"]
        if b in ("account", "platform", "agency", "content_type", "topic"):
            # largest first, low-n groups after the comparable ones
            table = table.sort_values(["low_n", "median", "group"], ascending=[True, False, True])
        return table.reset_index(drop=True)
