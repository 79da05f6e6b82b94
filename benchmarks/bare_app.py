"""The floor for the benchmarks: a bare Dash app with one slider and one graph.

It is served and compressed like trade-dash (same gunicorn settings, versioned
scripts compressed once), so a comparison measures the pages and callbacks only.
"""

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html
from flask_compress import Compress

from trade_dash.web.security import AssetCache

app = dash.Dash(__name__, serve_locally=True)
app.layout = html.Div([
    dcc.Slider(id="growth", min=-50, max=100, step=0.1, value=21.4),
    dcc.Graph(id="graph", style={"height": "520px"}),
])


@app.callback(Output("graph", "figure"), Input("growth", "value"))
def draw(growth):
    rate = (growth or 0) / 100
    years = list(range(2024, 2051))
    values = [125.85 * (1 + rate) ** (y - 2024) for y in years]
    fig = go.Figure(go.Scatter(x=years, y=values, mode="lines+markers", name="projection"))
    fig.update_layout(title=f"growth {growth or 0:.1f}")
    return fig


_cache = AssetCache()
app.server.config.update(COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_CACHE_BACKEND=lambda: _cache,
                         COMPRESS_CACHE_KEY=AssetCache.key, COMPRESS_STREAMS=False)
Compress(app.server)
server = app.server
