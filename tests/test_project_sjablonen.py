"""A build renders the templates of the project it builds: a copy with edited templates shows its
edits (web page templates, the theme override and the print templates), not the original's."""
from __future__ import annotations

import pdfplumber

from conftest import kopie_project, mkdocs_build
from html_site import lees, normaliseer


def _voeg_toe(bestand, na: str, tekst: str) -> None:
    inhoud = bestand.read_text(encoding="utf-8")
    assert na in inhoud, na
    bestand.write_text(inhoud.replace(na, na + tekst, 1), encoding="utf-8")


def test_gewijzigde_sjablonen_in_een_kopie_tonen_in_die_build(tmp_path):
    project = kopie_project(tmp_path / "project")
    _voeg_toe(project / "macros/web/sjablonen/objecttype_fase.md", '{% include "_fasebalk.md" %}\n',
              "\nMARKERING-PAGINASJABLOON\n\n")
    _voeg_toe(project / "macros/web/sjablonen/_fasebalk.md", "</nav>\n", "\nMARKERING-DEELSJABLOON\n")
    _voeg_toe(project / "overrides/main.html", "{{ super() }}\n", "  <p>MARKERING-THEMA</p>\n")
    _voeg_toe(project / "macros/druk/sjablonen/overzicht.html", '<section class="voorblad">\n',
              "    <p>MARKERING-DRUKSJABLOON</p>\n")
    uitkomst = mkdocs_build(project, tmp_path / "site")
    assert uitkomst.returncode == 0, uitkomst.stderr
    pagina = normaliseer(lees(tmp_path / "site/woningen/direct/index.html").text_content())
    for markering in ["MARKERING-PAGINASJABLOON", "MARKERING-DEELSJABLOON", "MARKERING-THEMA"]:
        assert markering in pagina, markering
    with pdfplumber.open(tmp_path / "site/downloads/overzicht-acties.pdf") as pdf:
        assert "MARKERING-DRUKSJABLOON" in pdf.pages[0].extract_text()
