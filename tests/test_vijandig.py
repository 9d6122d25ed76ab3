"""The held-out hostile cases (tests/vijandig/*.yaml), written by people who saw neither the tests nor
the code, each as a value in one field or one environment variable with what must happen; every
case must hold (tests/vijandige_gevallen.py runs them against the real checker and build)."""
from __future__ import annotations

from pathlib import Path

import pytest

from vijandige_gevallen import beoordeel, lees

SETS = sorted((Path(__file__).parent / "vijandig").glob("*.yaml"))


@pytest.mark.parametrize("bestand", SETS, ids=[p.stem for p in SETS])
def test_elk_vijandig_geval_houdt(bestand, browser, tmp_path):
    gevallen = lees(bestand)
    uitslag = beoordeel(gevallen, tmp_path, browser)
    fout = [f"{g.id} ({g.verwacht}): {uitslag[g.id][0]} — {g.waarom}" for g in gevallen if not uitslag[g.id][1]]
    assert not fout, "\n".join(fout)
