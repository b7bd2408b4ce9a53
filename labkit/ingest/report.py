"""The import report: what was read, what was assumed, what was left out.

Every table returned by :func:`labkit.ingest.read_export` carries its report in
``df.attrs["import_report"]`` as a small plain structure (message keys and
parameters, so it renders in the language chosen at display time):

>>> from labkit import ingest
>>> posts = ingest.read_export("Nov-01-2025_Nov-30-2025_123.csv")   # doctest: +SKIP
>>> print(ingest.report(posts))                                    # doctest: +SKIP
Laporan impor
- Nov-01-2025_Nov-30-2025_123.csv: ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from labkit import i18n


def msg(key: str, **params: Any) -> dict[str, Any]:
    """A message to render later (in the language current at display time)."""
    return {"key": key, "params": params}


def _render_value(value: Any, lang: str | None) -> Any:
    if isinstance(value, dict) and "key" in value and "params" in value:
        return render(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(_render_value(v, lang)) for v in value)
    return value


def render(message: dict[str, Any], lang: str | None = None) -> str:
    """Render a :func:`msg` structure."""
    params = {k: _render_value(v, lang) for k, v in message["params"].items()}
    return i18n.t(message["key"], lang=lang, **params)


@dataclass
class ImportReport:
    """What an import read, assumed and left out.

    Attributes
    ----------
    files : list of dict
        One per file read: ``file``, ``layout``, ``platform``, ``level``,
        ``rows``, ``export_date`` (ISO day or ``None``).
    notes : list of dict
        Messages (:func:`msg`) in the order they arose.
    skipped : list of dict
        What was left out: ``{"file", "row", "reason"}`` (``row`` ``None`` for
        a whole file; ``reason`` a :func:`msg`).
    duplicates : list of dict
        Posts found in several exports: ``platform``, ``post_id``,
        ``kept_file``, ``kept``, ``other_file``, ``other`` (totals dicts).
    tz : str
        Zone used for naive times.
    tz_assumed : bool
        ``tz`` was not given: WIB was assumed.
    """

    files: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    tz: str = "Asia/Jakarta"
    tz_assumed: bool = True

    def note(self, key: str, **params: Any) -> None:
        """Add an informational message."""
        m = msg(key, **params)
        if m not in self.notes:
            self.notes.append(m)

    def skip(self, file: str, reason: dict[str, Any], row: int | None = None) -> None:
        """Record something left out (a row, or a whole file when ``row`` is None)."""
        self.skipped.append({"file": file, "row": row, "reason": reason})

    def merge(self, other: ImportReport) -> None:
        """Add another report's files, notes, skips and duplicates."""
        self.files.extend(other.files)
        for n in other.notes:
            if n not in self.notes:
                self.notes.append(n)
        self.skipped.extend(other.skipped)
        self.duplicates.extend(other.duplicates)

    # ---- plain structure (kept in DataFrame.attrs)
    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [dict(f) for f in self.files],
            "notes": list(self.notes),
            "skipped": list(self.skipped),
            "duplicates": list(self.duplicates),
            "tz": self.tz,
            "tz_assumed": self.tz_assumed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        return cls(
            files=list(data.get("files", [])),
            notes=list(data.get("notes", [])),
            skipped=list(data.get("skipped", [])),
            duplicates=list(data.get("duplicates", [])),
            tz=data.get("tz", "Asia/Jakarta"),
            tz_assumed=bool(data.get("tz_assumed", False)),
        )

    # ---- text
    def lines(self, lang: str | None = None, *, max_duplicates: int = 5) -> list[str]:
        """The report as a list of sentences in ``lang`` (default: current language)."""
        out: list[str] = []
        for f in self.files:
            out.append(
                i18n.t(
                    "ingest.report.file",
                    lang=lang,
                    file=f["file"],
                    layout=f.get("title") or f["layout"],
                    rows=f["rows"],
                    platform=f.get("platform") or "-",
                )
            )
        if self.tz_assumed:
            out.append(i18n.t("ingest.report.tz_assumed", lang=lang))
        else:
            out.append(i18n.t("ingest.report.tz_used", lang=lang, tz=self.tz))
        out.extend(render(n, lang) for n in self.notes)
        by_file_rows: dict[str, list[int]] = {}
        for s in self.skipped:
            if s["row"] is None:
                out.append(
                    i18n.t(
                        "ingest.report.skipped_file",
                        lang=lang,
                        file=s["file"],
                        reason=render(s["reason"], lang),
                    )
                )
            else:
                by_file_rows.setdefault(s["file"], []).append(int(s["row"]))
        for file, rows in by_file_rows.items():
            out.append(
                i18n.t("ingest.report.skipped_rows", lang=lang, file=file, rows=_rows_text(rows))
            )
        if self.duplicates:
            out.append(i18n.t("ingest.report.duplicates", lang=lang, n=len(self.duplicates)))
            for d in self.duplicates[:max_duplicates]:
                out.append(
                    "  "
                    + i18n.t(
                        "ingest.report.duplicate_item",
                        lang=lang,
                        platform=d["platform"],
                        post_id=d["post_id"],
                        kept_file=d["kept_file"],
                        kept=_totals_text(d["kept"]),
                        other_file=d["other_file"],
                        other=_totals_text(d["other"]),
                    )
                )
            if len(self.duplicates) > max_duplicates:
                out.append(
                    "  "
                    + i18n.t(
                        "ingest.report.more", lang=lang, n=len(self.duplicates) - max_duplicates
                    )
                )
        return out

    def text(self, lang: str | None = None) -> str:
        """The report as readable text in ``lang`` (default: current language)."""
        title = i18n.t("ingest.report.title", lang=lang)
        return "\n".join([title, *(f"- {line}" for line in self.lines(lang))])

    def __str__(self) -> str:
        return self.text()

    def _repr_markdown_(self) -> str:  # pragma: no cover - notebook display
        title = i18n.t("ingest.report.title")
        return "\n".join([f"**{title}**", "", *(f"- {line}" for line in self.lines())])


def _rows_text(rows: list[int], limit: int = 30) -> str:
    rows = sorted(set(rows))
    text = ", ".join(str(r) for r in rows[:limit])
    if len(rows) > limit:
        text += f", ... (+{len(rows) - limit})"
    return text


def _totals_text(totals: dict[str, Any]) -> str:
    parts = [f"{k}={v}" for k, v in totals.items() if v is not None]
    return ", ".join(parts) or "-"


def report_of(obj: Any) -> ImportReport:
    """The :class:`ImportReport` of a table, an ExportSet or a report."""
    if isinstance(obj, ImportReport):
        return obj
    rep = getattr(obj, "report", None)
    if isinstance(rep, ImportReport):
        return rep
    attrs = getattr(obj, "attrs", None)
    if isinstance(attrs, dict) and "import_report" in attrs:
        return ImportReport.from_dict(attrs["import_report"])
    raise TypeError("no import report: pass a table returned by labkit.ingest.read_export")


def report(obj: Any, lang: str | None = None) -> str:
    """Render the import report of ``obj`` (a table from read_export/read_exports).

    Parameters
    ----------
    obj : DataFrame, ExportSet or ImportReport
        What :func:`labkit.ingest.read_export` or ``read_exports`` returned.
    lang : str, optional
        ``"id"`` or ``"en"``; default: the current language.
    """
    return report_of(obj).text(lang)
