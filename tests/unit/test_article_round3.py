"""Round-3 kinds of page furniture, credit, stamp and dateline, each on invented text: the rule
fires on the kind and leaves story lines of a similar shape in the body."""

from datetime import date

import pytest

from newsgate.articles import parse_article
from newsgate.boilerplate import classify_lines
from newsgate.credits import credit_line, footer_owner, source_credits
from tests.unit.test_boilerplate import PARA_1, PARA_2, PARA_3

HEADLINE = "Harbour gets new ferry terminal after long delay"


def _page(*top: str, middle: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([HEADLINE, *top, PARA_1, *middle, PARA_2, PARA_3, *tail])


def _kinds(text: str) -> dict[str, tuple[str, str | None]]:
    lines, _ = classify_lines(text)
    return {ln.clean: (ln.kind, ln.reason) for ln in lines if ln.kind != "blank"}


def test_a_row_of_headlines_joined_by_bullets_is_a_link_list_not_the_lead():
    row = (
        "Floods close the coast road  • Rail strike ends after two weeks  • "
        'Mayor says "we will rebuild the pier"  • Fishing fleet returns to port'
    )
    text = "\n\n".join([row, HEADLINE, PARA_1, PARA_2])
    parsed = parse_article(text)
    assert parsed.title == HEADLINE
    assert row not in parsed.body
    # two items are no row of links
    pair = "Ferry tickets • Timetables"
    assert _kinds(_page(middle=(f"The new lines run daily: {pair} and more.",)))[
        f"The new lines run daily: {pair} and more."
    ][0] == ("body")


def test_a_teaser_closed_by_its_view_counter_and_a_trail_label_are_furniture():
    kinds = _kinds(
        _page(
            "You are here:   Home",
            middle=(
                "Governor: the port will stay open all winterMar 3 2024, 07:39 AM • 2731 views",
            ),
        )
    )
    assert kinds["You are here:   Home"] == ("boilerplate", "navigation")
    teaser = "Governor: the port will stay open all winterMar 3 2024, 07:39 AM • 2731 views"
    assert kinds[teaser] == ("boilerplate", "related_block")


def test_a_one_word_label_inside_the_story_is_furniture_but_a_two_word_crosshead_is_not():
    # the crosshead stands between two paragraphs; a short line right under a furniture label
    # is the line-shape model's to judge (as a caption under a credit is)
    kinds = _kinds(_page(middle=("Details", PARA_1.replace("harbour", "port"), "Delays mount")))
    assert kinds["Details"] == ("boilerplate", "navigation")
    assert kinds["Delays mount"][0] == "body"


def test_credit_line_with_its_date_and_a_glued_widget_label():
    parsed = parse_article(_page("Reuters, April 8, 2016 Adjust font size:"))
    assert parsed.outlet == "Reuters"
    assert parsed.published_date == date(2016, 4, 8)
    assert "Adjust font size" not in parsed.body
    found = credit_line("Xinhua, April 8, 2016")
    assert found is not None and found.names == ["Xinhua"] and found.stamp == "April 8, 2016"
    # a sentence ending in widget words is left whole
    assert credit_line("He posted it on Facebook") is None


def test_capitals_place_and_timestamp_line_is_the_dateline_and_the_stamp():
    parsed = parse_article(_page("KAVALA Thu Jun 6, 2013 6:04pm EDT"))
    assert parsed.dateline == "Kavala"
    assert parsed.published_date == date(2013, 6, 6)
    assert "6:04pm" not in parsed.body


@pytest.mark.parametrize("line", ["Kavala • HPN", "Kavala | HPN"])
def test_place_and_agency_line_with_a_bullet_or_bar(line):
    parsed = parse_article(_page(line))
    assert parsed.dateline == "Kavala"
    assert "HPN" in parsed.credited
    assert line not in parsed.body


@pytest.mark.parametrize("separator", ["|", "•", "·"])
def test_lead_opening_with_place_and_country_and_another_separator(separator):
    parsed = parse_article(_page().replace(PARA_1, f"Lagos, Nigeria {separator} {PARA_1}"))
    assert parsed.dateline == "Lagos"
    capitals = parse_article(_page().replace(PARA_1, f"LAGOS {separator} {PARA_1}"))
    assert capitals.dateline == "Lagos"


@pytest.mark.parametrize("label", ["OPINION |", "EXCLUSIVE -", "ANALYSIS •"])
def test_a_capitals_label_opening_the_lead_is_no_dateline(label):
    assert parse_article(_page().replace(PARA_1, f"{label} {PARA_1}")).dateline is None


def test_dateline_brackets_holding_credit_and_date_or_a_version_label():
    dated = parse_article(
        _page().replace(PARA_1, f"KAVALA (Harbour News / AFP - 10th September, 2020) {PARA_1}")
    )
    assert dated.dateline == "Kavala"
    assert dated.credited[:1] == ["Harbour News"] and "AFP" in dated.credited
    assert dated.published_date == date(2020, 9, 10)
    updated = parse_article(_page().replace(PARA_1, f"KAVALA, Greece (2nd UPDATE) – {PARA_1}"))
    assert updated.dateline == "Kavala"
    assert updated.credited == []


@pytest.mark.parametrize(
    "caption",
    [
        "The harbour office building is seen on March 27, 2020 in Kavala, Greece. (AFP)",
        "Ministers pose before the signing of the ferry agreement at the harbour (AP)",
    ],
)
def test_caption_closed_by_a_bracketed_agency(caption):
    kinds = _kinds(_page(middle=(caption,)))
    assert kinds[caption] == ("boilerplate", "caption")


def test_the_last_paragraph_closed_by_an_agency_credits_the_text():
    last = "Nearly fifty ferries were cancelled in May after storms hit the islands. Reuters"
    text = _page(tail=(last, "Related Articles", "Back to top"))
    kinds = _kinds(text)
    assert kinds[last][0] == "body"
    story = "Workers said the fund would pay for new boats, the union said on Friday (AP)"
    assert _kinds(_page(middle=(story,)))[story][0] == "body"


def test_caption_above_its_photo_credit_and_the_alt_text_above_it():
    alt = "Cargo waits on the quay at Kavala"
    caption = "Cargo waits on the quay at Kavala on Thursday."
    kinds = _kinds(_page(middle=(alt, caption, "Photo by Jane Roe")))
    assert kinds[alt] == ("boilerplate", "caption")
    assert kinds[caption] == ("boilerplate", "caption")


def test_alt_text_repeated_by_an_uncredited_caption():
    alt = "Workers repair the sea wall in the harbour"
    caption = "Workers repair the sea wall in the harbour on Monday."
    kinds = _kinds(_page(middle=(alt, caption)))
    assert kinds[alt] == ("boilerplate", "caption")
    assert kinds[caption] == ("boilerplate", "caption")
    # a crosshead whose paragraph happens to open differently stays
    kinds = _kinds(_page(middle=("Workers repair", "Workers repaired the wall, the union said.")))
    assert kinds["Workers repair"][0] == "body"


@pytest.mark.parametrize(
    "copy", [f"{HEADLINE} - Harbour Post", f"{HEADLINE}.", f"{HEADLINE} | HPN"]
)
def test_the_headline_again_with_a_site_name_or_punctuation_is_a_duplicate(copy):
    kinds = _kinds(_page(tail=(copy,)))
    assert kinds[copy] == ("boilerplate", "duplicate")


def test_headline_closed_by_a_full_stop_above_its_dek():
    title = "Harbour gets a new ferry terminal after delays."
    dek = "~ The regional governor will open the terminal next spring ~"
    parsed = parse_article("\n\n".join([title, dek, PARA_1, PARA_2, PARA_3]))
    assert parsed.title == title
    assert dek in parsed.body
    # a standfirst sentence right above the lead is no headline
    parsed = parse_article("\n\n".join(["Ferries will sail again next spring.", PARA_1, PARA_2]))
    assert parsed.title is None


def test_gallery_counter_opens_a_caption():
    caption = "1 of 6. Workers repair the sea wall after the storm in the harbour of Kavala"
    assert _kinds(_page(middle=(caption,)))[caption] == ("boilerplate", "caption")


def test_comment_prompts_are_furniture():
    prompts = (
        "Would you like to comment on this article?",
        "Sign up (it's quick and free) or sign in now.",
        "Please read our Comment Policy before commenting.",
    )
    kinds = _kinds(_page(tail=prompts))
    assert all(kinds[p][0] == "boilerplate" for p in prompts)


def test_job_title_after_the_outlet_in_a_byline_and_the_outlets_own_reporter():
    parsed = parse_article(_page("By JANE ROE, Associated Press Writer"))
    assert parsed.outlet == "Associated Press"
    said = "Tear gas was fired near the harbour gate, Harbour Watch reporter said."
    assert source_credits(said) == ["Harbour Watch"]
    # a place or a people before "reporter said" is no outlet
    assert source_credits("Shots were fired, a Greek reporter said.") == []


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("Harbour Herald © 2024", "Harbour Herald"),
        ("Copyright © Harbour Herald 2024", "Harbour Herald"),
        ("(c) 2024 Harbour Herald Ltd", "Harbour Herald"),
        ("© Copyright 2024, Harbour Herald", "Harbour Herald"),
        ("All rights reserved © Harbour Herald 2024", "Harbour Herald"),
    ],
)
def test_copyright_footers_name_the_publisher_in_any_order(line, owner):
    assert footer_owner(line) == owner
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet == owner
    assert line not in parsed.body


