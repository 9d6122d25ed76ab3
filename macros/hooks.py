"""mkdocs build hooks: load the data before anything is written, write the downloads afterwards."""
from __future__ import annotations

from pathlib import Path

from macros.export import schrijf_exports
from macros.site import kader_voor


def on_config(config):
    kader_voor(config)  # aborts the build on bad data, before site/ is cleaned
    return config


def on_post_build(config):
    schrijf_exports(kader_voor(config), Path(config["site_dir"]) / "downloads")
