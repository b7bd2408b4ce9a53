"""environment.yml (conda) and pyproject.toml (pip) must name the same runtime packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
CONDA_ONLY = {"python", "pip"}


def _pyproject_requirements() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = [Requirement(r) for r in meta["dependencies"]]
    return {r.name.lower(): str(r.specifier) for r in reqs}


def _conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    out = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep)
        name, spec = m.group(1).lower(), m.group(2).replace(" ", "")
        if name not in CONDA_ONLY:
            out[name] = spec
    return out


def test_same_packages_and_lower_bounds():
    assert _conda_requirements() == _pyproject_requirements()


def test_no_hard_pins():
    for name, spec in {**_pyproject_requirements(), **_conda_requirements()}.items():
        assert "==" not in spec, f"{name} is hard-pinned ({spec}); use a lower bound"
        assert ">=" in spec, f"{name} has no lower bound"


def test_environment_installs_labkit_and_uses_conda_forge():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    pip_section = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert pip_section == [{"pip": ["-e ."]}]


def test_python_floor_matches():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    floor = meta["requires-python"].replace(">=", "")
    assert f"python>={floor}" in env["dependencies"]
