"""The search test set (tests/zoekvragen.yaml, or another set file in its format) run in a real
browser against a built site: what a reader sees in the result list, and whether what they looked
for is in it.

Used by tests/test_zoeken.py and by scripts/benchmark (which prints the hit rate). From the command
line it measures a set on a built site:
  .venv/bin/python tests/zoekproef.py SITE [SET.yaml ...]"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruwe_yaml import acties  # noqa: E402

VRAGEN = Path(__file__).resolve().parent / "zoekvragen.yaml"
TOP = 5
TELLER = re.compile(r"^(Geen|\d+) overeenkomend")
KLAAR = "Typ om te beginnen met zoeken"  # mkdocs-material's line once the worker is ready, the field empty
ANTWOORD_MS = 30_000  # the longest wait for an answer: the first one fetches and indexes the whole index


@dataclass(frozen=True)
class Zoekvraag:
    vraag: str
    soort: str
    verwacht: tuple[str, ...]  # page paths ("instrumenten/apv/") and anchors ("woningen/direct/#w-d-01")
    code: bool = False  # a code: its actie must be the first result
    handeling: str | None = None  # a handeling code: the anchor it must open at (first result, strict)


@cache
def _plekken() -> dict[str, str]:
    """Every actie, handeling and sub-item code with its anchor on its object type × phase page
    (from the raw YAML): 'W-D-03.2' -> 'woningen/direct/#w-d-03.2'."""
    return {c: f"{a.objecttype}/{a.fase}/#{c.lower()}" for a in acties() for c in [a.code, *(r.id for r in a.regels)]}


def _adres(verwachting: str) -> str:
    """A code as its anchor; a page path as it is."""
    return _plekken().get(verwachting, verwachting)


def _ouders(anker: str) -> set[str]:
    """The anchors that contain a handeling's: 'x/#w-d-08.2b' -> 'x/#w-d-08.2', 'x/#w-d-08'."""
    pad, _, code = anker.partition("#")
    gevonden = re.fullmatch(r"([a-z]-[a-z]-\d+)(?:\.(\d+)([a-z]?))?", code)
    if not gevonden or not gevonden.group(2):
        return set()
    actie, nummer, sub = gevonden.groups()
    return {f"{pad}#{actie}"} | ({f"{pad}#{actie}.{nummer}"} if sub else set())


def zoekvragen(pad: Path = VRAGEN) -> list[Zoekvraag]:
    """The queries of a set file (tests/zoekvragen.yaml unless given). A query of soort `code` or
    `handelingcode` counts as a code; a handeling code must open at its handeling."""
    items = yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
    uit = []
    for i in items:
        verwacht = tuple(_adres(v) for v in i["verwacht"])
        code = i.get("code", i["soort"] in ("code", "handelingcode"))
        handeling = verwacht[0] if code and _ouders(verwacht[0]) else None
        uit.append(Zoekvraag(str(i["vraag"]), i["soort"], verwacht, code, handeling))
    return uit


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
    """Type a query into the site's search box and return the results a reader sees (resultaten).
    Waits for defined states, never types again: the worker ready with an empty field (KLAAR: the
    answer to the empty query, which mkdocs-material shows only once the worker is ready), then the
    count of this query's answer (the next answer the page shows: the worker answers only the last
    query it got). The first query of a page waits for the whole index (ANTWOORD_MS)."""
    from playwright.sync_api import expect

    invoer = pagina.locator("input.md-search__input")
    teller = pagina.locator(".md-search-result__meta")
    if not invoer.is_visible():
        pagina.keyboard.press("/")  # mkdocs-material's shortcut opens and focuses the search box
    invoer.fill("")
    invoer.press("End")  # mkdocs-material reads the query on keyup
    expect(teller).to_have_text(KLAAR, timeout=ANTWOORD_MS)
    invoer.fill(vraag)
    invoer.press("End")
    expect(teller).to_have_text(TELLER, timeout=ANTWOORD_MS)
    return resultaten(pagina, basis)


