"""Figure builders: data in, ``go.Figure`` out. Pure: no I/O, no clock, no Dash.

Every chart carries its own title, scenario subtitle, source line, date and reopen
link, so a chart downloaded from the browser or exported on the server stands alone.
The charts draw the series of the scenario's reporting side (``Summary.reporting_side``).
The footer has a bounded size whatever the data (the full list of sources is in the
sources table and the briefing pack), and it is the layout's first annotation, so a
scenario change can replace it alone (``frame.footer_parts``). The scenario chart keeps its
scenario-dependent traces at fixed positions (``scenario.SCENARIO_TRACES``) so a callback can
patch just those (``scenario.scenario_parts``). The words come from the reader's ``Wording``
(``Context.words``) through ``wording/charts.py``, citation text shown as cited; the
scenario chart's growth-dependent texts (``scenario_traces``, ``reached_text``,
``scenario_subtitle``) through ``wording/scenario.py``, whose templates the page's
growth script (``web/assets/scenario.js``) fills as well.

Modules: ``registry`` (the charts and where they appear), ``style`` (palette, text
helpers, the figure context), ``frame`` (footer, common layout, the year axis),
``traces`` (hover labels and traces the charts share), one module per chart
(``history``, ``scenario``, ``flows``), ``page`` (the page's variant of a figure) and
``sizes`` (static export sizes).
"""
