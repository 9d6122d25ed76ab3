"""WeasyPrint may read only the project's print templates and fonts; every other URL is refused,
so a template can never make the build reach the network."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher


class ProjectFetcher(URLFetcher):
    """Fetches only data: URLs and files inside the given folders (print templates and fonts)."""

    def __init__(self, mappen: tuple[Path, ...]):
        super().__init__(allowed_protocols={"file", "data"})
        self.mappen = tuple(m.resolve() for m in mappen)

    def fetch(self, url, headers=None):
        delen = urlsplit(url)
        if delen.scheme == "file":
            pad = Path(unquote(delen.path)).resolve()
            if not any(pad.is_relative_to(m) for m in self.mappen):
                raise ValueError(f"geweigerd: {url} ligt buiten de druksjablonen en lettertypen")
        elif delen.scheme != "data":
            raise ValueError(f"geweigerd: {url} (alleen bestanden uit het project)")
        return super().fetch(url, headers)
