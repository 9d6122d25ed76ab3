"""Editorial checks: likely slips in the official text, reported as warnings and never corrected.

The national text is published verbatim; these signals tell the editor where the original may
contain a doubled line, a copy from another object type or a typo, so it can be checked at the source.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from .handelingskader import Handelingskader, Plek


@dataclass(frozen=True)
class Signaal:
    code: str
    tekst: str

    def __str__(self) -> str:
        return f"{self.code}: {self.tekst}"


def _regels(plek: Plek) -> list[tuple[str, str]]:
    """(id, text) of every handeling and sub-item of an actie, in order."""
    return [(deel.id, deel.tekst) for _, deel in plek.actie.regels()]


def herhalingen(kader: Handelingskader) -> list[Signaal]:
    """The same text twice within one actie (a handeling, or a handeling and a sub-item)."""
    signalen = []
    for plek in kader.plekken():
        eerste: dict[str, str] = {}
        for id_, tekst in _regels(plek):
            if tekst in eerste:
                signalen.append(Signaal(id_, f"herhaalt {eerste[tekst]} binnen dezelfde actie: \"{tekst}\""))
            eerste.setdefault(tekst, id_)
    return signalen


def dubbel_in_fase(kader: Handelingskader) -> list[Signaal]:
    """The same handeling in two acties of one object type and phase."""
    signalen = []
    for objecttype in kader.objecttypen:
        for fase in kader.fasen:
            plekken = [Plek(objecttype, fase, a) for a in kader.fase_acties(objecttype, fase)]
            for a, b in combinations(plekken, 2):
                teksten_a = {t: i for i, t in _regels(a)}
                for id_, tekst in _regels(b):
                    if tekst in teksten_a:
                        signalen.append(Signaal(id_, f"staat ook in {teksten_a[tekst]} (zelfde objecttype en fase): \"{tekst}\""))
    return signalen


def bijna_kopie(kader: Handelingskader) -> list[Signaal]:
    """Acties of one theme and phase in two object types that differ in exactly one line."""
    signalen = []
    for plekken in kader.per_thema.values():
        for a, b in combinations(plekken, 2):
            if a.fase.id != b.fase.id or a.objecttype.id == b.objecttype.id:
                continue
            regels_a = Counter(t for _, t in _regels(a))
            regels_b = Counter(t for _, t in _regels(b))
            alleen_a, alleen_b = regels_a - regels_b, regels_b - regels_a
            if 1 <= sum(alleen_a.values()) + sum(alleen_b.values()) <= 2 and max(len(alleen_a), len(alleen_b)) == 1:
                verschil = "; ".join([f"alleen in {a.actie.code}: \"{t}\"" for t in alleen_a] +
                                     [f"alleen in {b.actie.code}: \"{t}\"" for t in alleen_b])
                signalen.append(Signaal(b.actie.code, f"gelijk aan {a.actie.code} op één regel na ({verschil})"))
    return signalen


WOORD = re.compile(r"[A-Za-zÀ-ÿ]+")


def vreemde_woorden(kader: Handelingskader) -> list[Signaal]:
    """Words that belong to another object type (a line about 'het pand' under Voertuigen)."""
    signalen = []
    for plek in kader.plekken():
        vreemd = {w.lower() for w in plek.objecttype.vreemde_woorden}
        for id_, tekst in [(plek.actie.code, plek.actie.titel), *_regels(plek)]:
            gevonden = sorted({w.lower() for w in WOORD.findall(tekst)} & vreemd)
            if gevonden:
                signalen.append(Signaal(id_, f"noemt {', '.join(gevonden)} bij {plek.objecttype.naam.lower()}; "
                                             f"mogelijk overgenomen van een ander objecttype: \"{tekst}\""))
    return signalen


def _een_bewerking(a: str, b: str) -> bool:
    """True when b is a with one letter inserted, deleted or replaced (not merely an added ending)."""
    if abs(len(a) - len(b)) > 1 or a == b or a.startswith(b) or b.startswith(a):
        return False
    korter, langer = sorted((a, b), key=len)
    for i, (x, y) in enumerate(zip(korter, langer)):
        if x != y:
            return korter[i + (len(a) == len(b)):] == langer[i + 1:]
    return True


def spelling(kader: Handelingskader) -> list[Signaal]:
    """A word used once that is one letter away from a word used at least three times."""
    teksten = [(p.actie.code, p.actie.titel) for p in kader.plekken()] + \
              [r for p in kader.plekken() for r in _regels(p)]
    telling = Counter(w.lower() for _, t in teksten for w in WOORD.findall(t))
    vaak = [w for w, n in telling.items() if n >= 3 and len(w) >= 6]
    signalen = []
    for id_, tekst in teksten:
        for woord in WOORD.findall(tekst):
            if telling[woord.lower()] == 1 and len(woord) >= 6:
                kandidaat = next((v for v in vaak if _een_bewerking(woord.lower(), v)), None)
                if kandidaat:
                    signalen.append(Signaal(id_, f"'{woord}' komt één keer voor; bedoeld '{kandidaat}'? \"{tekst}\""))
    return signalen


def titel_leestekens(kader: Handelingskader) -> list[Signaal]:
    return [Signaal(p.actie.code, f"actietitel eindigt op een punt, anders dan de andere titels: \"{p.actie.titel}\"")
            for p in kader.plekken() if p.actie.titel.endswith(".")]


CONTROLES = [herhalingen, dubbel_in_fase, bijna_kopie, vreemde_woorden, spelling, titel_leestekens]


def signaleer(kader: Handelingskader) -> list[Signaal]:
    """Every editorial signal, in the order of the checks."""
    return [signaal for controle in CONTROLES for signaal in controle(kader)]
