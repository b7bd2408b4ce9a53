"""Read the body of an export as text: CSV through Arrow, XLSX through openpyxl.

Every cell comes back as a string (``None`` when empty) under the English
column name of its layout, with the spreadsheet row number of every record, so
later messages can name rows exactly. Rows that cannot be parsed are never
dropped silently: a cut-off last row is skipped with a warning, any other
broken row raises.
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from labkit import errors
from labkit.errors import ExportReadError
from labkit.ingest.detect import Detection, check_required, detect, unknown_format
from labkit.ingest.sniff import Sniff
from labkit.ingest.source import Member


@dataclass
class Raw:
    """An export's cells as text, ready for conversion."""

    member: Member
    detection: Detection
    table: pa.Table  # string columns named by English column names
    rows: np.ndarray  # spreadsheet row of every table row
    sniff: Sniff | None = None
    sheet: str | None = None
    typed: dict[str, np.ndarray] = field(default_factory=dict)  # xlsx: cells typed as dates
    skipped_rows: list[tuple[int, int, int]] = field(default_factory=list)  # row, expected, got
    blank_rows: int = 0
    preamble: list[str] = field(default_factory=list)
    _cols: dict[str, pa.Array] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return self.member.label

    @property
    def layout(self):
        return self.detection.layout

    def col(self, name: str) -> pa.Array | None:
        """Column ``name`` as one Arrow string array (None if the file lacks it)."""
        if name not in self.table.column_names:
            return None
        cached = self._cols.get(name)
        if cached is None or len(cached) != self.table.num_rows:
            c = self.table.column(name)
            cached = c.combine_chunks() if c.num_chunks != 1 else c.chunk(0)
            self._cols[name] = cached
        return cached

    def chunked(self, name: str) -> pa.ChunkedArray | None:
        """Column ``name`` as read, in chunks (no copy; None if the file lacks it).

        For kernels that take a chunked array: :meth:`col` copies a big
        export's column into one piece, which a scan for a pattern does not need.
        """
        if name not in self.table.column_names:
            return None
        return self.table.column(name)

    def filter(self, keep: pa.Array) -> None:
        """Keep the rows where ``keep`` is true."""
        self.table = self.table.filter(keep)
        self._cols.clear()
        mask = keep.to_numpy(zero_copy_only=False)
        self.rows = self.rows[mask]
        for k, v in list(self.typed.items()):
            self.typed[k] = v[mask]


def _needed(det: Detection) -> list[str]:
    """Columns to materialise: daily files keep all (every metric), post files what maps."""
    lay = det.layout
    if lay.level == "daily":
        return list(det.names)
    want = set(lay.mapping) | {lay.time_column} | set(lay.required)
    if lay.total_row:
        want.add(lay.columns[0])
    if lay.platform == "facebook":
        want.add("Page name")  # account fallback
    return [n for n in det.names if n in want]


def _arrow_encoding(encoding: str) -> str:
    return {"utf-8": "utf8", "utf-8-sig": "utf8"}.get(encoding, encoding)


def read_csv(member: Member, sn: Sniff, det: Detection) -> Raw:
    """Read a CSV member's body as strings."""
    check_required(det, member.label)
    names = det.names
    include = _needed(det)
    encoding = sn.encoding
    # the header line is skipped; the data start on the next physical line
    skip = sn.header_index + 1
    encodings = [encoding] if encoding not in ("utf-8", "utf-8-sig") else [encoding, "cp1252"]
    table = invalid = None
    for i, enc in enumerate(encodings):
        try:
            table, invalid = _arrow_read(member, names, include, skip, sn.delimiter, enc, True)
            if invalid:
                # row numbers are only known single-threaded: read again to name the rows
                table, invalid = _arrow_read(member, names, include, skip, sn.delimiter, enc, False)
            sn.encoding = enc  # not UTF-8 after all: Windows-1252 (Excel "CSV")
            break
        except (UnicodeError, pa.ArrowInvalid) as exc:
            text = str(exc).lower()
            decoding = isinstance(exc, UnicodeError) or "utf8" in text or "utf-8" in text
            if decoding and i + 1 < len(encodings):
                continue
            if decoding or "decode" in text or "codec" in text:
                raise ExportReadError("ingest.bad_encoding", file=member.label) from exc
            raise ExportReadError(
                "ingest.unreadable", file=member.label, reason=str(exc)[:160]
            ) from exc
    first_row = sn.header_index + 2
    total = table.num_rows + len(invalid)
    record_numbers = np.arange(first_row, first_row + total)
    skipped: list[tuple[int, int, int]] = []
    if invalid:
        bad_numbers = sorted(int(r[0]) for r in invalid if r[0] is not None)
        last = first_row + total - 1
        if len(invalid) == 1 and bad_numbers == [last]:
            num, expected, got = invalid[0]
            errors.warn(
                "ingest.truncated_row",
                stacklevel=3,
                file=member.label,
                row=last,
                expected=expected,
                got=got,
            )
            skipped = [(last, expected, got)]
        else:
            raise ExportReadError(
                "ingest.bad_rows",
                file=member.label,
                rows=", ".join(str(r) for r in bad_numbers[:20]) or "?",
                expected=invalid[0][1],
                got=", ".join(sorted({str(r[2]) for r in invalid})),
            )
        record_numbers = np.array([r for r in record_numbers if r not in set(bad_numbers)])
    raw = Raw(
        member=member,
        detection=det,
        table=table,
        rows=record_numbers[: table.num_rows],
        sniff=sn,
        skipped_rows=skipped,
        preamble=list(sn.preamble),
    )
    return drop_blank_rows(raw)


