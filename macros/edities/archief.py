"""The frozen editions: `edities/<editie-id>.json`, the open-data export of each published edition,
kept in the repository and never overwritten (`./scripts/publiceer`), each with the checksum written
when it was frozen beside it: `edities/<editie-id>.json.sha256` (`cd edities && sha256sum -c *.sha256`).

Beside an edition may stand `edities/<editie-id>.druk.json`: where its acties stood on paper
(drukposities.py), recorded when it was frozen from the build of the same data; the editor's report
compares the next edition's print with it.

The build reads them to compare the data with the previous edition and offers every one as a
download, so earlier editions remain readable. Before either, every frozen edition is checked: its
name, its checksum, JSON, the export schema and its own id; anything else in edities/ is reported
too. A damaged archive is a DataFout with one line per file, `edities/<id>.json:LINE:COL: ...`.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from ..export.opendata import Export
from ..gegevens.meldingen import vertaal
from ..gegevens.yamlbestand import Databestand, DataFout, Melding
from .drukposities import Drukposities
from .vergelijking import Wijzigingen, vergelijk

SOM = ".sha256"  # the checksum beside each edition
DRUK = ".druk.json"  # the print positions beside an edition
NAAM = re.compile(r"([0-9]{4}-(?:0[1-9]|1[0-2]))(\.json(?:\.sha256)?|\.druk\.json)", re.ASCII)
GROOTSTE = 32 * 1024 * 1024  # bytes; an edition is about 125 KB
SOMREGEL = re.compile(r"([0-9a-f]{64}) [ *](\S+)\n?", re.ASCII)
JSONFOUTEN = {  # the json module's messages, in Dutch
    "Expecting value": "waarde verwacht", "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht", "Extra data": "tekst na het einde",
    "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele aanhalingstekens verwacht",
    "Unterminated string starting at": "tekst zonder aanhalingsteken aan het eind",
    "Invalid control character at": "stuurteken in een tekst", "Invalid \\escape": "ongeldige \\-reeks",
}
LEZER = json.JSONDecoder()
TERUG = "haal het vastgelegde bestand terug uit git: git checkout -- {naam}"


def _fout(naam: str, tekst: str, regel: int = 1, kolom: int = 1) -> DataFout:
    """One finding about one file of the archive."""
    return DataFout([Melding(naam, regel, kolom, tekst)])


def _plaats(tekst: str, i: int) -> tuple[int, int]:
    """Line and column of offset `i`, from 1."""
    return tekst.count("\n", 0, i) + 1, i - tekst.rfind("\n", 0, i)


def _wit(tekst: str, i: int) -> int:
    return json.decoder.WHITESPACE.match(tekst, i).end()


def _kind(tekst: str, i: int, stap) -> int | None:
    """Where member `stap` (a key or an index) of the object or array at `i` starts in well-formed JSON."""
    if tekst[i] not in "{[":
        return None
    sluit, i, n = "}" if tekst[i] == "{" else "]", _wit(tekst, i + 1), 0
    while tekst[i] != sluit:
        if sluit == "}":
            sleutel, i = json.decoder.scanstring(tekst, i + 1)
            i = _wit(tekst, _wit(tekst, i) + 1)  # past the colon
            if sleutel == stap:
                return i
        elif n == stap:
            return i
        i = _wit(tekst, LEZER.raw_decode(tekst, i)[1])
        i, n = _wit(tekst, i + 1) if tekst[i] == "," else i, n + 1
    return None


def plek(tekst: str, pad: tuple) -> tuple[int, int]:
    """Line and column of the value at `pad` in well-formed JSON, or of the deepest part of it found."""
    i = _wit(tekst, 0)
    for stap in pad:
        kind = _kind(tekst, i, stap)
        if kind is None:
            break
        i = kind
    return _plaats(tekst, i)


def _bytes(pad: Path, naam: str, grootste: int) -> bytes:
    """A regular file's content; DataFout when it is none, too large or unreadable."""
    try:
        if not pad.is_file():
            raise _fout(naam, "is geen gewoon bestand (alleen vastgelegde edities horen hier)")
        if pad.stat().st_size > grootste:
            raise _fout(naam, f"is groter dan {grootste // 1024 // 1024} MB ({TERUG.format(naam=naam)})")
        return pad.read_bytes()
    except OSError as fout:
        raise _fout(naam, f"is niet te lezen: {fout.strerror}") from None


