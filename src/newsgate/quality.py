"""Quality gates: run each table's GX suite from expectations/ on the table's rows."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import duckdb
import polars as pl

from newsgate import gate_process, progress, warehouse
from newsgate.config import SQL_DIR, Settings
from newsgate.errors import ConfigError
from newsgate.runs import add_quarantine
from newsgate.tables import Table, stage_tables

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# known without importing GX, which takes seconds: a run whose gates all reuse earlier
# outcomes never imports it
_GX_VERSION = importlib.metadata.version("great_expectations")

AUDIT_DIR = SQL_DIR / "audit"
QUARANTINE = "quarantine"
RESULT_SCHEMA = {
    "run_id": pl.String,
    "suite": pl.String,
    "expectation_index": pl.Int64,
    "expectation": pl.String,
    "expectation_type": pl.String,
    "column_name": pl.String,
    "severity": pl.String,
    "success": pl.Boolean,
    "unexpected_count": pl.Int64,
    "action": pl.String,
    "description": pl.String,
    "validated_at": pl.Datetime("us", "UTC"),
}
RAW_RESULT_SCHEMA = {"run_id": pl.String, "suite": pl.String, "result_json": pl.String}
# the last validation of each suite, reused while the rows, the suite and its parameters are the same
MEMO = "validation_memo"
MEMO_RESULTS = "validation_memo_result"
MEMO_SCHEMA = {
    "suite": pl.String,
    "fingerprint": pl.String,
    "quarantine_json": pl.String,
    "result_json": pl.String,
}


@dataclass
class GateReport:
    """What a stage's gate found: failed expectations by severity, and rows quarantined."""

    stage: str
    critical: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quarantined: dict[str, int] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.critical


@dataclass
class SuiteOutcome:
    """One suite run: a result row per expectation, failing keys to quarantine, and GX's JSON."""

    results: pl.DataFrame
    quarantine_keys: dict[str, list[str]]
    result_json: dict


