"""The app factory."""

from __future__ import annotations

import dash
from dash import html

from trade_dash.cli import format_summary, load_dataset
from trade_dash.config import Config
from trade_dash.scenario import analyse, default_scenario


def create_app(config: Config) -> dash.Dash:
    ds = load_dataset(config.data_path)
    summary = analyse(ds, default_scenario(ds))
    app = dash.Dash(__name__, title="trade-dash")
    app.layout = html.Main(
        [html.H1("Kazakhstan–Mongolia trade"), html.Pre(format_summary(summary, ds.source))]
    )
    return app
