"""A corpus of bad input: every file has a defined outcome and none crashes the run."""

import codecs
import os

import pytest

from flows.news_pipeline import news_pipeline
from newsgate.config import Settings
from newsgate.query import run_query


def _article(topic: str) -> str:
    return (
        f"Officials discuss {topic}\n\n"
        f"Government officials met in Paris on Monday to discuss {topic} and the budget for "
        "the coming year. The talks lasted for several hours and ended without an agreement, "
        "according to people who attended the meeting.\n\n"
        f"“We will continue to work on {topic},” Minister Claire Dubois said after the talks. "
        "She added that the next meeting would take place in the spring."
    )


EXPECTED = {
    "empty.txt": ("quarantined", "ingest:empty"),
    "whitespace.txt": ("quarantined", "ingest:empty"),
    "binary.bin": ("quarantined", "ingest:binary"),
    "nul.txt": ("quarantined", "ingest:binary"),
    "latin1.txt": ("article", None),
    "utf16.txt": ("article", None),
    "too_big.txt": ("quarantined", "ingest:too_large"),
    "page.html": ("quarantined", "ingest:html"),
    "french.txt": ("quarantined", "article:not_english"),
    "no_sentences.txt": ("quarantined", "article:no_sentences"),
    "unbalanced.txt": ("article", None),
    "one_line.txt": ("article", None),
    "copy a.txt": ("article", None),
    "copy b.txt": ("duplicate", None),
    "naïve – ünïcode name.txt": ("article", None),
    "link.txt": ("quarantined", "ingest:symlink_outside_input"),
    "pipe.fifo": ("quarantined", "ingest:not_regular_file"),
    "loop-a.txt": ("quarantined", "ingest:broken_symlink"),
    "loop-b.txt": ("quarantined", "ingest:broken_symlink"),
    # two names that differ only in bytes that are not UTF-8 stay two articles
    "bad\\xff.txt": ("article", None),
    "bad\\xfe.txt": ("article", None),
}


@pytest.fixture(scope="module")
def bad_run(prefect_harness, tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    folder = root / "input"
    folder.mkdir()
    (root / "outside.txt").write_text(_article("secrets"))
    files = {
        "empty.txt": b"",
        "whitespace.txt": b"   \n\t\n  ",
        "binary.bin": bytes(range(256)) * 8,
        "nul.txt": _article("nul bytes").encode().replace(b" ", b"\x00", 5),
        "latin1.txt": _article("café prices").replace("“", '"').replace("”", '"').encode("latin-1"),
        "utf16.txt": codecs.BOM_UTF16_LE + _article("energy").encode("utf-16-le"),
        "too_big.txt": b"word " * 420_000,
        "page.html": b"<!DOCTYPE html><html><head><title>x</title></head><body>Hi</body></html>",
        "french.txt": (
            "Les ministres se sont réunis à Paris lundi pour discuter du budget de l'année "
            "prochaine. Les discussions ont duré plusieurs heures et se sont terminées sans "
            "accord, selon des personnes présentes à la réunion. Le ministre a déclaré que la "
            "prochaine réunion aurait lieu au printemps et que les travaux continueraient."
        ).encode(),
        "no_sentences.txt": b"apples\nbananas\ncherries\n",
        "unbalanced.txt": _article("ports").replace("”", "").replace("after", "“after").encode(),
        "one_line.txt": (
            "The committee reviewed the annual report on transport. " * 18_000
        ).encode(),
        "copy a.txt": _article("water").encode(),
        "copy b.txt": _article("water").encode(),
        "naïve – ünïcode name.txt": _article("schools").encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "link.txt").symlink_to(root / "outside.txt")
    os.mkfifo(folder / "pipe.fifo")  # would hang a reader that opens it blocking
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    for raw, topic in ((b"bad\xff.txt", "rivers"), (b"bad\xfe.txt", "bridges")):
        with open(os.fsencode(folder) + b"/" + raw, "wb") as handle:
            handle.write(_article(topic).encode())
    warehouse_dir = root / "warehouse"
    settings = Settings.load(folder, warehouse_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSGATE_MAX_FILE_BYTES", "2000000")
        state = news_pipeline(str(folder), str(warehouse_dir), return_state=True)
    return settings, state


def test_run_completes_and_publishes(bad_run):
    _, state = bad_run
    assert state.is_completed(), state.message


def test_every_file_has_its_defined_outcome(bad_run):
    settings, _ = bad_run
    rows = run_query(settings, "select source_path, outcome, quarantine_reason from file_outcome")
    got = {r["source_path"]: (r["outcome"], r["quarantine_reason"]) for r in rows.to_dicts()}
    assert got == EXPECTED


def test_quarantine_rows_carry_reason_and_path(bad_run):
    settings, _ = bad_run
    rows = run_query(settings, "select source_path, stage, reason, detail from quarantine")
    quarantined = {n for n, (outcome, _) in EXPECTED.items() if outcome == "quarantined"}
    assert set(rows["source_path"].to_list()) == quarantined
    assert all(rows["detail"].to_list())


def test_encodings_are_decoded(bad_run):
    settings, _ = bad_run
    bodies = run_query(settings, "select source_path, body from article").to_dicts()
    by_name = {r["source_path"]: r["body"] for r in bodies}
    assert "café prices" in by_name["latin1.txt"]
    assert "energy" in by_name["utf16.txt"]
