"""The editor's report of a build: what the kader holds per object type and phase, the editorial
signals, what changed since the previous edition, what that did to print (drukposities.py) and the
gemeente's overlay, if any.

For the editor only, never in the site or a bundle: one model for the summary `./scripts/build`
prints and the files beside the bundles, `dist/redactie/verslag.json` (for automation),
`verslag.html` and `verslag.txt` (macros/uitgave/verslag.py).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from ..gegevens.handelingskader import Handelingskader
from ..gegevens.signalen import signaleer
from ..gegevens.yamlbestand import DataFout
from ..sjablonen import html_omgeving
from .archief import Edities
from .drukposities import Drukposities, Drukvergelijking, Verschuiving, vergelijk_druk
from .vergelijking import SOORTEN, Editie


class Telling(BaseModel):
    objecttype: str
    fase: str
    acties: int
    handelingen: int
    subpunten: int


class SignaalRegel(BaseModel):
    code: str
    tekst: str


class Overlay(BaseModel):
    gemeente: str
    contacten: int
    afspraken: int


class Drukwerk(BaseModel):
    """This build's print positions and, when the previous edition's were recorded, the comparison."""

    posities: Drukposities
    vergelijking: Drukvergelijking | None
    zonder_vergelijking: str | None  # why there is no comparison


class Verslag(BaseModel):
    editie: Editie
    vorige: Editie | None
    vastgelegd: bool  # the data's edition is frozen in edities/
    afwijkend: bool  # frozen, but the data differs from it
    tellingen: list[Telling]
    signalen: list[SignaalRegel]
    wijzigingen: dict[str, int]  # per kind of change (SOORTEN), since `vorige`
    overlay: Overlay | None
    export_sha256: str  # of the JSON export as it would be frozen: ties recorded print positions to it
    drukwerk: Drukwerk | None  # None: built without PDFs
    drukposities_vastgelegd: bool  # edities/<id>.druk.json of the data's edition exists

    @property
    def totaal(self) -> Telling:
        return Telling(objecttype="", fase="", **{veld: sum(getattr(t, veld) for t in self.tellingen)
                                                  for veld in ("acties", "handelingen", "subpunten")})


def drukwerk(edities: Edities, posities: Drukposities | None) -> Drukwerk | None:
    """The print part of the report: compared with the previous edition's recorded positions."""
    if posities is None:
        return None
    vorige = edities.vorige
    if vorige is None:
        return Drukwerk(posities=posities, vergelijking=None, zonder_vergelijking="geen vorige editie vastgelegd")
    try:
        eerder = edities.archief.druk(vorige)
    except DataFout as fout:
        return Drukwerk(posities=posities, vergelijking=None, zonder_vergelijking=str(fout.meldingen[0]))
    if eerder is None:
        return Drukwerk(posities=posities, vergelijking=None,
                        zonder_vergelijking=f"van editie {vorige} zijn geen drukposities vastgelegd "
                                            f"(edities/{vorige}.druk.json)")
    return Drukwerk(posities=posities, vergelijking=vergelijk_druk(eerder, posities), zonder_vergelijking=None)


def verslag(kader: Handelingskader, edities: Edities, posities: Drukposities | None = None) -> Verslag:
    tellingen = [Telling(objecttype=ot.naam, fase=f.naam, acties=len(acties),
                         handelingen=sum(len(a.handelingen) for a in acties),
                         subpunten=sum(len(h.sub) for a in acties for h in a.handelingen))
                 for ot in kader.objecttypen for f in kader.fasen for acties in [kader.fase_acties(ot, f)]]
    wijzigingen = edities.wijzigingen
    soorten = Counter(w.soort for w in wijzigingen.alle()) if wijzigingen else Counter()
    lokaal = kader.lokaal
    return Verslag(
        editie=Editie(id=kader.kader.editie.id, naam=kader.kader.editie.naam),
        vorige=wijzigingen.van if wijzigingen else None,
        vastgelegd=edities.vastgelegd, afwijkend=edities.afwijkend, tellingen=tellingen,
        signalen=[SignaalRegel(code=s.code, tekst=s.tekst) for s in signaleer(kader)],
        wijzigingen={soort: soorten[soort] for soort in SOORTEN},
        overlay=Overlay(gemeente=lokaal.gemeente.naam, contacten=len(lokaal.contacten),
                        afspraken=sum(map(len, lokaal.afspraken.values()))) if lokaal else None,
        export_sha256=hashlib.sha256((edities.huidige_tekst + "\n").encode("utf-8")).hexdigest(),
        drukwerk=drukwerk(edities, posities),
        drukposities_vastgelegd=edities.archief.drukpad(kader.kader.editie.id).exists())


