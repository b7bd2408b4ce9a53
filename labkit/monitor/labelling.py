"""A trainee labels comments by hand, to see how far people and the machine agree.

The lesson: a label is a judgement. Before trusting the machine's triage, a trainee
labels a sample of comments, then sees Cohen's kappa against the machine (with its
interval: 30 comments say little), and on a hub the trainer compares the room's
labellers with one another (:func:`labkit.monitor.evaluate.agreement_matrix`).

The sample is the same for everyone who uses the same comments and seed, so trainees'
labels can be compared; every label is saved at once (atomically) to
``pelabelan/<labeller>.json`` in the work folder, so nothing is lost on a restart.

>>> buku = LabelBook.open(labelling_sample(komentar), labeller="ani")   # doctest: +SKIP
>>> buku.set(0, "complaint")                                            # doctest: +SKIP
>>> buku.agreement().kappa                                              # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from labkit import workspace
from labkit.errors import LabkitError
from labkit.monitor.evaluate import Agreement, agreement
from labkit.monitor.triage import LABELS, texts_of, triage

__all__ = ["FOLDER", "LabelBook", "labelling_sample", "default_labeller"]

#: The folder of the work folder where labels are saved, one file per labeller.
FOLDER = "pelabelan"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def default_labeller() -> str:
    """The labeller's name: the hub user name when on a hub, else ``saya``."""
    return os.environ.get("JUPYTERHUB_USER") or "saya"


def _keys(comments: pd.DataFrame) -> pd.Series:
    if {"platform", "comment_id"} <= set(comments.columns):
        return comments["platform"].astype(str) + ":" + comments["comment_id"].astype(str)
    return pd.Series([f"row:{i}" for i in comments.index], index=comments.index, dtype=object)


