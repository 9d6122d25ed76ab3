"""The prepared copy of the word resources (macros/zoeken/voorraad.py): made once, read after, the same
as what it copies; a damaged or unwritable copy never stops a build."""
from __future__ import annotations

import marshal
import os

import pytest

from macros.zoeken import voorraad
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
