"""The one moment a build writes wherever a file holds a time (the sitemap's dates, zip entries), never
the clock: SOURCE_DATE_EPOCH when set (reproducible-builds.org), otherwise the first day of the
edition the data names. Two builds of the same sources are byte-identical, whenever they run.

SOURCE_DATE_EPOCH is ASCII digits only, from 1980 (the earliest time a zip entry holds) up to
2106-02-07 (the latest a gzip header holds: mkdocs writes sitemap.xml.gz); empty is not set."""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone

ZIP_BEGIN = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold
VROEGST = int(ZIP_BEGIN.timestamp())
LAATST = 2**32 - 1  # the latest time a gzip header can hold
CIJFERS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() and int() also take '٣' and '²'
MAAND = re.compile(r"([0-9]{4})-([0-9]{2})")


def _toon(waarde: str) -> str:
    """The value for a one-line message: escaped, and shortened when long."""
    return repr(waarde if len(waarde) <= 40 else waarde[:40] + "…")


def _datum(seconden: int) -> str:
    return datetime.fromtimestamp(seconden, tz=timezone.utc).date().isoformat()


def _bereik() -> str:
    return f"{VROEGST} ({_datum(VROEGST)}) en {LAATST} ({_datum(LAATST)})"


def epoch(waarde: str) -> int:
    """SOURCE_DATE_EPOCH as seconds; ValueError with a one-line Dutch message when it is not usable."""
    if not CIJFERS.fullmatch(waarde):
        raise ValueError(f"SOURCE_DATE_EPOCH {_toon(waarde)} is geen geheel aantal seconden sinds 1970: alleen de "
                         f"cijfers 0-9, zonder teken, spaties of punt (of laat de variabele leeg)")
    cijfers = waarde.lstrip("0") or "0"
    seconden = int(cijfers) if len(cijfers) <= len(str(LAATST)) else LAATST + 1
    if not VROEGST <= seconden <= LAATST:
        raise ValueError(f"SOURCE_DATE_EPOCH {_toon(waarde)} ligt niet tussen {_bereik()} (of laat de variabele leeg)")
    return seconden


def eerste_dag(editie_id: str) -> int:
    """The first day of the edition, as seconds; ValueError when it is no month in the range."""
    vorm = MAAND.fullmatch(editie_id)
    if vorm and "1980-01" <= editie_id <= "2106-02" and 1 <= int(vorm[2]) <= 12:
        return int(datetime(int(vorm[1]), int(vorm[2]), 1, tzinfo=timezone.utc).timestamp())
    raise ValueError(f"editie-id {_toon(editie_id)} is geen maand van 1980-01 tot en met 2106-02 (jjjj-mm): geef de "
                     f"editie in de data zo'n id, of zet SOURCE_DATE_EPOCH")


def bouwmoment(editie_id: str) -> int:
    """Seconds since 1970 (UTC) for this build."""
    waarde = os.environ.get("SOURCE_DATE_EPOCH", "")
    return epoch(waarde) if waarde else eerste_dag(editie_id)


def zipmoment(seconden: int) -> tuple[int, int, int, int, int, int]:
    """The same moment as a zip entry's date and time (not before 1980)."""
    return max(datetime.fromtimestamp(seconden, tz=timezone.utc), ZIP_BEGIN).timetuple()[:6]
