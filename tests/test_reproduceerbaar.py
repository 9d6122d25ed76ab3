"""A build is a promise: the same sources give the same bytes, whenever they are built, and a change
in the data changes exactly the files that show it."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SITE_URL, kopie_project


def _hashes(werk: Path) -> dict[str, str]:
    """Every file of a publication (site, offline site, bundles) by its path, with its SHA-256."""
    return {p.relative_to(werk).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(werk.rglob("*")) if p.is_file()}


def _publiceer(project: Path, werk: Path, *voor: str, **omgeving: str) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(KADER_SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1", **omgeving)
    uitkomst = subprocess.run([*voor, sys.executable, "-m", "macros.uitgave", str(werk), str(project)],
                              capture_output=True, text=True, env=env, cwd=ROOT)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return werk


# One word added to W-D-03.1 (woningen, direct na een explosie; theme "eventuele dader"; names no
# partner, instrument or term): the files that show that handeling, and nothing else; and the
# editor's report beside the bundles, which now says that the data differs from the frozen edition 2025-11.
GEWIJZIGD = {
    "dist/redactie/verslag.json", "dist/redactie/verslag.html", "dist/redactie/verslag.txt",
    *(f"site/{pagina}/index.html" for pagina in ("woningen/direct", "fasen/direct", "themas/eventuele-dader")),
    *(f"offline/{pagina}.html" for pagina in ("woningen/direct", "fasen/direct", "themas/eventuele-dader")),
    "site/search/zoekindex.json", "offline/search/search_index.json", "offline/search/search_index.js",
    *(f"{kant}/downloads/{naam}" for kant in ("site", "offline") for naam in (
        "handelingskader.json", "handelingskader.csv", "overzicht-acties.pdf", "zakkaarten-a6.pdf",
        "zakkaarten-a4.pdf")),
    "dist/handelingskader-2025-11.zip", "dist/handelingskader-2025-11-offline.zip", "dist/SHA256SUMS",
}


@pytest.mark.skipif(not shutil.which("faketime"), reason="faketime (Debian) ontbreekt: scripts/setup test")
def test_andere_klok_en_een_gewijzigde_handeling_veranderen_precies_de_bestanden_die_haar_tonen(publicatie, tmp_path):
    """A second whole publication, with the clock 400 days and 5 hours ahead and one word added to a
    handeling: exactly the files that show that handeling differ, nothing that holds a time (sitemaps,
    zip entries, PDF dates), and nothing is left in the temporary folder (WeasyPrint's font copies)."""
    project = kopie_project(tmp_path / "project")
    bestand = project / "data/acties/woningen.yaml"
    oud = "Controleer of dader al bekend is in gemeentelijke aanpak"
    tekst = bestand.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1
    bestand.write_text(tekst.replace(oud, "Controleer of dader al bekend is in de gemeentelijke aanpak"), encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    tweede = _publiceer(project, tmp_path / "later", "faketime", "-f", "+400d5h", TMPDIR=str(temp))
    assert list(temp.iterdir()) == []
    eerste, later = _hashes(publicatie), _hashes(tweede)
    assert sorted(eerste) == sorted(later)
    assert {pad for pad in eerste if eerste[pad] != later[pad]} == GEWIJZIGD
