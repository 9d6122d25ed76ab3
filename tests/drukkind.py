"""A build's print stage in a fresh process, for tests/test_druk_processen.py:
`python tests/drukkind.py drukken UIT ZIJDEN_PER_DEEL parallel|na-elkaar`: every PDF into UIT;
`python tests/drukkind.py stoppen [--koppig]`: start the print stage, stop it once two layouts run,
print what was seen as JSON; `python tests/drukkind.py gedood`: start it, print its processes, and
die by SIGKILL. `--koppig`: the Overzicht's layout ignores SIGTERM and never ends (tests/koppig.py)."""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from druk_gedeeld import drukwerk  # noqa: E402
from koppig import koppig  # noqa: E402
from procesboom import kinderen, levend  # noqa: E402

from macros.druk.processen import Drukopdracht, alle_pdfs  # noqa: E402


def drukken(uit: str, zijden_per_deel: str, manier: str) -> None:
    for naam, inhoud in alle_pdfs(drukwerk(zijden_per_deel=int(zijden_per_deel)), parallel=manier == "parallel").items():
        (Path(uit) / naam).write_bytes(inhoud)


def gestart(stug: bool) -> tuple[Drukopdracht, int]:
    """The print stage started as the build starts it, once two layouts run."""
    opdracht = Drukopdracht(koppig(drukwerk()) if stug else drukwerk())
    drukproces = opdracht.drukproces.proces.pid
    einde = time.monotonic() + 60
    while len(kinderen(drukproces)) < 2 and time.monotonic() < einde:
        time.sleep(0.05)
    return opdracht, drukproces


def stoppen(*opties: str) -> None:
    opdracht, drukproces = gestart("--koppig" in opties)
    lagen = kinderen(drukproces)
    begin = time.monotonic()
    opdracht.stop()
    seconden = time.monotonic() - begin
    time.sleep(0.5)
    print(json.dumps({"lagen": lagen, "drukproces": levend(drukproces), "levend": [p for p in lagen if levend(p)],
                      "seconden": seconden, "weasyprint_in_build": "weasyprint" in sys.modules}), flush=True)


def gedood() -> None:
    _, drukproces = gestart(False)
    print(json.dumps({"processen": [drukproces, *kinderen(drukproces)]}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    {"drukken": drukken, "stoppen": stoppen, "gedood": gedood}[sys.argv[1]](*sys.argv[2:])
