"""The charts the product offers, each registered once.

A ``Chart`` record holds everything the page, the export routes, the command line and
the briefing pack need to know about one chart: its name (used in addresses and on the
command line), title, figure builder, export formats, place in the briefing pack, and how
a scenario change updates it on the page. Its component ids come from its name. Those
places all read a ``Registry``; ``create_app`` and the CLI take one (``CHARTS`` unless
told otherwise), so adding a chart is adding one record here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

import plotly.graph_objects as go

from trade_dash.charts.flows import FLOWS_TITLE, flows_figure, flows_note, flows_subtitle
from trade_dash.charts.history import HISTORY_TITLE, history_figure, history_note, history_subtitle
from trade_dash.charts.page import page_figure, page_footer, page_layout, page_trace
from trade_dash.charts.scenario import (
    PROJECTION_NOTE,
    SCENARIO_TITLE,
    scenario_figure,
    scenario_note,
    scenario_parts,
    scenario_subtitle,
)
from trade_dash.charts.style import Context
from trade_dash.domain.controls import METHOD, REPORTER
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.wording import describe
from trade_dash.wording.core import Wording

# What the renderer can draw (the download menus name them in wording/page.py).
FORMATS = ("png", "svg", "pdf")
_NAME = re.compile(r"^[a-z][a-z0-9-]{0,30}$")

Builder = Callable[[Dataset, Summary, Context], go.Figure]
# Parts of the figure a scenario change alters, by path (see ``figures.scenario_parts``).
Updater = Callable[[Dataset, Summary, Context], Mapping[tuple[str | int, ...], object]]
# The note a builder prints in its footer for a scenario (it may name the reporting side),
# in the reader's language.
Note = Callable[[Dataset, Summary, Wording], str]
# A text about the chart for a scenario, in ``w``'s language: its subtitle, its description.
Text = Callable[[Wording, Dataset, Summary], str]


def no_note(ds: Dataset, s: Summary, w: Wording) -> str:
    return ""


def no_text(w: Wording, ds: Dataset, s: Summary) -> str:
    return ""


@dataclass(frozen=True)
class Frame:
    """The texts the page prints around a chart (HTML, so they wrap at any width)."""

    subtitle: str
    description: str
    footer: str


FRAME_PARTS = tuple(f.name for f in fields(Frame))


@dataclass(frozen=True)
class Chart:
    """One chart: what it is called, how it is drawn, and where it appears."""

    name: str  # in export addresses and ``--chart``: lower case, digits and '-'
    title: str
    build: Builder
    note: Note = no_note  # the builder's footer note, which a footer-only update repeats
    formats: tuple[str, ...] = FORMATS
    briefing: int | None = None  # place in the briefing pack and deck; None: left out
    slide_note: str = ""  # printed under the chart on its slide in the deck
    # The scenario controls (their keys) whose change redraws the chart on the page: the
    # reporting side changes every chart's data, the annualisation method the estimate
    # the turnover charts draw.
    rebuild_on: frozenset[str] = frozenset({METHOD.key, REPORTER.key})
    # How any other scenario change updates the chart on the page; None: it does not
    # change (its subtitle, description and footer are HTML: see ``frame``). An update's
    # ``("layout",)`` part is the builder's layout, which ``parts`` makes the page's.
    update: Updater | None = None
    subtitle: Text = no_text  # the builder's subtitle, printed above the chart on the page
    # What the chart shows in plain words (wording/describe.py): under it on the page, in
    # the briefing and as its pictures' alt text, and from ``export --describe``.
    describe: Text = no_text

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"chart name {self.name!r}: lower-case letters, digits and '-'")
        if not self.formats or not set(self.formats) <= set(FORMATS):
            raise ValueError(f"chart {self.name!r}: formats must be among {', '.join(FORMATS)}")

    @property
    def graph_id(self) -> str:
        return f"{self.name}-graph"

    @property
    def heading_id(self) -> str:
        return f"{self.name}-heading"

    @property
    def subtitle_id(self) -> str:
        return f"{self.name}-subtitle"

    @property
    def description_id(self) -> str:
        return f"{self.name}-description"

    @property
    def footer_id(self) -> str:
        return f"{self.name}-footer"

    @property
    def format_id(self) -> str:
        return f"export-{self.name}-format"

    @property
    def link_id(self) -> str:
        return f"export-{self.name}-link"

    def title_in(self, w: Wording) -> str:
        """The title in ``w``'s language (``title`` is its English message id)."""
        return w.pgettext("chart title", self.title)

    def page_figure(self, ds: Dataset, s: Summary, ctx: Context) -> dict[str, Any]:
        """The figure the page draws: the builder's without title, subtitle and footer."""
        return page_figure(self.build(ds, s, ctx))

    def parts(self, ds: Dataset, s: Summary, ctx: Context
              ) -> Mapping[tuple[str | int, ...], object]:
        """The page figure's update for a scenario change, by path; empty: none."""
        if self.update is None:
            return {}
        parts = {path: page_trace(value) if path[0] == "data" and isinstance(value, dict)
                 else value for path, value in self.update(ds, s, ctx).items()}
        layout = parts.get(("layout",))
        if isinstance(layout, dict):
            parts[("layout",)] = page_layout(layout)
        return parts

    def frame(self, ds: Dataset, s: Summary, ctx: Context) -> Frame:
        """The texts around the chart on the page, in ``ctx.words``'s language."""
        return Frame(*(self.frame_text(part, ds, s, ctx) for part in FRAME_PARTS))

    def frame_text(self, part: str, ds: Dataset, s: Summary, ctx: Context) -> str:
        """One of those texts (``part``: a field of ``Frame``), so a page update works out
        only the ones it sends."""
        w = ctx.words
        if part == "subtitle":
            return self.subtitle(w, ds, s)
        if part == "description":
            return self.describe(w, ds, s)
        if part == "footer":
            return page_footer(ds, ctx, self.note(ds, s, w), s.scenario.reporter)
        raise ValueError(f"no text {part!r} around a chart: one of {', '.join(FRAME_PARTS)}")


