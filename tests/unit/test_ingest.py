import codecs
import os

import pytest

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import InputDirError
from newsgate.ingest import decode_bytes, ingest_documents


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_unreadable_bytes_get_a_reason(data, reason):
    assert decode_bytes(data).reason == reason


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Héllo wörld".encode(), "utf-8"),
        ("Héllo wörld".encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + "Héllo wörld".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF8 + b"Hello", "utf-8-sig"),
    ],
)
def test_text_encodings_are_detected(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.reason is None
    assert decoded.encoding == encoding
    assert decoded.text.startswith("H")


def test_crlf_is_normalised():
    assert decode_bytes(b"a\r\nb\rc").text == "a\nb\nc"


def _write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def test_ingest_is_idempotent_and_quarantines(tmp_path):
    input_dir = tmp_path / "in"
    _write(
        input_dir,
        {"a.txt": b"Alpha text.", "b.txt": b"Alpha text.", "c.txt": b"", "d.txt": b"Delta text."},
    )
    settings = Settings.load(input_dir, tmp_path / "wh")
    first = ingest_documents(settings, "run1")
    assert first == {
        "files": 4,
        "quarantined": 1,
        "ingested": 2,
        "already_ingested": 1,
        "document": 2,
    }
    second = ingest_documents(settings, "run2")
    assert second["ingested"] == 0
    assert second["already_ingested"] == 3
    con = warehouse.connect(settings)
    try:
        paths = [
            r[0] for r in con.execute("select source_path from work.document order by 1").fetchall()
        ]
        rejects = con.execute("select source_path, reason from work.raw_quarantine").fetchall()
        stored = con.execute("select count(*) from work.raw_document").fetchall()[0][0]
    finally:
        con.close()
    assert paths == ["a.txt", "d.txt"]
    assert rejects == [("c.txt", "empty")]
    assert stored == 2


def test_symlink_out_of_input_is_quarantined(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("outside text")
    input_dir = tmp_path / "in"
    _write(input_dir, {"ok.txt": b"Fine text."})
    (input_dir / "link.txt").symlink_to(outside)
    settings = Settings.load(input_dir, tmp_path / "wh")
    assert ingest_documents(settings, "r")["quarantined"] == 1


def test_too_large_file_is_quarantined(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGATE_MAX_FILE_BYTES", "10")
    input_dir = tmp_path / "in"
    _write(input_dir, {"big.txt": b"x" * 11})
    settings = Settings.load(input_dir, tmp_path / "wh")
    assert ingest_documents(settings, "r")["quarantined"] == 1


def test_missing_input_folder_is_a_clear_error(tmp_path):
    settings = Settings.load(tmp_path / "nope", tmp_path / "wh")
    with pytest.raises(InputDirError, match="NG002"):
        ingest_documents(settings, "r")


def _ingest_within(settings, seconds=30):
    """Run ingest in a thread and fail (instead of hanging) if it takes longer than `seconds`."""
    import threading

    result = {}

    def work():
        try:
            result["counts"] = ingest_documents(settings, "r")
        except Exception as exc:  # handed to the test thread
            result["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"ingest still running after {seconds} s"
    if "error" in result:
        raise result["error"]
    return result["counts"]


def _outcomes(settings):
    con = warehouse.connect(settings)
    try:
        files = dict(
            con.execute(
                "select source_path, outcome from work.raw_file where run_id = 'r'"
            ).fetchall()
        )
        reasons = dict(
            con.execute("select source_path, reason from work.raw_quarantine").fetchall()
        )
    finally:
        con.close()
    return files, reasons


def test_hostile_files_are_quarantined_within_seconds_and_nothing_is_lost(tmp_path):
    import socket
    import stat

    input_dir = tmp_path / "in"
    _write(input_dir, {"ok.txt": b"Fine text."})
    os.mkfifo(input_dir / "pipe.txt")
    (input_dir / "loop-a.txt").symlink_to(input_dir / "loop-b.txt")
    (input_dir / "loop-b.txt").symlink_to(input_dir / "loop-a.txt")
    (input_dir / "dangling.txt").symlink_to(input_dir / "nowhere.txt")
    (input_dir / "zero.txt").symlink_to("/dev/zero")
    (input_dir / "inside-fifo.txt").symlink_to(input_dir / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(input_dir / "sock"))
    expected = {
        "ok.txt": ("ingested", None),
        "pipe.txt": ("quarantined", "not_regular_file"),
        "loop-a.txt": ("quarantined", "broken_symlink"),
        "loop-b.txt": ("quarantined", "broken_symlink"),
        "dangling.txt": ("quarantined", "broken_symlink"),
        "zero.txt": ("quarantined", "symlink_outside_input"),
        "inside-fifo.txt": ("quarantined", "not_regular_file"),
        "sock": ("quarantined", "not_regular_file"),
    }
    try:
        os.mknod(input_dir / "device", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero
        expected["device"] = ("quarantined", "not_regular_file")
    except PermissionError:
        pass  # creating device nodes needs root; the FIFO and socket cover the same path
    settings = Settings.load(input_dir, tmp_path / "wh")
    try:
        counts = _ingest_within(settings)
    finally:
        server.close()
    files, reasons = _outcomes(settings)
    assert {p: (files[p], reasons.get(p)) for p in files} == expected
    assert counts["files"] == len(expected)


def test_names_differing_only_in_invalid_utf8_bytes_stay_apart(tmp_path):
    from newsgate.ingest import source_path_of

    input_dir = tmp_path / "in"
    input_dir.mkdir()
    root = os.fsencode(input_dir)
    for name, text in ((b"bad\xff.txt", b"First text."), (b"bad\xfe.txt", b"Second text.")):
        with open(root + b"/" + name, "wb") as handle:
            handle.write(text)
    (input_dir / "bad\\xff.txt").write_bytes(b"Third text, with a literal backslash name.")
    settings = Settings.load(input_dir, tmp_path / "wh")
    _ingest_within(settings)
    files, _ = _outcomes(settings)
    assert set(files) == {"bad\\xff.txt", "bad\\xfe.txt", "bad\\\\xff.txt"}
    assert set(files.values()) == {"ingested"}
    assert source_path_of(input_dir / "plain name é.txt", input_dir) == "plain name é.txt"


@pytest.mark.parametrize("layout", ["same", "warehouse_inside_input", "input_inside_warehouse"])
def test_overlapping_input_and_warehouse_are_refused(tmp_path, layout):
    from newsgate.errors import FolderOverlapError

    base = tmp_path / "data"
    _write(base, {"a.txt": b"Alpha text."})
    input_dir, warehouse_dir = {
        "same": (base, base),
        "warehouse_inside_input": (base, base / "warehouse"),
        "input_inside_warehouse": (base / "inbox", base),
    }[layout]
    input_dir.mkdir(exist_ok=True)
    settings = Settings.load(input_dir, warehouse_dir)
    with pytest.raises(FolderOverlapError, match="NG004"):
        ingest_documents(settings, "r")
    with pytest.raises(FolderOverlapError), warehouse.run_lock(settings):
        pass
    assert not (warehouse_dir / "pipeline.duckdb").exists()


def test_a_file_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    from newsgate import ingest

    monkeypatch.setenv("NEWSGATE_MAX_FILE_BYTES", "100")
    input_dir = tmp_path / "in"
    _write(input_dir, {"big.txt": b"x" * 10_000})
    reads = []
    real_read = os.read

    def counting_read(fd, n):
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(ingest.os, "fstat", lambda fd: os.stat(input_dir / "in.txt"))
    (input_dir / "in.txt").write_bytes(b"y")  # fstat reports a small size: only reading can tell
    monkeypatch.setattr(ingest.os, "read", counting_read)
    problem, _detail, doc = ingest._read_file(input_dir / "big.txt", 100)
    assert problem == "too_large" and doc is None
    assert sum(reads) <= 101 + 1
