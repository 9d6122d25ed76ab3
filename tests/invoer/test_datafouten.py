"""Every kind of data error is reported as FILE:LINE:COL: message (what is allowed), all at once,
without a traceback, and the build leaves the previous site untouched."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, kopie_project, mkdocs_build
from macros.gegevens.laden import laad
from macros.gegevens.yamlbestand import DataFout


@pytest.fixture
def data(tmp_path):
    doel = tmp_path / "data"
    shutil.copytree(ROOT / "data", doel)
    return doel


def vervang(bestand, oud: str, nieuw: str) -> int:
    """Replace the first `oud` by `nieuw`; return the line number where `nieuw` starts."""
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst, oud
    plaats = tekst.index(oud)
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return tekst[:plaats].count("\n") + 1


def meldingen(data) -> list[str]:
    with pytest.raises(DataFout) as fout:
        laad(data)
    return [str(m) for m in fout.value.meldingen]


def test_tikfout_in_veldnaam(data):
    regel = vervang(data / "acties/woningen.yaml", "tekst: Signaleer", "tekts: Signaleer")
    ontbreekt, onbekend = meldingen(data)
    assert onbekend == (f"data/acties/woningen.yaml:{regel}:13: onbekend veld 'tekts' (bedoelt u 'tekst'? "
                        "toegestaan: partners, instrumenten, begrippen, id, tekst, sub)")
    assert ontbreekt.startswith(f"data/acties/woningen.yaml:{regel - 1}:13: verplicht veld 'tekst' ontbreekt")


def test_verplicht_veld_ontbreekt_en_leeg_veld(data):
    regel_code = vervang(data / "acties/voertuigen.yaml", "      - code: V-P-01\n        titel:", "      - titel:")
    regel_leeg = vervang(data / "partners.yaml", "naam: Brandweer,", "naam: '',")
    gevonden = meldingen(data)
    assert any(m.startswith(f"data/acties/voertuigen.yaml:{regel_code}:")
               and "verplicht veld 'code' ontbreekt" in m for m in gevonden), gevonden
    assert any(m.startswith(f"data/partners.yaml:{regel_leeg}:") and "'naam' mag niet leeg zijn" in m
               for m in gevonden), gevonden


def test_verkeerd_type(data):
    regel = vervang(data / "acties/bedrijfspanden.yaml", "code: B-D-02", "code: 12")
    [melding] = meldingen(data)
    assert melding == f"data/acties/bedrijfspanden.yaml:{regel}:15: 'code' moet tekst zijn, niet geheel getal"


def test_lijst_verwacht(data):
    regel = vervang(data / "acties/woningen.yaml", "partners: [media]", "partners: media")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/acties/woningen.yaml:{regel}:")
    assert "'partners' moet een lijst zijn" in melding


def test_dubbele_actiecode_over_bestanden(data):
    regel = vervang(data / "acties/bedrijfspanden.yaml", "code: B-D-02", "code: B-D-01")
    gevonden = meldingen(data)
    assert any(m.startswith(f"data/acties/bedrijfspanden.yaml:{regel}:15: actiecode 'B-D-01' bestaat al")
               for m in gevonden), gevonden


def test_code_past_niet_bij_plaats(data):
    regel = vervang(data / "acties/voertuigen.yaml", "code: V-D-01", "code: W-D-99")
    gevonden = meldingen(data)
    assert f"data/acties/voertuigen.yaml:{regel}:15: actiecode 'W-D-99' past niet bij objecttype en fase " \
           "(verwacht: V-D-nn)" in gevonden
    assert any("code 'V-D-01.1' past niet bij de bovenliggende code (verwacht: W-D-99.1" in m for m in gevonden)


def test_onbekende_verwijzingen(data):
    r_partner = vervang(data / "acties/woningen.yaml", "partners: [media]", "partners: [mediaa]")
    r_instrument = vervang(data / "acties/woningen.yaml", "instrumenten: [apv]", "instrumenten: [apv2]")
    r_fase = vervang(data / "acties/voertuigen.yaml", "fase: nazorg", "fase: nazorgg")
    r_thema = vervang(data / "acties/woningen.yaml", "thema: jongeren", "thema: jongere")
    gevonden = meldingen(data)
    verwacht = [
        (f"data/acties/woningen.yaml:{r_partner}:", "onbekende partner 'mediaa' (bedoelt u 'media'?"),
        (f"data/acties/woningen.yaml:{r_instrument}:", "onbekend instrument 'apv2'"),
        (f"data/acties/voertuigen.yaml:{r_fase}:", "onbekende fase 'nazorgg' (bedoelt u 'nazorg'?"),
        (f"data/acties/woningen.yaml:{r_thema}:", "onbekend thema 'jongere'"),
    ]
    for plaats, tekst in verwacht:
        assert any(m.startswith(plaats) and tekst in m for m in gevonden), (plaats, tekst, gevonden)


def test_onbekende_verwijzingen_op_een_actie(data):
    """References on an actie itself are checked as those on its handelingen: place and suggestion."""
    regel = vervang(data / "acties/voertuigen.yaml", "thema: verhoogd-toezicht\n        partners: [politie]\n"
                    "        instrumenten: [cameratoezicht]\n",
                    "thema: verhoogd-toezicht\n        partners: [politiee]\n        instrumenten: [camera]\n"
                    "        begrippen: [ronselaars]\n")
    assert meldingen(data) == [
        f"data/acties/voertuigen.yaml:{regel + 1}:20: onbekende partner 'politiee' (bedoelt u 'politie'? "
        "toegestaan: een id uit data/partners.yaml)",
        f"data/acties/voertuigen.yaml:{regel + 2}:24: onbekend instrument 'camera' (bedoelt u 'cameratoezicht'? "
        "toegestaan: een id uit data/instrumenten.yaml)",
        f"data/acties/voertuigen.yaml:{regel + 3}:21: onbekend begrip 'ronselaars' (bedoelt u 'ronselaar'? "
        "toegestaan: een id uit data/begrippen.yaml)",
    ]


def test_yaml_syntaxfout(data):
    regel = vervang(data / "fasen.yaml", "  - id: direct\n", "  - id: direct\n   naam: [\n")
    gevonden = meldingen(data)
    assert any(m.startswith(f"data/fasen.yaml:{regel + 1}:") and "YAML-syntaxfout" in m for m in gevonden), gevonden


def test_dubbele_sleutel(data):
    regel = vervang(data / "kader.yaml", "uitgever: Offensief", "titel: Nogmaals\nuitgever: Offensief")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/kader.yaml:{regel}:1: veld 'titel' staat twee keer")


def test_geen_geldige_utf8(data):
    bestand = data / "themas.yaml"
    ruw = bestand.read_bytes().replace("Financiële".encode(), "Financi\xeble".encode("latin-1"))
    bestand.write_bytes(ruw)
    regel = ruw[: ruw.index(b"Financi\xeb")].count(b"\n") + 1
    [melding] = meldingen(data)
    assert melding.startswith(f"data/themas.yaml:{regel}:")
    assert "geen geldige UTF-8" in melding


def test_alle_fouten_tegelijk(data):
    vervang(data / "acties/woningen.yaml", "tekst: Signaleer", "tekts: Signaleer")
    vervang(data / "partners.yaml", "naam: Brandweer,", "naam: '',")
    vervang(data / "fasen.yaml", "letter: P", "letter: PP")
    bestanden = {m.split(":")[0] for m in meldingen(data)}
    assert bestanden == {"data/acties/woningen.yaml", "data/partners.yaml", "data/fasen.yaml"}


def test_controle_cli_zonder_traceback(data):
    vervang(data / "acties/woningen.yaml", "tekst: Signaleer", "tekts: Signaleer")
    uitkomst = subprocess.run([sys.executable, "-m", "macros.gegevens.controleer", str(data)],
                              capture_output=True, text=True, cwd=ROOT)
    assert uitkomst.returncode == 1
    assert "Traceback" not in uitkomst.stderr
    assert "data/acties/woningen.yaml:" in uitkomst.stderr and "onbekend veld 'tekts'" in uitkomst.stderr


def test_mkdocs_build_stopt_en_laat_site_staan(tmp_path):
    project = kopie_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "vorige.html").write_text("vorige build", encoding="utf-8")
    vervang(project / "data/acties/woningen.yaml", "tekst: Signaleer", "tekts: Signaleer")
    uitkomst = mkdocs_build(project, site)
    assert uitkomst.returncode != 0
    assert "Traceback" not in uitkomst.stderr + uitkomst.stdout
    assert "data/acties/woningen.yaml:" in uitkomst.stderr + uitkomst.stdout
    assert [p.name for p in site.iterdir()] == ["vorige.html"]


def test_geen_spoedfase_is_een_datamelding(tmp_path):
    """Without a phase marked `spoed` the build stops with a data message, not a template error."""
    project = kopie_project(tmp_path / "project")
    vervang(project / "data/fasen.yaml", "    spoed: true\n", "")
    [melding] = meldingen(project / "data")
    assert melding.startswith("data/fasen.yaml:4:3: geen fase met 'spoed: true'")
    uitkomst = mkdocs_build(project, tmp_path / "site")
    assert uitkomst.returncode != 0
    uitvoer = uitkomst.stderr + uitkomst.stdout
    assert "Traceback" not in uitvoer and "jinja" not in uitvoer.lower()
    assert "data/fasen.yaml:4:3: geen fase met 'spoed: true'" in uitvoer


def test_twee_spoedfasen(data):
    regel = vervang(data / "fasen.yaml", "    letter: H\n", "    letter: H\n    spoed: true\n")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/fasen.yaml:{regel + 1}:12: fase 'dreiging' heeft ook 'spoed: true'")


def test_zoekwoord_met_onbekende_actiecode(data):
    """An editor's search word that points at an actie that does not exist stops the build."""
    regel = vervang(data / "zoekwoorden.yaml", "acties: [W-D-05, B-D-05, V-D-05]\n    reden: De tekst spreekt van een mediabericht.",
                    "acties: [W-D-05, B-D-50, V-D-05]\n    reden: De tekst spreekt van een mediabericht.")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/zoekwoorden.yaml:{regel}:22: onbekende actiecode 'B-D-50' (bedoelt u 'B-D-")
    assert melding.endswith("toegestaan: een actiecode uit data/acties/)")


def test_zoekwoord_dubbel(data):
    regel = vervang(data / "zoekwoorden.yaml", "woord: nieuwsbericht", "woord: persbericht")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/zoekwoorden.yaml:{regel}:12: zoekwoord 'persbericht' bestaat al "
                              f"(data/zoekwoorden.yaml:")