def labelling_sample(
    comments: pd.DataFrame | pd.Series,
    n: int = 30,
    *,
    seed: int = 2026,
    method: str = "rules",
) -> pd.DataFrame:
    """A sample of comments to label by hand, with the machine's label kept aside.

    The sample is stratified by the machine's label (every label is represented when
    the comments have it), so that agreement is not measured on neutral chatter alone,
    and it depends only on the comments and ``seed``: the whole room gets the same one.

    Parameters
    ----------
    comments : DataFrame with ``text`` (the comments table) or Series of texts
    n : how many comments (10 to 200)
    seed : the sample's seed; keep the workshop's default so trainees can be compared
    method : the machine to compare with, ``"rules"`` or ``"model"``

    Returns
    -------
    DataFrame with ``key`` (platform:comment_id), ``text`` and ``machine`` (its label), in a
    shuffled order.

    Raises
    ------
    LabkitError
        If ``n`` is out of range or there are fewer comments with text than ``n``.
    """
    if not 10 <= int(n) <= 200:
        raise LabkitError("monitor.labelling.bad_n", n=n)
    n = int(n)
    frame = comments if isinstance(comments, pd.DataFrame) else texts_of(comments).to_frame("text")
    texts = texts_of(frame)
    usable = frame.loc[texts.str.strip().str.len() > 0]
    if len(usable) < n:
        raise LabkitError("monitor.labelling.too_few", n=n, available=len(usable))
    rng = np.random.default_rng(seed)
    # the machine labels a random pool large enough to stratify (labelling a year is not needed)
    pool = usable.iloc[rng.permutation(len(usable))[: max(50 * n, 2000)]]
    machine = triage(texts_of(pool), method=method)["label"].astype(str)
    per_label = max(1, n // len(LABELS))
    chosen: list = []
    for label in LABELS:
        chosen.extend(machine.index[machine == label][:per_label])
    rest = [i for i in machine.index if i not in set(chosen)]
    chosen.extend(rest[: n - len(chosen)])
    chosen = chosen[:n]
    order = rng.permutation(len(chosen))
    picked = pool.loc[[chosen[i] for i in order]]
    return pd.DataFrame(
        {
            "key": _keys(picked).to_numpy(),
            "text": texts_of(picked).to_numpy(),
            "machine": machine.loc[picked.index].to_numpy(),
        }
    )


@dataclass
class LabelBook:
    """One labeller's labels for one sample, saved at every change.

    Use :meth:`open` (it reloads what was saved before). ``labels`` maps a sample key to a
    triage label; unlabelled comments have none.
    """

    sample: pd.DataFrame
    labeller: str
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, sample: pd.DataFrame, labeller: str | None = None) -> LabelBook:
        """Open the labeller's book for ``sample``, with the labels saved earlier.

        Raises
        ------
        LabkitError
            If the labeller's name has characters other than letters, digits, ``.``, ``_``, ``-``.
        """
        name = labeller or default_labeller()
        if not _NAME.match(name):
            raise LabkitError("monitor.labelling.bad_name", name=name)
        saved = workspace.load_json(cls.relpath_for(name), default=None) or {}
        keys = set(sample["key"])
        labels = {k: v for k, v in (saved.get("labels") or {}).items() if k in keys and v in LABELS}
        return cls(sample=sample.reset_index(drop=True), labeller=name, labels=labels)

    @staticmethod
    def relpath_for(labeller: str) -> str:
        """Where a labeller's labels are saved, relative to the work folder."""
        return f"{FOLDER}/{labeller}.json"

    @property
    def relpath(self) -> str:
        return self.relpath_for(self.labeller)

    def __len__(self) -> int:
        return len(self.sample)

    @property
    def done(self) -> int:
        """How many comments of the sample are labelled."""
        return sum(1 for k in self.sample["key"] if k in self.labels)

    def label_of(self, position: int) -> str | None:
        """The label given to the comment at ``position`` (None if not yet)."""
        return self.labels.get(self.sample.at[position, "key"])

    def set(self, position: int, label: str | None) -> None:
        """Label the comment at ``position`` (None removes the label) and save at once.

        Raises
        ------
        LabkitError
            For a label that is not a triage label or a position outside the sample.
        """
        if not 0 <= position < len(self.sample):
            raise LabkitError("monitor.labelling.bad_position", position=position, n=len(self))
        key = self.sample.at[position, "key"]
        if label is None:
            self.labels.pop(key, None)
        elif label in LABELS:
            self.labels[key] = label
        else:
            raise LabkitError("monitor.labelling.bad_label", label=label, valid=", ".join(LABELS))
        self.save()

    def save(self) -> None:
        """Write the labels (atomically) with the sample's keys and the machine's labels."""
        workspace.save_json(
            self.relpath,
            {
                "version": 1,
                "labeller": self.labeller,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "sample": self.sample[["key", "machine"]].to_dict(orient="records"),
                "labels": dict(sorted(self.labels.items())),
            },
        )

    def human(self) -> pd.Series:
        """The labeller's labels, one per sample row (None where not labelled)."""
        return pd.Series([self.labels.get(k) for k in self.sample["key"]], dtype=object)

    def agreement(self) -> Agreement:
        """Agreement with the machine on the comments labelled so far (n named).

        Raises
        ------
        LabkitError
            If fewer than two comments are labelled yet.
        """
        return agreement(self.human(), self.sample["machine"])

    def disagreements(self) -> pd.DataFrame:
        """The labelled comments where the labeller and the machine differ."""
        human = self.human()
        differ = human.notna() & (human != self.sample["machine"])
        out = self.sample.loc[differ, ["text", "machine"]].copy()
        out.insert(1, "human", human[differ])
        return out


def read_labels(folder: str | os.PathLike[str]) -> pd.DataFrame:
    """Every labeller's saved labels in ``folder`` (files ``<labeller>.json``), one column each.

    Rows are sample keys; a column per labeller, plus ``machine``. Files that are not a
    labelling save are skipped. Used by the trainer's cohort view.
    """
    import json
    from pathlib import Path

    columns: dict[str, dict[str, str]] = {}
    machine: dict[str, str] = {}
    for file in sorted(Path(folder).glob("*.json")):
        try:
            saved = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(saved, dict) or saved.get("version") != 1 or "labels" not in saved:
            continue
        columns[str(saved.get("labeller") or file.stem)] = dict(saved["labels"])
        for row in saved.get("sample") or []:
            machine.setdefault(str(row["key"]), str(row["machine"]))
    keys = sorted(set(machine) | {k for labels in columns.values() for k in labels})
    out = pd.DataFrame({name: [labels.get(k) for k in keys] for name, labels in columns.items()})
    out.index = pd.Index(keys, name="key")
    out["machine"] = [machine.get(k) for k in keys]
    return out
