"""Performance as the trainee sees it, measured in a real browser (not asserted in tests).

Run with ``python -m benchmarks.bench_browser`` (needs Debian's chromium and playwright, as the
browser tests do). For every ready notebook: the time from opening it to the notebook shown
with its kernel idle, the time from Run > Run All Cells to the first cell's output, and the time
to run it top to bottom; and the engagement dashboard's update time as seen (from choosing a
new metric to the new chart in the page). Reference timed in the same run: opening JupyterLab's
start page until the file browser is shown.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import measure, report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))


def _session():
    from labdriver import CHROMIUM_FLAGS, chromium_path, start_lab
    from playwright.sync_api import sync_playwright

    lab = start_lab(Path(tempfile.mkdtemp(prefix="bench-browser-")))
    play = sync_playwright().start()
    browser = play.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
    return lab, play, browser


def _ref_start_page() -> dict:
    lab, play, browser = _session()
    try:
        page = browser.new_page()
        t0 = time.perf_counter()
        page.goto(f"{lab.url}/lab?token={lab.token}", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-DirListing-content", timeout=90_000)
        return {"start_page_seconds": round(time.perf_counter() - t0, 2)}
    finally:
        browser.close(), play.stop(), lab.stop()


def _notebooks() -> dict:
    import yaml
    from labdriver import LabDriver

    modules = yaml.safe_load((ROOT / "labkit" / "workshop.yaml").read_text("utf-8"))["modules"]
    ready = sorted(m["notebook"] for m in modules if m.get("status") == "ready")
    lab, play, browser = _session()
    figures: dict[str, float] = {}
    try:
        for notebook in ready:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            driver = LabDriver(
                page, lab.url, lab.token, Path(tempfile.mkdtemp()), workspace=notebook
            )
            figures[f"{notebook}: open"] = round(driver.open(notebook), 2)
            start = time.perf_counter()
            driver.menu("Run", "Run All Cells")
            figures[f"{notebook}: first output"] = round(driver.first_output_seconds(start), 2)
            driver.wait_kernel_idle()
            figures[f"{notebook}: run all"] = round(time.perf_counter() - start, 2)
            if notebook.startswith("02_"):
                dash = page.locator(
                    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output .widget-vbox"
                ).first
                chart = dash.locator("img").first
                before = chart.get_attribute("src")
                t0 = time.perf_counter()
                dash.get_by_role("combobox", name="Ukuran").select_option(index=1)
                while chart.get_attribute("src") == before and time.perf_counter() - t0 < 30:
                    time.sleep(0.02)
                figures["dashboard update as seen"] = round(time.perf_counter() - t0, 3)
            page.close()
    finally:
        browser.close(), play.stop(), lab.stop()
    figures["all notebooks"] = round(sum(v for k, v in figures.items() if k.endswith("run all")), 1)
    return figures


def main(argv: list[str] | None = None) -> None:
    ref = measure(
        "JupyterLab start page shown", "benchmarks.bench_browser:_ref_start_page", repeat=1
    )
    flow = measure(
        "every ready notebook in the browser", "benchmarks.bench_browser:_notebooks", repeat=1
    )
    for key, value in flow.detail.items():
        if key != "baseline_mib":
            print(f"  {key}: {value}")
    report("browser", [ref, flow.with_target(seconds=600.0, ref=ref)])


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
