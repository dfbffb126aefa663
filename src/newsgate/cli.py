"""The `newsgate` command: run the flow, query the published tables."""

from __future__ import annotations

import argparse
import os
import sys

from newsgate.errors import NewsgateError

_PREFECT_QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    # Prefect's temporary server can need far more than its default 20 s on a busy machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}


def _run(args: argparse.Namespace) -> int:
    for key, value in _PREFECT_QUIET.items():
        os.environ.setdefault(key, value)
    from newsgate.config import Settings

    settings = Settings.load(args.input, args.warehouse)
    if not settings.input_dir.is_dir():
        print(f"newsgate: NG002 input folder {settings.input_dir} does not exist", file=sys.stderr)
        return 2
    from flows.news_pipeline import news_pipeline
    from flows.runners import make_task_runner

    pipeline = news_pipeline
    if args.task_runner or args.dask_address:
        runner = make_task_runner(args.task_runner or "dask", args.dask_address)
        pipeline = news_pipeline.with_options(task_runner=runner)
    state = pipeline(
        str(settings.input_dir),
        str(settings.warehouse_dir),
        full_refresh=args.full_refresh,
        input_mode=args.input_mode,
        return_state=True,
    )
    if not state.is_completed():
        print(f"newsgate: run not published: {state.message}", file=sys.stderr)
        return 1
    publication = state.result()
    print(f"published {publication.path}")
    print(f"tables in {settings.published_dir}:")
    for table, rows in publication.row_counts.items():
        print(f"  {table + '.parquet':<26} {rows:>8} rows")
    print(
        f'query with: newsgate sql "select count(*) from article" --warehouse {settings.warehouse_dir}'
    )
    return 0


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
    print(format_figures(run_benchmark(sizes, workdir)))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsgate.config import Settings
    from newsgate.evaluate import evaluate_warehouse, format_scores

    settings = Settings.load(args.input, args.warehouse)
    scores = evaluate_warehouse(settings, Path(args.gold), settings.input_dir)
    print(format_scores(scores))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the command, and return its exit status."""
    parser = argparse.ArgumentParser(prog="newsgate", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the Prefect flow end to end and publish")
    run.add_argument(
        "--input", help="folder of raw article text (default: seeds, or NEWSGATE_INPUT)"
    )
    run.add_argument(
        "--warehouse", help="warehouse folder (default: warehouse, or NEWSGATE_WAREHOUSE)"
    )
    run.add_argument(
        "--full-refresh",
        action="store_true",
        help="redo the NLP for every article, not only new ones",
    )
    run.add_argument(
        "--task-runner", choices=["local", "dask"], help="local threads (default) or Dask"
    )
    run.add_argument("--dask-address", help="an existing Dask scheduler, e.g. tcp://host:8786")
    run.add_argument(
        "--input-mode",
        choices=["mirror", "accumulate"],
        help="mirror: publish what the folder holds now (default); accumulate: an inbox, "
        "articles stay until retracted (or NEWSGATE_INPUT_MODE)",
    )
    run.set_defaults(handler=_run)
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
