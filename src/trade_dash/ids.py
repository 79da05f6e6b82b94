"""Component ids, defined once and imported wherever a callback or test needs them."""

URL = "url"
NOTICES = "notices"
SHARE_LINK = "share-link"
SHARE_COPY = "share-copy"

GROWTH = "growth"
PRESET = "preset"
TARGET_YEAR = "target-year"
TARGET = "target"
BASE = "base"
METHOD = "method"
BAND = "band"

CARD_LATEST = "card-latest"
CARD_YTD = "card-ytd"
CARD_TARGET = "card-target"
CARD_GAP = "card-gap"
CARD_REQUIRED = "card-required"
CARD_REACHED = "card-reached"

SOURCES_TABLE = "sources-table"
SOURCES_FILTER = "sources-filter"
DOWNLOAD_SERIES_BTN = "download-series-btn"
DOWNLOAD_CITATIONS_BTN = "download-citations-btn"
DOWNLOAD = "download"

BRIEFING_PDF = "briefing-pdf"
BRIEFING_PPTX = "briefing-pptx"


# Each registered chart (see charts.py) has a graph, an export format menu and a download
# link, named after the chart.
def chart_graph(name: str) -> str:
    return f"{name}-graph"


def chart_format(name: str) -> str:
    return f"export-{name}-format"


def chart_link(name: str) -> str:
    return f"export-{name}-link"
