"""Delete the trainee's imported data at the end of a workshop (UU PDP 27/2022).

Only ``<work dir>/data/`` is touched: the bundled fictional universe, answers,
drafts and exports stay.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from labkit import data, workspace
from labkit.privacy.tables import PrivacyError


def purge(dataset: str | None = None) -> list[Path]:
    """Delete the trainee's imported dataset ``dataset``, or all of them.

    Parameters
    ----------
    dataset : str, optional
        Name of a dataset saved by the importers (``data/<dataset>/`` in the
        work folder). ``None`` deletes everything under ``data/``.

    Returns
    -------
    list of Path
        What was deleted (empty if there was nothing to delete).

    Raises
    ------
    PrivacyError
        If ``dataset`` is not one of the trainee's datasets; the message lists
        the existing ones.
    """
    root = workspace.work_dir() / "data"
    if dataset is None:
        targets = sorted(root.iterdir()) if root.is_dir() else []
    else:
        existing = data.own_datasets()
        if dataset not in existing:
            raise PrivacyError(
                "privacy.unknown_dataset",
                name=dataset,
                known=", ".join(existing) or "-",
                folder=str(root),
            )
        targets = [root / dataset]
    deleted = []
    for target in targets:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
        deleted.append(target)
    if (
        data.current_source() != data.BUNDLED
        and not data.own_data_dir(data.current_source()).is_dir()
    ):
        data.use(None)
    return deleted