def test_a_copyright_line_with_a_domain_names_the_site_not_a_photo():
    found = credit_line("© harbourherald.com")
    assert found is not None and not found.photo
    assert parse_article(_page(tail=("© harbourherald.com",))).outlet == "harbourherald.com"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("www.harbourherald.com", "harbourherald.com"),
        ("https://www.harbourherald.com/", "harbourherald.com"),
        ("Source: www.harbourherald.com", "harbourherald.com"),
        ("Harbour Herald | harbourherald.com", "Harbour Herald"),
        ("harbourherald.com | Politics", "harbourherald.com"),
    ],
)
def test_the_page_naming_its_site_by_its_address(line, outlet):
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet == outlet
    assert line not in parsed.body


@pytest.mark.parametrize("line", ["www.twitter.com", "https://facebook.com", "Politics | World"])
def test_a_social_platform_address_or_section_row_names_no_site(line):
    assert parse_article(_page(tail=(line,))).outlet is None


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("KAVALA/ATHENS (Reuters) - ", "Kavala", "Reuters"),
        ("KAVALA/ATHENS, March 3 (Reuters) - ", "Kavala", "Reuters"),
        ("BEIRUT/DAMASCUS — ", "Beirut", None),
        ("img20230526KAVALA:--- ", "Kavala", None),
    ],
)
def test_two_place_datelines_and_a_file_name_glued_before_the_dateline(opening, dateline, outlet):
    parsed = parse_article(_page().replace(PARA_1, opening + PARA_1))
    assert (parsed.dateline, parsed.outlet) == (dateline, outlet)


