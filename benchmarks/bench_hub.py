"""N trainees on one hub at once: start their servers together and run notebook 01 in each.

Run as root with ``python -m benchmarks.bench_hub [N]`` (default 10). It installs a hub with
``deploy/single-machine/install.sh`` in a temporary folder (as ``tests/hub`` does), makes N
trainee accounts, starts all N servers at once through the hub's API, then runs every code
cell of the trainee version of notebook 01 in each trainee's kernel, N at a time, through the
proxy. Reported: how many succeeded, the time from the start request to a ready server
(median and worst), the time to run the notebook (median and worst), and the memory per
trainee (unique set size of all that trainee's processes: server and kernel) after the
notebook. The reference operation timed in the same run: one trainee alone doing the same.
Everything is removed afterwards.
"""

from __future__ import annotations

import json
import secrets
import statistics
import string
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hub"))

from hubdriver import Hub, Kernel, missing_requirements  # noqa: E402

NOTEBOOK = ROOT / "notebooks" / "01_audit_akun.ipynb"


def _user_uss_mib(name: str) -> float:
    import psutil

    total = 0
    for process in psutil.process_iter(["username"]):
        if process.info["username"] == name:
            try:
                total += process.memory_full_info().uss
            except psutil.Error:
                pass
    return total / 2**20


def _run_notebook(hub: Hub, name: str, token: str) -> dict:
    import nbformat

    began = time.perf_counter()
    kernel = Kernel(hub, name, token)
    errors = 0
    try:
        for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            _out, error = kernel.run(cell.source, timeout=900)
            errors += error is not None
        seconds = time.perf_counter() - began
        memory = _user_uss_mib(name)
    finally:
        kernel.close()
    return {"ok": errors == 0, "errors": errors, "seconds": seconds, "uss_mib": memory}


def _trainee(hub: Hub, name: str) -> dict:
    try:
        started = hub.start_server(name, timeout=600)
        token = hub.user_token(name)
        return {"name": name, "start_seconds": started, **_run_notebook(hub, name, token)}
    except Exception as exc:  # noqa: BLE001 - a failed trainee is a result, not a crash
        return {"name": name, "ok": False, "error": str(exc)[:300]}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.harness import RESULTS, machine

    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 10
    reason = missing_requirements()
    if reason:
        print(f"cannot run: {reason}")
        return 2
    tag = "".join(secrets.choice(string.ascii_lowercase) for _ in range(4))
    names = [f"hb{tag}-p{i:02d}" for i in range(n + 1)]
    hub = Hub.install(names, trainer=f"hb{tag}-pelatih")
    try:
        hub.start()
        alone = _trainee(hub, names[0])  # the reference: one trainee alone
        hub.api("DELETE", f"/users/{names[0]}/server")
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=n) as pool:
            rows = list(pool.map(lambda name: _trainee(hub, name), names[1:]))
        wall = time.perf_counter() - began
    finally:
        hub.remove()
    ok = [r for r in rows if r.get("ok")]
    summary = {
        "trainees": n,
        "succeeded": len(ok),
        "wall_seconds": round(wall, 1),
        "start_seconds_median": round(statistics.median(r["start_seconds"] for r in ok), 1)
        if ok
        else None,
        "start_seconds_worst": round(max(r["start_seconds"] for r in ok), 1) if ok else None,
        "notebook_seconds_median": round(statistics.median(r["seconds"] for r in ok), 1)
        if ok
        else None,
        "notebook_seconds_worst": round(max(r["seconds"] for r in ok), 1) if ok else None,
        "uss_mib_median": round(statistics.median(r["uss_mib"] for r in ok), 1) if ok else None,
        "uss_mib_worst": round(max(r["uss_mib"] for r in ok), 1) if ok else None,
        "alone": {k: round(v, 1) if isinstance(v, float) else v for k, v in alone.items()},
        "install_seconds": round(hub.install_seconds, 1),
    }
    if ok and alone.get("ok"):
        summary["ratio_to_alone"] = round(summary["notebook_seconds_median"] / alone["seconds"], 2)
    failures = [r for r in rows if not r.get("ok")]
    print(json.dumps(summary, indent=2))
    for failure in failures:
        print("FAILED", failure)
    RESULTS.mkdir(exist_ok=True)
    with open(RESULTS / "hub.json", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"machine": machine(), **summary, "failures": failures}) + "\n")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
