"""The result of an audit: scores with their evidence, comparisons and exports.

An :class:`AuditReport` holds one row per (account or agency, item) with the
points, the state (scored, cannot be scored, not assessed yet, not
applicable), the measured value, its ``n`` and denominator, the evidence
(rendered on demand in either language) and the rows behind it. Everything
else is computed from those rows with the arithmetic of
:func:`labkit.audit.scoring.aggregate`; its save format is
:mod:`labkit.audit.store`, its document layout :mod:`labkit.audit.document`:

>>> report = audit(accounts, posts, comments)          # doctest: +SKIP
>>> report.agency_scores()                            # doctest: +SKIP
>>> report.findings()                                 # doctest: +SKIP
>>> report.to_docx()                                  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from labkit import i18n
from labkit.audit import document, scoring, store
from labkit.audit.checklist import manual_rows
from labkit.audit.rubric import Rubric
from labkit.audit.text import language, num_text, pct_text, render, status_label

__all__ = [
    "AuditReport",
    "Comparison",
    "ScopeScore",
    "compare",
    "language",
    "render",
    "status_label",
]

_TOL = 1e-9


# ---------------------------------------------------------------------------- report


@dataclass(frozen=True, repr=False)
class ScopeScore:
    """The audit score of one account, or of one agency, with its coverage.

    ``value`` is 0-100 (None when nothing is scored), ``coverage`` the share of
    the rubric's weight scored (0-1), ``items_scored`` / ``items`` the counts and
    ``by_principle`` maps each principle to ``(score or None, coverage)``.
    Shows as one line in a notebook (:meth:`text`).
    """

    who: str
    value: float | None
    coverage: float
    items_scored: int
    items: int
    by_principle: dict = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        """One line for people, naming the coverage and the items scored."""
        lang = lang or i18n.get_language()
        return i18n.t(
            "audit.widget.score",
            lang=lang,
            who=self.who,
            score="-" if self.value is None else f"{self.value:.0f}",
            coverage=pct_text(self.coverage, lang),
            scored=self.items_scored,
            items=self.items,
        )

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return f"<b>{html.escape(self.text())}</b>"


@dataclass
class AuditReport:
    """Scores of an audit with their evidence.

    Attributes
    ----------
    items : DataFrame
        One row per (agency_id, platform, account, item_id); agency-level items
        have no platform/account. Columns: ``points`` (0-2, NaN if not scored),
        ``state`` (scored | cannot | not_assessed | not_applicable), ``value``,
        ``n``, ``msg``/``args`` (evidence), ``ids`` (rows behind it), ``need``
        (what would be needed), ``note`` (manual evidence).
    accounts : DataFrame
        The inventory audited.
    rubric : Rubric
    meta : dict
        ``as_of`` (ISO, UTC), where it came from, rubric name and version, row
        counts of the tables, agency names.
    """

    items: pd.DataFrame
    accounts: pd.DataFrame
    rubric: Rubric
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One text dtype for the keys, whatever the pandas version or the origin
        # (a fresh audit or a report read back from JSON).
        for frame, cols in (
            (self.items, ("agency_id", "platform", "account", "item_id", "state")),
            (self.accounts, ("agency_id", "platform", "account")),
        ):
            for col in cols:
                if col in frame.columns:
                    frame[col] = frame[col].astype("string")

    # ---- basics ------------------------------------------------------------------------

    @property
    def as_of(self) -> pd.Timestamp:
        """The audit's reference time (UTC)."""
        return pd.Timestamp(self.meta["as_of"])

    @property
    def agencies(self) -> list[str]:
        """Agency ids in the report, in inventory order."""
        return list(dict.fromkeys(self.accounts["agency_id"].astype(str)))

    def agency_name(self, agency_id: str) -> str:
        return self.meta.get("agency_names", {}).get(agency_id, agency_id)

    def as_of_text(self, lang: str | None = None) -> str:
        """The reference time in words, with where it came from."""
        return i18n.t(
            f"audit.as_of.{self.meta.get('as_of_origin', 'given')}",
            lang=lang,
            when=self.as_of.strftime("%Y-%m-%d %H:%M UTC"),
        )

    def __repr__(self) -> str:
        return (
            f"AuditReport(as_of={self.as_of.isoformat()}, agencies={len(self.agencies)}, "
            f"accounts={len(self.accounts)}, items={len(self.rubric.items)})"
        )

    # ---- scores --------------------------------------------------------------------------

    @cached_property
    def _account_scores(self) -> dict[str, pd.DataFrame]:
        rows = self.items.loc[self.items["account"].notna()].assign(
            score=lambda d: d["points"] / 2.0
        )
        return scoring.aggregate(rows[[*scoring.KEY, "item_id", "score"]], self.rubric, scoring.KEY)

    @cached_property
    def _agency_item_scores(self) -> pd.DataFrame:
        return scoring.agency_item_scores(self.items)

    @cached_property
    def _agency_scores(self) -> dict[str, pd.DataFrame]:
        return scoring.aggregate(
            self._agency_item_scores[["agency_id", "item_id", "score"]], self.rubric, ["agency_id"]
        )

    def agency_scores(self, lang: str | None = None) -> pd.DataFrame:
        """Overall score (0-100) per agency with its coverage and counts."""
        df = self._agency_scores["overall"].copy()
        states = self.items.groupby("agency_id")["state"].value_counts().unstack(fill_value=0)
        for s in scoring.STATES:
            df[f"rows_{s}"] = (
                df["agency_id"].map(states[s] if s in states else {}).fillna(0).astype(int)
            )
        df.insert(1, "agency", df["agency_id"].map(self.agency_name))
        df["as_of"] = self.as_of
        return df

    def account_scores(self) -> pd.DataFrame:
        """Score (0-100) per account over the account-level items, with coverage."""
        df = self._account_scores["overall"].copy()
        df["as_of"] = self.as_of
        return df

    def dimension_scores(self, level: str = "agency", lang: str | None = None) -> pd.DataFrame:
        """Score (0-100) per dimension, per agency (``level="agency"``) or per account."""
        df = (self._agency_scores if level == "agency" else self._account_scores)[
            "dimension"
        ].copy()
        lang = lang or i18n.get_language()
        df["name"] = df["dimension"].map({d.id: d.name[lang] for d in self.rubric.dimensions})
        df["as_of"] = self.as_of
        return df

    def principle_scores(self, level: str = "agency") -> pd.DataFrame:
        """Score (0-100) per Permenpan RB 83/2012 principle, per agency or per account."""
        df = (self._agency_scores if level == "agency" else self._account_scores)[
            "principle"
        ].copy()
        df["as_of"] = self.as_of
        return df

    def scope_score(
        self, agency_id: str, platform: str | None = None, account: str | None = None
    ) -> ScopeScore:
        """The score of one account (``platform`` and ``account`` given) or of an agency."""
        if account is None:
            overall = self.agency_scores()
            row = overall.loc[overall["agency_id"] == agency_id]
            prin = self.principle_scores("agency")
            prin = prin.loc[prin["agency_id"] == agency_id]
            who = self.agency_name(agency_id)
        else:
            overall = self.account_scores()
            row = overall.loc[(overall["platform"] == platform) & (overall["account"] == account)]
            prin = self.principle_scores("account")
            prin = prin.loc[(prin["platform"] == platform) & (prin["account"] == account)]
            who = f"@{account}"
        r = row.iloc[0]
        return ScopeScore(
            who=who,
            value=None if pd.isna(r["score"]) else float(r["score"]),
            coverage=float(r["coverage"]),
            items_scored=int(r["items_scored"]),
            items=int(r["items"]),
            by_principle={
                p: (None if pd.isna(v) else float(v), float(c))
                for p, v, c in zip(prin["principle"], prin["score"], prin["coverage"], strict=True)
            },
        )

    def item_scores(self, lang: str | None = None) -> pd.DataFrame:
        """Score (0-1) of every item per agency (account-level items: mean over accounts)."""
        df = self._agency_item_scores.copy()
        lang = lang or i18n.get_language()
        df["item"] = df["item_id"].map({it.id: it.text[lang] for it in self.rubric.items})
        df["as_of"] = self.as_of
        return df

    # ---- readable tables -----------------------------------------------------------------

    def table(self, lang: str | None = None) -> pd.DataFrame:
        """Every row of the audit in words: item, status, evidence, need, action."""
        lang = lang or i18n.get_language()
        cache = self.__dict__.setdefault("_tables", {})
        if lang not in cache:
            cache[lang] = self._table(lang)
        return cache[lang].copy()

    def _item_maps(self, lang: str) -> dict[str, dict[str, str]]:
        from labkit.audit.items import RULES

        maps: dict[str, dict[str, str]] = {
            k: {} for k in ("dimension", "item", "method", "action", "principles", "denominator")
        }
        for x in self.rubric.items:
            maps["dimension"][x.id] = self.rubric.dimension(x.dimension).name[lang]
            maps["item"][x.id] = x.text[lang]
            maps["method"][x.id] = i18n.t(f"audit.method.{x.method}", lang=lang)
            maps["action"][x.id] = x.action[lang]
            maps["principles"][x.id] = ", ".join(x.principles)
            key = RULES[x.rule].denominator if x.method == "auto" else None
            maps["denominator"][x.id] = i18n.t(key, lang=lang) if key else ""
        return maps

    @staticmethod
    def _evidence(rows: pd.DataFrame, lang: str) -> list[str]:
        """Evidence sentences of ``rows`` (only scored rows have one)."""
        return [
            render(m, a, lang) if st == "scored" else ""
            for m, a, st in zip(rows["msg"], rows["args"], rows["state"], strict=True)
        ]

    @staticmethod
    def _needed(rows: pd.DataFrame, lang: str) -> list[str]:
        return [
            render(m, a, lang) if isinstance(m, str) and m else ""
            for m, a in zip(rows["need"], rows["args"], strict=True)
        ]

    @staticmethod
    def _status(rows: pd.DataFrame, lang: str) -> list[str]:
        labels = {
            k: i18n.t(f"audit.status.{k}", lang=lang)
            for k in ("met", "partial", "not_met", "cannot", "not_assessed", "not_applicable")
        }
        pts = rows["points"].to_numpy(dtype=float)
        out = []
        for st, p in zip(rows["state"], pts, strict=True):
            if st == "scored" and not np.isnan(p):
                out.append(
                    labels["met"] if p >= 2 else labels["partial"] if p >= 1 else labels["not_met"]
                )
            else:
                out.append(labels.get(st, st))
        return out

    def _table(self, lang: str) -> pd.DataFrame:
        maps = self._item_maps(lang)
        df = self.items
        iid = df["item_id"]
        out = pd.DataFrame(
            {
                "agency_id": df["agency_id"],
                "platform": df["platform"],
                "account": df["account"],
                "item_id": iid,
                "dimension": iid.map(maps["dimension"]),
                "item": iid.map(maps["item"]),
                "method": iid.map(maps["method"]),
                "points": df["points"],
                "status": self._status(df, lang),
                "value": df["value"],
                "n": df["n"],
                "denominator": iid.map(maps["denominator"]),
                "evidence": self._evidence(df, lang),
                "note": df["note"].fillna("").astype(str) if "note" in df else "",
                "needed": self._needed(df, lang),
                "ids": [
                    ", ".join(map(str, x)) if isinstance(x, list | tuple) else "" for x in df["ids"]
                ],
                "action": iid.map(maps["action"]),
                "principles": iid.map(maps["principles"]),
                "as_of": self.as_of,
            }
        )
        return out

    def item(self, item_id: str, lang: str | None = None) -> pd.DataFrame:
        """The rows of one item (per account or agency), in words."""
        self.rubric.item(item_id)
        tab = self.table(lang)
        return tab.loc[tab["item_id"] == item_id].reset_index(drop=True)

    def findings(self, agency: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """One finding and one recommended action per failing item (points below 2), per agency."""
        lang = lang or i18n.get_language()
        items = self.items
        if agency:
            items = items.loc[items["agency_id"] == agency]
        scored = items.loc[items["state"] == "scored"]
        fail = scored.loc[scored["points"] < 2]
        totals = scored.groupby(["agency_id", "item_id"], sort=False).size()
        order = {x.id: i for i, x in enumerate(self.rubric.items)}
        ag_order = {a: i for i, a in enumerate(self.agencies)}
        rows = []
        for (ag, iid), grp in fail.groupby(["agency_id", "item_id"], sort=False):
            x = self.rubric.item(iid)
            if x.level == "account":
                head = grp.head(5)
                shown = [
                    f"@{acc} ({i18n.t(f'audit.platform.{pl}', lang=lang)}): {ev.rstrip('.')}"
                    for acc, pl, ev in zip(
                        head["account"], head["platform"], self._evidence(head, lang), strict=True
                    )
                ]
                text = i18n.t(
                    "audit.finding.accounts",
                    lang=lang,
                    k=len(grp),
                    m=int(totals.get((ag, iid), len(grp))),
                    detail="; ".join(shown),
                )
                if len(grp) > len(shown):
                    text += " " + i18n.t(
                        "audit.finding.more", lang=lang, more=len(grp) - len(shown)
                    )
                accounts = ", ".join("@" + a for a in grp["account"])
            else:
                first = grp.iloc[[0]]
                text = i18n.t(
                    "audit.finding.agency",
                    lang=lang,
                    status=self._status(first, lang)[0],
                    evidence=self._evidence(first, lang)[0],
                )
                accounts = ""
            rows.append(
                {
                    "agency_id": ag,
                    "item_id": iid,
                    "dimension": self.rubric.dimension(x.dimension).name[lang],
                    "item": x.text[lang],
                    "finding": text,
                    "action": x.action[lang],
                    "accounts": accounts,
                    "principles": ", ".join(x.principles),
                    "weight": round(self.rubric.global_weight(x), 2),
                    "_o": (ag_order.get(ag, 0), order[iid]),
                }
            )
        cols = [
            "agency_id",
            "item_id",
            "dimension",
            "item",
            "finding",
            "action",
            "accounts",
            "principles",
            "weight",
        ]
        if not rows:
            return pd.DataFrame(columns=cols)
        out = pd.DataFrame(rows).sort_values("_o", kind="stable")
        return out[cols].reset_index(drop=True)

    def unscored(self, agency: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """Items that could not be scored (or are not assessed / not applicable), with what is needed."""
        lang = lang or i18n.get_language()
        rows = self.items.loc[self.items["state"] != "scored"]
        if agency:
            rows = rows.loc[rows["agency_id"] == agency]
        out = rows[["agency_id", "platform", "account", "item_id"]].copy()
        out["item"] = rows["item_id"].map({x.id: x.text[lang] for x in self.rubric.items})
        out["status"] = self._status(rows, lang)
        out["needed"] = self._needed(rows, lang)
        return out.reset_index(drop=True)

    def inventory(self, lang: str | None = None) -> pd.DataFrame:
        """The inventory with each account's activity status (from the ``last_post`` item)."""
        lang = lang or i18n.get_language()
        cols = [
            c
            for c in (
                "agency_id",
                "platform",
                "account",
                "display_name",
                "unit",
                "verified",
                "profile_type",
                "followers",
            )
            if c in self.accounts.columns
        ]
        inv = self.accounts[cols].copy()
        last = [x for x in self.rubric.auto_items if x.rule == "last_post"]
        if last:
            rows = self.items.loc[self.items["item_id"] == last[0].id]
            key = rows["platform"].astype(str) + "/" + rows["account"].astype(str)
            inv_key = inv["platform"].astype(str) + "/" + inv["account"].astype(str)
            status = pd.Series(
                [
                    i18n.t(
                        {
                            "audit.ev.last_post.active": "audit.activity.active",
                            "audit.ev.last_post.inactive": "audit.activity.inactive",
                            "audit.ev.last_post.dormant": "audit.activity.dormant",
                        }.get(m, "audit.activity.unknown")
                        if s == "scored"
                        else "audit.activity.unknown",
                        lang=lang,
                    )
                    for m, s in zip(rows["msg"], rows["state"], strict=True)
                ],
                index=key.to_numpy(),
            )
            days = pd.Series(rows["value"].to_numpy(), index=key.to_numpy())
            lastd = pd.Series([a.get("last_date") for a in rows["args"]], index=key.to_numpy())
            inv["last_post"] = pd.to_datetime(inv_key.map(lastd), utc=True)
            inv["days_since_last_post"] = np.floor(inv_key.map(days).astype(float))
            inv["activity"] = inv_key.map(status)
        return inv.reset_index(drop=True)

    def problems(self, lang: str | None = None) -> pd.DataFrame:
        """The account problems found by the automatic items, one row per (account, problem).

        ``problem`` is a short code (``inactive``, ``dormant``, ``missing_bio``,
        ``missing_link``, ``missing_contact``, ``personal_profile``,
        ``inconsistent_name``, ``duplicate_account``, ``not_verified``,
        ``no_official_link``, ``impostor_found``), ``label`` says it in words and
        ``evidence`` shows why. Read from the items by their scoring rule, so a
        trainer's own rubric gives the same codes.
        """
        lang = lang or i18n.get_language()
        rows = []
        items = self.items
        for x in self.rubric.auto_items:
            codes = _PROBLEMS.get(x.rule)
            if x.rule == "field_present":
                codes = {0: f"missing_{x.params['column']}"}
            if not codes:
                continue
            part = items.loc[(items["item_id"] == x.id) & items["points"].notna()]
            part = part.loc[part["points"].astype(int).isin(list(codes))]
            for r, ev in zip(part.itertuples(), self._evidence(part, lang), strict=True):
                code = codes[int(r.points)]
                rows.append(
                    {
                        "agency_id": r.agency_id,
                        "platform": r.platform,
                        "account": r.account,
                        "problem": code,
                        "label": i18n.t(f"audit.problem.{code}", lang=lang),
                        "item_id": x.id,
                        "evidence": ev,
                    }
                )
        cols = ["agency_id", "platform", "account", "problem", "label", "item_id", "evidence"]
        return pd.DataFrame(rows, columns=cols)

    def impostors(self) -> pd.DataFrame:
        """Suspected impostor accounts found in the search results: platform, candidate, official, reason."""
        rows = []
        for x in self.rubric.auto_items:
            if x.rule != "impostors":
                continue
            part = self.items.loc[(self.items["item_id"] == x.id) & (self.items["points"] == 0)]
            for r in part.itertuples():
                reasons = str(r.args.get("reasons", "")).split("; ")
                for k, cand in enumerate(r.ids):
                    rows.append(
                        {
                            "agency_id": r.agency_id,
                            "platform": r.platform,
                            "candidate": cand,
                            "official": r.account,
                            "reason": reasons[k] if k < len(reasons) else "",
                        }
                    )
        return pd.DataFrame(
            rows, columns=["agency_id", "platform", "candidate", "official", "reason"]
        )

    def summary(self, lang: str | None = None) -> str:
        """A few lines per agency: score, coverage, findings, items not scored."""
        lang = lang or i18n.get_language()
        lines = [self.as_of_text(lang)]
        scores = self.agency_scores(lang)
        counts = self.findings(lang=lang)["agency_id"].value_counts()
        for r in scores.itertuples():
            fnd = int(counts.get(r.agency_id, 0))
            lines.append(document.summary_line(self, r, fnd, lang))
        return "\n".join(lines)

    # ---- chart ---------------------------------------------------------------------------

    def plot_principles(self, agency: str | None = None, *, lang: str | None = None, ax=None):
        """Horizontal bars: score (0-100) per principle, with coverage; returns the Figure."""
        import matplotlib

        if matplotlib.get_backend().lower() not in (
            "agg",
            "module://matplotlib_inline.backend_inline",
        ):
            pass
        from matplotlib.figure import Figure

        lang = lang or i18n.get_language()
        df = self.principle_scores("agency")
        ags = [agency] if agency else self.agencies
        df = df.loc[df["agency_id"].isin(ags)]
        prins = list(self.rubric.principles)
        if ax is None:
            fig = Figure(figsize=(7.5, 0.55 * len(prins) * max(1, min(len(ags), 3)) + 1.4))
            ax = fig.add_subplot(111)
        else:
            fig = ax.figure
        height = 0.8 / len(ags)
        for j, ag in enumerate(ags):
            sub = df.loc[df["agency_id"] == ag].set_index("principle").reindex(prins)
            y = np.arange(len(prins)) + j * height - 0.4 + height / 2
            vals = sub["score"].to_numpy(dtype=float)
            bars = ax.barh(
                y, np.nan_to_num(vals), height=height * 0.9, label=self.agency_name(ag)[:40]
            )
            for b, v, c in zip(bars, vals, sub["coverage"].to_numpy(dtype=float), strict=True):
                text = "-" if np.isnan(v) else f"{v:.0f}"
                if not np.isnan(c) and c < 0.999:
                    text += " " + i18n.t(
                        "audit.chart.coverage", lang=lang, coverage=pct_text(c, lang)
                    )
                ax.text(
                    min(np.nan_to_num(v), 100) + 1,
                    b.get_y() + b.get_height() / 2,
                    text,
                    va="center",
                    fontsize=8,
                )
        ax.set_yticks(np.arange(len(prins)))
        ax.set_yticklabels([p.capitalize() for p in prins])
        ax.invert_yaxis()
        ax.set_xlim(0, 135)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xlabel(i18n.t("audit.chart.xlabel", lang=lang))
        ax.set_title(
            i18n.t("audit.chart.title", lang=lang, when=self.as_of.strftime("%Y-%m-%d")),
            fontsize=10,
        )
        if len(ags) > 1:
            ax.legend(fontsize=7, loc="lower right")
        fig.tight_layout()
        return fig

    # ---- comparing ----------------------------------------------------------------------

    def compare(self, before: AuditReport) -> Comparison:
        """What improved and what got worse since ``before`` (an earlier audit)."""
        return compare(before, self)

    # ---- manual answers --------------------------------------------------------------------

    def with_checklist(self, checklist) -> AuditReport:
        """A copy of this report with the manual items re-read from ``checklist``."""
        manual = {x.id for x in self.rubric.manual_items}
        auto = self.items.loc[~self.items["item_id"].isin(manual)]
        rows = manual_rows(self.accounts, self.rubric, checklist)
        items = (
            pd.concat([auto, rows], ignore_index=True) if len(rows) else auto.reset_index(drop=True)
        )
        return AuditReport(
            items=items, accounts=self.accounts, rubric=self.rubric, meta=dict(self.meta)
        )

    # ---- saving (the file format is labkit.audit.store's) -----------------------------------

    def save(self, name: str = "audit") -> Path:
        """Save the report to ``<work dir>/audit/reports/<name>.json`` (earlier versions kept).

        See :func:`labkit.audit.store.save`.
        """
        return store.save(self, name)

    @classmethod
    def load(cls, name: str = "audit") -> AuditReport:
        """Read a report saved with :meth:`save` (see :func:`labkit.audit.store.read`)."""
        return cls(**store.read(name))

    # ---- exports ------------------------------------------------------------------------------

    def document(self, agency: str | None = None, lang: str = "id"):
        """The report for leaders as a :class:`labkit.export.Document` (Indonesian by default).

        The layout is :func:`labkit.audit.document.for_leaders`.
        """
        return document.for_leaders(self, agency, lang)

    def _default_name(self, agency: str | None) -> str:
        who = agency or (self.agencies[0] if len(self.agencies) == 1 else "semua")
        return f"audit_akun_{who}_{self.as_of.strftime('%Y%m%d')}"

    def to_docx(self, path=None, *, agency: str | None = None, lang: str = "id") -> Path:
        """Save the report for leaders as Word (default ``exports/audit_akun_<agency>_<date>.docx``)."""
        return self.document(agency, lang).to_docx(path or self._default_name(agency))

    def to_html(self, path=None, *, agency: str | None = None, lang: str = "id") -> Path:
        """Save the report for leaders as a web page (text escaped; no scripts)."""
        return self.document(agency, lang).to_html(path or self._default_name(agency))

    def to_xlsx(self, path=None, *, lang: str = "id") -> Path:
        """Save every table of the audit as an Excel workbook (text cells never formulas)."""
        from labkit.export import write_xlsx

        with language(lang):
            sheets = {
                i18n.t("audit.sheet.agencies"): self.agency_scores(lang),
                i18n.t("audit.sheet.principles"): self.principle_scores("agency"),
                i18n.t("audit.sheet.dimensions"): self.dimension_scores("agency", lang),
                i18n.t("audit.sheet.accounts"): self.account_scores(),
                i18n.t("audit.sheet.items"): self.table(lang),
                i18n.t("audit.sheet.findings"): self.findings(lang=lang),
                i18n.t("audit.sheet.unscored"): self.unscored(lang=lang),
                i18n.t("audit.sheet.rubric"): self.rubric.to_frame(lang),
            }
            sheets = {k: _excel_ready(v) for k, v in sheets.items()}
            return write_xlsx(sheets, path or self._default_name(None))

    # ---- notebook display -------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """The overview (:func:`labkit.audit.document.overview`) as the notebook shows it."""
        return document.overview(self)._repr_html_()


_PROBLEMS: dict[str, dict[int, str]] = {
    "last_post": {1: "inactive", 0: "dormant"},
    "profile_type": {0: "personal_profile"},
    "name_consistency": {0: "inconsistent_name"},
    "duplicates": {0: "duplicate_account", 1: "duplicate_account"},
    "verified": {0: "not_verified"},
    "official_link": {0: "no_official_link"},
    "impostors": {0: "impostor_found"},
}


def _excel_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            out[col] = s.dt.tz_convert("UTC").dt.tz_localize(None)
        elif s.dtype == object and s.map(lambda v: isinstance(v, list | dict)).any():
            out[col] = s.map(
                lambda v: (
                    json.dumps(store.plain(v), ensure_ascii=False)
                    if isinstance(v, list | dict)
                    else v
                )
            )
    return out


# ---------------------------------------------------------------------------- comparing


@dataclass
class Comparison:
    """Scores of two audits side by side.

    ``table`` has one row per compared score: ``level`` (overall | principle |
    dimension | item | account_item), ``agency_id``, ``platform``, ``account``,
    ``key`` (principle, dimension or item id), ``label``, ``before``, ``after``
    (0-100; NaN when not scored), ``change`` and ``direction`` (improved |
    worse | same | newly_scored | no_longer_scored | not_scored).
    """

    table: pd.DataFrame
    before_as_of: pd.Timestamp
    after_as_of: pd.Timestamp

    def improved(self, level: str | None = None) -> pd.DataFrame:
        """Rows that improved (optionally of one ``level``)."""
        return self._pick("improved", level)

    def worsened(self, level: str | None = None) -> pd.DataFrame:
        """Rows that got worse (optionally of one ``level``)."""
        return self._pick("worse", level)

    def _pick(self, direction: str, level: str | None) -> pd.DataFrame:
        t = self.table.loc[self.table["direction"] == direction]
        if level:
            t = t.loc[t["level"] == level]
        return t.reset_index(drop=True)

    def summary(self, lang: str | None = None) -> str:
        lang = lang or i18n.get_language()
        lines = [
            i18n.t(
                "audit.compare.header",
                lang=lang,
                before=self.before_as_of.strftime("%Y-%m-%d"),
                after=self.after_as_of.strftime("%Y-%m-%d"),
            )
        ]
        for r in self.table.loc[self.table["level"] == "overall"].itertuples():
            lines.append(
                i18n.t(
                    "audit.compare.overall",
                    lang=lang,
                    agency=r.label,
                    before="-" if pd.isna(r.before) else num_text(r.before, 0, lang),
                    after="-" if pd.isna(r.after) else num_text(r.after, 0, lang),
                    direction=i18n.t(f"audit.direction.{r.direction}", lang=lang),
                )
            )
        items = self.table.loc[self.table["level"] == "item"]
        for direction in ("improved", "worse"):
            sel = items.loc[items["direction"] == direction]
            if len(sel):
                lines.append(
                    i18n.t(
                        f"audit.compare.items_{direction}",
                        lang=lang,
                        items=", ".join(sel["key"].astype(str)),
                    )
                )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(self.summary()) + "</pre>"


def _direction(before: pd.Series, after: pd.Series) -> np.ndarray:
    b, a = before.to_numpy(dtype=float), after.to_numpy(dtype=float)
    out = np.where(
        np.isnan(b) & np.isnan(a),
        "not_scored",
        np.where(
            np.isnan(b),
            "newly_scored",
            np.where(
                np.isnan(a),
                "no_longer_scored",
                np.where(a > b + _TOL, "improved", np.where(a < b - _TOL, "worse", "same")),
            ),
        ),
    )
    return out


def compare(before: AuditReport, after: AuditReport, lang: str | None = None) -> Comparison:
    """Compare two audits (usually of the same agency before and after the workshop)."""
    lang = lang or i18n.get_language()
    frames = []

    def side(df_b: pd.DataFrame, df_a: pd.DataFrame, keys: list[str], level: str, label) -> None:
        m = df_b[[*keys, "score"]].merge(
            df_a[[*keys, "score"]], on=keys, how="outer", suffixes=("_b", "_a")
        )
        out = pd.DataFrame(
            {
                "level": level,
                "agency_id": m["agency_id"],
                "platform": m["platform"] if "platform" in m else pd.NA,
                "account": m["account"] if "account" in m else pd.NA,
                "key": m[keys[-1]]
                if len(keys) > 1 and keys[-1] not in ("agency_id",)
                else m["agency_id"],
                "before": m["score_b"].astype(float),
                "after": m["score_a"].astype(float),
            }
        )
        out["label"] = [label(r) for r in out.itertuples()]
        frames.append(out)

    names = {**before.meta.get("agency_names", {}), **after.meta.get("agency_names", {})}
    side(
        before._agency_scores["overall"],
        after._agency_scores["overall"],
        ["agency_id"],
        "overall",
        lambda r: names.get(r.agency_id, r.agency_id),
    )
    side(
        before._agency_scores["principle"],
        after._agency_scores["principle"],
        ["agency_id", "principle"],
        "principle",
        lambda r: str(r.key).capitalize(),
    )
    dnames = {d.id: d.name[lang] for d in (*before.rubric.dimensions, *after.rubric.dimensions)}
    side(
        before._agency_scores["dimension"],
        after._agency_scores["dimension"],
        ["agency_id", "dimension"],
        "dimension",
        lambda r: dnames.get(r.key, r.key),
    )
    inames = {x.id: x.text[lang] for x in (*before.rubric.items, *after.rubric.items)}
    ib = before._agency_item_scores.assign(score=lambda d: 100 * d["score"])
    ia = after._agency_item_scores.assign(score=lambda d: 100 * d["score"])
    side(ib, ia, ["agency_id", "item_id"], "item", lambda r: inames.get(r.key, r.key))
    ab = before.items.loc[before.items["account"].notna()].assign(score=lambda d: 50 * d["points"])
    aa = after.items.loc[after.items["account"].notna()].assign(score=lambda d: 50 * d["points"])
    side(ab, aa, [*scoring.KEY, "item_id"], "account_item", lambda r: inames.get(r.key, r.key))
    table = pd.concat(frames, ignore_index=True)
    table["change"] = table["after"] - table["before"]
    table["direction"] = _direction(table["before"], table["after"])
    cols = [
        "level",
        "agency_id",
        "platform",
        "account",
        "key",
        "label",
        "before",
        "after",
        "change",
        "direction",
    ]
    return Comparison(table[cols], before.as_of, after.as_of)
