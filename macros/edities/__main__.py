"""Editions on the command line.

    python -m macros.edities publiceer [PROJECT] [--verslag BESTAND]
                                                       freeze the data's edition as edities/<id>.json
                                                       with its checksum, <id>.json.sha256, and its
                                                       print positions, <id>.druk.json, from the
                                                       editor's report of the build of that data
                                                       (default dist/redactie/verslag.json)
    python -m macros.edities vergelijk VAN NAAR [PROJECT] [--json BESTAND]
                                                       the change list between two editions

VAN and NAAR are edition ids of frozen editions, or `data` for the data as it is now. The change list
is printed as text; --json also writes it as wijzigingen.json (the same as the download).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from ..adressen import REDACTIEMAP, REDACTIEVERSLAG, Adresboek
from ..gegevens.laden import laad
from ..gegevens.yamlbestand import DataFout
from . import EDITIEMAP, Archief, edities_van
from .archief import DRUK, SOM, Edities
from .vergelijking import SOORTEN, Wijziging, Wijzigingen, json_tekst, vergelijk
from .verslag import Verslag


def _drukposities_uit(verslagpad: Path, edities: Edities):
    """The print positions of the data's edition from a build's report, or why not (a str)."""
    if not verslagpad.is_file():
        return f"{verslagpad} ontbreekt"
    v = Verslag.model_validate_json(verslagpad.read_text(encoding="utf-8"))
    bevroren = hashlib.sha256(edities.archief.pad(edities.huidig.editie_id).read_bytes()).hexdigest()
    if v.editie.id != edities.huidig.editie_id or v.export_sha256 != bevroren:
        return f"{verslagpad} is van een build van andere data"
    if v.overlay or v.drukwerk is None:
        return f"{verslagpad} is van een build {'met een eigen editie' if v.overlay else 'zonder PDF'}"
    return v.drukwerk.posities


def leg_drukposities_vast(edities: Edities, verslagpad: Path) -> None:
    """Record where the frozen edition's acties stand on paper, once (never overwritten)."""
    editie = edities.huidig.editie_id
    if edities.afwijkend or edities.archief.drukpad(editie).exists():
        return
    posities = _drukposities_uit(verslagpad, edities)
    if isinstance(posities, str):
        print(f"drukposities van editie {editie} niet vastgelegd: {posities}; bouw met ./scripts/build "
              f"(landelijk, met PDF's) en publiceer opnieuw", file=sys.stderr)
    elif edities.archief.leg_druk_vast(posities):
        print(f"drukposities van editie {editie} vastgelegd in {EDITIEMAP}/{editie}{DRUK}")


def publiceer(project: Path, verslagpad: Path | None = None) -> int:
    verslagpad = verslagpad or project / "dist" / REDACTIEMAP / REDACTIEVERSLAG["json"]
    edities = edities_van(project, Adresboek(laad(project / "data")))
    archief, editie = edities.archief, edities.huidig.editie_id
    if edities.ongezegeld:  # frozen before the checksums and equal to the data: its checksum now
        archief.verzegel(editie)
        print(f"controlebestand van editie {editie} geschreven in {EDITIEMAP}/{editie}.json{SOM}")
    archief.ids()  # every frozen edition checked first (DataFout)
    if archief.leg_vast(editie, edities.huidige_tekst):
        print(f"editie {editie} vastgelegd in {EDITIEMAP}/{editie}.json (met {editie}.json{SOM})")
        leg_drukposities_vast(edities, verslagpad)
        return 0
    if edities.afwijkend:
        print(f"editie {editie} bestaat al in {EDITIEMAP}/{editie}.json en wordt nooit overschreven; de data "
              f"wijkt ervan af: geef de nieuwe editie een eigen id en naam in data/kader.yaml (editie)",
              file=sys.stderr)
        return 1
    print(f"editie {editie} is al vastgelegd en gelijk aan de data")
    leg_drukposities_vast(edities, verslagpad)
    return 0


def regel(w: Wijziging) -> str:
    """One change as a line of text."""
    tekst = f"  {SOORTEN[w.soort]:16s} {w.niveau:9s} {w.code}"
    if w.soort == "geherformuleerd":
        return tekst + ": " + " ".join({"gelijk": s.tekst, "ingevoegd": f"[+{s.tekst}+]",
                                        "verwijderd": f"[-{s.tekst}-]"}[s.soort] for s in w.woorden)
    if w.soort == "verplaatst":
        return tekst + f": {w.van.objecttype}/{w.van.fase} plaats {w.van.positie} -> " \
                       f"{w.naar.objecttype}/{w.naar.fase} plaats {w.naar.positie}"
    return tekst + f": {w.nieuw or w.oud}"


def als_tekst(wijzigingen: Wijzigingen) -> str:
    regels = [f"Wijzigingen van editie {wijzigingen.van.naam} naar {wijzigingen.naar.naam}: {wijzigingen.aantal}"]
    for ot in wijzigingen.objecttypen:
        for f in ot.fasen:
            regels.append(f"{ot.naam}: {f.naam}")
            regels += [regel(w) for w in f.wijzigingen]
    return "\n".join(regels)


def vergelijk_edities(van: str, naar: str, project: Path, json_uit: Path | None) -> int:
    archief = Archief(project / EDITIEMAP)
    huidig = None

    def editie(naam: str):
        nonlocal huidig
        if naam == "data":
            huidig = huidig or edities_van(project, Adresboek(laad(project / "data"))).huidig
            return huidig
        if naam not in archief.ids():
            raise SystemExit(f"editie '{naam}' is niet vastgelegd; wel: {', '.join(archief.ids()) or 'geen'} (of 'data')")
        return archief.lees(naam)

    wijzigingen = vergelijk(editie(van), editie(naar))
    print(als_tekst(wijzigingen))
    if json_uit:
        json_uit.write_text(json_tekst(wijzigingen), encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.edities", description=__doc__.splitlines()[0])
    opdrachten = parser.add_subparsers(dest="opdracht", required=True)
    p = opdrachten.add_parser("publiceer", help="leg de editie van de data vast in edities/")
    p.add_argument("project", nargs="?", default=".", type=Path)
    p.add_argument("--verslag", type=Path, help="het redactieverslag van de build van deze data (JSON)")
    v = opdrachten.add_parser("vergelijk", help="de wijzigingen tussen twee edities")
    v.add_argument("van")
    v.add_argument("naar")
    v.add_argument("project", nargs="?", default=".", type=Path)
    v.add_argument("--json", type=Path, dest="json_uit")
    args = parser.parse_args(argv)
    try:
        if args.opdracht == "publiceer":
            return publiceer(args.project.resolve(), args.verslag)
        return vergelijk_edities(args.van, args.naar, args.project.resolve(), args.json_uit)
    except DataFout as fout:
        print("\n".join(map(str, fout.meldingen)), file=sys.stderr)
        return 1
    except OSError as fout:
        print(f"{fout.filename}: {fout.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
