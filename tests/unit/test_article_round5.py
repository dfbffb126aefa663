"""Round-5 kinds of closing credit, furniture and headline, each on invented text: the rule fires
on the kind and leaves story lines of a similar shape in the body."""

from datetime import date

import pytest

from newsgate.articles import parse_article
from newsgate.credits import credit_line, first_ran
from tests.unit.test_article_round3 import HEADLINE, _page
from tests.unit.test_boilerplate import PARA_1, PARA_2


@pytest.mark.parametrize(
    ("line", "outlet", "stamp"),
    [
        (
            "This article first appeared in The Fjord Ledger on 12 March 2024.",
            "The Fjord Ledger",
            12,
        ),
        (
            "This article is republished from The Fjord Review under a Creative Commons licence.",
            "The Fjord Review",
            None,
        ),
        (
            "This story was originally published by the Northport Courier.",
            "Northport Courier",
            None,
        ),
        ("Originally published at northportnews.com", "northportnews.com", None),
        ("The article was first published on March 9, 2024.", None, 9),
        ("First published in Harbour Weekly, March 10, 2024", "Harbour Weekly", 10),
    ],
)
def test_a_closing_first_published_line_credits_its_outlet_and_dates_the_story(line, outlet, stamp):
    parsed = parse_article(_page(tail=(line,)))
    assert line not in parsed.body
    assert parsed.outlet == outlet
    assert parsed.published_date == (date(2024, 3, stamp) if stamp else None)
    if stamp:
        assert parsed.published_date_source == "closing"


@pytest.mark.parametrize(
    "line",
    [
        # a story sentence about a first publication, and one naming a place, not an outlet
        "The report was first published in 2019 and caused a scandal at the ministry, he said.",
        "The novel first appeared in Norway before it was translated into eleven languages.",
    ],
)
def test_story_sentences_about_a_first_publication_stay_body(line):
    parsed = parse_article(_page(middle=(line,)))
    assert line in parsed.body
    assert parsed.outlet is None
    assert first_ran("The novel first appeared in Norway.") is None
    assert first_ran("The report was provided by the ministry to parliament.") is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("— Fjordland Press Agency", "Fjordland Press Agency"),
        ("(Northport News Agency)", "Northport News Agency"),
    ],
)
def test_a_closing_agency_credit_that_the_outlet_list_lacks(line, outlet):
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet == outlet
    assert line not in parsed.body


@pytest.mark.parametrize(
    "line",
    ["— Odesa", "(Northport harbour authority)", "With Norway and Sweden", "— Staff Reporter"],
)
def test_dash_and_bracket_lines_that_name_no_publication_credit_nothing(line):
    found = credit_line(line)
    assert found is None or not found.names


@pytest.mark.parametrize(
    "line",
    [
        "Map: OpenStreetMap contributors",
        "Graphic: Northport Council",
        "Your browser does not support the video tag.",
        "Please enable JavaScript to view this video.",
        "Comments are closed.",
        "No comments yet",
        "If you value our reporting, please consider making a donation today. Every "
        "contribution helps keep us independent.",
        "We rely on readers like you: become a member and support our newsroom.",
        "Ferry day in Northport #ferries #Northport pic.twitter.com/Ab12Cd34Ef",
        "#Northport #ferry #harbour @NorthportPort",
    ],
)
def test_player_fallbacks_appeals_comment_status_map_credits_and_posts_are_boilerplate(line):
    parsed = parse_article(_page(middle=(line,)))
    assert line not in parsed.body
    assert PARA_1 in parsed.body and PARA_2 in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        # the reader addressed inside a quotation, and a story line about donations
        "“If you want to help, our volunteers need your donations,” the harbour master said.",
        "The charity said donations to its flood appeal had doubled since the storm in March.",
        "Residents used the hashtag #SaveOurPier to collect thousands of signatures online.",
        "The mayor asked the council to support the new pier and to approve its budget.",
    ],
)
def test_story_lines_about_support_donations_and_hashtags_stay_body(line):
    assert line in parse_article(_page(middle=(line,))).body


@pytest.mark.parametrize("separator", [" |", " -", " –", " —"])
def test_a_headline_keeps_no_trailing_separator(separator):
    text = "\n\n".join([HEADLINE + separator, PARA_1, PARA_2])
    assert parse_article(text).title == HEADLINE


def test_a_hyphenated_headline_end_is_no_separator():
    title = "Harbour gets new ferry terminal for the Northport-Fjordby route"
    assert parse_article("\n\n".join([title, PARA_1, PARA_2])).title == title


@pytest.mark.parametrize("label", ["Watch: ", "WATCH | ", "LIVE: ", "Video - ", "In pictures: "])
def test_a_headline_behind_a_media_label_is_the_headline_without_it(label):
    parsed = parse_article("\n\n".join([label + HEADLINE, PARA_1, PARA_2]))
    assert parsed.title == HEADLINE
    assert label + HEADLINE not in parsed.body


def test_a_media_headline_about_another_story_is_a_promo():
    promo = "Watch: Rail strike ends after two weeks of talks in the capital"
    parsed = parse_article("\n\n".join([promo, HEADLINE, PARA_1, PARA_2]))
    assert parsed.title == HEADLINE
    assert promo not in parsed.body


def test_a_lead_that_opens_with_live_stays_body():
    lead = "Live music returned to the harbour on Friday, when the new ferry terminal opened."
    parsed = parse_article("\n\n".join([HEADLINE, lead, PARA_1, PARA_2]))
    assert lead in parsed.body


def test_a_source_line_under_a_video_credits_the_video_not_the_text():
    video = ("Video", "Ferry terminal opens in Northport", "01:22", "Source: Nordic Broadcasting")
    parsed = parse_article(_page(middle=video))
    assert parsed.outlet is None
    assert "Nordic Broadcasting" in parsed.credited
    assert all(line not in parsed.body for line in video)


def test_a_source_line_below_the_story_still_credits_the_text():
    parsed = parse_article(_page(tail=("Source: Nordic Broadcasting",)))
    assert parsed.outlet == "Nordic Broadcasting"


def test_a_caption_closed_by_a_video_credit_credits_the_video_only():
    caption = "Riot police fire tear gas at protesters in central Northport. Video: Nordic TV"
    parsed = parse_article(_page(middle=(caption,)))
    assert caption not in parsed.body
    assert parsed.outlet is None and parsed.credited == ["Nordic TV"]


def test_a_story_line_under_a_time_stays_body():
    # a time of day alone, then a headline-shaped line: no media label, so no video block
    line = "Ferry terminal opens in Northport"
    parsed = parse_article(_page(middle=("10:45", line)))
    assert line in parsed.body
