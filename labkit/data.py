"""Load the lab's tables: the bundled fictional universe or the trainee's own data.

>>> from labkit import data
>>> posts = data.load("posts")          # bundled universe, typed, checksummed
>>> data.use("instansi_saya")           # later loads read the trainee's imports
>>> data.use(None)                      # back to the bundled universe

Where the data live
-------------------
* The bundled universe: ``datasets/`` beside the package, or the folder named by
  ``LABKIT_DATA_DIR`` (so a hub can point every trainee at one shared
  read-only copy). Every file is checked against ``manifest.json``'s SHA-256.
* The trainee's own data: ``<work dir>/data/<name>/`` (see :mod:`labkit.workspace`),
  written by :func:`save_dataset` (the importers call it), deleted by :func:`purge`.

Citizens' comments are masked as they are loaded (UU PDP 27/2022), unless a
trainer has turned masking off (see :mod:`labkit.privacy`). Masking millions of
comments takes a while, so the masked table is kept in
``<work dir>/cache/<source>/`` (see :func:`cache_dir`), keyed by the source file's
checksum and the masking settings; :func:`purge` deletes it with the data.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform as _platform
import shutil
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from labkit import i18n, schema, values, workspace
from labkit.errors import DataError, SchemaError

BUNDLED = "bundled"
MANIFEST = "manifest.json"
MASKED_TABLES = ("comments",)
#: Rows per Parquet row group: large files decode in slices, keeping peak memory low.
ROW_GROUP_ROWS = 262_144
#: Rows masked at a time, and per row group of the masked cache: masking holds a few
#: copies of a piece, and a load of one account's rows decodes one piece at a time.
MASK_ROWS = 32_768

#: Folder of the work folder holding the masked-table cache, one sub-folder per source.
CACHE_DIR = "cache"

_source: str | None = None  # None: not chosen yet; LABKIT_SOURCE or the bundled universe
_verified: dict[Path, tuple[int, int]] = {}
_digests: dict[Path, tuple[int, int, str]] = {}  # own files: (size, mtime_ns, sha256)
_cleaned: set[Path] = set()  # folders already cleaned of stale temporaries in this process


def data_dir() -> Path:
    """Folder of the bundled universe (``LABKIT_DATA_DIR`` or ``datasets/``)."""
    env = os.environ.get("LABKIT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parent.parent / "datasets"


def own_data_dir(name: str) -> Path:
    """Folder of the trainee's own dataset ``name`` in the work folder."""
    return workspace.work_dir() / "data" / name


def cache_dir(source: str | None = None) -> Path:
    """Folder of the masked-table cache of ``source`` (default: every source).

    ``<work dir>/cache/<source>/``: per trainee, never in the shared bundled
    folder. Deleting it is always safe; the next load rebuilds it.
    """
    root = workspace.work_dir() / CACHE_DIR
    return root if source is None else root / source


def _clean_once(folder: Path) -> None:
    """Delete temporaries left by killed saves in ``folder`` (once per process)."""
    if folder not in _cleaned:
        workspace.clean_stale_temporaries(folder)
        _cleaned.add(folder)


def use(source: str | None) -> str:
    """Make every later :func:`load` read ``source``.

    Parameters
    ----------
    source : str or None
        ``None`` or ``"bundled"``: the bundled fictional universe. Any other
        name: the trainee's dataset of that name saved by the importers.

    Raises
    ------
    DataError
        If no dataset of that name exists in the work folder.
    """
    global _source
    if source in (None, BUNDLED):
        _source = BUNDLED
        return _source
    if source not in own_datasets():
        known = ", ".join(own_datasets()) or "-"
        folder = workspace.work_dir() / "data"
        raise DataError("data.unknown_source", name=source, folder=str(folder), known=known)
    _source = source
    return _source


def current_source() -> str:
    """Name of the source :func:`load` reads now (``"bundled"`` or a dataset name).

    Until :func:`use` is called, the ``LABKIT_SOURCE`` environment variable may
    name a dataset of the work folder (used to run every notebook on imported
    data without editing it); otherwise the bundled universe.
    """
    if _source is not None:
        return _source
    env = os.environ.get("LABKIT_SOURCE", "").strip()
    if env and env != BUNDLED and env not in own_datasets():
        raise DataError(
            "data.unknown_source",
            name=env,
            folder=str(workspace.work_dir() / "data"),
            known=", ".join(own_datasets()) or "-",
        )
    return env or BUNDLED


