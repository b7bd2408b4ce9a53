"""deploy/single-machine/jupyterhub_config.py loads with JupyterHub's own config loader and says what it should."""

from __future__ import annotations

from pathlib import Path

CONFIG = (
    Path(__file__).resolve().parent.parent / "deploy" / "single-machine" / "jupyterhub_config.py"
)


def _load(monkeypatch, **env):
    from traitlets.config.loader import PyFileConfigLoader

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


def test_workshop_settings(monkeypatch, tmp_path):
    names = tmp_path / "peserta.txt"
    names.write_text("ani\nbudi\n")
    c = _load(monkeypatch, HUMASLAB_WORKSHOP_PASSWORD="ruangan-2026", HUMASLAB_TRAINERS="pelatih1, pelatih2",
              HUMASLAB_TRAINEES_FILE=str(names), HUMASLAB_STATE_DIR=str(tmp_path))  # fmt: skip
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "ruangan-2026"
    assert c.Authenticator.admin_users == {"pelatih1", "pelatih2"}
    assert c.Authenticator.allowed_users == {"ani", "budi", "pelatih1", "pelatih2"}
    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.hub_ip == "127.0.0.1"
    env = c.Spawner.environment
    assert env["LABKIT_WORK_DIR"] == "~/humas-lab-kerja" and env["LABKIT_DATA_DIR"].endswith(
        "datasets"
    )
    assert c.Spawner.cmd[0].endswith("jupyterhub-singleuser")
    culler = c.JupyterHub.services[0]
    assert culler["name"] == "idle-culler" and "--timeout=3600" in culler["command"]
    assert "delete:servers" in c.JupyterHub.load_roles[0]["scopes"]
    assert str(tmp_path) in c.JupyterHub.db_url


def test_names_with_odd_characters_are_refused(monkeypatch, tmp_path):
    import re

    c = _load(
        monkeypatch, HUMASLAB_WORKSHOP_PASSWORD="ruangan-2026", HUMASLAB_STATE_DIR=str(tmp_path)
    )
    pattern = re.compile(c.Authenticator.username_pattern)
    assert pattern.match("ani.s") and pattern.match("budi_2")
    for odd in ("Ani", "../root", "ani budi", "a", "rööt", "x" * 40):
        assert not pattern.match(odd), odd
    assert c.Authenticator.allow_all is True  # no list: anyone with the room's password...
    assert {"root", "daemon"} <= c.Authenticator.blocked_users  # ...but never a system account


def test_a_missing_shared_data_folder_gets_a_clear_message(monkeypatch, tmp_path):
    import pytest

    from labkit import data
    from labkit.errors import LabkitError

    monkeypatch.setenv("LABKIT_DATA_DIR", str(tmp_path / "tidak-ada"))
    with pytest.raises(LabkitError, match="LABKIT_DATA_DIR") as caught:
        data.load("posts")
    assert str(tmp_path / "tidak-ada") in str(caught.value)


def test_limits_are_enforced_with_the_systemd_spawner(monkeypatch, tmp_path):
    c = _load(
        monkeypatch, HUMASLAB_WORKSHOP_PASSWORD="ruangan-2026", HUMASLAB_STATE_DIR=str(tmp_path)
    )
    assert c.JupyterHub.spawner_class.endswith("LocalProcessSpawner")
    c = _load(monkeypatch, HUMASLAB_WORKSHOP_PASSWORD="ruangan-2026", HUMASLAB_STATE_DIR=str(tmp_path),
              HUMASLAB_SPAWNER="systemd", HUMASLAB_MEM_LIMIT="800M")  # fmt: skip
    assert c.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
    assert c.SystemdSpawner.dynamic_users is False and c.Spawner.mem_limit == "800M"
    assert c.Spawner.pre_spawn_hook is not None  # trainees' system users still made at first log-in
