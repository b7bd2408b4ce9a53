"""The trainee's work folder: one place for everything a trainee makes.

Checklists, drafts, exercise answers, imported data and exports are saved under
one folder, by default ``~/humas-lab-kerja`` (outside the git checkout, so an
nbgitpuller update never touches it). ``LABKIT_WORK_DIR`` or
:func:`set_work_dir` changes it. Every module saves through this module, so a
trainer can gather a cohort's work from one known layout::

    <work dir>/
        answers/<notebook>.json     exercise answers and progress
        audit/...                   checklists, reports
        drafts/...                  crisis statements, clarifications
        data/<dataset>/<table>.parquet   the trainee's imported tables
        exports/...                 DOCX/XLSX/HTML for leaders

All writes are atomic: the data go to a temporary file in the same folder, which
is then renamed over the target, so a crash or kernel restart never leaves half
a file. ``history=True`` keeps earlier versions in ``<name>.history/``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from labkit.errors import LabkitError

DEFAULT_DIRNAME = "humas-lab-kerja"
HISTORY_KEEP = 50

_override: Path | None = None


def work_dir() -> Path:
    """Return the work folder (created if missing)."""
    if _override is not None:
        root = _override
    elif os.environ.get("LABKIT_WORK_DIR"):
        root = Path(os.environ["LABKIT_WORK_DIR"]).expanduser()
    else:
        root = Path.home() / DEFAULT_DIRNAME
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LabkitError("workspace.cannot_create", path=str(root), reason=str(exc)) from exc
    return root


def set_work_dir(path: str | os.PathLike[str] | None) -> Path:
    """Use ``path`` as the work folder (``None``: back to the default)."""
    global _override
    _override = None if path is None else Path(path).expanduser()
    return work_dir()


def path(*parts: str) -> Path:
    """Return ``<work dir>/<parts...>``, creating its parent folder."""
    target = work_dir().joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _keep_history(target: Path) -> None:
    """Copy the current ``target`` into ``<name>.history/`` (the original stays in place)."""
    hist = target.with_name(target.name + ".history")
    hist.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    shutil.copy2(target, hist / f"{stamp}{target.suffix}")
    for stale in sorted(hist.iterdir())[:-HISTORY_KEEP]:
        stale.unlink()


def _atomic_write(target: Path, write: Callable[[Path], None], history: bool) -> Path:
    """Write through a temporary file; the old version stays in place until the new one is complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; keep the user's usual mode
        if history and target.exists():
            _keep_history(target)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def resolve(relpath: str | os.PathLike[str]) -> Path:
    """Resolve a path relative to the work folder (absolute paths pass through)."""
    p = Path(relpath)
    return p if p.is_absolute() else work_dir() / p


def save_bytes(relpath: str | os.PathLike[str], data: bytes, *, history: bool = False) -> Path:
    """Atomically write ``data`` to ``relpath`` in the work folder."""
    return _atomic_write(resolve(relpath), lambda tmp: tmp.write_bytes(data), history)


def save_text(relpath: str | os.PathLike[str], text: str, *, history: bool = False) -> Path:
    """Atomically write UTF-8 ``text`` to ``relpath`` in the work folder."""
    return save_bytes(relpath, text.encode("utf-8"), history=history)


def save_json(relpath: str | os.PathLike[str], obj: Any, *, history: bool = False) -> Path:
    """Atomically write ``obj`` as JSON (UTF-8, indented) to ``relpath``."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=str)
    return save_text(relpath, text, history=history)


def load_json(relpath: str | os.PathLike[str], default: Any = None) -> Any:
    """Read JSON saved by :func:`save_json`; ``default`` if the file is absent.

    A file that is not valid JSON raises a LabkitError naming it (it is never
    silently replaced, so nothing the trainee wrote is lost).
    """
    target = resolve(relpath)
    if not target.exists():
        return default
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LabkitError("workspace.corrupt_json", path=str(target), reason=str(exc)) from exc


def save_table(relpath: str | os.PathLike[str], df: pd.DataFrame, *, history: bool = False) -> Path:
    """Atomically write ``df`` as Parquet to ``relpath`` in the work folder."""
    return _atomic_write(resolve(relpath), lambda tmp: df.to_parquet(tmp, index=False), history)


def history(relpath: str | os.PathLike[str]) -> list[Path]:
    """Earlier versions of ``relpath`` kept by ``history=True``, oldest first."""
    target = resolve(relpath)
    hist = target.with_name(target.name + ".history")
    return sorted(hist.iterdir()) if hist.is_dir() else []