def test_zoekwoord_verkeerd_gevormd(data):
    regel_vorm = vervang(data / "zoekwoorden.yaml", "woord: hotel", "woord: Hotel!")
    regel_code = vervang(data / "zoekwoorden.yaml", "acties: [V-P-08]", "acties: [V-P-8]")
    gevonden = meldingen(data)
    assert f"data/zoekwoorden.yaml:{regel_vorm}:12: 'Hotel!' is geen geldige waarde voor 'woord' (vorm: kleine " \
           "letters en cijfers; meer woorden gescheiden door één spatie, zoals 'sociale media')" in gevonden, gevonden
    assert f"data/zoekwoorden.yaml:{regel_code}:14: 'V-P-8' is geen geldige waarde voor 'acties' " \
           "(vorm: objecttype-fase-nummer, zoals 'W-D-03')" in gevonden, gevonden


def test_zoekwoord_zie_staat_niet_in_het_kader(data):
    """A search word stands for words of the kader ('zie'): a word the kader does not use stops the build."""
    regel = vervang(data / "zoekwoorden.yaml", "    zie: [woning]\n    reden: \"Spreektaal: een huis",
                    "    zie: [woonboot]\n    reden: \"Spreektaal: een huis")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/zoekwoorden.yaml:{regel}:11: 'woonboot' staat niet in het kader (woonboot)"), melding


