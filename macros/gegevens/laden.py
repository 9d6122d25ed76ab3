"""Loading data/ into one checked Handelingskader, or a DataFout listing every problem at once."""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from .yamlbestand import Databestand, DataFout, Melding, lees_yaml
from .handelingskader import Handelingskader
from .meldingen import vertaal
from .model import (Actiebestand, Afkortingen, Begrippen, Cijfers, Fasen, Instrumenten, Kader,
                    Maatregelen, Objecttypen, Partners, Themas, Zoekwoorden)

BESTANDEN: dict[str, type[BaseModel]] = {
    "kader.yaml": Kader,
    "objecttypen.yaml": Objecttypen,
    "fasen.yaml": Fasen,
    "themas.yaml": Themas,
    "partners.yaml": Partners,
    "instrumenten.yaml": Instrumenten,
    "begrippen.yaml": Begrippen,
    "afkortingen.yaml": Afkortingen,
    "maatregelen.yaml": Maatregelen,
    "cijfers.yaml": Cijfers,
    "zoekwoorden.yaml": Zoekwoorden,
}
ACTIEMAP = "acties"
WOORD = re.compile(r"\w+")  # a word of a search word's `zie`, and of the kader's texts
MAX_BYTES = 2 * 1024 * 1024  # the largest data file is about 60 KB
HET_WOORDEN = {"begrip", "instrument", "thema", "objecttype"}


class Lading:
    """Collects validated files and every problem found while loading."""

    def __init__(self, data_map: Path):
        self.data_map = data_map
        self.meldingen: list[Melding] = []
        self.bestanden: dict[str, Databestand] = {}
        self.modellen: dict[str, Any] = {}

    def naam(self, pad: Path) -> str:
        return f"{self.data_map.name}/{pad.relative_to(self.data_map).as_posix()}"

    def toegang(self, pad: Path, model: type[BaseModel]) -> str | None:
        """Why this data file cannot be read, or None: missing, a folder, a link out of data/, too
        large or unreadable."""
        if pad.is_symlink() and not pad.resolve().is_relative_to(self.data_map.resolve()):
            return f"verwijst naar {pad.resolve()}, buiten {self.data_map.name}/; alleen bestanden in de datamap worden gelezen"
        if pad.is_dir():
            return f"is een map; hier hoort een YAML-bestand ({model.__name__})"
        if not pad.is_file():
            return f"bestand ontbreekt (verwacht: {model.__name__})"
        if pad.stat().st_size > MAX_BYTES:
            return (f"bestand is {pad.stat().st_size / 1024 / 1024:.1f} MB; een databestand mag hoogstens "
                    f"{MAX_BYTES // 1024 // 1024} MB zijn")
        if not os.access(pad, os.R_OK):
            return "bestand kan niet gelezen worden (geen leesrechten)"
        return None

    def lees(self, pad: Path, model: type[BaseModel]) -> Any:
        naam = self.naam(pad)
        probleem = self.toegang(pad, model)
        if probleem:
            self.meldingen.append(Melding(naam, 1, 1, probleem))
            return None
        try:
            bestand, meldingen = lees_yaml(pad, naam)
        except OSError as fout:
            self.meldingen.append(Melding(naam, 1, 1, f"bestand kan niet gelezen worden ({fout.strerror})"))
            return None
        self.bestanden[naam] = bestand
        self.meldingen.extend(meldingen)
        if meldingen:
            return None
        try:
            waarde = model.model_validate(bestand.data if bestand.data is not None else {})
        except ValidationError as fout:
            self.meldingen.extend(vertaal(fout, bestand, model))
            return None
        self.modellen[naam] = waarde
        return waarde

    def fout(self, naam: str, pad: tuple, tekst: str) -> None:
        self.meldingen.append(self.bestanden[naam].melding(pad, tekst))


def suggestie(waarde: str, bekend: Iterable[str]) -> str:
    gelijkend = difflib.get_close_matches(waarde, list(bekend), n=1)
    return f"bedoelt u '{gelijkend[0]}'? " if gelijkend else ""


