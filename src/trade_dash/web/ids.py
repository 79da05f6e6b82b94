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

# The "Check an article" panel (article_section.py, assets/article.js).
ARTICLE_TEXT = "article-text"
ARTICLE_HELP = "article-help"
ARTICLE_CHECK = "article-check"
ARTICLE_LIMIT = "article-limit"  # the size limit and its message, for the page's script
ARTICLE_SENT = "article-sent"  # the text the script let through, for the server to read
ARTICLE_STATUS = "article-status"  # how many candidates, or why nothing was checked
ARTICLE_RESULTS = "article-results"
ARTICLE_DOWNLOAD_BTN = "article-download-btn"
ARTICLE_DOWNLOAD = "article-download"

# The growth slider answered in the browser (browser_scenario.py, assets/scenario.js): the
# scenario's growth-independent facts, whether the script draws growth moves on this page,
# and how often it failed (each failure asks the server to draw the chart).
SCENARIO_FACTS = "scenario-facts"
BROWSER_READY = "browser-ready"
BROWSER_FAILED = "browser-failed"

BRIEFING_PDF, BRIEFING_PPTX, BRIEFING_DOCX = "briefing-pdf", "briefing-pptx", "briefing-docx"


def briefing(fmt: str) -> str:
    """The header's download link of the briefing in ``fmt``."""
    return f"briefing-{fmt}"


def card(name: str) -> str:
    """A headline card's id, by its name in ``wording.page.CARD_TITLES``."""
    return f"card-{name}"


def lang_link(code: str) -> str:
    """The language switch's link to the page in ``code``."""
    return f"lang-{code}"


# The sources table's header cell of a column (it carries aria-sort) and its sort button.
def sources_header(column: str) -> str:
    return f"sources-header-{column}"


def sources_sort(column: str) -> str:
    return f"sources-sort-{column}"
