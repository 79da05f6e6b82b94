"""Build hook: compile the translation catalogs and write the plotly.js locale asset.

Hatchling runs it for wheels and for editable installs (``pip install -e .``, which
``make`` uses), so a fresh clone gets working translations from the README's two
commands. The products land in the source tree (git ignores them) and are listed
as wheel artifacts in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        package = Path(self.root) / "src" / "trade_dash"
        # Loaded by path: the package's own dependencies are not installed yet.
        spec = importlib.util.spec_from_file_location("_trade_dash_catalogs",
                                                      package / "wording" / "catalogs.py")
        assert spec is not None and spec.loader is not None
        catalogs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogs)
        catalogs.build(package)
