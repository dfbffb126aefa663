"""Round-11 kinds of furniture, each on invented text: promotions that speak to the reader, and a
teaser cut off at the page's end after the furniture that closed the story. Each rule fires on
its kind and leaves story lines of a similar shape alone."""

from newsgate.articles import parse_article
from newsgate.boilerplate import _reader_address, count_words
from tests.unit.test_article_round3 import HEADLINE
from tests.unit.test_boilerplate import PARA_1, PARA_2, PARA_3


def _body_lines(*lines: str) -> set[str]:
    parsed = parse_article("\n\n".join([HEADLINE, *lines]))
    assert parsed.title == HEADLINE
    return set(parsed.body.split("\n\n"))


def _address(text: str) -> bool:
    return _reader_address(text, count_words(text))


def test_a_promotion_speaking_to_the_reader_leaves_the_body():
    promos = [
        "Short of time? Subscribe to the Harbour Brief for a daily digest of the coast's news.",
        "Will you be ready when the ferry fares change?",
        "Don't let the new timetable catch you out. Plan ahead with the travel desk.",
    ]
    body = _body_lines(PARA_1, PARA_2, *promos, PARA_3)
    assert {PARA_1, PARA_2, PARA_3} <= body
    assert not body & set(promos)


def test_story_lines_shaped_like_a_promotion_stay():
    story = [
        "Download speeds at the terminal fell by a third last winter, the operator's figures show.",
        "If you travel every day, the fare rises by a tenth, the authority said in a statement.",
        "“Will you wait for the next boat?” the captain asked the passengers on the quay.",
        "Why did the council vote against the plan after two years of delays at the port?",
        "Register offices in the town will stay closed on Monday because of the storm warning.",
    ]
    body = _body_lines(PARA_1, *story, PARA_2)
    assert set(story) <= body


def test_reader_address_on_empty_and_odd_input():
    assert not _address("")
    assert not _address("?")
    assert not _address("Subscribe")
    assert not _address("you you you you you")
    assert _address("Sign up for the morning bulletin.")
    # an interview's question under its speaker label is story text
    assert not _address("Q: Will you stand for a second term?")
    assert not _address("Jane Roe: Don't you think the fares are too high?")
    # a long line that reports someone is story text
    assert not _address("Subscribe to the plan, the minister told farmers, or lose the grant.")


def test_a_teaser_cut_off_after_the_furniture_closing_the_story_leaves_the_body():
    teaser = "Coastal towns brace for another winter of storms along the northern shore"
    furniture = ["Share this article", "Comments are closed", "Print this page"]
    body = _body_lines(PARA_1, PARA_2, PARA_3, *furniture, teaser)
    assert {PARA_1, PARA_2, PARA_3} <= body
    assert teaser not in body


def test_a_sentence_cut_off_right_after_the_story_stays():
    cut = "The harbour master added that the first crossings would carry only freight until the"
    assert cut in _body_lines(PARA_1, PARA_2, PARA_3, cut)
    # one widget line between the story and the cut sentence closes nothing
    assert cut in _body_lines(PARA_1, PARA_2, PARA_3, "Share this article", cut)


def test_an_aggregators_full_story_label_credits_its_source():
    from newsgate.credits import read_more_source

    assert read_more_source("Full story: Fjord Ledger") == ["Fjord Ledger"]
    assert read_more_source("Original article: Nordic Times") == ["Nordic Times"]
    # a label over words that name no publication credits nobody
    assert read_more_source("Full text: the minister's speech") is None
    assert read_more_source("") is None
