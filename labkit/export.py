"""Safe writers for documents a trainee hands to leaders: DOCX, HTML, XLSX, CSV.

Every module that produces a report (account audit, reports for leaders, crisis
drafts) builds a :class:`Document` and saves it with :meth:`Document.to_docx`
or :meth:`Document.to_html`; tables go to Excel with :func:`write_xlsx`.

Safety: text comes from data (comments, bios, handles) and may be hostile.

* Spreadsheets: :func:`safe_cell` neutralises formulas (OWASP "CSV injection"):
  a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  gets a leading apostrophe, and XLSX text cells are always stored as text.
  Numbers stay numbers.
* HTML: every text is escaped (:func:`html.escape`); the page carries a
  Content-Security-Policy that forbids scripts, so nothing in it can run.
* Characters XML cannot hold (control characters) are removed everywhere, so a
  stray byte in a comment never breaks the document.

Files are saved atomically through :mod:`labkit.workspace`. Without a path
they go to ``<work dir>/exports/``; a relative path is taken inside
``exports/``; an absolute path is used as is.

>>> from labkit.export import Document
>>> doc = Document("Audit Akun Media Sosial", subtitle="Dinas Kominfo Kota Contoh")
>>> _ = doc.heading("Ringkasan").paragraph("Tiga akun resmi diaudit.")
>>> path = doc.to_docx()            # doctest: +SKIP
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from labkit import i18n, workspace
from labkit.errors import LabkitError

__all__ = [
    "EXPORTS_DIR",
    "Document",
    "export_path",
    "format_value",
    "safe_cell",
    "safe_text",
    "write_csv",
    "write_xlsx",
]

EXPORTS_DIR = "exports"
#: Rows of a table shown in a DOCX/HTML document before the rest is summarised.
DEFAULT_MAX_ROWS = 500

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


# ---------------------------------------------------------------- cell safety


def safe_text(text: object) -> str:
    """``text`` as a string without characters XML documents cannot hold."""
    return _XML_ILLEGAL.sub("", str(text))


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(isinstance(value, float | np.floating) and np.isnan(value))
    except TypeError:  # pragma: no cover
        return False


def safe_cell(value: Any) -> Any:
    """Make one spreadsheet cell value safe to open in Excel/LibreOffice/Sheets.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (also their full-width forms, and after leading spaces) gets a leading
    apostrophe, so it is shown as text and never run as a formula (OWASP
    CSV-injection guidance). Other text only loses XML-illegal characters.
    Numbers, booleans and dates are returned unchanged; missing values
    (None, NaN, NA, NaT) become None.

    Examples
    --------
    >>> safe_cell('=HYPERLINK("http://x","klik")')
    '\\'=HYPERLINK("http://x","klik")'
    >>> safe_cell(-5), safe_cell("-5"), safe_cell("Humas")
    (-5, "'-5", 'Humas')
    """
    if _is_missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | float | Decimal | np.integer | np.floating):
        return value.item() if isinstance(value, np.generic) else value
    if isinstance(value, dt.date | dt.datetime | dt.time | pd.Timestamp | np.datetime64):
        return value
    text = safe_text(value)
    if text.startswith(_FORMULA_START) or text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


# ---------------------------------------------------------------- formatting


def format_date(value: dt.date | dt.datetime | pd.Timestamp, lang: str | None = None) -> str:
    """A date in words: ``"22 November 2026"`` (the current language's months)."""
    lang = lang or i18n.get_language()
    months = i18n.MONTHS["id" if lang == "id" else "en"]
    return f"{value.day} {months[value.month - 1]} {value.year}"


def format_value(value: Any, *, decimals: int = 2, lang: str | None = None) -> str:
    """Text for a value shown in a document table (not for spreadsheets).

    Integers get thousands separators and floats ``decimals`` places, in the
    language's convention (Indonesian ``1.234,5``; English ``1,234.5``).
    Timestamps show date, time and zone abbreviation (``WIB``); missing values
    show ``-``.
    """
    lang = lang or i18n.get_language()
    if _is_missing(value):
        return "-"
    if isinstance(value, bool | np.bool_):
        return i18n.label("ya", "yes") if value else i18n.label("tidak", "no")
    if isinstance(value, int | np.integer):
        return i18n.number_text(int(value), 0, lang)
    if isinstance(value, float | np.floating | Decimal):
        return i18n.number_text(float(value), decimals, lang)
    if isinstance(value, pd.Timestamp | dt.datetime):
        ts = pd.Timestamp(value)
        if ts.tzinfo is None:
            return (
                ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%d %H:%M")
            )
        return ts.strftime("%Y-%m-%d %H:%M %Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return safe_text(value)


def _slug(text: str) -> str:
    slug = re.sub(r"[^0-9A-Za-z]+", "_", str(text)).strip("_").lower()
    return slug[:60] or "dokumen"


def export_path(path: str | os.PathLike[str] | None, default_name: str, suffix: str) -> Path:
    """Where an export is written.

    ``None``: ``<work dir>/exports/<slug of default_name><suffix>``; a relative
    path: inside ``<work dir>/exports/``; an absolute path: as is. ``suffix``
    (``".docx"``) is added when the path has none.
    """
    if path is None:
        target = workspace.work_dir() / EXPORTS_DIR / (_slug(default_name) + suffix)
    else:
        target = Path(path).expanduser()
        if not target.is_absolute():
            target = workspace.work_dir() / EXPORTS_DIR / target
        if not target.suffix:
            target = target.with_suffix(suffix)
    return target


def _save(target: Path, data: bytes) -> Path:
    try:
        return workspace.save_bytes(target, data)
    except OSError as exc:
        raise LabkitError("export.cannot_write", path=str(target), reason=str(exc)) from exc


def _check_frame(df: object, what: str) -> pd.DataFrame:
    if isinstance(df, pd.Series):
        return df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise LabkitError("export.not_a_table", what=what, type=type(df).__name__)
    return df


def _numeric_columns(frame: pd.DataFrame) -> list[bool]:
    """Which columns hold numbers (right-aligned in documents)."""
    return [
        pd.api.types.is_numeric_dtype(frame.iloc[:, i])
        and not pd.api.types.is_bool_dtype(frame.iloc[:, i])
        for i in range(frame.shape[1])
    ]


# ---------------------------------------------------------------- document model


@dataclass
class _Block:
    kind: str  # heading | paragraph | bullets | table | figure
    text: str = ""
    level: int = 1
    items: list[str] = field(default_factory=list)
    frame: pd.DataFrame | None = None
    omitted: int = 0
    decimals: int = 2
    png: bytes = b""
    alt: str = ""
    number: int = 0


class Document:
    """A simple report: title, headings, paragraphs, bullets, tables, figures.

    Build it with the chainable methods, then save it with :meth:`to_docx` or
    :meth:`to_html` (same content in both). Every text is taken literally
    (never as HTML or a formula) and escaped for the target format.

    Parameters
    ----------
    title : str
        Document title (also the default file name).
    subtitle : str, optional
        Shown under the title, e.g. the agency and period.
    date : date, optional
        Date shown in the "generated on" line (default: today).
    note : str, optional
        Replaces the "generated on ... with Humas Lab" line; ``""`` hides it.

    Examples
    --------
    >>> doc = (Document("Laporan Bulanan", subtitle="Humas Kota Contoh")
    ...        .heading("Ringkasan")
    ...        .bullets(["12 unggahan", "3 keluhan dijawab"]))
    >>> len(doc.blocks)
    2
    """

    def __init__(
        self,
        title: str,
        subtitle: str | None = None,
        *,
        date: dt.date | None = None,
        note: str | None = None,
    ) -> None:
        self.title = safe_text(title)
        self.subtitle = safe_text(subtitle) if subtitle else ""
        self.date = date or dt.date.today()
        self.note = note
        self.blocks: list[_Block] = []
        self._tables = 0
        self._figures = 0

    # -- building

    def heading(self, text: str, level: int = 1) -> Document:
        """Add a section heading (``level`` 1-3)."""
        self.blocks.append(_Block("heading", safe_text(text), level=min(max(int(level), 1), 3)))
        return self

    def paragraph(self, text: str) -> Document:
        """Add a paragraph of plain text (line breaks are kept)."""
        self.blocks.append(_Block("paragraph", safe_text(text)))
        return self

    def bullets(self, items: Iterable[object]) -> Document:
        """Add a bulleted list, one item per element."""
        self.blocks.append(_Block("bullets", items=[safe_text(i) for i in items]))
        return self

    def table(
        self,
        df: pd.DataFrame,
        caption: str | None = None,
        *,
        max_rows: int | None = DEFAULT_MAX_ROWS,
        decimals: int = 2,
        index: bool = False,
    ) -> Document:
        """Add a table with a numbered caption.

        Parameters
        ----------
        df : DataFrame
            The table; column names become the header row.
        caption : str, optional
            Caption after "Tabel n." / "Table n.".
        max_rows : int or None
            Rows shown; the rest is counted in a note under the table (give the
            whole table as an XLSX attachment with :func:`write_xlsx`).
        decimals : int
            Decimal places for floats.
        index : bool
            Include the index as the first column.
        """
        frame = _check_frame(df, "table").copy()
        if index:
            frame = frame.reset_index()
        frame.columns = [safe_text(c) for c in frame.columns]
        omitted = 0
        if max_rows is not None and len(frame) > max_rows:
            omitted = len(frame) - max_rows
            frame = frame.iloc[:max_rows]
        self._tables += 1
        self.blocks.append(
            _Block(
                "table",
                safe_text(caption) if caption else "",
                frame=frame,
                omitted=omitted,
                decimals=decimals,
                number=self._tables,
            )
        )
        return self

    def figure(
        self,
        fig: Any,
        caption: str | None = None,
        *,
        alt: str | None = None,
        dpi: int = 150,
    ) -> Document:
        """Add a matplotlib figure (rendered now as PNG) with a numbered caption.

        Parameters
        ----------
        fig : matplotlib.figure.Figure
            The figure; later changes to it do not change the document.
        caption : str, optional
            Caption after "Gambar n." / "Figure n.".
        alt : str, optional
            Alternative text for screen readers (default: the caption). Say
            what the chart shows, not only its title.
        dpi : int
            Resolution of the PNG.
        """
        if not hasattr(fig, "savefig"):
            raise LabkitError("export.not_a_figure", type=type(fig).__name__)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
        self._figures += 1
        text = safe_text(caption) if caption else ""
        self.blocks.append(
            _Block(
                "figure",
                text,
                png=buf.getvalue(),
                alt=safe_text(alt) if alt else text,
                number=self._figures,
            )
        )
        return self

    # -- labels

    def _note_line(self) -> str:
        if self.note is not None:
            return safe_text(self.note)
        return i18n.t("export.generated", date=format_date(self.date))

    @staticmethod
    def _caption(block: _Block) -> str:
        key = "export.table_caption" if block.kind == "table" else "export.figure_caption"
        label = i18n.t(key, n=block.number)
        return f"{label} {block.text}".strip()

    @staticmethod
    def _cells(block: _Block) -> list[list[str]]:
        assert block.frame is not None
        return [
            [format_value(v, decimals=block.decimals) for v in row]
            for row in block.frame.itertuples(index=False, name=None)
        ]

    # -- HTML

    def render_html(self) -> str:
        """The whole document as one self-contained HTML page (a string)."""
        esc = html.escape
        lang = i18n.get_language()
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(self.title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            self._body_html(),
            "</body>",
            "</html>",
        ]
        return "\n".join(parts) + "\n"

    def _body_html(self) -> str:
        esc = html.escape
        out = ['<main class="labkit-doc">', f"<h1>{esc(self.title)}</h1>"]
        if self.subtitle:
            out.append(f'<p class="subtitle">{esc(self.subtitle)}</p>')
        note = self._note_line()
        if note:
            out.append(f'<p class="note">{esc(note)}</p>')
        for b in self.blocks:
            if b.kind == "heading":
                out.append(f"<h{b.level + 1}>{esc(b.text)}</h{b.level + 1}>")
            elif b.kind == "paragraph":
                out.append("<p>" + esc(b.text).replace("\n", "<br>") + "</p>")
            elif b.kind == "bullets":
                items = "".join(f"<li>{esc(i)}</li>" for i in b.items)
                out.append(f"<ul>{items}</ul>")
            elif b.kind == "table":
                out.append(self._table_html(b))
            elif b.kind == "figure":
                data = base64.b64encode(b.png).decode("ascii")
                out.append(
                    "<figure>"
                    f'<img src="data:image/png;base64,{data}" alt="{esc(b.alt)}">'
                    f"<figcaption>{esc(self._caption(b))}</figcaption>"
                    "</figure>"
                )
        out.append("</main>")
        return "\n".join(out)

    def _table_html(self, b: _Block) -> str:
        esc = html.escape
        assert b.frame is not None
        numeric = _numeric_columns(b.frame)
        head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in b.frame.columns)
        rows = []
        for cells in self._cells(b):
            tds = "".join(
                f'<td class="num">{esc(v)}</td>' if num else f"<td>{esc(v)}</td>"
                for v, num in zip(cells, numeric, strict=True)
            )
            rows.append(f"<tr>{tds}</tr>")
        if not rows:
            span = max(len(b.frame.columns), 1)
            rows.append(f'<tr><td colspan="{span}">{esc(i18n.t("export.empty_table"))}</td></tr>')
        parts = [
            "<table>",
            f"<caption>{esc(self._caption(b))}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>" + "".join(rows) + "</tbody>",
            "</table>",
        ]
        if b.omitted:
            total = b.omitted + len(b.frame)
            msg = i18n.t("export.rows_omitted", omitted=b.omitted, total=total)
            parts.append(f'<p class="note">{esc(msg)}</p>')
        return "\n".join(parts)

    def _repr_html_(self) -> str:  # notebook preview
        return f"<style>{_CSS}</style>" + self._body_html()

    def to_html(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save as one self-contained HTML file (images embedded); return its path."""
        target = export_path(path, self.title, ".html")
        return _save(target, self.render_html().encode("utf-8"))

    # -- DOCX

    def render_docx(self) -> bytes:
        """The document as DOCX bytes (python-docx)."""
        import docx
        from docx.shared import Inches

        d = docx.Document()
        d.core_properties.title = self.title
        d.core_properties.language = i18n.get_language()
        d.add_heading(self.title, level=0)
        if self.subtitle:
            d.add_paragraph(self.subtitle, style="Subtitle")
        note = self._note_line()
        if note:
            d.add_paragraph(note).runs[0].italic = True
        for b in self.blocks:
            if b.kind == "heading":
                d.add_heading(b.text, level=b.level)
            elif b.kind == "paragraph":
                d.add_paragraph(b.text)
            elif b.kind == "bullets":
                for item in b.items:
                    d.add_paragraph(item, style="List Bullet")
            elif b.kind == "table":
                self._table_docx(d, b)
            elif b.kind == "figure":
                d.add_picture(io.BytesIO(b.png), width=Inches(6))
                pic = d.inline_shapes[-1]
                pic._inline.docPr.set("descr", b.alt)
                pic._inline.docPr.set("title", b.text or b.alt)
                d.add_paragraph(self._caption(b), style="Caption")
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()

    def _table_docx(self, d: Any, b: _Block) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        assert b.frame is not None
        d.add_paragraph(self._caption(b), style="Caption")
        cells = self._cells(b)
        ncols = max(len(b.frame.columns), 1)
        table = d.add_table(rows=1 + max(len(cells), 1), cols=ncols)
        table.style = "Table Grid"
        header = table.rows[0]
        tr_pr = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for cell, name in zip(header.cells, b.frame.columns, strict=False):
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(name))
            run.bold = True
        numeric = _numeric_columns(b.frame)
        if not cells:
            table.rows[1].cells[0].text = i18n.t("export.empty_table")
        for row, values in zip(table.rows[1:], cells, strict=False):
            for cell, value, num in zip(row.cells, values, numeric, strict=False):
                cell.text = value
                if num:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if b.omitted:
            total = b.omitted + len(b.frame)
            d.add_paragraph(i18n.t("export.rows_omitted", omitted=b.omitted, total=total))

    def to_docx(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save as a Word document (.docx); return its path."""
        target = export_path(path, self.title, ".docx")
        return _save(target, self.render_docx())


_CSS = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
    "margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;line-height:1.5}"
    ".labkit-doc h1{margin-bottom:.2rem}.labkit-doc .subtitle{font-size:1.15rem;margin-top:0}"
    ".labkit-doc .note{color:#555;font-style:italic}"
    ".labkit-doc table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}"
    ".labkit-doc caption{text-align:left;font-weight:600;padding:.3rem 0}"
    ".labkit-doc th,.labkit-doc td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top}"
    ".labkit-doc th{background:#e8eef7;text-align:left}.labkit-doc td.num{text-align:right}"
    ".labkit-doc figure{margin:1rem 0}.labkit-doc img{max-width:100%;height:auto}"
    ".labkit-doc figcaption{font-weight:600}"
    "@media print{body{margin:0}}"
)


# ---------------------------------------------------------------- spreadsheets


def _sheet_name(name: object, used: set[str]) -> str:
    base = _SHEET_ILLEGAL.sub("_", safe_text(name)).strip("'").strip() or i18n.label(
        "Lembar", "Sheet"
    )
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _excel_values(s: pd.Series) -> tuple[list[Any], str | None]:
    """Values of one column ready for openpyxl, and its number format."""
    dtype = s.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        naive = s.dt.tz_localize(None)  # wall-clock time in the column's own zone
        return [None if pd.isna(v) else v.to_pydatetime() for v in naive], "yyyy-mm-dd hh:mm"
    if pd.api.types.is_datetime64_dtype(dtype):
        fmt = (
            "yyyy-mm-dd" if (s.dropna() == s.dropna().dt.normalize()).all() else "yyyy-mm-dd hh:mm"
        )
        return [None if pd.isna(v) else v.to_pydatetime() for v in s], fmt
    if pd.api.types.is_bool_dtype(dtype):
        return [None if pd.isna(v) else bool(v) for v in s], None
    if pd.api.types.is_integer_dtype(dtype):
        return [None if pd.isna(v) else int(v) for v in s], None
    if pd.api.types.is_float_dtype(dtype):
        return [None if pd.isna(v) else float(v) for v in s], None
    return [safe_cell(v) for v in s.astype(object)], None


def write_xlsx(
    sheets: Mapping[str, pd.DataFrame] | pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
) -> Path:
    """Write tables to an Excel workbook, one sheet per table, safely.

    Every text cell goes through :func:`safe_cell` and is stored as text
    (never a formula). Each sheet has a bold, coloured, frozen header row with
    a filter, and column widths fitted to the content (at most 60 characters).
    Timezone-aware times are written as the wall-clock time of their own zone
    (Excel has no time zones): convert to local time first (e.g.
    ``s.dt.tz_convert("Asia/Jakarta")``) and say the zone in the column name.

    Parameters
    ----------
    sheets : dict of str to DataFrame, or a DataFrame
        Sheet name -> table (names are cut to 31 characters, characters Excel
        forbids are replaced, duplicates numbered).
    path : path, optional
        Target file (see :func:`export_path`); default
        ``exports/<first sheet name>.xlsx``.

    Returns
    -------
    Path
        The file written (atomically).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if isinstance(sheets, pd.DataFrame | pd.Series):
        sheets = {i18n.label("Tabel", "Table"): _check_frame(sheets, "sheets")}
    if not isinstance(sheets, Mapping) or not sheets:
        raise LabkitError("export.no_sheets")
    frames = {name: _check_frame(df, f"sheets[{name!r}]") for name, df in sheets.items()}
    target = export_path(path, str(next(iter(frames))), ".xlsx")

    wb = Workbook(write_only=True)
    used: set[str] = set()
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E79")
    head_align = Alignment(vertical="top", wrap_text=True)
    for name, df in frames.items():
        ws = wb.create_sheet(_sheet_name(name, used))
        columns = [safe_text(c) for c in df.columns]
        values, formats = [], []
        for col in range(df.shape[1]):
            vals, fmt = _excel_values(df.iloc[:, col])
            values.append(vals)
            formats.append(fmt)
        for i, col_name in enumerate(columns, start=1):
            sample = [len(str(v)) for v in values[i - 1][:1000] if v is not None]
            width = max([len(col_name), *sample, 4]) + 2
            ws.column_dimensions[get_column_letter(i)].width = min(width, 60)
        ws.freeze_panes = "A2"
        if columns:
            last = get_column_letter(len(columns))
            ws.auto_filter.ref = f"A1:{last}{len(df) + 1}"
        header = []
        for col_name in columns:
            cell = WriteOnlyCell(ws, value=safe_cell(col_name))
            cell.data_type = "s"
            cell.font, cell.fill, cell.alignment = head_font, head_fill, head_align
            header.append(cell)
        ws.append(header)
        for r in range(len(df)):
            row = []
            for c in range(len(columns)):
                v = values[c][r]
                if isinstance(v, str) and v.startswith("="):  # pragma: no cover - safe_cell
                    cell = WriteOnlyCell(ws, value=v)  # prevents this; kept as a last guard
                    cell.data_type = "s"
                elif formats[c] and v is not None:
                    cell = WriteOnlyCell(ws, value=v)
                    cell.number_format = formats[c]
                else:
                    cell = v
                row.append(cell)
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return _save(target, buf.getvalue())


def write_csv(
    df: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
    *,
    sep: str = ",",
) -> Path:
    """Write a table as UTF-8 CSV (with BOM, for Excel) with every cell made safe.

    Text cells go through :func:`safe_cell` and every field is quoted, per the
    OWASP CSV-injection guidance. ``sep=";"`` suits Excel set to Indonesian,
    where the comma is the decimal mark.
    """
    frame = _check_frame(df, "df")
    target = export_path(path, "tabel", ".csv")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([safe_cell(safe_text(c)) for c in frame.columns])
    for row in frame.astype(object).itertuples(index=False, name=None):
        writer.writerow(["" if (v := safe_cell(x)) is None else v for x in row])
    return _save(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
