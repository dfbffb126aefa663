"""Ingest: read every file under the input folder into the warehouse, or quarantine it."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import InputDirError
from newsgate.progress import progress
from newsgate.runs import add_quarantine, reset_quarantine
from newsgate.tables import stage_tables

STAGE = "ingest"
FLUSH_EVERY = 500

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}

DOCUMENT_SCHEMA = {
    "doc_id": pl.String,
    "source_path": pl.String,
    "size_bytes": pl.Int64,
    "encoding": pl.String,
    "text": pl.String,
    "run_id": pl.String,
    "ingested_at": pl.Datetime("us", "UTC"),
}
FILE_SCHEMA = {
    "run_id": pl.String,
    "source_path": pl.String,
    "doc_id": pl.String,
    "outcome": pl.String,
}


@dataclass(frozen=True)
class DecodedFile:
    """A file read as text, or the reason it could not be."""

    text: str | None
    encoding: str | None
    reason: str | None = None
    detail: str | None = None


def decode_bytes(data: bytes) -> DecodedFile:
    """Return the text of `data` with its detected encoding, or a quarantine reason."""
    if not data:
        return DecodedFile(None, None, "empty", "file has no bytes")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                return DecodedFile(None, None, "undecodable", f"{encoding} BOM but {exc.reason}")
            return _checked(text, encoding)
    if b"\x00" in data:
        return DecodedFile(None, None, "binary", "NUL bytes and no UTF-16/32 byte-order mark")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1"), "latin-1")


def _checked(text: str, encoding: str) -> DecodedFile:
    if not text.strip():
        return DecodedFile(None, None, "empty", "file holds only whitespace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if controls > max(2, len(text) // 100):
        return DecodedFile(None, None, "binary", f"{controls} control characters in {len(text)}")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return DecodedFile(None, None, "html", "an HTML page, not article text")
    return DecodedFile(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _relative(path: Path, root: Path) -> str:
    rel = os.fsencode(path.relative_to(root))
    return rel.decode("utf-8", errors="replace")


def _input_files(root: Path) -> list[tuple[Path, str | None]]:
    """List (path, problem) for every file under root; symlinks out of root carry a problem."""
    found: list[tuple[Path, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            link = here / name
            if link.is_symlink() and not link.resolve().is_relative_to(root):
                found.append((link, "symlink_outside_input"))
        dirnames.sort()
        for name in sorted(filenames):
            path = here / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    found.append((path, "symlink_outside_input"))
                    continue
                if not target.is_file():
                    found.append((path, "unreadable"))
                    continue
            found.append((path, None))
    return found


def ingest_documents(settings: Settings, run_id: str) -> dict[str, int]:
    """Read the input folder into work.raw_document (new contents only); return outcome counts."""
    root = settings.input_dir.resolve()
    if not root.is_dir():
        raise InputDirError(f"input folder {settings.input_dir} does not exist or is not a folder")
    con = warehouse.connect(settings)
    try:
        reset_quarantine(con)
        warehouse.append_frame(con, "raw_document", pl.DataFrame(schema=DOCUMENT_SCHEMA))
        known = {row[0] for row in con.execute("select doc_id from work.raw_document").fetchall()}
        documents, files, rejects = [], [], []
        now = datetime.now(UTC)
        listed = _input_files(root)
        for path, problem in progress(listed, desc="ingest", unit="file", total=len(listed)):
            source_path = _relative(path, root)
            doc_id, outcome = None, None
            if problem is None:
                problem, detail, doc = _read_file(path, settings.max_file_bytes)
            else:
                detail, doc = f"{path} points outside {root}", None
            if doc is not None:
                data, decoded = doc
                doc_id = hashlib.sha256(data).hexdigest()
                if decoded.reason:
                    problem, detail = decoded.reason, decoded.detail
                elif doc_id in known:
                    outcome = "already_ingested"
                else:
                    known.add(doc_id)
                    outcome = "ingested"
                    documents.append(
                        {
                            "doc_id": doc_id,
                            "source_path": source_path,
                            "size_bytes": len(data),
                            "encoding": decoded.encoding,
                            "text": decoded.text,
                            "run_id": run_id,
                            "ingested_at": now,
                        }
                    )
            if problem:
                outcome = "quarantined"
                rejects.append(
                    {
                        "source_path": source_path,
                        "doc_id": doc_id,
                        "stage": STAGE,
                        "reason": problem,
                        "detail": detail,
                        "run_id": run_id,
                    }
                )
            files.append(
                {"run_id": run_id, "source_path": source_path, "doc_id": doc_id, "outcome": outcome}
            )
            if len(documents) >= FLUSH_EVERY:
                # stream texts into DuckDB so memory does not grow with the corpus
                _store(con, documents, [])
                documents.clear()
        _store(con, documents, files)
        add_quarantine(con, rejects)
        counts = {"files": len(files), "quarantined": len(rejects)}
        for outcome in ("ingested", "already_ingested"):
            counts[outcome] = sum(1 for f in files if f["outcome"] == outcome)
        for table in stage_tables(STAGE):
            counts[table.name] = warehouse.build_table(con, table, run_id)
        return counts
    finally:
        con.close()


def _read_file(path: Path, max_bytes: int) -> tuple[str | None, str | None, tuple | None]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return "too_large", f"{size} bytes exceeds the limit of {max_bytes}", None
        data = path.read_bytes()
    except OSError as exc:
        return "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}", None
    return None, None, (data, decode_bytes(data))


def _store(con, documents: list[dict], files: list[dict]) -> None:
    warehouse.append_frame(con, "raw_document", pl.DataFrame(documents, schema=DOCUMENT_SCHEMA))
    warehouse.append_frame(con, "raw_file", pl.DataFrame(files, schema=FILE_SCHEMA))