class Controle:
    """Rules that span files: unique codes, known references, codes that fit their place."""

    def __init__(self, lading: Lading):
        self.lading = lading
        self.gezien: dict[str, tuple[str, tuple]] = {}

    def uniek(self, naam: str, pad: tuple, code: str, soort: str) -> None:
        sleutel = f"{soort}:{code}"
        if sleutel in self.gezien:
            eerder_naam, eerder_pad = self.gezien[sleutel]
            eerder = self.lading.bestanden[eerder_naam].melding(eerder_pad, "")
            self.lading.fout(naam, pad, f"{soort} '{code}' bestaat al ({eerder.bestand}:{eerder.regel}); "
                                        f"elke {soort} moet uniek zijn")
        else:
            self.gezien[sleutel] = (naam, pad)

    def lijst_uniek(self, naam: str, lijstnaam: str, items: list, veld: str, soort: str) -> None:
        for i, item in enumerate(items):
            self.uniek(naam, (lijstnaam, i, veld), getattr(item, veld), soort)

    def bekend(self, naam: str, pad: tuple, waarde: str, bekend: dict | None, soort: str, bestand: str) -> None:
        if bekend is not None and waarde not in bekend:
            bijvoeglijk = "onbekend" if soort in HET_WOORDEN else "onbekende"
            self.lading.fout(naam, pad, f"{bijvoeglijk} {soort} '{waarde}' ({suggestie(waarde, bekend)}"
                                        f"toegestaan: een id uit data/{bestand})")


def _index(model: Any, lijst: str, veld: str = "id") -> dict | None:
    return None if model is None else {getattr(x, veld): x for x in getattr(model, lijst)}


def laad(data_map: Path) -> Handelingskader:
    """Load and check every data file; raise DataFout with all problems if any."""
    data_map = Path(data_map)
    lading = Lading(data_map)
    m = {naam: lading.lees(data_map / naam, model) for naam, model in BESTANDEN.items()}
    actiebestanden = {lading.naam(p): lading.lees(p, Actiebestand)
                      for p in sorted((data_map / ACTIEMAP).glob("*.yaml"))}
    controle = Controle(lading)
    for naam, lijst, veld, soort in [("objecttypen.yaml", "objecttypen", "id", "objecttype"),
                                     ("objecttypen.yaml", "objecttypen", "letter", "objecttypeletter"),
                                     ("fasen.yaml", "fasen", "id", "fase"), ("fasen.yaml", "fasen", "letter", "faseletter"),
                                     ("themas.yaml", "themas", "id", "thema"), ("partners.yaml", "partners", "id", "partner"),
                                     ("instrumenten.yaml", "instrumenten", "id", "instrument"),
                                     ("begrippen.yaml", "begrippen", "id", "begrip"),
                                     ("maatregelen.yaml", "maatregelen", "code", "maatregelcode"),
                                     ("maatregelen.yaml", "lijnen", "nummer", "lijn"),
                                     ("afkortingen.yaml", "afkortingen", "afkorting", "afkorting"),
                                     ("zoekwoorden.yaml", "zoekwoorden", "woord", "zoekwoord")]:
        if m[naam] is not None:
            controle.lijst_uniek(lading.naam(data_map / naam), lijst, getattr(m[naam], lijst), veld, soort)
    indexen = {
        "objecttypen": _index(m["objecttypen.yaml"], "objecttypen"),
        "fasen": _index(m["fasen.yaml"], "fasen"),
        "themas": _index(m["themas.yaml"], "themas"),
        "partners": _index(m["partners.yaml"], "partners"),
        "instrumenten": _index(m["instrumenten.yaml"], "instrumenten"),
        "begrippen": _index(m["begrippen.yaml"], "begrippen"),
        "lijnen": _index(m["maatregelen.yaml"], "lijnen", "nummer"),
    }
    _controleer_spoedfase(lading, m["fasen.yaml"], data_map)
    _controleer_maatregelen(lading, controle, m["maatregelen.yaml"], indexen, data_map)
    acties = _controleer_acties(lading, controle, actiebestanden, indexen)
    if None not in actiebestanden.values():  # a search word for an actie in a broken file is no news
        teksten = [*(v for n, v in m.items() if n != "zoekwoorden.yaml"), *actiebestanden.values()]
        # a 'zie' word of a file that did not load is no news either
        woordenschat = None if None in teksten else _woordenschat(teksten)
        _controleer_zoekwoorden(lading, controle, m["zoekwoorden.yaml"], acties, data_map, woordenschat)
    if lading.meldingen:
        raise DataFout(sorted(set(lading.meldingen), key=lambda x: (x.bestand, x.regel, x.kolom, x.tekst)))
    return Handelingskader(
        kader=m["kader.yaml"], objecttypen=m["objecttypen.yaml"].objecttypen, fasen=m["fasen.yaml"].fasen,
        themas=indexen["themas"], partners=indexen["partners"], instrumenten=indexen["instrumenten"],
        begrippen=indexen["begrippen"], afkortingen=m["afkortingen.yaml"].afkortingen,
        maatregelen=m["maatregelen.yaml"], cijfers=m["cijfers.yaml"], acties=acties,
        zoekwoorden=m["zoekwoorden.yaml"].zoekwoorden)


