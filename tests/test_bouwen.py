"""Building in place (./scripts/build → macros.uitgave.bouw): a killed build leaves the previous
site/ and dist/ complete and its leftovers are removed by the next build; two builds at once wait for
each other and never mix their outputs; site/ and dist/ are always of one build, whenever the build is
killed, and killing it ends every process it started. Mostly without PDFs, to keep it quick: the
placing is the same; the tests of the processes make them, so that print workers exist."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SITE_URL, kopie_project
from html_site import lees
from scripts.prestaties.projecten import tienvoudig


ANDERE_URL = SITE_URL.replace("intranet", "andere")


def _start(project: Path, site_url: str = SITE_URL, pdf: bool = False, **omgeving: str) -> subprocess.Popen:
    """The build of `project` in its own session: every process it starts is in that session."""
    env = {**os.environ, "KADER_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **omgeving}
    env.pop("KADER_ZONDER_PDF", None)
    if not pdf:
        env["KADER_ZONDER_PDF"] = "1"
    return subprocess.Popen([sys.executable, "-m", "macros.uitgave.bouw", str(project)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _bouw(project: Path, site_url: str = SITE_URL) -> str:
    """A whole build; what it printed."""
    proces = _start(project, site_url)
    uit, fout = proces.communicate(timeout=300)
    assert proces.returncode == 0, fout
    return uit


def _hashes(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def _resten(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


def test_afgebroken_build_laat_vorige_site_heel_en_de_volgende_ruimt_op(tmp_path):
    project = kopie_project(tmp_path / "project")
    for doel in ("site", "dist"):  # a previous publication (its content does not matter here)
        (project / doel / "map").mkdir(parents=True)
        (project / doel / "map/bestand.html").write_text(f"vorige {doel}", encoding="utf-8")
    vorige = {doel: _hashes(project / doel) for doel in ("site", "dist")}
    bestand = project / "data/acties/woningen.yaml"
    bestand.write_text(bestand.read_text(encoding="utf-8").replace("Houd contact met politie.",
                                                                   "Houd nauw contact met politie."), encoding="utf-8")
    for wachten in (1.5, 5.0):  # in the site build, in the offline build
        proces = _start(project)
        time.sleep(wachten)
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()
        assert {doel: _hashes(project / doel) for doel in ("site", "dist")} == vorige, f"na {wachten} s"
    uitvoer = _bouw(project)
    assert _resten(project) == []
    assert "Houd nauw contact met politie." in (project / "site/woningen/direct/index.html").read_text(encoding="utf-8")
    # the build ends with the editor's summary: here it warns that the frozen edition was changed
    samenvatting = uitvoer[uitvoer.index("Redactieverslag"):]
    assert samenvatting.startswith("Redactieverslag, editie November 2025 (2025-11):")
    assert "Woningen · Direct na een explosie: 8 acties" in samenvatting
    assert "editie 2025-11 is al vastgelegd in edities/ maar de data wijkt ervan af" in samenvatting
    assert "Redactiesignalen:" in samenvatting and "ook in dist/redactie/verslag.html" in samenvatting
    assert (project / "dist/redactie/verslag.txt").read_text(encoding="utf-8").startswith("Redactieverslag")


def _site_url_van(site: Path) -> set[str]:
    """The site address every page names as its canonical address (one per build)."""
    adressen = set()
    for pagina in site.rglob("index.html"):
        for href in lees(pagina).xpath("//link[@rel='canonical']/@href"):
            adressen.add(next(a for a in (SITE_URL, SITE_URL.replace("intranet", "andere")) if href.startswith(a)))
    return adressen


def test_twee_builds_tegelijk_wachten_op_elkaar_en_mengen_niet(tmp_path):
    project = kopie_project(tmp_path / "project")
    eerste, tweede = _start(project), _start(project, SITE_URL.replace("intranet", "andere"))
    uitkomsten = [p.communicate(timeout=300) for p in (eerste, tweede)]
    assert eerste.returncode == 0 and tweede.returncode == 0, uitkomsten
    assert any("wachten" in fout for _, fout in uitkomsten)
    assert len(_site_url_van(project / "site")) == 1  # every page from one build
    assert _resten(project) == []
    sommen = (project / "dist/SHA256SUMS").read_text(encoding="utf-8").split()
    for som, naam in zip(sommen[::2], sommen[1::2]):
        assert hashlib.sha256((project / "dist" / naam).read_bytes()).hexdigest() == som


def test_een_link_naar_niets_stopt_de_publicatie(tmp_path):
    """The publication's builds are strict for real: a hand-written page linking to a page that does
    not exist stops it with mkdocs' warning (under --quiet mkdocs counted no warnings, and a broken
    link on the editors' page went unnoticed)."""
    project = kopie_project(tmp_path / "project")
    pagina = project / "content/over.md"
    pagina.write_text(pagina.read_text(encoding="utf-8") + "\n[Weg](bestaat-niet.md)\n", encoding="utf-8")
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-m", "macros.uitgave", str(tmp_path / "uit"), str(project)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert uitkomst.returncode != 0
    assert "bestaat-niet.md" in uitkomst.stderr and "strict" in uitkomst.stderr
    assert "INFO" not in uitkomst.stderr


