"""PDF/UA: the machine-checkable part (pdfua) and what it cannot see (marked content inside
forms), on every PDF."""
from __future__ import annotations

import pytest

from druk_gedeeld import pdfua_bevindingen


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_pdfua_machinaal_controleerbaar_deel_zonder_fouten(pdf, naam, monkeypatch):
    assert pdfua_bevindingen(pdf(naam), monkeypatch) == []

