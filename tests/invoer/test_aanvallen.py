"""YAML that attacks the loader is refused with a FILE:LINE:COL message, in bounded time and memory,
never a traceback: alias bombs, deep nesting, a 50 MB file, Python tags, a link out of data/, a
folder or an unreadable file where a data file should be."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

GEHEUGEN = 1024 * 1024 * 1024  # 1 GiB address space for the checking process
SECONDEN = 30


def _begrens():
    resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))


def _controleer(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.gegevens.controleer", str(data)], cwd=ROOT,
                          capture_output=True, text=True, timeout=SECONDEN, preexec_fn=_begrens)


def _bom(pad):
    regels = ['a: ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'.replace("a:", "a: &a", 1)]
    vorige = "a"
    for naam in "bcdefghi":
        regels.append(f"{naam}: &{naam} [{', '.join(['*' + vorige] * 9)}]")
        vorige = naam
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def _diep(pad):
    pad.write_text("kader: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")


def _groot(pad):
    with open(pad, "w", encoding="utf-8") as bestand:
        regel = "# " + "x" * 1021 + "\n"  # 1 KiB: 50 MiB in all
        for _ in range(50 * 1024):
            bestand.write(regel)


def _python_tag(pad):
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("tekst: Signaleer", 'tekst: !!python/object/apply:os.system ["echo gehackt"]\n    x: Signaleer', 1),
                   encoding="utf-8")


def _koppeling_naar_buiten(pad):
    pad.unlink()
    pad.symlink_to(ROOT / "pyproject.toml")


def _map(pad):
    pad.unlink()
    pad.mkdir()


def _stuurteken(pad):
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text("\x00" + tekst, encoding="utf-8")  # found by the fuzzer (tests/invoer/test_fuzz.py)


def _onleesbaar(pad):
    pad.chmod(0)


AANVALLEN = {
    "aliasbom": ("kader.yaml", _bom, "1:4: ankers en verwijzingen"),
    "diep genest": ("kader.yaml", _diep, "niveaus ingesprongen"),
    "50 MB": ("cijfers.yaml", _groot, "1:1: bestand is 50."),
    "python-tag": ("acties/woningen.yaml", _python_tag, "YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "koppeling naar buiten": ("partners.yaml", _koppeling_naar_buiten, "1:1: verwijst naar"),
    "map": ("themas.yaml", _map, "1:1: is een map"),
    "stuurteken": ("fasen.yaml", _stuurteken, "1:1: teken U+0000"),
    "onleesbaar": ("begrippen.yaml", _onleesbaar, "1:1: bestand kan niet gelezen worden"),
}


@pytest.mark.parametrize("soort", list(AANVALLEN))
def test_aanval_op_de_lader_wordt_geweigerd(tmp_path, soort):
    if soort == "onleesbaar" and os.geteuid() == 0:
        pytest.skip("root leest ook bestanden zonder leesrechten")
    bestandsnaam, maak, verwacht = AANVALLEN[soort]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    maak(data / bestandsnaam)
    uitkomst = _controleer(data)
    assert uitkomst.returncode == 1, uitkomst.stderr[-2000:]
    assert "Traceback" not in uitkomst.stderr
    assert f"data/{bestandsnaam}:" in uitkomst.stderr and verwacht in uitkomst.stderr, uitkomst.stderr[-2000:]
