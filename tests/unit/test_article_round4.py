"""Round-4 kinds of page furniture, credit, stamp and dateline, each on invented text: the rule
fires on the kind and leaves story lines of a similar shape in the body."""

from datetime import date

import pytest

from newsgate.articles import parse_article
from newsgate.credits import author_box_outlet, credit_line
from tests.unit.test_article_round3 import HEADLINE, _kinds, _page
from tests.unit.test_boilerplate import PARA_1, PARA_2, PARA_3


@pytest.mark.parametrize(
    "caption",
    [
        "Harbour master Jane Roe, left, talks with engineer John Doe, center, at the new pier "
        "in Northport on Friday.",
        "A picture taken on March 3, 2024 shows the flooded quay of the old ferry terminal in "
        "Northport, eastern Fjordland.",
        "In this file photo, ferries wait at the quay of the old terminal.",
    ],
)
def test_agency_captions_by_their_opening_or_position_words(caption):
    parsed = parse_article(_page(caption))
    assert caption not in parsed.body
    assert PARA_1 in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        # position words without a caption verb, and a caption opener that reports
        "The mayor, left, and her deputy were not invited to the ceremony in the old town hall.",
        "A picture taken on March 3 shows the quay flooded, the harbour master said on Friday.",
    ],
)
def test_story_lines_shaped_like_captions_stay_body(line):
    assert line in parse_article(_page(middle=(line,))).body


def test_a_caption_under_the_headline_no_longer_hides_the_stamp_below_it():
    caption = (
        "Harbour master Jane Roe, right, poses for a photo with engineer John Doe in Northport "
        "on Saturday."
    )
    parsed = parse_article(
        "\n\n".join([HEADLINE, caption, "11:04 CET, March 16, 2024", PARA_1, PARA_2])
    )
    assert parsed.published_date == date(2024, 3, 16)


def test_a_link_list_parted_by_separator_lines_and_its_label():
    links = [
        "Ferry Fares Rise Again as U.S. Fuel Prices Climb; Operators Blame Global Shortage",
        "Storm Barrier Passes First Winter Test Without Damage",
        "Northport Mayor: New Pier Should Be Model for Other Ports",
    ]
    label = '"Harbour" MOST VIEWED'
    text = _page(tail=(label, "-", links[0], "-", links[1], "-", links[2]))
    parsed = parse_article(text)
    for line in [label, *links]:
        assert line not in parsed.body
    assert PARA_3 in parsed.body


def test_two_headline_lines_are_no_link_list():
    lines = ["Storm barrier passes its first test", "Mayor opens the new pier"]
    body = parse_article(_page(middle=(lines[0], "-", lines[1]))).body
    assert all(line in body for line in lines)


@pytest.mark.parametrize("label", ["You're reading: ", "Now reading: "])
def test_a_reading_label_glued_to_the_headline(label):
    parsed = parse_article("\n\n".join([label + HEADLINE, PARA_1, PARA_2]))
    assert parsed.title == HEADLINE


def test_a_promo_closed_by_a_link_arrow_and_an_aspect_ratio_label():
    promo = "Watch the latest harbour news on Channel 9 or stream it free >>"
    kinds = _kinds(_page(middle=(promo, "• 16x9 Image")))
    assert kinds[promo][0] == "boilerplate"
    assert kinds["• 16x9 Image"][0] == "boilerplate"


def test_a_line_stopped_on_a_function_word_where_the_text_ends_is_story():
    cut = "Jane Roe and Mr Doe are"
    assert cut in parse_article(_page(tail=(cut,))).body


def test_a_place_over_a_section_label_is_no_dateline():
    parsed = parse_article("\n\n".join([HEADLINE, "Norway", "Politics", PARA_1, PARA_2]))
    assert parsed.dateline is None
    parsed = parse_article("\n\n".join([HEADLINE, "OSLO", PARA_1, PARA_2]))
    assert parsed.dateline == "Oslo"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("(Harbour Digital Media/Reuters)", ["Harbour Digital Media", "Reuters"]),
        ("AFP / Law and order", ["AFP"]),
        ("Reuters | Business", ["Reuters"]),
    ],
)
def test_bracketed_credits_and_an_agency_with_its_section(line, names):
    assert credit_line(line).names == names
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.credited[: len(names)] == names
    assert parsed.outlet == names[0]


