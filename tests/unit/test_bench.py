from newsgate.articles import parse_article
from newsgate.bench.corpus import generate_corpus, write_corpus
from newsgate.bench.run import format_figures


def test_corpus_is_deterministic_for_a_seed():
    first = [a.text for a in generate_corpus(50, seed=7)]
    assert first == [a.text for a in generate_corpus(50, seed=7)]
    assert first != [a.text for a in generate_corpus(50, seed=8)]


def test_corpus_is_varied_with_some_rewrites():
    articles = list(generate_corpus(300, seed=1))
    titles = {a.text.splitlines()[0] for a in articles}
    assert len(titles) > 200
    assert 10 < sum(a.text.startswith("UPDATE: ") for a in articles) < 60
    assert all("“" in a.text and "Source: " in a.text for a in articles)


def test_generated_articles_parse_as_articles_with_boilerplate_removed():
    for article in generate_corpus(20, seed=3):
        parsed = parse_article(article.text)
        assert parsed.title
        assert "Source:" not in parsed.body and "Photo:" not in parsed.body


def test_write_corpus_spreads_files_over_folders(tmp_path):
    assert write_corpus(tmp_path, 1200, seed=2) == 1200
    assert len(list(tmp_path.iterdir())) == 2


def _summary(n: int, wall: float) -> dict:
    return {
        "wall_s": wall,
        "articles": n,
        "words": 150 * n,
        "words_per_s": 150 * n / wall,
        "articles_per_s": n / wall,
        "nlp_only_s": wall / 1.2,
        "e2e_over_nlp": 1.2,
        "rerun_s": wall / 20,
        "rerun_fraction": 0.05,
        "plus_s": wall / 10,
        "plus_fraction": 0.1,
        "main_cpu_s": 1.0,
        "workers_cpu_s": 2.0,
        "processes": 3,
        "peak_rss_mb": 400.0,
        "peak_tree_rss_mb": 1200.0,
        "peak_tree_pss_mb": 900.0 if n < 1000 else 1000.0,
        "same_rows": True,
        "repeatable_rows": True,
        "stages_s": {"ingest_documents": 1.0},
    }


def test_figures_table_has_a_column_per_size_and_checks_the_targets():
    figures = [{"n": n, "runners": {"process": _summary(n, 10.0)}} for n in (100, 1000)]
    figures[1]["baseline"] = dict(_summary(1000, 40.0), same_rows=True)
    figures[1]["speedup"] = 4.0
    table = format_figures(figures)
    assert "N=100 process" in table and "N=1000 process" in table and "N=1000 baseline" in table
    assert "words/s end to end" in table and "ingest_documents" in table
    assert "words/s at N=1000 >= 3x the baseline: 4.00x met" in table
    assert "end-to-end / NLP-only <= 1.3 at N=1000: 1.20 met" in table
    assert "within 20% of N=100: 900 -> 1000 MB (+11%) met" in table
    assert "peak memory (PSS, flow + workers) <= 1 GB at N=1000: 1000 MB met" in table
