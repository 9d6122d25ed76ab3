"""A hedge for MkDocs 1.x's end of life: ProperDocs (a maintained drop-in for MkDocs 1.x) builds this
project to the same site, every file byte for byte but the generator tag (docs/platform.md)."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, SITE_URL

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _bouw(generator: str, doel) -> dict[str, bytes]:
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "KADER_ZONDER_PDF": "1"}
    uitkomst = subprocess.run([sys.executable, "-m", generator, "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(doel)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert uitkomst.returncode == 0, uitkomst.stderr[-3000:]
    return {p.relative_to(doel).as_posix(): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(doel.rglob("*"))
            if p.is_file() and p.suffix != ".gz"}


def test_properdocs_bouwt_dezelfde_site(tmp_path):
    mkdocs, properdocs = _bouw("mkdocs", tmp_path / "mkdocs"), _bouw("properdocs", tmp_path / "properdocs")
    assert sorted(properdocs) == sorted(mkdocs)
    anders = [naam for naam in mkdocs if mkdocs[naam] != properdocs[naam]]
    assert not anders, anders[:10]
    assert len([n for n in mkdocs if n.endswith(".html")]) > 90
