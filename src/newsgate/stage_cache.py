"""What the stages keep between runs: per-batch outputs appended to work tables, the version of
the code that made them (a hash of the newsgate modules a step imports and of the package's data
files), and fingerprints of the inputs of cross-article steps, so nothing is redone that did not
change and nothing stale is reused."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from newsgate.warehouse import WORK_SCHEMA

PACKAGE = "newsgate"
_PACKAGE_DIR = Path(__file__).resolve().parent
_SKIP_DIRS = {"__pycache__"}


def _module_path(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _imports(name: str, path: Path) -> set[str]:
    """Return the newsgate modules `path` imports anywhere in its body (lazy imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            # "from newsgate import articles" imports a module, not a name
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {n for n in found if n == PACKAGE or n.startswith(PACKAGE + ".")}


@cache
def module_closure(roots: tuple[str, ...]) -> tuple[str, ...]:
    """Return every newsgate module reachable by imports from `roots` (and their packages)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_path(name)
        if path is None:
            continue
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)
        todo.extend(_imports(name, path) - seen)
    return tuple(sorted(seen))


def _data_files() -> list[Path]:
    """Every file of the package that is not Python source: word lists, gazetteers, configs."""
    files = []
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if (
            path.is_file()
            and not _SKIP_DIRS & set(path.parts)
            and path.suffix not in (".py", ".pyc")
        ):
            files.append(path)
    return files


@cache
def code_version(roots: tuple[str, ...], *extra: str) -> str:
    """Return a short hash of the sources reachable from `roots`, the package data and `extra`."""
    digest = hashlib.sha256("\x1f".join(extra).encode())
    for name in module_closure(roots):
        digest.update(name.encode())
        digest.update(_module_path(name).read_bytes())
    for path in _data_files():
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


STATE_TABLE = "stage_state"


def fingerprint(*parts: str) -> str:
    """Return a hash of `parts`: what a cross-article step's output was computed from."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\x1f")
    return digest.hexdigest()


def append_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> int:
    """Append each Arrow table to work.<name> (created from its schema if missing); return rows."""
    rows = 0
    for name, table in tables.items():
        con.register("_batch", table)
        try:
            con.execute(
                f"create table if not exists {WORK_SCHEMA}.{name} as select * from _batch limit 0"
            )
            con.execute(f"insert into {WORK_SCHEMA}.{name} by name select * from _batch")
        finally:
            con.unregister("_batch")
        rows += table.num_rows
    return rows


def create_empty(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Schema]) -> None:
    """Create each missing work.<name> with its Arrow schema and no rows."""
    for name, schema in tables.items():
        append_tables(con, {name: schema.empty_table()})


def drop_tables(con: duckdb.DuckDBPyConnection, names: list[str]) -> None:
    """Drop work.<name> for each name (a full refresh forgets what was kept)."""
    for name in names:
        con.execute(f"drop table if exists {WORK_SCHEMA}.{name}")


def stored_fingerprint(con: duckdb.DuckDBPyConnection, step: str) -> str | None:
    """Return the fingerprint of the inputs `step` last stored its output for, if any."""
    con.execute(
        f"create table if not exists {WORK_SCHEMA}.{STATE_TABLE} "
        "(step varchar primary key, fingerprint varchar)"
    )
    rows = con.execute(
        f"select fingerprint from {WORK_SCHEMA}.{STATE_TABLE} where step = ?", [step]
    ).fetchall()
    return rows[0][0] if rows else None


def store_fingerprint(con: duckdb.DuckDBPyConnection, step: str, value: str | None) -> None:
    """Record that `step`'s stored output was computed from inputs with fingerprint `value`."""
    stored_fingerprint(con, step)
    con.execute(f"delete from {WORK_SCHEMA}.{STATE_TABLE} where step = ?", [step])
    if value is not None:
        con.execute(f"insert into {WORK_SCHEMA}.{STATE_TABLE} values (?, ?)", [step, value])
