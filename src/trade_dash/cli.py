"""The ``trade-dash`` command: validate, summary, serve, export, add, extract."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from trade_dash.charts.registry import CHARTS, Chart, Registry
from trade_dash.config import Config, ConfigError
from trade_dash.domain import model
from trade_dash.domain.controls import CONTROLS, GROWTH, READ_ORDER, REPORTER
from trade_dash.domain.datafile import (
    append_citation,
    append_citations,
    bundled_data_path,
    load_citations,
    read_candidates,
)
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import ANY
from trade_dash.domain.problems import DataFileError
from trade_dash.domain.scenario import Scenario, default_scenario
from trade_dash.domain.schema import COLUMNS
from trade_dash.domain.summary import analyse
from trade_dash.exports.formats import BRIEFING_FORMATS, CHART_FORMATS, PAPERS
from trade_dash.exports.images import ExportError, Renderer
from trade_dash.exports.packs import BRIEFINGS, cli_context, render_chart
from trade_dash.wording import cli as text
from trade_dash.wording import errors, facts
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import LANGUAGES, from_environment, native_name

EXIT_OK, EXIT_BAD_INPUT, EXIT_FAILED = 0, 2, 1  # 1: an export could not be made
EXPORT_FORMATS = {"chart": CHART_FORMATS, "briefing": BRIEFING_FORMATS}


class UsageError(Exception):
    """Bad command-line input that argparse itself does not catch."""


def _float(w: Wording, refused: Callable[[Wording, str], str]) -> Callable[[str], float]:
    """An argparse ``type`` reading a number; ``refused`` words the error in the reader's
    language."""
    def read(text: str) -> float:
        try:
            return float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(refused(w, text)) from None
    return read


class WordedFormatter(argparse.HelpFormatter):
    """argparse's help layout with the usage prefix in the reader's language."""

    def __init__(self, prog: str, *, words: Wording) -> None:
        super().__init__(prog)
        self.words = words

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups,
                          text.usage_prefix(self.words) if prefix is None else prefix)


class WordedParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (usage, section titles, -h, error line) are in
    the language of ``words``; sub-commands get the same language through ``add_parser``."""

    def __init__(self, *, words: Wording, **kwargs: Any) -> None:
        kwargs.pop("add_help", None)  # our own -h below, its help worded
        super().__init__(add_help=False,
                         formatter_class=partial(WordedFormatter, words=words), **kwargs)
        self.words = words
        # argparse names the two default sections when the parser is made, in English.
        self._positionals.title = text.positionals_title(words)
        self._optionals.title = text.options_title(words)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=text.help_option(words))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, errors.usage_error(self.words, self.prog, message) + "\n")


def add_lang_option(p: argparse.ArgumentParser, w: Wording) -> None:
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=text.lang_help(w, ", ".join(f"{code} ({native_name(code)})" for code in LANGUAGES)),
    )


def add_scenario_options(p: argparse.ArgumentParser, w: Wording) -> None:
    p.add_argument("--data", metavar="CSV", help=text.help_text(w, "data"))
    for c in READ_ORDER:
        if c.kind == "choice":
            p.add_argument(c.option, choices=c.choices, help=text.control_help(w, c))
        else:
            kind: Callable[[str], Any] = int if c.kind == "year" else _float(
                w, errors.not_percent if c is GROWTH else errors.not_number)
            p.add_argument(c.option, type=kind, metavar=c.metavar, help=text.control_help(w, c))


def scenario_from_args(ds: Dataset, args: argparse.Namespace) -> Scenario:
    reporter = args.reporter or ANY
    if reporter not in ds.reporters:
        raise model.ScenarioError("reporter_option_not_in_data", reporter=reporter,
                                  choices=tuple(ds.reporters))
    default = default_scenario(ds, reporter)
    chosen = {c.attr: getattr(args, c.key) for c in CONTROLS if c is not REPORTER}
    return replace(default, **{k: v for k, v in chosen.items() if v is not None})


