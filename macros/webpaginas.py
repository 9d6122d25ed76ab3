"""The generated pages of the website and the navigation, both derived from the loaded kader.

Every page is a Markdown template in overrides/paginas/ filled with the model; no actie text is ever
written in content/. Links between pages point at Markdown sources, so mkdocs checks them (--strict).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache, partial

import yaml

from .grafiek import staafdiagram
from .handelingskader import Handelingskader, Plek, Vermelding, pagina_pad
from .sjablonen import render_markdown


@dataclass
class Pagina:
    pad: str  # source path below content/, e.g. "woningen/direct.md"
    titel: str
    sjabloon: str
    context: dict = field(default_factory=dict)
    beschrijving: str = ""
    zoekgewicht: float = 1  # Material search boost: reference pages first, overview pages last


def relatief(van: str, naar: str) -> str:
    """Link from page `van` to source `naar` (optionally with #anchor), relative, as mkdocs expects."""
    doel, _, anker = naar.partition("#")
    pad = posixpath.relpath(doel, posixpath.dirname(van) or ".")
    return f"{pad}#{anker}" if anker else pad


def bron_van(pagina_pad: str) -> str:
    """Source path of a site-relative page address such as 'woningen/direct/'."""
    return pagina_pad.rstrip("/") + ".md"


def actie_bron(kader: Handelingskader, code: str) -> str:
    """Source path with anchor of the page where an actie is published."""
    plek = kader.plek_van[code]
    return f"{bron_van(plek.pagina)}#{plek.actie.anker}"


def groepeer(vermeldingen: list[Vermelding]) -> list[tuple]:
    """Vermeldingen grouped by object type, then phase, in publication order."""
    groepen: dict = {}
    for v in vermeldingen:
        groepen.setdefault(v.plek.objecttype.id, (v.plek.objecttype, {}))[1].setdefault(
            v.plek.fase.id, (v.plek.fase, []))[1].append(v)
    return [(ot, list(fasen.values())) for ot, fasen in groepen.values()]


def vergelijk(plekken: list[Plek]) -> list[tuple[str, list[bool]]]:
    """Every distinct handeling or sub-item text of a theme, with where it occurs."""
    teksten = [[d.tekst for h in p.actie.handelingen for d in (h, *h.sub)] for p in plekken]
    regels = list(dict.fromkeys(t for lijst in teksten for t in lijst))
    return [(regel, [regel in lijst for lijst in teksten]) for regel in regels]


def paginas(kader: Handelingskader) -> list[Pagina]:
    lijst: list[Pagina] = []
    for ot in kader.objecttypen:
        lijst.append(Pagina(f"{ot.id}/index.md", ot.naam, "objecttype.md", {"objecttype": ot},
                            f"Wat de gemeente doet bij een aanslag op een {ot.enkelvoud}, per fase."))
        lijst += [Pagina(bron_van(pagina_pad(ot, f)), f"{ot.naam}: {f.naam}", "objecttype_fase.md",
                         {"objecttype": ot, "fase": f}, f"{f.naam}: acties voor gemeenten bij een {ot.enkelvoud}.",
                         zoekgewicht=2)
                  for f in kader.fasen]
    lijst.append(Pagina("fasen/index.md", "Per fase", "fasen.md"))
    lijst += [Pagina(f"fasen/{f.id}.md", f.naam, "fase.md", {"fase": f}, zoekgewicht=0.5) for f in kader.fasen]
    lijst.append(Pagina("partners/index.md", "Partners", "partners.md"))
    lijst += [Pagina(f"partners/{p.id}.md", p.naam, "partner.md", {"partner": p}, zoekgewicht=4)
              for p in kader.partners.values()]
    lijst.append(Pagina("instrumenten/index.md", "Bestuurlijke instrumenten", "instrumenten.md"))
    lijst += [Pagina(f"instrumenten/{i.id}.md", i.naam, "instrument.md", {"instrument": i}, zoekgewicht=4)
              for i in kader.instrumenten.values()]
    lijst.append(Pagina("themas/index.md", "Thema's", "themas.md"))
    lijst += [Pagina(f"themas/{t.id}.md", t.naam, "thema.md", {"thema": t}, zoekgewicht=0.5)
              for t in kader.themas.values()]
    lijst += [Pagina("maatregelen.md", "Maatregelen uit het Actieplan", "maatregelen.md"),
              Pagina("begrippen.md", "Begrippen en afkortingen", "begrippen.md"),
              Pagina("cijfers.md", "Cijfers", "cijfers.md", {"staafdiagram": staafdiagram})]
    return lijst


def markdown(pagina: Pagina, kader: Handelingskader) -> str:
    """The full Markdown source of a generated page, front matter included."""
    kop = {"title": pagina.titel, "render_macros": False}
    if pagina.zoekgewicht != 1:
        kop["search"] = {"boost": pagina.zoekgewicht}
    if pagina.beschrijving:
        kop["description"] = pagina.beschrijving
    inhoud = render_markdown(pagina.sjabloon, kader=kader, pagina=pagina, groepeer=groepeer, vergelijk=vergelijk,
                             actie_bron=partial(actie_bron, kader), rel=partial(relatief, pagina.pad),
                             **pagina.context)
    return f"---\n{yaml.safe_dump(kop, allow_unicode=True, sort_keys=False)}---\n\n{inhoud}"


@lru_cache(maxsize=4)
def afkortingen(kader: Handelingskader) -> str:
    """Markdown abbreviation definitions (abbr extension) for every page: tooltips from data."""
    return "\n".join(f"*[{a.afkorting}]: {a.betekenis}" for a in kader.afkortingen)


def navigatie(kader: Handelingskader) -> list:
    """The site navigation: crisis paths first (object types with their phases), then reference."""
    objecttypen = [{ot.naam: [f"{ot.id}/index.md"] + [{f.naam: bron_van(pagina_pad(ot, f))} for f in kader.fasen]}
                   for ot in kader.objecttypen]
    return [
        {"Home": "index.md"},
        *objecttypen,
        {"Per fase": ["fasen/index.md"] + [{f.naam: f"fasen/{f.id}.md"} for f in kader.fasen]},
        {"Naslag": [{"Partners": "partners/index.md"}, {"Bestuurlijke instrumenten": "instrumenten/index.md"},
                    {"Thema's": "themas/index.md"}, {"Begrippen en afkortingen": "begrippen.md"}]},
        {"Actieplan": [{"Maatregelen": "maatregelen.md"}, {"Cijfers": "cijfers.md"}]},
        {"Over": [{"Downloads": "downloads.md"}, {"Over deze uitgave": "over.md"},
                  {"Toegankelijkheid": "toegankelijkheid.md"}]},
    ]
