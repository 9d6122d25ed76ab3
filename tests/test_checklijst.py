"""The checklist mode of the pages per object type and phase (overrides/assets/javascripts/kader/checklijst.js)
in Chromium: ticks with their time, notes, the details of the incident, kept in this browser only;
clearing with confirmation, the text file for the next shift, printing (read back from the PDF),
keyboard only, axe in the ticked state, a phone, a record of another edition, the intranet's strict
Content-Security-Policy behind nginx, and the offline bundle from file://. The hand-over (the saved
file opened elsewhere, incidents, retention, sites): tests/test_checklijst_overdracht.py."""
from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
from lxml import html
from playwright.sync_api import expect

from conftest import ROOT
from wcag import axe_wcag

PAD = "woningen/direct/"
NACHT = datetime(2025, 11, 12, 3, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))  # the night itself
PRIVACY = ("Wat u hier invult blijft alleen in deze browser op dit apparaat; het wordt nergens naartoe gestuurd en "
           "30 dagen na de laatste wijziging automatisch gewist.")


def sleutel_v1(editie: str, pagina: str = "woningen/direct") -> str:
    """Where the first version of the script kept a page's one checklist (taken over as an incident)."""
    return f"kader-checklijst/{editie}/{pagina}"


def sleutel(adres: str, editie: str, incident: str, pagina: str = "woningen/direct") -> str:
    """Where a checklist is kept: per site path, edition, page and incident."""
    return f"kader-checklijst/{quote(sitepad(adres), safe='')}/{editie}/{pagina}/{incident}"


def sitepad(adres: str) -> str:
    """The site's path from the address of one of its pages under PAD (or its file:// twin)."""
    pad = urlsplit(adres).path
    return pad[:pad.index("woningen/")]


@pytest.fixture(scope="module")
def editie(kader) -> str:
    return kader.kader.editie.id


@pytest.fixture(scope="module")
def onderdelen(kader) -> list:
    """The handelingen and subpunten of Woningen: Direct na een explosie, in page order."""
    objecttype = next(o for o in kader.objecttypen if o.id == "woningen")
    fase = next(f for f in kader.fasen if f.id == "direct")
    return [deel for actie in kader.fase_acties(objecttype, fase) for h in actie.handelingen for deel in h.delen()]


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True)
    yield context
    context.close()


def open_pagina(context, adres: str):
    pagina = context.new_page()
    pagina.clock.set_fixed_time(NACHT)
    pagina.goto(adres)
    return pagina


def vinkje(pagina, id_: str):
    return pagina.locator(f"input[type=checkbox][id='checklijst-{id_}']")


def tijd(pagina, id_: str):
    return pagina.locator(f"[id='checklijst-tijd-{id_}']")


def zet_aan(pagina):
    knop = pagina.get_by_role("button", name="Checklijst gebruiken")
    knop.click()
    expect(knop).to_have_attribute("aria-pressed", "true")


def records(pagina) -> list[dict]:
    """Every checklist this browser keeps for this origin, with its key as `_sleutel`."""
    return pagina.evaluate("""() => Object.keys(localStorage).filter(k => k.startsWith('kader-checklijst/'))
        .map(k => Object.assign(JSON.parse(localStorage.getItem(k)), {_sleutel: k}))""")


def vul_in(pagina, *vinkjes: str) -> None:
    """The night on the crisis page: the checklist on, these items ticked, a two-line note at W-D-04,
    the incident and its address."""
    zet_aan(pagina)
    for id_ in vinkjes:
        vinkje(pagina, id_).check()
    pagina.locator("[id='checklijst-notitie-w-d-04']").fill("PD afgezet tot 06:00\nPolitie ter plaatse")
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    pagina.get_by_label("Adres", exact=True).fill("Dorpsstraat 12")


