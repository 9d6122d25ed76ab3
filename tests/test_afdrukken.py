"""A page per object type and phase printed from the browser (Chromium, A4), with the checklist off
and on: no actie is cut in two across pages, and the printout does not end with a page that holds
only the codes legend or the edition line. Read back from the PDF Chromium makes (tests/afdruk.py)."""
from __future__ import annotations

import pytest

from afdruk import afdrukfouten
from ruwe_yaml import acties


def _paginas() -> dict[str, list[tuple[str, str, list[str]]]]:
    paginas: dict[str, list] = {}
    for a in acties():
        paginas.setdefault(f"{a.objecttype}/{a.fase}/", []).append((a.code, a.titel, [r.tekst for r in a.regels]))
    return dict(sorted(paginas.items()))


@pytest.mark.parametrize("checklijst", [False, True], ids=["gewoon", "checklijst"])
def test_geen_actie_over_twee_paginas(browser, basis, tmp_path, checklijst):
    fouten = afdrukfouten(browser, basis, _paginas(), checklijst, tmp_path)
    assert not fouten, "\n".join(fouten)