def _controleer_spoedfase(lading: Lading, fasen: Any, data_map: Path) -> None:
    """Exactly one phase is the one a reader in a crisis needs first (home page, quick choice)."""
    if fasen is None:
        return
    naam = lading.naam(data_map / "fasen.yaml")
    spoed = [i for i, fase in enumerate(fasen.fasen) if fase.spoed]
    if not spoed:
        lading.fout(naam, ("fasen",), "geen fase met 'spoed: true' (precies één fase is de fase die een "
                                      "lezer in een crisis het eerst nodig heeft, zoals 'direct')")
    for i in spoed[1:]:
        lading.fout(naam, ("fasen", i, "spoed"), f"fase '{fasen.fasen[i].id}' heeft ook 'spoed: true' "
                                                 f"(toegestaan: precies één fase, nu al '{fasen.fasen[spoed[0]].id}')")


def _woordenschat(modellen: Iterable[BaseModel]) -> set[str]:
    """Every word (lower case) of the texts of the loaded data files."""
    def teksten(waarde: Any) -> Iterable[str]:
        if isinstance(waarde, str):
            yield waarde
        elif isinstance(waarde, dict):
            for w in waarde.values():
                yield from teksten(w)
        elif isinstance(waarde, list):
            for w in waarde:
                yield from teksten(w)
    return {w.lower() for m in modellen for t in teksten(m.model_dump()) for w in WOORD.findall(t)}


def _controleer_zoekwoorden(lading: Lading, controle: Controle, zoekwoorden: Any, acties: dict,
                            data_map: Path, woordenschat: set[str] | None) -> None:
    """Every search word leads to acties that exist, or stands for words that the kader uses."""
    if zoekwoorden is None:
        return
    naam = lading.naam(data_map / "zoekwoorden.yaml")
    codes_ = {actie.code: actie for lijst in acties.values() for actie in lijst}
    for i, zoekwoord in enumerate(zoekwoorden.zoekwoorden):
        for j, code in enumerate(zoekwoord.acties):
            if code not in codes_:
                lading.fout(naam, ("zoekwoorden", i, "acties", j),
                            f"onbekende actiecode '{code}' ({suggestie(code, codes_)}toegestaan: "
                            f"een actiecode uit data/{ACTIEMAP}/)")
        for j, woorden in enumerate(zoekwoord.zie if woordenschat is not None else []):
            onbekend = [w for w in WOORD.findall(woorden) if w not in woordenschat]
            if onbekend:
                lading.fout(naam, ("zoekwoorden", i, "zie", j),
                            f"'{woorden}' staat niet in het kader ({', '.join(onbekend)}): 'zie' noemt woorden "
                            "uit de tekst van het kader, waar het zoekwoord voor staat")


def _controleer_maatregelen(lading: Lading, controle: Controle, maatregelen: Any, indexen: dict,
                            data_map: Path) -> None:
    if maatregelen is None:
        return
    naam = lading.naam(data_map / "maatregelen.yaml")
    for i, maatregel in enumerate(maatregelen.maatregelen):
        if maatregel.lijn not in indexen["lijnen"]:
            lading.fout(naam, ("maatregelen", i, "lijn"),
                        f"onbekende lijn {maatregel.lijn} (toegestaan: {', '.join(map(str, indexen['lijnen']))})")
        elif not maatregel.code.startswith(f"M-{maatregel.lijn}-"):
            lading.fout(naam, ("maatregelen", i, "code"),
                        f"code '{maatregel.code}' hoort bij een andere lijn dan {maatregel.lijn} "
                        f"(verwacht: M-{maatregel.lijn}-nn)")
        for j, thema in enumerate(maatregel.themas):
            controle.bekend(naam, ("maatregelen", i, "themas", j), thema, indexen["themas"], "thema", "themas.yaml")