def record(pagina, editie: str) -> dict | None:
    """The checklist of this page and edition of the incident chosen last on this site (the one the
    page shows), or else the latest."""
    gekozen = pagina.evaluate("k => localStorage.getItem(k)",
                              f"kader-checklijst-keuze/{quote(sitepad(pagina.url), safe='')}/woningen/direct")
    eigen = [r for r in records(pagina) if r.get("editie") == editie and r.get("pagina") == "woningen/direct"
             and r.get("site") == sitepad(pagina.url)]
    eigen.sort(key=lambda r: (r.get("incident") == gekozen, r.get("bijgewerkt") or ""))
    return eigen[-1] if eigen else None


def test_houder_op_elke_pagina_objecttype_fase(site, kader, editie):
    """Each of the twelve pages carries an empty, hidden place for the checklist, naming its edition
    and page, and loads the script; nothing else in the HTML changes (the inputs come from the
    script); other pages do not load it."""
    paginas = [(o.id, f.id) for o in kader.objecttypen for f in kader.fasen]
    assert len(paginas) == 12
    for objecttype, fase in paginas:
        boom = html.parse(str(site / objecttype / fase / "index.html")).getroot()
        houders = boom.xpath("//div[contains(concat(' ', @class, ' '), ' checklijst ')]")
        assert len(houders) == 1, (objecttype, fase)
        houder = houders[0]
        assert houder.get("data-editie") == editie and houder.get("data-pagina") == f"{objecttype}/{fase}"
        assert houder.get("data-bewaardagen") == "30"  # the plugin's default (checklijst_bewaardagen)
        assert houder.get("data-schema") == "downloads/checklijst.schema.json"
        assert houder.get("hidden") is not None and len(houder) == 0 and not (houder.text or "").strip()
        assert boom.xpath("//script[contains(@src, 'kader/checklijst.js')]")
        assert not boom.xpath("//input[@type='checkbox'][starts-with(@id, 'checklijst-')]")
    for andere in ["index.html", "fasen/direct/index.html", "partners/politie/index.html"]:  # only where it is used
        boom = html.parse(str(site / andere)).getroot()
        assert not boom.xpath("//div[@data-pagina]") and not boom.xpath("//script[contains(@src, 'checklijst')]")


