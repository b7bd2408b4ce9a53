"""Memory of one trainee: the single-user server plus one kernel per notebook, on bundled data.

Run with ``python -m benchmarks.bench_memory``. Target (issue 13): at most 350 MiB for one
trainee at the peak (server + kernel), so that 60 trainees fit on a 24 GiB machine with room
for the hub.

What is measured, in MiB of **unique set size** (USS: the memory only that process holds),
while a *companion* kernel and server run beside it, as other trainees' do on a hub: the
pages of Python, pandas, pyarrow and the other libraries that every kernel maps from the
same files are then shared, not unique, and the figure is what **one more trainee** costs.
Kernels run with the settings the hub gives them (``ARROW_DEFAULT_MEMORY_POOL=system``:
pyarrow returns freed memory to the system instead of keeping it in mimalloc's pool).

* the JupyterLab server after it served the Lab page once (``jupyter lab``, idle);
* for each trainee notebook run top to bottom in a fresh kernel, as a trainee does: the
  kernel's peak USS (sampled every 0.1 s) and its USS at the end.

The reference operation timed in the same run: starting a bare Python kernel and running
``1 + 1`` (its USS is the floor every notebook pays).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TARGET_MIB = 350


def _uss_mib(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_full_info().uss / 2**20


class _Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self) -> None:
        while self.running:
            try:
                self.peak = max(self.peak, _uss_mib(self.pid))
            except Exception:  # noqa: BLE001 - the kernel may be gone
                return
            time.sleep(0.1)


def _hub_kernel_env() -> dict[str, str]:
    """The memory settings every server on the hub gets (from the hub's own configuration)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = ROOT / "deploy" / "single-machine" / "jupyterhub_config.py"
    env = PyFileConfigLoader(config.name, path=str(config.parent)).load_config().Spawner.environment
    return {
        k: env[k]
        for k in ("ARROW_DEFAULT_MEMORY_POOL", "MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_")
    }


KERNEL_ENV = _hub_kernel_env()
COMPANION = (
    "import labkit, pandas, pyarrow, pyarrow.parquet, matplotlib.pyplot, ipywidgets, sklearn.linear_model;"
    "from labkit import data, monitor, audit; data.load('comments'); import time; time.sleep(3600)"
)


def kernel_memory(notebook: Path | None, work: Path) -> dict:
    """Run ``notebook`` (None: only ``1 + 1``) in a fresh kernel; its peak and final USS."""
    import nbformat
    from nbclient import NotebookClient

    if notebook is None:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    else:
        nb = nbformat.read(notebook, as_version=4)
    os.environ.update(
        {"LABKIT_WORK_DIR": str(work), "MPLBACKEND": "Agg", "LABKIT_LANG": "id", **KERNEL_ENV}
    )
    client = NotebookClient(
        nb, timeout=600, allow_errors=True, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    began = time.perf_counter()
    with client.setup_kernel():
        pid = client.km.provisioner.process.pid
        sampler = _Sampler(pid)
        sampler.start()
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
        time.sleep(0.3)
        final = _uss_mib(pid)
        sampler.running = False
        sampler.join()
    errors = [
        o.get("ename") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]  # fmt: skip
    return {
        "peak_mib": round(max(sampler.peak, final), 1),
        "final_mib": round(final, 1),
        "seconds": round(time.perf_counter() - began, 1),
        "errors": errors,
    }


def _lab(port: int, home: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         "--IdentityProvider.token=bench", "--allow-root", f"--ServerApp.root_dir={ROOT}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "HOME": home},
    )  # fmt: skip


def server_memory() -> float:
    """USS of an idle JupyterLab server after it served the Lab page once (a second one runs beside it)."""
    import socket

    import requests

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as home:
        companion, server = _lab(port + 1, home), _lab(port, home)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    r = requests.get(f"http://127.0.0.1:{port}/lab?token=bench", timeout=5)
                    if r.status_code == 200:
                        break
                except requests.RequestException:
                    time.sleep(0.5)
            time.sleep(1)
            return round(_uss_mib(server.pid), 1)
        finally:
            for process in (server, companion):
                process.terminate()
                process.wait()


def main(argv: list[str] | None = None) -> int:
    companion = subprocess.Popen(
        [sys.executable, "-c", COMPANION], env={**os.environ, **KERNEL_ENV}
    )
    try:
        return _measure_all()
    finally:
        companion.terminate()
        companion.wait()


def _measure_all() -> int:
    import json

    from benchmarks.harness import RESULTS, machine

    server = server_memory()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        floor = kernel_memory(None, Path(work) / "kosong")
        for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
            result = kernel_memory(notebook, Path(work) / notebook.stem)
            result["notebook"] = notebook.stem
            result["trainee_peak_mib"] = round(server + result["peak_mib"], 1)
            rows.append(result)
            print(
                f"{notebook.stem:32} kernel peak {result['peak_mib']:7.1f} MiB, end "
                f"{result['final_mib']:7.1f}; with the server {result['trainee_peak_mib']:7.1f} MiB "
                f"(target {TARGET_MIB}); {result['seconds']} s"
                + (f"; errors {result['errors']}" if result["errors"] else "")
            )
    worst = max(r["trainee_peak_mib"] for r in rows)
    print(f"JupyterLab server (idle, USS): {server} MiB; bare kernel: {floor['peak_mib']} MiB")
    print(
        f"one trainee at the peak: {worst} MiB (target {TARGET_MIB}: {'met' if worst <= TARGET_MIB else 'NOT met'})"
    )
    RESULTS.mkdir(exist_ok=True)
    with open(RESULTS / "memory.json", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"machine": machine(), "server_mib": server, "bare_kernel": floor,
                             "notebooks": rows, "worst_mib": worst}) + "\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
