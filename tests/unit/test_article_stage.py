"""build_articles over a small warehouse: articles, line decisions, quarantine, duplicates."""

import polars as pl

from newsgate import warehouse
from newsgate.article_stage import build_articles, context_of
from newsgate.articles import common_lines, line_keys
from newsgate.config import Settings

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


def _site_page(site: int, page: int) -> str:
    """An invented page of one of a few sites: the site's furniture, a page-specific headline
    and a body paragraph (some lines differ only in case and spacing)."""
    furniture = [f"Site {site} News", "Home  |  World", f"SUBSCRIBE to site {site}", "Share"]
    body = (
        f"The council of district {page} said on Monday that the bridge repairs would end in "
        f"spring, and traders in the market welcomed the news after months of detours."
    )
    return "\n".join(
        [furniture[page % 2], f"Repairs in district {site}-{page}", "", body, *furniture]
    )


def _write_documents(settings, texts: dict[str, str]) -> None:
    con = warehouse.connect(settings)
    try:
        frame = pl.DataFrame(
            {
                "doc_id": list(texts),
                "source_path": [f"{d[:8]}.txt" for d in texts],
                "text": list(texts.values()),
            }
        )
        warehouse.write_frame(con, "document", frame)
    finally:
        con.close()


def _stage_rows(settings) -> dict[str, list[tuple]]:
    con = warehouse.connect(settings)
    try:
        return {
            name: con.execute(f"select * from work.{name} order by all").fetchall()
            for name in ("raw_article", "raw_article_line", "article_common", "article_context")
        }
    finally:
        con.close()


def test_recurring_lines_and_contexts_kept_per_document_match_a_recount(settings):
    texts = {f"{s}{p}".ljust(64, "0"): _site_page(s, p) for s in range(3) for p in range(4)}
    texts["f" * 64] = "Share\nOne line only"
    _write_documents(settings, texts)
    build_articles(settings, "run-1")

    common = common_lines(list(texts.values()))
    assert common  # the furniture recurs
    rows = _stage_rows(settings)
    assert {r[0] for r in rows["article_common"]} == common
    assert dict(rows["article_context"]) == {
        doc_id: context_of(frozenset(common & line_keys(text))) for doc_id, text in texts.items()
    }


def test_new_documents_reparse_only_what_their_lines_change_and_match_a_full_build(
    settings, tmp_path
):
    first = {f"{s}{p}".ljust(64, "0"): _site_page(s, p) for s in range(2) for p in range(4)}
    _write_documents(settings, first)
    build_articles(settings, "run-1")
    # site 2 appears: its furniture starts recurring, but only in its own pages ("Share" and
    # the others were recurring already)
    added = {f"{2}{p}".ljust(64, "0"): _site_page(2, p) for p in range(4)}
    _write_documents(settings, {**first, **added})
    build_articles(settings, "run-2")

    con = warehouse.connect(settings)
    try:
        reparsed = {
            r[0]
            for r in con.execute(
                "select doc_id from work.article_parsed where parsed_run_id = 'run-2'"
            ).fetchall()
        }
    finally:
        con.close()
    assert reparsed == set(added)

    fresh = Settings.load(settings.input_dir, tmp_path / "fresh")
    _write_documents(fresh, {**first, **added})
    build_articles(fresh, "run-1")
    assert _stage_rows(settings) == _stage_rows(fresh)
