"""Drive a real JupyterHub installed by deploy/single-machine/install.sh: start, log in, run code.

Used by tests/hub (the tests) and benchmarks/bench_hub.py (N trainees at once). Everything
listens on 127.0.0.1 on free ports.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "deploy" / "single-machine" / "install.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing_requirements() -> str | None:
    """Why a real hub cannot be installed here, or None."""
    if os.geteuid() != 0:
        return "not root (the hub makes one system user per trainee)"
    for tool in ("useradd", "userdel", "git"):
        if shutil.which(tool) is None:
            return f"{tool} is missing"
    if shutil.which("npm") is None and shutil.which("apt-get") is None:
        return "neither npm nor apt-get (for configurable-http-proxy)"
    return None


def read_env(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key] = value
    return out


@dataclass
class Hub:
    """A hub installed under ``base`` (a fresh temporary folder every run)."""

    base: Path
    trainees: list[str]
    trainer: str
    port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    proxy_api_port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(24))
    process: subprocess.Popen | None = None
    install_seconds: float = 0.0

    # ------------------------------------------------------------------ install, start, stop

    @classmethod
    def install(cls, trainees: list[str], trainer: str) -> Hub:
        base = Path(tempfile.mkdtemp(prefix="humaslab-hub-", dir="/tmp"))
        base.chmod(0o755)  # spawned trainees traverse it to reach the venv and the data
        hub = cls(base=base, trainees=trainees, trainer=trainer)
        names = base / "peserta.txt"
        names.write_text("\n".join(trainees) + "\n")
        began = time.perf_counter()
        done = subprocess.run(
            ["bash", str(INSTALL), "--prefix", str(base / "opt"), "--data", str(base / "srv"),
             "--etc", str(base / "etc"), "--port", str(hub.port), "--no-service",
             "--trainers", trainer, "--trainees", str(names)],
            capture_output=True, text=True, timeout=1500,
        )  # fmt: skip
        hub.install_seconds = time.perf_counter() - began
        if done.returncode != 0:
            raise RuntimeError(f"install.sh failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        (base / "test_config.py").write_text(
            f"""c = get_config()  # noqa
load_subconfig({str(base / "opt" / "jupyterhub_config.py")!r})  # noqa
c.JupyterHub.hub_port = {hub.api_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{hub.proxy_api_port}"
c.JupyterHub.services.append({{"name": "hubtest", "api_token": {hub.token!r}}})
c.JupyterHub.load_roles.append({{
    "name": "hubtest",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users", "read:users"],
    "services": ["hubtest"],
}})
"""
        )
        return hub

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, **read_env(self.base / "etc" / "hub.env")}

    @property
    def passwords(self) -> tuple[str, str]:
        env = read_env(self.base / "etc" / "hub.env")
        return env["HUMASLAB_WORKSHOP_PASSWORD"], env["HUMASLAB_TRAINER_PASSWORD"]

    def start(self, timeout: float = 60) -> None:
        log = open(self.base / "hub.log", "ab")  # noqa: SIM115 - kept open while the hub runs
        self.process = subprocess.Popen(
            [str(self.base / "opt" / "venv" / "bin" / "jupyterhub"), "-f", str(self.base / "test_config.py")],
            cwd=self.base / "srv" / "hub", env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the hub exited:\n" + self.log_tail())
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError("the hub did not answer in time:\n" + self.log_tail())

    def stop(self) -> None:
        """Stop the hub and its proxy (the trainees' servers keep running: cleanup_servers off)."""
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def log_tail(self, n: int = 4000) -> str:
        path = self.base / "hub.log"
        return path.read_text(errors="replace")[-n:] if path.exists() else ""

    def remove(self) -> None:
        """Stop everything, delete the test's users and folder."""
        for name in [*self.trainees, self.trainer, *getattr(self, "extra_users", [])]:
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        self.stop()
        for name in [*self.trainees, self.trainer, *getattr(self, "extra_users", [])]:
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)

    # ------------------------------------------------------------------ the hub's REST API

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(
            method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs
        )

    def start_server(self, name: str, timeout: float = 120) -> float:
        """Start ``name``'s server and wait until it answers; return the seconds it took."""
        began = time.perf_counter()
        r = self.api("POST", f"/users/{name}/server")
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"could not start {name}'s server: {r.status_code} {r.text}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            user = self.api("GET", f"/users/{name}").json()
            server = (user.get("servers") or {}).get("")
            if server and server.get("ready"):
                return time.perf_counter() - began
            time.sleep(0.5)
        raise RuntimeError(f"{name}'s server did not start:\n" + self.log_tail())

    def user_token(self, name: str) -> str:
        r = self.api("POST", f"/users/{name}/tokens", json={"note": "hub test"})
        r.raise_for_status()
        return r.json()["token"]

    def login(self, name: str, password: str) -> requests.Response:
        """Log in through the form as a browser does; return the final response (no redirects)."""
        session = requests.Session()
        session.get(f"{self.url}/hub/login", timeout=30)
        xsrf = session.cookies.get("_xsrf", "")
        return session.post(
            f"{self.url}/hub/login",
            data={"username": name, "password": password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=60,
        )


class Kernel:
    """A kernel on a trainee's server, reached through the hub's proxy with the trainee's token."""

    def __init__(self, hub: Hub, user: str, token: str):

        self.hub, self.user, self.token = hub, user, token
        headers = {"Authorization": f"token {token}"}
        base = f"{hub.url}/user/{user}/api/kernels"
        r = requests.post(base, headers=headers, json={"name": "python3"}, timeout=60)
        r.raise_for_status()
        self.id = r.json()["id"]
        self.session = uuid.uuid4().hex
        self.reconnect()

    def reconnect(self) -> None:
        """Open a new channel to the same kernel (after the proxy restarted, for example)."""
        import websocket

        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{self.hub.port}/user/{self.user}/api/kernels/{self.id}/channels",
            header=[f"Authorization: token {self.token}"],
            timeout=300,
        )

    def run(self, code: str, timeout: float = 300) -> tuple[str, dict | None]:
        """Execute ``code``; return (its text output, the error content or None)."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.user,
                       "session": self.session, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))  # fmt: skip
        out, error = [], None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                out.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                error = content
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(out), error
        raise TimeoutError(f"code did not finish in {timeout} s: {code[:80]}")

    def close(self) -> None:
        self.ws.close()
        requests.delete(
            f"{self.hub.url}/user/{self.user}/api/kernels/{self.id}",
            headers={"Authorization": f"token {self.token}"},
            timeout=30,
        )


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)
