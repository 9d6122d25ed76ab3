"""The checklist's hand-over to the next shift (docs/checklijst.md) in Chromium: the
saved file (JSON with its published schema, the readable text inside) opened in a fresh browser
brings back ticks with their times, notes and details; a file of another edition or with changed
texts is shown with its differences and applied only when the reader says so; a broken or foreign
file changes nothing; two incidents on one night stay apart; records are cleared a set number of
days after their last change, with a notice beforehand; two sites on one origin do not share; and
nothing is sent over the network."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from playwright.sync_api import expect

from conftest import ROOT, SITE_URL
from test_checklijst import (PAD, PRIVACY, _als_bestand, _bestand, _bijna_verlopen, _zaai, open_pagina,
                             record, records, sitepad, sleutel, sleutel_v1, tijd, vinkje, vul_in, zet_aan)
from macros.instellingen import BEWAARDAGEN
from macros.web.checklijst import SCRIPT, schema_uit_script
from webserver import serveer

KIEZER = "#checklijst-bestand"


@pytest.fixture(scope="module")
def editie(kader) -> str:
    return kader.kader.editie.id


@pytest.fixture(scope="module")
def schema(site) -> dict:
    """The schema as the site publishes it."""
    return json.loads((site / "downloads/checklijst.schema.json").read_text(encoding="utf-8"))


def nieuwe_context(browser):
    return browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True)


def status(pagina):
    return pagina.locator(".checklijst-status")


def opslaan(pagina, knop: str = "Opslaan als bestand"):
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name=knop).click()
    return download.value


def teksten(pagina) -> dict[str, str]:
    return pagina.locator("span.handeling[id]").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.id, e.textContent.replace(/\\s+/g, ' ').trim()]))")


def geldig_bestand(editie: str, huidig: dict, **anders) -> dict:
    """A file as the script saves it (of another incident and shift), with `anders` changed."""
    data = {"soort": "handelingskader-checklijst", "versie": 2, "editie": editie, "pagina": "woningen/direct",
            "incident": "a1b2c3d4e5f60718", "aangemaakt": "2025-11-12T01:00:00.000Z",
            "bijgewerkt": "2025-11-12T01:30:00.000Z", "gegevens": {"incident": "Explosie achterdeur", "datum": "2025-11-12"},
            "vinkjes": {"w-d-01.1": {"code": "W-D-01.1", "tijd": "2025-11-12T01:05:00.000Z", "tekst": huidig["w-d-01.1"],
                                     "editie": editie},
                        "w-d-01.2": {"code": "W-D-01.2", "tijd": "2025-11-12T01:06:00.000Z", "tekst": huidig["w-d-01.2"],
                                     "editie": editie}},
            "notities": {"w-d-03": {"code": "W-D-03", "titel": "W-D-03 EVENTUELE DADER", "tekst": "Wijkagent belt",
                                    "editie": editie}},
            "gewijzigd": [], "overgenomenUit": None}
    data.update(anders)
    return data


def test_schema_in_het_script_is_de_download(site, schema):
    """One schema: the script validates against what it holds, the site publishes the same."""
    assert schema == schema_uit_script((ROOT / "overrides" / SCRIPT).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["soort"] == {"const": "handelingskader-checklijst"}


def test_bewaardagen_is_een_instelling_van_de_site():
    from macros.instellingen import KaderConfig
    for waarde, goed in [(7, True), (BEWAARDAGEN, True), (0, False), (-3, False), (400, False), ("30", False)]:
        config = KaderConfig()
        config.load_dict({"checklijst_bewaardagen": waarde})
        fouten, _ = config.validate()
        assert (not fouten) == goed, (waarde, fouten)
        if goed:
            assert config.checklijst_bewaardagen == waarde
    standaard = KaderConfig()
    standaard.load_dict({})
    assert standaard.validate() == ([], []) and standaard.checklijst_bewaardagen == 30


def test_bestand_opent_op_een_ander_apparaat(browser, basis, editie, schema, tmp_path):
    """Ticks, notes and details saved as a file in one browser come back in a fresh one, where opening
    the file loads or sends nothing."""
    eerste = nieuwe_context(browser)
    pagina = open_pagina(eerste, basis + PAD)
    vul_in(pagina, "w-d-01.2", "w-d-08.2a")
    pagina.get_by_label("Naam", exact=True).fill("J. de Vries")
    download = opslaan(pagina)
    incident = record(pagina, editie)["incident"]
    assert re.fullmatch(rf"checklijst-woningen-direct-{editie}-20251112-0312-{incident[:6]}\.json",
                        download.suggested_filename)
    pad = tmp_path / download.suggested_filename  # carried to the other device
    download.save_as(pad)
    data = json.loads(pad.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["$schema"] == SITE_URL + "downloads/checklijst.schema.json"  # the published schema
    assert (data["editie"], data["pagina"], data["incident"]) == (editie, "woningen/direct", incident)
    assert data["vinkjes"]["w-d-01.2"] == {"code": "W-D-01.2", "tijd": "2025-11-12T02:12:00.000Z",
                                           "tekst": "Regel noodopvang (Stichting Salvage, woningcorporatie).",
                                           "editie": editie}
    assert data["gegevens"] == {"incident": "Explosie voordeur", "adres": "Dorpsstraat 12", "naam": "J. de Vries",
                                "datum": "2025-11-12"}
    assert "Incident: Explosie voordeur" in data["tekst"] and "[x] W-D-01.2 Regel noodopvang (Stichting Salvage, " \
        "woningcorporatie). (afgevinkt om 03:12)" in data["tekst"]  # the readable text inside
    assert not {"aan", "site"} & set(data)
    eerste.close()

    tweede = nieuwe_context(browser)
    verzoeken = []
    tweede.on("request", lambda r: verzoeken.append((r.method, r.url)))
    pagina = open_pagina(tweede, basis + PAD)
    assert records(pagina) == []
    zet_aan(pagina)
    expect(vinkje(pagina, "w-d-01.2")).not_to_be_checked()
    verzoeken.clear()
    pagina.locator(KIEZER).set_input_files(pad)
    expect(status(pagina)).to_have_text(f"Bestand {pad.name} geopend: 2 vinkjes en 1 notitie overgenomen.")
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    expect(vinkje(pagina, "w-d-08.2a")).to_be_checked()
    expect(vinkje(pagina, "w-d-01.1")).not_to_be_checked()
    expect(tijd(pagina, "w-d-01.2")).to_have_text("Afgevinkt om 03:12")
    expect(pagina.locator("[id='checklijst-notitie-w-d-04']")).to_have_value("PD afgezet tot 06:00\nPolitie ter plaatse")
    for veld, waarde in [("Incident", "Explosie voordeur"), ("Adres", "Dorpsstraat 12"), ("Naam", "J. de Vries"),
                         ("Datum", "2025-11-12")]:
        expect(pagina.get_by_label(veld, exact=True)).to_have_value(waarde)
    assert verzoeken == []  # opening the file loaded or sent nothing
    hersteld = record(pagina, editie)
    assert hersteld["incident"] == incident and hersteld["vinkjes"] == data["vinkjes"]
    assert hersteld["_sleutel"] == sleutel(pagina.url, editie, incident)
    pagina.reload()  # kept in this browser from now on
    expect(vinkje(pagina, "w-d-08.2a")).to_be_checked()
    assert [m for m, _ in verzoeken if m != "GET"] == []
    assert [u for _, u in verzoeken if not u.startswith(basis.split("/intranet/")[0])] == []
    tweede.close()


def test_andere_editie_of_tekst_eerst_getoond_nooit_stil_toegepast(browser, basis, editie, schema):
    context = nieuwe_context(browser)
    pagina = open_pagina(context, basis + PAD)
    zet_aan(pagina)
    huidig = teksten(pagina)
    ouder = geldig_bestand("2025-05", huidig)
    ouder["vinkjes"]["w-d-01.2"]["tekst"] = "Regel noodopvang (Stichting Salvage)."
    jsonschema.validate(ouder, schema, cls=jsonschema.Draft202012Validator)
    voor = records(pagina)
    controle = pagina.get_by_role("region", name="Bestand controleren voor u het overneemt")

    pagina.locator(KIEZER).set_input_files(_bestand("vorige-dienst.json", ouder))
    expect(controle).to_be_visible()
    expect(controle).to_contain_text("is ingevuld bij editie 2025-05; deze pagina is editie " + editie)
    regel = controle.locator("li[data-code='W-D-01.2']")
    expect(regel).to_contain_text("Regel noodopvang (Stichting Salvage).")
    expect(regel).to_contain_text(huidig["w-d-01.2"])
    assert controle.locator("li").count() == 1
    expect(controle).to_contain_text("Wat gelijk is gebleven wordt overgenomen: 1 vinkje en 1 notitie")
    expect(pagina.locator("#checklijst-controle-kop")).to_be_focused()
    expect(vinkje(pagina, "w-d-01.1")).not_to_be_checked()  # nothing applied while it is shown
    assert records(pagina) == voor
    controle.get_by_role("button", name="Niet overnemen").click()
    expect(controle).to_be_hidden()
    expect(status(pagina)).to_have_text("Niets overgenomen uit vorige-dienst.json.")
    assert records(pagina) == voor

    pagina.locator(KIEZER).set_input_files(_bestand("vorige-dienst.json", ouder))
    controle.get_by_role("button", name="Overnemen wat gelijk is").click()
    expect(vinkje(pagina, "w-d-01.1")).to_be_checked()
    expect(tijd(pagina, "w-d-01.1")).to_have_text("Afgevinkt om 02:05")
    expect(vinkje(pagina, "w-d-01.2")).not_to_be_checked()
    expect(pagina.locator("[id='checklijst-notitie-w-d-03']")).to_have_value("Wijkagent belt")
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie achterdeur")
    melding = pagina.get_by_role("region", name="Let op: gewijzigde onderdelen")
    expect(melding.locator("li[data-code='W-D-01.2']")).to_contain_text("Regel noodopvang (Stichting Salvage).")
    opgeslagen = record(pagina, editie)
    assert set(opgeslagen["vinkjes"]) == {"w-d-01.1"} and opgeslagen["overgenomenUit"] == "2025-05"

    # the same edition, one text changed (a corrected text): shown first as well
    zelfde = geldig_bestand(editie, huidig, incident="0f0f0f0f0f0f0f0f")
    zelfde["vinkjes"]["w-d-01.1"]["tekst"] = "Zorg voor hulp."
    pagina.locator(KIEZER).set_input_files(_bestand("zelfde.json", zelfde))
    expect(controle.locator("li[data-code='W-D-01.1']")).to_contain_text("Zorg voor hulp.")
    controle.get_by_role("button", name="Niet overnemen").click()
    assert [r["incident"] for r in records(pagina) if r["editie"] == editie] == [opgeslagen["incident"]]
    context.close()


def _kapotte_bestanden(editie: str, huidig: dict) -> dict[str, tuple[bytes | dict | list, str]]:
    """File name -> (content, what the message says)."""
    goed = geldig_bestand(editie, huidig)
    tijd_fout = json.loads(json.dumps(goed))
    tijd_fout["vinkjes"]["w-d-01.1"]["tijd"] = "gisteren om drie uur"
    proto = json.dumps(goed).replace('"w-d-01.1":', '"__proto__":', 1).encode()
    return {
        "kapot.json": (b'{"soort": "handelingskader-checklijst", "vinkjes": {', "het is geen JSON"),
        "leeg.json": (b"", "het is geen JSON"),
        "checklijst.txt": ("\ufeffChecklijst: Woningen: Direct na een explosie\r\n[x] W-D-01.1".encode(), "het is geen JSON"),
        "lijst.json": ([1, 2, 3], "het is geen checklijst van het handelingskader"),
        "kaart.json": ({"type": "FeatureCollection", "features": []}, "het is geen checklijst van het handelingskader"),
        "versie.json": ({**goed, "versie": 3}, "andere versie van de checklijst"),
        "tijd.json": (tijd_fout, "vinkjes > w-d-01.1 > tijd: heeft niet de vorm die hier hoort"),
        "extra.json": ({**goed, "wachtwoord": "geheim"}, 'onbekend veld "wachtwoord"'),
        "proto.json": (proto, "vinkjes > __proto__: heeft niet de vorm die hier hoort"),
        "soort.json": ({**goed, "gegevens": {"incident": 12}}, "gegevens > incident: hoort tekst te zijn"),
        "mist.json": ({k: v for k, v in goed.items() if k != "incident"}, 'mist het veld "incident"'),
        "pagina.json": ({**goed, "pagina": "voertuigen/nazorg"}, "de checklijst van een andere pagina"),
        "groot.json": (b" " * (2 * 1024 * 1024 + 1), "groter dan 2 MB"),
    }


def test_kapot_of_vreemd_bestand_verandert_niets(browser, basis, editie, schema):
    """Each gets a Dutch message that says what is wrong and that nothing changed; the schema the
    site publishes refuses the same files (a file of another page is valid, but for another page)."""
    context = nieuwe_context(browser)
    pagina = open_pagina(context, basis + PAD)
    zet_aan(pagina)
    vinkje(pagina, "w-d-02.1").check()
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    voor = records(pagina)
    validator = jsonschema.Draft202012Validator(schema)
    for naam, (inhoud, reden) in _kapotte_bestanden(editie, teksten(pagina)).items():
        pagina.locator(KIEZER).set_input_files(_bestand(naam, inhoud))
        expect(status(pagina)).to_contain_text(f"Het bestand {naam} is niet geopend: ")
        expect(status(pagina)).to_contain_text(reden)
        expect(status(pagina)).to_contain_text("Er is niets veranderd.")
        assert records(pagina) == voor, naam
        expect(vinkje(pagina, "w-d-02.1")).to_be_checked()
        expect(pagina.locator(".checklijst-controle")).to_be_hidden()
        if isinstance(inhoud, bytes):
            try:
                inhoud = json.loads(inhoud.decode("utf-8-sig"))
            except ValueError:
                continue
        assert validator.is_valid(inhoud) == (naam == "pagina.json"), naam
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    context.close()


def test_twee_incidenten_op_een_nacht(browser, basis, editie):
    context = nieuwe_context(browser)
    pagina = open_pagina(context, basis + PAD)
    zet_aan(pagina)
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    vinkje(pagina, "w-d-01.2").check()
    pagina.get_by_role("button", name="Nieuw incident").click()
    expect(pagina.get_by_label("Incident", exact=True)).to_be_focused()
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("")
    expect(vinkje(pagina, "w-d-01.2")).not_to_be_checked()
    pagina.get_by_label("Incident", exact=True).fill("Explosie garage")
    vinkje(pagina, "w-d-03.1").check()
    keuze = pagina.get_by_label("Kies het incident")
    assert sorted(re.split(r",| \(", t)[0] for t in keuze.locator("option").all_text_contents()) == \
        ["Explosie garage", "Explosie voordeur"]
    eigen = [r for r in records(pagina) if r["editie"] == editie]
    assert len({r["incident"] for r in eigen}) == 2
    assert sorted(sorted(r["vinkjes"]) for r in eigen) == [["w-d-01.2"], ["w-d-03.1"]]

    kies(pagina, "Explosie voordeur")
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    expect(vinkje(pagina, "w-d-03.1")).not_to_be_checked()
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    pagina.reload()  # the incident chosen last opens
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    voordeur = json.loads(opslaan(pagina).path().read_text(encoding="utf-8"))
    kies(pagina, "Explosie garage")
    expect(vinkje(pagina, "w-d-03.1")).to_be_checked()
    garage = json.loads(opslaan(pagina).path().read_text(encoding="utf-8"))
    assert voordeur["incident"] != garage["incident"]  # each its own record
    assert (list(voordeur["vinkjes"]), list(garage["vinkjes"])) == (["w-d-01.2"], ["w-d-03.1"])
    assert garage["gegevens"]["incident"] == "Explosie garage"

    pagina.once("dialog", lambda d: d.accept())
    pagina.get_by_role("button", name="Dit incident wissen").click()
    expect(status(pagina)).to_have_text("Incident gewist.")
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    assert [r["incident"] for r in records(pagina)] == [voordeur["incident"]]
    context.close()


def kies(pagina, naam: str):
    """Choose the incident with that description in the incident chooser."""
    keuze = pagina.get_by_label("Kies het incident")
    keuze.select_option(value=keuze.locator("option", has_text=naam).get_attribute("value"))


def _verlopen(adres: str, dagen_oud: int, site: str | None = None, incident: str = "dddddddddddddddd") -> dict:
    record_ = _bijna_verlopen(adres, incident)
    moment = f"2025-{'10-17' if dagen_oud == 26 else '10-12' if dagen_oud == 31 else '10-03'}T01:00:00.000Z"
    return {**record_, "site": site or record_["site"], "bijgewerkt": moment, "aangemaakt": moment}


def test_bewaartermijn_met_melding_vooraf(browser, basis):
    """Kept 30 days after the last change (the site's default): older records of this site are
    cleared when a page opens, and said; four days before, a notice; another site's are its own."""
    context = nieuwe_context(browser)
    pagina = open_pagina(context, basis + PAD)
    andere_site = "/andere-gemeente/kader/"
    zaad = {
        sleutel(pagina.url, "2025-11", "dddddddddddddddd"): _verlopen(pagina.url, 31),
        sleutel(pagina.url, "2025-11", "0123456789abcdef"): _bijna_verlopen(pagina.url),
        f"kader-checklijst/{andere_site.replace('/', '%2F')}/2025-11/woningen/direct/eeeeeeeeeeeeeeee":
            _verlopen(pagina.url, 40, andere_site, "eeeeeeeeeeeeeeee"),
        sleutel_v1("2025-05", "bedrijfspanden/direct"): {"soort": "handelingskader-checklijst", "versie": 1,
            "editie": "2025-05", "pagina": "bedrijfspanden/direct", "bijgewerkt": "2025-09-01T01:00:00.000Z",
            "gegevens": {"naam": "J. de Vries"}, "vinkjes": {}, "notities": {}},
    }
    for k, r in zaad.items():
        _zaai(pagina, k, r)
    pagina.reload()
    expect(pagina.get_by_text(PRIVACY)).to_be_visible()
    expect(status(pagina)).to_have_text("2 checklijsten zijn automatisch gewist: 30 dagen niet gewijzigd.")
    assert sorted(r["_sleutel"] for r in records(pagina)) == sorted(list(zaad)[1:3])
    waarschuwing = pagina.locator(".checklijst-waarschuwing")
    expect(waarschuwing).to_have_text("Let op: de checklijst van Brand in schuur wordt over 4 dagen (op 16-11-2025) "
                                      "automatisch gewist uit deze browser. Sla haar op als bestand als u haar nog "
                                      "nodig hebt.")
    zet_aan(pagina)  # the record about to go is the one shown: its age is said too
    termijn = pagina.locator(".checklijst-termijn")
    expect(termijn).to_have_text("Laatst gewijzigd op 17-10-2025 om 03:00 (26 dagen geleden); zonder wijziging "
                                 "wordt deze checklijst op 16-11-2025 automatisch gewist uit deze browser.")
    vinkje(pagina, "w-d-01.1").check()  # a change: kept 30 days from now
    expect(termijn).to_contain_text("(vandaag); zonder wijziging wordt deze checklijst op 12-12-2025")
    expect(waarschuwing).to_have_count(0)
    context.close()


def test_bewaartermijn_volgt_de_instelling(browser, basis):
    """With checklijst_bewaardagen: 7 the privacy line says 7 days and a record of 26 days is cleared."""
    context = nieuwe_context(browser)

    def zeven(route):
        antwoord = route.fetch()
        route.fulfill(response=antwoord, body=antwoord.text().replace('data-bewaardagen="30"', 'data-bewaardagen="7"'))

    context.route(re.compile(r".*/woningen/direct/$"), zeven)
    pagina = open_pagina(context, basis + PAD)
    _zaai(pagina, sleutel(pagina.url, "2025-11", "0123456789abcdef"), _bijna_verlopen(pagina.url))
    pagina.reload()
    expect(pagina.get_by_text(PRIVACY.replace("30 dagen", "7 dagen"))).to_be_visible()
    expect(status(pagina)).to_have_text("Een checklijst is automatisch gewist: 7 dagen niet gewijzigd.")
    assert records(pagina) == []
    context.close()


def test_twee_sites_op_een_herkomst_delen_niets(browser, site, tmp_path):
    """Two gemeente editions on one intranet host (one origin, two paths): each its own checklists."""
    with serveer(site, "gemeente-a/kader", tmp_path) as a:
        (tmp_path / "gemeente-b").mkdir()
        (tmp_path / "gemeente-b/kader").symlink_to(site, target_is_directory=True)
        b = a.replace("/gemeente-a/", "/gemeente-b/")
        context = nieuwe_context(browser)
        pagina_a = open_pagina(context, a + PAD)
        zet_aan(pagina_a)
        vinkje(pagina_a, "w-d-01.2").check()
        pagina_a.get_by_label("Incident", exact=True).fill("Explosie A")
        pagina_b = open_pagina(context, b + PAD)
        zet_aan(pagina_b)
        expect(vinkje(pagina_b, "w-d-01.2")).not_to_be_checked()
        expect(pagina_b.get_by_label("Incident", exact=True)).to_have_value("")
        assert "Explosie A" not in " ".join(pagina_b.get_by_label("Kies het incident").locator("option").all_text_contents())
        vinkje(pagina_b, "w-d-03.1").check()
        pagina_a.reload()
        expect(vinkje(pagina_a, "w-d-01.2")).to_be_checked()
        expect(vinkje(pagina_a, "w-d-03.1")).not_to_be_checked()
        sites = sorted(r["_sleutel"].split("/")[1] for r in records(pagina_a))
        assert sites == ["%2Fgemeente-a%2Fkader%2F", "%2Fgemeente-b%2Fkader%2F"]
        assert sitepad(pagina_a.url) == "/gemeente-a/kader/"
        context.close()


def test_opgeslagen_record_voldoet_aan_het_schema_na_overname(browser, basis, editie, schema):
    """A record taken over from an earlier edition (with its list of what was not taken over) is saved
    in the same format."""
    context = nieuwe_context(browser)
    pagina = open_pagina(context, basis + PAD)
    huidig = teksten(pagina)
    oud = geldig_bestand("2025-05", huidig)
    oud["vinkjes"]["w-d-01.2"]["tekst"] = "Iets anders."
    oud["notities"]["w-d-09"] = {"code": "W-D-09", "titel": "W-D-09 VERVALLEN", "tekst": "Weg"}
    _zaai(pagina, sleutel(pagina.url, "2025-05", oud["incident"]), {**oud, "site": sitepad(pagina.url), "aan": True})
    pagina.reload()
    data = json.loads(opslaan(pagina).path().read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["overgenomenUit"] == "2025-05" and {g["code"] for g in data["gewijzigd"]} == {"W-D-01.2", "W-D-09"}
    assert _als_bestand(record(pagina, editie))["vinkjes"] == data["vinkjes"]
    context.close()
