"""Word resources prepared once per installation.

Reading wordfreq's word list and simplemma's dictionary takes every build process a second; a copy
in the virtual environment (marshal: built-in types only, nothing executed) takes a fifth of that.
Its name holds the versions it was made from, so a new version of either library makes a new copy.
Where the environment cannot be written, every build makes the resources itself."""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Callable

MAP = Path(sys.prefix) / "var" / "cache" / "handelingskader"


def _pad(naam: str, sleutel: str) -> Path:
    bron = f"{sleutel}|{version('wordfreq')}|{version('simplemma')}|{sys.version_info[:2]}|{marshal.version}"
    return MAP / f"{naam}-{hashlib.sha256(bron.encode()).hexdigest()[:16]}.marshal"


def bewaard(naam: str, sleutel: str, maak: Callable[[], object]) -> object:
    """What `maak` makes, from the copy if there is one for `sleutel` and these versions."""
    pad = _pad(naam, sleutel)
    try:
        return marshal.loads(pad.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    waarde = maak()
    try:
        _schrijf(naam, pad, marshal.dumps(waarde))
    except OSError:
        pass
    return waarde


def _schrijf(naam: str, pad: Path, inhoud: bytes) -> None:
    """Whole or not at all (two builds at once each write a file of their own and rename it); the
    copies of other versions go."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = tempfile.NamedTemporaryFile(dir=pad.parent, prefix=".", delete=False)
    try:
        with tijdelijk:
            tijdelijk.write(inhoud)
        os.chmod(tijdelijk.name, 0o644)  # as the installation's other files: every user's build reads it
        os.replace(tijdelijk.name, pad)
    finally:
        Path(tijdelijk.name).unlink(missing_ok=True)
    for oud in pad.parent.glob(f"{naam}-*.marshal"):
        if oud != pad:
            oud.unlink(missing_ok=True)