def test_zonder_javascript_blijft_de_pagina_zoals_ze_was(browser, basis):
    context = browser.new_context(java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(basis + PAD)
    expect(pagina.locator("h2.actie").first).to_be_visible()
    expect(pagina.locator("div.checklijst")).to_be_hidden()
    assert pagina.get_by_role("button", name="Checklijst gebruiken").count() == 0
    assert pagina.locator("input[type=checkbox][id^='checklijst-']").count() == 0
    context.close()


def test_vinken_notitie_en_gegevens_blijven_na_herladen_alleen_in_de_browser(context, basis, editie, onderdelen):
    verzoeken = []
    context.on("request", lambda r: verzoeken.append((r.method, r.url)))
    pagina = open_pagina(context, basis + PAD)
    expect(pagina.get_by_text(PRIVACY)).to_be_visible()
    assert pagina.locator("input[type=checkbox][id^='checklijst-']").count() == 0  # only when asked for
    zet_aan(pagina)
    assert pagina.locator("input.checklijst-vink").count() == len(onderdelen) > 20
    # the checkbox is named by the text of its handeling (a real label)
    pagina.get_by_role("checkbox", name="Regel noodopvang (Stichting Salvage, woningcorporatie).").check()
    pagina.get_by_role("checkbox", name="Inzet cameratoezicht.").check()
    expect(tijd(pagina, "w-d-01.2")).to_have_text("Afgevinkt om 03:12")
    expect(tijd(pagina, "w-d-08.2a")).to_have_text("Afgevinkt om 03:12")
    expect(tijd(pagina, "w-d-01.1")).to_be_hidden()
    pagina.get_by_role("textbox", name="Notitie bij deze actie (W-D-01 SLACHTOFFERS)").fill("Salvage gebeld, opvang in hotel")
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    pagina.get_by_label("Adres", exact=True).fill("Dorpsstraat 12")
    pagina.get_by_label("Naam", exact=True).fill("J. de Vries")

    pagina.reload()
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    expect(vinkje(pagina, "w-d-08.2a")).to_be_checked()
    expect(vinkje(pagina, "w-d-01.1")).not_to_be_checked()
    expect(tijd(pagina, "w-d-01.2")).to_have_text("Afgevinkt om 03:12")
    expect(pagina.locator("[id='checklijst-notitie-w-d-01']")).to_have_value("Salvage gebeld, opvang in hotel")
    expect(pagina.get_by_label("Adres", exact=True)).to_have_value("Dorpsstraat 12")
    opgeslagen = record(pagina, editie)
    assert set(opgeslagen["vinkjes"]) == {"w-d-01.2", "w-d-08.2a"}
    assert opgeslagen["vinkjes"]["w-d-01.2"]["tekst"] == "Regel noodopvang (Stichting Salvage, woningcorporatie)."
    assert opgeslagen["vinkjes"]["w-d-01.2"]["editie"] == editie
    assert opgeslagen["gegevens"]["incident"] == "Explosie voordeur"

    # unticking removes the time; switching the mode off removes the inputs but keeps what was filled in
    vinkje(pagina, "w-d-08.2a").uncheck()
    expect(tijd(pagina, "w-d-08.2a")).to_be_hidden()
    pagina.get_by_role("button", name="Checklijst gebruiken").click()
    assert pagina.locator("input.checklijst-vink").count() == 0
    assert pagina.locator("span.handeling").count() == len(onderdelen)  # the text is back as it was
    pagina.reload()
    assert pagina.locator("input.checklijst-vink").count() == 0
    zet_aan(pagina)
    expect(vinkje(pagina, "w-d-01.2")).to_be_checked()
    expect(vinkje(pagina, "w-d-08.2a")).not_to_be_checked()

    assert [v for v in verzoeken if v[0] != "GET"] == []
    assert [u for _, u in verzoeken if not u.startswith((basis.split("/intranet/")[0], "data:", "blob:"))] == []
    assert context.cookies() == []


def test_alles_wissen_vraagt_eerst_bevestiging(context, basis, editie):
    pagina = open_pagina(context, basis + PAD)
    zet_aan(pagina)
    vinkje(pagina, "w-d-03.2").check()
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    vragen = []

    def antwoord(dialoog, ja: bool):
        vragen.append((dialoog.type, dialoog.message))
        dialoog.accept() if ja else dialoog.dismiss()

    pagina.once("dialog", lambda d: antwoord(d, False))
    pagina.get_by_role("button", name="Alles wissen").click()
    expect(pagina.locator(".checklijst-status")).to_have_text("Niets gewist.")
    expect(vinkje(pagina, "w-d-03.2")).to_be_checked()
    assert record(pagina, editie)["vinkjes"]

    pagina.once("dialog", lambda d: antwoord(d, True))
    pagina.get_by_role("button", name="Alles wissen").click()
    expect(pagina.locator(".checklijst-status")).to_have_text("Alles gewist.")
    expect(vinkje(pagina, "w-d-03.2")).not_to_be_checked()
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("")
    assert [t for t, _ in vragen] == ["confirm", "confirm"] and "Alles wissen" in vragen[0][1]
    pagina.reload()
    expect(vinkje(pagina, "w-d-03.2")).not_to_be_checked()
    assert (record(pagina, editie) or {}).get("vinkjes", {}) == {}


def test_opslaan_als_tekst_voor_de_volgende_dienst(context, basis, editie):
    pagina = open_pagina(context, basis + PAD)
    vul_in(pagina, "w-d-01.2", "w-d-08.2b")
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Opslaan als tekst").click()
    bestand = download.value
    incident = record(pagina, editie)["incident"]
    assert re.fullmatch(rf"checklijst-woningen-direct-{editie}-20251112-0312-{incident[:6]}\.txt", bestand.suggested_filename)
    assert bestand.url.startswith("blob:")
    tekst = open(bestand.path(), encoding="utf-8-sig").read()
    regels = tekst.splitlines()
    assert regels[0] == "Checklijst: Woningen: Direct na een explosie"
    assert "Incident: Explosie voordeur" in regels and "Adres: Dorpsstraat 12" in regels
    assert "[x] W-D-01.2 Regel noodopvang (Stichting Salvage, woningcorporatie). (afgevinkt om 03:12)" in regels
    assert "[ ] W-D-01.1 Zorg voor medische hulp (zorg, politie, brandweer, Stichting Salvage)." in regels
    assert any(r.startswith("    [x] W-D-08.2b Herlocatie slachtoffer") for r in regels)
    assert "Notitie: PD afgezet tot 06:00" in regels and "    Politie ter plaatse" in regels
    assert regels.index("W-D-04 VEILIGSTELLEN") < regels.index("Notitie: PD afgezet tot 06:00")
    assert sum(r.lstrip().startswith("[x]") for r in regels) == 2
    expect(pagina.locator(".checklijst-status")).to_contain_text(bestand.suggested_filename)


def _pdf_tekst(pagina, pad) -> str:
    pagina.emulate_media(media="print")
    pagina.pdf(path=str(pad), format="A4")
    with pdfplumber.open(pad) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def test_afdrukken_met_vinkjes_tijden_en_notities(context, basis, onderdelen, tmp_path):
    pagina = open_pagina(context, basis + PAD)
    zet_aan(pagina)
    vinkje(pagina, "w-d-01.2").check()
    vinkje(pagina, "w-d-08.2c").check()
    pagina.locator("[id='checklijst-notitie-w-d-02']").fill("Bijeenkomst dinsdag 19:00 in buurthuis")
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    pagina.get_by_label("Datum", exact=True).fill("2025-11-12")
    tekst = _pdf_tekst(pagina, tmp_path / "ingevuld.pdf")
    regels = [" ".join(r.split()) for r in tekst.splitlines()]
    assert "[x] Regel noodopvang (Stichting Salvage, woningcorporatie). Afgevinkt om 03:12" in regels
    assert "[x] Pandsluiting (artikel 174a Gemeentewet). Afgevinkt om 03:12" in regels
    assert "[ ] Pandsluiting (artikel 174a Gemeentewet)." in regels  # W-D-08.1, not ticked
    assert "Bijeenkomst dinsdag 19:00 in buurthuis" in regels
    assert "Incident Explosie voordeur" in regels and "Datum 12-11-2025" in regels
    assert tekst.count("[x]") == 2 and tekst.count("[ ]") == len(onderdelen) - 2
    assert "Checklijst gebruiken" not in tekst and "Alles wissen" not in tekst and PRIVACY[:30] not in tekst

    # an empty checklist to fill in by hand: every box empty, a place for every note
    leeg = open_pagina(context, basis + "voertuigen/nazorg/")
    zet_aan(leeg)
    tekst = _pdf_tekst(leeg, tmp_path / "leeg.pdf")
    assert tekst.count("[ ]") == leeg.locator("span.handeling").count() > 0 and "[x]" not in tekst
    assert tekst.count("Notitie bij deze actie") == leeg.locator("h2.actie").count()
    assert "Gegevens van de inzet" in tekst

    # without the checklist mode the page prints as before
    gewoon = context.new_page()
    gewoon.goto(basis + "bedrijfspanden/direct/")
    tekst = _pdf_tekst(gewoon, tmp_path / "gewoon.pdf")
    assert "[ ]" not in tekst and "Gegevens van de inzet" not in tekst and "Checklijst" not in tekst


def test_alleen_met_het_toetsenbord(context, basis, editie):
    """Tab to the switch, Space, type the incident, Tab to a handeling, Space, Tab to its note, type:
    no mouse; every control shows where the focus is."""
    pagina = open_pagina(context, basis + PAD)
    # Playwright asks Chromium to report file choosers when the first listener comes, without waiting
    # for the answer: a listener added only just before Space can miss the chooser Space opens
    pagina.on("filechooser", lambda _: None)

    def tab_naar(selector: str, hoogstens: int = 200):
        for _ in range(hoogstens):
            pagina.keyboard.press("Tab")
            if pagina.evaluate("s => document.activeElement.matches(s)", selector):
                omlijning = pagina.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                    return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
                assert omlijning[0] != "none" and omlijning[1] >= 2, (selector, omlijning)
                return
        raise AssertionError(f"{selector} niet bereikt met Tab")

    tab_naar("button.checklijst-schakelaar")
    pagina.keyboard.press("Space")
    expect(pagina.locator("button.checklijst-schakelaar")).to_have_attribute("aria-pressed", "true")
    tab_naar("#checklijst-keuze", 1)  # the incident chooser, then "Nieuw incident", then the details
    tab_naar("#checklijst-incident", 2)
    pagina.keyboard.type("Explosie voordeur")
    tab_naar("[id='checklijst-w-d-02.1']")
    pagina.keyboard.press("Space")
    tab_naar("[id='checklijst-notitie-w-d-02']", 20)
    pagina.keyboard.type("Buurthuis gebeld")
    tab_naar("[id='checklijst-w-d-03.1']", 20)
    expect(vinkje(pagina, "w-d-02.1")).to_be_checked()
    expect(tijd(pagina, "w-d-02.1")).to_have_text("Afgevinkt om 03:12")
    opgeslagen = record(pagina, editie)
    assert opgeslagen["gegevens"]["incident"] == "Explosie voordeur"
    assert opgeslagen["notities"]["w-d-02"]["tekst"] == "Buurthuis gebeld"
    assert list(opgeslagen["vinkjes"]) == ["w-d-02.1"]
    # the file chooser too: Shift+Tab back to it, Space opens it
    for _ in range(200):
        pagina.keyboard.press("Shift+Tab")
        if pagina.evaluate("() => document.activeElement.id") == "checklijst-bestand":
            break
    else:
        raise AssertionError("de bestandskiezer niet bereikt met Shift+Tab")
    with pagina.expect_file_chooser() as kiezer:
        pagina.keyboard.press("Space")
    assert kiezer.value.element.get_attribute("id") == "checklijst-bestand" and not kiezer.value.is_multiple()


def _zaai(pagina, sleutel_: str, record_: dict):
    pagina.evaluate("([k, r]) => localStorage.setItem(k, JSON.stringify(r))", [sleutel_, record_])


def _bestand(naam: str, data) -> dict:
    """A file to choose in the file chooser: JSON of `data` (bytes or text as they are)."""
    inhoud = data if isinstance(data, bytes) else (data if isinstance(data, str) else json.dumps(data)).encode()
    return {"name": naam, "mimeType": "application/json", "buffer": inhoud}


def _als_bestand(record_: dict) -> dict:
    """A kept record as the saved file holds it: without what only the browser needs."""
    return {k: v for k, v in record_.items() if k not in ("aan", "site", "_sleutel")}


def _bijna_verlopen(adres: str, incident: str = "0123456789abcdef") -> dict:
    """A record of this site last changed 26 days before the night: cleared in 4 days (kept 30)."""
    return {"soort": "handelingskader-checklijst", "versie": 2, "site": sitepad(adres), "editie": "2025-11",
            "pagina": "woningen/direct", "incident": incident, "aangemaakt": "2025-10-17T01:00:00.000Z",
            "bijgewerkt": "2025-10-17T01:00:00.000Z", "gegevens": {"incident": "Brand in schuur"},
            "vinkjes": {}, "notities": {"w-d-02": {"code": "W-D-02", "tekst": "Buren ingelicht"}},
            "gewijzigd": [], "overgenomenUit": None}


def _vorige_editie(huidig: dict) -> dict:
    """A record the first version of the script kept under the previous edition: one unchanged
    handeling, one whose text changed since, one that no longer exists, and a note at an actie that no
    longer exists. Last changed 11 days before the night (kept 30 days); its ticks are older."""
    return {
        "soort": "handelingskader-checklijst", "versie": 1, "editie": "2025-05", "pagina": "woningen/direct",
        "aan": True, "gegevens": {"incident": "Explosie voordeur"}, "bijgewerkt": "2025-11-01T01:00:00.000Z",
        "vinkjes": {
            "w-d-01.1": {"code": "W-D-01.1", "tijd": "2025-06-01T01:05:00.000Z", "tekst": huidig["w-d-01.1"], "editie": "2025-05"},
            "w-d-01.2": {"code": "W-D-01.2", "tijd": "2025-06-01T01:06:00.000Z", "tekst": "Regel noodopvang (Stichting Salvage).", "editie": "2025-05"},
            "w-d-09.1": {"code": "W-D-09.1", "tijd": "2025-06-01T01:07:00.000Z", "tekst": "Bel de burgemeester.", "editie": "2025-05"},
        },
        "notities": {
            "w-d-01": {"code": "W-D-01", "titel": "W-D-01 SLACHTOFFERS", "tekst": "Opvang geregeld", "editie": "2025-05"},
            "w-d-09": {"code": "W-D-09", "titel": "W-D-09 BURGEMEESTER", "tekst": "Burgemeester belt terug", "editie": "2025-05"},
        },
    }


def test_vorige_editie_wijzigingen_gemeld_en_niet_stil_afgevinkt(context, basis, editie):
    pagina = open_pagina(context, basis + PAD)
    huidig = pagina.locator("span.handeling[id]").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.id, e.textContent.replace(/\\s+/g, ' ').trim()]))")
    _zaai(pagina, sleutel_v1("2025-05"), _vorige_editie(huidig))
    pagina.reload()

    melding = pagina.get_by_role("region", name="Let op: gewijzigde onderdelen")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("editie 2025-05")
    items = melding.locator("li")
    assert sorted(items.evaluate_all("els => els.map(e => e.dataset.code)")) == ["W-D-01.2", "W-D-09", "W-D-09.1"]
    expect(melding.locator("li[data-code='W-D-01.2']")).to_contain_text(huidig["w-d-01.2"])
    expect(melding.locator("li[data-code='W-D-01.2']")).to_contain_text("Regel noodopvang (Stichting Salvage).")
    expect(melding.locator("li[data-code='W-D-09.1']")).to_contain_text("Bel de burgemeester.")
    expect(melding.locator("li[data-code='W-D-09']")).to_contain_text("Burgemeester belt terug")
    # the unchanged item keeps its tick and time; the changed one is not ticked
    expect(vinkje(pagina, "w-d-01.1")).to_be_checked()
    expect(tijd(pagina, "w-d-01.1")).to_have_text("Afgevinkt op 01-06-2025 om 03:05")
    expect(vinkje(pagina, "w-d-01.2")).not_to_be_checked()
    expect(pagina.locator("[id='checklijst-notitie-w-d-01']")).to_have_value("Opvang geregeld")

    # taken over under this edition, the message stays until it is closed; the old record is left alone
    # (the first version's key became an incident of this site: one incident, two editions)
    nieuw = record(pagina, editie)
    assert set(nieuw["vinkjes"]) == {"w-d-01.1"} and nieuw["editie"] == editie
    assert record(pagina, "2025-05")["vinkjes"]["w-d-01.2"]
    assert record(pagina, "2025-05")["incident"] == nieuw["incident"]
    assert sleutel_v1("2025-05") not in [r["_sleutel"] for r in records(pagina)]
    assert nieuw["_sleutel"] == sleutel(pagina.url, editie, nieuw["incident"])
    pagina.reload()
    expect(melding).to_be_visible()
    expect(vinkje(pagina, "w-d-01.2")).not_to_be_checked()
    melding.get_by_role("button", name="Melding sluiten").click()
    expect(melding).to_be_hidden()
    pagina.reload()
    expect(pagina.locator(".checklijst-melding")).to_be_hidden()
    expect(vinkje(pagina, "w-d-01.1")).to_be_checked()


