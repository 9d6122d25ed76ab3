"""Every text field of every data and overlay file, found from the pydantic models, and a way to put a
value into each of them in a copy of the YAML.

The field list is generated: a field added to a model is a new place here without editing a test.
A place is (file, path) of one occurrence of a (model, field) pair in the real data or the example
overlay; an optional field that the data leaves out is added to its first item.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

from conftest import ROOT
from macros.gegevens import laden, lokaal

VOORBEELD = ROOT / "examples/gemeente-voorbeeld"


@dataclass(frozen=True)
class Plaats:
    bestand: str  # relative to the data folder or the overlay folder
    pad: tuple
    model: str
    veld: str
    lokaal: bool  # in the overlay, not in data/
    vorm: bool  # a field of fixed form (code, id, phone number, address), not free text

    def __str__(self) -> str:
        return f"{'lokaal' if self.lokaal else 'data'}/{self.bestand}:{'.'.join(map(str, self.pad))}"


def _kern(annotatie):
    """(kind, inner) of an annotation: ('model', cls), ('tekst', None), ('lijst', inner) or (None, None)."""
    if typing.get_origin(annotatie) is typing.Annotated:
        return _kern(typing.get_args(annotatie)[0])
    if typing.get_origin(annotatie) in (typing.Union, types.UnionType):
        soorten = [_kern(a) for a in typing.get_args(annotatie) if a is not type(None)]
        return soorten[0] if soorten else (None, None)
    if typing.get_origin(annotatie) is list:
        return "lijst", typing.get_args(annotatie)[0]
    if annotatie is str:
        return "tekst", None
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return "model", annotatie
    return None, None


def _vorm(annotatie) -> bool:
    """Whether an annotation constrains its text to a pattern."""
    metadata = getattr(annotatie, "__metadata__", ())
    if any(getattr(m, "pattern", None) for m in metadata):
        return True
    return any(_vorm(a) for a in typing.get_args(annotatie))


def _loop(model: type[BaseModel], data, pad: tuple, bestand: str, lokaal_: bool, gezien: set, uit: list) -> None:
    for veld, info in model.model_fields.items():
        soort, binnen = _kern(info.annotation)
        waarde = data.get(veld) if isinstance(data, dict) else None
        if soort == "lijst":
            binnensoort, binnenmodel = _kern(binnen)
            if binnensoort == "tekst" and (model.__name__, veld) not in gezien:
                gezien.add((model.__name__, veld))
                uit.append(Plaats(bestand, pad + (veld, 0), model.__name__, veld, lokaal_, _vorm(binnen)))
            elif binnensoort == "model":
                for i, item in enumerate(waarde or []):
                    _loop(binnenmodel, item, pad + (veld, i), bestand, lokaal_, gezien, uit)
        elif soort == "model" and waarde is not None:
            _loop(binnen, waarde, pad + (veld,), bestand, lokaal_, gezien, uit)
        elif soort == "tekst" and (model.__name__, veld) not in gezien:
            gezien.add((model.__name__, veld))
            vorm = _vorm(info.annotation) or any(getattr(m, "pattern", None) for m in info.metadata)
            uit.append(Plaats(bestand, pad + (veld,), model.__name__, veld, lokaal_, vorm))


def _bestanden(map_: Path, modellen: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    return {naam: model for naam, model in modellen.items() if (map_ / naam).is_file()}


def data_bestanden() -> dict[str, type[BaseModel]]:
    """Every data file with its model: the fixed files and each actie file."""
    acties = {f"{laden.ACTIEMAP}/{p.name}": laden.Actiebestand
              for p in sorted((ROOT / "data" / laden.ACTIEMAP).glob("*.yaml"))}
    return {**laden.BESTANDEN, **acties}


def plaatsen() -> list[Plaats]:
    """One place per (model, field) holding text, in data/ and in the example overlay."""
    gezien: set = set()
    uit: list[Plaats] = []
    for map_, modellen, is_lokaal in [(ROOT / "data", data_bestanden(), False),
                                      (VOORBEELD, _bestanden(VOORBEELD, lokaal.BESTANDEN), True)]:
        for naam, model in modellen.items():
            data = yaml.safe_load((map_ / naam).read_text(encoding="utf-8"))
            _loop(model, data, (), naam, is_lokaal, gezien, uit)
    return uit


def zet(data, pad: tuple, waarde) -> None:
    """Put `waarde` at `pad`, creating the last key (an optional field) or list item."""
    for deel, volgende in zip(pad, pad[1:]):
        if isinstance(data, dict) and deel not in data:
            data[deel] = [] if isinstance(volgende, int) else {}
        data = data[deel]
    if isinstance(data, list) and pad[-1] == len(data):
        data.append(waarde)
    else:
        data[pad[-1]] = waarde


def schrijf(map_: Path, bestand: str, data, ascii_: bool) -> None:
    """The YAML as an editor might write it: special characters as escapes (ascii_) or typed raw."""
    tekst = yaml.safe_dump(data, allow_unicode=not ascii_, sort_keys=False, width=10**9)
    (map_ / bestand).write_text(tekst, encoding="utf-8")


def vul(data_map: Path, lokaal_map: Path, waarden: dict[Plaats, object], ascii_: bool = True) -> None:
    """Write each value at its place in the copies of data/ and the overlay."""
    per_bestand: dict[tuple[bool, str], list] = {}
    for plaats, waarde in waarden.items():
        per_bestand.setdefault((plaats.lokaal, plaats.bestand), []).append((plaats.pad, waarde))
    for (is_lokaal, naam), lijst in per_bestand.items():
        map_ = lokaal_map if is_lokaal else data_map
        data = yaml.safe_load((map_ / naam).read_text(encoding="utf-8"))
        for pad, waarde in lijst:
            zet(data, pad, waarde)
        schrijf(map_, naam, data, ascii_)


def regel_met(pad: Path, merk: str) -> int:
    """The line of a file on which a marker stands (1-based)."""
    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
        if merk in regel:
            return nummer
    raise AssertionError(f"{merk} niet in {pad}")
