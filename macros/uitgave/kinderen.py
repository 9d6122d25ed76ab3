"""The publication's child processes (its mkdocs builds) end with it, however it ends:

- killed outright (SIGKILL, the out-of-memory killer), the kernel sends each child SIGTERM
  (PR_SET_PDEATHSIG); the child's print workers follow their own parent the same way (druk/processen.py);
- stopped (SIGTERM, SIGINT), it stops the running child's process group (the child and all it started)
  and leaves only when every one of them is gone: as their subreaper (PR_SET_CHILD_SUBREAPER) it gets
  the orphans as its own children and waits for them;
- a child that ends by itself is waited for in the same way, also what it left running.
"""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from functools import partial

PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36  # prctl(2)
STOPSIGNALEN = (signal.SIGTERM, signal.SIGINT)
WACHTTIJD = 10.0  # seconds for a child's processes to end (a stopped print stage takes up to 2 × 3 s), then SIGKILL

_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def _bij_stopsignaal(signaal, frame) -> None:
    """Leave through the clean-up (the finally blocks), which a second signal does not interrupt."""
    for soort in STOPSIGNALEN:
        signal.signal(soort, signal.SIG_IGN)
    raise SystemExit(128 + signaal)


def neem_kinderen_mee() -> None:
    """In the publishing process, before it starts a child: every process it starts ends with it."""
    if _prctl:
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
    for soort in STOPSIGNALEN:
        signal.signal(soort, _bij_stopsignaal)


def _stop_met_ouder(ouder: int) -> None:
    """In the child, before its program starts: SIGTERM when the parent dies."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != ouder:  # the parent died before this was in place
        os.kill(os.getpid(), signal.SIGKILL)


def _stuur(groep: int, signaal: int) -> None:
    try:
        os.killpg(groep, signaal)
    except ProcessLookupError:
        pass


def _wacht_op_kinderen(einde: float | None) -> bool:
    """Reap every child of this process (a child, the orphans it left) until none is left: True; or
    False if some still run at `einde` (None: no limit)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if einde is None else os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            if time.monotonic() > einde:
                return False
            time.sleep(0.05)


def _laat_niets_achter(proces: subprocess.Popen) -> None:
    """Wait for the child and all it started; SIGKILL for its process group after WACHTTIJD."""
    einde = time.monotonic() + WACHTTIJD
    try:
        proces.wait(WACHTTIJD)  # the child itself first, so that Popen knows it ended
    except subprocess.TimeoutExpired:
        pass
    if not _wacht_op_kinderen(einde):
        _stuur(proces.pid, signal.SIGKILL)
        _wacht_op_kinderen(None)


def draai(opdracht: list[str], omgeving: dict[str, str]) -> subprocess.CompletedProcess:
    """A child to its end, its output (stdout and stderr) collected. Interrupted (a stop signal), the
    child's process group gets SIGTERM; either way it returns or raises only when all of it is gone."""
    proces = subprocess.Popen(opdracht, env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              process_group=0, preexec_fn=partial(_stop_met_ouder, os.getpid()) if _prctl else None)
    try:
        uitvoer, _ = proces.communicate()
    except BaseException:
        _stuur(proces.pid, signal.SIGTERM)
        raise
    finally:
        _laat_niets_achter(proces)
    return subprocess.CompletedProcess(opdracht, proces.returncode, uitvoer)
