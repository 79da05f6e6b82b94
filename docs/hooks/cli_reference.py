"""mkdocs hook: fills the command-line reference page from the argparse parser at build
time, so the page always shows the options the command really has."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs.exceptions import PluginError

from trade_dash.cli import build_parser

PAGE = "cli.md"
MARKER = "<!-- cli-reference -->"
# argparse wraps help to the terminal's width; a fixed one keeps the page the same on
# every machine that builds it.
WIDTH = "88"


@contextmanager
def _fixed_terminal() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in ("COLUMNS", "NO_COLOR")}
    os.environ.update(COLUMNS=WIDTH, NO_COLOR="1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each sub-command's own parser, in the order the command lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _section(title: str, help_text: str) -> str:
    return f"## `{title}`\n\n```text\n{help_text.rstrip()}\n```\n"


def reference() -> str:
    """The reference as Markdown: the command's own help, then every sub-command's."""
    with _fixed_terminal():
        parser = build_parser()
        sections = [_section(parser.prog, parser.format_help())]
        sections += [_section(sub.prog, sub.format_help()) for sub in subcommands(parser).values()]
    return "\n".join(sections)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{PAGE} has lost the line {MARKER}, where the reference goes")
    return markdown.replace(MARKER, reference())
