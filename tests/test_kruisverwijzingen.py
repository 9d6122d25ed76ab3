"""Partner, instrument and theme pages and every actie anchor, checked against the raw YAML
(tests/ruwe_yaml.py), not against the indexes and properties that built the pages."""
from __future__ import annotations

import pytest

from html_site import doel_van, html_bestanden, koptekst, lees, normaliseer
from ruwe_yaml import acties, bestand, volgorde

OBJECTTYPEN = {o["id"]: o["naam"] for o in volgorde("objecttypen.yaml", "objecttypen")}
FASEN = {f["id"]: f["naam"] for f in volgorde("fasen.yaml", "fasen")}


def _vermeldingen(soort: str, sleutel: str) -> list[tuple[str, str, str, str | None]]:
    """(object type, phase, actie code, line text) of every actie and line that names `sleutel`, in
    order; an actie that names it itself comes first, without a line text."""
    return [(a.objecttype, a.fase, a.code, r.tekst if r else None) for a in acties()
            for r in [None, *a.regels] if sleutel in getattr(r or a, soort)]


def _genoemd(soort: str) -> set[str]:
    """Every id of `soort` that an actie or a line names."""
    return {x for a in acties() for deel in [a, *a.regels] for x in getattr(deel, soort)}


def _lijst_op_pagina(site, pagina):
    """(object type heading, phase heading, linked code, href, item text) of every list item."""
    boom = lees(pagina)
    uitkomst, ot, fase = [], None, None
    for element in boom.xpath("//article//*[self::h2 or self::h3 or self::li]"):
        if element.tag == "h2":
            ot = koptekst(element)
        elif element.tag == "h3":
            fase = koptekst(element)
        elif element.xpath("./a"):
            link = element.xpath("./a")[0]
            uitkomst.append((ot, fase, normaliseer(link.text_content()), link.get("href"),
                             normaliseer(element.text_content())))
    return boom, uitkomst


def _pagina_van_actie(site, code: str):
    actie = next(a for a in acties() if a.code == code)
    return site / actie.objecttype / actie.fase / "index.html", code.lower()


@pytest.mark.parametrize("soort,map_,bestand,lijst", [("partners", "partners", "partners.yaml", "partners"),
                                                      ("instrumenten", "instrumenten", "instrumenten.yaml",
                                                       "instrumenten")])
def test_elke_vermelding_op_partner_en_instrumentpagina(site, soort, map_, bestand, lijst):
    fouten = []
    for item in volgorde(bestand, lijst):
        verwacht = _vermeldingen(soort, item["id"])
        pagina = site / map_ / item["id"] / "index.html"
        _, gevonden = _lijst_op_pagina(site, pagina)
        assert len(gevonden) == len(verwacht), item["id"]
        for (ot, f, code, tekst), (kop_ot, kop_f, link_code, href, regel) in zip(verwacht, gevonden):
            titel = f"{code} {normaliseer(next(a.titel for a in acties() if a.code == code))}"
            if (kop_ot, kop_f, link_code) != (OBJECTTYPEN[ot], FASEN[f], code) or \
                    not (regel.endswith(normaliseer(tekst)) if tekst else regel == titel):
                fouten.append(f"{item['id']}: {code} {tekst!r} als {kop_ot}/{kop_f}/{link_code} {regel!r}")
            if doel_van(site, pagina, href) != _pagina_van_actie(site, code):
                fouten.append(f"{item['id']}: {code} linkt naar {href}")
    assert fouten == []


def test_partneroverzicht_noemt_precies_de_genoemde_partners(site):
    genoemd = _genoemd("partners")
    verwacht = [p["naam"] for p in volgorde("partners.yaml", "partners") if p["id"] in genoemd]
    boom = lees(site / "partners/index.html")
    eerste_tabel = boom.xpath("//article//table")[0]
    assert [normaliseer(a.text_content()) for a in eerste_tabel.xpath(".//td[1]/a")] == verwacht


