"""What each device of the print stage buys (issue 24): the same work done with and without it, each
run in a fresh process, alternated, the median of the runs. Run from the project:
`.venv/bin/python -m scripts.prestaties.drukwijzen [--rondes N] [--tienvoudig]`.

- the cards laid out in parts of at most ZIJDEN_PER_DEEL sides and joined, against one layout;
- the PDFs from one print process with forked children (Drukopdracht), against a plain
  ProcessPoolExecutor (spawn, a fresh process per task), against one after the other in one process.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import multiprocessing
import statistics
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from macros.druk.documenten import Drukwerk
from macros.druk.processen import alle_pdfs

from .processen import PYTHON, meet_met_cpu
from .projecten import kopie, tienvoudig

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_URL = "https://intranet.gemeente.example/handelingskader/"


def _taak(drukwerk, naam: str):
    return getattr(drukwerk, naam)()


def _pool(drukwerk) -> dict:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1) as pool:
        taken = [pool.submit(_taak, drukwerk, naam) for naam in ("overzicht", "zakkaarten")]
        return {k: v for taak in taken for k, v in taak.result().items()}


def _weasyprint_geladen(drukwerk):
    importlib.import_module("weasyprint")  # as the print process loads it before its layouts
    return drukwerk


WIJZEN = {  # name -> what the child process does with the project's Drukwerk
    "laden": lambda d: {},
    "overzicht": lambda d: _weasyprint_geladen(d).overzicht(),
    "zakkaarten": lambda d: _weasyprint_geladen(d).zakkaarten(),
    "kaarten-in-een": lambda d: dataclasses.replace(_weasyprint_geladen(d), zijden_per_deel=10**6).zakkaarten(),
    "alles-drukproces": alle_pdfs,
    "alles-pool": _pool,
    "alles-na-elkaar": lambda d: _weasyprint_geladen(d).alles(),
}
VERGELIJKINGEN = [("zakkaarten", "kaarten-in-een"),  # the cards laid out in parts (as the build) or as one
                  ("alles-drukproces", "alles-pool", "alles-na-elkaar")]


def kind(project: str, wijze: str, uit: str | None = None) -> None:
    """In a child process: one way of printing the project; its PDFs into `uit` if given."""
    pdfs = WIJZEN[wijze](Drukwerk.van_project(Path(project), SITE_URL))
    if uit:
        Path(uit).mkdir(parents=True, exist_ok=True)
        for naam, inhoud in pdfs.items():
            (Path(uit) / naam).write_bytes(inhoud)


def opdracht(project: Path, wijze: str, uit: Path | None = None) -> list[str]:
    """The command line of such a child process (run from the project root)."""
    return [PYTHON, "-m", "scripts.prestaties.drukwijzen", "--kind", str(project), wijze, *([str(uit)] if uit else [])]


def _meet(project: Path, wijzen: tuple[str, ...], rondes: int) -> None:
    metingen = {w: [] for w in wijzen}
    for _ in range(rondes):
        for wijze in wijzen:
            metingen[wijze].append(meet_met_cpu(opdracht(project, wijze), ROOT))
    for wijze, runs in metingen.items():
        duur, rss, cpu = (statistics.median(m[i] for m in runs) for i in range(3))
        print(f"  {wijze:18s} {duur:6.2f} s wand, {cpu:6.2f} s cpu (runs: "
              f"{', '.join(f'{m[0]:.1f}/{m[2]:.1f}' for m in runs)})  piek {max(m[1] for m in runs):5.0f} MiB",
              flush=True)


def main(argv: list[str]) -> None:
    opties = argparse.ArgumentParser()
    opties.add_argument("--kind", nargs="+", metavar="PROJECT WIJZE [UIT]")
    opties.add_argument("--rondes", type=int, default=3)
    opties.add_argument("--tienvoudig", action="store_true")
    opties.add_argument("--alleen", choices=["echt", "tienvoudig"], help="alleen deze data")
    opties.add_argument("--vergelijking", type=int, action="append", help="alleen deze vergelijking(en): 0, 1")
    args = opties.parse_args(argv)
    if args.kind:
        return kind(*args.kind)
    with tempfile.TemporaryDirectory() as werk:
        projecten = {}
        if args.alleen != "tienvoudig":
            projecten["echte data"] = kopie(Path(werk) / "echt")
        if args.tienvoudig or args.alleen == "tienvoudig":
            projecten["tienvoudige data"] = kopie(Path(werk) / "x10", tienvoudig(Path(werk) / "data-x10"))
        for naam, project in projecten.items():
            print(f"{naam} (mediaan van {args.rondes}, om en om; tijd inclusief opstarten en laden):", flush=True)
            for i, wijzen in enumerate(VERGELIJKINGEN):
                if args.vergelijking is None or i in args.vergelijking:
                    _meet(project, wijzen, args.rondes)


if __name__ == "__main__":
    main(sys.argv[1:])