def resultaten(pagina, basis: str = "") -> list[str]:
    """The results shown, best first (page paths and anchors), without the lines of score 0 (the page
    header of a matching section, "Bedoelde u", the way on)."""
    return [pad for pad, _, score in regels(pagina, basis) if score > 0]


def regels(pagina, basis: str = "") -> list[tuple[str, str, float]]:
    """Every line the result list shows, not collapsed: (page path or anchor, text, score)."""
    gezien = pagina.locator(".md-search-result__list > li").evaluate_all("""items => items.flatMap(li =>
        [...li.querySelectorAll(':scope > a.md-search-result__link')]
          .map(a => [a.href, a.innerText, parseFloat(a.querySelector('article').dataset.mdScore)]))""")
    return [(paginapad(h, basis), tekst, score) for h, tekst, score in gezien]


def raak(vraag: Zoekvraag, resultaten: list[str], streng: bool = True) -> bool:
    """Whether the reader finds it: an expected anchor among the first five; an expected page path
    matches the page and any section of it, an expected actie its handelingen, an expected handeling
    also its actie. Strict: a code's
    actie first, a handeling code's own handeling first."""
    verwacht = set(vraag.verwacht) | {o for v in vraag.verwacht for o in _ouders(v)}

    def past(adres: str) -> bool:  # a handeling of an expected actie is in that actie
        return any(a == v if "#" in v else a.split("#")[0] == v for v in verwacht for a in {adres, *_ouders(adres)})
    if streng and vraag.handeling:
        return resultaten[:1] == [vraag.handeling]
    if streng and vraag.code:
        return bool(resultaten) and past(resultaten[0])
    return any(map(past, resultaten[:TOP]))


def proef(pagina, basis: str, vragen: list[Zoekvraag], start: str | None = None
          ) -> list[tuple[Zoekvraag, list[str], bool]]:
    """Every query from the start page (the site's root unless given); (query, results, found) per query."""
    pagina.goto(start or basis)
    uitkomsten = []
    for vraag in vragen:
        resultaten = zoek(pagina, vraag.vraag, basis)
        uitkomsten.append((vraag, resultaten, raak(vraag, resultaten)))
    return uitkomsten


def main(argv: list[str]) -> None:
    """Measure query sets on a built site, served under a sub-path, in Chromium: the top-five hits
    (a handeling's actie counts), and strict (codes first, a handeling code at its handeling)."""
    import tempfile
    from collections import Counter

    from playwright.sync_api import sync_playwright

    from webserver import CHROMIUM, CHROMIUM_ARGS, serveer

    site, *sets = argv
    with serveer(Path(site).resolve(), "veiligheid/handelingskader", Path(tempfile.mkdtemp())) as basis, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for set_ in sets or [VRAGEN]:
            pagina = browser.new_page(locale="nl-NL", viewport={"width": 1280, "height": 900})
            uitkomsten = proef(pagina, basis, zoekvragen(Path(set_)))
            pagina.close()
            los = [raak(v, r, streng=False) for v, r, _ in uitkomsten]
            streng = [goed for _, _, goed in uitkomsten]
            print(f"== {set_}: top {TOP} {sum(los)}/{len(los)} ({sum(los) / len(los):.1%}), "
                  f"streng {sum(streng)}/{len(streng)} ({sum(streng) / len(streng):.1%})")
            alle, goed = Counter(v.soort for v in (u[0] for u in uitkomsten)), Counter()
            for (v, r, g), l_ in zip(uitkomsten, los):
                goed[v.soort] += l_
                if not (l_ and g):
                    print(f"  {'-' if not l_ else '~'} {v.vraag!r} ({v.soort}): {r[:TOP]}")
            print("  " + ", ".join(f"{s} {goed[s]}/{n}" for s, n in alle.items()))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
