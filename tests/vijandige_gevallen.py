"""Hand-written hostile cases (tests/invoer/vijandig/*.yaml), each a value in one field of one file or an
environment variable, with what must happen: `weigeren` (the checker or the build refuses it with
its place), `inert` (published as the text it is) or `weigeren_of_inert`.

`beoordeel` runs a set against the real checker and one whole publication of every accepted case,
and says per case whether it held. Used by tests/invoer/test_vijandig.py; `python tests/vijandige_gevallen.py
SET.yaml` prints the score (how the held-out sets were measured)."""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inert  # noqa: E402
import velden  # noqa: E402
from conftest import ROOT, SITE_URL, kopie_project  # noqa: E402

MELDING = re.compile(r"^(?P<bestand>[^:\s]+):(?P<regel>\d+):(?P<kolom>\d+): (?P<tekst>\S.*)$")


@dataclass
class Geval:
    id: str
    verwacht: str
    bestand: str | None = None
    pad: list = field(default_factory=list)
    waarde: object = None
    omgeving: dict = field(default_factory=dict)
    waarom: str = ""

    @property
    def lokaal(self) -> bool:
        return bool(self.bestand) and self.bestand.startswith("overlay/")

    @property
    def naam(self) -> str:
        """The file as the checker names it (folders 'data' and 'lokaal' in the test project)."""
        return re.sub(r"^overlay/", "lokaal/", self.bestand)


def lees(pad: Path) -> list[Geval]:
    return [Geval(**{k: v for k, v in item.items() if k in Geval.__dataclass_fields__})
            for item in yaml.safe_load(pad.read_text(encoding="utf-8"))]


def _project(doel: Path) -> Path:
    project = kopie_project(doel)
    shutil.copytree(velden.VOORBEELD, project / "lokaal")
    return project


def _env(project: Path, omgeving: dict | None = None) -> dict:
    return {**os.environ, "KADER_LOKAAL": str(project / "lokaal"), "NO_MKDOCS_2_WARNING": "1",
            "KADER_SITE_URL": SITE_URL, **{k: str(v) for k, v in (omgeving or {}).items()}}


def _pas_toe(project: Path, gevallen: list[Geval]) -> None:
    per_bestand: dict[str, list[Geval]] = {}
    for geval in gevallen:
        per_bestand.setdefault(geval.naam, []).append(geval)
    for naam, lijst in per_bestand.items():
        pad = project / naam
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for geval in sorted(lijst, key=lambda g: [str(d) for d in g.pad]):
            velden.zet(data, tuple(geval.pad), geval.waarde)
        velden.schrijf(project / naam.split("/")[0], naam.split("/", 1)[1], data, ascii_=True)


def _netjes(uitkomst: subprocess.CompletedProcess) -> str | None:
    """What is wrong with a refusal as the user sees it, or None: no traceback, printable lines."""
    if "Traceback" in uitkomst.stderr:
        return "traceback"
    if any(not t.isprintable() and t != "\n" for t in uitkomst.stdout + uitkomst.stderr):
        return "stuurteken in de uitvoer"
    return None


def _op_plaats(project: Path, geval: Geval, uitkomst: subprocess.CompletedProcess) -> bool:
    """The refusal names the case's file, at a line of the value or of its group."""
    regels = {int(m["regel"]) for r in uitkomst.stderr.splitlines() for m in [MELDING.match(r)]
              if m and m["bestand"] == geval.naam}
    return bool(regels)


def _controleer_hier(project: Path) -> subprocess.CompletedProcess:
    """The editor's check as on the command line (its main, its output), in this process: quick."""
    from macros.gegevens import controleer
    uit, fout = io.StringIO(), io.StringIO()
    oud = os.environ.get("KADER_LOKAAL")
    os.environ["KADER_LOKAAL"] = str(project / "lokaal")
    try:
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            code = controleer.main([str(project / "data")])
    except BaseException:  # noqa: BLE001 - what the user would see as a traceback
        code, fout = 2, io.StringIO("Traceback\n" + traceback.format_exc())
    finally:
        os.environ.pop("KADER_LOKAAL") if oud is None else os.environ.__setitem__("KADER_LOKAAL", oud)
    return subprocess.CompletedProcess([], code, uit.getvalue(), fout.getvalue())


def _bestand_geval(geval: Geval, werk: Path) -> tuple[str, bool | None]:
    """('geweigerd'|'aanvaard'|problem, held) of one file case checked on its own."""
    project = werk / geval.id
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(velden.VOORBEELD, project / "lokaal")
    _pas_toe(project, [geval])
    uitkomst = _controleer_hier(project)
    probleem = _netjes(uitkomst)
    if probleem:
        return probleem, False
    if uitkomst.returncode == 0:
        return "aanvaard", None if geval.verwacht != "weigeren" else False
    return "geweigerd", _op_plaats(project, geval, uitkomst) and geval.verwacht != "inert"


