"""CSV downloads: citation text stays text when the file is opened in a spreadsheet."""

from __future__ import annotations

import csv
import io

from trade_dash.domain.dataset import Dataset
from trade_dash.exports.csvfiles import citations_csv, series_csv


def test_a_cell_starting_with_a_tab_or_carriage_return_gets_an_apostrophe(bundled):
    # The reader trims these from a file, so only citations built in code can carry them;
    # the download guards against them all the same.
    citations = bundled.citations.copy()
    chosen_2023 = bundled.series.set_index("year").loc[2023, "citation_id"]
    row = citations.index[citations["citation_id"] == chosen_2023][0]
    citations.loc[row, ["note", "outlet"]] = ["\t=1+2", "\r=3+4"]
    ds = Dataset.from_citations(citations, "built-in-code.csv")
    for text in (citations_csv(ds), series_csv(ds)):
        got = next(r for r in csv.DictReader(io.StringIO(text, newline=""))
                   if r["citation_id"] == chosen_2023)
        assert (got["note"], got["outlet"]) == ("'\t=1+2", "'\r=3+4")
