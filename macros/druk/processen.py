"""How the print stage runs beside the build: one print process, and each layout in a child forked
from it (see Drukopdracht). Every PDF comes out byte for byte as when made one after the other in one
process (Drukwerk.alles)."""
from __future__ import annotations

import ctypes
import gc
import importlib
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from .documenten import PDFS, Drukwerk

FORK = multiprocessing.get_context("fork")
SPAWN = multiprocessing.get_context("spawn")
KERNEN = min(2, os.cpu_count() or 1)
PR_SET_PDEATHSIG = 1  # prctl(2)
WACHTTIJD = 3.0  # seconds a stopped process gets to leave through its clean-up before it is killed


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


def _stop_met_ouder(ouder: int) -> None:
    """Linux: this process gets SIGTERM when its parent dies, also when that is killed outright
    (SIGKILL, the out-of-memory killer): it does not run on as an orphan. Its handler (_gestopt, in
    the print process and its layouts) stops its own layouts and leaves through voer_uit's clean-up."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != ouder:  # the parent died before this was in place
            os.kill(os.getpid(), signal.SIGTERM)


def _in_kind(zender, ouder: int, functie, args: tuple) -> None:
    """In a child: one function; its result, or what went wrong, goes back through the pipe."""
    _stop_met_ouder(ouder)
    try:
        uitkomst = ("klaar", functie(*args))
    except BaseException:  # noqa: BLE001 - the parent raises it, with this traceback
        uitkomst = ("fout", traceback.format_exc())
    zender.send(uitkomst)
    zender.close()
    gc.freeze()  # the process ends: no last walk of the garbage collector over what it made


class Kind:
    """A function run in a child process, its result collected later. Forked from the print process
    for a layout (a copy with the interpreter, WeasyPrint and the print stage already loaded, holding
    one layout, gone when done); spawned for the print process itself."""

    def __init__(self, context, functie, *args, daemon: bool = True, naam: str = ""):
        self.naam = naam or " ".join(str(a) for a in args if isinstance(a, str)) or functie.__name__
        self.ontvanger, zender = context.Pipe(duplex=False)
        self.proces = context.Process(target=_in_kind, args=(zender, os.getpid(), functie, args), daemon=daemon)
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
            raise RuntimeError(f"drukwerk '{self.naam}' mislukt (exitcode {self.proces.exitcode}):\n{inhoud}")
        return inhoud

    def stop(self, wachttijd: float) -> None:
        _stop_processen([self.proces], wachttijd)
        self.ontvanger.close()


def _stop_processen(processen: list, wachttijd: float) -> None:
    """SIGTERM, some time to leave through their clean-up, then SIGKILL for whatever still runs: a stop
    never waits on a process that does not cooperate (WeasyPrint's SVG drawing catches BaseException,
    so a SystemExit raised there by the SIGTERM handler is swallowed and the layout goes on)."""
    for proces in processen:
        proces.terminate()
    einde = time.monotonic() + wachttijd
    for proces in processen:
        proces.join(max(0.0, einde - time.monotonic()))
    for proces in processen:
        if proces.is_alive():
            proces.kill()
            proces.join()


def _gestopt(signaal, frame) -> None:
    """The print process is stopped (the build failed): its layouts stop with it. Each child has
    this handler too (a fork keeps it), so every process leaves through voer_uit's clean-up; a layout
    still running after WACHTTIJD is killed, its folder goes with the print stage's (drukken)."""
    _stop_processen(multiprocessing.active_children(), WACHTTIJD)
    raise SystemExit(1)


def _in_kinderen(taken: list[tuple]) -> list:
    """Each task (function, arguments) in a child forked from this process, as many at a time as
    there are cores, the next one started as soon as one is done; the results in the tasks' order."""
    wachtend, lopend, uitkomsten = list(enumerate(taken)), {}, {}
    while wachtend or lopend:
        while wachtend and len(lopend) < KERNEN:
            nummer, taak = wachtend.pop(0)
            lopend[nummer] = Kind(FORK, *taak)
        klaar = multiprocessing.connection.wait([kind.ontvanger for kind in lopend.values()])
        for nummer in [n for n, kind in lopend.items() if kind.ontvanger in klaar]:
            uitkomsten[nummer] = lopend.pop(nummer).resultaat()
    return [uitkomsten[nummer] for nummer in range(len(taken))]


def drukken(drukwerk: Drukwerk, map_: str) -> dict[str, bytes]:
    """In the print process: the Overzicht and the parts of the cards (whole cards), each in its own
    forked child; here the card parts are joined and the A4 sheets imposed from them (pikepdf, no
    layout). Every temporary folder of the print stage is made in map_ and goes with it, also one
    left by a layout that had to be killed."""
    signal.signal(signal.SIGTERM, _gestopt)
    tempfile.tempdir = map_
    try:
        importlib.import_module("weasyprint")  # loaded once here, before the layouts are forked from this process
        delen = [(voer_uit, drukwerk, "zakkaarten_a6_deel", deel) for deel in drukwerk.kaartdelen()]
        overzicht, *delen = _in_kinderen([(voer_uit, drukwerk, "overzicht"), *delen])
        return {**overzicht, **voer_uit(drukwerk, "zakkaarten", delen)}
    finally:
        shutil.rmtree(map_, ignore_errors=True)


class Drukopdracht:
    """Every PDF, started at once (where more than one core is available) and collected later: the
    build renders its pages meanwhile, so it costs about the longest of the two.

    One print process is started afresh ("spawn": a new interpreter, not a copy of the build's
    process, whose memory would count again in every layout) and loads WeasyPrint once; each layout
    is made in a child forked from it (drukken), so a process holds one layout and returns its memory
    when done, without paying for a new interpreter per layout. The build's own process never loads
    WeasyPrint (0.4 s before its pages). All are descendants of the build's process, reaped in turn."""

    def __init__(self, drukwerk: Drukwerk, parallel: bool = True):
        self.drukwerk = drukwerk
        self.drukproces = None
        if parallel and KERNEN > 1:
            self.map = tempfile.mkdtemp(prefix="handelingskader-druk-")
            self.drukproces = Kind(SPAWN, drukken, drukwerk, self.map, daemon=False, naam="drukken")

    def resultaten(self) -> dict[str, bytes]:
        """File name -> PDF, waiting for the print process."""
        if self.drukproces is None:
            return voer_uit(self.drukwerk, "alles")
        try:
            return self.drukproces.resultaat()
        finally:
            shutil.rmtree(self.map, ignore_errors=True)

    def stop(self) -> None:
        """A build that fails does not wait for its PDFs: the print process and its layouts stop, within
        a bounded time (the print process first gives its layouts WACHTTIJD), and their temporary
        folders go."""
        if self.drukproces:
            self.drukproces.stop(2 * WACHTTIJD)
            shutil.rmtree(self.map, ignore_errors=True)


@dataclass(frozen=True)
class Gedrukt:
    """The PDFs of an earlier build of the same sources, from its downloads folder (KADER_PDFS): the
    file-share build takes them from the web build instead of laying them out again."""

    map: Path

    def resultaten(self) -> dict[str, bytes]:
        return {naam: (self.map / naam).read_bytes() for naam in PDFS}

    def stop(self) -> None:
        pass


def alle_pdfs(drukwerk: Drukwerk, parallel: bool = True) -> dict[str, bytes]:
    """Every PDF, rendered in parallel processes where more than one core is available."""
    return Drukopdracht(drukwerk, parallel).resultaten()