@pytest.mark.parametrize(
    "line", ["(Harbour and Fjord)", "Jane Roe / Harbour desk", "Ferries | Fares"]
)
def test_brackets_or_slashes_naming_no_agency_credit_nothing(line):
    assert credit_line(line) is None


def test_an_author_box_below_the_story_credits_its_outlet():
    assert author_box_outlet("    HBN News") == "HBN News"
    assert author_box_outlet("World News Today") is None
    parsed = parse_article(_page(tail=("HBN News",)))
    assert parsed.outlet == "HBN News"
    blurb = "Harbour Broadcasting Network brings news from the coast in more than ten"
    parsed = parse_article(_page(tail=("HBN News", blurb)))
    assert parsed.outlet == "HBN News"
    assert blurb not in parsed.body
    # above the story the same line is a header, not a credit
    assert parse_article(_page(middle=("HBN News",))).outlet is None


def test_a_bare_agency_code_closing_the_story():
    text = _page(tail=("The new timetable starts on May 2. HBN",))
    assert parse_article(text).outlet == "HBN"
    # an organisation's acronym closing a sentence credits nothing
    assert parse_article(_page(tail=("The pier was paid for by the city. NATO",))).outlet is None


def test_a_domain_alone_above_the_story_is_the_sites_logo():
    parsed = parse_article("\n\n".join(["HarbourHerald.com", HEADLINE, PARA_1, PARA_2]))
    assert parsed.outlet is None
    assert parse_article(_page(tail=("HarbourHerald.com",))).outlet == "HarbourHerald.com"


@pytest.mark.parametrize("opening", ["United Nations: ", "UNITED NATIONS — "])
def test_the_united_nations_stands_alone_as_a_dateline(opening):
    parsed = parse_article("\n\n".join([HEADLINE, opening + PARA_1, PARA_2]))
    assert parsed.dateline == "United Nations"


def test_a_date_opening_the_page_above_a_bare_headline_is_the_stamp():
    parsed = parse_article("\n\n".join(["Mar 11, 2024", HEADLINE, PARA_1, PARA_2]))
    assert parsed.published_date == date(2024, 3, 11)
    # above a breadcrumb and its headline the date is the site's clock
    crumb = f"Home / World / {HEADLINE}"
    parsed = parse_article("\n\n".join(["March 11, 2024", crumb, PARA_1, PARA_2]))
    assert parsed.published_date is None
    # a blog's date over the post names the weekday (round 9); a running clock shows the time
    parsed = parse_article("\n\n".join(["Monday, March 11, 2024", HEADLINE, PARA_1, PARA_2]))
    assert parsed.published_date == date(2024, 3, 11)
    parsed = parse_article("\n\n".join(["Monday, March 11, 2024 09:40", HEADLINE, PARA_1, PARA_2]))
    assert parsed.published_date is None


def test_a_caption_credited_to_a_social_media_account():
    caption = (
        " date 2024-03-12 Floodwater covers the quay of the old terminal | Twitter/@harbour_cam"
    )
    parsed = parse_article("\n\n".join([caption, PARA_1, PARA_2, PARA_3]))
    assert "Floodwater covers" not in parsed.body
    assert parsed.published_date == date(2024, 3, 12)
    line = "Residents shared pictures of the quay on Twitter, where @harbour_cam posted them."
    assert line in parse_article(_page(middle=(line,))).body


def test_a_labelled_writer_is_the_byline_but_a_possessive_label_is_no_name():
    parsed = parse_article(_page("writer: Jane Roe"))
    assert parsed.byline == "Jane Roe"
    parsed = parse_article("\n\n".join(["TODAY’S PAPER", HEADLINE, PARA_1, PARA_2]))
    assert parsed.byline is None


def test_more_from_a_wire_above_the_story_credits_the_wire():
    parsed = parse_article("\n\n".join([HEADLINE, "More from Reuters", PARA_1, PARA_2]))
    assert parsed.outlet == "Reuters"
    assert "More from Reuters" not in parsed.body
    # a section of the site's own, or the same label below the story, credits nothing
    assert (
        parse_article("\n\n".join([HEADLINE, "More from Harbour", PARA_1, PARA_2])).outlet is None
    )
    assert parse_article(_page(tail=("More from Reuters",))).outlet is None
