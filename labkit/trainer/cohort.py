"""The trainer's cohort view: every trainee's saved work, gathered from the exchange folder.

On the hub, each trainee's saves (answers, audit reports, drafts, labels, tabletop
reviews) are copied to ``<exchange>/<trainee>/`` (see :mod:`labkit.workspace`), a folder
only that trainee writes and only the trainers' group reads; no trainee can list or
open another's. :func:`gather` reads them all into one :class:`Cohort` of tables, and
:meth:`Cohort.to_xlsx` writes the workshop report's workbook.

The anonymous peer benchmark: :func:`publish_benchmark` (trainer) writes the room's
audit scores, without names and only with at least :data:`MIN_PEERS` of them, to
``<exchange>/_kelas/``; :func:`peer_benchmark` (trainee) places a score among them.

>>> kelas = cohort.gather("/srv/humas-lab/kumpul")     # doctest: +SKIP
>>> kelas.progress.head()                              # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from labkit import i18n, workspace
from labkit.errors import LabkitError

__all__ = [
    "BENCHMARK_DIR",
    "Cohort",
    "MIN_PEERS",
    "exchange_root",
    "gather",
    "peer_benchmark",
    "publish_benchmark",
]

#: The folder of the exchange where the trainer publishes the anonymous benchmark.
BENCHMARK_DIR = "_kelas"
#: Fewer scores than this are never published: a small room could tell who is who.
MIN_PEERS = 5


def exchange_root(folder: str | os.PathLike[str] | None = None) -> Path:
    """The exchange folder: ``folder``, else ``LABKIT_EXCHANGE_DIR``.

    Raises
    ------
    LabkitError
        If neither is given or the folder does not exist.
    """
    chosen = folder or os.environ.get("LABKIT_EXCHANGE_DIR")
    if not chosen:
        raise LabkitError("trainer.cohort.no_exchange")
    root = Path(chosen).expanduser()
    if not root.is_dir():
        raise LabkitError("trainer.cohort.missing_exchange", path=str(root))
    return root


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@dataclass
class Cohort:
    """The room's saved work, one table per kind of artefact (each row names its trainee).

    Attributes
    ----------
    trainees : list of str
    progress : DataFrame
        ``trainee``, ``notebook``, ``problems`` (checked at least once), ``correct``,
        ``hints``, ``solutions_viewed``.
    audits : DataFrame
        ``trainee``, ``report``, ``agency_id``, ``agency``, ``score`` (0-100), ``coverage``.
    drafts : DataFrame
        ``trainee``, ``draft``, ``kind``, ``platform``, ``words``, ``findings`` (the lint's
        count on the saved text), ``saved_at``.
    labels : DataFrame
        One column per trainee who labelled, plus ``machine``; rows are sample comments.
    tabletop : DataFrame
        ``trainee`` and the after-action scores (``scenario``, ``team``, ``time_to_detect``...).
    problems : list of str
        Files that could not be read (named, never silently dropped).
    """

    trainees: list[str]
    progress: pd.DataFrame
    audits: pd.DataFrame
    drafts: pd.DataFrame
    labels: pd.DataFrame
    tabletop: pd.DataFrame
    problems: list[str] = field(default_factory=list)

    def overview(self) -> pd.DataFrame:
        """One row per trainee: exercises correct, audit score, drafts, labels, tabletop runs."""
        out = pd.DataFrame(index=pd.Index(self.trainees, name="trainee"))
        if len(self.progress):
            p = self.progress.groupby("trainee")[["problems", "correct"]].sum()
            out["exercises_checked"] = p["problems"]
            out["exercises_correct"] = p["correct"]
        if len(self.audits):
            out["audit_score"] = self.audits.groupby("trainee")["score"].mean().round(1)
        out["drafts"] = self.drafts.groupby("trainee").size() if len(self.drafts) else 0
        labelled = [c for c in self.labels.columns if c != "machine"]
        out["labels"] = pd.Series({c: int(self.labels[c].notna().sum()) for c in labelled})
        out["tabletop_runs"] = self.tabletop.groupby("trainee").size() if len(self.tabletop) else 0
        counts = [c for c in out.columns if c != "audit_score"]  # no audit is not a score of 0
        out[counts] = out[counts].fillna(0).astype(int)
        return out.reset_index()

    def machine_agreement(self) -> pd.DataFrame:
        """Each labeller's Cohen's kappa against the machine, with n and its 95 % interval."""
        from labkit.monitor.evaluate import agreement

        rows = []
        for name in (c for c in self.labels.columns if c != "machine"):
            both = self.labels[name].notna() & self.labels["machine"].notna()
            if both.sum() < 2:
                continue
            score = agreement(self.labels.loc[both, name], self.labels.loc[both, "machine"])
            rows.append(
                {"trainee": name, "n": score.n, "kappa": round(score.kappa, 3),
                 "low": round(score.low, 3), "high": round(score.high, 3)}
            )  # fmt: skip
        return pd.DataFrame(rows, columns=["trainee", "n", "kappa", "low", "high"])

    def agreement_between_trainees(self) -> pd.DataFrame:
        """Cohen's kappa between every two trainees on the comments both labelled."""
        from labkit.monitor.evaluate import agreement_matrix

        return agreement_matrix(self.labels.drop(columns="machine", errors="ignore"))

    def to_xlsx(self, relpath: str | os.PathLike[str] = "exports/rekap_kelas.xlsx") -> Path:
        """Write the workbook of the workshop report (one sheet per table) to the work folder."""
        from labkit.export import write_xlsx

        t = i18n.t
        sheets = {
            t("trainer.cohort.sheet.overview"): self.overview(),
            t("trainer.cohort.sheet.progress"): self.progress,
            t("trainer.cohort.sheet.audits"): self.audits,
            t("trainer.cohort.sheet.drafts"): self.drafts,
            t("trainer.cohort.sheet.kappa"): self.machine_agreement(),
            t("trainer.cohort.sheet.kappa_room"): self.agreement_between_trainees()
            .round(3)
            .reset_index(),
            t("trainer.cohort.sheet.tabletop"): self.tabletop,
        }
        return write_xlsx(sheets, workspace.resolve(relpath))


