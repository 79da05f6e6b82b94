"""Processes as Linux's /proc shows them, for tests of what the app starts and leaves behind."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Proc:
    pid: int
    name: str
    state: str  # "Z": a zombie, finished and waiting to be reaped
    ppid: int
    pgid: int
    started: int  # clock ticks after boot


def processes() -> list[Proc]:
    if not Path("/proc").is_dir():
        pytest.skip("the process checks read /proc (Linux)")
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        # The name is in parentheses and may hold spaces or ")": split after the last ")".
        fields = stat[stat.rindex(")") + 2:].split()
        found.append(Proc(int(entry.name), stat[stat.index("(") + 1:stat.rindex(")")],
                          fields[0], int(fields[1]), int(fields[2]), int(fields[19])))
    return found


def children(parent: int) -> list[Proc]:
    return [p for p in processes() if p.ppid == parent]


def live_group_members(pgid: int) -> list[int]:
    """Processes still running (not zombies) in process group ``pgid``."""
    return [p.pid for p in processes() if p.pgid == pgid and p.state != "Z"]


def group_gone(pgid: int, within: float = 10.0) -> bool:
    """Whether every process of group ``pgid`` has exited (children may take a moment)."""
    deadline = time.monotonic() + within
    while live_group_members(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True
