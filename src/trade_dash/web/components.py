"""Small page components that more than one section uses."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html


def labelled(label: str, control, control_id: str, help_text=None) -> html.Div:
    """A control with its label; the group is named by the label for controls (radio
    buttons, the slider) whose own elements a ``for=`` attribute cannot reach. Help given
    as a component (one a callback updates) is placed as it is."""
    label_id = f"{control_id}-label"
    parts = [
        dbc.Label(label, html_for=control_id, id=label_id, className="fw-semibold mb-1"),
        html.Div(control, role="group", **{"aria-labelledby": label_id}),
    ]
    if isinstance(help_text, str):
        parts.append(dbc.FormText(help_text))
    elif help_text is not None:
        parts.append(help_text)
    return html.Div(parts, className="mb-3")