def _progress(name: str, folder: Path, problems: list[str]) -> list[dict]:
    rows = []
    for file in sorted((folder / "answers").glob("*.json")):
        saved = _json(file)
        if not isinstance(saved, dict) or not isinstance(saved.get("problems"), dict):
            problems.append(str(file))
            continue
        entries = [e for e in saved["problems"].values() if isinstance(e, dict)]
        rows.append(
            {
                "trainee": name,
                "notebook": saved.get("notebook") or file.stem,
                "problems": sum(1 for e in entries if e.get("attempts")),
                "correct": sum(1 for e in entries if e.get("correct")),
                "hints": sum(int(e.get("hints_seen") or 0) for e in entries),
                "solutions_viewed": sum(1 for e in entries if e.get("solution_viewed_at")),
            }
        )
    return rows


def _audits(name: str, folder: Path, problems: list[str]) -> list[dict]:
    from labkit.audit import AuditReport
    from labkit.audit.store import read_file

    rows = []
    for file in sorted((folder / "audit" / "reports").glob("*.json")):
        try:
            scores = AuditReport(**read_file(file)).agency_scores()
        except (LabkitError, KeyError, ValueError, TypeError):
            problems.append(str(file))
            continue
        for row in scores.itertuples():
            rows.append(
                {"trainee": name, "report": file.stem, "agency_id": row.agency_id,
                 "agency": row.agency, "score": round(float(row.score), 1),
                 "coverage": round(float(row.coverage), 3)}
            )  # fmt: skip
    return rows


def _drafts(name: str, folder: Path, problems: list[str]) -> list[dict]:
    from labkit.crisis.lint import lint

    rows = []
    for file in sorted((folder / "drafts").glob("*.json")):
        saved = _json(file)
        if not isinstance(saved, dict) or "text" not in saved:
            problems.append(str(file))
            continue
        text = str(saved.get("text") or "")
        try:
            findings = len(
                lint(text, platform=saved.get("platform"), kind=saved.get("kind") or "holding")
            )
        except LabkitError:
            findings = np.nan
        rows.append(
            {"trainee": name, "draft": saved.get("name") or file.stem, "kind": saved.get("kind"),
             "platform": saved.get("platform"), "words": len(text.split()), "findings": findings,
             "saved_at": saved.get("saved_at")}
        )  # fmt: skip
    return rows


