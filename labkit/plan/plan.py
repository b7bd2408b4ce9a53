"""The content plan: objectives, audiences, messages, pillars, channels, slots and planned posts.

:class:`ContentPlan` holds what an officer takes home; :func:`build_plan` pre-fills it from
the agency's data: the channels from its accounts (formats from :mod:`labkit.platforms`,
the one table of platform facts), posting slots from module 2's best times where the
data allow, suggested objectives from the audit's findings (module 1). Planned posts are
added with :meth:`ContentPlan.add_post`; :func:`labkit.plan.checks.check_plan` reviews
the plan; exports: XLSX in the officers' layout and an iCalendar file.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from labkit import calendar, export, i18n, platforms, workspace
from labkit.errors import LabkitError

#: Default content pillars and their target shares (a trainer or trainee changes them).
DEFAULT_PILLARS = {
    "Informasi layanan": 0.40,
    "Edukasi dan literasi": 0.25,
    "Kegiatan instansi": 0.15,
    "Hari penting": 0.10,
    "Interaksi warga": 0.10,
}
POST_COLUMNS = [
    "date", "time", "platform", "pillar", "format", "caption", "asset", "pic", "status",
    "alt_text", "has_captions",
]  # fmt: skip
#: Column headers of the XLSX calendar, in the officers' layout.
XLSX_HEADERS = {
    "date": ("Tanggal", "Date"), "time": ("Jam", "Time"), "platform": ("Platform", "Platform"),
    "pillar": ("Pilar", "Pillar"), "format": ("Format", "Format"), "caption": ("Draf keterangan", "Caption draft"),
    "asset": ("Aset", "Asset"), "pic": ("Penanggung jawab", "Person in charge"), "status": ("Status", "Status"),
}  # fmt: skip
STATUSES = ("rencana", "draf", "disetujui", "terbit")


@dataclass
class ContentPlan:
    """A content plan for one agency and period (see the module's description)."""

    agency_id: str
    agency_name: str
    start: dt.date
    end: dt.date
    objectives: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    key_messages: list[str] = field(default_factory=list)
    pillars: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_PILLARS))
    channels: dict[str, list[str]] = field(default_factory=dict)
    slots: pd.DataFrame = field(default_factory=pd.DataFrame)
    posts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=POST_COLUMNS))
    narrative: str = ""

    def add_post(
        self,
        date: object,
        platform: str,
        pillar: str,
        *,
        time: str = "09:00",
        format: str | None = None,
        caption: str = "",
        asset: str = "",
        pic: str = "",
        status: str = "rencana",
        alt_text: str = "",
        has_captions: bool = False,
    ) -> ContentPlan:
        """Add one planned post (checks come later: :func:`labkit.plan.checks.check_plan`)."""
        row = {
            "date": pd.Timestamp(date).normalize(), "time": str(time), "platform": str(platform),
            "pillar": str(pillar), "format": format or "", "caption": str(caption), "asset": str(asset),
            "pic": str(pic), "status": str(status), "alt_text": str(alt_text), "has_captions": bool(has_captions),
        }  # fmt: skip
        self.posts = pd.concat([self.posts, pd.DataFrame([row])], ignore_index=True)
        return self

    def important_days(self) -> pd.DataFrame:
        """The calendar's dates within the plan's period."""
        return calendar.days_in(self.start, self.end)

    def month_view(self) -> pd.DataFrame:
        """One row per day of the period: the day, the important days, the planned posts."""
        days = pd.date_range(self.start, self.end, freq="D")
        cal = self.important_days().groupby("date")["name"].agg("; ".join)
        posts = self.posts.copy()
        if len(posts):
            posts["what"] = posts["platform"] + " · " + posts["pillar"]
            planned = posts.groupby("date")["what"].agg("; ".join)
            count = posts.groupby("date").size()
        else:
            planned, count = pd.Series(dtype=object), pd.Series(dtype=int)
        out = pd.DataFrame({"date": days})
        out["weekday"] = [calendar_weekday(d) for d in days]
        out["important_day"] = out["date"].map(cal).fillna("")
        out["posts"] = out["date"].map(count).fillna(0).astype(int)
        out["planned"] = out["date"].map(planned).fillna("")
        return out

    # ------------------------------------------------------------------ exports

    def calendar_table(self, lang: str | None = None) -> pd.DataFrame:
        """The planned posts in the officers' layout (one row per post, headers in ``lang``)."""
        lang = lang or i18n.get_language()
        col = 0 if lang == "id" else 1
        table = self.posts.sort_values(["date", "time"], kind="stable")[list(XLSX_HEADERS)].copy()
        table["date"] = pd.to_datetime(table["date"]).dt.date
        return table.rename(columns={k: v[col] for k, v in XLSX_HEADERS.items()})

    def to_xlsx(self, path: str | os.PathLike[str] | None = None) -> Path:
        """The content calendar as XLSX (formula-safe cells, via :func:`labkit.export.write_xlsx`)."""
        name = i18n.label("Kalender konten", "Content calendar")
        target = path or workspace.path(
            "exports", f"kalender_konten_{self.agency_id}_{self.start:%Y%m}.xlsx"
        )
        return export.write_xlsx({name: self.calendar_table()}, target)

    def to_ics_bytes(self) -> bytes:
        """The planned posts as an iCalendar file (Google Calendar and Outlook import it)."""
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//Humas Lab//Rencana Konten//ID")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"Rencana konten {self.agency_name}")
        for i, post in self.posts.reset_index(drop=True).iterrows():
            hour, minute = (int(x) for x in str(post["time"] or "09:00").split(":")[:2])
            start = dt.datetime.combine(post["date"].date(), dt.time(hour, minute))
            event = Event()
            event.add("uid", f"{self.agency_id}-{start:%Y%m%dT%H%M}-{i}@humaslab")
            event.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=30))
            event.add("summary", f"[{post['platform']}] {post['pillar']}")
            event.add(
                "description",
                "\n".join(
                    filter(None, [post["caption"], f"PJ: {post['pic']}" if post["pic"] else ""])
                ),
            )
            cal.add_component(event)
        return cal.to_ical()

    def to_ics(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write :meth:`to_ics_bytes` (atomically) into the work folder."""
        relpath = (
            path or Path("exports") / f"kalender_konten_{self.agency_id}_{self.start:%Y%m}.ics"
        )
        return workspace.save_bytes(relpath, self.to_ics_bytes())


def calendar_weekday(day: pd.Timestamp) -> str:
    """The weekday's name in the trainee's language."""
    from labkit.charts import weekday_name

    return weekday_name(int(pd.Timestamp(day).day_of_week))


def _period(start: object, end: object | None) -> tuple[dt.date, dt.date]:
    lo = pd.Timestamp(start)
    hi = pd.Timestamp(end) if end is not None else lo + pd.offsets.MonthEnd(0)
    if hi < lo:
        raise LabkitError("plan.bad_period", start=str(lo.date()), end=str(hi.date()))
    return lo.date(), hi.date()


def suggested_slots(posts: pd.DataFrame, accounts: pd.DataFrame, *, top: int = 3) -> pd.DataFrame:
    """Posting slots from module 2's best times, per platform: the best hours with enough posts.

    Observational (what was posted when is mixed with what was posted): a slot is a hypothesis
    to test. Hours marked ``low_n`` are never suggested.

    Returns ``platform``, ``hour``, ``n``, ``median`` (engagement rate per follower), best first.
    """
    from labkit.engagement import summary

    rows = []
    for platform, part in posts.groupby("platform"):
        table = summary(part, "hour", accounts=accounts)
        table = table[~table["low_n"]].sort_values("median", ascending=False).head(top)
        for _, r in table.iterrows():
            rows.append(
                {
                    "platform": platform,
                    "hour": int(r["hour"]),
                    "n": int(r["n"]),
                    "median": r["median"],
                }
            )
    return pd.DataFrame(rows, columns=["platform", "hour", "n", "median"])


def agency_accounts(accounts: pd.DataFrame, agency_id: str) -> pd.DataFrame:
    """The agency's rows of the accounts table.

    Raises
    ------
    LabkitError
        If the agency has no account, naming the agencies that do.
    """
    mine = accounts[accounts["agency_id"] == agency_id]
    if mine.empty:
        raise LabkitError(
            "plan.unknown_agency",
            agency=agency_id,
            known=", ".join(sorted(accounts["agency_id"].unique())),
        )
    return mine


def build_plan(
    agency_id: str,
    start: object,
    end: object | None = None,
    *,
    accounts: pd.DataFrame | None = None,
    posts: pd.DataFrame | None = None,
    agencies: pd.DataFrame | None = None,
    audit_report: Any = None,
) -> ContentPlan:
    """A plan pre-filled from the agency's data (see the module's description).

    Parameters
    ----------
    agency_id : str
    start, end : the period (default: ``start``'s month)
    accounts, posts, agencies : tables, optional (default: ``labkit.data.load``)
    audit_report : AuditReport, optional
        Module 1's report: its findings become suggested objectives.
    """
    from labkit import data

    lo, hi = _period(start, end)
    accounts = data.load("accounts") if accounts is None else accounts
    posts = data.load("posts") if posts is None else posts
    agencies = data.load("agencies") if agencies is None else agencies
    mine = agency_accounts(accounts, agency_id)
    names = (
        dict(zip(agencies["agency_id"], agencies["name"], strict=True))
        if "name" in agencies
        else {}
    )
    channels = {
        p: platforms.formats(p) for p in sorted(mine["platform"].unique()) if p in platforms.names()
    }
    own_posts = posts[
        posts["account"].isin(mine["account"]) & posts["platform"].isin(mine["platform"])
    ]
    plan = ContentPlan(agency_id=agency_id, agency_name=names.get(agency_id, agency_id), start=lo, end=hi,
                       channels=channels, slots=suggested_slots(own_posts, mine))  # fmt: skip
    if audit_report is not None:
        findings = audit_report.findings(agency_id)
        for action in findings.sort_values("weight", ascending=False)["action"].head(3):
            plan.objectives.append(str(action))
    return plan


def read_ics(raw: bytes) -> pd.DataFrame:
    """Read an iCalendar file back (for checks): ``start``, ``summary``, ``description``."""
    from icalendar import Calendar

    cal = Calendar.from_ical(io.BytesIO(raw).getvalue())
    rows = [
        {
            "start": ev.decoded("dtstart"),
            "summary": str(ev.get("summary")),
            "description": str(ev.get("description", "")),
        }
        for ev in cal.walk("VEVENT")
    ]
    return pd.DataFrame(rows, columns=["start", "summary", "description"])
