"""What a trainee hands in: a file, a ZIP, or a folder; as a list of members.

A member is one file to read, from disk or from inside a ZIP, with the names a
message should show (``"Content 2026-09-12_2026-10-01 Kanal.zip/Table data.csv"``)
and the folder it sits in (YouTube and TikTok put the export range there).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from labkit.errors import ExportReadError

#: Files never worth a look (system clutter in folders and ZIPs).
_CLUTTER = (".ds_store", "thumbs.db", "desktop.ini")


@dataclass
class Member:
    """One file to read."""

    name: str  # file name, e.g. "Table data.csv"
    label: str  # how messages name it
    folder: str  # name of the folder/ZIP it sits in ("" for a lone file)
    path: Path | None  # on disk, or None inside a ZIP
    mtime: datetime | None
    size: int
    _opener: Callable[[], bytes] | None = None

    def read_bytes(self) -> bytes:
        if self.path is not None:
            return self.path.read_bytes()
        assert self._opener is not None
        return self._opener()

    def head(self, n: int = 65536) -> bytes:
        if self.path is not None:
            with self.path.open("rb") as fh:
                return fh.read(n)
        return self.read_bytes()[:n]

    def stream(self):
        """A binary file object (the path itself when on disk)."""
        if self.path is not None:
            return str(self.path)
        return io.BytesIO(self.read_bytes())

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


def _is_clutter(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return (
        not base
        or base.lower() in _CLUTTER
        or base.startswith(("._", "~$"))
        or "__MACOSX" in name
        or base.startswith(".")
    )


def zip_members(path: Path, label: str, data: bytes | None = None) -> list[Member]:
    """Members of a ZIP file (nested folders flattened; clutter skipped)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
        infos = [i for i in zf.infolist() if not i.is_dir() and not _is_clutter(i.filename)]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExportReadError("ingest.bad_zip", file=label, reason=str(exc)[:120]) from exc
    out = []
    zip_folder = Path(path.name).stem if path is not None else Path(label).stem
    for info in sorted(infos, key=lambda i: i.filename):
        parts = info.filename.split("/")
        inner_folder = parts[-2] if len(parts) > 1 else zip_folder

        def opener(zf=zf, info=info, lbl=f"{label}/{info.filename}") -> bytes:
            try:
                return zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
                raise ExportReadError("ingest.bad_zip", file=lbl, reason=str(exc)[:120]) from exc

        out.append(
            Member(
                name=parts[-1],
                label=f"{label}/{info.filename}",
                folder=inner_folder,
                path=None,
                mtime=datetime(*info.date_time),
                size=info.file_size,
                _opener=opener,
            )
        )
    return out


def file_member(path: Path, label: str | None = None) -> Member:
    stat = path.stat()
    return Member(
        name=path.name,
        label=label or path.name,
        folder=path.parent.name,
        path=path,
        mtime=datetime.fromtimestamp(stat.st_mtime),
        size=stat.st_size,
    )


def members(source: str | os.PathLike[str]) -> tuple[Path, list[Member], bool]:
    """Resolve ``source`` into members.

    Returns
    -------
    (path, members, is_collection)
        ``is_collection`` is True for a folder or a ZIP.

    Raises
    ------
    ExportReadError
        ``ingest.not_found`` when the path does not exist.
    """
    path = Path(source).expanduser()
    if not path.exists():
        raise ExportReadError("ingest.not_found", path=str(source))
    if not path.name:
        path = path.resolve()
    if path.is_dir():
        out: list[Member] = []
        for p in sorted(path.rglob("*")):
            if not p.is_file() or _is_clutter(p.relative_to(path).as_posix()):
                continue
            label = f"{path.resolve().name}/{p.relative_to(path).as_posix()}"
            if p.suffix.lower() == ".zip":
                out.extend(zip_members(p, label))
            else:
                out.append(file_member(p, label))
        return path, out, True
    if path.suffix.lower() == ".zip" or _looks_zip_not_xlsx(path):
        return path, zip_members(path, path.name), True
    return path, [file_member(path)], False


def _looks_zip_not_xlsx(path: Path) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm", ".csv", ".txt"):
        return False
    try:
        with path.open("rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as zf:
            return "[Content_Types].xml" not in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
