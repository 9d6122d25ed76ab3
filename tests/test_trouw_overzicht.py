"""The data holds the official Overzicht acties (edition November 2025) completely and verbatim."""
from __future__ import annotations

import pytest

from bron_overzicht import lees_overzicht

BRON = lees_overzicht()
COMBINATIES = sorted({(a.objecttype, a.fase) for a in BRON})


def test_aantallen_van_de_uitgave():
    assert len(BRON) == 88
    assert sum(len(a.handelingen) for a in BRON) == 190
    assert sum(len(h.sub) for a in BRON for h in a.handelingen) == 64


def test_data_heeft_dezelfde_aantallen(kader):
    plekken = list(kader.plekken())
    assert len(plekken) == 88
    assert sum(len(p.actie.handelingen) for p in plekken) == 190
    assert sum(len(h.sub) for p in plekken for h in p.actie.handelingen) == 64


@pytest.mark.parametrize("objecttype,fase", COMBINATIES)
def test_acties_letterlijk_en_op_volgorde(kader, objecttype, fase):
    verwacht = [(a.titel, [(h.tekst, h.sub) for h in a.handelingen])
                for a in BRON if (a.objecttype, a.fase) == (objecttype, fase)]
    ot = next(o for o in kader.objecttypen if o.id == objecttype)
    fs = next(f for f in kader.fasen if f.id == fase)
    gevonden = [(a.titel, [(h.tekst, [s.tekst for s in h.sub]) for h in a.handelingen])
                for a in kader.fase_acties(ot, fs)]
    assert gevonden == verwacht


def test_doorlopende_regel_blijft_bij_zijn_handeling(kader):
    teksten = [h.tekst for p in kader.plekken() for h in p.actie.handelingen]
    assert "Stem af met Politie en OM (driehoek). Informeel tijdig omwonenden (onrust voorkomen)." in teksten


def test_voorblad_letterlijk(kader):
    bron = " ".join(BRON_TEKST.split())
    for tekst in [kader.kader.inleiding, kader.kader.offensief, kader.kader.ondertitel, kader.kader.editie.naam,
                  kader.kader.meer_informatie.tekst, kader.kader.meer_informatie.url]:
        assert tekst in bron


def test_fasen_en_objecttypen_zoals_de_uitgave(kader):
    assert [f.naam for f in kader.fasen] == ["Preventie", "Direct na een explosie", "Dreiging (herhaal)explosies",
                                             "Dagen/weken na een aanslag (nazorg)"]
    assert [o.naam for o in kader.objecttypen] == ["Woningen", "Bedrijfspanden", "Voertuigen"]


from bron_overzicht import BRON as BRON_PAD  # noqa: E402

BRON_TEKST = BRON_PAD.read_text(encoding="utf-8")
