"""Reading YAML data files while remembering where every value stands (file, line, column).

The model is validated after reading; to report a problem at its place in the file, every mapping,
sequence, key and value gets its position recorded under its path, e.g.
("fasen", 0, "acties", 2, "tekst") -> (line, column).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .tekst import teken

Pad = tuple[str | int, ...]
Lader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same marks, faster


def leesbaar(tekst: str) -> str:
    """Text as one printable line: every control or invisible character as its escape (\\x1b, \\u202e)."""
    return "".join(t if t.isprintable() else t.encode("unicode_escape").decode("ascii") for t in tekst)


@dataclass(frozen=True)
class Melding:
    """One finding in the data, printed as `file:line:col: text`."""

    bestand: str
    regel: int
    kolom: int
    tekst: str

    def __str__(self) -> str:
        """One printable line, whatever the text holds (a value from the data is shown escaped)."""
        return f"{leesbaar(self.bestand)}:{self.regel}:{self.kolom}: {leesbaar(self.tekst)}"


class DataFout(Exception):
    """Raised when the data cannot be used; carries every finding of the run."""

    def __init__(self, meldingen: list[Melding]):
        super().__init__("\n".join(map(str, meldingen)))
        self.meldingen = meldingen


@dataclass
class Databestand:
    """One data file: its values as plain Python data plus the position of every path."""

    naam: str
    data: Any = None
    posities: dict[Pad, tuple[int, int]] = field(default_factory=dict)
    sleutelposities: dict[Pad, tuple[int, int]] = field(default_factory=dict)

    def melding(self, pad: Pad, tekst: str, sleutel: bool = False) -> Melding:
        """A finding at `pad`, or at the nearest enclosing value that has a position."""
        soorten = (self.sleutelposities, self.posities) if sleutel else (self.posities,)
        for lengte in range(len(pad), -1, -1):
            for posities in soorten:
                if pad[:lengte] in posities:
                    regel, kolom = posities[pad[:lengte]]
                    return Melding(self.naam, regel, kolom, tekst)
        return Melding(self.naam, 1, 1, tekst)


def _positie(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Lezer:
    """Turns a composed YAML node tree into Python data, recording positions and duplicate keys."""

    def __init__(self, bestand: Databestand, loader: Lader):
        self.bestand, self.loader, self.meldingen = bestand, loader, []

    def waarde(self, node: yaml.Node, pad: Pad) -> Any:
        self.bestand.posities[pad] = _positie(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pad)
        if isinstance(node, yaml.SequenceNode):
            return [self.waarde(kind, pad + (i,)) for i, kind in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, pad: Pad) -> dict:
        uitkomst: dict = {}
        for sleutelnode, waardenode in node.value:
            sleutel = self.loader.construct_object(sleutelnode, deep=True)
            if not isinstance(sleutel, str):
                sleutel = str(sleutel)
            if sleutel in uitkomst:
                regel, kolom = _positie(sleutelnode)
                self.meldingen.append(Melding(self.bestand.naam, regel, kolom,
                    f"veld '{sleutel}' staat twee keer in dezelfde groep (elk veld mag één keer voorkomen)"))
            self.bestand.sleutelposities[pad + (sleutel,)] = _positie(sleutelnode)
            uitkomst[sleutel] = self.waarde(waardenode, pad + (sleutel,))
        return uitkomst


def _op_plaats(naam: str, tekst: str, positie: int, melding: str) -> Melding:
    """A finding at a character position of the decoded file."""
    voor = tekst[:positie]
    return Melding(naam, voor.count("\n") + 1, len(voor.rsplit("\n", 1)[-1]) + 1, melding)


def _teken(t: str) -> str:
    return f"teken {teken(t)}"


# Characters a reader cannot see that change what is shown: bidirectional overrides and isolates
# (text that reads differently than it is stored) and zero-width characters (words that look equal
# but are not, or hide a break). Refused, so every text means what it shows.
ONZICHTBAAR = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _onzichtbaar(naam: str, tekst: str) -> list[Melding]:
    return [_op_plaats(naam, tekst, treffer.start(),
                       f"onzichtbaar {_teken(treffer.group())} is niet toegestaan; verwijder het")
            for treffer in ONZICHTBAAR.finditer(tekst, 1 if tekst.startswith("\ufeff") else 0)]


def _decodeer(naam: str, ruw: bytes) -> tuple[str | None, list[Melding]]:
    try:
        tekst = ruw.decode("utf-8")
        meldingen = _onzichtbaar(naam, tekst)
        return (None, meldingen) if meldingen else (tekst, [])
    except UnicodeDecodeError as fout:
        voor = ruw[: fout.start].decode("utf-8", "replace")
        return None, [_op_plaats(naam, voor, len(voor),
            f"tekst is geen geldige UTF-8 (byte 0x{ruw[fout.start]:02x}); sla het bestand op als UTF-8")]


MAX_DIEPTE = 32  # nesting of lists and groups; the kader needs about 8


def _vorm(naam: str, tekst: str) -> list[Melding]:
    """What the data files never need and an attack would: anchors and aliases (an alias bomb
    multiplies a few lines into billions of values), explicit tags (!!python/… constructs objects) and
    deep nesting. Checked on the event stream, before anything is built, in time linear in the file."""
    diepte = 0
    for gebeurtenis in yaml.parse(tekst, Loader=Lader):
        regel, kolom = gebeurtenis.start_mark.line + 1, gebeurtenis.start_mark.column + 1
        if isinstance(gebeurtenis, yaml.AliasEvent) or getattr(gebeurtenis, "anchor", None):
            return [Melding(naam, regel, kolom, "ankers en verwijzingen (&naam, *naam) zijn niet toegestaan; "
                                                "schrijf de waarde voluit")]
        if getattr(gebeurtenis, "tag", None):
            return [Melding(naam, regel, kolom, f"YAML-tag '{gebeurtenis.tag}' is niet toegestaan; "
                                                "schrijf gewone tekst, getallen, lijsten en groepen")]
        if isinstance(gebeurtenis, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            diepte += 1
            if diepte > MAX_DIEPTE:
                return [Melding(naam, regel, kolom, f"meer dan {MAX_DIEPTE} niveaus ingesprongen; "
                                                    "de data kent hoogstens enkele niveaus")]
        elif isinstance(gebeurtenis, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            diepte -= 1
    return []


def _yamlfout(naam: str, tekst: str, fout: yaml.YAMLError) -> Melding:
    """Any problem of the YAML reader or parser, at its place in the file."""
    if isinstance(fout, yaml.MarkedYAMLError):
        return _syntaxfout(naam, fout)
    if isinstance(fout, yaml.reader.ReaderError):  # a character YAML does not allow (control characters)
        teken = fout.character if isinstance(fout.character, str) else chr(fout.character)
        return _op_plaats(naam, tekst, fout.position, f"{_teken(teken)} is niet toegestaan in YAML; verwijder het")
    return Melding(naam, 1, 1, f"YAML-fout: {fout}")


def _syntaxfout(naam: str, fout: yaml.MarkedYAMLError) -> Melding:
    mark = fout.problem_mark or fout.context_mark
    regel, kolom = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    uitleg = " ".join(filter(None, [fout.context, fout.problem]))
    return Melding(naam, regel, kolom,
                   f"YAML-syntaxfout: {uitleg} (controleer inspringing, dubbele punten en aanhalingstekens)")


def lees_yaml(pad: Path, naam: str) -> tuple[Databestand, list[Melding]]:
    """Read one YAML file. Returns the Databestand and the problems found while reading it."""
    bestand = Databestand(naam)
    tekst, meldingen = _decodeer(naam, pad.read_bytes())
    if tekst is None:
        return bestand, meldingen
    try:
        meldingen = _vorm(naam, tekst)
    except yaml.YAMLError as fout:
        meldingen = [_yamlfout(naam, tekst, fout)]
    if meldingen:
        return bestand, meldingen
    loader = Lader(tekst)
    try:
        node = loader.get_single_node()
        if node is not None:
            lezer = _Lezer(bestand, loader)
            bestand.data = lezer.waarde(node, ())
            meldingen.extend(lezer.meldingen)
    except yaml.YAMLError as fout:
        meldingen.append(_yamlfout(naam, tekst, fout))
    finally:
        loader.dispose()
    return bestand, meldingen
