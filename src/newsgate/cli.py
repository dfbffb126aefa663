"""The `newsgate` command: query the published tables, score, benchmark; `run` and any other
command registered under the "newsgate.commands" entry point come from outside the library."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import entry_points

from newsgate.errors import NewsgateError


def _sql(args: argparse.Namespace) -> int:
    from newsgate.config import Settings
    from newsgate.query import list_analyses, run_analysis, run_query
    from newsgate.results import write_result

    if args.list:
        for name, summary in list_analyses().items():
            print(f"{name:<20} {summary}")
        return 0
    settings = Settings.load(warehouse_dir=args.warehouse)
    if args.analysis:
        result = run_analysis(settings, args.analysis, args.timeout)
    elif args.query:
        result = run_query(settings, args.query, args.timeout)
    else:
        print("newsgate: give a query, --analysis NAME or --list", file=sys.stderr)
        return 2
    write_result(result, args.format, args.output, sys.stdout.buffer, sys.stdout.isatty())
    if args.output:
        print(f"wrote {result.height} rows to {args.output}", file=sys.stderr)
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from newsgate.config import Settings
    from newsgate.publish import (
        current_publication,
        list_publications,
        rollback_publication,
        verify_publication,
    )

    settings = Settings.load(warehouse_dir=args.warehouse)
    if args.list:
        current = current_publication(settings).name if settings.published_dir.exists() else None
        for run in list_publications(settings):
            try:
                verify_publication(settings.warehouse_dir / "publications" / run)
                state = "ok"
            except NewsgateError as exc:
                state = f"BROKEN: {exc}"
            print(f"{run}  {'(published) ' if run == current else ''}{state}")
        return 0
    run_id = rollback_publication(settings, args.to)
    print(f"published now points at {run_id} (verified against its manifest)")
    return 0


def _retract(args: argparse.Namespace) -> int:
    from newsgate.config import Settings
    from newsgate.ingest import retract

    settings = Settings.load(warehouse_dir=args.warehouse)
    for row in retract(settings, args.target):
        print(f"retracted article {row['article_id']} ({row['source_path']})")
    print("it leaves the publication at the next run (`newsgate run`, or the scheduled one)")
    return 0


def _repair(args: argparse.Namespace) -> int:
    from newsgate.config import Settings
    from newsgate.repair import repair

    settings = Settings.load(warehouse_dir=args.warehouse)
    report = repair(settings, force=args.force)
    if report.healthy:
        print(f"{settings.database_path}: every table reads; nothing to repair")
        return 0
    for problem in report.problems:
        print(f"found: {problem}")
    print(f"moved the working database aside to {report.moved_to}")
    kept = ", ".join(f"{t} ({n} rows)" for t, n in report.salvaged.items()) or "nothing"
    print(f"carried over: {kept}")
    print("the next run rebuilds everything else from the input folder (and the NLP cache)")
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsgate.dictionary import render_data_dictionary

    text = render_data_dictionary()
    if args.output == "-":
        print(text, end="")
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from pathlib import Path

    if args.bench_command == "corpus":
        from newsgate.bench.corpus import write_corpus

        count = write_corpus(Path(args.out), args.n, args.seed)
        print(f"wrote {count} articles under {args.out}")
        return 0
    from newsgate.bench.run import format_figures, run_benchmark

    sizes = [int(n) for n in args.sizes.split(",")] + ([100_000] if args.large else [])
    workdir = Path(args.workdir) if args.workdir else None
    figures = run_benchmark(
        sizes,
        workdir,
        repeat=args.repeat,
        runners=tuple(args.runners.split(",")),
        baseline=Path(args.baseline).resolve() if args.baseline else None,
        ephemeral=args.ephemeral,
    )
    print(format_figures(figures))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsgate.config import Settings
    from newsgate.evaluate import evaluate_warehouse, format_scores

    settings = Settings.load(args.input, args.warehouse)
    scores = evaluate_warehouse(settings, Path(args.gold), settings.input_dir)
    print(format_scores(scores))
    return 0


COMMANDS_GROUP = "newsgate.commands"


def _unavailable(name: str, error: Exception):
    def handler(args: argparse.Namespace) -> int:
        print(f"newsgate: the {name} command cannot load: {error}", file=sys.stderr)
        return 1

    return handler


def _add_registered_commands(commands: argparse._SubParsersAction) -> None:
    """Add the commands other installed packages register (each entry point adds its parsers)."""
    for point in sorted(entry_points(group=COMMANDS_GROUP), key=lambda p: p.name):
        try:
            point.load()(commands)
        except Exception as exc:  # a broken plugin must not take the other commands down
            if point.name not in commands.choices:
                broken = commands.add_parser(point.name, help=f"(cannot load: {exc})")
                broken.set_defaults(handler=_unavailable(point.name, exc))


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the command, and return its exit status."""
    parser = argparse.ArgumentParser(
        prog="newsgate",
        description="Run the news pipeline, query its published tables, score and benchmark it.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _add_registered_commands(commands)
    sql = commands.add_parser("sql", help="answer read-only SQL over the published tables")
    sql.add_argument("query", nargs="?", help="a SELECT over the published tables")
    sql.add_argument("--analysis", help="run a named analysis from sql/analyses/ (a name)")
    sql.add_argument("--list", action="store_true", help="list the named analyses")
    sql.add_argument(
        "--format", choices=["table", "csv", "json", "parquet"], default="table", help="output"
    )
    sql.add_argument("--output", help="write the result to this file instead of stdout")
    sql.add_argument(
        "--timeout",
        type=float,
        help="seconds before the query is stopped (default 30, or NEWSGATE_SQL_TIMEOUT)",
    )
    sql.add_argument(
        "--warehouse", help="warehouse folder (default: warehouse, or NEWSGATE_WAREHOUSE)"
    )
    sql.set_defaults(handler=_sql)
    rollback = commands.add_parser(
        "rollback", help="point the published tables back at an earlier kept publication"
    )
    rollback.add_argument("--to", help="run id to restore (default: the one before the current)")
    rollback.add_argument(
        "--list", action="store_true", help="list the kept publications and verify each"
    )
    rollback.add_argument("--warehouse", help="warehouse folder (default: warehouse)")
    rollback.set_defaults(handler=_rollback)
    retract = commands.add_parser(
        "retract", help="take an article out of the publication from the next run on"
    )
    retract.add_argument("target", help="an article_id, or a source_path as file_outcome shows it")
    retract.add_argument("--warehouse", help="warehouse folder (default: warehouse)")
    retract.set_defaults(handler=_retract)
    repair = commands.add_parser(
        "repair", help="check the working database; move a broken one aside and salvage it"
    )
    repair.add_argument(
        "--force", action="store_true", help="move it aside even when every table reads"
    )
    repair.add_argument("--warehouse", help="warehouse folder (default: warehouse)")
    repair.set_defaults(handler=_repair)
    dictionary = commands.add_parser(
        "dictionary", help="write the data dictionary generated from the suites"
    )
    dictionary.add_argument(
        "--output", default="docs/data_dictionary.md", help="file, or - for stdout"
    )
    dictionary.set_defaults(handler=_dictionary)
    bench = commands.add_parser("bench", help="benchmark corpus and figures")
    bench_commands = bench.add_subparsers(dest="bench_command", required=True)
    corpus = bench_commands.add_parser("corpus", help="write a deterministic synthetic corpus")
    corpus.add_argument("--n", type=int, default=1000, help="number of articles")
    corpus.add_argument("--out", default="warehouse/bench-corpus", help="folder to write")
    corpus.add_argument("--seed", type=int, default=42)
    corpus.set_defaults(handler=_bench)
    figures = bench_commands.add_parser("run", help="measure end-to-end runs on generated corpora")
    figures.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    figures.add_argument("--large", action="store_true", help="also measure 100,000 articles")
    figures.add_argument("--workdir", help="keep corpora and warehouses here (default: temp)")
    figures.add_argument("--repeat", type=int, default=1, help="runs per figure (medians)")
    figures.add_argument(
        "--runners", default="process", help="comma-separated: process, inline, dask"
    )
    figures.add_argument(
        "--baseline", help="also time the flow of this checkout (e.g. a worktree of a tag)"
    )
    figures.add_argument(
        "--ephemeral",
        action="store_true",
        help="give each run Prefect's temporary server (its start-up is then timed)",
    )
    figures.set_defaults(handler=_bench)
    evaluate = commands.add_parser(
        "evaluate", help="score the published tables against gold annotations"
    )
    evaluate.add_argument(
        "--gold",
        default="tests/fixtures/gold/seeds",
        help="folder of gold JSON files (default: the seed gold)",
    )
    evaluate.add_argument("--input", help="the input folder the gold describes (default: seeds)")
    evaluate.add_argument("--warehouse", help="warehouse folder (default: warehouse)")
    evaluate.set_defaults(handler=_evaluate)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except NewsgateError as exc:
        print(f"newsgate: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
