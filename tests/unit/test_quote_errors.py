"""The quotation error classes of scripts/quote_errors.py, on an invented two-article run."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "quote_errors.py"
# a stand-in for the reference scorer: the script pairs quotations with the scorer's own tests
SCORER = """
import re
def toks(s):
    return re.findall(r"[a-z0-9]+", str(s).lower())
def quote_match(a, b):
    a, b = set(toks(a)), set(toks(b))
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6
def person_match(a, b):
    a, b = toks(a), toks(b)
    return bool(a and b) and a[-1] == b[-1]
"""

BODY_A = (
    "Mayor Lena Fisk opened the bridge.\n"
    "“The bridge is safe,” said Lena Fisk.\n"
    "“We will open a second one next year,” she added.\n"
    "Residents were not convinced."
)
BODY_B = "Engineer Omar Haddad inspected the dam.\n“The dam held,” the engineer said."


def _published(tmp_path: Path) -> Path:
    published = tmp_path / "warehouse" / "published"
    published.mkdir(parents=True)
    con = duckdb.connect()
    con.execute(
        "create table article as select * from (values ('a', 'a.txt', ?), ('b', 'b.txt', ?))"
        " t(article_id, source_path, body)",
        [BODY_A, BODY_B],
    )
    second = BODY_A.index("We will")
    dam = BODY_B.index("The dam")
    rows = [
        # right speaker
        ("a", "The bridge is safe,", "Lena Fisk", None, 36, 55),
        # speaker wrong: a person-less description for a pronoun continuation
        ("a", "We will open a second one next year,", None, "the mayor", second, second + 36),
        # speaker wrong: the role noun after the quotation
        ("b", "The dam held,", None, "the engineer", dam, dam + 13),
        # spurious
        ("b", "Residents were not convinced", None, None, 0, 5),
    ]
    con.execute(
        "create table quote(article_id varchar, text varchar, speaker_name varchar,"
        " speaker_description varchar, start_char int, end_char int)"
    )
    con.executemany("insert into quote values (?, ?, ?, ?, ?, ?)", rows)
    for table in ("article", "quote"):
        con.execute(f"copy {table} to '{published / (table + '.parquet')}' (format parquet)")
    return tmp_path / "warehouse"


def _gold(tmp_path: Path) -> tuple[Path, Path]:
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    gold.mkdir()
    articles.mkdir()
    (articles / "a.txt").write_text("Bridge opens\n" + BODY_A, encoding="utf-8")
    (articles / "b.txt").write_text("Dam holds\n" + BODY_B, encoding="utf-8")
    quotes_a = [
        {"speaker": "Lena Fisk", "text": "The bridge is safe,"},
        {"speaker": "Lena Fisk", "text": "We will open a second one next year,"},
        {"speaker": None, "text": "a quotation in a caption", "speaker_description": "x"},
    ]
    quotes_b = [{"speaker": "Omar Haddad", "text": "The dam held,"}]
    (gold / "a.json").write_text(
        json.dumps({"file": "a.txt", "quotes": quotes_a, "boilerplate_lines": []})
    )
    (gold / "b.json").write_text(
        json.dumps({"file": "b.txt", "quotes": quotes_b, "boilerplate_lines": []})
    )
    return gold, articles


def test_counts_each_class_once_and_prints_no_text(tmp_path):
    warehouse = _published(tmp_path)
    gold, articles = _gold(tmp_path)
    scorer = tmp_path / "score.py"
    scorer.write_text(SCORER)
    out = tmp_path / "counts.json"
    run = subprocess.run(
        [
            *(sys.executable, str(SCRIPT), str(warehouse), str(gold), str(articles)),
            *("--scorer", str(scorer), "--json", str(out)),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    counts = json.loads(out.read_text())
    assert counts["gold"] == {"all": 4, "named_speaker": 3, "speaker_right": 1}
    assert counts["speaker_wrong"] == {"pronoun": 1, "role_noun": 1}
    assert counts["missed"] == {"other": 1}
    assert counts["spurious"] == {"other": 1}
    assert "bridge" not in run.stdout.lower() and "dam" not in run.stdout.lower()
