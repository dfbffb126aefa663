"""Round-9 kinds of headline, stamp, dateline, credit and furniture, each on invented text: the
rule fires on its kind and leaves lines of a similar shape alone."""

import pytest

from newsgate.articles import parse_article
from newsgate.boilerplate import internal_sentence, is_headline
from tests.unit.test_article_round3 import HEADLINE
from tests.unit.test_boilerplate import PARA_1, PARA_2, PARA_3


def _story(*top: str) -> str:
    return "\n\n".join([*top, PARA_1, PARA_2, PARA_3])


def test_an_abbreviation_ends_no_sentence_inside_a_headline():
    headline = "Ferry Terminal Opens In Wash. Harbour After Delay"
    assert not internal_sentence(headline)
    assert is_headline(headline)
    assert parse_article(_story(headline)).title == headline
    # a full stop after an ordinary word still ends a sentence
    assert internal_sentence("The harbour flooded. Traders moved out")
    assert not is_headline("The harbour flooded. Traders moved out")


def test_a_section_label_before_a_bar_is_no_part_of_the_headline():
    parsed = parse_article(_story(f"Regional News | {HEADLINE}"))
    assert parsed.title == HEADLINE
    assert f"Regional News | {HEADLINE}" not in parsed.body
    # a headline of its own before the bar stays whole, and its site after the bar goes
    assert parse_article(_story(f"{HEADLINE} | Fjord Ledger")).title == HEADLINE


def test_a_headline_printed_twice_on_one_line_is_the_headline_once():
    parsed = parse_article(_story(HEADLINE + HEADLINE))
    assert parsed.title == HEADLINE
    assert HEADLINE not in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        # an editor's note on a wire update
        "(Adds comments from the harbour authority on the new ferry terminal)",
        # a country's name alone: the page's section over an untitled story
        "Republic of the Congo",
    ],
)
def test_a_note_in_brackets_or_a_place_alone_is_no_headline(line):
    parsed = parse_article(_story(line))
    assert parsed.title is None
    assert line not in parsed.body


def test_the_leads_own_opening_is_no_headline():
    opening = PARA_1.rstrip(".")
    parsed = parse_article(_story(opening))
    assert parsed.title is None
    # a short headline sharing the lead's words stays the headline
    assert parse_article(_story("New ferry terminal would open next spring")).title is not None
