"""Trainee accounts on a one-machine hub: checking a list of names, creating system users in bulk.

On the one-machine hub every trainee is a system user (their server runs as them, in a
home folder only they can read). A trainer writes the room's names in a text file, one
per line, and runs ``labkit akun-peserta peserta.txt --buat`` as root before the
workshop (or lets the hub create a user the first time a name logs in, through
:func:`ensure_system_user`, the hub's ``pre_spawn_hook``).

Names are checked first, all at once, each problem with its line and a suggested fix:
odd characters, duplicates, a name that is a system account. :data:`USERNAME_PATTERN`
is the one definition of an acceptable name; the hub configuration uses it too.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from labkit import i18n
from labkit.errors import LabkitError

__all__ = [
    "TRAINER_GROUP",
    "USERNAME_PATTERN",
    "check_names",
    "create_accounts",
    "ensure_system_user",
    "suggest_name",
    "system_user_names",
]

#: An acceptable trainee or trainer name: it becomes a system user name and a folder name.
USERNAME_PATTERN = r"^[a-z][a-z0-9._-]{1,30}$"
_NAME = re.compile(USERNAME_PATTERN)
#: The system group of trainers: they (and only they) read the exchange folder.
TRAINER_GROUP = "humaslab-pelatih"
#: Below this user id an existing account belongs to the system, never to a trainee.
FIRST_TRAINEE_UID = 1000


def suggest_name(raw: str) -> str:
    """An acceptable name close to ``raw``: ``"Budi Sántoso"`` -> ``"budi.santoso"``."""
    plain = unicodedata.normalize("NFKD", str(raw)).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9._-]+", ".", plain.lower()).strip("._-")
    name = re.sub(r"\.{2,}", ".", name)
    if not name or not name[0].isalpha():
        name = "p" + name
    if len(name) < 2:
        name += "1"
    return name[:31].rstrip("._-")


def _existing(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def system_user_names() -> set[str]:
    """The names of this machine's system accounts (user id below :data:`FIRST_TRAINEE_UID`).

    The hub refuses them at log-in, whatever the password (``Authenticator.blocked_users``).
    """
    return {p.pw_name for p in pwd.getpwall() if p.pw_uid < FIRST_TRAINEE_UID}


def check_names(lines: Iterable[str], *, source: str = "daftar") -> pd.DataFrame:
    """Check a list of trainee names (one per line; blank lines and ``#`` comments skipped).

    Returns
    -------
    DataFrame with ``line`` (1-based), ``name``, ``ok`` and ``problem`` (what is wrong and the
    fix, in the trainee's language; empty when ok). Nothing is created.
    """
    rows = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        name = raw.strip()
        if not name or name.startswith("#"):
            continue
        problem = ""
        if not _NAME.match(name):
            problem = i18n.t(
                "trainer.accounts.odd_name",
                source=source,
                line=number,
                name=name,
                suggestion=suggest_name(name),
            )
        elif name in seen:
            problem = i18n.t(
                "trainer.accounts.duplicate",
                source=source,
                line=number,
                name=name,
                first=seen[name],
            )
        else:
            user = _existing(name)
            if user is not None and user.pw_uid < FIRST_TRAINEE_UID:
                problem = i18n.t(
                    "trainer.accounts.system_name", source=source, line=number, name=name
                )
        seen.setdefault(name, number)
        rows.append({"line": number, "name": name, "ok": not problem, "problem": problem})
    return pd.DataFrame(rows, columns=["line", "name", "ok", "problem"])


def _run(argv: list[str]) -> None:
    subprocess.run(argv, check=True, capture_output=True, text=True)


def _ensure_group(run: Callable[[list[str]], None]) -> None:
    try:
        grp.getgrnam(TRAINER_GROUP)
    except KeyError:
        run(["groupadd", "--system", TRAINER_GROUP])


def create_accounts(
    names: Iterable[str],
    *,
    trainers: Iterable[str] = (),
    home_base: str | os.PathLike[str] | None = None,
    exchange: str | os.PathLike[str] | None = None,
    run: Callable[[list[str]], None] = _run,
) -> pd.DataFrame:
    """Create a system user per name (as root), with a private home and an exchange folder.

    Each new user gets ``useradd --create-home`` (home mode 0700: no other trainee can read
    it). Trainers are added to :data:`TRAINER_GROUP`. With ``exchange`` (the workshop's
    exchange folder), each trainee gets ``<exchange>/<name>``, theirs to write and readable by
    the trainers' group only (mode 2750), where the lab copies their saved work. Existing
    users are left as they are (their folders are still made).

    Parameters
    ----------
    names : the trainees' names (check them first with :func:`check_names`)
    trainers : the trainers' names
    home_base : parent folder of the homes (default: the system's, ``/home``)
    exchange : the exchange folder, or None
    run : runs one command (tests pass a recorder)

    Returns
    -------
    DataFrame with ``name``, ``role`` (``peserta``/``pelatih``), ``status`` (``dibuat``,
    ``sudah ada``) and ``home``.

    Raises
    ------
    LabkitError
        If a name is not acceptable (nothing is created then) or a command fails.
    """
    names, trainers = list(names), list(trainers)
    checked = check_names([*names, *trainers], source="akun")
    if not checked["ok"].all():
        raise LabkitError(
            "trainer.accounts.refused", problems="\n".join(checked["problem"][~checked["ok"]])
        )
    rows = []
    if trainers:
        _ensure_group(run)
    for name in [*names, *trainers]:
        role = "pelatih" if name in trainers else "peserta"
        user = _existing(name)
        try:
            if user is None:
                argv = ["useradd", "--create-home", "--shell", "/bin/bash"]
                if home_base is not None:
                    argv += ["--base-dir", str(home_base)]
                run([*argv, name])
                status = "dibuat"
            else:
                status = "sudah ada"
            if role == "pelatih":
                run(["usermod", "--append", "--groups", TRAINER_GROUP, name])
            home = (
                Path(home_base) / name if home_base is not None else Path(pwd.getpwnam(name).pw_dir)
            )
            run(["chmod", "0700", str(home)])
            if exchange is not None and role == "peserta":
                folder = Path(exchange) / name
                run(["install", "-d", "-o", name, "-g", TRAINER_GROUP, "-m", "2750", str(folder)])
        except subprocess.CalledProcessError as exc:
            raise LabkitError(
                "trainer.accounts.command_failed",
                name=name,
                command=" ".join(exc.cmd),
                reason=(exc.stderr or "").strip() or exc.returncode,
            ) from None
        rows.append({"name": name, "role": role, "status": status, "home": str(home)})
    return pd.DataFrame(rows, columns=["name", "role", "status", "home"])


def ensure_system_user(spawner) -> None:
    """The hub's ``pre_spawn_hook``: create the trainee's system user on their first log-in.

    The name was already checked at log-in (the authenticator's ``username_pattern``); the
    exchange folder comes from the server's ``LABKIT_EXCHANGE_DIR``.
    """
    name = spawner.user.name
    if _existing(name) is not None and _existing(name).pw_uid < FIRST_TRAINEE_UID:
        raise LabkitError("trainer.accounts.system_name", source="hub", line=0, name=name)
    exchange = (spawner.environment or {}).get("LABKIT_EXCHANGE_DIR")
    admin = bool(getattr(spawner.user, "admin", False))
    _ensure_group(_run)
    create_accounts(
        [] if admin else [name],
        trainers=[name] if admin else [],
        exchange=exchange if exchange and Path(exchange).is_dir() else None,
    )
