"""The held-out hostile cases (tests/invoer/vijandig/*.yaml), written by people who saw neither the tests nor
the code, each as a value in one field or one environment variable with what must happen; every
case must hold (tests/vijandige_gevallen.py runs them against the real checker and build)."""
from __future__ import annotations

from pathlib import Path

from vijandige_gevallen import beoordeel, lees

SETS = sorted((Path(__file__).parent / "vijandig").glob("*.yaml"))


def test_elk_vijandig_geval_houdt(browser, tmp_path):
    gevallen = [geval for bestand in SETS for geval in lees(bestand)]  # ids are unique across the sets
    assert len({g.id for g in gevallen}) == len(gevallen)
    uitslag = beoordeel(gevallen, tmp_path, browser)
    fout = [f"{g.id} ({g.verwacht}): {uitslag[g.id][0]} — {g.waarom}" for g in gevallen if not uitslag[g.id][1]]
    assert not fout, "\n".join(fout)
