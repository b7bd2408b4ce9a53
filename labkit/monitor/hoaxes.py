"""Known hoaxes: which comments repeat a claim already checked, and which clarification to link.

The archive (``hoaxes.yaml``) is fictional, in the layout of Indonesian fact-checkers
(turnbackhoax / Mafindo GFD: verdict label, headline, claim, source, date, fact-check
result, conclusion, clarification link). A trainer can add the agency's own checked
claims in ``arsip_hoaks.yaml`` in the work folder (same fields).

Matching is fuzzy and explained: a comment is compared with a claim only when it shares
one of the claim's key words (``kata_kunci``), and the score is rapidfuzz's
``token_set_ratio`` (0-100) between the normalised comment and the normalised claim,
so that word order, extra words and colloquial spellings matter little.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from labkit import workspace
from labkit.errors import LabkitError
from labkit.monitor import matching, text

#: Name of a trainer's extension of the archive, in the work folder.
USER_ARCHIVE_FILE = "arsip_hoaks.yaml"
FIELDS = (
    "id", "label", "judul", "klaim", "kata_kunci", "sumber", "tanggal",
    "hasil_cek_fakta", "kesimpulan", "klarifikasi", "tautan",
)  # fmt: skip
#: Default similarity a comment needs to count as repeating a claim.
THRESHOLD = 70.0


def _entries(raw: object, name: str) -> list[dict]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise LabkitError("monitor.hoax.not_a_list", file=name)
    out = []
    for i, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise LabkitError("monitor.hoax.not_a_list", file=name)
        missing = [f for f in FIELDS if entry.get(f) in (None, "", [])]
        if missing:
            raise LabkitError(
                "monitor.hoax.missing_field",
                file=name,
                n=i,
                id=entry.get("id", "?"),
                fields=", ".join(missing),
            )
        keys = entry["kata_kunci"]
        entry = {**entry, "kata_kunci": [keys] if isinstance(keys, str) else list(keys)}
        out.append(entry)
    return out


@cache
def _package_archive() -> tuple[dict, ...]:
    raw = yaml.safe_load(
        resources.files("labkit.monitor").joinpath("hoaxes.yaml").read_text("utf-8")
    )
    return tuple(_entries(raw, "hoaxes.yaml"))


def hoax_archive() -> pd.DataFrame:
    """The archive of checked hoaxes: the project's fictional one plus the trainer's.

    Returns
    -------
    DataFrame indexed by ``id`` with the fields of :data:`FIELDS`.

    Raises
    ------
    LabkitError
        If the trainer's file is broken (the message names the file, the entry and the
        missing field, or the YAML line).
    """
    entries = list(_package_archive())
    entries += _entries(
        workspace.load_yaml(USER_ARCHIVE_FILE), str(workspace.resolve(USER_ARCHIVE_FILE))
    )
    frame = pd.DataFrame(entries, columns=list(FIELDS))
    return frame.drop_duplicates("id", keep="last").set_index("id")


def _key_pattern(words: list[str]) -> str:
    norm = [text.normalize(w) for w in words]
    alts = "|".join(sorted({w for w in norm if w}, key=len, reverse=True))
    return rf"(?:^|\s)(?:{alts})(?:\s|$)" if alts else r"$^"


def match_hoaxes(
    comments: pd.DataFrame | pd.Series,
    archive: pd.DataFrame | None = None,
    *,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Comments that repeat a known hoax, with the clarification to link.

    Parameters
    ----------
    comments : a comments table (``text``, and ``comment_id`` if present) or texts
    archive : DataFrame, optional
        Default: :func:`hoax_archive`.
    threshold : float
        Similarity (0-100) a comment needs.

    Returns
    -------
    DataFrame, one row per matching comment (its best claim): ``comment_id`` (or the
    input's index as ``row``), ``hoax_id``, ``score``, ``judul``, ``klarifikasi``,
    ``tautan``; best scores first.
    """
    from labkit.monitor.triage import texts_of

    book = hoax_archive() if archive is None else archive
    raw = texts_of(comments)
    norm = text.normalize_texts(raw)
    arr = matching.as_arrow(norm)
    claims = text.normalize_texts(book["klaim"]).tolist()
    best_score = np.zeros(len(raw))
    best_id = np.full(len(raw), None, dtype=object)
    for (hoax_id, entry), claim in zip(book.iterrows(), claims, strict=True):
        rows = np.flatnonzero(matching.hits(arr, _key_pattern(entry["kata_kunci"])))
        if not len(rows):
            continue
        scores = process.cdist(
            [claim], norm.iloc[rows].tolist(), scorer=fuzz.token_set_ratio, dtype=np.float32
        )[0]
        better = scores > best_score[rows]
        best_score[rows[better]] = scores[better]
        best_id[rows[better]] = hoax_id
    hit = best_score >= threshold
    out = pd.DataFrame(
        {
            "hoax_id": best_id[hit],
            "score": best_score[hit].round(1),
        },
        index=raw.index[hit],
    )
    if isinstance(comments, pd.DataFrame) and "comment_id" in comments.columns:
        out.insert(0, "comment_id", comments.loc[out.index, "comment_id"].to_numpy())
    out["text"] = raw[hit].to_numpy()
    out = out.join(book[["judul", "klarifikasi", "tautan"]], on="hoax_id")
    return out.sort_values("score", ascending=False)
