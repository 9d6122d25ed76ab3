"""The editorial checks report the known slips of the November 2025 edition, and nothing is rewritten."""
from __future__ import annotations

import dataclasses

from macros.gegevens.signalen import signaleer


def test_bekende_slordigheden_worden_gemeld(kader):
    signalen = {(s.code, s.tekst.split(" ")[0]) for s in signaleer(kader)}
    verwacht = {
        ("W-D-08.2c", "herhaalt"),          # Pandsluiting as handeling and as sub-item
        ("W-H-03.3", "herhaalt"),           # Herlocatie slachtoffer twice
        ("V-P-08.1", "staat"),              # Stel woordvoeringslijn op. in two acties
        ("V-D-04.6", "noemt"),              # the 'pand' line under Voertuigen
        ("B-H-06", "'BEWONERSBIJENKOMST'"),  # typo in a title
        ("W-D-05.3", "'Informeel'"),        # Informeel for Informeer
        ("B-P-08", "actietitel"),           # title ending in a full stop
        ("V-D-07", "gelijk"),               # copy of B-D-08 minus one line
    }
    assert verwacht <= signalen, verwacht - signalen


def test_tekst_blijft_letterlijk(kader):
    teksten = {d.tekst for p in kader.plekken() for h in p.actie.handelingen for d in (h, *h.sub)}
    assert "Stem af met Politie en OM (driehoek). Informeel tijdig omwonenden (onrust voorkomen)." in teksten
    assert "BEDRIJVEN- /BEWONERSBIJENKOMST" in {p.actie.titel for p in kader.plekken()}


def test_schone_data_geeft_geen_signalen(kader):
    schoon = dataclasses.replace(kader, acties={
        sleutel: [a for a in acties if a.code == "W-P-04"] for sleutel, acties in kader.acties.items()})
    assert signaleer(schoon) == []
