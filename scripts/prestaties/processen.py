"""Measuring one child process: wall time and peak memory (RSS from os.wait4)."""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON = sys.executable

# Every child process is started by this small, long-lived starter process and not by the
# benchmark itself: on Linux a child's ru_maxrss starts at the peak RSS of the process that forked
# it (exec keeps the old address space's high-water mark), so children of the benchmark, which
# loads the data and reads PDFs, would all report at least its peak. The starter stays ~10 MiB.
STARTER = """
import json, os, subprocess, sys, time
for regel in sys.stdin:
    opdracht = json.loads(regel)
    with open(opdracht["fouten"], "wb") as fouten:
        start = time.perf_counter()
        proces = subprocess.Popen(opdracht["argv"], cwd=opdracht["cwd"], env=opdracht["env"],
                                  stdout=subprocess.DEVNULL, stderr=fouten)
        _, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - start
    print(json.dumps({"status": status, "duur": duur, "maxrss": gebruik.ru_maxrss,
                      "cpu": gebruik.ru_utime + gebruik.ru_stime}), flush=True)
"""


@functools.cache
def starter() -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-c", STARTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)


def meet(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB, from os.wait4) of one child process."""
    duur, rss, _ = meet_met_cpu(argv, cwd, env)
    return duur, rss


def meet_met_cpu(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall time (s), peak RSS (MiB) and CPU time (user + system, s, with the processes it waited
    for) of one child process: on a busy machine CPU time compares work where wall time cannot."""
    with tempfile.NamedTemporaryFile() as fouten:  # a file, not a pipe: a chatty child cannot block
        opdracht = {"argv": argv, "cwd": str(cwd), "fouten": fouten.name,
                    "env": {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}}
        starter().stdin.write(json.dumps(opdracht) + "\n")
        starter().stdin.flush()
        uitkomst = json.loads(starter().stdout.readline())
        if uitkomst["status"] != 0:
            raise SystemExit(f"mislukt: {' '.join(argv)}\n{Path(fouten.name).read_text(errors='replace')}")
    return uitkomst["duur"], uitkomst["maxrss"] / 1024, uitkomst["cpu"]


def kib(pad: Path) -> str:
    return f"{pad.stat().st_size / 1024:7.0f} KiB"