def _tabletop(name: str, folder: Path, problems: list[str]) -> list[dict]:
    rows = []
    for file in sorted((folder / "tabletop" / "laporan").glob("*.json")):
        saved = _json(file)
        if not isinstance(saved, dict) or "scenario" not in saved:
            problems.append(str(file))
            continue
        rows.append({"trainee": name, **saved})
    return rows


def gather(folder: str | os.PathLike[str] | None = None) -> Cohort:
    """Read every trainee's copies in the exchange folder.

    Parameters
    ----------
    folder : the exchange folder (default ``LABKIT_EXCHANGE_DIR``)

    Returns
    -------
    Cohort
        Files that cannot be read are listed in ``problems``; the rest is gathered.

    Raises
    ------
    LabkitError
        If the exchange folder is not set or missing, or cannot be read (run as a trainer).
    """
    from labkit.monitor.labelling import read_labels

    root = exchange_root(folder)
    try:
        folders = sorted(
            p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
        )
    except PermissionError:
        raise LabkitError("trainer.cohort.not_allowed", path=str(root)) from None
    problems: list[str] = []
    names, progress, audits, drafts, tabletop = [], [], [], [], []
    label_frames = []
    for sub in folders:
        try:
            list(sub.iterdir())
        except PermissionError:
            problems.append(str(sub))
            continue
        names.append(sub.name)
        progress += _progress(sub.name, sub, problems)
        audits += _audits(sub.name, sub, problems)
        drafts += _drafts(sub.name, sub, problems)
        tabletop += _tabletop(sub.name, sub, problems)
        if (sub / "pelabelan").is_dir():
            frame = read_labels(sub / "pelabelan")
            label_frames.append(frame)
    labels = pd.DataFrame({"machine": pd.Series(dtype=object)})
    if label_frames:
        labels = pd.concat([f.drop(columns="machine") for f in label_frames], axis=1).join(
            pd.concat([f["machine"] for f in label_frames]).groupby(level=0).first()
        )
    return Cohort(
        trainees=names,
        progress=pd.DataFrame(progress, columns=["trainee", "notebook", "problems", "correct", "hints", "solutions_viewed"]),
        audits=pd.DataFrame(audits, columns=["trainee", "report", "agency_id", "agency", "score", "coverage"]),
        drafts=pd.DataFrame(drafts, columns=["trainee", "draft", "kind", "platform", "words", "findings", "saved_at"]),
        labels=labels,
        tabletop=pd.DataFrame(tabletop),
        problems=problems,
    )  # fmt: skip


def publish_benchmark(cohort: Cohort, folder: str | os.PathLike[str] | None = None) -> Path:
    """Publish the room's audit scores without names, for :func:`peer_benchmark` (trainer).

    One score per trainee (the mean of their reports' agency scores), sorted, so no score
    can be traced to a trainee by its position.

    Raises
    ------
    LabkitError
        With fewer than :data:`MIN_PEERS` scores (a small room could tell who is who).
    """
    root = exchange_root(folder)
    scores = sorted(cohort.audits.groupby("trainee")["score"].mean().round(1).tolist())
    if len(scores) < MIN_PEERS:
        raise LabkitError("trainer.cohort.too_few_peers", n=len(scores), minimum=MIN_PEERS)
    target = root / BENCHMARK_DIR / "audit.json"
    target.parent.mkdir(mode=0o755, exist_ok=True)
    os.chmod(target.parent, 0o755)
    saved = workspace.save_text(target, json.dumps({"audit_scores": scores}))
    os.chmod(saved, 0o644)
    return saved