def words(args: argparse.Namespace) -> Wording:
    """The language chosen with ``--lang`` (English by default)."""
    return Wording.for_lang(getattr(args, "lang", None) or "en")


def cmd_validate(args: argparse.Namespace) -> int:
    w = words(args)
    ds = Dataset.load(args.csv)
    years = ds.series
    missing = years[years["status"] == "missing"]["year"].tolist()
    disputed = years[years["disputed"]]["year"].tolist()
    print(text.valid(w, ds.source, len(ds.citations), years["year"].min(), years["year"].max()))
    if missing:
        print(f"  {text.missing_years(w, missing)}")
    if disputed:
        print(f"  {text.disputed_years(w, disputed)}")
    for side, side_years in ds.facts.side_years.items():
        print(f"  {text.side_years(w, side, side_years)}")
    print(f"  {facts.freshness_text(w, ds.latest_published)}")
    differing = [c for c in ds.stated_changes if c.differs]
    if differing:  # a warning, not an error: either figure may be right
        print(f"  {text.stated_changes_heading(w, len(differing))}")
        for check in differing:
            print(f"    {facts.stated_change_text(w, check)}")
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    w = words(args)
    ds = Dataset.load(args.data)
    summary = analyse(ds, scenario_from_args(ds, args))
    if args.json:  # keys stay English for scripts; the texts are for readers, in --lang
        out = text.summary_json(w, summary)
        print(json.dumps(out, indent=2, allow_nan=False, ensure_ascii=False))
    else:
        from trade_dash.wording.briefing import key_message

        print("\n".join(key_message(w, ds, summary)), end="\n\n")
        print(text.summary_text(w, summary, ds.source, dt.date.today()))
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    w = words(args)
    path = Path(args.data) if args.data else bundled_data_path()
    if args.from_csv:
        return add_from(args, w, path)
    values = {c: getattr(args, c) or "" for c in COLUMNS}
    if not values["months"] and values["period"] == "full_year":
        values["months"] = "12"
    try:
        line = append_citation(path, values)  # a bad row raises DataFileError: exit 2
    except OSError as exc:
        print(text.not_written(w, str(path), exc), file=sys.stderr)
        return EXIT_FAILED
    print(text.added(w, values["citation_id"], line, str(path)))
    return EXIT_OK


def add_from(args: argparse.Namespace, w: Wording, path: Path) -> int:
    """``add --from CANDIDATES.csv``: every row of a reviewed candidates file, in one
    atomic write; a wrong row stops them all, every problem listed (exit 2)."""
    from trade_dash.wording import extract as say

    given = [f"--{c.replace('_', '-')}" for c in COLUMNS
             if getattr(args, c) not in (None, ADD_DEFAULTS.get(c))]
    if given:
        raise UsageError(say.from_alone(w, given))
    rows = read_candidates(args.from_csv)
    try:
        lines = append_citations(path, [values for _, values in rows], source=args.from_csv,
                                 source_lines=[line for line, _ in rows])
    except OSError as exc:
        print(text.not_written(w, str(path), exc), file=sys.stderr)
        return EXIT_FAILED
    print(say.added_rows(w, lines, str(path)))
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """``extract FILE...``: the trade figures of each article as candidate rows, with
    their status against the data file; every article that cannot be read is named
    (exit 2) before anything is printed."""
    # Imported late: trafilatura is needed by this command only.
    from trade_dash.domain import extract
    from trade_dash.wording import extract as say

    w = words(args)
    citations = load_citations(Path(args.data) if args.data else bundled_data_path())
    articles, unreadable = [], []
    for name in args.files:
        try:
            articles.append(extract.read_article(name))
        except extract.ArticleError as exc:
            unreadable.append(exc)
    if unreadable:
        for bad in unreadable:
            print(errors.command_error(w, say.article_error(w, bad)), file=sys.stderr)
        return EXIT_BAD_INPUT
    found = extract.with_status(
        [c for article in articles for c in extract.extract_article(article)], citations)
    if args.json:
        print(json.dumps([c.row() for c in found], indent=2, ensure_ascii=False))
    elif args.csv:
        out = csv.DictWriter(sys.stdout, fieldnames=extract.FIELDS, lineterminator="\n")
        out.writeheader()
        out.writerows(c.csv_row() for c in found)
    else:
        print(say.table(w, articles, found))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from trade_dash.web.serving import serve  # imported late: the other commands need no server

    config = Config.from_env(
        data_path=Path(args.data) if args.data else None,
        host=args.host,
        port=args.port,
        workers=args.workers,
        dev=args.dev or None,
    )
    return serve(config, Wording.for_lang(from_environment(os.environ)))  # see lang_of