@dataclass(frozen=True)
class Registry:
    """Charts in page order. Immutable: ``adding`` returns a new registry."""

    charts: tuple[Chart, ...]

    def __post_init__(self) -> None:
        names = [c.name for c in self.charts]
        if len(set(names)) != len(names):
            raise ValueError(f"chart names must be unique: {', '.join(names)}")

    def __iter__(self) -> Iterator[Chart]:
        return iter(self.charts)

    def __len__(self) -> int:
        return len(self.charts)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __getitem__(self, name: str) -> Chart:
        for chart in self.charts:
            if chart.name == name:
                return chart
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.charts)

    def in_briefing(self) -> tuple[Chart, ...]:
        """The charts of the briefing pack, in the pack's order."""
        placed = [(c.briefing, i, c) for i, c in enumerate(self.charts) if c.briefing is not None]
        return tuple(c for _, _, c in sorted(placed))

    def adding(self, chart: Chart) -> Registry:
        return Registry((*self.charts, chart))


CHARTS = Registry(
    (
        Chart(
            "scenario",
            SCENARIO_TITLE,
            scenario_figure,
            note=scenario_note,
            briefing=1,  # the pack leads with where the scenario goes, then the record
            slide_note=PROJECTION_NOTE,
            update=scenario_parts,
            subtitle=lambda w, ds, s: scenario_subtitle(s, w),
            describe=describe.scenario,
        ),
        Chart(
            "history",
            HISTORY_TITLE,
            history_figure,
            note=history_note,
            briefing=2,
            subtitle=history_subtitle,
            describe=describe.history,
        ),
        Chart(
            "flows",
            FLOWS_TITLE,
            flows_figure,
            note=flows_note,
            briefing=3,
            # Drawn from the side's export and import figures alone: no growth rate,
            # base or annualisation in it.
            rebuild_on=frozenset({REPORTER.key}),
            subtitle=flows_subtitle,
            describe=describe.flows,
        ),
    )
)
