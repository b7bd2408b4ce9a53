"""Run the lab notebooks as tests with nbval (see docs/authoring.md, "How CI runs them").

nbval starts one kernel per notebook, in the notebook's folder, with this
process's environment. Just before that kernel starts (the setup of the
notebook's first cell), this file sets for it:

- ``LABKIT_CHECK_MODE=strict``: in ``solutions/`` every ``qN.check`` must pass;
  in a trainee notebook every check must say "not answered yet"
  (:mod:`labkit.check.mode`). Set ``LABKIT_CHECK_MODE=off`` to relax.
- ``LABKIT_NOTEBOOK_ROLE``: ``solution`` for ``solutions/*.ipynb``, else ``trainee``
  (the same answer the kernel would derive from its working folder).
- ``LABKIT_WORK_DIR``: a fresh temporary work folder per notebook, so notebooks
  never share saved work and CI never writes to a home folder.
- ``MPLBACKEND=Agg``: headless matplotlib.

The variables are restored right after the kernel has started, so unit tests
running in the same pytest process are not affected.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

SOLUTIONS_DIRNAME = "solutions"
_work_root: Path | None = None


def _kernel_env(notebook: Path) -> dict[str, str]:
    global _work_root
    if _work_root is None:
        _work_root = Path(tempfile.mkdtemp(prefix="labkit-nb-work-"))
    role = "solution" if notebook.parent.name == SOLUTIONS_DIRNAME else "trainee"
    work = _work_root / f"{role}-{notebook.stem}"
    work.mkdir(parents=True, exist_ok=True)
    return {
        "LABKIT_CHECK_MODE": os.environ.get("LABKIT_CHECK_MODE", "strict"),
        "LABKIT_NOTEBOOK_ROLE": role,
        "LABKIT_WORK_DIR": str(work),
        "MPLBACKEND": "Agg",
    }


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    path = Path(str(item.path))
    if path.suffix != ".ipynb":
        yield
        return
    env = _kernel_env(path)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def pytest_unconfigure(config: pytest.Config) -> None:
    if _work_root is not None:
        shutil.rmtree(_work_root, ignore_errors=True)
