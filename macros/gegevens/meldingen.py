"""Turning pydantic validation errors into editor-readable messages (in Dutch) with their place."""
from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .codes import UITLEG
from .yamlbestand import Databestand, Melding, leesbaar

SOORTEN = {str: "tekst", int: "geheel getal", float: "getal", bool: "true/false", list: "lijst",
           dict: "groep velden", type(None): "leeg"}


def _soort(waarde: Any) -> str:
    return SOORTEN.get(type(waarde), type(waarde).__name__)


def _modellen_in(annotatie: Any) -> list[type[BaseModel]]:
    """The BaseModel classes inside an annotation such as list[Handeling] | None."""
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return [annotatie]
    args = typing.get_args(annotatie)
    if typing.get_origin(annotatie) in (typing.Union, types.UnionType, list) or args:
        return [m for arg in args for m in _modellen_in(arg)]
    return []


def model_op(model: type[BaseModel], pad: tuple) -> type[BaseModel] | None:
    """The model class that describes the value at `pad` (indices are skipped)."""
    for deel in pad:
        if isinstance(deel, int):
            continue
        veld = model.model_fields.get(deel)
        modellen = _modellen_in(veld.annotation) if veld else []
        if not modellen:
            return None
        model = modellen[0]
    return model


def _velden(model: type[BaseModel], pad: tuple) -> str:
    doel = model_op(model, pad)
    return ", ".join(doel.model_fields) if doel else "?"


def _bedoeld(model: type[BaseModel], loc: tuple) -> str:
    doel = model_op(model, loc[:-1])
    gelijkend = difflib.get_close_matches(str(loc[-1]), list(doel.model_fields) if doel else [], n=1)
    return f"bedoelt u '{gelijkend[0]}'? " if gelijkend else ""


def _of(ctx: dict) -> str:
    """The allowed values as pydantic lists them, in Dutch: 'de', 'het' of 'geen'."""
    return str(ctx.get("expected")).replace(" or ", " of ")


def toon(waarde: Any, lengte: int = 60) -> str:
    """A value from the data as one short printable line: control characters as escapes."""
    tekst = str(waarde)
    return leesbaar(tekst if len(tekst) <= lengte else tekst[:lengte] + "…")


def _uitleg(fout: dict, model: type[BaseModel]) -> str:
    soort, loc, invoer = fout["type"], fout["loc"], fout.get("input")
    ctx = fout.get("ctx", {})
    namen = [deel for deel in loc if isinstance(deel, str)]  # an item of a list is named by its list
    veld = (loc[-1] if soort in ("missing", "extra_forbidden") or not namen else namen[-1]) if loc else ""
    teksten = {
        "missing": lambda: f"verplicht veld '{veld}' ontbreekt (velden hier: {_velden(model, loc[:-1])})",
        "extra_forbidden": lambda: f"onbekend veld '{veld}' ({_bedoeld(model, loc)}toegestaan: {_velden(model, loc[:-1])})",
        "string_too_short": lambda: f"'{veld}' mag niet leeg zijn (vul tekst in)",
        "string_too_long": lambda: (f"'{veld}' is {len(str(fout.get('input')))} tekens lang; hoogstens "
                                    f"{ctx.get('max_length')} tekens"),
        "too_short": lambda: f"'{veld}' mag geen lege lijst zijn (minstens {ctx.get('min_length', 1)} item)",
        "string_type": lambda: f"'{veld}' moet tekst zijn, niet {_soort(invoer)}",
        "string_pattern_mismatch": lambda: (f"'{toon(invoer)}' is geen geldige waarde voor '{veld}' "
                                            f"(vorm: {UITLEG.get(ctx.get('pattern'), ctx.get('pattern'))})"),
        "literal_error": lambda: f"'{toon(invoer)}' is geen toegestane waarde voor '{veld}' (toegestaan: {_of(ctx)})",
        "list_type": lambda: f"'{veld}' moet een lijst zijn (regels die beginnen met '- '), niet {_soort(invoer)}",
        "model_type": lambda: f"'{veld}' moet een groep velden zijn (veld: waarde), niet {_soort(invoer)}",
        "int_type": lambda: f"'{veld}' moet een geheel getal zijn, niet {_soort(invoer)}",
        "int_parsing": lambda: f"'{veld}' moet een geheel getal zijn, niet '{toon(invoer)}'",
        "bool_parsing": lambda: f"'{veld}' moet true of false zijn, niet '{toon(invoer)}'",
        "greater_than_equal": lambda: f"'{veld}' moet minstens {ctx.get('ge')} zijn",
    }
    maak = teksten.get(soort)
    return maak() if maak else f"'{veld}': {fout['msg']}"


def vertaal(fout: ValidationError, bestand: Databestand, model: type[BaseModel]) -> list[Melding]:
    """Every error of a pydantic validation as a Melding at its place in the file."""
    return [bestand.melding(tuple(e["loc"]) + tuple(e.get("ctx", {}).get("pad", ())), _uitleg(e, model),
                            sleutel=e["type"] == "extra_forbidden") for e in fout.errors()]