def _arrow_read(member, names, include, skip, delimiter, encoding, threads):
    invalid: list[tuple[int | None, int, int]] = []

    def handler(row) -> str:
        invalid.append((row.number, row.expected_columns, row.actual_columns))
        return "skip"

    read = pacsv.ReadOptions(
        column_names=names,
        skip_rows=skip,
        encoding=_arrow_encoding(encoding),
        use_threads=threads,
        block_size=1 << 24,
    )
    parse = pacsv.ParseOptions(
        delimiter=delimiter,
        newlines_in_values=True,
        ignore_empty_lines=False,
        invalid_row_handler=handler,
    )
    convert = pacsv.ConvertOptions(
        column_types={n: pa.string() for n in names},
        include_columns=include,
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        null_values=[""],
    )
    source = member.stream()
    if encoding not in ("utf-8", "utf-8-sig") and member.path is not None:
        source = io.BytesIO(member.read_bytes())
    table = pacsv.read_csv(source, read_options=read, parse_options=parse, convert_options=convert)
    return table, invalid


def drop_blank_rows(raw: Raw) -> Raw:
    """Drop rows whose every cell is empty (Excel leaves ``;;;;`` lines at the end)."""
    t = raw.table
    if t.num_rows == 0 or t.num_columns == 0:
        return raw
    blank = None
    for name in t.column_names:
        c = raw.col(name)
        if blank is None:
            # cheap first pass: only rows whose first column is empty can be blank
            empty = pc.is_null(c)
            if not pc.any(empty).as_py():
                return raw
        else:
            empty = pc.is_null(c)
        empty = pc.or_(empty, pc.equal(pc.utf8_trim_whitespace(c), ""))
        empty = pc.fill_null(empty, True)
        blank = empty if blank is None else pc.and_(blank, empty)
    n_blank = int(pc.sum(blank).as_py() or 0)
    if n_blank:
        raw.filter(pc.invert(blank))
        raw.blank_rows += n_blank
    return raw


# --------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------


def _cell_text(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v:  # NaN
            return None
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(v, _dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, _dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, _dt.time):
        return v.strftime("%H:%M:%S")
    text = str(v)
    return text if text.strip() else None


def read_xlsx(member: Member) -> Raw:
    """Read the first sheet of an Excel workbook that holds a known export."""
    import openpyxl

    data = member.read_bytes()
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise ExportReadError("ingest.bad_xlsx", file=member.label, reason=str(exc)[:160]) from exc
    first_header: list[str] | None = None
    try:
        for ws in wb.worksheets:
            rows_iter = ws.iter_rows(values_only=True)
            header: list[str] | None = None
            header_row = 0
            preamble: list[str] = []
            for r_idx, row in enumerate(rows_iter, start=1):
                cells = [_cell_text(v) for v in row]
                filled = [c for c in cells if c is not None]
                if len(filled) >= 2:
                    header = [c or "" for c in cells]
                    header_row = r_idx
                    break
                if filled:
                    preamble.append(filled[0])
                if r_idx > 10:
                    break
            if header is None:
                continue
            while header and not header[-1]:
                header.pop()
            first_header = first_header or header
            det = detect(header, member.name, folder=member.folder)
            if det is None:
                continue
            check_required(det, member.label)
            return _xlsx_body(member, ws, rows_iter, det, header_row, preamble)
    finally:
        wb.close()
    if first_header is None:
        raise ExportReadError("ingest.empty_file", file=member.label)
    raise unknown_format(member.label, first_header)


def _xlsx_body(member, ws, rows_iter, det: Detection, header_row: int, preamble) -> Raw:
    width = len(det.names)
    cols: list[list[str | None]] = [[] for _ in range(width)]
    typed: list[list[bool]] = [[] for _ in range(width)]
    rows: list[int] = []
    for r_idx, row in enumerate(rows_iter, start=header_row + 1):
        values = list(row[:width]) + [None] * (width - len(row))
        extra = [v for v in row[width:] if v is not None and str(v).strip()]
        if extra:
            raise ExportReadError(
                "ingest.bad_rows",
                file=member.label,
                rows=str(r_idx),
                expected=width,
                got=width + len(extra),
            )
        for j, v in enumerate(values):
            cols[j].append(_cell_text(v))
            typed[j].append(isinstance(v, _dt.datetime | _dt.date))
        rows.append(r_idx)
    table = pa.table({n: pa.array(c, pa.string()) for n, c in zip(det.names, cols, strict=True)})
    include = [n for n in _needed(det)]
    table = table.select(include)
    typed_map = {
        n: np.array(t, dtype=bool)
        for n, t in zip(det.names, typed, strict=True)
        if n in include and any(t)
    }
    raw = Raw(
        member=member,
        detection=det,
        table=table,
        rows=np.array(rows, dtype=np.int64),
        sheet=ws.title,
        typed=typed_map,
        preamble=list(preamble),
    )
    return drop_blank_rows(raw)


def header_repeats(raw: Raw) -> int | None:
    """Spreadsheet row of a repeated header line (two exports pasted together)."""
    det = raw.detection
    probe = [n for n in (det.layout.id_column, det.layout.time_column) if n and n in det.original]
    mask = None
    for name in probe:
        col = raw.chunked(name)
        if col is None:
            continue
        cell = det.original[name]
        values = pa.array(sorted({cell, cell.strip(), name, name.lower(), cell.lower()}))
        hits = pc.fill_null(pc.is_in(col, value_set=values), False)
        mask = hits if mask is None else pc.or_(mask, hits)
    if mask is None or not pc.any(mask).as_py():
        return None
    i = int(pc.index(mask, True).as_py())
    return int(raw.rows[i])
