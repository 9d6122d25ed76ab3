"""The editor's report of a build: what the kader holds per object type and phase, the editorial
signals, what changed since the previous edition and the gemeente's overlay, if any.

One model for the three forms: the summary `./scripts/build` prints, the editors' page (left out of
navigation and search) and `redactie/verslag.json` for automation.
"""
from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from ..gegevens.handelingskader import Handelingskader
from ..gegevens.signalen import signaleer
from .archief import Edities
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


class Verslag(BaseModel):
    editie: Editie
    vorige: Editie | None
    vastgelegd: bool  # the data's edition is frozen in edities/
    afwijkend: bool  # frozen, but the data differs from it
    tellingen: list[Telling]
    signalen: list[SignaalRegel]
    wijzigingen: dict[str, int]  # per kind of change (SOORTEN), since `vorige`
    overlay: Overlay | None

    @property
    def totaal(self) -> Telling:
        return Telling(objecttype="", fase="", **{veld: sum(getattr(t, veld) for t in self.tellingen)
                                                  for veld in ("acties", "handelingen", "subpunten")})


def verslag(kader: Handelingskader, edities: Edities) -> Verslag:
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
                        afspraken=sum(map(len, lokaal.afspraken.values()))) if lokaal else None)


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
    regels.append(f"Redactiesignalen: {len(v.signalen)} (na te kijken in de bron, niet verbeterd)")
    regels += [f"  {s.code}: {s.tekst}" for s in v.signalen]
    if v.overlay:
        regels.append(f"Eigen editie {v.overlay.gemeente}: {v.overlay.contacten} contacten, "
                      f"{v.overlay.afspraken} lokale afspraken")
    return "\n".join(regels)
