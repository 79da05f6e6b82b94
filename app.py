"""Start the dashboard on the bundled data: ``python app.py`` (same as ``trade-dash serve``)."""

import sys

from trade_dash.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
