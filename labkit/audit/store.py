"""Saving and reading audit reports in the work folder (one JSON file per name).

The file holds the report's rows, its inventory, its metadata and the text of
the rubric it was scored with, so a report reads back equal even after the
bundled rubric changed. Earlier versions of a name are kept
(:func:`labkit.workspace.save_json` with ``history=True``).

:func:`save` takes any object with ``items``, ``accounts``, ``rubric`` and
``meta`` (an :class:`~labkit.audit.report.AuditReport`); :func:`read` returns
those four parts, which ``AuditReport.load`` builds the report from. This module
knows the file format only, not the report class.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from labkit import workspace
from labkit.audit.rubric import load_rubric, parse_rubric
from labkit.errors import LabkitError

REPORTS_DIR = "audit/reports"
FILE_VERSION = 1


def path_of(name: str) -> str:
    """Where report ``name`` is saved, relative to the work folder."""
    return f"{REPORTS_DIR}/{safe_name(name)}.json"


def save(report: Any, name: str = "audit") -> Path:
    """Save ``report`` as ``<work dir>/audit/reports/<name>.json`` (earlier versions kept)."""
    records = [{k: plain(v) for k, v in row.items()} for row in report.items.to_dict("records")]
    rubric_path = Path(report.rubric.path)
    rubric_text = rubric_path.read_text(encoding="utf-8") if rubric_path.is_file() else None
    payload = {
        "version": FILE_VERSION,
        "meta": report.meta,
        "rubric_yaml": rubric_text,
        "accounts": [
            {k: plain(v) for k, v in r.items()} for r in report.accounts.to_dict(orient="records")
        ],
        "items": records,
    }
    return workspace.save_json(path_of(name), payload, history=True)


def read(name: str = "audit") -> dict[str, Any]:
    """The parts of report ``name``: ``items``, ``accounts``, ``rubric`` and ``meta``.

    Raises
    ------
    LabkitError
        No report was saved under ``name`` (the message says how to save one).
    """
    rel = path_of(name)
    payload = workspace.load_json(rel)
    if payload is None:
        raise LabkitError("audit.no_saved_report", name=name, path=str(workspace.resolve(rel)))
    return parts(payload, name)


def read_file(path: str | Path) -> dict[str, Any]:
    """The parts of a report saved at ``path`` (anywhere: the trainer's cohort view reads
    trainees' copies in the exchange folder)."""
    payload = workspace.load_json(Path(path))
    if payload is None:
        raise LabkitError("audit.no_saved_report", name=Path(path).stem, path=str(path))
    return parts(payload, Path(path).stem)


def parts(payload: dict[str, Any], name: str) -> dict[str, Any]:
    """A saved report's JSON made into the parts of an AuditReport."""
    if payload.get("rubric_yaml"):
        rubric = parse_rubric(
            yaml.safe_load(payload["rubric_yaml"]),
            source=payload["meta"].get("rubric_path", name),
        )
    else:
        rubric = load_rubric()
    items = pd.DataFrame(payload["items"])
    for col in ("points", "value", "n"):
        items[col] = pd.to_numeric(items[col], errors="coerce").astype(float)
    items["args"] = [a if isinstance(a, dict) else {} for a in items["args"]]
    items["ids"] = [a if isinstance(a, list) else [] for a in items["ids"]]
    items["need"] = [m if isinstance(m, str) and m else None for m in items["need"]]
    items["msg"] = [m if isinstance(m, str) else "" for m in items["msg"]]
    accounts = pd.DataFrame(payload["accounts"])
    return {"items": items, "accounts": accounts, "rubric": rubric, "meta": payload["meta"]}


def plain(v: Any) -> Any:
    """``v`` as plain JSON data (NaN, NA and NaT become None; timestamps ISO text)."""
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple | np.ndarray):
        return [plain(x) for x in v]
    return v


def safe_name(name: str) -> str:
    """``name`` as a file name (letters, digits, ``_``, ``-``); LabkitError if nothing is left."""
    slug = re.sub(r"[^0-9A-Za-z_-]+", "_", str(name)).strip("_")
    if not slug:
        raise LabkitError("audit.bad_report_name", name=name)
    return slug
