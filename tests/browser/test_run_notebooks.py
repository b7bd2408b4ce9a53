"""Every ready trainee notebook, run top to bottom through JupyterLab's menus in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TIMINGS = ROOT / "build" / "browser" / "timings.json"


def ready_notebooks() -> list[str]:
    modules = yaml.safe_load((ROOT / "labkit" / "workshop.yaml").read_text("utf-8"))["modules"]
    return sorted(m["notebook"] for m in modules if m.get("status") == "ready")


def _cells(notebook: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text("utf-8"))["cells"]


def intended_errors(notebook: str) -> int:
    """Cells tagged raises-exception fail on purpose (the slip demonstrations)."""
    return sum(
        "raises-exception" in c.get("metadata", {}).get("tags", []) for c in _cells(notebook)
    )


def _record(notebook: str, **figures: float) -> None:
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    data.setdefault(notebook, {}).update({k: round(v, 2) for k, v in figures.items()})
    TIMINGS.write_text(json.dumps(data, indent=2, sort_keys=True))


@pytest.mark.parametrize("notebook", ready_notebooks())
def test_notebook_runs_top_to_bottom_in_the_browser(lab, notebook):
    opened = lab.open(notebook)
    lab.shot("dibuka")
    seconds = lab.run_all()
    lab.shot("selesai")
    # tracebacks only where a cell fails on purpose (a LabkitError shows a short message instead)
    errors = lab.error_outputs()
    assert len(errors) <= intended_errors(notebook), "\n\n".join(e[-1500:] for e in errors)
    code_cells = sum(c["cell_type"] == "code" for c in _cells(notebook))
    assert lab.executed_count() == code_cells  # every cell ran, top to bottom
    _record(notebook, open_seconds=opened, run_all_seconds=seconds)