def load_suite_json(table: Table) -> dict:
    """Return the GX suite JSON for `table`, read from expectations/<table>.json."""
    try:
        return json.loads(table.suite_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read suite {table.suite_path}: {exc}") from exc


def _ephemeral_context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def expectation_name(config) -> str:
    """Return an expectation's stable name: meta.name, else its type and column."""
    meta = config.meta or {}
    if meta.get("name"):
        return meta["name"]
    column = config.kwargs.get("column")
    return f"{config.type}({column})" if column else config.type


def suite_parameters(today: date | None = None) -> dict[str, str]:
    """Return the values the suites may reference as {"$PARAMETER": name}."""
    today = today or datetime.now(UTC).date()
    return {"today": today.isoformat(), "tomorrow": (today + timedelta(days=1)).isoformat()}


def _quarantine_keys(item, key: str) -> list[str]:
    return [
        str(row[key])
        for row in item.result.get("unexpected_index_list") or []
        if isinstance(row, dict) and key in row
    ]


def run_suite(table: Table, frame: pl.DataFrame, run_id: str) -> SuiteOutcome:
    """Validate `frame` with the table's suite; return results, keys to quarantine and GX's JSON."""
    # read here, not in the gate process: what this process's suites and parameters say
    suite_json, parameters = load_suite_json(table), suite_parameters()
    gate = gate_process.current()
    if gate is not None:
        try:
            # waiting for the gate process to finish importing GX, which it began as the run did
            with progress.timed("Great Expectations import"):
                gate.wait_ready()
            with progress.timed("validation"):
                return gate.call(_validate_in_gate, table, suite_json, parameters, frame, run_id)
        except gate_process.GateProcessGone:  # validate here, as without a gate process
            gate_process.stop()
    # the first suite of a process imports Great Expectations (seconds): timed on its own
    with progress.timed("Great Expectations import"):
        import great_expectations as gx
    with progress.timed("validation"):
        return _run_suite(gx, table, suite_json, parameters, frame, run_id)


def _validate_in_gate(
    table: Table, suite_json: dict, parameters: dict, frame: pl.DataFrame, run_id: str
) -> SuiteOutcome:
    """Run in the gate process: return the suite's outcome on `frame`."""
    import great_expectations as gx

    return _run_suite(gx, table, suite_json, parameters, frame, run_id)


def _run_suite(
    gx, table: Table, suite_json: dict, parameters: dict, frame: pl.DataFrame, run_id: str
) -> SuiteOutcome:
    context = _ephemeral_context()
    suite = context.suites.add(gx.ExpectationSuite(**suite_json))
    asset = context.data_sources.add_pandas(table.name).add_dataframe_asset(table.name)
    batch = asset.add_batch_definition_whole_dataframe("all").get_batch(
        batch_parameters={"dataframe": frame.to_pandas(use_pyarrow_extension_array=True)}
    )
    key_columns = [table.key] if table.key in frame.columns else []
    # Listing every failing row costs more than the checks themselves on large tables: the
    # suite runs with a summary (20 rows per expectation), and only failed expectations that
    # quarantine rows run again listing them all.
    result = batch.validate(
        suite,
        result_format={"result_format": "SUMMARY", "unexpected_index_column_names": key_columns},
        expectation_parameters=parameters,
    )
    failed_quarantining = [
        index
        for index, item in enumerate(result.results)
        if not item.success
        and not (item.exception_info and item.exception_info.get("raised_exception"))
        and (item.expectation_config.meta or {}).get("on_failure") == QUARANTINE
    ]
    complete = {}
    if failed_quarantining and key_columns:
        rerun = context.suites.add(
            gx.ExpectationSuite(
                name=f"{suite_json.get('name', table.name)}.quarantine",
                expectations=[
                    result.results[i].expectation_config.to_json_dict() for i in failed_quarantining
                ],
            )
        )
        listed = batch.validate(
            rerun,
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": key_columns,
            },
            expectation_parameters=parameters,
        )
        complete = dict(zip(failed_quarantining, listed.results, strict=True))
    now = datetime.now(UTC)
    rows, to_quarantine = [], {}
    for index, item in enumerate(result.results):
        config = item.expectation_config
        name = expectation_name(config)
        severity = str(getattr(config.severity, "value", config.severity)).lower()
        errored = bool(item.exception_info and item.exception_info.get("raised_exception"))
        success = bool(item.success) and not errored
        action = None
        if not success:
            wants_quarantine = (config.meta or {}).get("on_failure") == QUARANTINE
            keys = _quarantine_keys(complete[index], table.key) if index in complete else []
            if wants_quarantine and keys and not errored:
                to_quarantine[name] = keys
                action = "quarantined"
            else:
                action = "blocked" if severity == "critical" else "reported"
        rows.append(
            {
                "run_id": run_id,
                "suite": table.name,
                "expectation_index": index,
                "expectation": name,
                "expectation_type": config.type,
                "column_name": config.kwargs.get("column"),
                "severity": severity,
                "success": success,
                "unexpected_count": item.result.get("unexpected_count"),
                "action": action,
                "description": config.description,
                "validated_at": now,
            }
        )
    return SuiteOutcome(
        pl.DataFrame(rows, schema=RESULT_SCHEMA), to_quarantine, result.to_json_dict()
    )


def validation_frame(con: duckdb.DuckDBPyConnection, table: Table) -> pl.DataFrame:
    """Return the rows a suite sees: work.<table>, plus audit columns from sql/audit/<table>.sql."""
    audit = AUDIT_DIR / f"{table.name}.sql"
    if audit.is_file():
        return con.sql(audit.read_text(encoding="utf-8")).pl()
    return warehouse.read_frame(con, table.name)


def _quarantine_rows(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    frame: pl.DataFrame,
    keys: dict[str, list[str]],
    run_id: str,
) -> int:
    """Move the rows that failed quarantine-on-failure expectations out of work.<table>."""
    origin = {}
    if {"doc_id", "source_path"} <= set(frame.columns):
        origin = {
            str(k): (path, doc)
            for k, path, doc in frame.select(table.key, "source_path", "doc_id").iter_rows()
        }
    rejects, doomed = [], set()
    for expectation, failing in keys.items():
        for key in failing:
            doomed.add(key)
            source_path, doc_id = origin.get(key, (None, None))
            rejects.append(
                {
                    "source_path": source_path,
                    "doc_id": doc_id,
                    "stage": "validate",
                    "reason": f"expectation:{table.name}.{expectation}",
                    "detail": f"{table.key}={key}",
                    "run_id": run_id,
                }
            )
    warehouse.delete_rows(con, table.name, table.key, sorted(doomed))
    add_quarantine(con, rejects)
    return len(doomed)


