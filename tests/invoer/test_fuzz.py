"""Fuzzing the loader (hypothesis): random mutations of the real data files (deleted keys, wrong
types, random bytes, duplicated blocks, deep nesting, huge strings) end in a loaded kader or in the
clear FILE:LINE:COL messages, never a traceback or a hang. A short run in the suite; a longer one
with KADER_FUZZ=<number of examples>, e.g. `KADER_FUZZ=2000 ./scripts/test tests/invoer/test_fuzz.py`."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from macros.gegevens.laden import laad
from macros.gegevens.yamlbestand import DataFout

BESTANDEN = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.yaml"))
MELDING = re.compile(r"^data/[\w/.-]+\.yaml:\d+:\d+: \S")
VOORBEELDEN = int(os.environ.get("KADER_FUZZ", "40"))


def _paden(waarde, pad=()):
    """Every place in a parsed YAML value: (path, value)."""
    yield pad, waarde
    if isinstance(waarde, dict):
        for sleutel, kind in waarde.items():
            yield from _paden(kind, pad + (sleutel,))
    elif isinstance(waarde, list):
        for i, kind in enumerate(waarde):
            yield from _paden(kind, pad + (i,))


def _zet(boom, pad, nieuw):
    ouder = boom
    for stap in pad[:-1]:
        ouder = ouder[stap]
    if nieuw is _WEG:
        del ouder[pad[-1]]
    else:
        ouder[pad[-1]] = nieuw


_WEG = object()
ANDERE_WAARDEN = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                           st.text(max_size=30), st.lists(st.integers(), max_size=3),
                           st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


@st.composite
def mutatie(draw):
    """(file, new content as bytes) for one mutation of one data file."""
    naam = draw(st.sampled_from(BESTANDEN))
    tekst = (ROOT / "data" / naam).read_text(encoding="utf-8")
    soort = draw(st.sampled_from(["sleutel weg", "ander type", "bytes", "blok dubbel", "diep", "reuzentekst"]))
    if soort in ("sleutel weg", "ander type", "diep", "reuzentekst"):
        boom = yaml.safe_load(tekst)
        plekken = [pad for pad, _ in _paden(boom) if pad]
        pad = draw(st.sampled_from(plekken))
        if soort == "sleutel weg":
            _zet(boom, pad, _WEG)
        elif soort == "ander type":
            _zet(boom, pad, draw(ANDERE_WAARDEN))
        elif soort == "diep":
            waarde = "x"
            for _ in range(draw(st.integers(1, 200))):
                waarde = [waarde]
            _zet(boom, pad, waarde)
        else:
            _zet(boom, pad, "x" * draw(st.integers(1000, 200_000)))
        return naam, yaml.safe_dump(boom, allow_unicode=True, sort_keys=False, width=10**9).encode("utf-8")
    regels = tekst.encode("utf-8").splitlines(keepends=True)
    if soort == "bytes":
        ruw = b"".join(regels)
        plaats = draw(st.integers(0, len(ruw)))
        return naam, ruw[:plaats] + draw(st.binary(min_size=1, max_size=20)) + ruw[plaats:]
    begin = draw(st.integers(0, len(regels) - 1))
    einde = draw(st.integers(begin + 1, min(len(regels), begin + 30)))
    return naam, b"".join(regels[:einde] + regels[begin:einde] + regels[einde:])


@settings(max_examples=VOORBEELDEN, deadline=10_000, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])
@given(mutatie())
def test_gemuteerde_data_laadt_of_geeft_heldere_meldingen(wijziging):
    naam, inhoud = wijziging
    with tempfile.TemporaryDirectory() as werk:
        data = Path(werk) / "data"
        shutil.copytree(ROOT / "data", data)
        (data / naam).write_bytes(inhoud)
        try:
            laad(data)
        except DataFout as fout:
            meldingen = [str(m) for m in fout.meldingen]
            assert meldingen and all(MELDING.match(m) for m in meldingen), meldingen[:3]
