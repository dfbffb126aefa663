"""Settings from flags, NEWSGATE_* environment variables and embedded defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newsgate.errors import ConfigError, FolderOverlapError

PROJECT_DIR = Path(os.environ.get("NEWSGATE_PROJECT_DIR") or Path(__file__).resolve().parents[2])
SQL_DIR = PROJECT_DIR / "sql"
EXPECTATIONS_DIR = PROJECT_DIR / "expectations"
INPUT_MODES = ("mirror", "accumulate")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be above 0, got {raw!r}")
    return value


def resolve_input_mode(value: str | None) -> str:
    """Return the input-folder mode from `value`, then NEWSGATE_INPUT_MODE, then "mirror"."""
    mode = (value or os.environ.get("NEWSGATE_INPUT_MODE") or "mirror").strip().lower()
    if mode not in INPUT_MODES:
        raise ConfigError(f"input mode must be mirror or accumulate, not {mode!r}")
    return mode


def spacy_model_from_env() -> str | None:
    """Return the spaCy model NEWSGATE_SPACY_MODEL names, or None for the built-in pipeline."""
    return os.environ.get("NEWSGATE_SPACY_MODEL") or None


@dataclass(frozen=True)
class Settings:
    """Where input comes from, where the warehouse lives, and the run's limits."""

    input_dir: Path = field(default_factory=lambda: Path("seeds"))
    warehouse_dir: Path = field(default_factory=lambda: Path("warehouse"))
    max_file_bytes: int = 5_000_000
    spacy_model: str | None = None
    keep_publications: int = 5
    input_mode: str = "mirror"
    sql_timeout: float = 30.0
    sql_memory_limit: str = "2GB"

    @classmethod
    def load(
        cls,
        input_dir: str | Path | None = None,
        warehouse_dir: str | Path | None = None,
        input_mode: str | None = None,
    ) -> Settings:
        """Return settings from explicit values, then NEWSGATE_* variables, then defaults."""
        return cls(
            input_dir=Path(input_dir or os.environ.get("NEWSGATE_INPUT") or "seeds").resolve(),
            warehouse_dir=Path(
                warehouse_dir or os.environ.get("NEWSGATE_WAREHOUSE") or "warehouse"
            ).resolve(),
            max_file_bytes=_env_int("NEWSGATE_MAX_FILE_BYTES", 5_000_000),
            spacy_model=spacy_model_from_env(),
            keep_publications=max(1, _env_int("NEWSGATE_KEEP_PUBLICATIONS", 5)),
            input_mode=resolve_input_mode(input_mode),
            sql_timeout=_env_float("NEWSGATE_SQL_TIMEOUT", 30.0),
            sql_memory_limit=os.environ.get("NEWSGATE_SQL_MEMORY_LIMIT") or "2GB",
        )

    @property
    def database_path(self) -> Path:
        """The pipeline's private working database (nothing else should open it)."""
        return self.warehouse_dir / "pipeline.duckdb"

    @property
    def catalog_path(self) -> Path:
        """The read-only catalog analysts open: a pointer to the current publication's catalog."""
        return self.warehouse_dir / "newsgate.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.warehouse_dir / "published"

    def check_folders(self) -> None:
        """Raise FolderOverlapError when the input folder and the warehouse overlap."""
        source, target = self.input_dir.resolve(), self.warehouse_dir.resolve()
        if source == target or target.is_relative_to(source) or source.is_relative_to(target):
            raise FolderOverlapError(
                f"input folder {source} and warehouse {target} overlap; the run would read its "
                "own output as articles — put the warehouse outside the input folder"
            )
