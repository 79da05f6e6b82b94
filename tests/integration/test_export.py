"""Static exports as users get them: files from the routes, the CLI and the renderer.

Files are checked as files: PNG header and pixel size, SVG parsed as XML, PDF
opened with pypdf. Tests that render need Chromium; without it they are skipped
with the reason shown, unless TRADE_DASH_REQUIRE_BROWSER=1, where a missing
browser is a failure. One renderer (one browser, from conftest.py) serves the
whole session. The briefing pack is tested in test_briefing_export.py.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import signal
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from tests.support.app import MISSING_BROWSER, client_of
from tests.support.officefiles import png_size
from tests.support.procs import group_gone, live_group_members
from tests.support.worded import raises_worded, worded
from trade_dash.charts.flows import FLOWS_TITLE
from trade_dash.charts.history import HISTORY_TITLE
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import PROJECTION_NOTE, SCENARIO_TITLE
from trade_dash.charts.style import Context
from trade_dash.cli import main
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.exports.images import ExportError, ExportTimeout, Renderer
from trade_dash.exports.packs import render_chart
from trade_dash.web import export_routes

CTX = Context(produced="2026-11-22", link="http://x.test/?growth=25")
SCENARIO, HISTORY = CHARTS["scenario"], CHARTS["history"]


# --- reading the files ----------------------------------------------------------


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def summary_for(ds, query: str):
    scenario, notices = scenario_from_query(ds, query)
    assert not notices
    return analyse(ds, scenario)


# --- charts through the routes ------------------------------------------------------


@pytest.mark.export
def test_png_chart_is_a_sharp_16_by_9_image(export_client):
    resp = export_client.get("/export/chart/scenario.png?growth=25&target_year=2030")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.mimetype == "image/png"
    assert png_size(resp.data) == (3200, 1800)
    disposition = resp.headers["Content-Disposition"]
    assert re.fullmatch(
        r'attachment; filename="trade-dash-scenario-\d{4}-\d\d-\d\d\.png"', disposition
    )


@pytest.mark.export
def test_svg_chart_is_self_contained(export_client, bundled):
    resp = export_client.get("/export/chart/scenario.svg?growth=25&target_year=2030")
    assert resp.status_code == 200 and resp.mimetype == "image/svg+xml"
    text = svg_text(resp.data)
    s = summary_for(bundled, "growth=25&target_year=2030")
    assert SCENARIO_TITLE in text
    assert "growth +25.0%/yr" in text and "by 2030" in text
    assert "Sources:" in text and "Statistics Committee of Kazakhstan" in text
    assert PROJECTION_NOTE in text
    assert "Produced " in text and "Reopen this scenario:" in text
    assert f"{s.required_growth_pct:+.1f}%/yr" in text
    root = ET.fromstring(resp.data)
    assert (root.get("width"), root.get("height")) == ("1123", "794")  # A4 landscape


@pytest.mark.export
def test_a_chart_of_one_side_names_the_side_and_draws_the_other(export_client):
    resp = export_client.get("/export/chart/history.svg?reporter=MN")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    text = svg_text(resp.data)
    assert "Mongolian figures only (MN)" in text
    assert "Kazakh side's figures (KZ), for comparison" in text
    assert "reporter=MN" in text  # the reopen link keeps the side


@pytest.mark.export
def test_pdf_chart_is_one_a4_page_with_selectable_text(export_client):
    resp = export_client.get("/export/chart/history.pdf")
    assert resp.status_code == 200 and resp.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(resp.data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(842, abs=2) and float(box.height) == pytest.approx(
        595, abs=2
    )
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text())  # Chromium uses "ﬁ"
    assert HISTORY_TITLE in text and "Sources:" in text


@pytest.mark.export
def test_concurrent_exports_each_get_their_own_scenario(app, renderer):
    client_of(app, renderer)  # the app's export routes draw with the session's browser
    rates = (5, 12.5, 21, 33.3)
    results: dict[float, tuple[int, bytes]] = {}
    start = threading.Barrier(len(rates))

    def fetch(rate: float) -> None:
        client = client_of(app)
        start.wait()
        resp = client.get(f"/export/chart/scenario.svg?growth={rate}")
        results[rate] = (resp.status_code, resp.data)

    threads = [threading.Thread(target=fetch, args=(r,)) for r in rates]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert sorted(results) == sorted(rates)
    for rate, (status, data) in results.items():
        assert status == 200
        text = svg_text(data)
        assert f"growth {rate:+.1f}%/yr" in text
        assert [r for r in rates if f"growth {r:+.1f}%/yr" in text] == [rate]


# --- bad requests (no browser needed) -----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("growth=abc", "'growth=abc' is not a number"),
        ("growth=1000", "'growth=1000' is outside"),
        ("base=weekly", "'base=weekly' is not one of"),
        ("target_year=1999", "'target_year=1999' is outside"),
        ("reporter=RU", "'reporter=RU' is not one of any, KZ, MN"),
        ("lang=fr", "'lang=fr' is not one of en, ru, kk, mn"),
        ("lang=", "'lang=' is not one of"),
        ("lang=kk&lang=mn", "'lang' was given 2 times"),
    ],
)
def test_bad_scenario_parameters_are_400_in_plain_text(no_browser_app, query, message):
    resp = client_of(no_browser_app).get(f"/export/chart/scenario.png?{query}")
    assert resp.status_code == 400
    assert resp.mimetype == "text/plain"
    assert message in resp.get_data(as_text=True)


def test_a_refused_export_answers_in_the_language_of_its_address(no_browser_app):
    """The 400 lists every problem in Russian; a 404 too; a wrong lang itself gets English."""
    client = client_of(no_browser_app)
    resp = client.get("/export/briefing.pdf?growth=abc&paper=legal&lang=ru")
    assert resp.status_code == 400 and resp.mimetype == "text/plain"
    assert resp.get_data(as_text=True).splitlines() == [
        "Адрес недействителен:",
        "- «growth=abc» — не число; использовано значение по умолчанию.",
        "- «paper=legal» не входит в a4, letter.",
    ]
    missing = client.get("/export/chart/scenario.gif?lang=ru")
    assert missing.status_code == 404
    assert missing.get_data(as_text=True).strip() == (
        "Такого экспорта нет: график scenario доступен в форматах png, svg, pdf.")
    unavailable = client.get("/export/chart/scenario.png?lang=ru")  # this app has no browser
    assert unavailable.status_code == 503
    assert unavailable.get_data(as_text=True).startswith("Для статического экспорта нужен Chromium")
    for query in ("lang=fr&growth=abc", "lang=ru&lang=kk"):
        wrong = client.get(f"/export/chart/scenario.png?{query}")
        assert wrong.get_data(as_text=True).splitlines()[0] == "The address is not valid:"


@pytest.mark.parametrize(
    "path",
    [
        "/export/chart/pie.png",
        "/export/chart/scenario.gif",
        "/export/chart/scenario.pptx",
        "/export/briefing.doc",
        "/export/briefing.png",
    ],
)
def test_unknown_chart_or_format_is_404(no_browser_app, path):
    resp = client_of(no_browser_app).get(path)
    assert resp.status_code == 404
    assert resp.mimetype == "text/plain"
    assert "Traceback" not in resp.get_data(as_text=True)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (ExportTimeout("render_timeout", format="PNG", seconds=30.0), 504),
        (ExportError("render_failed", format="PNG", reason="JavascriptError: x"), 500),
    ],
)
def test_render_failures_are_plain_messages(no_browser_app, monkeypatch, error, status):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(export_routes, "render_chart", fail)
    resp = client_of(no_browser_app).get("/export/chart/scenario.png")
    assert resp.status_code == status
    assert resp.mimetype == "text/plain"
    assert resp.get_data(as_text=True) == f"{worded(error)}\n"


# --- no Chromium -------------------------------------------------------------------------


def test_without_chromium_the_route_says_what_to_install(no_browser_app):
    client = client_of(no_browser_app)
    for path in ("/export/chart/scenario.png", "/export/briefing.pdf?growth=25"):
        resp = client.get(path)
        assert resp.status_code == 503
        assert resp.mimetype == "text/plain"
        body = resp.get_data(as_text=True)
        assert body.startswith("Static export needs Chromium")
        assert "apt-get install chromium" in body and "TRADE_DASH_BROWSER" in body
    # The dashboard itself does not need the browser.
    assert client.get("/").status_code == 200


def test_without_chromium_the_cli_exits_1_with_the_message(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("TRADE_DASH_BROWSER", MISSING_BROWSER)
    out = tmp_path / "chart.png"
    code = main(["export", "--chart", "scenario", "--format", "png", "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert "Static export needs Chromium" in err and "apt-get install chromium" in err
    assert "Traceback" not in err
    assert not out.exists()


# --- the command line --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--chart", "scenario", "--format", "pptx"], "not available for a chart"),
        (["--briefing", "--format", "svg"], "not available for a briefing"),
        (["--chart", "scenario", "--format", "png", "--target-year", "2024"], "target year must"),
        (["--chart", "scenario", "--format", "png", "--growth", "nan"], "growth must be a number"),
    ],
)
def test_cli_export_bad_input_exits_2(capsys, tmp_path, args, message):
    code = main(["export", *args, "--out", str(tmp_path / "x")])
    _, err = capsys.readouterr()
    assert code == 2 and message in err
    assert not (tmp_path / "x").exists()


def test_cli_export_needs_an_existing_folder(capsys, tmp_path):
    out = tmp_path / "missing" / "x.png"
    code = main(["export", "--chart", "history", "--format", "png", "--out", str(out)])
    assert code == 2 and "does not exist" in capsys.readouterr().err


def cli_export_svg(capsys, out: Path, *args: str) -> tuple[int, str, str]:
    code = main(["export", "--chart", "scenario", "--format", "svg", "--out", str(out), *args])
    stdout, err = capsys.readouterr()
    return code, stdout, err


@pytest.mark.export
def test_cli_export_writes_the_file_and_leaves_no_browser(
    capsys, monkeypatch, tmp_path, chromium, browsers_started
):
    monkeypatch.setenv("TRADE_DASH_BROWSER", chromium)
    out = tmp_path / "chart.svg"
    code, stdout, err = cli_export_svg(capsys, out, "--growth", "30")
    assert code == 0, err
    assert "wrote" in stdout
    assert "growth +30.0%/yr" in svg_text(out.read_bytes())
    assert len(browsers_started) == 1
    assert group_gone(browsers_started[0])


@pytest.mark.export
def test_cli_exports_the_trade_by_direction_chart_of_a_side(capsys, monkeypatch, tmp_path,
                                                             chromium):
    monkeypatch.setenv("TRADE_DASH_BROWSER", chromium)

    def export_flows(reporter: str) -> str:
        out = tmp_path / f"flows-{reporter}.svg"
        code = main(["export", "--chart", "flows", "--format", "svg", "--out", str(out),
                     "--reporter", reporter])
        assert code == 0, capsys.readouterr().err
        return svg_text(out.read_bytes())

    kz = export_flows("KZ")
    assert FLOWS_TITLE in kz and "Kazakh figures only (KZ)" in kz
    for series in ("Kazakh exports to Mongolia", "Mongolian exports to Kazakhstan",
                   "Balance (Kazakh exports − Mongolian exports)"):
        assert series in kz  # the legend
    assert "Jan\u2009–\u2009Apr 2022" in kz  # the partial year, labelled as CLDR writes it
    assert "Dotted bars: Mongolian exports." in kz and "reporter=KZ" in kz  # footer, link
    # The Mongolian side's sources give no export figures: the chart says so.
    mn = export_flows("MN")
    assert "No export or import figures are cited for this reporting side." in mn
    assert "Kazakh exports to Mongolia" not in mn and "reporter=MN" in mn


def script(path: Path, body: str) -> str:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.mark.export
@pytest.mark.parametrize(
    ("browser", "timeout", "message"),
    [
        # An executable that is not a browser at all.
        (lambda tmp, chromium: script(tmp / "not-chromium", "exit 0"), "30",
         "Static export needs a working Chromium"),
        # Chromium whose JavaScript engine has almost no stack: it starts and opens its page,
        # but the code that draws the chart cannot run, so the render itself fails.
        (lambda tmp, chromium: script(
            tmp / "chromium-tiny-stack",
            f'exec {shlex.quote(chromium)} --js-flags=--stack-size=16 "$@"'),
         "30", "Rendering the SVG failed"),
        # A render budget no chart can meet.
        (lambda tmp, chromium: chromium, "0.1", "Rendering the SVG took longer than 0.1 s"),
    ],
    ids=["not-a-browser", "render-fails", "render-times-out"],
)
def test_cli_export_exits_1_with_a_message_when_the_export_cannot_be_made(
    capsys, monkeypatch, tmp_path, chromium, browsers_started, browser, timeout, message
):
    monkeypatch.setenv("TRADE_DASH_BROWSER", browser(tmp_path, chromium))
    monkeypatch.setenv("TRADE_DASH_RENDER_TIMEOUT", timeout)
    out = tmp_path / "chart.svg"
    code, stdout, err = cli_export_svg(capsys, out)
    assert code == 1
    assert err.startswith(f"trade-dash: {message}"), err
    assert "Traceback" not in err and stdout == ""
    assert not out.exists()
    assert all(group_gone(pid) for pid in browsers_started)


@pytest.mark.export
def test_cli_export_exits_1_when_the_file_cannot_be_written(
    capsys, monkeypatch, tmp_path, chromium, browsers_started
):
    monkeypatch.setenv("TRADE_DASH_BROWSER", chromium)
    taken = tmp_path / "chart.svg"
    taken.mkdir()  # a folder already has the name
    code, stdout, err = cli_export_svg(capsys, taken)
    assert code == 1
    assert err.startswith(f"trade-dash: could not write {taken}: Is a directory"), err
    assert "Traceback" not in err and "wrote" not in stdout
    assert len(browsers_started) == 1 and group_gone(browsers_started[0])


# --- the renderer -----------------------------------------------------------------------


def test_creating_the_app_starts_no_browser(no_browser_app):
    renderer = export_routes.renderer_of(no_browser_app.server)
    assert isinstance(renderer, Renderer)
    assert not renderer.running and renderer.browser_pid is None


@pytest.mark.export
def test_a_warm_export_reuses_the_running_browser(renderer, bundled):
    s = analyse(bundled, default_scenario(bundled))
    render_chart(renderer, SCENARIO, "svg", bundled, s, CTX)  # warm
    time.sleep(0.5)  # an idle browser, as between two clicks
    pid = renderer.browser_pid
    svg = render_chart(renderer, HISTORY, "svg", bundled, s, CTX)
    assert svg.lstrip().startswith(b"<svg")
    assert renderer.browser_pid == pid  # the warm browser served it; timings are in the benchmark


@pytest.mark.export
def test_a_timeout_is_reported_and_the_renderer_recovers(renderer, bundled):
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=7))
    render_chart(renderer, SCENARIO, "svg", bundled, s, CTX)  # running
    old_pid = renderer.browser_pid
    renderer.timeout = 0.001
    try:
        with raises_worded(ExportTimeout, "took longer than"):
            render_chart(renderer, SCENARIO, "png", bundled, s, CTX)
    finally:
        renderer.timeout = 60
    assert group_gone(old_pid)  # the stuck browser was closed
    data = render_chart(renderer, SCENARIO, "svg", bundled, s, CTX)
    assert "growth +7.0%/yr" in svg_text(data)


@pytest.mark.export
def test_a_crashed_browser_is_replaced(renderer, bundled):
    s = analyse(bundled, default_scenario(bundled))
    render_chart(renderer, HISTORY, "svg", bundled, s, CTX)
    pid = renderer.browser_pid
    os.killpg(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while renderer.running and time.monotonic() < deadline:
        time.sleep(0.05)
    data = render_chart(renderer, HISTORY, "png", bundled, s, CTX)
    assert png_size(data) == (3200, 1800)
    assert renderer.browser_pid not in (None, pid)


@pytest.mark.export
def test_close_leaves_no_chromium_and_a_later_render_restarts(chromium, bundled):
    s = analyse(bundled, default_scenario(bundled))
    with Renderer(chromium, timeout=60) as r:
        render_chart(r, HISTORY, "svg", bundled, s, CTX)
        pid = r.browser_pid
        assert live_group_members(pid)
    assert not r.running and group_gone(pid)
    r.close()  # closing twice is harmless


@pytest.mark.export
def test_a_tab_asked_to_draw_before_its_script_ran_is_retried_in_a_fresh_browser(
        renderer, bundled, monkeypatch):
    """Kaleido can ask its tab to draw before the tab's page script has run (seen on a
    heavily loaded machine); the export then comes from a new browser, not an error."""
    s = analyse(bundled, default_scenario(bundled))
    render_chart(renderer, HISTORY, "svg", bundled, s, CTX)
    pid = renderer.browser_pid
    kaleido = renderer._browser.kaleido

    async def not_ready(*_args, **_kwargs):
        raise RuntimeError("ReferenceError: kaleido_scopes is not defined")

    monkeypatch.setattr(kaleido, "calc_fig", not_ready)  # this browser's tab only
    data = render_chart(renderer, HISTORY, "png", bundled, s, CTX)
    assert png_size(data) == (3200, 1800)
    assert renderer.browser_pid not in (None, pid)
    assert group_gone(pid)