def samenvatting(v: Verslag) -> str:
    """The short summary at the end of ./scripts/build."""
    t = v.totaal
    regels = [f"Redactieverslag, editie {v.editie.naam} ({v.editie.id}): {t.acties} acties, "
              f"{t.handelingen} handelingen, {t.subpunten} subpunten"]
    regels += [f"  {r.objecttype} · {r.fase}: {r.acties} acties, {r.handelingen} handelingen, {r.subpunten} subpunten"
               for r in v.tellingen]
    if v.vorige:
        aantallen = ", ".join(f"{n} {SOORTEN[soort].lower()}" for soort, n in v.wijzigingen.items() if n)
        regels.append(f"Wijzigingen sinds editie {v.vorige.naam}: {aantallen or 'geen'}")
    else:
        regels.append("Wijzigingen: geen eerdere editie vastgelegd om mee te vergelijken")
    if v.afwijkend:
        regels.append(f"Let op: editie {v.editie.id} is al vastgelegd in edities/ maar de data wijkt ervan af; "
                      "geef de nieuwe editie een eigen id")
    elif not v.vastgelegd:
        regels.append(f"Editie {v.editie.id} is nog niet vastgelegd: ./scripts/publiceer")
    regels += drukregels(v)
    regels.append(f"Redactiesignalen: {len(v.signalen)} (na te kijken in de bron, niet verbeterd)")
    regels += [f"  {s.code}: {s.tekst}" for s in v.signalen]
    if v.overlay:
        regels.append(f"Eigen editie {v.overlay.gemeente}: {v.overlay.contacten} contacten, "
                      f"{v.overlay.afspraken} lokale afspraken")
    return "\n".join(regels)


def verschuiving(s: Verschuiving) -> str:
    """One actie that moved on paper, as a line."""
    if s.document == "overzicht":
        return f"{s.code}: pagina {s.was} -> {s.nu} van het Overzicht acties"
    return f"{s.code}: zijde {s.was} -> {s.nu} van de zakkaart {s.kaart}"


def drukregels(v: Verslag) -> list[str]:
    """What the build did to print: page count, sides per card, every actie that moved."""
    d = v.drukwerk
    if d is None:
        return ["Drukwerk: niet gebouwd (zonder PDF's)"]
    zijden = sorted({k.zijden for k in d.posities.kaarten})
    regels = [f"Drukwerk: Overzicht acties {d.posities.overzicht_paginas} pagina's, zakkaarten "
              f"{'/'.join(map(str, zijden))} zijden"]
    if v.vastgelegd and not v.afwijkend and not v.drukposities_vastgelegd:
        regels.append(f"  de drukposities van editie {v.editie.id} zijn nog niet vastgelegd: ./scripts/publiceer")
    if d.vergelijking is None:
        return regels + [f"  niet vergeleken: {d.zonder_vergelijking}"]
    c = d.vergelijking
    regels.append(f"  vergeleken met editie {c.vorige}: Overzicht acties {c.overzicht_nu} pagina's (was {c.overzicht_was})")
    anders = [k for k in c.kaarten if k.was != k.nu]
    regels += [f"  zakkaart {k.naam}: {k.nu} zijden (was {k.was if k.was is not None else 'er niet'})" for k in anders]
    regels.append(f"  {len(c.kaarten) - len(anders)} zakkaarten met evenveel zijden als in editie {c.vorige}")
    regels.append(f"  verschoven acties: {len(c.verschoven) or 'geen'}")
    kaarten = [verschuiving(s) for s in c.verschoven if s.document == "kaart"]
    return regels + [f"    {regel}" for regel in overzichtregels(c.verschoven, d.posities) + kaarten]


def _fase(code: str) -> str:
    """The object type and phase of an actie code: W-D-05 -> W-D."""
    return code.rsplit("-", 1)[0]


def overzichtregels(verschoven: list[Verschuiving], nu: Drukposities) -> list[str]:
    """The acties on another page of the Overzicht; a phase whose acties all moved by the same number
    of pages (pushed by an earlier page) in one line."""
    namen = {_fase(code): k.naam for k in nu.kaarten for code in k.acties}
    per_fase: dict[str, list[Verschuiving]] = {}
    for s in verschoven:
        if s.document == "overzicht":
            per_fase.setdefault(_fase(s.code), []).append(s)
    regels = []
    for fase, lijst in per_fase.items():
        stappen = {s.nu - s.was for s in lijst}
        if len(lijst) == sum(_fase(code) == fase for code in nu.overzicht) > 1 and len(stappen) == 1:
            regels.append(f"{namen.get(fase, fase)} ({lijst[0].code} t/m {lijst[-1].code}): de hele fase van "
                          f"pagina {lijst[0].was} naar {lijst[0].nu} van het Overzicht acties")
        else:
            regels += [verschuiving(s) for s in lijst]
    return regels


def als_html(v: Verslag) -> str:
    """The report as a page of its own (sjablonen/verslag.html), for the editor to open."""
    omgeving = html_omgeving(Path(__file__).parent / "sjablonen")
    return omgeving.get_template("verslag.html").render(v=v, soortnamen=SOORTEN)
