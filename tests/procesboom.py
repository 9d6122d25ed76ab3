"""Processes as /proc shows them (Linux): the living children of a process, and whether one lives.
Used by the print-stage tests and by the build scripts they run in a child (tests/test_druk_processen.py)."""
from __future__ import annotations

from pathlib import Path


def _status(pid: int | str) -> list[str] | None:
    """State, parent and the rest of /proc/PID/stat after the command name; None if gone."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def levend(pid: int) -> bool:
    """Running or sleeping: not gone and not a zombie (an orphan's zombie may wait for a reaper)."""
    status = _status(pid)
    return status is not None and status[0] != "Z"


def kinderen(ouder: int) -> list[int]:
    """The living children of a process."""
    return [int(map_.name) for map_ in Path("/proc").iterdir()
            if map_.name.isdigit() and (status := _status(map_.name)) and int(status[1]) == ouder
            and status[0] != "Z"]
