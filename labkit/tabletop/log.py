"""The exercise's event log: one append-only JSON-lines file shared by a team.

Every action of every member (and every clock change) is one line of
``events.jsonl`` in the exercise folder. Appending takes an exclusive ``flock`` on the
file, checks the last line, writes the new line in one ``write`` call and ``fsync``s
it, so two members saving at the same instant both land, one after the other, and a
kernel killed in the middle of a write leaves at most one incomplete last line, which
readers skip and the next writer cuts away (every earlier event stays intact).

Other kernels see a new event as soon as they read the file again (the widgets poll
every second).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any

from labkit.errors import LabkitError

LOG_NAME = "events.jsonl"


def _complete_lines(raw: bytes) -> list[dict[str, Any]]:
    events = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # an incomplete last line from a killed writer
    return events


def read_events(folder: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every complete event of the exercise, in order."""
    path = Path(folder) / LOG_NAME
    if not path.exists():
        return []
    return _complete_lines(path.read_bytes())


def append_event(folder: str | os.PathLike[str], event: dict[str, Any]) -> dict[str, Any]:
    """Append ``event`` (a JSON-able dict) under an exclusive lock; returns it with ``seq`` and ``t``.

    ``t`` (wall time, seconds) is the event's own when given (a test's clock), else now.

    Raises
    ------
    LabkitError
        If the exercise folder does not exist or cannot be written (a message for the team,
        naming the folder).
    """
    path = Path(folder) / LOG_NAME
    if not Path(folder).is_dir():
        raise LabkitError("tabletop.log.no_folder", folder=str(folder))
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o664)
    except OSError as exc:
        raise LabkitError(
            "tabletop.log.cannot_write", folder=str(folder), reason=str(exc)
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        data = b""
        if size:
            os.lseek(fd, 0, os.SEEK_SET)
            data = os.read(fd, size)
            if not data.endswith(b"\n"):  # a writer was killed mid-line: cut the fragment
                keep = data.rfind(b"\n") + 1
                os.ftruncate(fd, keep)
                data = data[:keep]
        seq = len(_complete_lines(data)) + 1
        stamped = {"seq": seq, "t": time.time(), **event}
        line = (json.dumps(stamped, ensure_ascii=False, default=str) + "\n").encode("utf-8")
        os.lseek(fd, 0, os.SEEK_END)
        os.write(fd, line)
        os.fsync(fd)
        return stamped
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
