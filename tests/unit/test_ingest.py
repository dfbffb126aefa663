import codecs

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
