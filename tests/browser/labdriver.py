"""A small driver for JupyterLab in Playwright: open a notebook, run it, wait, read outputs, screenshot."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip


def chromium_path() -> str | None:
    """Debian's chromium (never a browser downloaded by ``playwright install``)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: its address, token, the empty work folder and the served copy."""

    proc: subprocess.Popen
    url: str
    token: str
    work: Path
    root: Path
    log: Path

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_lab(base: Path) -> Lab:
    """Start JupyterLab on 127.0.0.1 serving a copy of the trainee notebooks, with an empty work folder."""
    work = base / "kerja"
    work.mkdir(parents=True)
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
        ROOT / "notebooks",
        root / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "solutions"),
    )
    log_path = base / "lab.log"
    with open(log_path, "w") as log:
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.news_url=",
               "--allow-root"]  # fmt: skip
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            return Lab(proc, url, token, work, root, log_path)
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("JupyterLab did not start within 90 s: " + log_path.read_text()[-3000:])


NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
QUIET_SECONDS = 1.5


class LabDriver:
    """Drive one JupyterLab page as a trainee would (menus, keyboard, widgets)."""

    def __init__(self, page, url: str, token: str, artifacts: Path, workspace: str = "uji") -> None:
        self.page, self.url, self.token = page, url, token
        self.artifacts = artifacts
        self.workspace = re.sub(r"[^A-Za-z0-9_-]", "_", workspace)[:60]
        self.shots = 0
        artifacts.mkdir(parents=True, exist_ok=True)

    def shot(self, name: str) -> Path:
        """A screenshot kept under build/browser/<test>/ (so a failure can be seen)."""
        self.shots += 1
        path = self.artifacts / f"{self.shots:02d}_{re.sub(r'[^A-Za-z0-9_-]', '_', name)}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def retry(self, step, attempts: int = 2):
        """Run a UI step, once more if it fails (a flaky UI step, never an assertion)."""
        for attempt in range(attempts):
            try:
                return step()
            except Exception:  # noqa: BLE001 - Playwright timeouts and detached elements
                if attempt == attempts - 1:
                    raise
                time.sleep(1.0)

    def open(self, notebook: str) -> float:
        """Open ``notebooks/<notebook>.ipynb``; returns seconds until the notebook is shown and its kernel idle."""
        start = time.perf_counter()
        target = f"{self.url}/lab/workspaces/{self.workspace}/tree/notebooks/{notebook}.ipynb?reset&token={self.token}"
        self.retry(lambda: self.page.goto(target, wait_until="domcontentloaded", timeout=60_000))
        self.page.wait_for_selector(NOTEBOOK, timeout=90_000)
        self.wait_kernel_idle()
        return time.perf_counter() - start

    def kernel_status(self) -> str:
        indicator = self.page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator"
        )
        if indicator.count():
            return indicator.first.get_attribute("data-status") or ""
        return ""

    def busy_cells(self) -> int:
        prompts = self.page.locator(f"{NOTEBOOK} .jp-InputArea-prompt").all_inner_texts()
        return sum("*" in p for p in prompts)

    def wait_kernel_idle(self, timeout: float = 600) -> None:
        """Until the kernel is idle and no cell is queued, for QUIET_SECONDS in a row."""
        deadline = time.time() + timeout
        quiet_since = None
        while time.time() < deadline:
            idle = self.kernel_status() in ("idle", "") and self.busy_cells() == 0
            if idle:
                quiet_since = quiet_since or time.time()
                if time.time() - quiet_since >= QUIET_SECONDS:
                    return
            else:
                quiet_since = None
            time.sleep(0.25)
        raise TimeoutError(f"kernel not idle after {timeout} s")

    def menu(self, top: str, item: str | re.Pattern) -> None:
        """Click a main-menu entry (``Run`` > ``Run All Cells``)."""

        def step():
            self.page.locator(
                ".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")
            ).first.click()
            self.page.locator(".lm-Menu-itemLabel", has_text=item).first.click()

        self.retry(step)

    def run_all(self, timeout: float = 600) -> float:
        """Run > Run All Cells, then wait; returns the seconds it took."""
        start = time.perf_counter()
        self.menu("Run", re.compile(r"^Run All Cells$"))
        time.sleep(0.5)
        self.wait_kernel_idle(timeout)
        return time.perf_counter() - start

    def restart_kernel(self) -> None:
        """Kernel > Restart Kernel…, accepting the dialog."""
        self.menu("Kernel", re.compile(r"^Restart Kernel(…|\.\.\.)$"))
        accept = self.page.locator(".jp-Dialog .jp-mod-accept")
        accept.wait_for(timeout=15_000)
        accept.click()
        time.sleep(1.0)
        self.wait_kernel_idle(120)

    def error_outputs(self) -> list[str]:
        """Texts of the error outputs (tracebacks) shown in the open notebook."""
        errors = self.page.locator(
            f"{NOTEBOOK} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        )
        return [t for t in errors.all_inner_texts() if "Traceback" in t]

    def executed_count(self) -> int:
        prompts = self.page.locator(f"{NOTEBOOK} .jp-InputArea-prompt").all_inner_texts()
        return sum(bool(re.search(r"\[\d+\]", p)) for p in prompts)

    def first_output_seconds(self, start: float, timeout: float = 120) -> float:
        """Seconds from ``start`` (perf_counter) until the first output appears."""
        self.page.locator(f"{NOTEBOOK} .jp-OutputArea-output").first.wait_for(
            timeout=timeout * 1000
        )
        return time.perf_counter() - start