def _export(naam: str, editie_id: str, inhoud: bytes) -> Export:
    """The edition as the export model; DataFout at the place of the first problem."""
    terug = TERUG.format(naam=naam)
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel, kolom = _plaats(inhoud[:fout.start].decode("utf-8"), fout.start)
        raise _fout(naam, f"geen UTF-8 ({terug})", regel, kolom) from None
    try:
        json.loads(tekst)
        export = Export.model_validate_json(tekst)
    except json.JSONDecodeError as fout:
        uitleg = JSONFOUTEN.get(fout.msg, fout.msg)
        raise _fout(naam, f"geen geldige JSON: {uitleg} ({terug})", fout.lineno, fout.colno) from None
    except ValidationError as fout:
        posities = {tuple(e["loc"]): plek(tekst, e["loc"]) for e in fout.errors()}
        eerste = vertaal(fout, Databestand(naam, posities=posities), Export)[0]
        raise _fout(naam, f"geen vastgelegde editie zoals ./scripts/publiceer die schrijft: {eerste.tekst} ({terug})",
                    eerste.regel, eerste.kolom) from None
    if export.editie_id != editie_id:
        regel, kolom = plek(tekst, ("editie_id",))
        raise _fout(naam, f"bevat editie {export.editie_id!r}, niet {editie_id!r} zoals de naam zegt ({terug})",
                    regel, kolom)
    return export


@dataclass(frozen=True)
class Archief:
    """The folder of frozen editions of a project."""

    map: Path

    def ids(self) -> list[str]:
        """The frozen editions, oldest first (ids are year-month); DataFout when one is damaged."""
        return list(self.gecontroleerd)

    @cached_property
    def gecontroleerd(self) -> dict[str, Export]:
        """Every frozen edition, checked; DataFout with one line for each problem."""
        ids, meldingen = self._inhoud()
        edities = {}
        for editie_id in ids:
            try:
                edities[editie_id] = self._controleer(editie_id)
            except DataFout as fout:
                meldingen += fout.meldingen
        if meldingen:
            raise DataFout(meldingen)
        return edities

    def naam(self, bestand: str) -> str:
        return f"{self.map.name}/{bestand}"

    def _inhoud(self) -> tuple[list[str], list[Melding]]:
        """The edition ids in the folder, and a finding for everything else in it."""
        if not self.map.exists():
            return [], []
        if not self.map.is_dir():
            return [], _fout(self.map.name, "is geen map (hier horen de vastgelegde edities)").meldingen
        try:
            namen = sorted(p.name for p in self.map.iterdir())
        except OSError as fout:
            return [], _fout(self.map.name, f"is niet te lezen: {fout.strerror}").meldingen
        ids, meldingen = [], []
        for naam in namen:
            vorm = NAAM.fullmatch(naam)
            if vorm and vorm[2] == ".json":
                ids.append(vorm[1])
            elif vorm and f"{vorm[1]}.json" not in namen:
                soort = "drukposities" if vorm[2] == DRUK else "controlebestand"
                meldingen.append(Melding(self.naam(naam), 1, 1, f"{soort} zonder editie {vorm[1]}.json "
                                                                f"(haal de editie terug uit git, of verwijder het)"))
            elif not vorm:
                meldingen.append(Melding(self.naam(naam), 1, 1, "is geen vastgelegde editie: hier staan alleen "
                                 "<jjjj-mm>.json, <jjjj-mm>.json.sha256 en <jjjj-mm>.druk.json "
                                 "(verplaats of verwijder het)"))
        return ids, meldingen

    def _controleer(self, editie_id: str) -> Export:
        """One frozen edition: name, content and checksum; DataFout with its first problem."""
        naam = self.naam(f"{editie_id}.json")
        inhoud = _bytes(self.pad(editie_id), naam, GROOTSTE)
        export = _export(naam, editie_id, inhoud)
        self._vergelijk_som(editie_id, inhoud)
        return export

    def _vergelijk_som(self, editie_id: str, inhoud: bytes) -> None:
        bestand, naam = f"{editie_id}.json", self.naam(f"{editie_id}.json")
        if not self.sompad(editie_id).exists():
            raise _fout(naam, f"het controlebestand {bestand}{SOM} ontbreekt (./scripts/publiceer schrijft het als de "
                              f"data deze editie is; anders: controleer de editie en schrijf het in {self.map.name}/ "
                              f"met sha256sum {bestand} > {bestand}{SOM})")
        somnaam = self.naam(bestand + SOM)
        regel = SOMREGEL.fullmatch(_bytes(self.sompad(editie_id), somnaam, 4096).decode("ascii", "replace"))
        if not regel or regel[2] != bestand:
            raise _fout(somnaam, f"geen controlebestand zoals ./scripts/publiceer het schrijft: één regel "
                                 f"'<sha256>  {bestand}' ({TERUG.format(naam=somnaam)})")
        if hashlib.sha256(inhoud).hexdigest() != regel[1]:
            raise _fout(naam, f"wijkt af van het controlegetal in {bestand}{SOM}: het bestand is na het vastleggen "
                              f"veranderd ({TERUG.format(naam=naam)})")

    def pad(self, editie_id: str) -> Path:
        return self.map / f"{editie_id}.json"

    def sompad(self, editie_id: str) -> Path:
        return self.map / f"{editie_id}.json{SOM}"

    def drukpad(self, editie_id: str) -> Path:
        return self.map / f"{editie_id}{DRUK}"

    def druk(self, editie_id: str) -> Drukposities | None:
        """The recorded print positions of an edition; None when none were recorded; DataFout when
        the file is damaged."""
        pad, naam = self.drukpad(editie_id), self.naam(f"{editie_id}{DRUK}")
        if not pad.exists():
            return None
        try:
            posities = Drukposities.model_validate_json(_bytes(pad, naam, GROOTSTE))
        except ValidationError as fout:
            raise _fout(naam, f"geen drukposities zoals ./scripts/publiceer ze schrijft: {fout.errors()[0]['msg']} "
                              f"({TERUG.format(naam=naam)})") from None
        if posities.editie != editie_id:
            raise _fout(naam, f"bevat editie {posities.editie!r}, niet {editie_id!r} zoals de naam zegt")
        return posities

    def leg_druk_vast(self, posities: Drukposities) -> bool:
        """Record an edition's print positions; False when they exist already (never overwritten)."""
        try:
            with self.drukpad(posities.editie).open("x", encoding="utf-8", newline="\n") as bestand:
                bestand.write(posities.model_dump_json(indent=2) + "\n")
        except FileExistsError:
            return False
        return True

    def tekst(self, editie_id: str) -> str:
        return self.pad(editie_id).read_text(encoding="utf-8")

    def lees(self, editie_id: str) -> Export:
        """A frozen edition as the export model, after the whole archive is checked (DataFout)."""
        return self.gecontroleerd[editie_id]

    def vorige(self, editie_id: str) -> str | None:
        """The latest frozen edition before `editie_id`."""
        eerdere = [i for i in self.ids() if i < editie_id]
        return eerdere[-1] if eerdere else None

    def leg_vast(self, editie_id: str, tekst: str) -> bool:
        """Freeze an edition with its checksum; False when it exists already (it is never overwritten)."""
        self.map.mkdir(parents=True, exist_ok=True)
        try:
            with self.pad(editie_id).open("xb") as bestand:
                bestand.write((tekst + "\n").encode("utf-8"))
        except FileExistsError:
            return False
        self.verzegel(editie_id)
        return True

    def verzegel(self, editie_id: str) -> None:
        """Write the checksum of a frozen edition as it is now (never over an existing one)."""
        som = hashlib.sha256(self.pad(editie_id).read_bytes()).hexdigest()
        with self.sompad(editie_id).open("x", encoding="ascii", newline="\n") as bestand:
            bestand.write(f"{som}  {editie_id}.json\n")
        self.__dict__.pop("gecontroleerd", None)  # checked again when next read


