"""build_articles over a small warehouse: articles, line decisions, quarantine, duplicates."""

import polars as pl

from newsgate import warehouse
from newsgate.article_stage import build_articles

STORY = (
    "The harbour authority said on Friday that the new ferry terminal would open next spring, "
    "after two years of delays caused by flooding and a shortage of steel. Local traders "
    "welcomed the decision but warned that ticket prices should stay low for commuters."
)
EXTRA = (
    " The regional governor is expected to visit the site next week and meet the engineers "
    "who designed the floating pier and its storm barrier."
)
SPANISH = (
    "La autoridad del puerto dijo el viernes que la nueva terminal abrirá la próxima primavera, "
    "después de dos años de retrasos por las inundaciones y la falta de acero en la región."
)


def test_build_articles_writes_articles_lines_quarantine_and_duplicates(settings):
    docs = {
        "a" * 64: ("long.txt", f"Ferry terminal to open\n\n{STORY}{EXTRA}\n\nSource: Harbour Wire"),
        "b" * 64: ("rewrite.txt", f"Terminal opening in spring\n\n{STORY}\n\nPhoto: Reuters"),
        "c" * 64: ("spanish.txt", SPANISH),
        "d" * 64: ("menu.txt", "Home\nLog in\nShare"),
    }
    con = warehouse.connect(settings)
    try:
        frame = pl.DataFrame(
            {
                "doc_id": list(docs),
                "source_path": [p for p, _ in docs.values()],
                "text": [t for _, t in docs.values()],
            }
        )
        warehouse.write_frame(con, "document", frame)
    finally:
        con.close()

    counts = build_articles(settings, "run-1")

    con = warehouse.connect(settings)
    try:
        articles = con.execute(
            "select source_path, outlet, duplicate_of, similarity from work.article order by 1"
        ).fetchall()
        rejects = con.execute(
            "select source_path, reason from work.raw_quarantine order by 1"
        ).fetchall()
        dropped = con.execute(
            "select text, reason from work.article_line "
            "where kind = 'boilerplate' and article_id = ? order by line_no",
            ["b" * 16],
        ).fetchall()
    finally:
        con.close()
    assert counts == {"article_line": 14, "article": 2}
    assert articles == [
        ("long.txt", "Harbour Wire", None, None),
        ("rewrite.txt", None, "a" * 16, 1.0),
    ]
    assert rejects == [("menu.txt", "no_sentences"), ("spanish.txt", "not_english")]
    assert dropped == [("Photo: Reuters", "credit")]
