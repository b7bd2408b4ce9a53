"""The one-machine hub for real (issue 13, "Tests with real parts" and "Bad input and faults").

JupyterHub with configurable-http-proxy, installed by deploy/single-machine/install.sh with the
lab's own configuration: log-in, refusals, isolation between trainees (through the API and
from a kernel), notebook 00 through the hub, an nbgitpuller pull that keeps the work folder,
the cohort view, a server killed mid-work, a hub restart. The tests run in file order and
share one hub.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import requests
from hubdriver import ROOT, Kernel, free_port, strip_ansi

NOTEBOOK_00 = ROOT / "notebooks" / "00_memulai.ipynb"
APP = ROOT / "notebooks" / "aplikasi" / "penyusun_draf.ipynb"


@pytest.fixture(scope="module")
def names(hub):
    ani, budi = hub.trainees
    return {"ani": ani, "budi": budi, "trainer": hub.trainer, "cici": hub.extra_users[0]}


@pytest.fixture(scope="module")
def tokens(hub, names):
    for key in ("ani", "budi", "trainer"):
        hub.start_server(names[key])
    return {key: hub.user_token(names[key]) for key in ("ani", "budi", "trainer")}


@pytest.fixture(scope="module")
def kernels(hub, names, tokens):
    opened = {key: Kernel(hub, names[key], tokens[key]) for key in ("ani", "budi", "trainer")}
    yield opened
    for kernel in opened.values():
        try:
            kernel.close()
        except Exception:  # noqa: BLE001 - a kernel killed by a test is already gone
            pass


def _ok(kernel: Kernel, code: str) -> str:
    out, error = kernel.run(code)
    assert error is None, strip_ansi("\n".join(error["traceback"])) if error else ""
    return out


# --- log-in and refusals ------------------------------------------------------------------------


def test_trainees_and_trainers_log_in_with_their_passwords(hub, names):
    room, trainer = hub.passwords
    ok = hub.login(names["ani"], room)
    assert ok.status_code == 302 and "/hub/login" not in ok.headers["Location"]
    assert hub.login(names["trainer"], trainer).status_code == 302
    admin = hub.api("GET", f"/users/{names['trainer']}").json()
    assert admin["admin"] is True
    assert hub.api("GET", f"/users/{names['ani']}").json()["admin"] is False


def test_wrong_password_odd_names_and_strangers_are_refused(hub, names):
    room, _ = hub.passwords
    assert hub.login(names["ani"], room + "x").status_code == 403
    for odd in ("Ani", "../root", "ani budi", "root'--"):
        assert hub.login(odd, room).status_code == 403, odd
    # not on the trainee list
    assert hub.login("orang.lain", room).status_code == 403


def test_unauthenticated_requests_are_refused(hub, names, tokens):
    assert requests.get(f"{hub.url}/hub/api/users", timeout=30).status_code == 403
    r = requests.get(
        f"{hub.url}/user/{names['ani']}/api/contents", timeout=30, allow_redirects=False
    )
    assert r.status_code in (302, 403) and "/hub/login" in r.headers.get("Location", "/hub/login")
    bad = {"Authorization": "token not-a-token"}
    assert requests.get(f"{hub.url}/hub/api/users", headers=bad, timeout=30).status_code == 403


# --- isolation ------------------------------------------------------------------------------------


def test_a_trainee_cannot_read_anothers_files_through_the_api(hub, names, tokens):
    mine = requests.get(
        f"{hub.url}/user/{names['ani']}/api/contents",
        headers={"Authorization": f"token {tokens['ani']}"},
        timeout=30,
    )
    assert mine.status_code == 200
    theirs = requests.get(
        f"{hub.url}/user/{names['budi']}/api/contents",
        headers={"Authorization": f"token {tokens['ani']}"},
        timeout=30,
        allow_redirects=False,
    )
    assert theirs.status_code in (302, 403, 404)
    assert "content" not in (theirs.text if theirs.status_code == 200 else "")


def test_a_trainee_cannot_read_anothers_files_from_a_kernel(hub, names, kernels):
    _ok(
        kernels["budi"],
        "import pathlib; (pathlib.Path.home() / 'rahasia.txt').write_text('punya budi')",
    )
    out = _ok(
        kernels["ani"],
        f"""
import os, pathlib
home_b = pathlib.Path(os.path.expanduser('~{names["budi"]}'))
for target in (home_b / 'rahasia.txt', home_b):
    try:
        (target.read_text() if target.suffix else os.listdir(target))
        print('READ', target)
    except PermissionError:
        print('refused', target)
try:
    os.listdir(os.environ['LABKIT_EXCHANGE_DIR'])
    print('READ exchange')
