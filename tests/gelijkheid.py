"""Web, print and data list the same actions: one text per object type x phase from every output.

Each output is reduced to the same plain form: "CODE TITEL handeling > subpunt …", whitespace
normalised, list bullets and WeasyPrint's line-end hyphens removed, running headers and footers
dropped. Two outputs agree when these strings are equal: same acties, same order, same words, and
a handeling that appears twice must appear twice. In a gemeente's own edition the local
arrangements belong to their actie ("Lokale afspraak: …") on the website and the cards; the Overzicht
keeps them in a section after the phases, and an actie there only points to them beside its title
("Lokale afspraak: p. 16", dropped here). The block of local contacts on a card (from its heading to
the card's end) is not part of the acties and is dropped.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import fitz
import pypdf

from html_site import acties_op_pagina, lees
from macros.gegevens.lokaal import CONTACTEN, LABEL

MM = 72 / 25.4
# the helping back of a card (its partners, the codes legend, the QR code): not part of the acties
HULPKOPPEN = {"Partners op deze kaart", "Codes", "Deze fase op de website"}
# beside an actie's title in the Overzicht of a gemeente's own edition: where its arrangements are
VERWIJZING = re.compile(rf"\s*{LABEL}: p\. \d+$")


def plat(tekst: str) -> str:
    """Whitespace normalised; a line break after a hyphen or a slash may or may not have been a space."""
    tekst = tekst.replace("\u2010\n", "").replace("\u00ad", "")
    return re.sub(r"([-/])\s+", r"\1", " ".join(t for t in tekst.split() if t != "•"))


def actietekst(kader, a, met_afspraken: bool = True) -> str:
    """One actie as print shows it: code, title, handelingen, sub-items, local arrangements (not in
    the Overzicht: met_afspraken=False)."""
    delen = [f"{a.code} {a.titel}"]
    for h in a.handelingen:
        delen += [h.tekst] + [f"> {s.tekst}" for s in h.sub]
    if met_afspraken:
        delen += [f"{LABEL}: {afspraak.tekst}" for afspraak in kader.afspraken(a)]
    return plat(" ".join(delen))


def verwacht(kader, met_afspraken: bool = True) -> dict[tuple[str, str], str]:
    return {(ot.id, f.id): plat(" ".join(actietekst(kader, a, met_afspraken) for a in kader.fase_acties(ot, f)))
            for ot in kader.objecttypen for f in kader.fasen}


def gesplitste_acties(kader, paginas: list[list[str]], met_afspraken: bool = True) -> list[str]:
    """Codes of the acties whose text (code, title, every line) is not whole on one page or card side."""
    vlak = [plat("\n".join(_zonder_kop_en_voet(regels, kader))) for regels in paginas]
    return [p.actie.code for p in kader.plekken()
            if not any(actietekst(kader, p.actie, met_afspraken) in t for t in vlak)]


def _versie(pdf: Path) -> tuple[str, int, int]:
    """A PDF file as it is now: a rewritten file is read again."""
    stat = Path(pdf).stat()
    return str(Path(pdf).resolve()), stat.st_mtime_ns, stat.st_size


def _tekst(pagina, kader: fitz.Rect | None = None) -> str:
    """A page's (or a part's) text lines top to bottom, left to right, each with its white space as
    single spaces (PyMuPDF: a tenth of pdfplumber's time on these PDFs, and the same lines but for
    spaces pdfplumber leaves out between two runs of text)."""
    return "\n".join(" ".join(r.split()) for r in pagina.get_text(sort=True, clip=kader).splitlines() if r.strip())


@cache
def _paginateksten(versie: tuple[str, int, int]) -> tuple[str, ...]:
    with fitz.open(versie[0]) as document:
        return tuple(_tekst(pagina) for pagina in document)


def paginateksten(pdf: Path) -> tuple[str, ...]:
    """The text of every page, read once per file and process (several tests read the same PDFs)."""
    return _paginateksten(_versie(pdf))


def gebroken_nummers(pdf: Path, nummers) -> list[str]:
    """The phone numbers (as written, white space single) that some line of the PDF breaks: one reads
    whole only with two lines joined, at a space or at a dash without one, or only without spaces."""
    regels = [r for pagina in pdf_regels(pdf) for r in pagina]
    aaneen = "".join(regels)
    return sorted(n for n in nummers if sum(r.count(n) for r in regels) < max(" ".join(regels).count(n), aaneen.count(n))
                  or n.replace(" ", "") in aaneen.replace(" ", "") and not any(n in r for r in regels))


def pdf_regels(pdf: Path) -> list[list[str]]:
    """The text lines of every page."""
    return [tekst.splitlines() for tekst in paginateksten(pdf)]


def uit_web(site: Path, kader) -> dict[tuple[str, str], str]:
    uitkomst = {}
    for ot in kader.objecttypen:
        for f in kader.fasen:
            boom = lees(site / ot.id / f.id / "index.html")
            uitkomst[(ot.id, f.id)] = plat(" ".join(f"{titel} {' '.join(teksten)}" for _, titel, teksten
                                                    in acties_op_pagina(boom, markeer_subpunten=True)))
    return uitkomst


def bladwijzers(pdf: Path) -> list[tuple[int, str, int]]:
    lezer = pypdf.PdfReader(pdf)

    def vlak(items, niveau=0):
        for item in items:
            if isinstance(item, list):
                yield from vlak(item, niveau + 1)
            else:
                yield niveau, item.title, lezer.get_destination_page_number(item)
    return list(vlak(lezer.outline))


def _fasen_met_paginas(pdf: Path, kader) -> tuple[list[tuple[tuple[str, str], int]], list[int]]:
    """(object type id, phase id) and first page index of every phase section or card, in order; and
    the first page of every section (also those after the phases: a gemeente's own pages)."""
    namen_ot = {ot.naam: ot.id for ot in kader.objecttypen}
    namen_f = {f.naam: f.id for f in kader.fasen}
    uitkomst, begin, ot = [], [], None
    for niveau, titel, pagina in bladwijzers(pdf):
        if niveau == 0:
            ot = namen_ot.get(titel)
            begin.append(pagina)
        elif niveau == 1 and titel in namen_f:
            uitkomst.append(((ot, namen_f[titel]), pagina))
            begin.append(pagina)
    return uitkomst, begin


def _zonder_kop_en_voet(regels: list[str], kader) -> list[str]:
    """Lines of one page or card side without running head, footer (on a card one or two lines), the
    pointers to local arrangements, a card's local contacts and helping back."""
    koppen = {f"{ot.naam} · {f.naam}{vervolg}" for ot in kader.objecttypen for f in kader.fasen
              for vervolg in ("", " (vervolg)")} | {" | ".join(f.naam for f in kader.fasen)}
    kaartvoet = rf"{re.escape(kader.editieregel(kort=True))}( Zijde \d+/\d+)?"
    voet = re.compile(rf"^(.* · .* )?(Editie {re.escape(kader.kader.editie.naam)} · pagina \d+ van \d+|{kaartvoet})$")
    if len(regels) > 1 and re.fullmatch(kaartvoet, f"{regels[-2].strip()} {regels[-1].strip()}"):
        regels = regels[:-2]
    contacten = _contactenregel(regels)
    return [VERWIJZING.sub("", r) for r in regels[:contacten] if r.strip() not in koppen and not voet.match(r.strip())]


def _contactenregel(regels: list[str]) -> int:
    """Where a card's local contacts or helping back begin on a side (its length if they do not)."""
    return next((i for i, r in enumerate(regels)
                 if r.strip().startswith(f"{CONTACTEN} ") or r.strip() in HULPKOPPEN), len(regels))


def _kaartregels(zijden: list[list[str]], kader) -> list[str]:
    """The acties' lines of the sides of one card or phase section: they end where its local contacts
    or helping back begin (which may run over onto a side of their own)."""
    regels = []
    for zijde in zijden:
        regels += _zonder_kop_en_voet(zijde, kader)
        if _contactenregel(zijde) < len(zijde):
            break
    return regels


def _vanaf_eerste_code(regels: list[str]) -> list[str]:
    for i, regel in enumerate(regels):
        if re.match(r"^[A-Z]-[A-Z]-\d{2}\b", regel):
            return regels[i:]
    return []


def uit_pdf_per_fase(pdf: Path, kader) -> dict[tuple[str, str], str]:
    """Overzicht and A6 cards: a phase section (or card) runs from its bookmark to the next section."""
    secties, begin = _fasen_met_paginas(pdf, kader)
    paginas = pdf_regels(pdf)
    uitkomst: dict[tuple[str, str], str] = {}
    for sleutel, start in secties:
        einde = min([p for p in begin if p > start] + [len(paginas)])
        uitkomst[sleutel] = plat("\n".join(_vanaf_eerste_code(_kaartregels(paginas[start:einde], kader))))
    return uitkomst


def a4_zijden(pdf: Path) -> list[list[str]]:
    """Lines of every card side on the A4 sheets, in card order (backs un-mirrored)."""
    return [list(zijde) for zijde in _a4_zijden(_versie(pdf))]


@cache
def _a4_zijden(versie: tuple[str, int, int]) -> tuple[tuple[str, ...], ...]:
    with fitz.open(versie[0]) as document:
        zijden = []
        for vel in range(0, len(document), 2):
            kanten = []
            for pagina in document.pages(vel, min(vel + 2, len(document))):
                kwadranten = [(0, 0), (105, 0), (0, 148), (105, 148)]
                kanten.append([_tekst(pagina, fitz.Rect(x * MM, y * MM, (x + 105) * MM, (y + 148) * MM)).splitlines()
                               for x, y in kwadranten])
            voor, achter = kanten[0], kanten[1] if len(kanten) > 1 else [[]] * 4
            for positie, achterpositie in zip(range(4), [1, 0, 3, 2]):
                zijden += [tuple(voor[positie]), tuple(achter[achterpositie])]
        return tuple(zijden)


def uit_a4(pdf: Path, kader) -> dict[tuple[str, str], str]:
    """A4 sheets: each side names its card, a front in its title's two lines, a back in its running
    head; sides of one card are joined."""
    namen = {naam: (ot.id, f.id) for ot in kader.objecttypen for f in kader.fasen
             for naam in (f"{ot.naam} · {f.naam}", f"{ot.naam.upper()} · {f.naam}")}
    zijden_per_kaart: dict[tuple[str, str], list[list[str]]] = {}
    for zijde in a4_zijden(pdf):
        naam = next((n for n in (" · ".join(r.strip() for r in zijde[:2]), zijde[0].strip() if zijde else "")
                     if n in namen), None)
        if naam:
            zijden_per_kaart.setdefault(namen[naam], []).append(zijde)
    return {sleutel: plat("\n".join(_vanaf_eerste_code(_kaartregels(zijden, kader))))
            for sleutel, zijden in zijden_per_kaart.items()}


def verschillen(kader, site: Path) -> list[str]:
    """Every object type x phase where web or print differ from the data, with where it starts."""
    uitgaven = {  # each with whether it shows the local arrangements under their actie
        "website": (lambda: uit_web(site, kader), True),
        "overzicht-acties.pdf": (lambda: uit_pdf_per_fase(site / "downloads/overzicht-acties.pdf", kader), False),
        "zakkaarten-a6.pdf": (lambda: uit_pdf_per_fase(site / "downloads/zakkaarten-a6.pdf", kader), True),
        "zakkaarten-a4.pdf": (lambda: uit_a4(site / "downloads/zakkaarten-a4.pdf", kader), True),
    }
    meldingen = []
    for naam, (lees_uit, met_afspraken) in uitgaven.items():
        gevonden = lees_uit()
        for sleutel, tekst in verwacht(kader, met_afspraken).items():
            anders = gevonden.get(sleutel, "")
            if anders != tekst:
                i = next((i for i, (a, b) in enumerate(zip(tekst, anders)) if a != b), min(len(tekst), len(anders)))
                meldingen.append(f"{naam} {sleutel[0]}/{sleutel[1]}: data '…{tekst[max(0, i - 30):i + 40]}…' "
                                 f"maar gevonden '…{anders[max(0, i - 30):i + 40]}…'")
    return meldingen
