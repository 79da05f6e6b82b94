"""The page's "Check an article" panel through the server's test client, as the browser
calls it: the candidates of a pasted article with their status against the data shown,
the size limit, markup kept as text, and the CSV download."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.support.app import client_of, make_app
from tests.support.data import FORMULA_START
from trade_dash.cli import main
from trade_dash.domain.datafile import bundled_data_path, load_citations
from trade_dash.domain.extract.pasted import PASTE_LIMIT
from trade_dash.domain.extract.record import FIELDS
from trade_dash.web import ids
from trade_dash.web.article_callbacks import check_article

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
# Written for these tests: a figure the bundled data has (2024), one it contradicts (2023),
# one it lacks (2016, and exports that year), and markup and formula-like text around them.
ARTICLE = f"""Ulaanbaatar, 14 March. Trade turnover between Kazakhstan and Mongolia reached \
$150 million in 2024, according to the Ministry of Foreign Affairs of Kazakhstan.

=HYPERLINK("http://evil.test") In 2023 the turnover between the two countries was \
US$ 101.5 million {SCRIPT}.

- In 2016 the trade turnover between Kazakhstan and Mongolia amounted to 88.2 million \
dollars {IMAGE}.

+ Kazakhstan's exports to Mongolia in 2016 were $80.1 million.
"""
# The components a result is built of: text in headings, quotes, marks and lists only.
RESULT_TYPES = {"Ol", "Li", "H3", "Blockquote", "P", "Mark", "Dl", "Dt", "Dd"}


def _key(app, output: str) -> str:
    return next(k for k in app.callback_map if k.lstrip(".").startswith(f"{output}."))


def post(client, body: dict):
    """A callback request as the browser sends it: JSON with letters as UTF-8, not escaped."""
    return client.post("/_dash-update-component", content_type="application/json",
                       data=json.dumps(body, ensure_ascii=False).encode("utf-8"))


def check(app, client, text: object, search: str = "") -> dict:
    """The panel's answer to Check for ``text`` (as the page's script stores it), by
    output id and property."""
    key = _key(app, ids.ARTICLE_RESULTS)
    body = {
        "output": key,
        "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
                    for o in key.strip(".").split("...")],
        "inputs": [{"id": ids.ARTICLE_SENT, "property": "data",
                    "value": {"text": text, "check": 1}}],
        "changedPropIds": [f"{ids.ARTICLE_SENT}.data"],
        "state": [{"id": ids.URL, "property": "search", "value": search}],
    }
    resp = post(client, body)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["response"]


def download(app, client, text: str) -> dict:
    """What the panel's download button sends for the text last checked."""
    key = _key(app, ids.ARTICLE_DOWNLOAD)
    body = {
        "output": key,
        "outputs": {"id": ids.ARTICLE_DOWNLOAD, "property": "data"},
        "inputs": [{"id": ids.ARTICLE_DOWNLOAD_BTN, "property": "n_clicks", "value": 1}],
        "changedPropIds": [f"{ids.ARTICLE_DOWNLOAD_BTN}.n_clicks"],
        "state": [{"id": ids.ARTICLE_SENT, "property": "data",
                   "value": {"text": text, "check": 1}}],
    }
    resp = post(client, body)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["response"][ids.ARTICLE_DOWNLOAD]["data"]


def text_of(node) -> str:
    """The text a reader sees in a component tree sent to the browser."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(text_of(n) for n in node)
    if isinstance(node, dict):
        return text_of(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


def nodes(tree) -> list[dict]:
    """Every component in a tree sent to the browser."""
    if isinstance(tree, list):
        return [n for t in tree for n in nodes(t)]
    if isinstance(tree, dict):
        return [tree, *nodes(tree.get("props", {}).get("children"))]
    return []


def candidates(out: dict) -> list[dict]:
    return [n for n in nodes(out[ids.ARTICLE_RESULTS]["children"]) if n["type"] == "Li"]


def fields(item: dict) -> dict[str, str]:
    """A candidate's listed fields, label to value."""
    dl = next(n for n in nodes(item) if n["type"] == "Dl")
    cells = [text_of(n) for n in dl["props"]["children"]]
    return dict(zip(cells[::2], cells[1::2], strict=True))


