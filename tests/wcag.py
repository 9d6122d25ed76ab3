"""axe-core as every browser test runs it: the rules of WCAG 2.0 and 2.1, levels A and AA.

axe reports every violating element whatever `resultTypes` says; the option only spares it building
selectors for every element that passed, a fifth of the time on the site's pages."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

AXE_WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"]}


def axe_wcag(pagina) -> dict:
    """axe's whole answer for the page as it is now (violations, passes, …)."""
    return Axe().run(pagina, options=AXE_WCAG).response