def test_zelfde_editie_andere_tekst_niet_stil_afgevinkt(context, basis, editie):
    """A record of this edition whose text differs from the page (a corrected text under the same
    edition, another site on the same origin) is not applied to that item either."""
    pagina = open_pagina(context, basis + PAD)
    _zaai(pagina, sleutel(pagina.url, editie, "00c0ffee00c0ffee"), {
        "soort": "handelingskader-checklijst", "versie": 2, "site": sitepad(pagina.url), "editie": editie,
        "pagina": "woningen/direct", "incident": "00c0ffee00c0ffee", "aangemaakt": "2025-11-12T02:00:00.000Z",
        "aan": True, "gegevens": {}, "notities": {}, "bijgewerkt": "2025-11-12T02:00:00.000Z",
        "vinkjes": {"w-d-03.2": {"code": "W-D-03.2", "tijd": "2025-11-12T02:00:00.000Z",
                                 "tekst": "Houd contact met de wijkagent.", "editie": editie}}})
    pagina.reload()
    expect(vinkje(pagina, "w-d-03.2")).not_to_be_checked()
    melding = pagina.get_by_role("region", name="Let op: gewijzigde onderdelen")
    expect(melding.locator("li[data-code='W-D-03.2']")).to_contain_text("Houd contact met de wijkagent.")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}],
                         ids=["desktop", "telefoon"])
