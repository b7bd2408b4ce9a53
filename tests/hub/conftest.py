"""A real JupyterHub for the tests in this folder, installed by deploy/single-machine/install.sh.

The install (a Python environment with the lab and JupyterHub from PyPI, Node's
configurable-http-proxy from npm, system users) needs root, as on a workshop server; CI
runs as root. Where it cannot run, the tests are skipped with the reason printed, unless
``LABKIT_REQUIRE_HUB=1`` (set by ``.ci/run``): then they fail.
"""

from __future__ import annotations

import os
import secrets
import string
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hubdriver import Hub, missing_requirements  # noqa: E402


def _tag() -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(4))


@pytest.fixture(scope="session")
def hub():
    reason = missing_requirements()
    if reason:
        if os.environ.get("LABKIT_REQUIRE_HUB") == "1":
            pytest.fail(f"hub tests required (LABKIT_REQUIRE_HUB=1) but {reason}")
        print(f"\nSKIP hub tests: {reason}")
        pytest.skip(reason)
    tag = _tag()
    running = Hub.install([f"hl{tag}-ani", f"hl{tag}-budi"], trainer=f"hl{tag}-pelatih")
    running.extra_users = [f"hl{tag}-cici"]
    print(f"\nhub installed in {running.install_seconds:.0f} s under {running.base}")
    try:
        running.start()
        yield running
    finally:
        running.remove()
