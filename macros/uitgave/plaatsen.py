"""Putting a finished publication in place: one build at a time per project; site/ and dist/ always of
one build, the previous one whole until the new one replaces it in one step; leftovers of a killed
build removed.

- a lock (`.bouw.lock`, flock) makes a second build wait until the first is done, so two builds never
  write into each other's folders;
- `site` and `dist` are links into one publication folder (`site -> .publicatie/site`); the new
  publication is built beside it (`.site-nieuw.*`, holding its site/ and dist/) and exchanged with it
  in one step (renameat2 RENAME_EXCHANGE), so site/ and dist/ change at once. Where the file system
  cannot, two renames right after each other; a kill between them leaves `.site-oud.*`, put back by
  the next build;
- plain site/ and dist/ folders (from builds before the publication folder) are moved into it, each
  exchanged with its link, so that both stay readable all along;
- a build killed at any moment leaves at most its `.site-nieuw.*` / `.site-oud.*`: the next build
  removes them.
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

SLOT = ".bouw.lock"
PUBLICATIE = ".publicatie"
DOELEN = ("site", "dist")
NIEUW, OUD = ".site-nieuw.", ".site-oud."
HALTE = "KADER_BOUW_HALTE"  # tests only: the moment at which the build stops itself (halte)
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


def halte(naam: str) -> None:
    """For the tests: when KADER_BOUW_HALTE names this moment, say so and stop here (SIGSTOP), to be
    killed exactly there."""
    if os.environ.get(HALTE) == naam:
        print(f"halte: {naam}", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)


def _wissel(a: Path, b: Path) -> bool:
    """Exchange two names in one step (Linux renameat2); False where that is not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _weg(pad: Path) -> None:
    """Remove a link, file or folder, if there."""
    if pad.is_symlink() or pad.is_file():
        pad.unlink()
    elif pad.exists():
        shutil.rmtree(pad, ignore_errors=True)


def _wijzer(doel: str) -> str:
    """What the link `doel` in the project holds."""
    return f"{PUBLICATIE}/{doel}"


def _verhuis(project: Path, doel: str) -> None:
    """A plain folder `doel` into the publication folder and a link in its place, in one exchange:
    the link is made where the folder goes (pointing nowhere there, right once in the project)."""
    plek = project / PUBLICATIE / doel
    plek.parent.mkdir(exist_ok=True)
    _weg(plek)
    plek.symlink_to(_wijzer(doel))
    if not _wissel(project / doel, plek):
        plek.unlink()
        (project / doel).rename(plek)
        (project / doel).symlink_to(_wijzer(doel))


def _gewone_map(pad: Path) -> bool:
    return pad.is_dir() and not pad.is_symlink()


def _koppel(project: Path) -> None:
    """`site` and `dist` as the links into the publication folder: a plain folder is moved into it,
    anything else under that name is replaced (in one rename)."""
    for doel in DOELEN:
        pad = project / doel
        if _gewone_map(pad):
            _verhuis(project, doel)
            halte(f"verhuisd-{doel}")
        elif not pad.is_symlink() or os.readlink(pad) != _wijzer(doel):
            link = project / f"{NIEUW}{doel}.{os.getpid()}"
            _weg(link)
            link.symlink_to(_wijzer(doel))
            os.replace(link, pad)


def plaats(nieuw: Path, project: Path) -> None:
    """Put the publication folder `nieuw` (site/ and dist/) in the place of the current one, in one
    step; the old one is removed."""
    _koppel(project)
    publicatie = project / PUBLICATIE
    halte("voor-wissel")
    oud = nieuw if publicatie.exists() and _wissel(nieuw, publicatie) else _zet_neer(nieuw, publicatie)
    halte("na-wissel")
    shutil.rmtree(oud, ignore_errors=True)


def _zet_neer(nieuw: Path, publicatie: Path) -> Path:
    """Without an exchange: the old one aside, the new one in its place; where the old one went."""
    oud = publicatie.with_name(f"{OUD}{PUBLICATIE.lstrip('.')}.{os.getpid()}")
    if publicatie.exists():
        publicatie.rename(oud)
    nieuw.rename(publicatie)
    return oud


def ruim_op(project: Path) -> None:
    """Before and after a build: put back what a kill between two renames took away (also site/ or
    dist/ from builds before the publication folder), remove what killed builds left, and make site
    and dist the links into the publication folder, if there is one."""
    for naam in (PUBLICATIE, *DOELEN):
        resten = sorted(project.glob(f"{OUD}{naam.lstrip('.')}.*"))
        if resten and not os.path.lexists(project / naam):
            resten.pop().rename(project / naam)
        for rest in resten:
            shutil.rmtree(rest, ignore_errors=True)
    for rest in project.glob(f"{NIEUW}*"):
        _weg(rest)
    if (project / PUBLICATIE).exists() or any(_gewone_map(project / doel) for doel in DOELEN):
        _koppel(project)
