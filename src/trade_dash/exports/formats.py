"""What can be exported: the one list of formats, papers and media types.

Light on purpose (no renderer or office library), so the command line can offer the
choices without loading them.
"""

from __future__ import annotations

from trade_dash.charts.registry import FORMATS

CHART_FORMATS = FORMATS  # what the renderer draws; each chart offers some or all of them
BRIEFING_FORMATS = ("pdf", "pptx", "docx")  # in the page's order of buttons
PAPERS = ("a4", "letter")  # for the PDF and Word briefings; slides have none
DEFAULT_PAPER = PAPERS[0]
MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
