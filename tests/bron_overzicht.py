"""Parser for the official text of the Overzicht acties (Markdown transcript in tests/bronnen/).

Used only by the fidelity tests: the data in data/ is the source of truth; this parser reads the
official edition independently so the tests can compare both, action by action and word by word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

BRON = Path(__file__).parent / "bronnen" / "overzicht-acties-2025-11.md"

OBJECTTYPEN = {"WONINGEN": "woningen", "BEDRIJFSPANDEN": "bedrijfspanden", "VOERTUIGEN": "voertuigen"}
FASEN = {
    "Preventie": "preventie",
    "Direct na een explosie": "direct",
    "Dreiging (herhaal)explosies": "dreiging",
    "Dagen/weken na een aanslag (nazorg)": "nazorg",
}


@dataclass
class BronHandeling:
    tekst: str
    sub: list[str] = field(default_factory=list)


@dataclass
class BronActie:
    objecttype: str
    fase: str
    titel: str
    handelingen: list[BronHandeling] = field(default_factory=list)


def _fase_van(regel: str) -> str | None:
    kaal = regel.strip().strip("*").removeprefix("## ").strip()
    return FASEN.get(kaal)


def lees_overzicht(pad: Path = BRON) -> list[BronActie]:
    acties: list[BronActie] = []
    objecttype = fase = None
    vorige = ""
    for regel in pad.read_text(encoding="utf-8").splitlines():
        doorloop, vorige = vorige.startswith("- ") and vorige.endswith("  "), regel
        kop = re.match(r"^# (WONINGEN|BEDRIJFSPANDEN|VOERTUIGEN)$", regel)
        if kop:
            objecttype, fase = OBJECTTYPEN[kop.group(1)], None
            continue
        if objecttype is None or not regel.strip():
            continue
        if (regel.startswith("**") or regel.startswith("## Preventie")) and _fase_van(regel):
            fase = _fase_van(regel)
        elif re.match(r"^#{2,3} ", regel):
            titel = re.sub(r"^#{2,3} (?:[▶›] )?", "", regel).strip()
            acties.append(BronActie(objecttype, fase, titel))
        elif regel.startswith("  - > "):
            acties[-1].handelingen[-1].sub.append(regel[6:].strip())
        elif regel.startswith("- "):
            acties[-1].handelingen.append(BronHandeling(regel[2:].strip()))
        elif doorloop:  # a hard line break ("  ") inside a bullet: the handeling continues
            handeling = acties[-1].handelingen[-1]
            handeling.tekst = f"{handeling.tekst.rstrip()} {regel.strip()}"
    return acties