def test_themapaginas_vergelijken_precies_de_acties_van_het_thema(site):
    maatregelen = volgorde("maatregelen.yaml", "maatregelen")
    for thema in volgorde("themas.yaml", "themas"):
        van_thema = [a for a in acties() if a.thema == thema["id"]]
        boom = lees(site / "themas" / thema["id"] / "index.html")
        tabellen = boom.xpath("//article//table")
        regels = list(dict.fromkeys(r.tekst for a in van_thema for r in a.regels))
        if not regels:
            assert tabellen == [], thema["id"]
        else:
            tabel = tabellen[0]
            assert [normaliseer(th.text_content()) for th in tabel.xpath(".//th")][1:] == \
                [a.code for a in van_thema], thema["id"]
            rijen = tabel.xpath(".//tbody/tr")
            assert [normaliseer(r.xpath("./td")[0].text_content()) for r in rijen] == \
                [normaliseer(t) for t in regels], thema["id"]
            for rij, tekst in zip(rijen, regels):
                vinkjes = [normaliseer(td.text_content()) for td in rij.xpath("./td")[1:]]
                assert vinkjes == ["✓ja" if tekst in [r.tekst for r in a.regels] else "–nee" for a in van_thema], \
                    (thema["id"], tekst)
        ankers = {h.rsplit("#", 1)[1] for h in boom.xpath("//article//a[contains(@href, 'maatregelen/#m-')]/@href")}
        assert ankers == {m["code"].lower() for m in maatregelen if thema["id"] in m.get("themas", [])}, thema["id"]


def test_ankers_van_acties_handelingen_en_subpunten(site):
    """Each objecttype x phase page carries the anchors of exactly its acties (h2.actie) and of
    their lines, in data order; no other page has an h2.actie."""
    for pagina in html_bestanden(site):
        boom = lees(pagina)
        koppen = [h.get("id") for h in boom.xpath("//h2[contains(concat(' ', @class, ' '), ' actie ')]")]
        delen = pagina.relative_to(site).parts
        eigen = [a for a in acties() if delen[:-1] == (a.objecttype, a.fase)]
        assert koppen == [a.code.lower() for a in eigen], pagina
        ids = boom.xpath("//span[contains(@class, 'handeling')]/@id")
        assert ids == [r.id.lower() for a in eigen for r in a.regels], pagina


def test_elke_link_naar_een_actie_wijst_naar_waar_die_actie_staat(site):
    """Every link on any page whose anchor is an actie code points at the page of that actie."""
    codes = {a.code.lower(): a for a in acties()}
    fouten = []
    for pagina in html_bestanden(site):
        for href in lees(pagina).xpath("//a/@href"):
            doel = doel_van(site, pagina, href)
            if doel and doel[1] in codes:
                actie = codes[doel[1]]
                if doel[0] != site / actie.objecttype / actie.fase / "index.html":
                    fouten.append(f"{pagina.relative_to(site)}: {href}")
    assert fouten == []


def test_fase_en_themapaginas_linken_de_code_zonder_extra_regel(site):
    """On the per-phase and theme pages each actie heading's code links to the actie on its own page;
    there is no repeated 'Naar … op de pagina …' line under every actie."""
    codes = {a.code: a for a in acties()}
    pagina_s = [*(site / "fasen").glob("*/index.html"), *(site / "themas").glob("*/index.html")]
    gezien = 0
    for pagina in pagina_s:
        boom = lees(pagina)
        assert not boom.xpath("//*[contains(@class, 'naar-actie')]"), pagina
        for kop in boom.xpath("//article//h2|//article//h3"):
            tekst = koptekst(kop)
            code = tekst.split(" ")[0]
            if code in codes:
                [link] = kop.xpath("./a[contains(@class, 'actiecode')]")
                actie = codes[code]
                assert normaliseer(link.text_content()) == code
                assert doel_van(site, pagina, link.get("href")) == \
                    (site / actie.objecttype / actie.fase / "index.html", code.lower()), (pagina, code)
                gezien += 1
    assert gezien >= 2 * len(codes)  # every actie on its phase page and on its theme page


def test_codelegenda_waar_lezers_codes_tegenkomen(site):
    """Every object type × phase page, every per-phase page and the Over page explain the codes:
    each letter with its object type or phase (from the raw YAML) and an example of a sub-item."""
    subpunt = next(r.id for a in acties() for r in a.regels if r.id[-1].isalpha())
    verwacht = [f"{o['letter']} = {o['naam'].lower()}" for o in volgorde("objecttypen.yaml", "objecttypen")] + \
               [f"{f['letter']} = {f['naam'].lower()}" for f in volgorde("fasen.yaml", "fasen")] + [subpunt]
    pagina_s = [site / o["id"] / f["id"] / "index.html" for o in volgorde("objecttypen.yaml", "objecttypen")
                for f in volgorde("fasen.yaml", "fasen")]
    pagina_s += [site / "fasen" / f["id"] / "index.html" for f in volgorde("fasen.yaml", "fasen")]
    for pagina in pagina_s + [site / "over/index.html"]:
        [legenda] = lees(pagina).xpath("//p[contains(@class, 'codelegenda')]")
        tekst = normaliseer(legenda.text_content())
        assert all(deel in tekst for deel in verwacht), (pagina, tekst)


