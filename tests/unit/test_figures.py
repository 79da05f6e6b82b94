"""Figure builders: what each chart draws, and how."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.support.data import GOOD_ROWS
from trade_dash.charts.flows import FLOWS_TITLE, flows_figure
from trade_dash.charts.history import history_figure
from trade_dash.charts.scenario import SCENARIO_TRACES, scenario_figure, scenario_subtitle
from trade_dash.charts.style import Context
from trade_dash.domain.datafile import load_citations
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse

CTX = Context(produced="2026-01-02", link="http://example.test/?growth=1")


def summary_of(ds, **changes):
    return analyse(ds, replace(default_scenario(ds), **changes))


def trace(fig, name_start):
    return next(t for t in fig.data if (t.name or "").startswith(name_start))


def test_history_draws_full_years_and_breaks_at_partial_years(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    actual = trace(fig, "Cited full year")
    values = dict(zip(actual.x, actual.y, strict=True))
    assert values[2023] == 133.0 and values[2024] == 150.0
    assert values[2022] is None and values[2025] is None  # partial years: the line breaks
    assert actual.connectgaps is False
    assert "Kazakh figures (KZ)" in fig.layout.title.subtitle.text


def test_missing_years_are_left_as_gaps(bundled):
    fig = history_figure(bundled, summary_of(bundled, reporter="MN"), CTX)
    values = dict(zip(*(trace(fig, "Cited full year")[k] for k in "xy"), strict=True))
    assert values == {2019: 35.3, 2020: None, 2021: None, 2022: None, 2023: 76.7}
    texts = [a.text for a in fig.layout.annotations]
    assert sum("no figure" in t for t in texts) == 3
    assert "Mongolian figures only (MN)" in fig.layout.title.subtitle.text


def test_partial_year_is_hollow_and_linked_to_its_estimate(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    partial = trace(fig, "Partial year")
    estimate = trace(fig, "2025 estimate")
    assert list(partial.y) == [31.0, 74.0]  # January-April 2022, January-July 2025
    assert partial.marker.symbol.endswith("open")
    # The default estimate: January-July up 3.6 % on the same months of 2024 (150).
    assert list(estimate.y) == [round(150 * 1.036, 2)]
    assert estimate.marker.symbol.endswith("open")
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert any(a.y == pytest.approx(150 * 1.036) and a.ay == pytest.approx(74.0)
               for a in arrows)


def test_the_other_sides_figures_are_a_second_lighter_series(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    other = trace(fig, "Mongolian side's figures (MN)")
    drawn = {x: y for x, y in zip(other.x, other.y, strict=True) if y is not None}
    assert drawn == {2019: 35.3, 2023: 76.7}
    assert other.line.dash == "dash" and other.line.width < trace(fig, "Cited full year").line.width
    # Drawn once: the Mongolian figures are no longer among the unused citations' crosses.
    assert 35.3 not in trace(fig, "Other citation").y and 76.7 not in trace(fig, "Other citation").y
    mn = history_figure(bundled, summary_of(bundled, reporter="MN"), CTX)
    kz = trace(mn, "Kazakh side's figures (KZ)")
    assert dict(zip(kz.x, kz.y, strict=True))[2024] == 150.0
    assert list(mn.layout.xaxis.range) == [2016.4, 2024.6]  # the wider of the two series


def test_a_file_without_sides_draws_no_second_series(small):
    fig = history_figure(small, summary_of(small), CTX)
    assert [t.name for t in fig.data if t.showlegend is not False and t.name.endswith(
        "for comparison")] == []
    assert "reporting side not recorded" in fig.layout.title.subtitle.text


def test_hover_carries_full_provenance(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    actual = trace(fig, "Cited full year")
    hover = actual.hovertext[list(actual.x).index(2021)]
    # The figure as cited (61, "about 61 million"), in words, and its precision.
    assert "<b>2021: US$ 61 million (approximate)</b>" in hover
    assert "Statistics Committee of Kazakhstan (side: KZ)" in hover
    assert "timesca.com" in hover
    assert "date not given" in hover
    assert "kz-stat-2021" in hover


def test_conflicting_citations_are_drawn_and_flagged(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows.append(
        {
            **GOOD_ROWS[1],
            "citation_id": "b2",
            "value_musd": "70",
            "reporter": "Chamber",
            "reporter_kind": "business_association",
        }
    )
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    fig = history_figure(ds, summary_of(ds), CTX)
    alternates = trace(fig, "Other citation")
    assert list(alternates.y) == [70.0]
    actual = trace(fig, "Cited full year")
    hover = actual.hovertext[list(actual.x).index(2021)]
    assert "Other citations for this year" in hover and "Chamber" in hover
    assert "disagree by more than 5%" in hover


def test_citation_text_is_escaped(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["reporter"] = "<script>alert(1)</script>"
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    fig = history_figure(ds, summary_of(ds), CTX)
    blob = fig.to_json()
    assert "<script>" not in blob
    assert "&lt;script&gt;" in blob


def test_every_chart_stands_alone(bundled):
    s = summary_of(bundled)
    for fig in (history_figure(bundled, s, CTX), scenario_figure(bundled, s, CTX),
                flows_figure(bundled, s, CTX)):
        footer = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
        assert "Kazakhstan–Mongolia" in fig.layout.title.text
        assert "Statistics Committee of Kazakhstan" in footer
        assert "Full list: the dashboard's sources table" in footer
        assert "Produced 2026-01-02" in footer
        assert "http://example.test/?growth=1" in footer
        assert fig.layout.yaxis.title.text == "US$ million"


def test_scenario_chart_projection_looks_like_a_projection(bundled):
    s = summary_of(bundled, growth_pct=25.0)
    fig = scenario_figure(bundled, s, CTX)
    names = [t.name for t in fig.data]
    assert len(fig.data) == len(SCENARIO_TRACES)
    proj = trace(fig, "Scenario +25.0%/yr")
    assert proj.line.dash == "dash"
    assert proj.x[0] == 2025 and proj.y[0] == pytest.approx(150 * 1.036, abs=0.005)
    # Drawn on to the year the target is met, past the target year 2030:
    # 155.4 × 1.25^5 = 474.2, × 1.25^6 = 592.8, so 2031.
    assert proj.x[-1] == 2031
    assert proj.y[-1] >= 500
    band = trace(fig, "Band")
    assert band.fill == "tonexty"
    required = trace(fig, "Rate needed for 2030")
    assert required.line.dash == "dot"
    assert required.y[-1] == pytest.approx(500, rel=1e-6)
    assert any("Target met in 2031" in a.text for a in fig.layout.annotations)
    assert any(sh.y0 == 500 and sh.y1 == 500 for sh in fig.layout.shapes)
    assert "Cited full year" in names
    assert "scenarios, not forecasts" in " ".join(a.text for a in fig.layout.annotations)


def test_scenario_chart_says_when_target_is_not_met(bundled):
    s = summary_of(bundled, growth_pct=-2.0)
    fig = scenario_figure(bundled, s, CTX)
    assert any("not met by 2050" in a.text for a in fig.layout.annotations)
    proj = trace(fig, "Scenario -2.0%/yr")
    assert proj.x[-1] == 2030


def test_subtitle_states_the_scenario(bundled):
    s = summary_of(bundled, growth_pct=12.5, target_year=2035, base="full")
    sub = scenario_subtitle(s)
    # Amounts in CLDR's compact form: no ".0" on a whole number of millions.
    assert "base 2024 $150M" in sub
    assert "+12.5%/yr" in sub
    assert "$500M by 2035 (assumed year)" in sub
    assert sub.endswith("(assumed year); KZ figures")
    yoy = scenario_subtitle(summary_of(bundled, method="yoy"))
    assert "base 2025 estimate $155.4M (year-on-year change)" in yoy


def test_payloads_stay_small(bundled):
    # Well under the size plotly's default theme alone would add (which is kept out).
    s = summary_of(bundled)
    assert len(scenario_figure(bundled, s, CTX).to_json()) < 25_000
    assert len(history_figure(bundled, s, CTX).to_json()) < 25_000


def test_data_without_a_partial_year_projects_from_the_latest_full_year(write_csv):
    """When a full-year figure replaces the year to date, nothing on screen is left dangling."""
    from trade_dash.web.callbacks import cards
    from trade_dash.wording import english

    rows = [r for r in GOOD_ROWS if r["period"] == "full_year"]
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = summary_of(ds)
    assert s.year_to_date is None
    assert s.base.kind == "full" and s.base.year == 2021
    history = history_figure(ds, s, CTX)
    assert list(trace(history, "Partial year").y) == []
    scenario = scenario_figure(ds, s, CTX)
    assert trace(scenario, "Scenario").x[0] == 2021
    assert "none after the latest full year" in str(cards(english(), s))


@pytest.mark.parametrize(
    "change",
    [{"target_musd": 100_000.0, "target_year": 2026}, {"target_musd": 1.0, "target_year": 2026},
     {"growth_pct": -50.0, "band_pct": 20.0}, {"growth_pct": 100.0, "target_year": 2050},
     {"target_musd": 100_000.0, "target_year": 2050, "base": "full"}],
)
def test_extreme_scenarios_the_controls_allow_still_draw(bundled, change):
    s = summary_of(bundled, **change)
    fig = scenario_figure(bundled, s, CTX)
    required = trace(fig, "Rate needed")
    assert required.y[-1] == pytest.approx(s.target_musd, rel=1e-6)
    assert history_figure(bundled, s, CTX).data


def test_approximate_and_disputed_years_are_flagged_in_print(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["precision"] = "approximate"
    rows.append({**GOOD_ROWS[1], "citation_id": "b2", "value_musd": "70",
                 "reporter_kind": "other"})
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    fig = history_figure(ds, summary_of(ds), CTX)
    flags = {a.x: a.text for a in fig.layout.annotations if a.text in
             ("approx.", "sources differ", "approx.; sources differ")}
    assert flags == {2019: "approx.", 2021: "sources differ"}
    assert "annualised pro-rata" in fig.layout.title.subtitle.text


def test_bundled_2021_is_printed_as_approximate(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    # Also flagged: the ministry's 2021 figure is stated as +48.1 % on 2020, but
    # 60.9 / 29.3 − 1 = +107.8 %.
    assert [a.x for a in fig.layout.annotations
            if a.text == "approx.; stated change differs"] == [2021]


def test_stated_changes_the_figures_contradict_are_printed_on_the_history_chart(bundled):
    fig = history_figure(bundled, summary_of(bundled), CTX)
    flagged = sorted(a.x for a in fig.layout.annotations
                     if "stated change differs" in a.text.split("; "))
    # 2021: +48.1 % stated, 60.9 / 29.3 − 1 = +107.8 %; 2024: +20 % stated, 150 / 133 − 1 =
    # +12.8 %. The 2025 change (+3.6 %) has no January-July 2024 figure to check against.
    assert flagged == [2021, 2024]
    footer = fig.layout.annotations[0].text.replace("<br>", " ")
    assert ("'stated change differs': a change on the previous year that a source states "
            "differs by more than 5 pts from the change the cited figures give") in footer
    # The Mongolian side states no change: no flag, and the footer does not explain one.
    mongolian = history_figure(bundled, summary_of(bundled, reporter="MN"), CTX)
    assert not any("stated change" in a.text for a in mongolian.layout.annotations)


def test_a_series_that_mixes_sides_says_so_in_print(write_csv):
    def side(row, code, year, value):
        return {**row, "citation_id": f"{code}{year}", "reporting_country": code,
                "year": str(year), "value_musd": str(value), "published": f"{year + 1}-03-01"}

    rows = [side(GOOD_ROWS[0], "KZ", 2019, 40), side(GOOD_ROWS[0], "MN", 2020, 25),
            side(GOOD_ROWS[1], "KZ", 2021, 60)]
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = summary_of(ds)
    note = ("Mixed reporting sides: KZ figures except 2020 from MN. Growth rates offered as "
            "presets or as the default never compare years from different sides.")
    for fig in (history_figure(ds, s, CTX), scenario_figure(ds, s, CTX)):
        footer = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
        assert note in footer
    history = history_figure(ds, s, CTX)
    assert {a.x: a.text for a in history.layout.annotations if a.text.startswith("from ")} == {
        2020: "from MN"}
    assert "Kazakh figures (KZ), other side where none" in history.layout.title.subtitle.text
    assert scenario_subtitle(s).endswith("; KZ figures, mixed sides")


# --- the two directions of trade ----------------------------------------------------


def test_flows_chart_draws_exports_each_way_and_the_balance(bundled):
    fig = flows_figure(bundled, summary_of(bundled), CTX)
    assert fig.layout.title.text == f"<b>{FLOWS_TITLE}</b>"
    kz = trace(fig, "Kazakh exports to Mongolia")
    mn = trace(fig, "Mongolian exports to Kazakhstan")
    assert dict(zip(kz.x, kz.y, strict=True)) == {2019: 58.2, 2022: 30.4, 2023: 124.3}
    assert dict(zip(mn.x, mn.y, strict=True)) == {2019: 1.74, 2022: 0.466, 2023: 8.7}
    # January-April 2022 is hatched; whole years are not.
    assert list(kz.marker.pattern.shape) == ["", "/", ""]
    balance = trace(fig, "Balance (Kazakh")
    by_year = dict(zip(balance.x, balance.y, strict=True))
    # 58.2 - 1.74 and 124.3 - 8.7; none drawn for missing or partial years on the line.
    assert by_year == {2019: 56.46, 2020: None, 2021: None, 2022: None, 2023: 115.6}
    partial = trace(fig, "Balance, partial year")
    assert list(partial.x) == [2022] and list(partial.y) == [29.934]
    assert partial.marker.symbol == "diamond-open"
    texts = {a.x: a.text for a in fig.layout.annotations if a.x in (2019, 2022)}
    # CLDR's English month range: thin spaces around the dash.
    assert texts == {2019: "Mongolian exports approx.", 2022: "Jan\u2009–\u2009Apr 2022"}
    assert sum("no figure" in a.text for a in fig.layout.annotations) == 2  # 2020, 2021
    hover = kz.hovertext[2]
    assert "Ministry of Industry and Construction of Kazakhstan" in hover
    assert "kz-mic-2023-exp" in hover and "Trend.az" in hover


def test_flows_chart_without_figures_for_the_side_says_so(bundled):
    fig = flows_figure(bundled, summary_of(bundled, reporter="MN"), CTX)
    assert len(fig.data) == 0
    # On short lines, to fit a phone-width chart.
    assert any("No export or import figures are cited for this reporting side"
               in a.text.replace("<br>", " ") for a in fig.layout.annotations)
    footer = " ".join(a.text for a in fig.layout.annotations)
    assert "Produced 2026-01-02" in footer and "http://example.test/?growth=1" in footer
