"""How the print stage runs beside the build: one print process, and each layout in a child forked
from it (see Drukopdracht). Every PDF comes out byte for byte as when made one after the other in one
process (Drukwerk.alles)."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import traceback
from concurrent.futures import Future, ProcessPoolExecutor

from .documenten import Drukwerk

FORK = multiprocessing.get_context("fork")
KERNEN = min(2, os.cpu_count() or 1)


def voer_uit(drukwerk: Drukwerk, taak: str, *args):
    """One print task (a method of Drukwerk). WeasyPrint copies the fonts into a temporary folder
    it removes only when garbage-collected, which a worker process never is: here the folder is ours
    and goes."""
    eigen, tempfile.tempdir = tempfile.tempdir, tempfile.mkdtemp(prefix="handelingskader-druk-")
    try:
        return getattr(drukwerk, taak)(*args)
    finally:
        shutil.rmtree(tempfile.tempdir, ignore_errors=True)
        tempfile.tempdir = eigen


def _in_kind(zender, drukwerk: Drukwerk, taak: str, args: tuple) -> None:
    """In a forked child: one task; its result, or what went wrong, goes back through the pipe."""
    try:
        uitkomst = ("klaar", voer_uit(drukwerk, taak, *args))
    except BaseException:  # noqa: BLE001 - the print process raises it, with this traceback
        uitkomst = ("fout", traceback.format_exc())
    zender.send(uitkomst)
    zender.close()


class Kind:
    """One print task in a child forked from the print process: a copy of that process (the
    interpreter, WeasyPrint and the print stage already loaded), holding one layout, gone when done."""

    def __init__(self, drukwerk: Drukwerk, taak: str, *args):
        self.taak = taak
        self.ontvanger, zender = FORK.Pipe(duplex=False)
        self.proces = FORK.Process(target=_in_kind, args=(zender, drukwerk, taak, args), daemon=True)
        self.proces.start()
        zender.close()

    def resultaat(self):
        try:
            soort, inhoud = self.ontvanger.recv()
        except EOFError:
            soort, inhoud = "fout", "het proces stopte zonder uitkomst"
        finally:
            self.ontvanger.close()
            self.proces.join()
        if soort == "fout":
            raise RuntimeError(f"drukwerk '{self.taak}' mislukt (exitcode {self.proces.exitcode}):\n{inhoud}")
        return inhoud


def drukken(drukwerk: Drukwerk) -> dict[str, bytes]:
    """In the print process: the card plan beside the Overzicht, each in its own forked child; then
    the parts of the A6 sides (whole cards) in children, as many at a time as there are cores; here
    they are joined and the A4 sheets imposed from them (pikepdf, no layout)."""
    plan = Kind(drukwerk, "kaartplan")
    overzicht = Kind(drukwerk, "overzicht")
    plan = plan.resultaat()
    delen, wachtend = [], drukwerk.kaartdelen(plan)
    while wachtend:
        golf, wachtend = wachtend[:KERNEN], wachtend[KERNEN:]
        delen += [kind.resultaat() for kind in [Kind(drukwerk, "zakkaarten_a6_deel", deel) for deel in golf]]
    return {**overzicht.resultaat(), **voer_uit(drukwerk, "zakkaarten", plan, delen)}


class Drukopdracht:
    """Every PDF, started at once (where more than one core is available) and collected later: the
    build renders its pages meanwhile, so it costs about the longest of the two.

    One print process is started afresh ("spawn": a new interpreter, not a copy of the build's
    process) and loads WeasyPrint and the print stage once; each layout is made in a child forked from
    it (drukken), so a process holds one layout and returns its memory when done, without paying
    for a new interpreter per layout. All are descendants of the build's process, reaped in turn."""

    def __init__(self, drukwerk: Drukwerk, parallel: bool = True):
        self.drukwerk = drukwerk
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) \
            if parallel and KERNEN > 1 else None
        self.toekomst: Future | None = self.pool.submit(drukken, drukwerk) if self.pool else None

    def resultaten(self) -> dict[str, bytes]:
        """File name -> PDF, waiting for the print process."""
        if self.pool is None:
            return voer_uit(self.drukwerk, "alles")
        try:
            return self.toekomst.result()
        finally:
            self.pool.shutdown()

    def stop(self) -> None:
        """A build that fails does not wait for its PDFs."""
        if self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)


def alle_pdfs(drukwerk: Drukwerk, parallel: bool = True) -> dict[str, bytes]:
    """Every PDF, rendered in parallel processes where more than one core is available."""
    return Drukopdracht(drukwerk, parallel).resultaten()
