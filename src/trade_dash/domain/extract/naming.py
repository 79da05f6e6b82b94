"""Suggested citation ids for candidates: 'qazinform-2025-ytd7', 'montsame-2023-imp'.
The analyst may keep or change them; ``status.with_status`` makes them unique against
the data file."""

from __future__ import annotations

import re
from dataclasses import replace

from trade_dash.domain.extract.record import Candidate

_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a",
})


def slug(text: str) -> str:
    """A short ASCII name from an outlet or a file name: 'Qazinform (qazinform.com)'
    gives 'qazinform', 'Монцамэ' gives 'montsame'."""
    words = re.findall(r"[a-z0-9]+", text.lower().translate(_LATIN))
    skip = {"www", "com", "kz", "mn", "ru", "org", "net", "gov", "html", "htm", "txt", "the"}
    kept = list(dict.fromkeys(w for w in words if w not in skip)) or words
    return "-".join(kept[:2])[:16].strip("-") or "article"


def numbered(found: list[Candidate], outlet: str, file: str) -> list[Candidate]:
    """The candidates with suggested ids, unique within the list: the outlet's (or the
    file's) short name, the year, then ``ytdN``, ``target``, ``exp`` or ``imp``."""
    stem = slug(outlet or re.sub(r"\.[A-Za-z]+$", "", re.split(r"[/\\]", file)[-1]))
    used: set[str] = set()
    out = []
    for c in found:
        parts = [stem, str(c.year) if c.year else "x"]
        if c.measure == "target":
            parts.append("target")
        elif c.period == "year_to_date":
            parts.append(f"ytd{c.months}")
        parts += {"kz_exports_to_mn": ["exp"], "mn_exports_to_kz": ["imp"]}.get(c.flow, [])
        base = "-".join(parts)
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        out.append(replace(c, citation_id=name))
    return out