def cmd_export(args: argparse.Namespace) -> int:
    # Imported late: plotly, kaleido and reportlab are needed by this command only.
    from trade_dash.exports.briefing import FontMissing

    w = words(args)
    chart = None if args.briefing else args.charts[args.chart]
    if args.describe:
        return describe_chart(args, w, chart)
    missing = [name for name, given in (("--format", args.format), ("--out", args.out))
               if not given]
    if missing:
        raise UsageError(text.options_needed(w, missing))
    formats = EXPORT_FORMATS["briefing"] if chart is None else chart.formats
    if args.format not in formats:
        raise UsageError(text.format_unavailable(w, args.format, args.briefing, formats))
    if args.paper and not args.briefing:
        raise UsageError(text.paper_for_chart(w))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError(text.no_folder(w, str(out.parent)))
    ds = Dataset.load(args.data)
    summary = analyse(ds, scenario_from_args(ds, args))  # a bad scenario stops here, exit 2
    config = Config.from_env()
    ctx = replace(cli_context(config, summary.scenario.query()), words=w)
    renderer = Renderer(config.browser_path, config.render_timeout)
    try:
        if chart is None:
            make = BRIEFINGS[args.format]
            body = make(renderer, ds, summary, ctx, args.paper or PAPERS[0], args.charts)
        else:
            body = render_chart(renderer, chart, args.format, ds, summary, ctx)
    except ExportError as exc:
        print(errors.command_error(w, errors.export_error(w, exc)), file=sys.stderr)
        return EXIT_FAILED
    except FontMissing as exc:  # worded in the pack's language where it is raised
        print(errors.command_error(w, str(exc)), file=sys.stderr)
        return EXIT_FAILED
    finally:
        renderer.close()  # never leave a browser behind
    try:
        out.write_bytes(body)
    except OSError as exc:
        print(text.not_written(w, str(out), exc), file=sys.stderr)
        return EXIT_FAILED
    print(text.wrote(w, str(out), len(body)))
    return EXIT_OK


def describe_chart(args: argparse.Namespace, w: Wording, chart: Chart | None) -> int:
    """``export --chart NAME --describe``: the chart's description, for the scenario the
    options give, on standard output; nothing is drawn or written."""
    if chart is None or args.format or args.out or args.paper:
        raise UsageError(text.describe_alone(w))
    ds = Dataset.load(args.data)
    summary = analyse(ds, scenario_from_args(ds, args))  # a bad scenario stops here, exit 2
    print(chart.describe(w, ds, summary))
    return EXIT_OK


# Defaults of `trade-dash add`'s options, one per column; their help is in the wording.
ADD_DEFAULTS = {"measure": "actual", "flow": "turnover", "period": "full_year",
                "precision": "exact"}


