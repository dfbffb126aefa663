"""Ingest: read every file under the input folder into the warehouse, or quarantine it."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import InputDirError, RetractError
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


def source_path_of(path: Path, root: Path) -> str:
    """Return path relative to root as text that tells every file name apart."""
    # a name that is not UTF-8 (or holds a backslash) is escaped: backslash doubled, each
    # undecodable byte as \xNN; plain names stay as they are, so the mapping is one-to-one
    raw = os.fsencode(path.relative_to(root))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\\" not in text:
        return text
    out = []
    for char in raw.decode("utf-8", errors="surrogateescape"):
        if char == "\\":
            out.append("\\\\")
        elif 0xDC80 <= ord(char) <= 0xDCFF:
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            out.append(char)
    return "".join(out)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


@dataclass(frozen=True)
class Listed:
    """One entry under the input folder: where to read it, or why it cannot be read."""

    path: Path
    target: Path | None
    problem: str | None = None
    detail: str | None = None


def _link(path: Path, root: Path) -> Listed | None:
    """Classify a symlink: a readable target inside root, a problem, or None for a folder."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        # RuntimeError: Python 3.11 reports a symlink loop that way
        return Listed(path, None, "broken_symlink", f"symlink cannot be resolved: {exc}")
    if not target.is_relative_to(root):
        return Listed(path, None, "symlink_outside_input", f"points to {target}, outside {root}")
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        return Listed(path, None, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    if stat.S_ISDIR(mode):
        return None  # its files are listed where they really are, inside root
    if not stat.S_ISREG(mode):
        return Listed(path, None, "not_regular_file", f"symlink to {_kind(mode)}")
    return Listed(path, target)


def _input_files(root: Path, folder: Path | None = None) -> Iterator[Listed]:
    """Yield every entry under root in name order, without following links or opening anything."""
    folder = folder or root
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        if folder == root:
            raise InputDirError(f"cannot list the input folder {root}: {exc.strerror}") from exc
        yield Listed(folder, None, "unreadable", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = os.lstat(path).st_mode
        except OSError as exc:
            yield Listed(path, None, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            yield from _input_files(root, path)
        elif stat.S_ISLNK(mode):
            listed = _link(path, root)
            if listed is not None:
                yield listed
        elif stat.S_ISREG(mode):
            yield Listed(path, path)
        else:
            yield Listed(path, None, "not_regular_file", f"{_kind(mode)}, not a regular file")


RUN_SCHEMA = {"run_id": pl.String, "input_mode": pl.String}
RETRACTION_SCHEMA = {
    "doc_id": pl.String,
    "article_id": pl.String,
    "source_path": pl.String,
    "retracted_at": pl.Datetime("us", "UTC"),
}
PUBLISHED_FILE_SCHEMA = {
    "source_path": pl.String,
    "doc_id": pl.String,
    "article_id": pl.String,
    "outcome": pl.String,
}


def ensure_ingest_tables(con) -> None:
    """Create the working tables ingest and the document/file_outcome SQL read, when missing."""
    for name, schema in (
        ("raw_document", DOCUMENT_SCHEMA),
        ("raw_file", FILE_SCHEMA),
        ("retraction", RETRACTION_SCHEMA),
        ("published_file_outcome", PUBLISHED_FILE_SCHEMA),
    ):
        warehouse.append_frame(con, name, pl.DataFrame(schema=schema))


def ingest_documents(settings: Settings, run_id: str) -> dict[str, int]:
    """Read the input folder into work.raw_document (new contents only); return outcome counts."""
    root = settings.input_dir.resolve()
    if not root.is_dir():
        raise InputDirError(f"input folder {settings.input_dir} does not exist or is not a folder")
    settings.check_folders()
    con = warehouse.connect(settings)
    try:
        reset_quarantine(con)
        ensure_ingest_tables(con)
        warehouse.write_frame(
            con,
            "ingest_run",
            pl.DataFrame(
                [{"run_id": run_id, "input_mode": settings.input_mode}], schema=RUN_SCHEMA
            ),
        )
        known = {row[0] for row in con.execute("select doc_id from work.raw_document").fetchall()}
        documents, files, rejects = [], [], []
        now = datetime.now(UTC)
        listed = list(_input_files(root))
        for entry in progress(listed, desc="ingest", unit="file", total=len(listed)):
            source_path = source_path_of(entry.path, root)
            doc_id, outcome, doc = None, None, None
            problem, detail = entry.problem, entry.detail
            if problem is None:
                problem, detail, doc = _read_file(entry.target, settings.max_file_bytes)
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
    """Read a regular file without blocking and never more than max_bytes + 1 bytes."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}", None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            # swapped for something else after it was listed
            return "not_regular_file", f"{_kind(info.st_mode)}, not a regular file", None
        if info.st_size > max_bytes:
            return "too_large", f"{info.st_size} bytes exceeds the limit of {max_bytes}", None
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        return "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}", None
    finally:
        os.close(fd)
    if total > max_bytes:
        return "too_large", f"more than the limit of {max_bytes} bytes", None
    data = b"".join(chunks)
    return None, None, (data, decode_bytes(data))


def _store(con, documents: list[dict], files: list[dict]) -> None:
    warehouse.append_frame(con, "raw_document", pl.DataFrame(documents, schema=DOCUMENT_SCHEMA))
    warehouse.append_frame(con, "raw_file", pl.DataFrame(files, schema=FILE_SCHEMA))


def retract(settings: Settings, target: str) -> list[dict]:
    """Record the retraction of the article or input path `target` and return the retracted
    documents; the next run leaves them out of the publication."""
    with warehouse.run_lock(settings, check_input=False):
        return _retract(settings, target)


def _retract(settings: Settings, target: str) -> list[dict]:
    con = warehouse.connect(settings)
    try:
        ensure_ingest_tables(con)
        found = con.execute(
            """
            select distinct doc_id, substr(doc_id, 1, 16) as article_id, source_path
            from (
                select doc_id, source_path from work.published_file_outcome
                union all
                select doc_id, source_path from work.raw_file
            )
            where doc_id is not null
              and (source_path = $target or doc_id = $target
                   or substr(doc_id, 1, 16) = $target)
            """,
            {"target": target},
        ).fetchall()
        found = pl.DataFrame(found, schema=["doc_id", "article_id", "source_path"], orient="row")
        if found.is_empty():
            raise RetractError(
                f"{target!r} is neither an article_id nor the source_path of an input file "
                '(see `newsgate sql "select article_id, source_path from file_outcome"`)'
            )
        found = found.unique("doc_id", keep="first").sort("source_path")
        rows = found.with_columns(retracted_at=pl.lit(datetime.now(UTC))).select(
            list(RETRACTION_SCHEMA)
        )
        warehouse.append_frame(con, "retraction", rows.cast(RETRACTION_SCHEMA))
        return found.to_dicts()
    finally:
        con.close()
