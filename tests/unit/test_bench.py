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


def test_figures_table_has_a_column_per_size():
    figures = [
        {
            "n": n,
            "articles": n,
            "wall_s": 10.0,
            "articles_per_s": n / 10,
            "tokens_per_s": 5.0,
            "nlp_only_s": 8.0,
            "nlp_only_tokens_per_s": 6.0,
            "e2e_over_nlp": 1.25,
            "rerun_s": 1.0,
            "rerun_fraction": 0.1,
            "peak_rss_mb": 500.0,
            "stages_s": {"ingest_documents": 1.0},
        }
        for n in (100, 1000)
    ]
    table = format_figures(figures)
    assert "N=100" in table and "N=1000" in table
    assert "ingest_documents" in table