# --- killed at any moment: one publication, no process left ---------------------------------------

def _stat(pid: int | str) -> list[str] | None:
    """/proc/PID/stat after the command name (state, parent, group, session, ...); None if gone."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _sessie(sid: int) -> list[int]:
    """The living processes (not zombies) of a session: a build started in its own session and
    everything it started, also what outlives it."""
    return [int(m.name) for m in Path("/proc").iterdir()
            if m.name.isdigit() and (s := _stat(m.name)) and s[0] != "Z" and int(s[3]) == sid]


def _opdracht(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


def _beschrijf(pids: list[int]) -> list[str]:
    return [f"{pid}: {_opdracht(pid)[:120]}" for pid in pids]


def _wacht(voorwaarde, binnen: float) -> bool:
    """Whether `voorwaarde()` holds within `binnen` seconds (looked at every 50 ms)."""
    einde = time.monotonic() + binnen
    while not voorwaarde():
        if time.monotonic() > einde:
            return False
        time.sleep(0.05)
    return True


def _tot_leeg(sid: int, binnen: float) -> list[int]:
    """What still lives of the session after `binnen` seconds (empty as soon as all are gone)."""
    _wacht(lambda: not _sessie(sid), binnen)
    return _sessie(sid)


def _ruim_sessie(sid: int) -> None:
    """After a failed test: nothing of that build runs on into the next tests."""
    for pid in _sessie(sid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _drukwerkers(sid: int) -> list[int]:
    """The print process and its layouts (spawned by the mkdocs build: multiprocessing's spawn_main)."""
    return [pid for pid in _sessie(sid) if "spawn_main" in _opdracht(pid)]


def _tot_halte(proces: subprocess.Popen, naam: str) -> bool:
    """Read the build's messages until it says it stopped at the moment `naam` (KADER_BOUW_HALTE)."""
    return any(regel.strip() == f"halte: {naam}" for regel in proces.stderr)


def _publicatie(project: Path) -> str:
    """The site address of the build in site/ and dist/, which must be one build: SHA256SUMS matches
    both bundles and the web bundle holds exactly the files of site/."""
    site, dist = project / "site", project / "dist"
    regels = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    for som, naam in (r.split("  ") for r in regels):
        assert hashlib.sha256((dist / naam).read_bytes()).hexdigest() == som, f"SHA256SUMS klopt niet voor {naam}"
    web = next(naam for _, naam in (r.split("  ") for r in regels) if not naam.endswith("-offline.zip"))
    with zipfile.ZipFile(dist / web) as archief:
        bundel = {n.split("/", 1)[1]: archief.read(n) for n in archief.namelist()}
    bestanden = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    verschil = sorted(n for n in bundel.keys() | bestanden.keys() if bundel.get(n) != bestanden.get(n))
    assert not verschil, f"dist/{web} is niet de site/: {len(verschil)} bestanden verschillen, o.a. {verschil[:2]}"
    adressen = _site_url_van(site)
    assert len(adressen) == 1, adressen
    return adressen.pop()


def _oude_indeling(project: Path, site_url: str) -> None:
    """A publication as builds before the publication folder left it: site/ and dist/ plain folders."""
    werk = project.parent / "werk"
    env = {**os.environ, "KADER_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "KADER_ZONDER_PDF": "1"}
    uitkomst = subprocess.run([sys.executable, "-m", "macros.uitgave", str(werk), str(project)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert uitkomst.returncode == 0, uitkomst.stderr
    for doel in ("site", "dist"):
        (werk / doel).rename(project / doel)


def _git_ziet(project: Path) -> set[str]:
    """The names `git status` would show in a repository of this project, with the project's .gitignore."""
    (project / ".gitignore").write_bytes((ROOT / ".gitignore").read_bytes())
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    status = subprocess.run(["git", "-C", str(project), "status", "--porcelain"], check=True,
                            capture_output=True, text=True).stdout
    return {regel[3:].split("/")[0] for regel in status.splitlines()}


def test_gedood_op_elk_moment_blijven_site_en_dist_van_een_build(tmp_path):
    """SIGKILL of the build process alone (not its group, as `kill -9` of ./scripts/build) at moments
    spread over the whole build, and exactly before and after the exchange and in the middle of moving
    plain site/ and dist/ folders into the publication folder (KADER_BOUW_HALTE stops the build there):
    each time site/ and dist/ are one build, the old or the new one, and every process the build started
    is gone within seconds. Each build makes the other site address, so a mix would show. A following
    good build leaves nothing but its publication, which git ignores."""
    project = kopie_project(tmp_path / "project")
    bronnen = {p.name for p in project.iterdir()}
    begin = time.monotonic()
    _oude_indeling(project, SITE_URL)
    duur = time.monotonic() - begin
    huidig = _publicatie(project)
    problemen = []
    # the named moments are where a kill could mix two builds; the timed ones (a quarter, half and
    # three quarters of a build) sample the stretches between
    for moment in ["verhuisd-site", *(round(duur * i / 4, 2) for i in range(1, 4)), "voor-wissel", "na-wissel"]:
        nieuw = ANDERE_URL if huidig == SITE_URL else SITE_URL
        halte = {"KADER_BOUW_HALTE": moment} if isinstance(moment, str) else {}
        proces = _start(project, nieuw, **halte)
        if halte and not _tot_halte(proces, moment):
            problemen.append(f"{moment}: de build kwam er niet langs")
        elif not halte:
            time.sleep(moment)
        os.kill(proces.pid, signal.SIGKILL)
        proces.communicate(timeout=60)
        if over := _tot_leeg(proces.pid, 2.0):
            problemen.append(f"{moment}: na 2 s leven nog {_beschrijf(over)}")
            _ruim_sessie(proces.pid)
        try:
            vorig, huidig = huidig, _publicatie(project)
            assert huidig in (vorig, nieuw), huidig
        except (AssertionError, OSError) as fout:
            problemen.append(f"{moment}: {type(fout).__name__}: {fout}")
    assert not problemen, "\n".join(problemen)
    nieuw = ANDERE_URL if huidig == SITE_URL else SITE_URL
    _bouw(project, nieuw)
    assert _publicatie(project) == nieuw
    assert _resten(project) == []
    assert _git_ziet(project) == bronnen | {".gitignore"}


def test_gedood_laat_geen_proces_en_niets_in_tmpdir(tmp_path):
    """SIGKILL of the build process alone while the print workers run: within seconds nothing it
    started lives (the mkdocs build dies with it, its print workers with that) and nothing is left in
    TMPDIR. With the ten-times kader (as scripts/benchmark), so that the print stage would run on
    for long: an orphan that goes on working cannot pass for one that was stopped."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("print workers only run beside the build with more than one core")
    project = kopie_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    tienvoudig(project / "data")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proces = _start(project, pdf=True, TMPDIR=str(tmp))
    try:
        assert _wacht(lambda: len(_drukwerkers(proces.pid)) >= 2 or proces.poll() is not None, 120)
        assert proces.poll() is None, "de build was klaar voor er drukwerkers waren"
        os.kill(proces.pid, signal.SIGKILL)
        proces.communicate(timeout=60)
        assert _beschrijf(_tot_leeg(proces.pid, 8.0)) == []
    finally:
        _ruim_sessie(proces.pid)
    assert sorted(p.name for p in tmp.iterdir()) == []


@pytest.mark.parametrize("signaal", [signal.SIGTERM, signal.SIGINT])
def test_gestopt_stopt_alles_en_laat_de_vorige_publicatie_heel(tmp_path, signaal):
    """SIGTERM or SIGINT (Ctrl-C) of the build process while the print workers run: it stops what it
    started and leaves only when all of that is gone, with the previous publication untouched and
    nothing left behind, in the project or in TMPDIR."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("print workers only run beside the build with more than one core")
    project = kopie_project(tmp_path / "project")
    _bouw(project)
    vorige = {doel: _hashes(project / doel) for doel in ("site", "dist")}
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proces = _start(project, ANDERE_URL, pdf=True, TMPDIR=str(tmp))
    try:
        assert _wacht(lambda: len(_drukwerkers(proces.pid)) >= 2 or proces.poll() is not None, 120)
        assert proces.poll() is None, "de build was klaar voor er drukwerkers waren"
        os.kill(proces.pid, signaal)
        proces.communicate(timeout=60)
        assert proces.returncode != 0
        assert _beschrijf(_sessie(proces.pid)) == []  # it waited for everything it started
    finally:
        _ruim_sessie(proces.pid)
    assert sorted(p.name for p in tmp.iterdir()) == []
    assert {doel: _hashes(project / doel) for doel in ("site", "dist")} == vorige
    assert _resten(project) == []
