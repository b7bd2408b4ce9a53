"""deploy/kubernetes/: the Zero to JupyterHub values and the single-user image's Dockerfile.

No cluster is needed: the values are merged over the chart's defaults and checked against the
chart's own schema (vendored in tests/fixtures/z2jh/, chart 4.4.0), as Helm does before it
renders; they are compared with the single-machine configuration and with what labkit reads;
the Dockerfile's instructions are parsed and its environment step is run on environment.yml.
The image itself is built only where a Docker engine answers (docs/hub.md says what was not).
"""

from __future__ import annotations

import copy
import hashlib
import re
import shlex
import shutil
import stat
import subprocess
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "kubernetes"
Z2JH = Path(__file__).resolve().parent / "fixtures" / "z2jh"
SINGLE_MACHINE = ROOT / "deploy" / "single-machine" / "jupyterhub_config.py"
TRAINEE_TARGET_MIB = 350  # a trainee's memory target (docs/hub.md, sizing)


# --- helpers ---------------------------------------------------------------------------------------


def _yaml(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def _helm_merge(base: dict, override: dict) -> dict:
    """Helm's coalescing of user values over chart defaults: maps merge, a null deletes a key."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _helm_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _values(*, secrets: bool = False) -> dict:
    merged = _helm_merge(_yaml(Z2JH / "values.yaml"), _yaml(K8S / "values.yaml"))
    if secrets:
        merged = _helm_merge(merged, _yaml(K8S / "secrets.example.yaml"))
    return merged


def _schema_errors(values: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(_yaml(Z2JH / "values.schema.yaml"))
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(values)
    ]


def _bytes(quantity: str | float) -> float:
    """A Kubernetes/JupyterHub memory quantity (``0.4G``, ``1G``, ``350Mi``) in bytes."""
    m = re.fullmatch(r"([0-9.]+)\s*([KMGT]i?)?", str(quantity))
    assert m, f"not a memory quantity: {quantity!r}"
    number, unit = float(m.group(1)), m.group(2) or ""
    powers = {"K": 1, "M": 2, "G": 3, "T": 4}
    base = 1024 if unit.endswith("i") else 1000
    return number * (base ** powers[unit[0]] if unit else 1)


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    out, pending = [], ""
    for line in (K8S / "Dockerfile").read_text("utf-8").splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):  # a comment inside a continued instruction
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = pending + stripped
        pending = ""
        keyword, _, args = full.partition(" ")
        out.append((keyword.upper(), args.strip()))
    assert not pending, "the Dockerfile ends inside a continued instruction"
    return out


def _env() -> dict[str, str]:
    env = {}
    for keyword, args in _instructions():
        if keyword == "ENV":
            for word in shlex.split(args):
                key, _, value = word.partition("=")
                env[key] = value
    return env


def _copies() -> list[tuple[list[str], str]]:
    """(sources, destination) of every COPY, options dropped."""
    out = []
    for keyword, args in _instructions():
        if keyword == "COPY":
            words = [w for w in shlex.split(args) if not w.startswith("--")]
            out.append((words[:-1], words[-1]))
    return out


def _ignored(path: str) -> bool:
    """Whether Dockerfile.dockerignore keeps ``path`` out of the build context (last match wins)."""
    patterns = [
        p.strip()
        for p in (K8S / "Dockerfile.dockerignore").read_text("utf-8").splitlines()
        if p.strip() and not p.startswith("#")
    ]
    parts = Path(path).parts
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        pattern = pattern[3:] if pattern.startswith("**/") else pattern
        if any(fnmatch(c, pattern) or fnmatch(Path(c).name, pattern) for c in candidates):
            ignored = not negate
    return ignored


def _labkit_env_names() -> set[str]:
    names = set()
    for path in (ROOT / "labkit").rglob("*.py"):
        names |= set(re.findall(r"\bLABKIT_[A-Z_]+\b", path.read_text("utf-8")))
    return names


def _single_machine(monkeypatch, tmp_path):
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("HUMASLAB_WORKSHOP_PASSWORD", "ruangan-2026")
    monkeypatch.setenv("HUMASLAB_STATE_DIR", str(tmp_path))
    loader = PyFileConfigLoader(SINGLE_MACHINE.name, path=str(SINGLE_MACHINE.parent))
    return loader.load_config()


# --- the values against the chart's schema ----------------------------------------------------------


def test_values_pass_the_chart_schema():
    assert _schema_errors(_yaml(Z2JH / "values.yaml")) == []  # the vendored pair agrees
    assert _schema_errors(_values()) == []
    assert _schema_errors(_values(secrets=True)) == []


@pytest.mark.parametrize(
    ("mistake", "where"),
    [
        ({"singleuser": {"memory": {"guarante": "1G"}}}, "singleuser.memory"),
        ({"singleuser": {"storage": {"capacity": 2}}}, "singleuser.storage.capacity"),
        ({"cull": {"timeout": "1h"}}, "cull.timeout"),
        ({"scheduling": {"userPlaceholder": {"replica": 30}}}, "scheduling.userPlaceholder"),
        ({"singleuser": {"cpu": {"limit": "1"}}}, "singleuser.cpu.limit"),
    ],
)
def test_the_schema_check_catches_a_mistake(mistake, where):
    errors = _schema_errors(_helm_merge(_values(), mistake))
    assert len(errors) == 1 and errors[0].startswith(where + ":"), errors


# --- what the values say -----------------------------------------------------------------------------


def test_env_names_are_ones_labkit_reads():
    read = _labkit_env_names()
    env = _values()["singleuser"]["extraEnv"]
    assert {"LABKIT_DATA_DIR", "LABKIT_WORK_DIR"} <= set(env)
    for name in [*env, *_env()]:
        if name.startswith("LABKIT_"):
            assert name in read, f"{name} is set but labkit never reads it"


def test_data_in_the_image_and_work_on_the_trainee_volume():
    from labkit.trainer.links import TARGET_DIR

    single = _values()["singleuser"]
    env, home = single["extraEnv"], Path(single["storage"]["homeMountPath"])
    data, work = Path(env["LABKIT_DATA_DIR"]), Path(env["LABKIT_WORK_DIR"])
    # the data is in the image: a path under the home would be hidden by the trainee's volume
    assert home not in data.parents
    assert env["LABKIT_DATA_DIR"] == _env()["LABKIT_DATA_DIR"]
    assert (["datasets"], env["LABKIT_DATA_DIR"]) in _copies()
    # the work folder is on the trainee's own volume, outside nbgitpuller's clone
    assert home in work.parents and (home / TARGET_DIR) not in [work, *work.parents]
    assert env["LABKIT_WORK_DIR"] == _env()["LABKIT_WORK_DIR"]
    assert single["storage"]["type"] == "dynamic"
    assert _bytes(single["storage"]["capacity"]) >= 1024**3
    assert single["defaultUrl"] == "/lab"


def test_resources_fit_a_trainee():
    single = _values()["singleuser"]
    guarantee, limit = _bytes(single["memory"]["guarantee"]), _bytes(single["memory"]["limit"])
    assert TRAINEE_TARGET_MIB * 1024**2 <= guarantee < limit
    assert 0 < single["cpu"]["guarantee"] <= single["cpu"]["limit"]


def test_room_is_made_before_the_workshop_starts():
    v = _values()
    sched = v["scheduling"]
    # placeholders only give way to real trainees when pod priority is on
    assert sched["userPlaceholder"]["enabled"] and sched["podPriority"]["enabled"]
    assert sched["userPlaceholder"]["replicas"] >= 1
    assert sched["userScheduler"]["enabled"]
    assert v["prePuller"]["hook"]["enabled"] and v["prePuller"]["continuous"]["enabled"]


def test_hub_matches_the_single_machine_config(monkeypatch, tmp_path):
    one = _single_machine(monkeypatch, tmp_path)
    hub = _values()["hub"]["config"]
    assert hub["JupyterHub"]["authenticator_class"] == one.JupyterHub.authenticator_class
    assert hub["Authenticator"]["username_pattern"] == one.Authenticator.username_pattern
    assert hub["Authenticator"]["allow_all"] is one.Authenticator.allow_all is True
    assert hub["Authenticator"]["admin_users"]  # trainers are admins
    single, cull = _values()["singleuser"], _values()["cull"]
    assert single["defaultUrl"] == one.Spawner.default_url
    culler = one.JupyterHub.services[0]["command"]
    assert cull["enabled"] and f"--timeout={cull['timeout']}" in culler
    assert 0 < cull["every"] < cull["timeout"]
    assert not cull["users"]  # stopping a server keeps the trainee and their volume
    sm_env = one.Spawner.environment
    for name in (
        "MPLBACKEND",
        "ARROW_DEFAULT_MEMORY_POOL",
        "MALLOC_ARENA_MAX",
        "MALLOC_MMAP_THRESHOLD_",
    ):
        assert single["extraEnv"][name] == sm_env[name], name
    assert Path(single["extraEnv"]["LABKIT_WORK_DIR"]).name == Path(sm_env["LABKIT_WORK_DIR"]).name


def test_no_secret_is_committed():
    ours = _yaml(K8S / "values.yaml")
    assert ours["hub"]["config"]["SharedPasswordAuthenticator"] == {}
    assert "secretToken" not in ours.get("proxy", {})  # generated by the chart and kept
    assert "cookieSecret" not in ours["hub"]
    assert "secrets.yaml" in (ROOT / ".gitignore").read_text("utf-8")
    # the example has the shape JupyterHub accepts: 8+ and 32+ characters, two different passwords
    example = _yaml(K8S / "secrets.example.yaml")["hub"]["config"]["SharedPasswordAuthenticator"]
    assert len(example["user_password"]) >= 8 and len(example["admin_password"]) >= 32
    assert example["user_password"] != example["admin_password"]


def test_image_tag_is_the_labkit_version():
    image = _values()["singleuser"]["image"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert image["tag"] == version and image["tag"] != "latest"


# --- the Dockerfile ----------------------------------------------------------------------------------


def test_dockerfile_builds_on_a_pinned_docker_stacks_image():
    froms = [args for keyword, args in _instructions() if keyword == "FROM"]
    assert len(froms) == 1
    assert re.fullmatch(r"quay\.io/jupyter/minimal-notebook:\d{4}-\d{2}-\d{2}", froms[0])


def test_dockerfile_runs_as_the_notebook_user_without_a_browser_download():
    instructions = _instructions()
    users = [args for keyword, args in instructions if keyword == "USER"]
    assert users[-1] in {"${NB_UID}", "jovyan", "1000"}
    text = " ".join(args for _, args in instructions)
    assert "playwright install" not in text
    # the data is made read-only as root before handing back to the notebook user
    chmod = [args for keyword, args in instructions if keyword == "RUN" and "chmod" in args]
    assert chmod and "a-w" in chmod[0] and _env()["LABKIT_DATA_DIR"].rsplit("/", 1)[0] in chmod[0]


def test_dockerfile_installs_environment_yml_with_mamba(tmp_path):
    """Run the Dockerfile's own cut of environment.yml and check what mamba would get."""
    copies = dict((tuple(src), dest) for src, dest in _copies())
    env_dest = copies[("environment.yml",)]
    step = next(a for k, a in _instructions() if k == "RUN" and env_dest in a and "mamba" in a)
    sed = re.search(r"sed '([^']+)'", step).group(1)
    cut = subprocess.run(
        ["sed", sed, str(ROOT / "environment.yml")], capture_output=True, text=True, check=True
    ).stdout
    appended = re.findall(r"echo '([^']+)' >>", step)
    conda_env = yaml.safe_load(cut + "".join(line + "\n" for line in appended))
    original = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    wanted = [d for d in original["dependencies"] if isinstance(d, str)]
    got = conda_env["dependencies"]
    assert all(isinstance(d, str) for d in got), "the pip section (`-e .`) must be cut"
    assert got[: len(wanted)] == wanted and conda_env["channels"] == ["conda-forge"]
    assert any(d.startswith("nbgitpuller>=") for d in got)
    assert re.search(r"mamba install --yes --name base --file \S+", step)
    # the package itself is pip-installed from its copied sources, with what its build reads
    src = next(dest for s, dest in _copies() if "pyproject.toml" in s)
    assert any(k == "RUN" and f"pip install --no-cache-dir {src.rstrip('/')}" in a
               for k, a in _instructions())  # fmt: skip
    readme = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["readme"]
    assert readme in next(s for s, _ in _copies() if "pyproject.toml" in s)


def test_build_context_has_what_the_dockerfile_copies():
    for sources, _ in _copies():
        for source in sources:
            assert (ROOT / source).exists(), source
            assert not _ignored(source), f"{source} is copied but excluded by the .dockerignore"
    for heavy in (".venv/bin/python", ".git/config", "build/test-work", "notebooks/00.ipynb"):
        assert _ignored(heavy), heavy


# --- the bundled data works read-only ----------------------------------------------------------------


def _fingerprint(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns,
                                     hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
    }  # fmt: skip


def test_every_table_loads_from_a_read_only_data_folder(tmp_path, monkeypatch):
    from labkit import data

    shared = tmp_path / "opt" / "datasets"
    shutil.copytree(ROOT / "datasets", shared)
    for path in [*shared.rglob("*"), shared]:  # as in the image (root ignores it; see fingerprint)
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _fingerprint(shared)
    monkeypatch.setenv("LABKIT_DATA_DIR", str(shared))
    try:
        assert bool(data.verify()["ok"].all())
        for name in data.tables():
            assert len(data.load(name)) > 0, name
        assert _fingerprint(shared) == before, "loading wrote into the shared data folder"
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