except PermissionError:
    print('refused exchange')
try:
    open(os.path.join(os.environ['LABKIT_DATA_DIR'], 'x'), 'w')
    print('WROTE data')
except PermissionError:
    print('refused data')
""",
    )
    assert "READ" not in out and "WROTE" not in out
    assert out.count("refused") == 4, out


# --- the lab through the hub ----------------------------------------------------------------------


def test_notebook_00_runs_through_the_hub(hub, names, tokens):
    kernel = Kernel(hub, names["ani"], tokens["ani"])
    try:
        notebook = nbformat.read(NOTEBOOK_00, as_version=4)
        ran = 0
        for cell in notebook.cells:
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            out, error = kernel.run(cell.source)
            assert error is None, strip_ansi("\n".join(error["traceback"]))
            ran += 1
        assert ran >= 5
        # the kernel used the shared read-only data and the trainee's own work folder
        out = _ok(kernel, "import labkit; print(labkit.status())")
        assert hub.base.name in out and "humas-lab-kerja" in out
    finally:
        kernel.close()


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _commit(source: Path, message: str, *, allow_empty: bool = False) -> None:
    who = ["-c", "user.name=pelatih", "-c", "user.email=pelatih@example.com"]
    _git(
        *who, "commit", "-q", *(["--allow-empty"] if allow_empty else []), "-m", message, cwd=source
    )


def _pull(hub, user: str, token: str, repo: str) -> str:
    r = requests.get(
        f"{hub.url}/user/{user}/git-pull/api",
        # depth 0: a full clone, because git's "dumb" HTTP (this test's server) cannot make a
        # shallow one; links to GitHub or GitLab (smart HTTP) keep nbgitpuller's default
        params={"repo": repo, "branch": "main", "targetpath": "humas-lab", "depth": "0"},
        headers={"Authorization": f"token {token}"},
        stream=True,
        timeout=120,
    )
    assert r.status_code == 200, r.text
    lines = []
    for line in r.iter_lines(decode_unicode=True):
        if line and line.startswith("data:"):
            event = json.loads(line[5:])
            lines.append(event.get("output", ""))
            if event.get("phase") in ("finished", "error"):
                assert event["phase"] == "finished", "".join(lines)
                break
    return "".join(lines)


def test_an_nbgitpuller_pull_updates_notebooks_and_keeps_the_work_folder(
    hub, names, tokens, kernels
):
    source = hub.base / "repo-src"
    (source / "notebooks").mkdir(parents=True)
    (source / "notebooks" / "00_memulai.ipynb").write_bytes(NOTEBOOK_00.read_bytes())
    (source / "notebooks" / "aplikasi").mkdir()
    (source / "notebooks" / "aplikasi" / "penyusun_draf.ipynb").write_bytes(APP.read_bytes())
    _git("init", "-q", "-b", "main", cwd=source)
    _git("add", ".", cwd=source)
    _commit(source, "notebooks")
    # the repository served over HTTP, as a trainer's link points to one (git's "dumb" protocol)
    served = hub.base / "git"
    repo = served / "humas-lab.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(source), str(repo)], check=True)
    _git("update-server-info", cwd=repo)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(served)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for(f"http://127.0.0.1:{port}/humas-lab.git/HEAD")
        _pull_twice(
            hub, names, tokens, kernels, source, repo, f"http://127.0.0.1:{port}/humas-lab.git"
        )
    finally:
        server.terminate()
        server.wait()


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def _pull_twice(hub, names, tokens, kernels, source: Path, repo: Path, url: str) -> None:
    ani, token = names["ani"], tokens["ani"]
    _pull(hub, ani, token, url)
    _ok(
        kernels["ani"],
        "from labkit import workspace; workspace.save_json('answers/uji.json', {'jawaban': 42})",
    )
    before = _ok(
        kernels["ani"],
        "import pathlib; print(sorted(str(p) for p in (pathlib.Path.home() / 'humas-lab-kerja').rglob('*')))",
    )
    # the trainer adds a notebook; the trainee pulls again
    (source / "notebooks" / "01_baru.ipynb").write_bytes(NOTEBOOK_00.read_bytes())
    _git("add", ".", cwd=source)
    _commit(source, "baru")
    _git("push", "-q", str(repo), "main", cwd=source)
    _git("update-server-info", cwd=repo)
    _pull(hub, ani, token, url)
    listing = requests.get(
        f"{hub.url}/user/{ani}/api/contents/humas-lab/notebooks",
        headers={"Authorization": f"token {token}"},
        timeout=30,
    ).json()
    assert {c["name"] for c in listing["content"]} >= {"00_memulai.ipynb", "01_baru.ipynb"}
    after = _ok(
        kernels["ani"],
        "import pathlib; print(sorted(str(p) for p in (pathlib.Path.home() / 'humas-lab-kerja').rglob('*')))",
    )
    assert before == after
    assert "42" in _ok(
        kernels["ani"],
        "from labkit import workspace; print(workspace.load_json('answers/uji.json'))",
    )
    # the app page (Voilà) of the pulled repository, served by the trainee's own server
    page = requests.get(
        f"{hub.url}/user/{ani}/voila/render/humas-lab/notebooks/aplikasi/penyusun_draf.ipynb",
        headers={"Authorization": f"token {token}"},
        timeout=300,
    )
    assert page.status_code == 200 and "Penyusun pernyataan krisis" in page.text
    assert "apps.drafter_app" not in page.text  # no code on the page


# --- the cohort view ------------------------------------------------------------------------------


def test_the_cohort_view_sees_both_trainees_and_no_trainee_sees_it(hub, names, kernels):
    for key in ("ani", "budi"):
        _ok(kernels[key], """
