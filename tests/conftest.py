"""Shared pytest fixtures: every test gets its own work folder and the default language."""

from __future__ import annotations

import os

import matplotlib
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