def test_zoekwoord_leidt_nergens_heen(data):
    """A search word with neither acties nor 'zie' stops the build."""
    regel = vervang(data / "zoekwoorden.yaml", "  - woord: woonhuis\n    zie: [woning]\n", "  - woord: woonhuis\n")
    [melding] = meldingen(data)
    assert melding.startswith(f"data/zoekwoorden.yaml:{regel}:") and "'woonhuis' leidt nergens heen" in melding, melding


def test_lidwoord_van_een_partner(data):
    """A partner's article is one of de, het, geen; a partner without one is reported too."""
    r_fout = vervang(data / "partners.yaml", "naam: Brandweer, soort: organisatie, lidwoord: de",
                     "naam: Brandweer, soort: organisatie, lidwoord: den")
    r_zonder = vervang(data / "partners.yaml", "naam: Zorg, soort: netwerk, lidwoord: de, ", "naam: Zorg, soort: netwerk, ")
    fout, zonder = meldingen(data)
    assert fout.startswith(f"data/partners.yaml:{r_fout}:") and "'den' is geen toegestane waarde voor 'lidwoord'" in fout
    assert fout.endswith("(toegestaan: 'de', 'het' of 'geen')")
    assert zonder.startswith(f"data/partners.yaml:{r_zonder}:") and "verplicht veld 'lidwoord' ontbreekt" in zonder
