"""Property (hypothesis): whatever the checker accepts, the build publishes, without a traceback.

Random text (any Unicode, any length up to the limit, markup characters included) in random text
fields of the data and the overlay, and random figures tables (rows, series, values): the checker
either refuses with FILE:LINE:COL lines, or a real `mkdocs build` (site and PDFs) succeeds. A short
run in the suite; more with KADER_EIGENSCHAP=<examples>."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import velden
from test_data_is_tekst import PLAATSEN, _env, _project, controleer

VOORBEELDEN = int(os.environ.get("KADER_EIGENSCHAP", "2"))
MELDING = re.compile(r"^[\w/.-]+\.yaml:\d+:\d+: \S")
VRIJ = [p for p in PLAATSEN if not p.vorm]
TEKST = st.one_of(st.text(min_size=1, max_size=80),
                  st.text(alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
                          min_size=1, max_size=2000),
                  st.sampled_from(["<b>", "{{ x }}", "*[A]: b", "](x)", "&amp;", "\\", "|", "#", "'", '"']))
REEKS = st.lists(st.one_of(st.none(), st.integers(0, 10**9)), min_size=1, max_size=6)


@st.composite
def wijzigingen(draw) -> dict:
    plaatsen = draw(st.lists(st.sampled_from(VRIJ), min_size=1, max_size=4, unique=True))
    waarden = {p: draw(TEKST) for p in plaatsen}
    if draw(st.booleans()):  # a figures table of its own shape
        reeksen = draw(st.integers(1, 5))
        rij = st.fixed_dictionaries({"label": TEKST, "waarden": st.lists(
            st.one_of(st.none(), st.integers(0, 10**9)), min_size=reeksen, max_size=reeksen + draw(st.integers(0, 1)))})
        tabel = {"id": "proef", "titel": draw(TEKST), "kolommen": ["Jaar"] + [f"Reeks {i}" for i in range(reeksen)],
                 "rijen": draw(st.lists(rij, min_size=1, max_size=8)), "bron": "Proef"}
        waarden[velden.Plaats("cijfers.yaml", ("tabellen", 0), "Tabel", "*", False, False)] = tabel
    return waarden


@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=list(HealthCheck))
@given(wijzigingen())
def test_wat_de_controle_aanvaardt_wordt_gepubliceerd(waarden):
    with tempfile.TemporaryDirectory() as werk:
        project = _project(Path(werk) / "p")
        velden.vul(project / "data", project / "lokaal", waarden)
        uitkomst = controleer(project)
        assert "Traceback" not in uitkomst.stderr, uitkomst.stderr[-3000:]
        if uitkomst.returncode:
            meldingen = [r for r in uitkomst.stderr.splitlines()[1:] if not r.startswith("waarschuwing")]
            assert meldingen and all(MELDING.match(m) for m in meldingen), meldingen[:3]
            return
        gebouwd = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                                  "-d", str(Path(werk) / "site")], env=_env(project), capture_output=True,
                                 text=True, timeout=600)
        assert gebouwd.returncode == 0 and "Traceback" not in gebouwd.stderr, gebouwd.stderr[-3000:]
