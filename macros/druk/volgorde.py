"""Paint order as tag order, in the finished PDF (pikepdf).

WeasyPrint paints by the CSS painting order (CSS 2, appendix E), not the document's: a list's markers
("•", ">") are absolutely positioned boxes (list-style-position: outside), painted after all the text
of the page, while the structure tree reads each marker before its item; a float (a gemeente's "Lokale
afspraak: p." beside an actie's title) is painted before all the text. A reader that follows the
content stream (copy and paste, reflow, some screen readers) reads them out of place. CSS cannot
help: an inside marker would put the Lbl in the LBody or leave out the LBody, a ::before has no Lbl.

Here a q..Q group of tagged content is moved, forward or back among the pieces at its level, to its
place in the tree's order, only where that cannot change what is seen:
- it gets the graphics state it had: inside the group, what the pieces it jumps over changed (colours,
  alpha, line and text state) is set back, each to its value before (none where that cannot be
  done); nothing it jumps over moves the coordinate system, clips, or leaves a text object open;
- what it paints keeps MARGE points from all it jumps over (glyphs by their outlines in the embedded
  font, paths by their points and line width, images and forms by their boxes: schilder.py); what
  cannot be measured is not jumped over.
The structure tree is not touched.
"""
from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from .schilder import ONEINDIG, Schilder, samen

