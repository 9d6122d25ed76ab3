"""Every setting of the plugin `handelingskader`, typed, in one place (the pattern of mkdocs-material's
plugins: one config class); it imports no stage, so every stage and tool may read it. mkdocs.yml sets
them; where an administrator sets one through the environment, mkdocs.yml names the variable with
!ENV. README: "Instellingen" lists them all.

The site address is mkdocs' own site_url (!ENV KADER_SITE_URL); the build also checks the variable
as set (macros/gegevens/omgeving.py), since mkdocs silently tidies it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.utils.yaml import yaml_load

PLUGIN = "handelingskader"
EDITIEMAP = "edities"  # the frozen editions, in the project (./scripts/publiceer)
BEWAARDAGEN = 30  # days a checklist stays in a browser after its last change
LANGSTE = 366


class Schakelaar(c.Type):
    """An on/off setting: true/false, or 1/0 as an environment variable gives it (!ENV reads "1" as 1)."""

    def __init__(self, default: bool = False):
        super().__init__(bool, default=default)

    def run_validation(self, value):
        if isinstance(value, (bool, int)) and value in (True, False):  # 1 == True, 0 == False
            return bool(value)
        raise ValidationError(f"aan of uit: true, false, 1 of 0, niet {value!r}")


class Bewaardagen(c.Type):
    """The option checklijst_bewaardagen: a whole number of days, 1 to LANGSTE."""

    def __init__(self, default: int = BEWAARDAGEN):
        super().__init__(int, default=default)

    def run_validation(self, value):
        dagen = super().run_validation(value)
        if isinstance(dagen, bool) or not 1 <= dagen <= LANGSTE:
            raise ValidationError(f"een aantal dagen van 1 tot en met {LANGSTE}, niet {value!r}")
        return dagen


class KaderConfig(Config):
    """The plugin's options: folders relative to the project (the folder of mkdocs.yml) and switches."""

    datamap = c.Type(str, default="data")  # (not "data": that name is the Config's own storage)
    web_sjablonen = c.Type(str, default="macros/web/sjablonen")
    druk_sjablonen = c.Type(str, default="macros/druk/sjablonen")
    lettertypen = c.Type(str, default="overrides/assets/fonts")
    edities = c.Type(str, default=EDITIEMAP)  # the frozen editions (./scripts/publiceer)
    lokaal = c.Optional(c.Type(str))  # KADER_LOKAAL: a gemeente's overlay folder, its own edition
    zonder_pdf = Schakelaar(default=False)  # KADER_ZONDER_PDF: the site without the PDFs (tests)
    pdfs_van = c.Optional(c.Dir(exists=True))  # KADER_PDFS: take the PDFs from this downloads folder
    # days a checklist is kept in the browser after its last change (the placeholder's data attribute)
    checklijst_bewaardagen = Bewaardagen(default=BEWAARDAGEN)

    def drukwijze(self, opdracht: str) -> str | None:
        """How this build gets its PDFs: taken from an earlier build ("overnemen"), laid out ("maken"),
        or none (under `mkdocs serve`, or switched off)."""
        if self.pdfs_van:
            return "overnemen"
        if opdracht == "serve" or self.zonder_pdf:
            return None
        return "maken"


class Instellingfout(ValueError):
    """mkdocs.yml's settings for this plugin are not valid; the message is Dutch."""


def instellingen(project: Path) -> KaderConfig:
    """The plugin's settings as mkdocs reads them from the project's mkdocs.yml (with !ENV), for the
    tools that run without mkdocs (the data check, the publication)."""
    with open(project / "mkdocs.yml", encoding="utf-8") as bestand:
        opties = next((p[PLUGIN] for p in yaml_load(bestand).get("plugins", [])
                       if isinstance(p, dict) and PLUGIN in p), None)
    config = KaderConfig(config_file_path=str(project / "mkdocs.yml"))
    config.load_dict(opties or {})
    fouten, _ = config.validate()
    if fouten:
        raise Instellingfout("; ".join(f"{PLUGIN}.{naam}: {fout}" for naam, fout in fouten))
    return config


def lokaal_map(project: Path, config: KaderConfig) -> Path | None:
    """The gemeente's overlay folder, relative to the project unless absolute."""
    return project / config.lokaal if config.lokaal else None

