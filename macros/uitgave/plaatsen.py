"""Putting a finished publication in place: one build at a time per project, the previous site/ and
dist/ complete until the new ones replace them in one step, leftovers of a killed build removed.

- a lock (`.bouw.lock`, flock) makes a second build wait until the first is done, so two builds never
  write into each other's folders or swap half a result;
- the new folders are built beside the old (`.site-nieuw.*`) and exchanged with them atomically
  (renameat2 RENAME_EXCHANGE; where the file system cannot, two renames right after each other);
- a build killed at any moment leaves its `.site-nieuw.*` / `.site-oud.*` behind: the next build removes
  them, and restores a site/ or dist/ that a kill between the two renames left out.
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

SLOT = ".bouw.lock"
NIEUW, OUD = ".site-nieuw.", ".site-oud."
RENAME_EXCHANGE = 2
AT_FDCWD = -100


@contextmanager
def slot(project: Path):
    """Hold the project's build lock; wait (and say so) while another build holds it."""
    with open(project / SLOT, "w") as bestand:
        try:
            fcntl.flock(bestand, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("build: er loopt al een build in deze map; wachten tot die klaar is", file=sys.stderr)
            fcntl.flock(bestand, fcntl.LOCK_EX)
        yield


def _wissel(a: Path, b: Path) -> bool:
    """Exchange two folders in one step (Linux renameat2); False where that is not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def vervang(nieuw: Path, doel: Path) -> None:
    """Put the folder `nieuw` in the place of `doel` (which may not exist); the old one is removed."""
    oud = doel.with_name(f"{OUD}{doel.name}.{os.getpid()}")
    if doel.exists() and _wissel(nieuw, doel):
        shutil.rmtree(nieuw)
        return
    if doel.exists():
        doel.rename(oud)
    nieuw.rename(doel)
    shutil.rmtree(oud, ignore_errors=True)


def ruim_op(project: Path, doelen: tuple[str, ...]) -> None:
    """Remove what a killed build left; put back a site/ or dist/ a kill between two renames took away."""
    for doel in doelen:
        resten = sorted(project.glob(f"{OUD}{doel}.*"))
        if not (project / doel).exists() and resten:
            resten.pop().rename(project / doel)
        for rest in resten:
            shutil.rmtree(rest, ignore_errors=True)
    for rest in project.glob(f"{NIEUW}*"):
        shutil.rmtree(rest, ignore_errors=True)
