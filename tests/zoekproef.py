"""The search test set (tests/zoekvragen.yaml) run in a real browser against a built site: what a
reader sees in the result list, and whether what they looked for is in it.

Used by tests/test_zoeken.py and by scripts/benchmark (which prints the hit rate)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ruwe_yaml import acties

VRAGEN = Path(__file__).resolve().parent / "zoekvragen.yaml"
TOP = 5
TELLER = re.compile(r"^(Geen|\d+) overeenkomend")


@dataclass(frozen=True)
class Zoekvraag:
    vraag: str
    soort: str
    verwacht: tuple[str, ...]  # page paths ("instrumenten/apv/") and anchors ("woningen/direct/#w-d-01")
    code: bool = False  # a code: its actie must be the first result


def _adres(verwachting: str) -> str:
    """An actie code as the anchor of its actie on its object type × phase page (from the raw YAML)."""
    plek = {a.code: f"{a.objecttype}/{a.fase}/#{a.code.lower()}" for a in acties()}
    return plek.get(verwachting, verwachting)


def zoekvragen() -> list[Zoekvraag]:
    items = yaml.safe_load(VRAGEN.read_text(encoding="utf-8"))
    return [Zoekvraag(str(i["vraag"]), i["soort"], tuple(_adres(v) for v in i["verwacht"]), i.get("code", False))
            for i in items]


def een_per_soort() -> list[Zoekvraag]:
    """The first query of every kind: a sample for phone, offline and nginx runs."""
    gezien: dict[str, Zoekvraag] = {}
    for vraag in zoekvragen():
        gezien.setdefault(vraag.soort, vraag)
    return list(gezien.values())


def paginapad(href: str, basis: str) -> str:
    """An address in the result list as a page path: without the site's base, the highlight
    parameter, and written the same for a server (`woningen/direct/`) and file:// (`woningen/direct.html`)."""
    adres = re.sub(r"\?h=[^#]*", "", href.removeprefix(basis))
    pad, _, anker = adres.partition("#")
    pad = re.sub(r"(^|/)index\.html$", r"\1", pad)
    pad = re.sub(r"\.html$", "/", pad)
    return pad + (f"#{anker}" if anker else "")


def zoek(pagina, vraag: str, basis: str = "") -> list[str]:
    """Type a query into the site's search box and return the results a reader sees, best first:
    each group's matching page and sections, not the collapsed "more on this page" and not the page
    header shown only because a section of it matched."""
    invoer = pagina.locator("input.md-search__input")
    teller = pagina.locator(".md-search-result__meta")
    if not invoer.is_visible():
        pagina.keyboard.press("/")  # mkdocs-material's shortcut opens and focuses the search box
    for poging in range(20):  # the index loads in a web worker: until it is ready, nothing is counted
        invoer.fill("")
        invoer.press("End")  # mkdocs-material reads the query on keyup
        pagina.wait_for_function("el => !/overeenkomend/.test(el.textContent)", arg=teller.element_handle())
        invoer.fill(vraag)
        invoer.press("End")
        try:
            pagina.wait_for_function("el => /^(Geen|\\d+) overeenkomend/.test(el.textContent.trim())",
                                     arg=teller.element_handle(), timeout=1500 * (1 + poging // 4))
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: type again
            continue
    else:
        raise AssertionError(f"de zoekfunctie gaf geen antwoord op {vraag!r}")
    gezien = pagina.locator(".md-search-result__list > li").evaluate_all("""items => items.flatMap(li =>
        [...li.querySelectorAll(':scope > a.md-search-result__link')]
          .filter(a => parseFloat(a.querySelector('article').dataset.mdScore) > 0)
          .map(a => a.href))""")
    return [paginapad(h, basis) for h in gezien]


def raak(vraag: Zoekvraag, resultaten: list[str]) -> bool:
    """Whether the reader finds it: an expected anchor among the first five (the first for a code);
    an expected page path matches the page and any section of it."""
    def past(adres: str) -> bool:
        return any(adres == v if "#" in v else adres.split("#")[0] == v for v in vraag.verwacht)
    return past(resultaten[0]) if vraag.code and resultaten else any(map(past, resultaten[:TOP]))


def proef(pagina, basis: str, vragen: list[Zoekvraag], start: str | None = None
          ) -> list[tuple[Zoekvraag, list[str], bool]]:
    """Every query from the start page (the site's root unless given); (query, results, found) per query."""
    pagina.goto(start or basis)
    uitkomsten = []
    for vraag in vragen:
        resultaten = zoek(pagina, vraag.vraag, basis)
        uitkomsten.append((vraag, resultaten, raak(vraag, resultaten)))
    return uitkomsten