def peer_benchmark(score: float, folder: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Where ``score`` stands among the room's published audit scores (trainee; no names).

    Returns
    -------
    dict with ``n`` (scores in the room), ``median``, ``q1``, ``q3`` and ``below`` (the share
    of the room's scores below ``score``), and ``text``: one sentence in the trainee's language.

    Raises
    ------
    LabkitError
        If the trainer has not published the room's scores yet.
    """
    root = exchange_root(folder)
    saved = _json(root / BENCHMARK_DIR / "audit.json")
    if not isinstance(saved, dict) or not saved.get("audit_scores"):
        raise LabkitError("trainer.cohort.no_benchmark")
    room = np.asarray(saved["audit_scores"], dtype=float)
    q1, median, q3 = np.percentile(room, [25, 50, 75])
    below = float((room < score).mean())
    out = {
        "n": len(room),
        "median": float(median),
        "q1": float(q1),
        "q3": float(q3),
        "below": below,
    }
    out["text"] = i18n.t(
        "trainer.cohort.benchmark",
        score=i18n.number_text(score, 1),
        n=len(room),
        median=i18n.number_text(median, 1),
        q1=i18n.number_text(q1, 1),
        q3=i18n.number_text(q3, 1),
        below=i18n.number_text(100 * below),
    )
    return out


def demo_exchange(folder: str | os.PathLike[str], n: int = 8, *, seed: int = 7) -> Path:
    """An exchange folder of ``n`` simulated trainees, to try the cohort view off a hub.

    Every file is written by the lab's own save functions, exactly as a trainee's kernel
    writes it on the hub: exercise progress, an audit report of one bundled agency, labels
    of the room's labelling sample (each trainee disagreeing with the machine on a few),
    and a draft clarification. Names are fictional (``peserta01``...).
    """
    import getpass

    from labkit import audit, data
    from labkit.check import progress
    from labkit.crisis.draft import Draft
    from labkit.monitor.labelling import LabelBook, labelling_sample

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    agencies = data.load("agencies", source=data.BUNDLED)
    accounts = data.load("accounts", source=data.BUNDLED)
    posts = data.load("posts", source=data.BUNDLED)
    reports = {
        code: audit.audit(accounts, posts, None, agencies=agencies, agency=code)
        for code in agencies["agency_id"].iloc[:4]
    }
    sample = labelling_sample(data.load("comments", source=data.BUNDLED), n=20)
    labels = list(dict.fromkeys(sample["machine"]))
    saved_env = {k: os.environ.get(k) for k in ("USER", "LOGNAME", "LABKIT_EXCHANGE_DIR")}
    previous = workspace.work_dir()
    try:
        os.environ["LABKIT_EXCHANGE_DIR"] = str(root)
        for i in range(1, n + 1):
            name = f"peserta{i:02d}"
            (root / name).mkdir(exist_ok=True)
            os.environ["USER"] = os.environ["LOGNAME"] = name
            assert getpass.getuser() == name
            workspace.set_work_dir(root.parent / f".{root.name}-kerja" / name)
            for notebook, problems in (("01_audit_akun", 4), ("02_analisis_keterlibatan", 3)):
                for q in range(1, problems + 1):
                    if rng.random() < 0.85:
                        status = "correct" if rng.random() < 0.7 else "incorrect"
                        progress.record_check(notebook, f"q{q}", status, "…")
            list(reports.values())[i % len(reports)].save("audit_awal")
            book = LabelBook.open(sample, labeller=name)
            for k in range(int(rng.integers(12, 21))):
                machine = sample.at[k, "machine"]
                book.set(k, machine if rng.random() < 0.75 else str(rng.choice(labels)))
            draft = Draft.open("klarifikasi", kind="clarification", platform="x")
            draft.text = (
                "Menanggapi informasi yang beredar, kami sampaikan bahwa layanan tetap gratis. "
                * int(rng.integers(1, 4))
            )
            draft.flush()
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        workspace.set_work_dir(previous)
    return root


def room_comparison(score: float, folder: str | os.PathLike[str] | None = None) -> str:
    """One sentence for the trainee: ``score`` among the room's published scores, or why there is none.

    Never raises for a missing exchange or benchmark (off a hub, or before the trainer publishes):
    it says so instead, so a notebook cell always runs.
    """
    try:
        return str(peer_benchmark(score, folder)["text"])
    except LabkitError as exc:
        if exc.key in ("trainer.cohort.no_exchange", "trainer.cohort.missing_exchange"):
            return i18n.t("trainer.cohort.off_hub")
        return str(exc)