def _controleer_acties(lading: Lading, controle: Controle, bestanden: dict[str, Any],
                       indexen: dict) -> dict[tuple[str, str], list]:
    acties: dict[tuple[str, str], list] = {}
    objecttypen, fasen = indexen["objecttypen"], indexen["fasen"]
    for naam, bestand in bestanden.items():
        if bestand is None:
            continue
        controle.uniek(naam, ("objecttype",), bestand.objecttype, "actiebestand voor objecttype")
        controle.bekend(naam, ("objecttype",), bestand.objecttype, objecttypen, "objecttype", "objecttypen.yaml")
        objecttype = (objecttypen or {}).get(bestand.objecttype)
        for i, fase_acties in enumerate(bestand.fasen):
            controle.bekend(naam, ("fasen", i, "fase"), fase_acties.fase, fasen, "fase", "fasen.yaml")
            controle.uniek(naam, ("fasen", i, "fase"), f"{bestand.objecttype}/{fase_acties.fase}", "fase per objecttype")
            fase = (fasen or {}).get(fase_acties.fase)
            prefix = f"{objecttype.letter}-{fase.letter}-" if objecttype and fase else None
            for j, actie in enumerate(fase_acties.acties):
                _controleer_actie(lading, controle, naam, ("fasen", i, "acties", j), actie, prefix, indexen)
            acties[(bestand.objecttype, fase_acties.fase)] = fase_acties.acties
    if None not in bestanden.values():  # a file that did not validate is reported already
        _controleer_volledig(lading, acties, objecttypen, fasen)
    return acties


def _controleer_actie(lading: Lading, controle: Controle, naam: str, pad: tuple, actie: Any,
                      prefix: str | None, indexen: dict) -> None:
    controle.uniek(naam, pad + ("code",), actie.code, "actiecode")
    if prefix and not actie.code.startswith(prefix):
        lading.fout(naam, pad + ("code",), f"actiecode '{actie.code}' past niet bij objecttype en fase "
                                           f"(verwacht: {prefix}nn)")
    controle.bekend(naam, pad + ("thema",), actie.thema, indexen["themas"], "thema", "themas.yaml")
    _controleer_verwijzingen(controle, naam, pad, actie, indexen)
    for k, handeling in enumerate(actie.handelingen):
        hpad = pad + ("handelingen", k)
        _controleer_tekstdeel(lading, controle, naam, hpad, handeling, rf"{actie.code}.", indexen)
        for s, sub in enumerate(handeling.sub):
            _controleer_tekstdeel(lading, controle, naam, hpad + ("sub", s), sub, handeling.id, indexen)


def _controleer_tekstdeel(lading: Lading, controle: Controle, naam: str, pad: tuple, deel: Any,
                          ouder: str, indexen: dict) -> None:
    controle.uniek(naam, pad + ("id",), deel.id, "handelingcode")
    rest = deel.id.removeprefix(ouder)
    subpunt = "sub" in pad
    if rest == deel.id or not (rest.isalpha() and len(rest) == 1 if subpunt else rest.isdigit()):
        verwacht = f"{ouder}a, {ouder}b, …" if subpunt else f"{ouder}1, {ouder}2, …"
        lading.fout(naam, pad + ("id",), f"code '{deel.id}' past niet bij de bovenliggende code (verwacht: {verwacht})")
    _controleer_verwijzingen(controle, naam, pad, deel, indexen)


def _controleer_verwijzingen(controle: Controle, naam: str, pad: tuple, deel: Any, indexen: dict) -> None:
    """The partners, instruments and terms an actie, handeling or sub-item names exist."""
    for soort, enkelvoud, bestand in [("partners", "partner", "partners.yaml"),
                                      ("instrumenten", "instrument", "instrumenten.yaml"),
                                      ("begrippen", "begrip", "begrippen.yaml")]:
        for n, waarde in enumerate(getattr(deel, soort)):
            controle.bekend(naam, pad + (soort, n), waarde, indexen[soort], enkelvoud, bestand)


def _controleer_volledig(lading: Lading, acties: dict, objecttypen: dict | None, fasen: dict | None) -> None:
    if not objecttypen or not fasen:
        return
    for objecttype in objecttypen:
        for fase in fasen:
            if (objecttype, fase) not in acties:
                lading.meldingen.append(Melding(f"{lading.data_map.name}/{ACTIEMAP}/{objecttype}.yaml", 1, 1,
                    f"geen acties voor objecttype '{objecttype}' in fase '{fase}' "
                    f"(elk objecttype heeft een blok '- fase: {fase}' in data/{ACTIEMAP}/)"))
