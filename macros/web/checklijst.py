"""The format of the checklist's saved file (docs/checklijst.md); how long a checklist is kept is a
plugin option (macros/instellingen.py).

The JSON Schema of a saved checklist is written once, in the script itself
(overrides/assets/javascripts/kader/checklijst.js, between the markers below), which validates every
opened file against it; the build publishes the same schema as downloads/checklijst.schema.json.
"""
from __future__ import annotations

import json
from pathlib import Path


SCRIPT = "assets/javascripts/kader/checklijst.js"  # below a theme folder (overrides/)
BEGIN, EINDE = "/* schema: begin */", "/* schema: einde */"
def schema_uit_script(tekst: str) -> dict:
    """The JSON Schema between the markers of the script; ValueError when it is missing or no JSON."""
    begin, einde = tekst.find(BEGIN), tekst.find(EINDE)
    if begin < 0 or einde < begin:
        raise ValueError(f"{SCRIPT}: geen schema tussen {BEGIN} en {EINDE}")
    return json.loads(tekst[begin + len(BEGIN):einde].strip().rstrip(";"))


def checklijstschema(themamappen: list[str]) -> str:
    """The schema as the download, from the first theme folder that has the script."""
    for map_ in themamappen:
        script = Path(map_) / SCRIPT
        if script.is_file():
            return json.dumps(schema_uit_script(script.read_text(encoding="utf-8")), ensure_ascii=False, indent=2)
    raise ValueError(f"{SCRIPT} staat in geen van de themamappen")
