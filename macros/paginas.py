"""mkdocs-macros entry point: the variables and macros that hand-written pages may call."""
from __future__ import annotations

from macros.site import kader_voor


def define_env(env):
    kader = kader_voor(env.conf)
    env.variables["kader"] = kader
    env.variables["editie"] = kader.kader.editie.naam
