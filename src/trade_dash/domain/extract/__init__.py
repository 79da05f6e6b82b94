"""The extraction engine: news articles in, candidate rows of the data file out.

- ``read_article(path_or_bytes)`` reads a text file, a saved web page or standard
  input into an ``Article`` (or raises ``ArticleError``, a code with its values);
- ``extract_text(text, published=None, outlet=None, file=None)`` and
  ``extract_article(article)`` return the Kazakhstan–Mongolia trade figures found,
  as ``Candidate`` rows;
- ``with_status(candidates, citations)`` marks each ``new``, ``known`` or
  ``conflicts`` against a frame from ``trade_dash.data.load_citations``.

Pure apart from ``read_article``: stdlib, pandas and trafilatura; from the project it
takes only the data file's column and choice constants.
"""

from __future__ import annotations

from trade_dash.domain.extract.article import MAX_BYTES, Article, ArticleError, read_article
from trade_dash.domain.extract.candidates import extract_text
from trade_dash.domain.extract.record import EXTRA_FIELDS, FIELDS, STATUSES, Candidate
from trade_dash.domain.extract.status import with_status

__all__ = [
    "EXTRA_FIELDS",
    "FIELDS",
    "MAX_BYTES",
    "STATUSES",
    "Article",
    "ArticleError",
    "Candidate",
    "extract_article",
    "extract_text",
    "read_article",
    "with_status",
]


def extract_article(article: Article) -> list[Candidate]:
    """The candidates of an article read by ``read_article``."""
    return extract_text(article.text, article.published, article.outlet, article.file)
