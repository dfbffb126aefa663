"""The table declarations in sql/tables.toml, read once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from newsgate.config import EXPECTATIONS_DIR, SQL_DIR
from newsgate.errors import ConfigError


@dataclass(frozen=True)
class Table:
    """One declared table: its SQL file, its suite, and whether it is published."""

    name: str
    stage: str
    grain: str
    key: str
    published: bool
    # columns that differ from run to run for the same content (besides run_id): a gate's
    # outcome on rows that differ only there is reused
    run_columns: tuple[str, ...] = ()

    @property
    def sql_path(self):
        return SQL_DIR / f"{self.name}.sql"

    @property
    def suite_path(self):
        return EXPECTATIONS_DIR / f"{self.name}.json"


@cache
def declared_tables() -> tuple[Table, ...]:
    """Return every declared table in build order."""
    path = SQL_DIR / "tables.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read table declarations {path}: {exc}") from exc
    tables = []
    for name, spec in raw.items():
        try:
            table = Table(
                name=name,
                stage=spec["stage"],
                grain=spec["grain"],
                key=spec["key"],
                published=bool(spec.get("published", False)),
                run_columns=tuple(spec.get("run_columns", ())),
            )
        except KeyError as exc:
            raise ConfigError(f"table {name} in {path} lacks {exc}") from exc
        for needed in (table.sql_path, table.suite_path):
            if not needed.is_file():
                raise ConfigError(f"table {name} is declared but {needed} is missing")
        tables.append(table)
    return tuple(tables)


def stage_tables(stage: str) -> list[Table]:
    """Return the declared tables built at `stage`, in build order."""
    return [t for t in declared_tables() if t.stage == stage]


def published_tables() -> list[Table]:
    """Return the declared tables that are published as Parquet."""
    return [t for t in declared_tables() if t.published]
