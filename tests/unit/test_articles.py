from datetime import date

from newsgate.articles import not_article_reason, parse_article

BODY = (
    "The city council voted on a new budget for the coming year after a long debate. "
    "Members said the plan would fund schools, roads and parks across the region "
    "from next spring."
)


def test_title_body_and_credit_lines():
    text = f"Council passes budget\n\n{BODY}\n\nSource: Example Wire"
    parsed = parse_article(text)
    assert parsed.title == "Council passes budget"
    assert parsed.credited == ["Example Wire"]
    assert parsed.body == BODY
    assert not_article_reason(parsed) is None


def test_metadata_date_prefix_sets_published_date():
    parsed = parse_article(f" date 2023-03-04 {BODY}")
    assert parsed.published_date == date(2023, 3, 4)
    assert parsed.published_date_source == "metadata"
    assert parsed.body.startswith("The city council")


def test_text_without_sentences_is_not_an_article():
    assert not_article_reason(parse_article("lorem ipsum dolor")) is not None


def test_empty_text_is_not_an_article():
    assert not_article_reason(parse_article("")) == "no_sentences"
