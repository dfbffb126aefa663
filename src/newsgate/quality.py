"""Quality gates: run each table's GX suite from expectations/ on the table's rows."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import ConfigError
from newsgate.tables import Table, stage_tables

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

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
    "description": pl.String,
    "validated_at": pl.Datetime("us", "UTC"),
}


@dataclass
class GateReport:
    """What a stage's gate found: failed expectations by severity, and results per table."""

    stage: str
    critical: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.critical


def load_suite_json(table: Table) -> dict:
    """Return the GX suite JSON for `table`, read from expectations/<table>.json."""
    try:
        return json.loads(table.suite_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read suite {table.suite_path}: {exc}") from exc


def _context():
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


def run_suite(table: Table, frame: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """Validate `frame` with the table's suite and return one result row per expectation."""
    import great_expectations as gx

    context = _context()
    suite = context.suites.add(gx.ExpectationSuite(**load_suite_json(table)))
    asset = context.data_sources.add_pandas(table.name).add_dataframe_asset(table.name)
    batch = asset.add_batch_definition_whole_dataframe("all").get_batch(
        batch_parameters={"dataframe": frame.to_pandas()}
    )
    result = batch.validate(suite, result_format={"result_format": "SUMMARY"})
    now = datetime.now(UTC)
    rows = []
    for index, item in enumerate(result.results):
        config = item.expectation_config
        failed_by_error = bool(item.exception_info and item.exception_info.get("raised_exception"))
        rows.append(
            {
                "run_id": run_id,
                "suite": table.name,
                "expectation_index": index,
                "expectation": expectation_name(config),
                "expectation_type": config.type,
                "column_name": config.kwargs.get("column"),
                "severity": str(getattr(config.severity, "value", config.severity)).lower(),
                "success": bool(item.success) and not failed_by_error,
                "unexpected_count": item.result.get("unexpected_count"),
                "description": config.description,
                "validated_at": now,
            }
        )
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def validate_stage(settings: Settings, run_id: str, stage: str) -> GateReport:
    """Validate every table built at `stage`, record results, and return the gate's verdict."""
    report = GateReport(stage=stage)
    con = warehouse.connect(settings)
    try:
        for table in stage_tables(stage):
            results = run_suite(table, warehouse.read_frame(con, table.name), run_id)
            warehouse.append_frame(con, "raw_validation_result", results)
            report.checked[table.name] = results.height
            for row in results.filter(~pl.col("success")).iter_rows(named=True):
                label = f"{table.name}.{row['expectation']}"
                (report.critical if row["severity"] == "critical" else report.warnings).append(
                    label
                )
    finally:
        con.close()
    return report