@dataclass(eq=False)
class Edities:
    """The editions as one build sees them: the archive, the data's own edition and what changed
    since the previous frozen edition (None for the first edition)."""

    archief: Archief
    huidig: Export  # the export of the data being built
    huidige_tekst: str = field(repr=False)  # as frozen: the JSON download without its registers, relative

    @cached_property
    def vorige(self) -> str | None:
        return self.archief.vorige(self.huidig.editie_id)

    @cached_property
    def wijzigingen(self) -> Wijzigingen | None:
        return vergelijk(self.archief.lees(self.vorige), self.huidig) if self.vorige else None

    @cached_property
    def per_actie(self) -> dict:
        return self.wijzigingen.per_actie() if self.wijzigingen else {}

    def label(self, code: str) -> str | None:
        """'Nieuw in …' or 'Gewijzigd in …' for an actie that changed since the previous edition."""
        wijzigingen = self.per_actie.get(code)
        if not wijzigingen:
            return None
        nieuw = any(w.niveau == "actie" and w.soort == "toegevoegd" for w in wijzigingen)
        return f"{'Nieuw' if nieuw else 'Gewijzigd'} in editie {self.huidig.editie}"

    @property
    def vastgelegd(self) -> bool:
        """Whether the data's own edition is frozen already."""
        return self.archief.pad(self.huidig.editie_id).exists()

    @property
    def ongezegeld(self) -> bool:
        """Frozen before the checksums, and byte for byte the data's export: the checksum may be written."""
        pad, som = self.archief.pad(self.huidig.editie_id), self.archief.sompad(self.huidig.editie_id)
        return pad.is_file() and not som.exists() and pad.read_bytes() == (self.huidige_tekst + "\n").encode("utf-8")

    @property
    def afwijkend(self) -> bool:
        """Frozen already, but the data differs from the frozen file: the edition needs a new id."""
        return self.vastgelegd and self.archief.tekst(self.huidig.editie_id).rstrip("\n") != self.huidige_tekst
