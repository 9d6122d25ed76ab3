"""Shared fixtures: the project paths, the loaded data and one real build of the site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

from macros.gegevens.laden import laad  # noqa: E402


SITE_URL = "https://intranet.gemeente.example/veiligheid/handelingskader/"  # as an intranet would host it


def mkdocs_build(project: Path, site: Path, **omgeving: str) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict` of `project` into `site` (site and PDFs): a warning fails it
    (not with -q: mkdocs does not count warnings then). A build of the pages only (KADER_ZONDER_PDF)
    is not strict: its downloads page links to the PDFs it leaves out."""
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **omgeving}
    streng = [] if omgeving.get("KADER_ZONDER_PDF") else ["--strict"]
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *streng,
                           "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=env)


def kopie_project(doel: Path) -> Path:
    """A copy of the project sources (data, content, overrides, macros, edities, mkdocs.yml) to change freely."""
    for naam in ["data", "content", "overrides", "macros", "edities"]:
        if (ROOT / naam).exists():
            shutil.copytree(ROOT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", doel / "mkdocs.yml")
    return doel


@pytest.fixture(scope="session")
def browser():
    """One Chromium (Debian's) for every browser test."""
    from playwright.sync_api import sync_playwright

    from webserver import CHROMIUM, CHROMIUM_ARGS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def kader():
    return laad(ROOT / "data")


@pytest.fixture(scope="session")
def publicatie(tmp_path_factory) -> Path:
    """The whole publication built once from the real data, as ./scripts/build makes it: site/ (for
    a web server), offline/ (for file://) and dist/ (the bundles and SHA256SUMS)."""
    werk = tmp_path_factory.mktemp("publicatie")
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-m", "macros.uitgave", str(werk), str(ROOT)],
                              capture_output=True, text=True, env=env, cwd=ROOT)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return werk


@pytest.fixture(scope="session")
def site(publicatie) -> Path:
    """The site built once from the real data, for every test that reads output."""
    return publicatie / "site"


@pytest.fixture(scope="session")
def basis(site, tmp_path_factory):
    """The built site served under a sub-path, as an intranet hosts it (the site must work under
    any sub-path): its address, for every browser test."""
    from webserver import serveer
    with serveer(site, "intranet/kader", tmp_path_factory.mktemp("www")) as url:
        yield url


@pytest.fixture(scope="session")
def pdf(site):
    """A PDF of the session's build by its name."""
    return lambda naam: site / "downloads" / naam
