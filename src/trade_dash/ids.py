"""Component ids, defined once and imported wherever a callback or test needs them."""

URL = "url"
NOTICES = "notices"
KEY_MESSAGE = "key-message"
KEY_MESSAGE_COPY = "key-message-copy"
FRESHNESS = "freshness"
STALE_NOTICE = "stale-notice"
SHARE_LINK = "share-link"
SHARE_COPY = "share-copy"

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

HISTORY_GRAPH = "history-graph"
SCENARIO_GRAPH = "scenario-graph"

SOURCES_TABLE = "sources-table"
DOWNLOAD_SERIES_BTN = "download-series-btn"
DOWNLOAD_CITATIONS_BTN = "download-citations-btn"
DOWNLOAD = "download"

# Server-side export (one format picker and button per chart, one briefing pack menu).
EXPORT_FORMAT = {"history": "export-history-format", "scenario": "export-scenario-format"}
EXPORT_LINK = {"history": "export-history-link", "scenario": "export-scenario-link"}
BRIEFING_PDF = "briefing-pdf"
BRIEFING_PPTX = "briefing-pptx"
BRIEFING_DOCX = "briefing-docx"
