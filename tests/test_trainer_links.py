"""nbgitpuller links and a real pull that leaves the trainee's work folder untouched."""

from __future__ import annotations

import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from labkit.errors import LabkitError
from labkit.trainer import pull_link, verify_pull, workshop_links


def test_a_link_opens_the_notebook_after_the_pull():
    link = pull_link(
        "https://lab.contoh.go.id/",
        "https://github.com/contoh/humas-lab",
        "notebooks/00_memulai.ipynb",
    )
    url = urlparse(link)
    assert url.path == "/hub/user-redirect/git-pull"
    query = parse_qs(url.query)
    assert query["repo"] == ["https://github.com/contoh/humas-lab"] and query["branch"] == ["main"]
    assert query["urlpath"] == ["lab/tree/humas-lab/notebooks/00_memulai.ipynb"]
    with pytest.raises(LabkitError, match="https://"):
        pull_link("lab.contoh.go.id", "x", "y")


def test_trainees_get_trainee_notebooks_and_trainers_the_solutions():
    trainees = workshop_links("https://hub.example", "https://example.org/lab.git")
    trainers = workshop_links("https://hub.example", "https://example.org/lab.git", trainer=True)
    assert trainees["notebook"].tolist() == trainers["notebook"].tolist()
    assert len(trainees) >= 8 and trainees["notebook"].iloc[0] == "00_memulai"
    assert not trainees["link"].str.contains("solutions").any()
    assert trainers["link"].str.contains("solutions").all()


def test_app_links_open_the_pages_with_voila_and_every_page_exists():
    from pathlib import Path

    from labkit.apps import APPS
    from labkit.cli import main
    from labkit.trainer import app_links

    links = app_links("https://hub.example", "https://example.org/lab.git")
    assert links["app"].tolist() == list(APPS)
    for app, link in links.itertuples(index=False):
        query = parse_qs(urlparse(link).query)
        assert query["urlpath"] == [f"voila/render/humas-lab/notebooks/aplikasi/{app}.ipynb"]
        page = Path(__file__).resolve().parents[1] / "notebooks" / "aplikasi" / f"{app}.ipynb"
        assert page.is_file() and f"apps.{APPS[app]}()" in page.read_text()
    assert (
        main(["links", "--hub", "https://hub.example", "--repo", "https://e.org/l.git", "--apps"])
        == 0
    )


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(cwd)})  # fmt: skip


def test_a_real_pull_updates_notebooks_and_keeps_the_work_folder(tmp_path):
    origin = tmp_path / "asal"
    (origin / "notebooks").mkdir(parents=True)
    (origin / "notebooks" / "00.ipynb").write_text('{"cells": []}\n')
    _git("init", "-q", "-b", "main", cwd=origin)
    _git("add", ".", cwd=origin)
    _git("commit", "-q", "-m", "pertama", cwd=origin)
    home = tmp_path / "home"
    home.mkdir()
    target, work = home / "humas-lab", home / "humas-lab-kerja"
    work.mkdir()
    (work / "answers").mkdir()
    (work / "answers" / "01.json").write_text('{"q1": "jawaban saya"}')
    first = verify_pull(str(origin), target, work)
    assert first["work_unchanged"] and (target / "notebooks" / "00.ipynb").exists()
    # the trainer adds a notebook; the trainee had edited another
    (origin / "notebooks" / "01.ipynb").write_text('{"cells": [1]}\n')
    _git("add", ".", cwd=origin)
    _git("commit", "-q", "-m", "kedua", cwd=origin)
    (target / "notebooks" / "00.ipynb").write_text('{"cells": ["milik peserta"]}\n')
    second = verify_pull(str(origin), target, work)
    assert second["work_unchanged"] and second["work_files"] == 1
    assert (target / "notebooks" / "01.ipynb").exists()
    assert (
        "milik peserta" in (target / "notebooks" / "00.ipynb").read_text()
    )  # the trainee's edit is kept
    with pytest.raises(LabkitError, match="LABKIT_WORK_DIR"):
        verify_pull(str(origin), target, target / "kerja")