def lines_of(citations, **where) -> str:
    match = citations
    for column, value in where.items():
        match = match[match[column] == value]
    return ", ".join(str(n) for n in sorted(match["line"]))


def test_candidates_are_listed_with_their_sentence_figure_and_status_against_the_data(
        app, client):
    out = check(app, client, ARTICLE)
    status = out[ids.ARTICLE_STATUS]
    assert status == {"children": "4 candidates found.", "className": "mt-2 mb-2"}
    assert out[ids.ARTICLE_DOWNLOAD_BTN]["disabled"] is False
    found = candidates(out)
    assert len(found) == 4
    citations = load_citations(bundled_data_path())
    known, conflict, new, exports = (fields(item) for item in found)
    assert known["Status against the data shown"] == (
        f"already in the data (line {lines_of(citations, citation_id='kz-mfa-2024')})")
    assert conflict["Status against the data shown"] == (
        "differs by more than 5 % from the data (line "
        f"{lines_of(citations, measure='actual', flow='turnover', year=2023, months=12)})")
    assert (citations["year"] == 2016).sum() == 0
    assert new["Status against the data shown"] == exports[
        "Status against the data shown"] == "new"
    assert (known["Flow"], known["Period"], known["Value"], known["Precision"]) == (
        "Turnover", "2024", "US$ 150 million", "Exact")
    assert known["Reported by"] == "Ministry of Foreign Affairs of Kazakhstan (Government, KZ)"
    assert (exports["Flow"], exports["Value"]) == ("Kazakhstan's exports to Mongolia",
                                                   "US$ 80.1 million")
    # Each sentence is quoted whole, its figure marked (the full stop after "million" is
    # the sentence's, not the figure's).
    marks = [text_of(n) for n in nodes(out[ids.ARTICLE_RESULTS]["children"])
             if n["type"] == "Mark"]
    assert marks == ["$150 million", "US$ 101.5 million", "88.2 million dollars",
                     "$80.1 million"]
    quote = next(n for n in nodes(found[0]) if n["type"] == "Blockquote")
    assert text_of(quote) == ("Trade turnover between Kazakhstan and Mongolia reached $150 "
                              "million in 2024, according to the Ministry of Foreign Affairs "
                              "of Kazakhstan.")


def test_the_panel_speaks_the_page_s_language(app, client):
    out = check(app, client, ARTICLE, "?lang=ru")
    assert out[ids.ARTICLE_STATUS]["children"] == "Найдено 4 кандидата."
    first = fields(candidates(out)[0])
    assert first["Поток"] == "Товарооборот"
    assert first["Сверка с показанными данными"].startswith("уже есть в данных (строка ")


def test_markup_in_the_pasted_text_comes_back_as_text(app, client):
    out = check(app, client, ARTICLE)
    tree = out[ids.ARTICLE_RESULTS]["children"]
    assert {n["type"] for n in nodes(tree)} <= RESULT_TYPES
    assert {n["namespace"] for n in nodes(tree)} == {"dash_html_components"}
    shown = text_of(tree)
    assert f"US$ 101.5 million {SCRIPT}." in shown
    assert f"88.2 million dollars {IMAGE}." in shown
    # Markup is never a property either (no dangerouslySetInnerHTML, no src, no handler).
    props = {p for n in nodes(tree) for p in n["props"]}
    assert props <= {"children", "className", "aria-label"}