def frame_fingerprint(table: Table, frame: pl.DataFrame) -> str:
    """Return a hash of what a suite sees and reads: the rows (in any order, without the run's
    id), their types, the suite and its parameters, and the validating library versions."""
    rows = frame.select(pl.exclude("run_id", *table.run_columns))
    digest = hashlib.sha256()
    for part in (
        json.dumps(load_suite_json(table), sort_keys=True).encode(),
        json.dumps(suite_parameters(), sort_keys=True).encode(),
        str(rows.schema).encode(),
        f"{_GX_VERSION}|{pl.__version__}|{table.key}".encode(),
    ):
        digest.update(part)
        digest.update(b"\x1f")
    if rows.height:
        digest.update(rows.hash_rows().sort().to_numpy().tobytes())
    return digest.hexdigest()


def _remembered(con: duckdb.DuckDBPyConnection, table: Table, key: str, run_id: str):
    """Return the outcome the suite had on identical rows, or None."""
    if not warehouse.table_exists(con, MEMO):
        return None
    found = con.execute(
        f"select quarantine_json, result_json from {warehouse.WORK_SCHEMA}.{MEMO} "
        "where suite = ? and fingerprint = ?",
        [table.name, key],
    ).fetchall()
    if not found:
        return None
    results = (
        con.sql(
            f"select * exclude (fingerprint) from {warehouse.WORK_SCHEMA}.{MEMO_RESULTS} "
            "where suite = $suite and fingerprint = $key order by expectation_index",
            params={"suite": table.name, "key": key},
        )
        .pl()
        .with_columns(pl.lit(run_id).alias("run_id"))
        .select(list(RESULT_SCHEMA))
        .cast(RESULT_SCHEMA)
    )
    quarantine_json, result_json = found[0]
    return SuiteOutcome(results, json.loads(quarantine_json), json.loads(result_json))


def _remember(
    con: duckdb.DuckDBPyConnection, table: Table, key: str, outcome: SuiteOutcome
) -> None:
    for name in (MEMO, MEMO_RESULTS):
        if warehouse.table_exists(con, name):
            con.execute(f"delete from {warehouse.WORK_SCHEMA}.{name} where suite = ?", [table.name])
    warehouse.append_frame(
        con,
        MEMO,
        pl.DataFrame(
            [
                {
                    "suite": table.name,
                    "fingerprint": key,
                    "quarantine_json": json.dumps(outcome.quarantine_keys),
                    "result_json": json.dumps(outcome.result_json, default=str),
                }
            ],
            schema=MEMO_SCHEMA,
        ),
    )
    warehouse.append_frame(
        con, MEMO_RESULTS, outcome.results.with_columns(pl.lit(key).alias("fingerprint"))
    )


def suite_outcome(
    con: duckdb.DuckDBPyConnection, table: Table, frame: pl.DataFrame, run_id: str
) -> SuiteOutcome:
    """Return the suite's outcome on `frame`: GX's own, or the one it gave on identical rows
    (same suite and parameters) the last time, with validated_at saying when it ran."""
    key = frame_fingerprint(table, frame)
    outcome = _remembered(con, table, key, run_id)
    if outcome is None:
        outcome = run_suite(table, frame, run_id)
        _remember(con, table, key, outcome)
    return outcome


def validate_stage(settings: Settings, run_id: str, stage: str) -> GateReport:
    """Validate every table built at `stage`, quarantine failing rows, and return the verdict."""
    report = GateReport(stage=stage)
    con = warehouse.connect(settings)
    try:
        tables = stage_tables(stage)
        for position, table in enumerate(tables):
            frame = validation_frame(con, table)
            outcome = suite_outcome(con, table, frame, run_id)
            warehouse.append_frame(con, "raw_validation_result", outcome.results)
            warehouse.append_frame(
                con,
                "raw_validation_json",
                pl.DataFrame(
                    [
                        {
                            "run_id": run_id,
                            "suite": table.name,
                            "result_json": json.dumps(outcome.result_json, default=str),
                        }
                    ],
                    schema=RAW_RESULT_SCHEMA,
                ),
            )
            if outcome.quarantine_keys:
                report.quarantined[table.name] = _quarantine_rows(
                    con, table, frame, outcome.quarantine_keys, run_id
                )
                for later in tables[position + 1 :]:
                    warehouse.build_table(con, later, run_id)
            for row in outcome.results.filter(~pl.col("success")).iter_rows(named=True):
                label = f"{table.name}.{row['expectation']}"
                if row["action"] == "blocked":
                    report.critical.append(label)
                elif row["action"] == "quarantined":
                    report.warnings.append(f"{label} ({row['unexpected_count']} rows quarantined)")
                else:
                    report.warnings.append(label)
    finally:
        con.close()
    return report
