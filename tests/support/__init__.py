"""What the tests share, one module a job. Test modules import helpers from here (and
fixtures come from the conftest.py of their tier); no test module imports another, which
tests/unit/test_test_layout.py checks.

- ``app``: the one factory for the app and its test client.
- ``data``: small citation files, the bundled data's figures worked out by hand, formula text.
- ``bigfile``: a large valid citations file.
- ``dashreq``: calls to the page's callbacks, as the browser makes them.
- ``browser``: the dashboard in Chromium: loading it, reading it, its console.
- ``chromium``: finding Chromium, and skipping (or failing) without it.
- ``serverproc`` and ``procs``: the real server as a subprocess; processes as /proc shows them.
- ``chart_text``, ``colour``, ``officefiles``, ``security``, ``worded``: reading what a
  user (or their browser) is shown: chart texts, colours, exported files, the page's
  security policy and error messages.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project's folder
