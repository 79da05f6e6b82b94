"""Component ids, defined once and imported wherever a callback or test needs them."""

URL = "url"
NOTICES = "notices"
KEY_MESSAGE = "key-message"
KEY_MESSAGE_COPY = "key-message-copy"
FRESHNESS = "freshness"
STALE_NOTICE = "stale-notice"
SHARE_LINK = "share-link"
SHARE_COPY = "share-copy"
LANGUAGE_SWITCH = "language-switch"

REPORTER = "reporter"
GROWTH = "growth"
PRESET = "preset"
TARGET_YEAR = "target-year"
TARGET = "target"
BASE = "base"
METHOD = "method"
METHOD_HELP = "method-help"
BAND = "band"

CARD_LATEST = "card-latest"
CARD_YTD = "card-ytd"
CARD_TARGET = "card-target"
CARD_GAP = "card-gap"
CARD_REQUIRED = "card-required"
CARD_REACHED = "card-reached"

SOURCES_TABLE = "sources-table"
SOURCES_FILTER = "sources-filter"
SOURCES_SCROLL = "sources-scroll"  # the box the table scrolls sideways in
SOURCES_BODY = "sources-body"
SOURCES_STATUS = "sources-status"
SOURCES_PAGE_SIZE = "sources-page-size"
SOURCES_PREVIOUS = "sources-previous"
SOURCES_NEXT = "sources-next"
SOURCES_STATE = "sources-state"  # sort, page, size and filter shown (sources_table.State)
DOWNLOAD_SERIES_BTN = "download-series-btn"
DOWNLOAD_CITATIONS_BTN = "download-citations-btn"
DOWNLOAD = "download"

# The growth slider answered in the browser (browser_scenario.py, assets/scenario.js): the
# scenario's growth-independent facts, whether the script draws growth moves on this page,
# and how often it failed (each failure asks the server to draw the chart).
SCENARIO_FACTS = "scenario-facts"
BROWSER_READY = "browser-ready"
BROWSER_FAILED = "browser-failed"

BRIEFING_PDF = "briefing-pdf"
BRIEFING_PPTX = "briefing-pptx"
BRIEFING_DOCX = "briefing-docx"


# Each registered chart (see charts.py) has a graph, an export format menu and a download
# link, named after the chart, and around the graph a heading, a subtitle, a description
# (which the graph names as its aria-describedby) and a footer.
def chart_graph(name: str) -> str:
    return f"{name}-graph"


def chart_heading(name: str) -> str:
    return f"{name}-heading"


def chart_subtitle(name: str) -> str:
    return f"{name}-subtitle"


def chart_description(name: str) -> str:
    return f"{name}-description"


def chart_footer(name: str) -> str:
    return f"{name}-footer"


def chart_format(name: str) -> str:
    return f"export-{name}-format"


def chart_link(name: str) -> str:
    return f"export-{name}-link"


def lang_link(code: str) -> str:
    """The language switch's link to the page in ``code``."""
    return f"lang-{code}"


# The sources table's header cell of a column (it carries aria-sort) and its sort button.
def sources_header(column: str) -> str:
    return f"sources-header-{column}"


def sources_sort(column: str) -> str:
    return f"sources-sort-{column}"
