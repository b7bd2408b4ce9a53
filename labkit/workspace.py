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
        cache/<source>/...          masked comments (labkit.data; rebuilt at will)

All writes are atomic: the data go to a temporary file in the same folder, which
is then renamed over the target, so a crash or kernel restart never leaves half
a file. ``history=True`` keeps earlier versions in ``<name>.history/``. A save
killed between the two steps leaves its temporary file; a model that loads saved
things calls :func:`clean_stale_temporaries` on its folder to delete old ones.

On a hub, ``LABKIT_EXCHANGE_DIR`` names the workshop's exchange folder: every
:func:`save_json` (answers, audit reports, checklists, drafts, labels, tabletop
reviews) is then also copied, atomically, to ``<exchange>/<user>/<same path>``,
where the trainers (and only they) read it for the cohort view. The copy never
stands in the way of the save itself: if it fails, the trainee's file is saved
and a warning says the trainer will not see it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from labkit.errors import LabkitError

DEFAULT_DIRNAME = "humas-lab-kerja"
HISTORY_KEEP = 50
#: A temporary file is left alone for this long (seconds): a save running in
#: another kernel (a large table can take minutes) is never broken by a cleanup.
STALE_AFTER = 6 * 3600
#: Name of a temporary file of :func:`_atomic_write`: ``.<target name>.<8 random characters>.tmp``
#: (``tempfile.mkstemp``'s random part is 8 characters of ``a-z0-9_``).
TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")

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


def clean_stale_temporaries(
    folder: str | os.PathLike[str], *, older_than: float | timedelta = STALE_AFTER
) -> list[Path]:
    """Delete temporary files left in ``folder`` by saves that were killed.

    A save writes to ``.<name>.<random>.tmp`` and renames it over ``<name>``;
    when the kernel is killed in between, the temporary file stays. Only files
    whose name matches that pattern (:data:`TEMP_NAME`) and that were last
    modified more than ``older_than`` ago are deleted, so a save still running in
    another kernel is never broken; sub-folders and every other file are left alone.

    Parameters
    ----------
    folder : path-like
        A folder of the work folder (relative paths are resolved in it).
    older_than : float or timedelta
        Minimum age, in seconds or as a ``timedelta`` (default :data:`STALE_AFTER`).

    Returns
    -------
    list of Path
        The files deleted (empty if there were none, or the folder does not exist).
    """
    root = resolve(folder)
    if isinstance(older_than, timedelta):
        older_than = older_than.total_seconds()
    if not root.is_dir():
        return []
    cutoff = time.time() - float(older_than)
    removed = []
    for entry in os.scandir(root):
        if not TEMP_NAME.match(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > cutoff:
                continue
            os.unlink(entry.path)
        except FileNotFoundError:  # another kernel finished or cleaned it meanwhile
            continue
        removed.append(Path(entry.path))
    return sorted(removed)


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
    target = save_text(relpath, text, history=history)
    _mirror(target)
    return target


def exchange_dir() -> Path | None:
    """This user's folder in the workshop's exchange folder, or None off a hub.

    ``<LABKIT_EXCHANGE_DIR>/<system user name>``: the install script and
    :func:`labkit.trainer.accounts.create_accounts` make it, owned by the trainee and
    readable by the trainers' group only.
    """
    root = os.environ.get("LABKIT_EXCHANGE_DIR")
    if not root:
        return None
    import getpass

    return Path(root).expanduser() / getpass.getuser()


def _mirror(target: Path) -> None:
    """Copy a saved file to this user's exchange folder (see the module's docstring)."""
    mine = exchange_dir()
    if mine is None:
        return
    try:
        rel = target.resolve().relative_to(work_dir().resolve())
    except ValueError:
        return  # saved outside the work folder: not the trainee's artefact
    try:
        if not mine.is_dir():
            raise FileNotFoundError(str(mine))
        dest = mine / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(dest, lambda tmp: shutil.copyfile(target, tmp), False)
    except OSError as exc:
        from labkit import errors

        errors.warn("workspace.exchange_failed", path=str(mine), reason=str(exc))


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


def load_yaml(relpath: str | os.PathLike[str], default: Any = None) -> Any:
    """Read a YAML file a trainer put in the work folder; ``default`` if it is absent.

    Trainers extend the lab's word lists and rules with such files (``kamus_gaul.yaml``,
    ``arsip_hoaks.yaml``, ``eskalasi.yaml``...). A file that is not valid YAML raises a
    LabkitError naming the file and the line where the broken construct starts, with the
    usual fixes.
    """
    import yaml

    target = resolve(relpath)
    if not target.is_file():
        return default
    try:
        return yaml.safe_load(target.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        # where the broken construct starts (an unclosed bracket), else where it was noticed
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = getattr(mark, "line", -1) + 1
        raise LabkitError("workspace.bad_yaml", path=str(target), line=line) from None


def save_table(
    relpath: str | os.PathLike[str], df: pd.DataFrame, *, history: bool = False, **parquet: Any
) -> Path:
    """Atomically write ``df`` as Parquet to ``relpath`` in the work folder.

    ``parquet`` options (``compression``, ``row_group_size``...) go to
    :meth:`pandas.DataFrame.to_parquet`.
    """
    return _atomic_write(
        resolve(relpath), lambda tmp: df.to_parquet(tmp, index=False, **parquet), history
    )


def save_table_parts(
    relpath: str | os.PathLike[str], parts: Iterable[pd.DataFrame], **parquet: Any
) -> Path:
    """Atomically write DataFrames of the same columns as one Parquet file, part by part.

    Only one part is in memory at a time (a large table masked or converted piece by
    piece). ``parquet`` options (``compression``, ``compression_level``...) go to
    :class:`pyarrow.parquet.ParquetWriter`; each part becomes a row group. A
    generator with no part writes nothing and raises ``ValueError``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    def write(tmp: Path) -> None:
        writer = None
        try:
            for part in parts:
                table = pa.Table.from_pandas(part, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema, **parquet)
                writer.write_table(table.cast(writer.schema))
        finally:
            if writer is not None:
                writer.close()
        if writer is None:
            raise ValueError("save_table_parts: no part to write")

    return _atomic_write(resolve(relpath), write, False)


def history(relpath: str | os.PathLike[str]) -> list[Path]:
    """Earlier versions of ``relpath`` kept by ``history=True``, oldest first."""
    target = resolve(relpath)
    hist = target.with_name(target.name + ".history")
    return sorted(hist.iterdir()) if hist.is_dir() else []
