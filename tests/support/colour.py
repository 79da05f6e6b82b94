"""Colour arithmetic for the accessibility tests, written from the WCAG 2.1 definitions."""

from __future__ import annotations

import re


def linear_rgb(colour: str) -> tuple[float, float, float]:
    """Linear-light RGB of '#rgb', '#rrggbb' or a CSS 'rgb(r, g, b)' / 'rgba(...)' string."""
    css = re.fullmatch(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+).*\)", colour.strip())
    if css:
        channels = [float(v) / 255 for v in css.groups()]
    else:
        h = colour.lstrip("#")
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 to 21."""
    hi, lo = sorted((luminance(linear_rgb(a)), luminance(linear_rgb(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
