"""JupyterHub for a Humas Lab workshop on one machine (see docs/hub.md).

Settings come from the environment (install.sh writes them to /etc/humas-lab/hub.env):

HUMASLAB_WORKSHOP_PASSWORD  the room's shared password (at least 8 characters; trainees pick their own name)
HUMASLAB_TRAINER_PASSWORD   the trainers' password (admin rights), different from the room's
HUMASLAB_TRAINERS           trainers' user names, comma-separated (admins)
HUMASLAB_TRAINEES_FILE      optional: one trainee name per line; only these may log in
HUMASLAB_DATA_DIR           the bundled data, shared read-only (default /srv/humas-lab/datasets)
HUMASLAB_HUB_IP, HUMASLAB_HUB_PORT   where the hub listens (default 127.0.0.1:8000, behind HTTPS)
HUMASLAB_CHP                the configurable-http-proxy command (default: on PATH)
HUMASLAB_STATE_DIR          the hub's database and cookie secret (default /srv/humas-lab/hub)
HUMASLAB_IDLE_TIMEOUT       seconds before an idle server is stopped (default 3600)
HUMASLAB_EXCHANGE_DIR       the exchange folder where trainees' saves are copied for the trainers
                            (default /srv/humas-lab/kumpul; install.sh makes it)
HUMASLAB_CREATE_USERS       1 (default): a name logging in for the first time gets its system user
HUMASLAB_SPAWNER            local (default) or systemd: systemd enforces HUMASLAB_MEM_LIMIT / HUMASLAB_CPU_LIMIT
"""

import os
import sys
from pathlib import Path

from labkit.trainer.accounts import USERNAME_PATTERN, ensure_system_user, system_user_names

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

env = os.environ
state = Path(env.get("HUMASLAB_STATE_DIR", "/srv/humas-lab/hub"))

# --- where it listens -------------------------------------------------------------------------
c.JupyterHub.ip = env.get("HUMASLAB_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env.get("HUMASLAB_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.command = [env.get("HUMASLAB_CHP", "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
# a hub restart during a workshop leaves the trainees' servers (and kernels) running
c.JupyterHub.cleanup_servers = False

# --- who may log in: a shared room password with per-trainee names; trainers are admins ------------
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env.get("HUMASLAB_WORKSHOP_PASSWORD", "")
if env.get("HUMASLAB_TRAINER_PASSWORD"):
    c.SharedPasswordAuthenticator.admin_password = env["HUMASLAB_TRAINER_PASSWORD"]
trainers = {n.strip() for n in env.get("HUMASLAB_TRAINERS", "").split(",") if n.strip()}
c.Authenticator.admin_users = trainers
trainees_file = env.get("HUMASLAB_TRAINEES_FILE")
if trainees_file and Path(trainees_file).is_file():
    names = {line.strip() for line in Path(trainees_file).read_text().splitlines() if line.strip()}
    c.Authenticator.allowed_users = names | trainers
else:
    c.Authenticator.allow_all = True
# names become system users: lower case letters, digits, dot, dash, underscore; no odd characters
c.Authenticator.username_pattern = USERNAME_PATTERN
# the machine's own accounts (root, daemon, www-data...) can never log in
c.Authenticator.blocked_users = system_user_names()

# --- one system user per trainee; each server runs as that user in its own home ---------------------
# HUMASLAB_SPAWNER=systemd (on a server running systemd): each server becomes a systemd unit whose
# memory and CPU limits below are enforced (jupyterhub-systemdspawner, in the hub extra). The
# default, LocalProcessSpawner, runs servers as plain processes: limits are not enforced.
if env.get("HUMASLAB_SPAWNER", "local") == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = False  # the trainees' own system users (private homes)
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.disable_user_sudo = True
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(Path(sys.prefix) / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "LABKIT_DATA_DIR": env.get("HUMASLAB_DATA_DIR", "/srv/humas-lab/datasets"),
    "LABKIT_WORK_DIR": "~/humas-lab-kerja",
    "LABKIT_EXCHANGE_DIR": env.get("HUMASLAB_EXCHANGE_DIR", "/srv/humas-lab/kumpul"),
    "MPLBACKEND": "Agg",
    # memory (benchmarks/bench_memory.py): pyarrow gives freed memory back; fewer malloc arenas;
    # blocks of 128 KiB and more always mapped apart and unmapped when freed (glibc otherwise
    # raises this threshold as large blocks are freed and keeps them in its heap)
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    "MALLOC_ARENA_MAX": "2",
    "MALLOC_MMAP_THRESHOLD_": "131072",
}
# a trainee's system user (private home, exchange folder) is made at their first log-in
if env.get("HUMASLAB_CREATE_USERS", "1") == "1":
    c.Spawner.pre_spawn_hook = ensure_system_user
# Limits: enforced with HUMASLAB_SPAWNER=systemd; LocalProcessSpawner does not (docs/hub.md, sizing).
c.Spawner.mem_limit = env.get("HUMASLAB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(env.get("HUMASLAB_CPU_LIMIT", "1"))
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# --- stop idle servers (jupyterhub-idle-culler) --------------------------------------------------------
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={int(env.get('HUMASLAB_IDLE_TIMEOUT', '3600'))}",
        ],
    }
]