def build_parser(charts: Registry = CHARTS, w: Wording | None = None) -> argparse.ArgumentParser:
    """The command line, offering the charts of ``charts`` to ``export``; its help and
    messages in the language of ``w`` (English by default)."""
    w = w or Wording.for_lang("en")

    def h(key: str) -> str:
        return text.help_text(w, key)

    parser = WordedParser(words=w, prog="trade-dash", description=h("description"))
    parser.set_defaults(charts=charts)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", words=w, help=h("validate"))
    p.add_argument("csv", nargs="?", help=h("validate.csv"))
    add_lang_option(p, w)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("summary", words=w, help=h("summary"))
    add_scenario_options(p, w)
    p.add_argument("--json", action="store_true", help=h("summary.json"))
    add_lang_option(p, w)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("serve", words=w, help=h("serve"))
    p.add_argument("--data", metavar="CSV", help=h("data"))
    p.add_argument("--host", help=h("serve.host"))
    p.add_argument("--port", type=int, help=h("serve.port"))
    p.add_argument("--workers", type=int, help=h("serve.workers"))
    p.add_argument("--dev", action="store_true", help=h("serve.dev"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", words=w, help=h("export"))
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--chart", choices=charts.names, help=h("export.chart"))
    what.add_argument("--briefing", action="store_true", help=h("export.briefing"))
    p.add_argument("--format", choices=sorted({f for fs in EXPORT_FORMATS.values() for f in fs}),
                   help=h("export.format"))
    p.add_argument("--paper", choices=PAPERS, help=h("export.paper"))
    p.add_argument("--out", metavar="FILE", help=h("export.out"))
    p.add_argument("--describe", action="store_true", help=h("export.describe"))
    add_lang_option(p, w)
    add_scenario_options(p, w)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("add", words=w, help=h("add"))
    p.add_argument("--data", metavar="CSV", help=h("add.data"))
    p.add_argument("--from", dest="from_csv", metavar="CANDIDATES.csv", help=h("add.from"))
    for column in COLUMNS:
        p.add_argument(f"--{column.replace('_', '-')}", dest=column,
                       default=ADD_DEFAULTS.get(column),
                       metavar=column.split("_")[-1].upper(), help=h(f"add.{column}"))
    add_lang_option(p, w)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("extract", words=w, help=h("extract"))
    p.add_argument("files", nargs="+", metavar="FILE", help=h("extract.files"))
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help=h("extract.json"))
    shape.add_argument("--csv", action="store_true", help=h("extract.csv"))
    p.add_argument("--data", metavar="CSV", help=h("extract.data"))
    add_lang_option(p, w)
    p.set_defaults(func=cmd_extract)
    return parser


def lang_of(argv: list[str] | None) -> Wording:
    """The language ``--lang`` asks for, looked for before the full parse so that the
    parser's own messages about the other options are in it too; English when absent
    or not a language offered (the full parse then says so). ``serve``, which has no
    ``--lang``, speaks the language of the locale it runs in (``LANG``, as gettext
    reads it): its start-up line and errors are read in the operator's terminal."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--lang")
    early.add_argument("command", nargs="?")
    try:
        known, _ = early.parse_known_args(sys.argv[1:] if argv is None else argv)
    except argparse.ArgumentError:  # `--lang` with no value: the full parse says so
        return Wording.for_lang("en")
    if known.command == "serve":
        return Wording.for_lang(from_environment(os.environ))
    return Wording.for_lang(known.lang if known.lang in LANGUAGES else "en")


def main(argv: list[str] | None = None, charts: Registry = CHARTS) -> int:
    w = lang_of(argv)
    parser = build_parser(charts, w)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message already
        return EXIT_OK if exc.code == 0 else EXIT_BAD_INPUT
    try:
        code: int = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the try
        return code
    except BrokenPipeError:
        # The reader stopped early (`trade-dash summary --json | head -1`): nothing is
        # wrong, so end quietly; later writes, and the flush at exit, go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except DataFileError as exc:
        print(errors.invalid_data(w, exc), file=sys.stderr)
    except model.ScenarioError as exc:
        print(errors.command_error(w, errors.scenario_error(w, exc)), file=sys.stderr)
    except ConfigError as exc:  # the setting is named as the operator wrote it
        print(errors.command_error(w, errors.config_error(w, exc)), file=sys.stderr)
    except UsageError as exc:  # worded in the reader's language already
        print(errors.command_error(w, str(exc)), file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
