"""Shared pytest fixtures: each test's own work folder and language; universes of other seeds."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _isolated_lab(tmp_path, monkeypatch):
    """Isolate the trainee's work folder and reset language and data source."""
    from labkit import data, i18n, privacy, workspace

    monkeypatch.setenv("LABKIT_WORK_DIR", str(tmp_path / "work"))
    monkeypatch.delenv("LABKIT_LANG", raising=False)
    monkeypatch.delenv("LABKIT_MASKING", raising=False)
    privacy.set_masking(None)
    workspace.set_work_dir(None)
    i18n.set_language(None)
    data.use(None)
    yield
    privacy.set_masking(None)
    workspace.set_work_dir(None)
    i18n.set_language(None)
    data.use(None)


@pytest.fixture
def work():
    """The test's own work folder (set up by ``_isolated_lab``), for files a trainer puts there."""
    from labkit import workspace

    return workspace.work_dir()


#: Seeds of the universes the detectors are also measured on, besides the bundled one (2026).
OTHER_SEEDS = (7, 31, 404)


def _generated(seed: int) -> dict:
    """Comments (masked, as trainees see them) and their ground truth from a universe of ``seed``."""
    from labkit import privacy, universe

    tables = universe.generate(seed=seed, scale=1)
    allow = privacy.official_allowlist(tables["accounts"], tables["agencies"])
    with pytest.MonkeyPatch.context() as mp:  # pseudonyms without touching any work folder
        mp.setenv("LABKIT_PSEUDONYM_SALT", f"tests-seed-{seed}")
        comments = privacy.mask_comments(tables["comments"], allow=allow)
    return {
        "seed": seed,
        "comments": comments,
        "truth_comments": tables["truth_comments"],
        "truth_crises": tables["truth_crises"],
    }


@pytest.fixture(scope="session", params=OTHER_SEEDS, ids=lambda seed: f"seed{seed}")
def other_universe(request, tmp_path_factory):
    """A universe generated from another seed: ``seed``, ``comments``, ``truth_*``.

    Generated once per test run (3-8 s a seed): under pytest-xdist the first worker
    to need a seed writes it to the run's shared temporary folder and the others read it.
    """
    return _shared_universe(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def slow_start_universe(tmp_path_factory):
    """Seed 31's universe: its fee hoax (EP02) and data leak (EP03) start slowly."""
    return _shared_universe(31, tmp_path_factory)


def _shared_universe(seed: int, tmp_path_factory) -> dict:
    """``_generated(seed)``, once per test run, shared between pytest-xdist workers."""
    worker_id = os.environ.get("PYTEST_XDIST_WORKER")
    if worker_id is None:  # a single process: nobody to share with
        return _generated(seed)
    shared = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by the workers
    target = shared / f"universe-seed{seed}.pkl"
    with _exclusive(shared / f"universe-seed{seed}.lock"):
        if not target.exists():
            tmp = target.with_suffix(f".{worker_id}.tmp")
            pd.to_pickle(_generated(seed), tmp)
            os.replace(tmp, target)
    return pd.read_pickle(target)


@contextlib.contextmanager
def _exclusive(lock: Path):
    """Hold an exclusive lock on ``lock`` (POSIX; elsewhere each worker simply generates)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