def own_datasets() -> list[str]:
    """Names of the trainee's saved datasets."""
    root = workspace.work_dir() / "data"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def tables(source: str | None = None) -> list[str]:
    """Names of the tables available in ``source`` (default: the current one)."""
    src = source or current_source()
    if src == BUNDLED:
        return sorted(_read_manifest(data_dir())["files"].keys())
    folder = own_data_dir(src)
    return sorted(p.stem for p in folder.glob("*.parquet"))


def has_table(name: str, source: str | None = None) -> bool:
    """True if table ``name`` exists in ``source`` (default: the current one)."""
    try:
        return name in tables(source)
    except DataError:
        return False


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_manifest(folder: Path) -> dict:
    mpath = folder / MANIFEST
    if not mpath.exists():
        raise DataError("data.no_manifest", folder=str(folder))
    try:
        return json.loads(mpath.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError("data.bad_manifest", path=str(mpath), reason=str(exc)) from exc


def verify(folder: Path | None = None) -> pd.DataFrame:
    """Check every bundled file against the manifest.

    Returns
    -------
    DataFrame
        One row per file: ``table``, ``file``, ``ok`` and ``problem``.
    """
    folder = folder or data_dir()
    manifest = _read_manifest(folder)
    rows = []
    for name, entry in manifest["files"].items():
        path = folder / entry["file"]
        if not path.exists():
            rows.append((name, entry["file"], False, i18n.t("data.status_missing")))
        elif _sha256(path) != entry["sha256"]:
            rows.append((name, entry["file"], False, i18n.t("data.status_checksum")))
        else:
            rows.append((name, entry["file"], True, ""))
    return pd.DataFrame(rows, columns=["table", "file", "ok", "problem"])


def _bundled_path(name: str) -> Path:
    folder = data_dir()
    manifest = _read_manifest(folder)
    if name not in manifest["files"]:
        schema.table(name)  # unknown everywhere: the schema's message lists all tables
        raise DataError("data.table_not_in_source", name=name, source=BUNDLED)
    entry = manifest["files"][name]
    path = folder / entry["file"]
    if not path.exists():
        raise DataError("data.missing_file", path=str(path), table=name)
    stat = path.stat()
    if _verified.get(path) != (stat.st_size, stat.st_mtime_ns):
        if _sha256(path) != entry["sha256"]:
            raise DataError("data.checksum_mismatch", path=str(path), table=name)
        _verified[path] = (stat.st_size, stat.st_mtime_ns)
    return path


def read_table(
    path: str | os.PathLike[str],
    name: str,
    *,
    columns: Sequence[str] | None = None,
    where: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Read a Parquet file as canonical table ``name`` (no checksum, no masking).

    ``columns`` and ``where`` are those of :func:`load`: only these columns, and only
    the rows that match, are read from the file.
    """
    try:
        wanted = None
        if columns is not None:
            present = set(pq.read_schema(path).names)
            wanted = [c for c in columns if c in present]
        filters = _filters(name, where)
        if filters:
            arrow = _read_matching(path, wanted, filters)
        else:
            arrow = pq.read_table(path, memory_map=True, columns=wanted)
    except (OSError, pa.ArrowInvalid, KeyError) as exc:
        raise DataError(
            "data.unreadable", path=str(path), table=name, reason=str(exc)[:200]
        ) from exc
    df = schema.from_arrow(arrow)
    del arrow
    return schema.conform(df, name, source=str(path), columns=columns)


def _read_matching(path, columns: list[str] | None, filters: list) -> pa.Table:
    """The rows matching ``filters``, read row group by row group.

    A row group none of whose rows match is skipped after reading only the filter's
    columns, and only one row group is decoded at a time: one account's comments out
    of a year of a ministry's cost about their own size, not the file's.
    """
    import pyarrow.compute as pc

    file = pq.ParquetFile(path, memory_map=True)
    keys = [col for col, _, _ in filters]
    parts = []
    for group in range(file.num_row_groups):
        head = file.read_row_group(group, columns=keys)
        keep = None
        for col, _, chosen in filters:
            column = head[col]
            kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
            hit = pc.is_in(column, value_set=pa.array(chosen).cast(kind))
            keep = hit if keep is None else pc.and_(keep, hit)
        keep = pc.fill_null(keep, False)
        if pc.any(keep).as_py():
            parts.append(file.read_row_group(group, columns=columns).filter(keep))
    if not parts:
        names = columns if columns is not None else file.schema_arrow.names
        return file.schema_arrow.empty_table().select(names)
    return pa.concat_tables(parts)


def _filters(name: str, where: Mapping[str, Any] | None) -> list | None:
    """``where`` as Parquet row filters: each column equal to the value or one of the values."""
    if not where:
        return None
    t = schema.table(name)
    out = []
    for col, wanted in where.items():
        if col not in t.names:
            raise SchemaError(
                "schema.unknown_columns", table=name, columns=col, known=", ".join(t.names)
            )
        chosen = list(wanted) if isinstance(wanted, list | tuple | set | frozenset) else [wanted]
        if t.column(col).kind == "handle":  # as the table stores them: lowercase, no "@"
            chosen = [values.normalize_handle(v) for v in chosen]
        out.append((col, "in", chosen))
    return out


def load(
    name: str,
    *,
    source: str | None = None,
    mask: bool | None = None,
    columns: Sequence[str] | None = None,
    where: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Load table ``name`` as a typed DataFrame.

    Parameters
    ----------
    name : str
        A table of :mod:`labkit.schema`: ``agencies``, ``accounts``, ``posts``,
        ``followers``, ``comments``, ``search_results``, and the ground-truth
        tables ``truth_*`` (for tests and exercise checks only).
    source : str, optional
        Override the source chosen by :func:`use` for this call.
    mask : bool, optional
        Mask citizens' personal data in ``comments``; default: the trainer's
        setting in :mod:`labkit.privacy` (on unless turned off).
    columns : list of str, optional
        Only these columns, in this order (default: all of the table's). A
        lesson that needs three columns of a year of comments reads only those:
        the kernel stays small on a hub shared by a whole class.
    where : dict, optional
        Only the rows whose column equals the value, or one of a list of values,
        for example ``{"account": "kanim_kotapelangi"}`` (handles are compared as
        the table stores them: lowercase, without ``@``). Rows are filtered while
        the file is read, so the others never take memory.

    Raises
    ------
    DataError
        Unknown table, missing file, or a file whose checksum does not match.

    Notes
    -----
    Masked comments are kept in the work folder's cache (:func:`cache_dir`),
    keyed by the source file's checksum and the masking settings (pseudonym
    salt, the agency's allowlist, the masking code), so a second load reads
    them instead of masking again. Unmasked loads never read or write it.
    """
    src = source or current_source()
    if src == BUNDLED:
        path = _bundled_path(name)
    else:
        schema.table(name)
        if src not in own_datasets():  # a path or an unknown name: never read, clean or cache there
            raise DataError(
                "data.unknown_source",
                name=src,
                folder=str(workspace.work_dir() / "data"),
                known=", ".join(own_datasets()) or "-",
            )
        _clean_once(own_data_dir(src))
        path = own_data_dir(src) / f"{name}.parquet"
        if not path.exists():
            raise DataError("data.table_not_in_source", name=name, source=src)
    if name in MASKED_TABLES:
        from labkit import privacy

        if privacy.masking_enabled() if mask is None else mask:
            df = _load_masked(path, name, src, columns=columns, where=where)
        else:
            df = read_table(path, name, columns=columns, where=where)
            df.attrs["masked"] = False
    else:
        df = read_table(path, name, columns=columns, where=where)
    df.attrs["source"] = src
    df.attrs["table"] = name
    return df


# ---------------------------------------------------------------------------- masked cache


@functools.cache
def _masking_rules_digest() -> str:
    """Digest of the masking code itself: a changed detector invalidates every cache."""
    from labkit import privacy, values

    h = hashlib.sha256()
    # values owns normalize_handle, which decides the pseudonyms and the kept handles
    modules = sorted(Path(privacy.__file__).parent.glob("*.py")) + [Path(values.__file__)]
    for module in modules:
        h.update(module.name.encode())
        h.update(module.read_bytes())
    return h.hexdigest()


def _source_digest(path: Path, name: str, src: str) -> str:
    """Checksum of a source file: the manifest's SHA-256 (bundled), else its own SHA-256."""
    if src == BUNDLED:
        return str(_read_manifest(path.parent)["files"][name]["sha256"])
    stat = path.stat()
    known = _digests.get(path)
    if known is None or known[:2] != (stat.st_size, stat.st_mtime_ns):
        known = (stat.st_size, stat.st_mtime_ns, _sha256(path))
        _digests[path] = known
    return known[2]


def _mask_key(path: Path, name: str, src: str, allow) -> str:
    """Cache key: the source's checksum and every masking setting that changes the result."""
    from labkit import privacy

    parts = {
        "source": _source_digest(path, name, src),
        "table": name,
        "masked": True,
        # a pseudonym of a fixed text changes exactly when the salt changes
        # (LABKIT_PSEUDONYM_SALT or the work folder's salt file), without storing the salt
        "salt": privacy.pseudonym("labkit-cache-probe"),
        "allow": [sorted(allow.handles), sorted(allow.numbers), sorted(allow.emails)],
        "rules": _masking_rules_digest(),
        "pandas": pd.__version__,
        "pyarrow": pa.__version__,
    }
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _load_masked(
    path: Path,
    name: str,
    src: str,
    *,
    columns: Sequence[str] | None = None,
    where: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Table ``name`` masked, from the cache when its key matches, else masked and cached.

    Only masked tables are ever cached (the caller checks the masking switch
    first), so masked data are never served with masking off nor the reverse.
    A cache file that cannot be read is deleted and rebuilt. The table is masked
    one row group at a time, so masking a year of comments never holds two
    copies of it; ``columns`` and ``where`` are then read from the cache.
    """
    from labkit import privacy

    accounts = load("accounts", source=src) if has_table("accounts", src) else None
    agencies = load("agencies", source=src) if has_table("agencies", src) else None
    allow = privacy.official_allowlist(accounts, agencies)
    folder = cache_dir(src)
    cached = folder / f"{name}.{_mask_key(path, name, src, allow)}.parquet"
    if cached.exists():
        try:
            df = read_table(cached, name, columns=columns, where=where)
        except DataError:  # damaged (a full disk, a copy cut short): rebuild it
            cached.unlink(missing_ok=True)
        else:
            df.attrs["masked"] = True
            return df
    try:
        _clean_once(folder)
        for old in folder.glob(f"{name}.*.parquet"):  # other keys: stale
            old.unlink(missing_ok=True)
        # zstd level 1 in row groups: about as fast to read as the plain table, half of snappy's size
        workspace.save_table_parts(
            cached, _masked_parts(path, name, allow), compression="zstd", compression_level=1
        )
        df = read_table(cached, name, columns=columns, where=where)
    except OSError:  # a read-only or full work folder: the load still succeeds, uncached
        df = privacy.mask_comments(read_table(path, name), allow=allow)
        df = _select(df, name, columns, where)
    df.attrs["masked"] = True
    return df


def _masked_parts(path: Path, name: str, allow) -> Iterator[pd.DataFrame]:
    """Table ``name`` from ``path``, masked, :data:`MASK_ROWS` rows at a time."""
    from labkit import privacy

    try:
        batches = pq.ParquetFile(path, memory_map=True).iter_batches(batch_size=MASK_ROWS)
        parts = (schema.from_arrow(pa.Table.from_batches([batch])) for batch in batches)
        found = 0
        for part in parts:
            try:
                typed = schema.conform(part, name, source=str(path))
            except SchemaError as exc:  # the row counted in the file, not in this piece
                if isinstance(exc.params.get("row"), int):
                    raise SchemaError(
                        exc.key, **{**exc.params, "row": exc.params["row"] + found}
                    ) from None
                raise
            found += len(part)
            yield privacy.mask_comments(typed, allow=allow)
    except (OSError, pa.ArrowInvalid) as exc:
        raise DataError(
            "data.unreadable", path=str(path), table=name, reason=str(exc)[:200]
        ) from exc
    if not found:  # no rows: one empty part keeps the columns and their types
        yield privacy.mask_comments(schema.empty(name), allow=allow)


def _select(
    df: pd.DataFrame, name: str, columns: Sequence[str] | None, where: Mapping[str, Any] | None
) -> pd.DataFrame:
    """``columns`` and ``where`` of :func:`load` applied to a table already in memory."""
    for col, _, chosen in _filters(name, where) or []:
        df = df[df[col].isin(chosen)]
    if columns is not None:
        df = schema.conform(df, name, columns=columns)
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------- purge


def purge(
    name: str | None = None,
    *,
    downloads: str | os.PathLike[str] | None = None,
    missing_ok: bool = False,
) -> list[Path]:
    """Delete the trainee's imported dataset ``name`` (or all of them) and its cache.

    The end of a workshop's data lifecycle (UU PDP 27/2022): ``data/<name>/`` and
    ``cache/<name>/`` in the work folder go; the bundled fictional universe,
    answers, drafts and exports stay. ``labkit purge`` and
    :func:`labkit.owndata.purge` call this.

    Parameters
    ----------
    name : str, optional
        A dataset saved by the importers. ``None`` deletes every dataset under
        ``data/`` and the whole masked-table cache.
    downloads : path-like, optional
        A folder of raw downloads to delete too (they hold comments *before*
        masking). Only a folder inside the work folder is deleted; files
        elsewhere (e.g. the Downloads folder) must be deleted by hand.
    missing_ok : bool
        Do not raise when ``name`` is not a dataset (nothing of it is deleted).

    Returns
    -------
    list of Path
        What was deleted (empty if there was nothing to delete).

    Raises
    ------
    DataError
        ``name`` is not one of the trainee's datasets (the message lists them),
        or ``downloads`` is outside the work folder. Nothing is deleted then.
    """
    root = workspace.work_dir() / "data"
    target_downloads = None
    if downloads is not None:
        target_downloads = Path(downloads).resolve()
        work = workspace.work_dir().resolve()
        if work not in target_downloads.parents:
            raise DataError("data.purge_outside", folder=str(target_downloads), work=str(work))
    if name is None:
        targets = sorted(root.iterdir()) if root.is_dir() else []
        targets.append(cache_dir())
    elif name in own_datasets():
        targets = [root / name, cache_dir(name)]
    elif missing_ok:
        targets = []
    else:
        raise DataError(
            "data.unknown_dataset",
            name=name,
            known=", ".join(own_datasets()) or "-",
            folder=str(root),
        )
    if target_downloads is not None:
        targets.append(target_downloads)
    deleted = []
    for target in targets:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        else:
            continue
        deleted.append(target)
    try:
        gone = current_source() != BUNDLED and not own_data_dir(current_source()).is_dir()
    except DataError:  # LABKIT_SOURCE named the dataset just deleted
        gone = True
    if gone:
        use(None)
    return deleted


def save_dataset(name: str, tables: dict[str, pd.DataFrame]) -> Path:
    """Save the trainee's canonical tables as dataset ``name`` in the work folder.

    Each table is conformed to its schema first, so a dataset on disk is always
    loadable. Existing tables of the dataset that are not given stay.
    """
    if name in (BUNDLED, "") or "/" in name or "\\" in name or name.startswith("."):
        raise DataError("data.bad_dataset_name", name=name)
    folder = own_data_dir(name)
    folder.mkdir(parents=True, exist_ok=True)
    for tname, df in tables.items():
        workspace.save_table(folder / f"{tname}.parquet", schema.conform(df, tname, source=name))
    return folder


def write_bundle(tables: dict[str, pd.DataFrame], folder: Path, meta: dict) -> dict:
    """Write tables as compressed Parquet plus ``manifest.json`` (for the generator)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, df in tables.items():
        df = schema.conform(df, name, source="generator")
        fname = f"{name}.parquet"
        path = folder / fname
        df.to_parquet(
            path,
            index=False,
            compression="zstd",
            compression_level=12,
            row_group_size=ROW_GROUP_ROWS,
        )
        files[name] = {
            "file": fname,
            "sha256": _sha256(path),
            "bytes": path.stat().st_size,
            "rows": len(df),
        }
    manifest = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generator": meta,
        "library_versions": {
            "pandas": pd.__version__,
            "pyarrow": pa.__version__,
            "python": _platform.python_version(),
        },
        "files": files,
    }
    (folder / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest
