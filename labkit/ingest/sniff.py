"""Look at the first bytes of a file: what it is, its encoding, separator and header.

Handles what the platforms and Excel produce: UTF-8 with or without BOM,
UTF-16 LE/BE (Meta daily files), Windows-1252 (Excel "CSV" in Windows), a
``sep=,`` first line, a metric-title line before the header, ``,`` ``;`` tab or
``|`` separators, CRLF. Recognises files that are not text at all (images,
PDFs, old ``.xls``) and Excel workbooks renamed ``.csv``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from labkit.errors import ExportReadError
from labkit.ingest.source import Member

HEAD_BYTES = 65536
DELIMITERS = (",", ";", "\t", "|")

_MAGIC = (
    (b"\x89PNG", ("gambar PNG", "a PNG image")),
    (b"\xff\xd8\xff", ("gambar JPEG", "a JPEG image")),
    (b"GIF8", ("gambar GIF", "a GIF image")),
    (b"RIFF", ("berkas media (RIFF/WebP/WAV)", "a media file (RIFF/WebP/WAV)")),
    (b"%PDF", ("dokumen PDF", "a PDF document")),
    (b"\x1f\x8b", ("arsip gzip", "a gzip archive")),
    (b"Rar!", ("arsip RAR", "a RAR archive")),
    (b"7z\xbc\xaf", ("arsip 7-Zip", "a 7-Zip archive")),
    (b"\x00\x00\x00", ("berkas video/biner", "a video/binary file")),
)


@dataclass
class Sniff:
    """What the head of a file says about it."""

    kind: str  # "csv" or "xlsx"
    encoding: str = "utf-8"  # Python codec of the text
    bom: bool = False
    delimiter: str = ","
    header_index: int = 0  # physical lines before the header line
    header: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    crlf: bool = False
    has_rows: bool = True  # at least one line after the header


def _lang_pair(pair: tuple[str, str]) -> str:
    from labkit import i18n

    return pair[0] if i18n.get_language() == "id" else pair[1]


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """``(id, en)`` description of a non-text file, or None if it may be text."""
    for magic, names in _MAGIC:
        if head.startswith(magic):
            return names
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("berkas Excel lama (.xls)", "an old Excel file (.xls)")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    sample = head[:4096]
    if b"\x00" in sample:
        if _utf16_guess(sample):
            return None
        return ("berkas biner (bukan teks)", "a binary (non-text) file")
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and ctrl / len(sample) > 0.02:
        return ("berkas biner (bukan teks)", "a binary (non-text) file")
    return None


def _utf16_guess(sample: bytes) -> str | None:
    even = sample[0::2]
    odd = sample[1::2]
    if odd and odd.count(0) / len(odd) > 0.6 and even.count(0) / max(len(even), 1) < 0.1:
        return "utf-16-le"
    if even and even.count(0) / len(even) > 0.6 and odd.count(0) / max(len(odd), 1) < 0.1:
        return "utf-16-be"
    return None


def is_xlsx(head: bytes, member: Member) -> bool:
    """An Excel 2007+ workbook (a ZIP holding ``[Content_Types].xml``)."""
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        data = member.read_bytes() if member.path is None else member.path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)


def encoding_of(head: bytes) -> tuple[str, bool]:
    """``(codec, has_bom)`` of a text file's head."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", True
    guess = _utf16_guess(head[:4096])
    if guess:
        return guess, False
    try:
        head.decode("utf-8")
        return "utf-8", False
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and len(head) >= HEAD_BYTES - 3:
            return "utf-8", False  # cut inside a character at the end of the sample
    return "cp1252", False


def decode_head(head: bytes, encoding: str) -> str:
    if encoding.startswith("utf-16") and len(head) % 2:
        head = head[:-1]
    text = head.decode(encoding, errors="replace")
    return text.lstrip("\ufeff")


def _split_fields(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (StopIteration, csv.Error):
        return [line]


def _count_outside_quotes(line: str, ch: str) -> int:
    n, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == ch and not quoted:
            n += 1
    return n


def sniff(member: Member) -> Sniff:
    """Inspect ``member``: kind, encoding, separator, preamble, header.

    Raises
    ------
    ExportReadError
        ``ingest.empty_file``, ``ingest.binary_file``, ``ingest.old_excel``.
    """
    head = member.head(HEAD_BYTES)
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ExportReadError("ingest.empty_file", file=member.label)
    if is_xlsx(head, member):
        return Sniff(kind="xlsx")
    kind = binary_kind(head)
    if kind is not None:
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ExportReadError("ingest.old_excel", file=member.label)
        raise ExportReadError("ingest.binary_file", file=member.label, kind=_lang_pair(kind))
    encoding, bom = encoding_of(head)
    text = decode_head(head, encoding)
    if not text.strip():
        raise ExportReadError("ingest.empty_file", file=member.label)
    lines = text.splitlines()
    if len(head) >= HEAD_BYTES and lines:
        lines = lines[:-1] or lines  # the last line of a sample may be cut
    out = Sniff(kind="csv", encoding=encoding, bom=bom, crlf="\r\n" in text[:4096])
    i = 0
    delimiter = None
    while i < len(lines) and not lines[i].strip():
        i += 1
    m = re.fullmatch(r'\s*"?sep=(.)"?\s*,*\s*', lines[i]) if i < len(lines) else None
    if m:
        delimiter = m.group(1)
        out.preamble.append(lines[i].strip())
        i += 1
    # the header is the first line with two or more fields
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if delimiter is None:
            counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
            best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
            cand = best if counts[best] else None
        else:
            cand = delimiter
        fields = _split_fields(line, cand) if cand else [line]
        if len([f for f in fields if f.strip()]) >= 2:
            out.delimiter = cand or ","
            out.header = [f.strip() for f in fields]
            out.header_index = i
            rest = [ln for ln in lines[i + 1 :] if ln.strip(" \t" + out.delimiter)]
            out.has_rows = bool(rest) or len(head) >= HEAD_BYTES
            return out
        out.preamble.append(line.strip())
        i += 1
        if len(out.preamble) > 5:
            break
    # one column only, or nothing that looks like a header
    first = next((ln for ln in lines if ln.strip()), "")
    out.header = [first.strip()[:200]]
    out.header_index = 0
    out.has_rows = len([ln for ln in lines if ln.strip()]) > 1
    return out
