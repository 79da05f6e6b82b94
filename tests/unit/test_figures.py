"""Figure builders: what each chart draws, and how."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import GOOD_ROWS
from trade_dash import figures
from trade_dash.data import load_citations
from trade_dash.scenario import Dataset, analyse, default_scenario

CTX = figures.Context(produced="2026-01-02", link="http://example.test/?growth=1")


def summary_of(ds, **changes):
    return analyse(ds, replace(default_scenario(ds), **changes))


def trace(fig, name_start):
    return next(t for t in fig.data if (t.name or "").startswith(name_start))


def test_history_draws_full_years_and_leaves_missing_years_as_gaps(bundled):
    fig = figures.history_figure(bundled, summary_of(bundled), CTX)
    actual = trace(fig, "Cited full year")
    values = dict(zip(actual.x, actual.y, strict=True))
    assert values[2023] == 76.7
    assert values[2018] is None and values[2022] is None  # the line breaks there
    assert actual.connectgaps is False
    texts = [a.text for a in fig.layout.annotations]
    assert sum("no figure" in t for t in texts) == 2


def test_partial_year_is_hollow_and_linked_to_its_estimate(bundled):
    fig = figures.history_figure(bundled, summary_of(bundled), CTX)
    partial = trace(fig, "Partial year")
    estimate = trace(fig, "2024 estimate")
    assert list(partial.y) == [83.9]
    assert partial.marker.symbol.endswith("open")
    assert list(estimate.y) == [125.85]
    assert estimate.marker.symbol.endswith("open")
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert any(a.y == pytest.approx(125.85) and a.ay == pytest.approx(83.9) for a in arrows)


def test_hover_carries_full_provenance(bundled):
    fig = figures.history_figure(bundled, summary_of(bundled), CTX)
    actual = trace(fig, "Cited full year")
    hover = actual.hovertext[list(actual.x).index(2021)]
    assert "$61.0M" in hover and "approximate" in hover
    assert "Statistics Committee of Kazakhstan" in hover
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
    fig = figures.history_figure(ds, summary_of(ds), CTX)
    alternates = trace(fig, "Other citation")
    assert list(alternates.y) == [70.0]
    actual = trace(fig, "Cited full year")
    hover = actual.hovertext[list(actual.x).index(2021)]
    assert "Other citations for this year" in hover and "Chamber" in hover
    assert "disagree by more than 5 %" in hover


def test_citation_text_is_escaped(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["reporter"] = "<script>alert(1)</script>"
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    fig = figures.history_figure(ds, summary_of(ds), CTX)
    blob = fig.to_json()
    assert "<script>" not in blob
    assert "&lt;script&gt;" in blob


def test_every_chart_stands_alone(bundled):
    s = summary_of(bundled)
    for fig in (figures.history_figure(bundled, s, CTX), figures.scenario_figure(bundled, s, CTX)):
        footer = " ".join(a.text for a in fig.layout.annotations).replace("<br>", " ")
        assert "Kazakhstan–Mongolia" in fig.layout.title.text
        assert "Statistics Committee of Kazakhstan" in footer
        assert "Full list: the dashboard's sources table" in footer
        assert "Produced 2026-01-02" in footer
        assert "http://example.test/?growth=1" in footer
        assert fig.layout.yaxis.title.text == "US$ million"


def test_scenario_chart_projection_looks_like_a_projection(bundled):
    s = summary_of(bundled, growth_pct=25.0)
    fig = figures.scenario_figure(bundled, s, CTX)
    names = [t.name for t in fig.data]
    assert len(fig.data) == len(figures.SCENARIO_TRACES)
    proj = trace(fig, "Scenario +25.0%/yr")
    assert proj.line.dash == "dash"
    assert proj.x[0] == 2024 and proj.y[0] == pytest.approx(125.85)
    # Drawn on to the year the target is met (2031), past the target year 2030.
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
    fig = figures.scenario_figure(bundled, s, CTX)
    assert any("not met by 2050" in a.text for a in fig.layout.annotations)
    proj = trace(fig, "Scenario -2.0%/yr")
    assert proj.x[-1] == 2030


def test_subtitle_states_the_scenario(bundled):
    s = summary_of(bundled, growth_pct=12.5, target_year=2035, base="full")
    sub = figures.scenario_subtitle(s)
    assert "base 2023 $76.7M" in sub
    assert "+12.5%/yr" in sub
    assert "$500.0M by 2035 (assumed year)" in sub


def test_payloads_stay_small(bundled):
    s = summary_of(bundled)
    assert len(figures.scenario_figure(bundled, s, CTX).to_json()) < 15_000
    assert len(figures.history_figure(bundled, s, CTX).to_json()) < 15_000


def test_data_without_a_partial_year_projects_from_the_latest_full_year(write_csv):
    """When a full-year figure replaces the year to date, nothing on screen is left dangling."""
    from trade_dash.callbacks import cards

    rows = [r for r in GOOD_ROWS if r["period"] == "full_year"]
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = summary_of(ds)
    assert s.year_to_date is None
    assert s.base["kind"] == "full" and s.base["year"] == 2021
    history = figures.history_figure(ds, s, CTX)
    assert list(trace(history, "Partial year").y) == []
    scenario = figures.scenario_figure(ds, s, CTX)
    assert trace(scenario, "Scenario").x[0] == 2021
    assert "none after the latest full year" in str(cards(s))


@pytest.mark.parametrize(
    "change",
    [{"target_musd": 100_000.0, "target_year": 2025}, {"target_musd": 1.0, "target_year": 2025},
     {"growth_pct": -50.0, "band_pct": 20.0}, {"growth_pct": 100.0, "target_year": 2050},
     {"target_musd": 100_000.0, "target_year": 2050, "base": "full"}],
)
def test_extreme_scenarios_the_controls_allow_still_draw(bundled, change):
    s = summary_of(bundled, **change)
    fig = figures.scenario_figure(bundled, s, CTX)
    required = trace(fig, "Rate needed")
    assert required.y[-1] == pytest.approx(s.target_musd, rel=1e-6)
    assert figures.history_figure(bundled, s, CTX).data


def test_approximate_and_disputed_years_are_flagged_in_print(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["precision"] = "approximate"
    rows.append({**GOOD_ROWS[1], "citation_id": "b2", "value_musd": "70",
                 "reporter_kind": "other"})
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    fig = figures.history_figure(ds, summary_of(ds), CTX)
    flags = {a.x: a.text for a in fig.layout.annotations if a.text in
             ("approx.", "sources differ", "approx.; sources differ")}
    assert flags == {2019: "approx.", 2021: "sources differ"}
    assert "annualised pro-rata" in fig.layout.title.subtitle.text


def test_bundled_2021_is_printed_as_approximate(bundled):
    fig = figures.history_figure(bundled, summary_of(bundled), CTX)
    assert [a.x for a in fig.layout.annotations if a.text == "approx."] == [2021]
