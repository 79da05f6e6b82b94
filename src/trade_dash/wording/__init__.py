"""The wording layer: every word, number and date a user reads, in one language.

``core`` holds ``Wording`` (one per language: gettext catalogs and CLDR formats) and the
names of codes; the other modules hold the sentences of one part of the product, each
a function of a ``Wording`` and the facts it words. See ``core`` for the design.
"""

from trade_dash.wording.core import LABELS, CatalogMissing, Wording

__all__ = ["LABELS", "CatalogMissing", "Wording", "english"]


def english() -> Wording:
    """English, for the surfaces that do not yet take the reader's language."""
    return Wording.for_lang("en")
