"""Reading articles: text files with or without a source line, saved web pages (main
text and metadata, scripts dropped and never run), standard input, and every kind of
file that is refused with a code."""

from __future__ import annotations

import codecs
import datetime as dt
import io

import pytest

from trade_dash.domain.extract import extract_article
from trade_dash.domain.extract.article import MAX_BYTES, ArticleError, read_article

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Trade grows | Steppe Herald</title>
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2025-03-04T08:00:00+05:00">
<script>document.title = "Trade turnover reached $999 million in 2024";</script>
</head><body><nav>Home | News | Sport</nav>
<article><h1>Trade grows</h1>
<p>Trade between Kazakhstan and Mongolia reached $150.2 million in 2024, the ministry said.</p>
<p>Officials expect more flights between Astana and Ulaanbaatar next year.</p>
</article>
<script>fetch("/track?turnover=999")</script>
<footer>All rights reserved.</footer></body></html>"""


def test_a_text_file_s_source_line_gives_outlet_and_date_and_is_not_read_as_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("# source: Kazinform, Astana bureau, 2025-09-06\nTitle\nBody text.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert (article.outlet, article.published) == ("Kazinform, Astana bureau",
                                                   dt.date(2025, 9, 6))
    assert "source" not in article.text and article.text.startswith("Title")


def test_without_a_source_line_a_date_at_the_top_is_the_publication_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Astana, 2024-10-29\nTrade grew.\n", encoding="utf-8")
    assert read_article(path).published == dt.date(2024, 10, 29)


def test_a_saved_page_gives_its_main_text_outlet_and_date_and_never_its_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert (article.outlet, article.published) == ("Steppe Herald", dt.date(2025, 3, 4))
    assert "150.2 million" in article.text
    assert "999" not in article.text and "Home | News" not in article.text
    assert [c.value_musd for c in extract_article(article)] == [150.2]


def test_a_page_is_recognised_by_its_content_as_well_as_its_name():
    article = read_article(PAGE.encode(), name="pasted")
    assert article.outlet == "Steppe Herald" and "<p>" not in article.text


def test_a_page_in_the_character_set_it_declares_is_read(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "the ministry said", "сообщило министерство")
    path = tmp_path / "ru.htm"
    path.write_bytes(page.encode("cp1251"))
    assert "сообщило министерство" in read_article(path).text


def test_utf16_with_a_byte_order_mark_is_read():
    raw = codecs.BOM_UTF16_LE + "Trade with Mongolia grew.".encode("utf-16-le")
    assert read_article(raw, name="a.txt").text == "Trade with Mongolia grew."


def test_standard_input_is_read_with_a_dash():
    stdin = io.BytesIO(b"# source: Qazinform, 2025-09-06\nText.")
    article = read_article("-", stdin=stdin)
    assert (article.file, article.outlet, article.text) == ("-", "Qazinform", "Text.")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.7\n1 0 obj", "binary"),
        (b"PK\x03\x04\x14\x00", "binary"),
        (b"text\x00with\x00nul", "binary"),
        ("Товарооборот вырос".encode("cp1251"), "encoding"),
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"# source: Kazinform, 2025-09-06\n", "empty"),
        (b"<html><head><script>var a = 1;</script></head><body><script>alert(1)</script>"
         b"</body></html>", "no_text"),
    ],
)
def test_files_that_are_not_readable_articles_are_refused_with_a_code(tmp_path, content, code):
    path = tmp_path / ("page.html" if content.startswith(b"<html") else "a.txt")
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert (err.value.code, err.value.file) == (code, str(path))


def test_a_file_over_5_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert err.value.code == "too_large" and err.value.params == {"limit": 5 * 1024 * 1024}


def test_pasted_text_over_5_mb_is_refused():
    with pytest.raises(ArticleError) as err:
        read_article(b"a" * (MAX_BYTES + 1), name="pasted")
    assert err.value.code == "too_large"


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(ArticleError) as err:
        read_article(tmp_path / "missing.txt")
    assert err.value.code == "not_found"
    with pytest.raises(ArticleError) as err:
        read_article(tmp_path)
    assert err.value.code == "is_folder"
