"""What a build prepares once and reads after: a copy in the virtual environment (marshal: built-in
types only, nothing executed), named by a key that holds everything it was made from (the caller's
inputs and library versions, and the Python version), so a change makes a new copy.

- the word resources of the search index (macros/zoeken/woorden.py): reading wordfreq's word list
  and simplemma's dictionary takes every build process a second, the copy a fifth of that;
- the web fonts cut to the site's characters (macros/web/lettertypen.py).

Where the environment cannot be written, every build makes them itself."""
from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Callable

MAP = Path(sys.prefix) / "var" / "cache" / "handelingskader"


def versies(*pakketten: str) -> str:
    """The installed versions of these packages, for a key."""
    return "|".join(f"{p}={version(p)}" for p in pakketten)


def _pad(naam: str, sleutel: str) -> Path:
    bron = f"{sleutel}|{sys.version_info[:2]}|{marshal.version}"
    return MAP / f"{naam}-{hashlib.sha256(bron.encode()).hexdigest()[:16]}.marshal"


def bewaard(naam: str, sleutel: str, maak: Callable[[], object], houd: int = 1) -> object:
    """What `maak` makes, from the copy if there is one for `sleutel`; of `naam`, the `houd` copies
    used last are kept."""
    pad = _pad(naam, sleutel)
    try:
        waarde = marshal.loads(pad.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    else:
        if houd > 1:
            with contextlib.suppress(OSError):
                os.utime(pad)  # used last
        return waarde
    waarde = maak()
    try:
        _schrijf(naam, pad, marshal.dumps(waarde), houd)
    except OSError:
        pass
    return waarde


def _schrijf(naam: str, pad: Path, inhoud: bytes, houd: int) -> None:
    """Whole or not at all (two builds at once each write a file of their own and rename it); of the
    other copies of `naam`, those used longest ago go."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = tempfile.NamedTemporaryFile(dir=pad.parent, prefix=".", delete=False)
    try:
        with tijdelijk:
            tijdelijk.write(inhoud)
        os.chmod(tijdelijk.name, 0o644)  # as the installation's other files: every user's build reads it
        os.replace(tijdelijk.name, pad)
    finally:
        Path(tijdelijk.name).unlink(missing_ok=True)
    anderen = sorted((p for p in pad.parent.glob(f"{naam}-{'?' * 16}.marshal") if p != pad), key=_gebruikt, reverse=True)
    for oud in anderen[houd - 1:]:
        oud.unlink(missing_ok=True)


def _gebruikt(pad: Path) -> float:
    try:
        return pad.stat().st_mtime
    except OSError:
        return 0.0
