"""Recognise which export a header belongs to (through the alias table)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from labkit.errors import ExportReadError
from labkit.ingest.layouts import LAYOUTS, Layout, aliases, normalize_header

#: Layouts whose header alone is too common to trust: the file name must match too
#: (or the file must sit in an export folder of that platform).
NAME_REQUIRED = {"youtube_totals", "youtube_chart"}
_YOUTUBE_FILES = {"table data.csv", "chart data.csv", "totals.csv"}


@dataclass
class Detection:
    """A recognised header."""

    layout: Layout
    names: list[str]  # one per header cell: English column name, or a unique stand-in
    original: dict[str, str]  # English name -> header cell as in the file
    translated: bool  # some header cell matched through a non-English alias
    name_match: re.Match[str] | None
    # a column the layout reads, given twice: (header as written, first, second position from 1)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, n in enumerate(names):
        n = n or f"_col{i + 1}"
        if n in seen:
            seen[n] += 1
            n = f"{n}_{seen[n]}"
        seen.setdefault(n, 0)
        out.append(n)
    return out


def _map_header(
    header: list[str], lay: Layout
) -> tuple[list[str | None], bool, list[tuple[str, int, int]]]:
    """English name of each header cell (None if unknown), whether translated, duplicates."""
    table = aliases(lay)
    english = {normalize_header(c) for c in (*lay.columns, *lay.optional)}
    mapped: list[str | None] = []
    translated = False
    used: dict[str, tuple[str, int]] = {}  # target -> (folded header, position)
    duplicates: list[tuple[str, int, int]] = []
    for pos, cell in enumerate(header, start=1):
        folded = normalize_header(cell)
        target = table.get(folded)
        if target is not None and target in used:
            if used[target][0] == folded:  # the same column given twice: which one is right?
                duplicates.append((cell.strip(), used[target][1], pos))
            target = None
        if target is not None:
            used[target] = (folded, pos)
            if folded not in english:
                translated = True
        mapped.append(target)
    return mapped, translated, duplicates


def detect(header: list[str], file_name: str, *, folder: str = "") -> Detection | None:
    """The layout ``header`` belongs to, or None.

    A layout matches when all its ``signature`` columns are present (after
    aliases); among matches, a matching file name wins, then the layout that
    explains more of the header.
    """
    best: tuple[tuple[int, int, int], Detection] | None = None
    for lay in LAYOUTS.values():
        mapped, translated, duplicates = _map_header(header, lay)
        present = {m for m in mapped if m}
        if not all(s in present for s in lay.signature):
            continue
        name_match = lay.matches_name(file_name)
        if lay.name in NAME_REQUIRED and not name_match:
            continue
        names = _unique([m or cell.strip() for m, cell in zip(mapped, header, strict=True)])
        original = {n: cell.strip() for n, m, cell in zip(names, mapped, header, strict=True) if m}
        det = Detection(lay, names, original, translated, name_match, duplicates)
        score = (1 if name_match else 0, len(present), -len(lay.columns))
        if best is None or score > best[0]:
            best = (score, det)
    return best[1] if best else None


def check_required(det: Detection, label: str) -> None:
    """Raise ``ingest.missing_columns`` if a required column is absent.

    Also ``ingest.duplicate_column`` if a column the layout reads is given twice
    (reading the first one silently could take the wrong numbers).
    """
    if det.duplicates:
        column, first, second = det.duplicates[0]
        raise ExportReadError(
            "ingest.duplicate_column", file=label, column=column, first=first, second=second
        )
    missing = [c for c in det.layout.required if c not in det.original]
    if missing:
        raise ExportReadError(
            "ingest.missing_columns",
            file=label,
            layout=det.layout.title,
            columns=", ".join(missing),
        )


def known_formats() -> str:
    """The known export formats, for messages."""
    return "; ".join(lay.title for lay in LAYOUTS.values())


def unknown_format(label: str, header: list[str]) -> ExportReadError:
    shown = ", ".join(h for h in header[:12] if h) or "-"
    if len(header) > 12:
        shown += ", ..."
    return ExportReadError(
        "ingest.unknown_format", file=label, header=shown[:400], known=known_formats()
    )
