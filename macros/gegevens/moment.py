"""The one moment a build writes wherever a file holds a time (the sitemap's dates, zip entries), never
the clock: SOURCE_DATE_EPOCH when set (reproducible-builds.org), otherwise the first day of the
edition the data names. Two builds of the same sources are byte-identical, whenever they run."""
from __future__ import annotations

import os
from datetime import datetime, timezone

ZIP_BEGIN = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold


def bouwmoment(editie_id: str) -> int:
    """Seconds since 1970 (UTC) for this build."""
    waarde = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if waarde:
        if not waarde.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH moet een geheel aantal seconden sinds 1970 zijn, niet {waarde!r}")
        return int(waarde)
    jaar, maand = map(int, editie_id.split("-"))
    return int(datetime(jaar, maand, 1, tzinfo=timezone.utc).timestamp())


def zipmoment(seconden: int) -> tuple[int, int, int, int, int, int]:
    """The same moment as a zip entry's date and time (not before 1980)."""
    return max(datetime.fromtimestamp(seconden, tz=timezone.utc), ZIP_BEGIN).timetuple()[:6]
