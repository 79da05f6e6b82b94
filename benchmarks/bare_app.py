"""The floor for the benchmarks: a bare Dash app with one slider and one graph."""

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

app = dash.Dash(__name__)
app.layout = html.Div([
    dcc.Slider(id="growth", min=-50, max=100, step=0.1, value=20),
    dcc.Graph(id="graph"),
])


@app.callback(Output("graph", "figure"), Input("growth", "value"))
def draw(growth):
    years = list(range(2024, 2041))
    values = [100 * (1 + (growth or 0) / 100) ** (y - 2024) for y in years]
    return go.Figure(go.Scatter(x=years, y=values))


server = app.server