MARGE = 1.0  # points between what a moved group paints and what it jumps over
# operators that set graphics state a q..Q group inherits: set back inside a moved group
STAAT = {"w", "J", "j", "M", "d", "ri", "i", "gs", "CS", "cs", "SC", "SCN", "sc", "scn", "G", "g",
         "RG", "rg", "K", "k", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts"}
KLEUR = {"CS": "lijn", "SC": "lijn", "SCN": "lijn", "G": "lijn", "RG": "lijn", "K": "lijn",
         "cs": "vul", "sc": "vul", "scn": "vul", "g": "vul", "rg": "vul", "k": "vul"}
RUIMTE = {"CS", "cs", "G", "g", "RG", "rg", "K", "k"}  # a colour operator that also sets the space
# what no group is moved past: the coordinate system, the clip, state that is not set back
BLOKKADE = {"cm", "W", "W*", '"', "d0", "d1", "BX", "EX"}
# a page's initial state (ISO 32000-1, 8.4 and 9.3), where a moved group had nothing set
BEGIN = {"vul": ([0], "g"), "lijn": ([0], "G"), "w": ([1], "w"), "J": ([0], "J"), "j": ([0], "j"),
         "M": ([10], "M"), "d": ([Array(), 0], "d"), "Tc": ([0], "Tc"), "Tw": ([0], "Tw"), "Tz": ([100], "Tz"),
         "TL": ([0], "TL"), "Tr": ([0], "Tr"), "Ts": ([0], "Ts")}
# what an ExtGState may set for a group to be moved over it; the values that change nothing
ALFA = {"/CA": 1, "/ca": 1, "/BM": Name.Normal, "/SMask": Name("/None"), "/AIS": False}
TEKENEN = {"Tj", "TJ", "'", '"'}


@dataclass(eq=False)
class Stuk:
    """A piece of a content stream at one nesting level: a q..Q group, a marked-content sequence, or
    one operator; the first two with the pieces inside."""

    begin: int  # its first instruction
    einde: int  # after its last
    soort: str  # "q", "mc" or "op"
    kinderen: list[Stuk] = field(default_factory=list)
    rang: int | None = None  # its first tagged content's place in the tree
    vlak: object = None  # what it paints: a box, ONEINDIG, or None
    blokkade: bool = False  # it has an operator in BLOKKADE at its own level
    tekst: int = 0  # the text objects it opens (BT) less those it closes (ET), at its own level
    voor: list = field(default_factory=list)  # a moved group's first operators: its state set back
    geplaatst: bool = False  # a group: its place decided
    bewogen: bool = False  # a group: moved


def _stukken(instructies) -> list[Stuk] | None:
    """The pieces of a content stream; None where q..Q and marked content do not nest."""
    stapel: list[list[Stuk]] = [[]]
    open_: list[tuple[int, str]] = []
    for i, instructie in enumerate(instructies):
        naam = str(instructie.operator)
        if naam in ("q", "BDC", "BMC"):
            open_.append((i, "q" if naam == "q" else "mc"))
            stapel.append([])
        elif naam in ("Q", "EMC"):
            if not open_ or (open_[-1][1] == "q") != (naam == "Q"):
                return None
            begin, soort = open_.pop()
            kinderen = stapel.pop()
            stapel[-1].append(Stuk(begin, i + 1, soort, kinderen))
        else:
            stapel[-1].append(Stuk(i, i + 1, "op"))
    return stapel[0] if not open_ else None


def _rangen(wortel: Dictionary) -> dict[tuple[int, int], dict[int, int]]:
    """Per page (objgen), each marked-content id's place in the structure tree's reading order (the
    page's own content; a form XObject's, /Stm, is not moved here)."""
    rangen: dict[tuple[int, int], dict[int, int]] = {}
    gezien: set[tuple[int, int]] = set()
    teller = itertools.count()

    def tel(pagina, mcid: int) -> None:
        if isinstance(pagina, Dictionary):
            rangen.setdefault(pagina.objgen, {}).setdefault(mcid, next(teller))

    def bezoek(element, pagina) -> None:
        pagina = element.get("/Pg", pagina)
        kinderen = element.get("/K")
        for kind in kinderen if isinstance(kinderen, Array) else [kinderen]:
            if isinstance(kind, int):
                tel(pagina, kind)
            elif isinstance(kind, Dictionary) and kind.get("/Type") == Name.MCR:
                if "/Stm" not in kind:
                    tel(kind.get("/Pg", pagina), int(kind.MCID))
            elif isinstance(kind, Dictionary) and "/S" in kind and kind.objgen not in gezien:
                gezien.add(kind.objgen)
                bezoek(kind, pagina)

    bezoek(wortel, None)
    return rangen


def _mcid(instructie) -> int | None:
    operanden = instructie.operands
    if str(instructie.operator) == "BDC" and len(operanden) == 2 and isinstance(operanden[1], Dictionary):
        waarde = operanden[1].get("/MCID")
        return int(waarde) if waarde is not None else None
    return None


def _meet(stukken: list[Stuk], instructies, vlakken: list, rang: dict[int, int]) -> None:
    """Each piece's place in the tree, painted area and blockades (see Stuk)."""
    for stuk in stukken:
        if stuk.soort == "op":
            instructie = instructies[stuk.begin]
            naam = str(instructie.operator)
            stuk.vlak = vlakken[stuk.begin]
            stuk.blokkade = naam in BLOKKADE
            stuk.tekst = {"BT": 1, "ET": -1}.get(naam, 0)
            continue
        _meet(stuk.kinderen, instructies, vlakken, rang)
        eigen = rang.get(_mcid(instructies[stuk.begin]))
        rangen = [r for r in [eigen] + [k.rang for k in stuk.kinderen] if r is not None]
        stuk.rang = min(rangen) if rangen else None
        stuk.vlak = samen(k.vlak for k in stuk.kinderen)
        if stuk.soort == "mc":  # a group undoes what it does; a marked sequence does not
            stuk.blokkade = any(k.blokkade for k in stuk.kinderen)
            stuk.tekst = sum(k.tekst for k in stuk.kinderen)


def _toestanden(instructies) -> list[dict]:
    """The settable state before each instruction and after the last: per key (an operator in STAAT;
    "vul" and "lijn" for the colours, with their space; "gs" for the ExtGStates, in the order of their
    last use) the operators that set it."""
    staat: dict = {}
    stapel, uit = [], []
    for instructie in instructies:
        uit.append(staat)
        naam = str(instructie.operator)
        if naam == "q":
            stapel.append(staat)
        elif naam == "Q":
            staat = stapel.pop() if stapel else staat
        elif naam in STAAT:
            staat = dict(staat)
            if naam == "gs":
                eerder = staat.get("gs", ())
                staat["gs"] = tuple(i for i in eerder if i.operands[0] != instructie.operands[0]) + (instructie,)
            elif naam in KLEUR:
                eerder = () if naam in RUIMTE else staat.get(KLEUR[naam], ())[:1]
                staat[KLEUR[naam]] = eerder + (instructie,)
            else:
                staat[naam] = (instructie,)
    uit.append(staat)
    return uit


def _doel(stukken: list[Stuk], j: int) -> int | None:
    """Where group j belongs among the pieces placed (all but groups not yet seen): after the last
    one earlier in the tree, before the next; None where it is there, or where that is no one place."""
    rang = stukken[j].rang
    ankers = [(i, s.rang) for i, s in enumerate(stukken)
              if i != j and s.rang is not None and (s.soort != "q" or s.geplaatst)]
    lager = max((i for i, r in ankers if r < rang), default=-1)
    hoger = min((i for i, r in ankers if r > rang and i > lager), default=len(stukken))
    if j > hoger:
        return hoger
    if j < lager and all(r < rang for i, r in ankers if j < i <= lager):
        return lager + 1
    return None


def _raakt(a, b) -> bool:
    if a is None or b is None:
        return False
    if a is ONEINDIG or b is ONEINDIG:
        return True
    return a[0] < b[2] + MARGE and b[0] < a[2] + MARGE and a[1] < b[3] + MARGE and b[1] < a[3] + MARGE


def _past(groep: Stuk, tussen: list[Stuk]) -> bool:
    """Whether a group may jump over these pieces: see the module's description."""
    return all(not s.blokkade and s.tekst == 0 and not _raakt(groep.vlak, s.vlak) for s in tussen)


def _bytes(instructies) -> bytes:
    return pikepdf.unparse_content_stream(list(instructies))


class _Pagina:
    """One page's content stream in pieces, measured, and ordered (see above)."""

    def __init__(self, pagina: pikepdf.Page, rang: dict[int, int], lettertypen: dict):
        self.instructies = pikepdf.parse_content_stream(pagina)
        self.stukken = _stukken(self.instructies)
        self.toestanden = _toestanden(self.instructies)
        self.extgstate = pagina.obj.get("/Resources", Dictionary()).get("/ExtGState", Dictionary())
        if self.stukken is not None:
            _meet(self.stukken, self.instructies, Schilder(pagina, lettertypen).vlakken(self.instructies), rang)

    def orden(self, stukken: list[Stuk], eind: dict) -> bool:
        """Moves the groups at one level (inside each piece first) to their place; whether any
        moved. `eind`: the state after the last piece."""
        bewogen = False
        for stuk in stukken:
            if stuk.soort != "op":
                bewogen |= self.orden(stuk.kinderen, self.toestanden[stuk.einde - 1])
        for groep in [s for s in stukken if s.soort == "q" and s.rang is not None]:
            j = next(i for i, s in enumerate(stukken) if s is groep)
            doel, groep.geplaatst = _doel(stukken, j), True
            if doel is None or not _past(groep, stukken[doel:j] if doel < j else stukken[j + 1:doel]):
                continue
            herstel = self._herstel(self._staat_bij(stukken, doel, groep, eind), self.toestanden[groep.begin], groep)
            if herstel is not None:
                del stukken[j]
                stukken.insert(doel if doel < j else doel - 1, groep)
                groep.voor, groep.bewogen, bewogen = herstel, True, True
        return bewogen

    def _staat_bij(self, stukken: list[Stuk], i: int, groep: Stuk, eind: dict) -> dict:
        """The state before piece i: that of the first piece from there on still in its place."""
        return next((self.toestanden[s.begin] for s in stukken[i:] if s is not groep and not s.bewogen), eind)

    def _herstel(self, nu: dict, was: dict, groep: Stuk) -> list | None:
        """The operators that set state `nu` back to `was`, the group's own; None: not possible."""
        uit: list = []
        for sleutel in dict.fromkeys([*nu, *was]):
            if _bytes(nu.get(sleutel, ())) == _bytes(was.get(sleutel, ())):
                continue
            if sleutel == "gs":  # was's ExtGStates again, after nu's: the same, or no move
                samen, eigen = self._alfa(nu.get("gs", ()) + was.get("gs", ())), self._alfa(was.get("gs", ()))
                if samen is None or samen != eigen:
                    return None
                uit += was.get("gs", ())
            elif sleutel in was:
                uit += was[sleutel]
            elif sleutel in BEGIN:
                uit.append(pikepdf.ContentStreamInstruction(BEGIN[sleutel][0], pikepdf.Operator(BEGIN[sleutel][1])))
            elif not (sleutel == "Tf" and self._eigen_font(groep)):
                return None
        return uit

    def _alfa(self, reeks) -> dict | None:
        """What these ExtGStates set, where it changes anything; None: more than ALFA."""
        uit: dict = {}
        for instructie in reeks:
            toestand = self.extgstate.get(str(instructie.operands[0]))
            if not isinstance(toestand, Dictionary) or set(toestand.keys()) - set(ALFA) - {"/Type"}:
                return None
            uit.update((k, v) for k, v in toestand.items() if k != "/Type")
        return {k: v for k, v in uit.items() if v != ALFA[k]}

    def _eigen_font(self, groep: Stuk) -> bool:
        """Whether the group sets its font before it shows text (if it shows any)."""
        namen = (str(i.operator) for i in self.instructies[groep.begin:groep.einde])
        return next((naam == "Tf" for naam in namen if naam == "Tf" or naam in TEKENEN), True)


def _instructies(stukken: list[Stuk], instructies, uit: list) -> list:
    for stuk in stukken:
        uit.append(instructies[stuk.begin])
        if stuk.soort != "op":
            uit.extend(stuk.voor)
            _instructies(stuk.kinderen, instructies, uit)
            uit.append(instructies[stuk.einde - 1])
    return uit


def _pagina(document: pikepdf.Pdf, pagina: pikepdf.Page, rang: dict[int, int], lettertypen: dict) -> None:
    orde = _Pagina(pagina, rang, lettertypen)
    if orde.stukken is not None and orde.orden(orde.stukken, orde.toestanden[-1]):
        instructies = _instructies(orde.stukken, orde.instructies, [])
        pagina.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(instructies))


def in_tagvolgorde(pdf: bytes) -> bytes:
    """The PDF with each page's tagged content painted in the structure tree's order, as far as
    that cannot change what is seen (see above)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        wortel = document.Root.get("/StructTreeRoot")
        if wortel is None:
            return pdf
        rangen, lettertypen = _rangen(wortel), {}
        for pagina in document.pages:
            if pagina.obj.objgen in rangen:
                _pagina(document, pagina, rangen[pagina.obj.objgen], lettertypen)
        uit = io.BytesIO()
        document.save(uit, deterministic_id=True)
        return uit.getvalue()
