"""Finding Chromium for the tests that need a real browser.

Without it those tests are skipped with the reason shown, unless
TRADE_DASH_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

DEBIAN_CHROMIUM = "/usr/bin/chromium"


def executable() -> str | None:
    """TRADE_DASH_BROWSER if set (as for exports), else Chromium on PATH, else Debian's."""
    chosen = os.environ.get("TRADE_DASH_BROWSER")
    if chosen:
        return shutil.which(chosen)
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


def unavailable(reason: str):
    """Skip, or fail where skipping is forbidden."""
    if os.environ.get("TRADE_DASH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (TRADE_DASH_REQUIRE_BROWSER=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


def required() -> str:
    exe = executable()
    if exe is None:
        unavailable(
            "Chromium not found: install Debian's chromium package or set TRADE_DASH_BROWSER"
        )
    return exe
