"""The intranet bundles: the built site as a zip for a web server, the offline build as a zip to open
from a folder or network share (file://), and SHA256SUMS to verify them.

Zips are reproducible: entries sorted, one fixed time for all (the build's moment, see
gegevens/moment.py), fixed permissions.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from ..gegevens.moment import bouwmoment, zipmoment

SOMMEN = "SHA256SUMS"


def zip_map(map_: Path, doel: Path, topmap: str, moment: tuple) -> Path:
    """Every file below `map_` in `doel`, under the folder `topmap`, reproducibly."""
    with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archief:
        for pad in sorted(p for p in map_.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{topmap}/{pad.relative_to(map_).as_posix()}", date_time=moment)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archief.writestr(info, pad.read_bytes())
    return doel


def sha256sums(bestanden: list[Path]) -> str:
    """The lines of a SHA256SUMS file (`sha256sum -c` reads it)."""
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in bestanden)


def bundel(online: Path, offline: Path, dist: Path, naam: str, editie_id: str) -> list[Path]:
    """Both bundles and SHA256SUMS in `dist`; `naam` is e.g. 'handelingskader-2025-11'."""
    dist.mkdir(parents=True, exist_ok=True)
    moment = zipmoment(bouwmoment(editie_id))
    bundels = [zip_map(online, dist / f"{naam}.zip", naam, moment),
               zip_map(offline, dist / f"{naam}-offline.zip", f"{naam}-offline", moment)]
    (dist / SOMMEN).write_text(sha256sums(bundels), encoding="utf-8")
    return bundels
