"""The chart registry: one record per chart, read by every place that offers charts."""

from __future__ import annotations

import html

import pytest

from trade_dash.charts.frame import footer_parts
from trade_dash.charts.history import history_figure
from trade_dash.charts.registry import CHARTS, Chart, Registry
from trade_dash.charts.scenario import scenario_figure
from trade_dash.charts.style import Context
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.web import ids

CTX = Context(produced="2026-11-23", link="http://x.test/?growth=1&band=5")


def test_the_registered_charts_their_order_and_ids():
    assert CHARTS.names == ("scenario", "history", "flows")  # page order: the scenario leads
    assert [c.name for c in CHARTS.in_briefing()] == ["scenario", "history", "flows"]
    history = CHARTS["history"]
    assert (history.graph_id, history.format_id, history.link_id) == (
        "history-graph", "export-history-format", "export-history-link")
    assert history.formats == ("png", "svg", "pdf")
    assert "history" in CHARTS and "pie" not in CHARTS
    with pytest.raises(KeyError):
        CHARTS["pie"]


def test_adding_a_chart_makes_a_new_registry_and_leaves_the_default_alone():
    extra = Chart("extra", "Extra", history_figure, briefing=0)
    bigger = CHARTS.adding(extra)
    assert bigger.names == ("scenario", "history", "flows", "extra")
    assert [c.name for c in bigger.in_briefing()] == ["extra", "scenario", "history", "flows"]
    assert CHARTS.names == ("scenario", "history", "flows")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Chart("Bad Name", "t", history_figure), "lower-case"),
        (lambda: Chart("gif", "t", history_figure, formats=("gif",)), "formats"),
        (lambda: Chart("none", "t", history_figure, formats=()), "formats"),
        (lambda: CHARTS.adding(Chart("history", "again", history_figure)), "unique"),
    ],
)
def test_a_bad_registration_is_refused_at_once(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize("reporter", ["any", "KZ", "MN"])
def test_title_and_note_match_what_each_builder_draws(bundled, reporter):
    """The record's title and note are the builder's own, on every reporting side (the
    note names the other side's dashed line): a footer-only page update (a chart without
    ``update``) must write the footer the builder wrote."""
    s = analyse(bundled, scenario_from_query(bundled, f"reporter={reporter}")[0])
    for chart in CHARTS:
        fig = chart.build(bundled, s, CTX)
        assert chart.title in fig.layout.title.text
        footer = footer_parts(bundled, CTX, chart.note(bundled, s, CTX.words), s.scenario.reporter)
        assert fig.layout.annotations[0].text == footer[("layout", "annotations", 0, "text")]
        assert fig.layout.margin.b == footer[("layout", "margin", "b")]


def test_a_chart_without_update_is_left_alone_on_a_scenario_change(bundled):
    """On the page the footer (date, sources) is HTML around the chart: a chart the
    scenario does not draw gets no update at all."""
    s = analyse(bundled, default_scenario(bundled))
    assert CHARTS["history"].parts(bundled, s, CTX) == {}
    scenario = CHARTS["scenario"].parts(bundled, s, CTX)
    assert ("layout",) in scenario and ("data", 2) in scenario and ("data", 0) not in scenario
    # The layout it sends is the page's: no title, no footer.
    layout = scenario[("layout",)]
    assert "title" not in layout
    assert not any("Reopen this scenario" in a["text"] for a in layout["annotations"])


@pytest.mark.parametrize("reporter", ["any", "KZ", "MN"])
def test_the_page_figure_is_the_export_without_title_subtitle_or_footer(bundled, reporter):
    """Same traces in the same order (scenario updates patch them by index), the in-plot
    labels kept, the title and footer left to the HTML around the chart, the legend below
    the plot."""
    s = analyse(bundled, scenario_from_query(bundled, f"reporter={reporter}")[0])
    for chart in CHARTS:
        full = chart.build(bundled, s, CTX).to_plotly_json()
        shown = chart.page_figure(bundled, s, CTX)
        # Long legend names are put on lines of at most 30 characters, as a legend entry
        # does not wrap by itself.
        names = [t.get("name", "") for t in shown["data"]]
        assert all(len(line) <= 30 or " " not in line
                   for n in names for line in n.split("<br>"))
        assert [{**t, "name": t.get("name", "").replace("<br>", " ")} for t in shown["data"]] \
            == [{**t, "name": t.get("name", "")} for t in full["data"]]
        assert "title" not in shown["layout"]
        assert shown["layout"]["annotations"] == full["layout"]["annotations"][1:]
        assert "Produced 2026-11-23" in full["layout"]["annotations"][0]["text"]
        assert not any("Produced" in a["text"] for a in shown["layout"]["annotations"])
        legend = shown["layout"]["legend"]
        assert legend["orientation"] == "h" and legend["y"] < 0 and legend["yanchor"] == "top"
        frame = chart.frame(bundled, s, CTX)
        # The subtitle above the chart is the export's, without its line breaks.
        assert frame.subtitle == html.unescape(
            full["layout"]["title"]["subtitle"]["text"].replace("<br>", " "))
        assert frame.footer.endswith("Produced 2026-11-23 with trade-dash.")
        assert chart.note(bundled, s, CTX.words) in frame.footer


def test_registry_iterates_in_page_order():
    a = Chart("a", "A", history_figure)
    b = Chart("b", "B", scenario_figure, briefing=1)
    registry = Registry((b, a))
    assert list(registry) == [b, a] and len(registry) == 2
    assert registry.in_briefing() == (b,)


def test_the_trade_by_direction_chart_does_not_follow_growth_base_or_method(bundled):
    """Why only a change of side redraws it on the page: for one side, every scenario
    draws the same chart (the footer's link aside, which comes from the context)."""
    flows = CHARTS["flows"]
    assert flows.rebuild_on == {ids.REPORTER} and flows.update is None
    drawn = [
        flows.build(bundled, analyse(bundled, scenario_from_query(bundled, q)[0]), CTX)
        for q in ("growth=5&base=full", "growth=40&method=yoy&target_year=2040")
    ]
    assert drawn[0].to_plotly_json() == drawn[1].to_plotly_json()
    mn = analyse(bundled, scenario_from_query(bundled, "reporter=MN")[0])
    assert flows.build(bundled, mn, CTX).to_plotly_json() != drawn[0].to_plotly_json()


@pytest.mark.parametrize("query", ["", "target_year=2050", "reporter=MN"])
def test_the_page_labels_few_enough_years_to_fit_a_phone(bundled, query):
    """Exports label up to about 16 years; the page at most six side by side (every 1, 2,
    5 or 10 years), each year still ticked."""
    s = analyse(bundled, scenario_from_query(bundled, query)[0])
    for chart in CHARTS:
        axis = chart.page_figure(bundled, s, CTX)["layout"]["xaxis"]
        low, high = axis["range"]
        labels = [y for y in range(int(low) - 10, int(high) + 10)
                  if low <= y <= high and (y - axis["tick0"]) % axis["dtick"] == 0]
        assert 2 <= len(labels) <= 6, (chart.name, labels)
        assert axis["dtick"] == 1 or axis["minor"]["dtick"] == 1


def test_the_target_year_label_runs_inwards_at_the_axis_end(bundled):
    # At 100 % a year the target is met in 2027: the axis (from 2017) ends at the target
    # year, 2030, so its label runs left from there. At the default 20.2 % it is met in
    # 2033, and 2026 is 9/16 along the axis.
    for query, anchor in (("growth=100", "right"), ("target_year=2026", "center")):
        s = analyse(bundled, scenario_from_query(bundled, query)[0])
        layout = CHARTS["scenario"].page_figure(bundled, s, CTX)["layout"]
        label = next(a for a in layout["annotations"] if "(assumed)" in a["text"])
        assert label["xanchor"] == anchor, query


@pytest.mark.parametrize(("reporter", "named", "not_named"), [
    ("MN", "Mongolian Chamber of Commerce", "Statistics Committee of Kazakhstan"),
    ("KZ", "Statistics Committee of Kazakhstan", "Mongolian Chamber of Commerce"),
])
def test_a_one_side_chart_names_the_bodies_behind_that_sides_series(bundled, reporter, named,
                                                                      not_named):
    """The footer's 'mainly from' names the bodies of the series drawn, not the any-side one."""
    from trade_dash.charts.frame import source_line
    from trade_dash.domain.query import scenario_from_query
    from trade_dash.domain.summary import analyse

    s = analyse(bundled, scenario_from_query(bundled, f"reporter={reporter}")[0])
    for chart in CHARTS:
        fig = chart.build(bundled, s, CTX)
        footer = fig.layout.annotations[0].text
        assert named in footer and not_named not in footer, (chart.name, footer)
        assert named in chart.frame(bundled, s, CTX).footer
    if reporter == "MN":  # the any-side series is mostly Kazakh figures here
        assert source_line(bundled, CTX.words, "MN") != source_line(bundled, CTX.words, "any")
