"""A print stage with a layout that does not stop when asked: it ignores SIGTERM and never ends, as a
layout does whose SystemExit is swallowed (WeasyPrint's SVG drawing catches BaseException). For the
stop tests in tests/test_druk_processen.py; the print process, spawned afresh, imports it from here."""
from __future__ import annotations

import dataclasses
import signal
import time

from macros.druk.documenten import Drukwerk


class KoppigDrukwerk(Drukwerk):
    def overzicht(self, *args):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            time.sleep(1)


def koppig(drukwerk: Drukwerk) -> KoppigDrukwerk:
    return KoppigDrukwerk(**{veld.name: getattr(drukwerk, veld.name) for veld in dataclasses.fields(drukwerk)})
