"""Browser tests: JupyterLab on 127.0.0.1 driven by Playwright with Debian's chromium.

The test command installs chromium where it can (``make browser``: apt, as root). Where no
chromium is found the tests are skipped with the reason printed, unless
``LABKIT_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then a missing browser fails.
Never ``playwright install``: it downloads a browser and fails offline.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from labdriver import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "browser"


def _require_or_skip(reason: str) -> None:
    if os.environ.get("LABKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (LABKIT_REQUIRE_BROWSER=1) but {reason}")
    print(f"\nSKIP browser tests: {reason}")
    pytest.skip(reason)


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
    from labdriver import start_lab

    lab = start_lab(tmp_path_factory.mktemp("lab"))
    yield lab.url, lab.token, lab.work, lab.root
    lab.stop()


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