def test_axe_en_telefoon_in_aangevinkte_staat(browser, basis, viewport):
    """Ticked, with notes, details and a message about changed items: zero WCAG 2.1 A/AA violations,
    and on a 375 px phone nothing sticks out sideways."""
    context = browser.new_context(viewport=viewport, locale="nl-NL", timezone_id="Europe/Amsterdam")
    pagina = open_pagina(context, basis + PAD)
    huidig = pagina.locator("span.handeling[id]").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.id, e.textContent.replace(/\\s+/g, ' ').trim()]))")
    _zaai(pagina, sleutel_v1("2025-05"), _vorige_editie(huidig))
    _zaai(pagina, sleutel(pagina.url, "2025-11", "0123456789abcdef"), _bijna_verlopen(pagina.url))
    pagina.reload()
    expect(pagina.locator(".checklijst-melding")).to_be_visible()
    expect(pagina.locator(".checklijst-waarschuwing")).to_be_visible()  # the notice before clearing
    for id_ in ["w-d-02.1", "w-d-04.5", "w-d-08.2b"]:
        vinkje(pagina, id_).check()
    pagina.locator("[id='checklijst-notitie-w-d-04']").fill("PD afgezet")
    pagina.get_by_label("Adres", exact=True).fill("Een heel lang adres zonder spaties: Burgemeester-van-Randwijcklaan-123456789-bis")
    pagina.get_by_role("button", name="Opslaan als bestand").click()  # the status message shown too
    expect(pagina.locator(".checklijst-status")).to_contain_text("gemaakt")
    # and the check of a file of another edition, with its differences, before it is taken over
    pagina.locator("#checklijst-bestand").set_input_files(_bestand("ander.json", _als_bestand({
        **_vorige_editie(huidig), "versie": 2, "incident": "fedcba9876543210", "aangemaakt": "2025-11-01T01:00:00.000Z"})))
    expect(pagina.get_by_role("region", name="Bestand controleren voor u het overneemt")).to_be_visible()
    resultaat = axe_wcag(pagina)
    fouten = [(v["id"], v["nodes"][0]["target"]) for v in resultaat["violations"]]
    assert resultaat["passes"] and fouten == []
    breedte = pagina.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert breedte[0] <= breedte[1], breedte
    for id_ in ["w-d-02.1", "w-d-08.2b"]:  # checkbox at least 24 x 24 px and inside the page
        vak = vinkje(pagina, id_).bounding_box()
        assert vak["width"] >= 24 and vak["height"] >= 24 and vak["x"] >= 0
        assert vak["x"] + vak["width"] <= viewport["width"]
    context.close()