def _omgeving_geval(geval: Geval, werk: Path) -> tuple[str, bool]:
    """An environment case: the build (pages only) must refuse it with a message, no traceback."""
    project = kopie_project(werk / geval.id)
    env = {**_env(project, geval.omgeving), "KADER_ZONDER_PDF": "1"}
    env.pop("KADER_LOKAAL")
    for sleutel in ("KADER_SITE_URL", "SOURCE_DATE_EPOCH"):
        if sleutel not in geval.omgeving:
            env.pop(sleutel, None)
    uitkomst = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                               "-d", str(werk / geval.id / "site")], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
    if "Traceback" in uitkomst.stderr:
        return "traceback", False
    if uitkomst.returncode == 0:
        return "aanvaard", geval.verwacht != "weigeren"
    return "geweigerd", geval.verwacht != "inert"


def publicatie_fouten(project: Path, werk: Path, waarden: dict[str, str], browser=None) -> list[str]:
    """Build the whole publication and list everything not inert in it."""
    uitkomst = subprocess.run([sys.executable, "-m", "macros.uitgave", str(werk), str(project)],
                              cwd=ROOT, env=_env(project), capture_output=True, text=True, timeout=900)
    if uitkomst.returncode or "Traceback" in uitkomst.stderr:
        return [f"publicatie mislukt: {uitkomst.stderr[-1500:]}"]
    fouten = (inert.html_fouten(werk / "site") + inert.html_fouten(werk / "offline")
              + inert.index_fouten(werk / "site") + inert.data_fouten(werk / "site/downloads", waarden)
              + inert.pdf_fouten(werk / "site/downloads", {m: " ".join(w.split()) for m, w in waarden.items()})
              + inert.bestandsnaam_fouten(werk / "site", werk / "offline", werk / "dist"))
    if browser is not None:
        from webserver import serveer
        paginas = sorted(p.relative_to(werk / "site").as_posix() for p in (werk / "site").rglob("*.html"))
        with serveer(werk / "site", "intranet/kader", werk) as basis:
            fouten += inert.browser_fouten(browser, [basis + re.sub(r"(^|/)index\.html$", r"\1", p) for p in paginas])
        fouten += inert.browser_fouten(browser, [(werk / "offline" / p).as_uri() for p in paginas
                                                 if (werk / "offline" / p).exists()])
    return fouten


def _van(geval: Geval, fout: str) -> bool:
    """Whether a finding quotes a piece of this case's value."""
    stukken = re.findall(r"'([^']{6,40})", fout)
    return any(stuk in str(geval.waarde) for stuk in stukken)


def beoordeel(gevallen: list[Geval], werk: Path, browser=None) -> dict[str, tuple[str, bool]]:
    """Per case: what happened and whether that is what was expected. Cases the checker accepted
    are published together (each string value marked) and must all be inert."""
    omgeving = [g for g in gevallen if g.omgeving]
    with ThreadPoolExecutor(max_workers=4) as pool:  # each environment case is a build of its own
        uitkomsten = dict(zip([g.id for g in omgeving], pool.map(lambda g: _omgeving_geval(g, werk), omgeving)))
    uitkomsten.update({g.id: _bestand_geval(g, werk) for g in gevallen if not g.omgeving})
    aanvaard = [g for g in gevallen if uitkomsten[g.id][1] is None]
    uitslag = {i: (wat, bool(gehouden)) for i, (wat, gehouden) in uitkomsten.items()}
    if aanvaard:
        project = _project(werk / "samen")
        _pas_toe(project, aanvaard)
        fouten = publicatie_fouten(project, werk / "samen-werk", {}, browser)
        eigen = {g.id: [f for f in fouten if _van(g, f)] for g in aanvaard}
        onbekend = [f for f in fouten if not any(_van(g, f) for g in aanvaard)]  # counts against every case
        for geval in aanvaard:
            niet_inert = eigen[geval.id] + onbekend
            uitslag[geval.id] = ("aanvaard, " + ("niet inert" if niet_inert else "inert"), not niet_inert)
    return uitslag


def main(argv: list[str]) -> int:
    gevallen = lees(Path(argv[0]))
    with tempfile.TemporaryDirectory() as tmp:
        from playwright.sync_api import sync_playwright

        from webserver import CHROMIUM, CHROMIUM_ARGS
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            uitslag = beoordeel(gevallen, Path(tmp), browser)
            browser.close()
    for geval in gevallen:
        wat, gehouden = uitslag[geval.id]
        print(f"{'ok  ' if gehouden else 'FOUT'} {geval.id} {geval.verwacht:18s} {wat:22s} {geval.waarom[:70]}")
    goed = sum(g for _, g in uitslag.values())
    print(f"{goed}/{len(gevallen)} gevallen zoals verwacht")
    return 0 if goed == len(gevallen) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
