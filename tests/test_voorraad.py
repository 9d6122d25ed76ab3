"""The prepared copy of the word resources (macros/voorraad.py): made once, read after, the same
as what it copies; a damaged or unwritable copy never stops a build."""
from __future__ import annotations

import marshal
import os
import time

import pytest

from conftest import ROOT
from macros import voorraad
from macros.zoeken.woorden import TAAL, Woordenboek, maak_bronnen


@pytest.fixture
def map_(tmp_path, monkeypatch):
    monkeypatch.setattr(voorraad, "MAP", tmp_path / "cache")
    return tmp_path / "cache"


def _teller(waarde):
    gemaakt = []

    def maak():
        gemaakt.append(1)
        return waarde
    return maak, gemaakt


def test_eenmaal_gemaakt_daarna_gelezen_door_iedereen(map_):
    maak, gemaakt = _teller({b"vorm": [b"lemma"], "lijst": ["a", "b"]})
    assert voorraad.bewaard("proef", "x", maak) == voorraad.bewaard("proef", "x", maak) == maak()
    assert len(gemaakt) == 2  # once by the first call, once by the comparison
    [kopie] = map_.iterdir()
    assert kopie.stat().st_mode & 0o777 == 0o644 and not [p for p in map_.iterdir() if p.name.startswith(".")]


def test_beschadigde_kopie_wordt_opnieuw_gemaakt(map_):
    maak, gemaakt = _teller(list(range(1000)))
    voorraad.bewaard("proef", "x", maak)
    [kopie] = map_.iterdir()
    kopie.write_bytes(kopie.read_bytes()[:100])
    assert voorraad.bewaard("proef", "x", maak) == list(range(1000)) and len(gemaakt) == 2
    assert marshal.loads(kopie.read_bytes()) == list(range(1000))


def test_andere_sleutel_vervangt_de_oude_kopie(map_):
    voorraad.bewaard("proef", "x", lambda: 1)
    assert voorraad.bewaard("proef", "y", lambda: 2) == 2
    assert [marshal.loads(p.read_bytes()) for p in map_.iterdir()] == [2]


@pytest.mark.skipif(os.geteuid() == 0, reason="root schrijft ook in een map zonder schrijfrechten")
def test_onbeschrijfbare_installatie_maakt_het_elke_keer(map_):
    map_.mkdir(mode=0o555)
    maak, gemaakt = _teller("waarde")
    assert voorraad.bewaard("proef", "x", maak) == voorraad.bewaard("proef", "x", maak) == "waarde"
    assert len(gemaakt) == 2 and list(map_.iterdir()) == []


def test_onbeschrijfbare_plek_maakt_het_elke_keer(map_):
    map_.parent.joinpath("cache").write_text("een bestand, geen map")  # mkdir fails, as root too
    maak, gemaakt = _teller("waarde")
    assert voorraad.bewaard("proef", "x", maak) == voorraad.bewaard("proef", "x", maak) == "waarde"
    assert len(gemaakt) == 2


def test_kopie_van_de_installatie_is_wat_wordfreq_en_simplemma_geven():
    """What a build reads (made by an earlier build in this environment, or now) equals what the two
    libraries give this moment."""
    assert Woordenboek()._bronnen == maak_bronnen()


def test_bytes_van_simplemma_zijn_zijn_woordenboek():
    """The bytes the resources take from simplemma are what its public dictionary gives, decoded."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    _, vorm_lemma, lemma_vormen = maak_bronnen()
    assert {v.decode(): l.decode() for v, l in vorm_lemma.items()} == dict(DefaultDictionaryFactory().get_dictionary(TAAL).items())
    assert sum(map(len, lemma_vormen.values())) == len(vorm_lemma)


def test_houd_bewaart_de_laatst_gebruikte_kopieen(map_):
    for sleutel in ("a", "b", "a", "c"):  # 'a' used again after 'b': 'b' goes when 'c' comes
        voorraad.bewaard("proef", sleutel, lambda: sleutel, houd=2)
        time.sleep(0.05)  # file times move in steps of a few milliseconds
    assert sorted(marshal.loads(p.read_bytes()) for p in map_.iterdir()) == ["a", "c"]


def test_namen_delen_geen_kopieen(map_):
    voorraad.bewaard("proef", "x", lambda: 1)
    voorraad.bewaard("proef-2", "x", lambda: 2)
    assert voorraad.bewaard("proef", "x", lambda: 3) == 1


def test_lettertype_uit_de_kopie_is_het_lettertype_dat_nu_gesneden_wordt(tmp_path):
    """A web font as a build gets it (from the copy of an earlier build, or cut now) is what
    HarfBuzz cuts from the project's font this moment."""
    from macros.web.lettertypen import ALTIJD, _gesneden, verklein
    bron = ROOT / "overrides/assets/fonts/Inter-Regular.woff2"
    tekens = set(ALTIJD) | {ord("€"), ord("–")}
    for _ in range(2):
        kopie = tmp_path / bron.name
        kopie.write_bytes(bron.read_bytes())
        verklein(kopie, tekens)
        assert kopie.read_bytes() == _gesneden(bron.read_bytes(), tekens, bron.name)
