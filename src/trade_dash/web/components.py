"""Small page components that more than one section uses."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.dcc.express import send_string
from dash.development.base_component import Component


def aria(**attributes: str) -> dict[str, Any]:
    """ARIA attributes to pass to an html component as ``**aria(live="polite")``: Dash takes
    them by their hyphenated names, which a Python keyword cannot spell."""
    return {f"aria-{name}": value for name, value in attributes.items()}


def labelled(label: str, control: Component | list[Component], control_id: str,
             help_text: str | Component | None = None) -> html.Div:
    """A control with its label; the group is named by the label for controls (radio
    buttons, the slider) whose own elements a ``for=`` attribute cannot reach. Help given
    as a component (one a callback updates) is placed as it is."""
    label_id = f"{control_id}-label"
    parts = [
        dbc.Label(label, html_for=control_id, id=label_id, className="fw-semibold mb-1"),
        html.Div(control, role="group", **aria(labelledby=label_id)),
    ]
    if isinstance(help_text, str):
        parts.append(dbc.FormText(help_text))
    elif help_text is not None:
        parts.append(help_text)
    return html.Div(parts, className="mb-3")


def csv_download(text: str, filename: str) -> dict[str, Any]:
    """What the Download component takes to save ``text`` as ``filename``."""
    data: dict[str, Any] = send_string(text, filename)  # dash leaves it unannotated
    return data
