"""The assembled handelingskader: every data file loaded, checked and linked, asked for by every page.

All relationships are computed once here (which handelingen name a partner, which acties share a
theme, ...), so renderers never search the data themselves.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from .model import (Actie, Afkorting, Begrip, Cijfers, Fase, Handeling, Instrument, Kader,
                    Maatregelen, Objecttype, Partner, Subpunt, Thema, Zoekwoord)

if TYPE_CHECKING:
    from .lokaal import Afspraak, Contact, Lokaal


@dataclass(frozen=True)
class Plek:
    """An actie in its place: object type and phase."""

    objecttype: Objecttype
    fase: Fase
    actie: Actie


@dataclass(frozen=True)
class Vermelding:
    """An actie, handeling or sub-item that names a partner, instrument or term, in its place.
    Without a handeling the actie itself (its title) names it."""

    plek: Plek
    handeling: Handeling | None = None
    tekst: Handeling | Subpunt | None = None

    @property
    def bron(self) -> Actie | Handeling | Subpunt:
        """What carries the references: the line, or the actie itself."""
        return self.tekst or self.plek.actie


@dataclass(eq=False)  # identity: one loaded kader per build
class Handelingskader:
    kader: Kader
    objecttypen: list[Objecttype]
    fasen: list[Fase]
    themas: dict[str, Thema]
    partners: dict[str, Partner]
    instrumenten: dict[str, Instrument]
    begrippen: dict[str, Begrip]
    afkortingen: list[Afkorting]
    maatregelen: Maatregelen
    cijfers: Cijfers
    acties: dict[tuple[str, str], list[Actie]] = field(default_factory=dict)
    zoekwoorden: list[Zoekwoord] = field(default_factory=list)  # editorial: steer search only
    lokaal: Lokaal | None = None  # a gemeente's own edition (KADER_LOKAAL): additions only

    def fase_acties(self, objecttype: Objecttype, fase: Fase) -> list[Actie]:
        return self.acties.get((objecttype.id, fase.id), [])

    def editieregel(self, kort: bool = False) -> str:
        """The edition line, one wording everywhere: in full on pages, short on cards and print lines;
        a gemeente's own edition names the gemeente."""
        k = self.kader
        regel = f"{k.titel} · editie {k.editie.naam}" if kort else \
            f"{k.titel} · {k.ondertitel} · editie {k.editie.naam} · {k.uitgever}"
        return f"{regel} · {self.lokaal.gemeente.naam}" if self.lokaal else regel

    @property
    def uitgavenaam(self) -> str | None:
        """The name of a gemeente's own edition, e.g. 'Handelingskader — Gemeente Voorbeeld'."""
        return f"Handelingskader — {self.lokaal.gemeente.naam}" if self.lokaal else None

    def contact(self, partner: str) -> Contact | None:
        """The gemeente's own contact for a partner (id), if any."""
        return self.lokaal.contacten.get(partner) if self.lokaal else None

    def afspraken(self, actie: Actie) -> list[Afspraak]:
        """The gemeente's own arrangements for an actie, shown apart from the national text."""
        return self.lokaal.afspraken.get(actie.code, []) if self.lokaal else []

    def partners_bij(self, acties: list[Actie]) -> list[Partner]:
        """The partners these acties name, most often named first (ties: the order of partners.yaml)."""
        tel = Counter(p for actie in acties for deel in [actie, *actie.delen()] for p in deel.partners)
        return sorted((p for p in self.partners.values() if p.id in tel), key=lambda p: -tel[p.id])

    def lokale_contacten(self) -> list[tuple[Partner, Contact]]:
        """Every local contact with its partner, in the order of partners.yaml."""
        return [(p, self.contact(p.id)) for p in self.partners.values() if self.contact(p.id)]

    def contacten_bij(self, acties: list[Actie]) -> list[tuple[Partner, Contact]]:
        """Local contacts of the partners these acties name, in the order of partners.yaml."""
        genoemd = {p.id for p in self.partners_bij(acties)}
        return [(p, c) for p, c in self.lokale_contacten() if p.id in genoemd]

    def lokale_afspraken(self) -> list[tuple[Plek, list[Afspraak]]]:
        """Every actie with local arrangements, in publication order, with its arrangements."""
        return [(plek, self.afspraken(plek.actie)) for plek in self.plekken() if self.afspraken(plek.actie)]

    def codelegenda(self) -> str:
        """How to read a code, one wording for the web pages and the cards (no closing full stop)."""
        ot, f = self.objecttypen[0], self.spoedfase
        sub = next((deel for plek in self.plekken() for h, deel in plek.actie.regels() if deel is not h), None)
        return (", ".join(f"{o.letter} = {o.naam.lower()}" for o in self.objecttypen) + "; "
                + ", ".join(f"{fase.letter} = {fase.naam.lower()}" for fase in self.fasen) + ". "
                + f"{ot.letter}-{f.letter}-03 is actie 3 bij {ot.naam.lower()} in de fase {f.naam.lower()}, "
                + f"{ot.letter}-{f.letter}-03.2 de tweede handeling van die actie"
                + (f"; een letter erachter is een subpunt, zoals {sub.id}" if sub else ""))

    @property
    def spoedfase(self) -> Fase:
        """The phase a reader in a crisis needs first (the loader checks there is exactly one)."""
        return next(fase for fase in self.fasen if fase.spoed)

    def plekken(self) -> Iterator[Plek]:
        """Every actie in publication order: object type, phase, actie."""
        for objecttype in self.objecttypen:
            for fase in self.fasen:
                for actie in self.fase_acties(objecttype, fase):
                    yield Plek(objecttype, fase, actie)

    @cached_property
    def plek_van(self) -> dict[str, Plek]:
        return {plek.actie.code: plek for plek in self.plekken()}

    def vermeldingen(self) -> Iterator[Vermelding]:
        """Every actie, then each of its lines, in publication order."""
        for plek in self.plekken():
            yield Vermelding(plek)
            for handeling, deel in plek.actie.regels():
                yield Vermelding(plek, handeling, deel)

    def _index(self, soort: str) -> dict[str, list[Vermelding]]:
        index: dict[str, list[Vermelding]] = defaultdict(list)
        for vermelding in self.vermeldingen():
            for sleutel in getattr(vermelding.bron, soort):
                index[sleutel].append(vermelding)
        return dict(index)

    @cached_property
    def per_partner(self) -> dict[str, list[Vermelding]]:
        return self._index("partners")

    @cached_property
    def per_instrument(self) -> dict[str, list[Vermelding]]:
        return self._index("instrumenten")

    @cached_property
    def per_begrip(self) -> dict[str, list[Vermelding]]:
        return self._index("begrippen")

    @cached_property
    def maatregelen_per_thema(self) -> dict[str, list]:
        index: dict[str, list] = defaultdict(list)
        for maatregel in self.maatregelen.maatregelen:
            for thema in maatregel.themas:
                index[thema].append(maatregel)
        return dict(index)

    @cached_property
    def zoekwoorden_per_actie(self) -> dict[str, list[str]]:
        """The editorial search words that lead to an actie (code)."""
        index: dict[str, list[str]] = defaultdict(list)
        for zoekwoord in self.zoekwoorden:
            for code in zoekwoord.acties:
                index[code].append(zoekwoord.woord)
        return dict(index)

    @cached_property
    def per_thema(self) -> dict[str, list[Plek]]:
        index: dict[str, list[Plek]] = defaultdict(list)
        for plek in self.plekken():
            index[plek.actie.thema].append(plek)
        return dict(index)