def test_outlet_codes_joined_by_a_slash_still_credit():
    parsed = parse_article(_page().replace(PARA_1, "NDO/VNA – " + PARA_1))
    assert parsed.credited == ["NDO", "VNA"]
    assert parsed.dateline is None


def test_a_navigation_headline_opening_the_page_is_not_the_title():
    furniture = "Ferry terminal delays anger harbour traders again"
    parts = [furniture, "Politics", HEADLINE, "By Jane Roe", PARA_1, PARA_2]
    # a section label parts it from the page's headline
    assert parse_article("\n\n".join(parts)).title == HEADLINE
    # or the page prints its headline again below (the page title with the site name)
    parts = [furniture, HEADLINE, PARA_1, PARA_2, f"{HEADLINE} | Harbour Post"]
    assert parse_article("\n\n".join(parts)).title == HEADLINE
    # a headline and its dek: the headline
    dek = "Traders say the ferry terminal delays will cost the harbour its summer season"
    assert parse_article("\n\n".join([HEADLINE, dek, PARA_1, PARA_2])).title == HEADLINE
    # the headline printed twice around a label: the first copy
    parsed = parse_article("\n\n".join([HEADLINE, "World Today", HEADLINE, PARA_1, PARA_2]))
    lines = [ln for ln in parsed.lines if ln.kind == "title"]
    assert parsed.title == HEADLINE and lines[0].line_no == 0


@pytest.mark.parametrize(
    "line",
    [
        "READ: Ferry operator faces questions over ticket prices",
        "MORE: Ferry operator faces questions over ticket prices",
        "WATCH | Ferry operator faces questions over ticket prices",
        "Suggested reading",
        "Also in the news:",
        "Read the full story here",
        "Advertisement - Scroll to continue",
        "Updated 2 hours ago",
        "Just now",
        "A+ A-",
    ],
)
def test_more_related_cues_widgets_and_relative_stamps_inside_the_story(line):
    kinds = _kinds(_page(middle=(line,)))
    assert kinds[line][0] == "boilerplate"


def test_relative_stamps_date_nothing():
    assert parse_article(_page("Updated 2 hours ago")).published_date is None


def test_a_pull_quote_signed_on_its_own_line():
    said = (
        "“We will not let the sea take the pier again within ten years,” said harbour master "
        "Jane Roe, who has run the port since 2015."
    )
    pull = "“We will not let the sea take the pier again within ten years” – Jane Roe"
    kinds = _kinds(_page(middle=(said, pull)))
    assert kinds[pull] == ("boilerplate", "pull_quote")
    assert kinds[said][0] == "body"
    # a quotation the body does not repeat is the story's own
    other = "“The pier will be ready before the summer season starts” – Jane Roe"
    assert _kinds(_page(middle=(said, other)))[other][0] == "body"


@pytest.mark.parametrize(
    ("line", "expected", "byline"),
    [
        ("Posted on March 12, 2024 by Jane Roe", date(2024, 3, 12), "Jane Roe"),
        ("March 12, 2024 By Jane Roe", date(2024, 3, 12), "Jane Roe"),
        ("Last Updated on March 13, 2024 by Jane Roe", date(2024, 3, 13), "Jane Roe"),
        ("By Jane Roe | Updated: March 13, 2024", date(2024, 3, 13), "Jane Roe"),
        ("Jane Roe • March 12, 2024 • 3 min read", date(2024, 3, 12), "Jane Roe"),
        ("Mar 12, 2024 10:15 AM IST | Published on", date(2024, 3, 12), None),
    ],
)
def test_dated_bylines_and_stamps_in_unusual_orders(line, expected, byline):
    parsed = parse_article(_page(line))
    assert parsed.published_date == expected
    assert parsed.byline == byline
    assert line not in parsed.body


def test_an_agency_bracket_without_a_dash_after_it():
    parsed = parse_article(_page().replace(PARA_1, f"KAVALA, Oct 3 (IANS) {PARA_1}"))
    assert (parsed.dateline, parsed.outlet) == ("Kavala", "IANS")
    # a bracket that credits nobody opens no dateline
    parsed = parse_article(_page().replace(PARA_1, f"KAVALA (the port city) {PARA_1}"))
    assert parsed.dateline is None
