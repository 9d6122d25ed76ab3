"""What a text in the data may hold: characters a reader sees, in one paragraph.

Checked on the value as loaded, so a character written as a YAML escape ("\\u202E", "\\x1b") is
refused as surely as one typed raw. Refused: control characters (line breaks and tabs included: a
text is one paragraph), format characters (bidirectional overrides and isolates, zero-width and soft
hyphens), line and paragraph separators, private-use, surrogate and unassigned code points.
"""
from __future__ import annotations

import unicodedata

from pydantic_core import PydanticCustomError

MAX_TEKST = 2000  # characters; the longest official text (a begrip's definition) has 660
MAX_NAAM = 100  # a name or title; the longest official one (an actie's title) has 70
GEWEIGERD = {"Cc": "stuurteken", "Cf": "onzichtbaar opmaakteken", "Zl": "regelscheiding",
             "Zp": "alineascheiding", "Co": "teken voor eigen gebruik", "Cs": "los surrogaat",
             "Cn": "teken zonder betekenis in Unicode"}


def teken(t: str) -> str:
    """A character as an editor can find it: U+202E (RIGHT-TO-LEFT OVERRIDE)."""
    return f"U+{ord(t):04X} ({unicodedata.name(t, GEWEIGERD.get(unicodedata.category(t), 'teken'))})"


def alleen_tekst(waarde: str) -> str:
    for positie, t in enumerate(waarde, 1):
        soort = GEWEIGERD.get(unicodedata.category(t))
        if soort:
            uitleg = "een nieuwe regel of alinea kan niet: elk tekstveld is één alinea" if t in "\n\r\x85\u2028\u2029" \
                else "alleen zichtbare tekens, spaties en leestekens"
            raise PydanticCustomError("teken", "{soort} {teken} op teken {positie} is niet toegestaan ({uitleg})",
                                      {"soort": soort, "teken": teken(t), "positie": positie, "uitleg": uitleg})
    return waarde


def fout_op(pad: tuple, tekst: str) -> PydanticCustomError:
    """A validation error at a path below the model that raises it (meldingen.py puts it there)."""
    return PydanticCustomError("plaats", tekst, {"pad": pad})
