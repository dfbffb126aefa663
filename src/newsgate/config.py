"""Settings from flags, NEWSGATE_* environment variables and embedded defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newsgate.errors import ConfigError

PROJECT_DIR = Path(os.environ.get("NEWSGATE_PROJECT_DIR") or Path(__file__).resolve().parents[2])
SQL_DIR = PROJECT_DIR / "sql"
EXPECTATIONS_DIR = PROJECT_DIR / "expectations"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Where input comes from, where the warehouse lives, and the run's limits."""

    input_dir: Path = field(default_factory=lambda: Path("seeds"))
    warehouse_dir: Path = field(default_factory=lambda: Path("warehouse"))
    max_file_bytes: int = 5_000_000
    spacy_model: str | None = None
    keep_publications: int = 5

    @classmethod
    def load(
        cls, input_dir: str | Path | None = None, warehouse_dir: str | Path | None = None
    ) -> Settings:
        """Return settings from explicit values, then NEWSGATE_* variables, then defaults."""
        return cls(
            input_dir=Path(input_dir or os.environ.get("NEWSGATE_INPUT") or "seeds").resolve(),
            warehouse_dir=Path(
                warehouse_dir or os.environ.get("NEWSGATE_WAREHOUSE") or "warehouse"
            ).resolve(),
            max_file_bytes=_env_int("NEWSGATE_MAX_FILE_BYTES", 5_000_000),
            spacy_model=os.environ.get("NEWSGATE_SPACY_MODEL") or None,
            keep_publications=_env_int("NEWSGATE_KEEP_PUBLICATIONS", 5),
        )

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / "newsgate.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.warehouse_dir / "published"