def test_onder_nginx_met_de_strikte_csp(site, browser, tmp_path):
    """Behind Debian's nginx with deploy/beveiliging.conf: the checklist works (tick, note, clear,
    save as file, open that file again) without a single CSP violation."""
    from test_intranet_nginx import CSP_MELDINGEN, SUBPAD, VEILIGHEID, nginx
    www = tmp_path / "www"
    (www / SUBPAD.strip("/")).parent.mkdir(parents=True)
    (www / SUBPAD.strip("/")).symlink_to(site, target_is_directory=True)
    with nginx(tmp_path, www) as adres:
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True)
        context.add_init_script(CSP_MELDINGEN)
        console = []
        pagina = context.new_page()
        pagina.on("console", lambda m: ("Content Security Policy" in m.text or m.type == "error") and console.append(m.text))
        pagina.on("pageerror", lambda e: console.append(str(e)))
        pagina.clock.set_fixed_time(NACHT)
        antwoord = pagina.goto(adres + PAD)
        assert antwoord.headers["content-security-policy"].startswith(VEILIGHEID["content-security-policy"])
        zet_aan(pagina)
        vinkje(pagina, "w-d-05.1").check()
        expect(tijd(pagina, "w-d-05.1")).to_have_text("Afgevinkt om 03:12")
        pagina.locator("[id='checklijst-notitie-w-d-05']").fill("Woordvoerder ingelicht")
        with pagina.expect_download() as download:
            pagina.get_by_role("button", name="Opslaan als bestand").click()
        bestand = download.value.path()
        assert any(r.startswith("[x] W-D-05.1 ") for r in json.loads(bestand.read_text(encoding="utf-8"))["tekst"])
        pagina.reload()
        expect(vinkje(pagina, "w-d-05.1")).to_be_checked()
        pagina.once("dialog", lambda d: d.accept())
        pagina.get_by_role("button", name="Alles wissen").click()
        expect(vinkje(pagina, "w-d-05.1")).not_to_be_checked()
        pagina.locator("#checklijst-bestand").set_input_files(bestand)
        expect(vinkje(pagina, "w-d-05.1")).to_be_checked()
        expect(pagina.locator("[id='checklijst-notitie-w-d-05']")).to_have_value("Woordvoerder ingelicht")
        schendingen = pagina.evaluate("window.__csp")
        context.close()
    assert schendingen == [] and console == []


