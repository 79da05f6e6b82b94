"""Reading a page's security policy as a browser applies it."""

from __future__ import annotations

import base64
import hashlib
import re


def csp_directives(policy: str) -> dict[str, list[str]]:
    parts = [d.split() for d in policy.split(";") if d.strip()]
    return {d[0]: d[1:] for d in parts}


def inline_script_hashes(page: str) -> set[str]:
    """CSP hashes of the scripts a browser would run inline in ``page``."""
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)  # commented out: never run
    found = set()
    for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S):
        if "src=" in attrs or "application/json" in attrs:
            continue  # loaded from the app itself, or data that is never run
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        found.add(f"'sha256-{digest}'")
    return found
