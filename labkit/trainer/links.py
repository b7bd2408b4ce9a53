"""nbgitpuller links for a workshop, and a check that a pull never touches a trainee's work.

A trainee clicks a link; the hub starts their server, nbgitpuller clones the lab's
repository into their home (or merges the trainer's new commits into it, keeping the
trainee's own edits), and JupyterLab opens the notebook. The trainee's work folder
(``~/humas-lab-kerja``, ``LABKIT_WORK_DIR``) lies outside the clone, so a pull cannot
touch it; :func:`verify_pull` checks exactly that with a real pull.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote, urlencode

import pandas as pd
import yaml

from labkit.errors import LabkitError

#: The folder the repository is cloned into, in each trainee's home.
TARGET_DIR = "humas-lab"
WORKSHOP_FILE = Path(__file__).resolve().parent.parent / "workshop.yaml"


def pull_link(
    hub_url: str,
    repo: str,
    path: str,
    *,
    branch: str = "main",
    target_dir: str = TARGET_DIR,
    app: bool = False,
) -> str:
    """One nbgitpuller link: clone or update ``repo`` on the hub, then open ``path`` in JupyterLab.

    With ``app=True`` the notebook opens as an app page (Voilà: its outputs, no code).

    Raises
    ------
    LabkitError
        If the hub address is not an http(s) address.
    """
    hub = str(hub_url).rstrip("/")
    if not hub.startswith(("http://", "https://")):
        raise LabkitError("trainer.bad_hub_url", url=hub_url)
    query = urlencode(
        {
            "repo": repo,
            "branch": branch,
            "targetpath": target_dir,
            "urlpath": f"{'voila/render' if app else 'lab/tree'}/{target_dir}/{path}",
        },
        quote_via=quote,
    )
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def workshop_links(
    hub_url: str, repo: str, *, branch: str = "main", trainer: bool = False
) -> pd.DataFrame:
    """A link per ready notebook of the workshop map (``labkit/workshop.yaml``), in workshop order.

    Parameters
    ----------
    trainer : bool
        Links to the solution notebooks (``notebooks/solutions/``): for trainers only.
        Trainees get the trainee versions (``notebooks/``).

    Returns
    -------
    DataFrame with ``notebook``, ``minutes``, ``title`` and ``link``.
    """
    modules = yaml.safe_load(WORKSHOP_FILE.read_text("utf-8"))["modules"]
    folder = "notebooks/solutions" if trainer else "notebooks"
    rows = [
        {
            "notebook": m["notebook"],
            "minutes": m.get("minutes"),
            "title": m.get("id", ""),
            "link": pull_link(hub_url, repo, f"{folder}/{m['notebook']}.ipynb", branch=branch),
        }
        for m in modules
        if m.get("status") == "ready"
    ]
    return pd.DataFrame(rows, columns=["notebook", "minutes", "title", "link"])


def _fingerprint(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def verify_pull(
    repo: str, target: str | os.PathLike[str], work: str | os.PathLike[str], *, branch: str = "main"
) -> dict:
    """Pull ``repo`` into ``target`` with nbgitpuller, as a link does, and check ``work`` is untouched.

    Returns
    -------
    dict with ``work_unchanged`` (bool), ``work_files`` (count) and ``log`` (nbgitpuller's lines).

    Raises
    ------
    LabkitError
        If the work folder lies inside the clone (a pull could then touch it) or the pull fails.
    """
    from nbgitpuller.pull import GitPuller

    target, work = Path(target).resolve(), Path(work).resolve()
    if work == target or target in work.parents:
        raise LabkitError("trainer.work_inside_clone", work=str(work), target=str(target))
    before = _fingerprint(work)
    try:
        log = list(GitPuller(repo, str(target), branch=branch).pull())
    except Exception as exc:  # noqa: BLE001 - git's own failure, reported with its text
        raise LabkitError("trainer.pull_failed", repo=repo, reason=str(exc)) from None
    after = _fingerprint(work)
    return {
        "work_unchanged": before == after,
        "work_files": len(after),
        "log": [str(line) for line in log],
    }


def app_links(hub_url: str, repo: str, *, branch: str = "main") -> pd.DataFrame:
    """A link per app page (``notebooks/aplikasi``, see :mod:`labkit.apps`), opening with no code.

    Returns
    -------
    DataFrame with ``app`` and ``link``.
    """
    from labkit.apps import APPS

    rows = [
        {
            "app": name,
            "link": pull_link(
                hub_url, repo, f"notebooks/aplikasi/{name}.ipynb", branch=branch, app=True
            ),
        }
        for name in APPS
    ]
    return pd.DataFrame(rows, columns=["app", "link"])