def test_offline_vanaf_een_map(publicatie, context):
    """The file:// build (KADER_OFFLINE=true): the checklist works and is kept without a server, and
    its saved file opens there again."""
    verzoeken = []
    context.on("request", lambda r: verzoeken.append(r.url))
    adres = (publicatie / "offline" / "woningen" / "direct.html").as_uri()
    pagina = open_pagina(context, adres)
    zet_aan(pagina)
    vinkje(pagina, "w-d-06.1").check()
    pagina.get_by_label("Incident", exact=True).fill("Explosie voordeur")
    pagina.reload()
    expect(vinkje(pagina, "w-d-06.1")).to_be_checked()
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Opslaan als bestand").click()
    bestand = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert "adres" not in bestand and "file:" not in json.dumps(bestand)  # no folder of this PC in it
    assert bestand["$schema"].endswith("/downloads/checklijst.schema.json")
    assert any(r.startswith("[x] W-D-06.1 ") for r in bestand["tekst"])
    pagina.once("dialog", lambda d: d.accept())
    pagina.get_by_role("button", name="Alles wissen").click()
    expect(vinkje(pagina, "w-d-06.1")).not_to_be_checked()
    pagina.locator("#checklijst-bestand").set_input_files(download.value.path())
    expect(vinkje(pagina, "w-d-06.1")).to_be_checked()
    expect(pagina.get_by_label("Incident", exact=True)).to_have_value("Explosie voordeur")
    assert verzoeken and all(u.startswith(("file:", "blob:", "data:")) for u in verzoeken), verzoeken


def test_teksten_van_het_script_staan_in_het_lettertype(site):
    """The web fonts are cut to what the built pages show; the script adds text those pages do not
    contain: every character it writes is in each cut font of the built site."""
    from fontTools.ttLib import TTFont
    script = (ROOT / "overrides/assets/javascripts/kader/checklijst.js").read_text(encoding="utf-8")
    tekens = set(script) - {"\n"}
    for lettertype in sorted((site / "assets/fonts").glob("*.woff2")):
        assert tekens - {chr(t) for t in TTFont(lettertype).getBestCmap()} == set(), lettertype.name