def test_a_text_over_100_kb_is_refused_with_a_message_and_not_read(app, client):
    # Cyrillic takes two bytes a letter: under 100,000 letters, over 100 KB.
    filler = "Степь. " * (PASTE_LIMIT // 10)
    text = ARTICLE + filler
    assert len(text) < PASTE_LIMIT < len(text.encode("utf-8"))
    out = check(app, client, text)
    assert out[ids.ARTICLE_STATUS] == {
        "children": "The text is larger than 100 KB, so nothing was checked. Paste the "
                    "article alone, or save it to a file and run trade-dash extract on it.",
        "className": "mt-2 mb-2 article-problem"}
    assert out[ids.ARTICLE_RESULTS]["children"] == []
    assert out[ids.ARTICLE_DOWNLOAD_BTN]["disabled"] is True
    kk = check(app, client, text, "?lang=kk")[ids.ARTICLE_STATUS]["children"]
    assert kk.startswith("Мәтін тым үлкен (шегі — 100 КБ)")
    # Up to the limit itself, the article is read.
    at_limit = ARTICLE + "." * (PASTE_LIMIT - len(ARTICLE.encode("utf-8")))
    assert len(at_limit.encode("utf-8")) == PASTE_LIMIT
    assert check(app, client, at_limit)[ids.ARTICLE_STATUS]["children"] == (
        "4 candidates found.")


@pytest.mark.parametrize("sent", ["", "   \n", {"not": "text"}, 42, None])
def test_an_empty_or_malformed_text_is_answered_not_failed(app, client, sent):
    out = check(app, client, sent)
    assert out[ids.ARTICLE_STATUS]["children"] == (
        "The box is empty: paste an article's text, then press Check.")
    assert out[ids.ARTICLE_DOWNLOAD_BTN]["disabled"] is True


def test_an_article_with_no_figure_says_so(app, client):
    out = check(app, client, "Kazakhstan and Mongolia signed a memorandum on culture.")
    assert out[ids.ARTICLE_STATUS]["children"] == (
        "No Kazakhstan–Mongolia trade figure found in the text.")
    assert out[ids.ARTICLE_RESULTS]["children"] == []
    assert out[ids.ARTICLE_DOWNLOAD_BTN]["disabled"] is True


def test_the_csv_download_is_what_trade_dash_extract_csv_gives(app, client, tmp_path, capsys):
    data = download(app, client, ARTICLE)
    assert data["filename"] == "article_candidates.csv"
    rows = list(csv.DictReader(io.StringIO(data["content"], newline="")))
    assert rows and list(rows[0]) == list(FIELDS)
    # The same article, saved and read by the command line, gives the same rows; only
    # the file it came from differs (a pasted article has none).
    saved = tmp_path / "article.txt"
    saved.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(saved), "--csv"]) == 0
    cli = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["file"] for r in cli] == [str(saved)] * len(rows)
    assert [{**r, "file": ""} for r in cli] == rows
    # Formula-like sentences are behind an apostrophe, as in every CSV the page gives.
    sentences = [r["sentence"] for r in rows]
    assert [s[:2] for s in sentences] == ["Tr", "'=", "'-", "'+"]
    assert not [cell for r in rows for cell in r.values() if cell.startswith(FORMULA_START)]
    assert [r["status"] for r in rows] == ["known", "conflicts:" + ",".join(
        lines_of(load_citations(bundled_data_path()), measure="actual", flow="turnover",
                 year=2023, months=12).split(", ")), "new", "new"]


def test_the_panel_never_writes_to_the_data_file(tmp_path):
    path = tmp_path / "trade_series.csv"
    path.write_bytes(bundled_data_path().read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    app = make_app(data_path=path)
    client = client_of(app)
    assert check(app, client, ARTICLE)[ids.ARTICLE_STATUS]["children"] == "4 candidates found."
    assert download(app, client, ARTICLE)["content"].count("\r\n") == 5
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trade_series.csv"]


def test_the_callback_is_a_plain_function_of_the_page_and_the_text(app):
    page = app.server.config["TRADE_DASH"]["page"]
    results, status, look, disabled = check_article(page, {"text": ARTICLE}, "?lang=mn")
    assert status == "Олдсон санал болгох мөрийн тоо: 4."
    assert (look, disabled, len(results)) == ("mt-2 mb-2", False, 1)