from labkit import data
from labkit.monitor.labelling import LabelBook, labelling_sample
sampel = labelling_sample(data.load("comments"), n=12)
buku = LabelBook.open(sampel)
for i in range(6):
    buku.set(i, sampel.at[i, "machine"])
""")  # fmt: skip
    out = _ok(kernels["trainer"], """
from labkit.trainer import cohort
kelas = cohort.gather()
print(sorted(kelas.trainees))
print(kelas.machine_agreement()[["trainee", "n"]].to_dict("records"))
print(kelas.to_xlsx())
""")  # fmt: skip
    assert names["ani"] in out and names["budi"] in out and "rekap_kelas.xlsx" in out
    assert "'n': 6" in out
    refused, error = kernels["ani"].run("from labkit.trainer import cohort; cohort.gather()")
    assert error is not None and "hanya dapat dibaca pelatih" in strip_ansi(error["evalue"])


# --- faults ---------------------------------------------------------------------------------------


def test_a_name_logging_in_first_time_gets_its_system_user(hub, names):
    cici = names["cici"]
    assert hub.api("POST", f"/users/{cici}").status_code in (201, 409)
    hub.start_server(cici)
    import pwd

    home = Path(pwd.getpwnam(cici).pw_dir)
    assert home.is_dir() and (home.stat().st_mode & 0o777) == 0o700
    assert (hub.base / "srv" / "kumpul" / cici).is_dir()
    hub.api("DELETE", f"/users/{cici}/server")


def test_a_server_killed_mid_work_keeps_what_was_saved(hub, names, tokens):
    budi, token = names["budi"], tokens["budi"]
    kernel = Kernel(hub, budi, token)
    _ok(
        kernel,
        "from labkit import workspace; workspace.save_json('answers/sebelum.json', {'draf': 'versi 1'})",
    )
    kernel.ws.close()
    subprocess.run(["pkill", "-KILL", "-u", budi], check=False)
    # the hub notices the server is gone; starting it again brings the saved work back
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        server = (hub.api("GET", f"/users/{budi}").json().get("servers") or {}).get("")
        if not server:
            break
        time.sleep(1)
    hub.start_server(budi)
    again = Kernel(hub, budi, token)
    try:
        assert "versi 1" in _ok(
            again,
            "from labkit import workspace; print(workspace.load_json('answers/sebelum.json'))",
        )
        leftovers = _ok(
            again,
            "import pathlib; print(list((pathlib.Path.home() / 'humas-lab-kerja').rglob('*.tmp')))",
        )
        assert leftovers.strip() == "[]"
    finally:
        again.close()


def test_a_hub_restart_keeps_servers_and_work(hub, names, tokens, kernels):
    ani, token = names["ani"], tokens["ani"]
    _ok(kernels["ani"], "x_sebelum_restart = 41")
    _ok(
        kernels["ani"],
        "from labkit import workspace; workspace.save_json('answers/restart.json', [1])",
    )
    hub.stop()
    hub.start()
    hub.start_server(ani)  # already running: the hub found it again
    kernels[
        "ani"
    ].reconnect()  # the proxy restarted with the hub: a browser reconnects the same way
    out = _ok(kernels["ani"], "print(x_sebelum_restart + 1)")  # the same kernel, still alive
    assert out.strip() == "42"
    r = requests.get(
        f"{hub.url}/user/{ani}/api/contents/humas-lab-kerja/answers/restart.json",
        headers={"Authorization": f"token {token}"},
        timeout=30,
    )
    assert r.status_code == 200
