"""Exported charts stay whole with a large file: title, scenario, source line, date and
reopen link all inside the image, at every export size.

The charts are drawn for real through kaleido and Chromium from a file of 2,000
citations with reporter and outlet names at the format's length limits. In the SVG,
plotly writes the box Chromium measured for each annotation and for the legend, so
their positions are checked against the image size; the PNG of the same layout is
checked for ink cut off at an edge and for the footer's lines being drawn.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from tests.support import bigfile
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.sizes import A4_LANDSCAPE, PAGE_IMAGE, SLIDE
from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.exports.packs import render_chart
from trade_dash.wording.core import Wording

pytestmark = pytest.mark.export

SVG = "{http://www.w3.org/2000/svg}"
# A long public address, as behind a reverse proxy with a path prefix.
LINK = ("https://dashboards.ministry-of-trade.example.org/analysis/kazakhstan-mongolia/"
        "?growth=21.4&target_year=2030&target=500&base=ytd&method=pro_rata&band=5")
CTX = Context(produced="2026-11-23", link=LINK)
# The footer in each language, as the catalogs word it: the start of the source line, the
# date line (ISO date in every language) and the end of the line before the link. Kazakh
# and Mongolian words are longer than English ones, so their footers run to more lines.
FOOTERS = {
    "en": ("Sources: 2,000 citations from 30 reporting bodies", "sources table",
           "Produced 2026-11-23 with trade-dash.", "Reopen this scenario:"),
    "kk": ("Дереккөздер: 30 ұйымнан 2\u00a0000 дереккөзге сілтеме", "дереккөздер кестесі",
           "trade-dash арқылы дайындалған күні: 2026-11-23.", "Осы сценарийді қайта ашу:"),
    "mn": ("Эх сурвалж: 30 байгууллагаас 2,000 эх сурвалжийн ишлэл", "эх сурвалжийн хүснэгт",
           "trade-dash ашиглан бэлтгэсэн: 2026-11-23.", "Энэ хувилбарыг дахин нээх:"),
}


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    ds = Dataset.load(bigfile.write(tmp_path_factory.mktemp("big") / "big.csv"))
    return ds, analyse(ds, default_scenario(ds))


def _translate(node: ET.Element) -> tuple[float, float]:
    found = re.search(r"translate\(([-\d.]+),\s*([-\d.]+)\)", node.get("transform", ""))
    assert found, node.attrib
    return float(found.group(1)), float(found.group(2))


def _by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if cls in (e.get("class") or "").split()]


def boxes(svg: bytes) -> dict:
    """Layout size, and the measured boxes (x, y, width, height) of the footer and the
    legend, the footer's lines and the title and subtitle's text and baselines."""
    root = ET.fromstring(svg)
    footer = next(a for a in _by_class(root, "g", "annotation") if a.get("data-index") == "0")
    inner = _by_class(footer, "g", "cursor-pointer")[0]
    rect = _by_class(inner, "rect", "bg")[0]
    legend = _by_class(root, "g", "legend")[0]
    legend_rect = _by_class(legend, "rect", "bg")[0]
    title = _by_class(root, "text", "gtitle")[0]
    subtitle = _by_class(root, "text", "gtitle-subtitle")[0]
    # Positions are in the viewBox: the layout's CSS pixels, whatever the drawing scale.
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    return {
        "size": (width, height),
        "footer": (*_translate(inner), float(rect.get("width")), float(rect.get("height"))),
        "footer_lines": ["".join(t.itertext()) for t in _by_class(inner, "tspan", "line")],
        "legend": (*_translate(legend), float(legend_rect.get("width")),
                   float(legend_rect.get("height"))),
        "title": ("".join(title.itertext()), float(title.get("y"))),
        "subtitle": ("".join(subtitle.itertext()), float(subtitle.get("y"))),
    }


def assert_inside(box: tuple[float, float, float, float], size: tuple[float, float]) -> None:
    x, y, w, h = box
    assert x >= 0 and y >= 0, box
    assert x + w <= size[0] and y + h <= size[1], (box, size)


@pytest.mark.parametrize("lang", list(FOOTERS))
@pytest.mark.parametrize("chart", CHARTS, ids=CHARTS.names)
@pytest.mark.parametrize(
    "size", [A4_LANDSCAPE, SLIDE], ids=["svg-pdf-a4", "slide-layout"]
)
def test_svg_footer_title_and_legend_lie_inside_the_image(renderer, big, chart, size, lang):
    ds, s = big
    words = Wording.for_lang(lang)
    ctx = Context(produced=CTX.produced, link=LINK, words=words)
    b = boxes(render_chart(renderer, chart, "svg", ds, s, ctx, size))
    assert b["size"] == (size.width, size.height)
    assert_inside(b["footer"], b["size"])
    assert_inside(b["legend"], b["size"])
    lines = b["footer_lines"]
    sources, full_list, produced, reopen = FOOTERS[lang]
    assert lines[0].startswith(sources)
    assert full_list in " ".join(lines)
    assert any(line.startswith(produced) for line in lines)
    at = next(i for i, line in enumerate(lines) if line.endswith(reopen))
    assert "".join(lines[at + 1 :]) == LINK  # the link is whole, over the lines it needs
    assert len(lines) <= 10  # the same few lines however many citations the file has
    (title, title_y), (subtitle, subtitle_y) = b["title"], b["subtitle"]
    assert title == chart.title_in(words) and 0 < title_y < subtitle_y < b["legend"][1]
    assert subtitle  # the scenario (or, for the history, the annualisation) is stated
    # The legend ends above the plot and the footer starts below it: nothing overlaps.
    assert b["legend"][1] + b["legend"][3] < b["footer"][1]


def _ink_rows(image: Image.Image) -> list[int]:
    """Rows that hold anything other than the white background."""
    grey = image.convert("L")
    width, height = grey.size
    data = grey.tobytes()
    return [y for y in range(height) if min(data[y * width : (y + 1) * width]) < 250]


@pytest.mark.parametrize("lang", list(FOOTERS))
@pytest.mark.parametrize("chart", CHARTS, ids=CHARTS.names)
@pytest.mark.parametrize("size", [SLIDE, PAGE_IMAGE], ids=["slide", "page"])
def test_png_has_nothing_cut_at_its_edges_and_draws_the_footer(renderer, big, chart, size,
                                                               lang):
    ds, s = big
    ctx = Context(produced=CTX.produced, link=LINK, words=Wording.for_lang(lang))
    image = Image.open(io.BytesIO(render_chart(renderer, chart, "png", ds, s, ctx, size)))
    assert image.size == size.pixels
    # The same layout as SVG tells where the footer is, in CSS pixels.
    layout = boxes(render_chart(renderer, chart, "svg", ds, s, ctx, size))
    _, top, _, height = layout["footer"]
    grey = image.convert("L")
    width, rows = grey.size
    edges = [grey.crop(box) for box in ((0, 0, width, 2), (0, rows - 2, width, rows),
                                        (0, 0, 2, rows), (width - 2, 0, width, rows))]
    assert all(edge.getextrema()[0] >= 250 for edge in edges), "ink touches an edge: cut off"
    ink = _ink_rows(image)
    band = [y for y in ink if top * size.scale <= y <= (top + height) * size.scale]
    lines = len(layout["footer_lines"])
    # Each footer line is drawn: the inked rows of the band span (nearly) all its lines.
    assert band and band[-1] - band[0] >= (lines - 1) * 10 * 1.3 * size.scale
    assert ink[-1] <= (top + height) * size.scale + 2  # nothing below the footer
