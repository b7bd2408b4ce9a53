"""Browser tests: JupyterLab on 127.0.0.1 driven by Playwright with Debian's chromium.

The test command installs chromium where it can (``make browser``: apt, as root). Where no
chromium is found the tests are skipped with the reason printed, unless
``LABKIT_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then a missing browser fails.
Never ``playwright install``: it downloads a browser and fails offline.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "browser"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _require_or_skip(reason: str) -> None:
    if os.environ.get("LABKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (LABKIT_REQUIRE_BROWSER=1) but {reason}")
    print(f"\nSKIP browser tests: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        _require_or_skip(
            "no chromium found (install Debian's 'chromium' package; make browser does it as root)"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        _require_or_skip("playwright for Python is not installed (pip install -e '.[dev]')")
    return path


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, chromium):
    """JupyterLab on 127.0.0.1 with an empty work folder; yields (base_url, token, work_dir, root)."""
    base = tmp_path_factory.mktemp("lab")
    work = base / "kerja"
    work.mkdir()
    # user settings: no news pop-up (no network here), every cell in the DOM (no windowing)
    settings = base / "settings"
    for plugin, text in {
        "apputils-extension/notification": '{"fetchNews": "false", "checkForUpdates": false}',
        "notebook-extension/tracker": '{"windowingMode": "none"}',
    }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    token = secrets.token_hex(16)
    port = _free_port()
    env = {
        **os.environ,
        "LABKIT_WORK_DIR": str(work),
        "MPLBACKEND": "Agg",
        "LABKIT_LANG": "id",
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
    }
    # the lab serves a copy of the notebooks, so the browser never writes into the checkout
    root = base / "repo"
    shutil.copytree(
        ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    (root / "notebooks" / "solutions").exists() and shutil.rmtree(root / "notebooks" / "solutions")
    log = open(base / "lab.log", "w")  # noqa: SIM115 - closed at teardown
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--ServerApp.token={token}", "--ServerApp.disable_check_xsrf=False",
           f"--ServerApp.root_dir={root}", "--LabApp.news_url=", "--allow-root"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((base / "lab.log").read_text()) from None
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError(
            "JupyterLab did not start within 90 s: " + (base / "lab.log").read_text()[-3000:]
        )
    yield url, token, work, root
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(chromium, lab_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def lab(browser, lab_server, request):
    """A fresh browser page driver for one test (screenshots under build/browser/<test>/)."""
    from labdriver import LabDriver

    url, token, work, root = lab_server
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    driver = LabDriver(page, url, token, ARTIFACTS / request.node.name, workspace=request.node.name)
    yield driver
    context.close()