def test_partner_zonder_handelingen_zegt_wie_het_is(site):
    """A partner that no line names gets no empty 'all handelingen that name …' list; an Offensief
    member's page says its role and carries the Offensief's own description (kader.yaml)."""
    genoemd = _genoemd("partners")
    offensief = normaliseer(bestand("kader.yaml")["offensief"])
    zonder = [p for p in volgorde("partners.yaml", "partners") if p["id"] not in genoemd]
    assert zonder
    for partner in zonder:
        tekst = normaliseer(lees(site / "partners" / partner["id"] / "index.html").xpath("//article")[0].text_content())
        assert "Hieronder staan" not in tekst and "noemt dit niet" not in tekst, partner["id"]
        if partner.get("offensief"):
            assert "van het Offensief tegen Explosies." in tekst and offensief in tekst, partner["id"]


def _verwacht_label(regel) -> str:
    delen = []
    if regel.partners:
        delen.append("Partner:" if len(regel.partners) == 1 else "Partners:")
    if regel.instrumenten:
        delen.append("Instrument:" if len(regel.instrumenten) == 1 else "Instrumenten:")
    return " ".join(delen)


def test_verwijzingen_onder_een_handeling_gelabeld(site):
    """On every object type × phase page the partners and instruments under a line are labelled,
    singular or plural as the raw YAML names them."""
    for actie in acties():
        boom = lees(site / actie.objecttype / actie.fase / "index.html")
        for regel in actie.regels:
            [span] = boom.xpath(f"//span[@id='{regel.id.lower()}']")
            labels = " ".join(normaliseer(s.text_content()) for s in
                              span.getparent().xpath("./span[@class='verwijzingen']/span[@class='verwijzing-soort']"))
            assert labels == _verwacht_label(regel), regel.id


# Acties whose title names a partner or instrument and that the issue names (issue 9): the raw
# YAML declares the reference on the actie itself.
TITEL_NOEMT = [("W-H-02", "partners", "politie"), ("B-H-02", "partners", "politie"), ("V-H-02", "partners", "politie"),
               ("W-H-02", "instrumenten", "cameratoezicht"), ("B-H-02", "instrumenten", "cameratoezicht"),
               ("V-H-02", "instrumenten", "cameratoezicht"), ("B-H-03", "instrumenten", "cameratoezicht"),
               ("B-D-09", "partners", "pvo"), ("B-D-09", "partners", "brancheverenigingen")]


@pytest.mark.parametrize("code,soort,sleutel", TITEL_NOEMT)
def test_actie_die_in_de_titel_een_partner_of_instrument_noemt(site, code, soort, sleutel):
    """The actie is declared on itself in the raw YAML and listed with its title on the partner or
    instrument page, linked to its anchor on its object type x phase page."""
    actie = next(a for a in acties() if a.code == code)
    assert sleutel in getattr(actie, soort)
    pagina = site / soort / sleutel / "index.html"
    _, gevonden = _lijst_op_pagina(site, pagina)
    [(_, _, _, href, _)] = [g for g in gevonden if g[4] == f"{code} {normaliseer(actie.titel)}"]
    assert doel_van(site, pagina, href) == _pagina_van_actie(site, code)


def test_verwijzingen_van_een_actie_onder_zijn_titel(site):
    """On its object type x phase page and on its theme page, an actie's own partners and
    instruments (raw YAML) are linked right under its heading; an actie without them shows none."""
    for actie in acties():
        verwacht = [site / "partners" / p / "index.html" for p in actie.partners] + \
                   [site / "instrumenten" / i / "index.html" for i in actie.instrumenten]
        for pagina in [site / actie.objecttype / actie.fase / "index.html",
                       site / "themas" / actie.thema / "index.html"]:
            [kop] = [h for h in lees(pagina).xpath("//article//h2") if koptekst(h).split(" ")[0] == actie.code]
            volgende = kop.getnext()
            links = volgende.xpath(".//a/@href") if "actie-verwijzingen" in volgende.get("class", "") else []
            assert [doel_van(site, pagina, h)[0] for h in links] == verwacht, (actie.code, pagina)
