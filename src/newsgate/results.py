"""Query results written as a terminal table, CSV, JSON or Parquet."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import polars as pl

from newsgate.errors import SqlOutputError

FORMATS = ("table", "csv", "json", "parquet")
CELL_WIDTH = 60
TABLE_ROWS = 200


def _plain(value):
    """Return value as JSON-ready data: dates as ISO text, lists and structs kept nested."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _text(value) -> str:
    """Return one cell as text: null, nested values as JSON, everything else as str."""
    if value is None:
        return ""
    plain = _plain(value)
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)


def _cell(value) -> str:
    text = "null" if value is None else _text(value)
    text = " ".join(text.split()) if any(c in text for c in "\n\r\t") else text
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def render_table(frame: pl.DataFrame, max_rows: int = TABLE_ROWS) -> str:
    """Return the frame as an aligned text table whose header names are never cut or wrapped."""
    headers = frame.columns
    rows = [[_cell(v) for v in row] for row in frame.head(max_rows).iter_rows()]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [
        " │ ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
        "─┼─".join("─" * w for w in widths),
    ]
    lines += [
        " │ ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    shown = f"{frame.height} row{'s' if frame.height != 1 else ''}"
    if frame.height > max_rows:
        shown += f", first {max_rows} shown (use --format csv or --output for all)"
    lines.append(f"({shown})")
    return "\n".join(lines) + "\n"


def render_csv(frame: pl.DataFrame) -> str:
    """Return the frame as CSV text with a header row; lists as JSON, nulls empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.iter_rows():
        writer.writerow([_text(v) for v in row])
    return buffer.getvalue()


def render_json(frame: pl.DataFrame) -> str:
    """Return the frame as a JSON array of row objects."""
    rows = [{k: _plain(v) for k, v in row.items()} for row in frame.iter_rows(named=True)]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def write_result(
    frame: pl.DataFrame,
    fmt: str,
    output: str | Path | None,
    stdout: BinaryIO,
    stdout_is_terminal: bool,
) -> None:
    """Write the frame in `fmt` to the file `output` (atomically) or to stdout."""
    if fmt not in FORMATS:
        raise SqlOutputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None and stdout_is_terminal:
            raise SqlOutputError("Parquet is binary: give --output FILE or redirect stdout")
        buffer = io.BytesIO()
        frame.write_parquet(buffer, compression="zstd")
        data = buffer.getvalue()
    else:
        render = {"table": render_table, "csv": render_csv, "json": render_json}[fmt]
        data = render(frame).encode("utf-8")
    if output is None:
        stdout.write(data)
        stdout.flush()
        return
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise SqlOutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
