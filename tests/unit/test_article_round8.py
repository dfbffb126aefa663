"""Round-8 kinds of credit and furniture, each on invented text: the rule fires on its kind and
leaves story lines of a similar shape alone."""

from datetime import date

import pytest

from newsgate.articles import parse_article
from newsgate.credits import author_box_outlet, byline_credit, first_ran, footer_owner
from tests.unit.test_article_round3 import _page


@pytest.mark.parametrize(
    ("line", "outlet", "day"),
    [
        # a wire's own closing line names it between the noun and the verb
        (
            "This report by The Nordic Press was first published March 3, 2024.",
            "The Nordic Press",
            3,
        ),
        ("This story by Harbour Weekly was first published on 5 March 2024.", "Harbour Weekly", 5),
        # a blog engine's feed footer, with the headline inside it
        (
            "The post Harbour board approves the new ferry timetable appeared first on "
            "Fjord Ledger.",
            "Fjord Ledger",
            None,
        ),
    ],
)
def test_a_closing_line_naming_where_the_story_ran_credits_that_outlet(line, outlet, day):
    parsed = parse_article(_page(tail=(line,)))
    assert line not in parsed.body
    assert parsed.outlet == outlet
    assert parsed.published_date == (date(2024, 3, day) if day else None)


def test_story_sentences_like_the_closing_lines_name_no_outlet():
    assert first_ran("The report by the ministry was first published in 2019.") is None
    assert first_ran("The post appeared first on the list of vacancies.") is None
    sentence = (
        "The post of harbour master appeared first on a list of cuts that the council drew "
        "up in March, officials said."
    )
    parsed = parse_article(_page(middle=(sentence,)))
    assert sentence in parsed.body
    assert parsed.outlet is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Fjord Ledger Staff Writer", "Fjord Ledger"),
        ("Harbour Weekly Correspondent", "Harbour Weekly"),
        ("Nordic Times News Desk", "Nordic Times"),
        ("NTV Correspondent", "NTV"),
    ],
)
def test_a_staff_line_without_a_byline_cue_credits_its_outlet(line, outlet):
    for page in (_page(line), _page(tail=(line,))):
        parsed = parse_article(page)
        assert line not in parsed.body
        assert parsed.outlet == outlet
        assert parsed.byline is None


@pytest.mark.parametrize("line", ["Staff Reporter", "Senior Correspondent", "Political Reporter"])
def test_a_staff_role_alone_credits_nobody(line):
    assert not byline_credit(line) or byline_credit(line) == ([], [])
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet is None
    assert parsed.credited == []


def test_an_author_box_code_with_a_staff_word_credits_the_code():
    assert author_box_outlet("NTV Correspondent") == "NTV"
    assert author_box_outlet("NTV News") == "NTV News"


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("(c) Copyright Fjord Media Group 2024.", "Fjord Media Group"),
        ("© Harbour Weekly 2024", "Harbour Weekly"),
        ("Copyright Nordic Times 2019-2024", "Nordic Times"),
    ],
)
def test_a_copyright_footer_with_the_owner_before_the_year_is_furniture_and_credits_it(line, owner):
    assert footer_owner(line) == owner
    parsed = parse_article(_page(tail=(line,)))
    assert line not in parsed.body
    assert parsed.outlet == owner


def test_a_sentence_about_a_copyright_year_stays_body():
    sentence = "Copyright lawyers for the Fjord Media Group said the claim dated back to 2019."
    parsed = parse_article(_page(middle=(sentence,)))
    assert sentence in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        "Story continues after the advertisement",
        "Listen to this story",
        "Copy link to clipboard",
        "Comments (12)",
        "For more news, visit fjordledger.com",
        "Have a news tip? Email the newsroom at any hour.",
        "Download the Fjord Ledger app for Android and iOS.",
        "Thank you for reading.",
        "This article is more than 2 years old.",
        "The views expressed in this article are those of the author.",
    ],
)
def test_widget_promo_and_disclaimer_lines_between_the_paragraphs_are_furniture(line):
    parsed = parse_article(_page(middle=(line,)))
    assert line not in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        # story sentences that share words with the cues
        "The story continues to divide the village, where the school has stood since 1901.",
        "Parents said the app for booking buses had failed twice this winter, leaving children "
        "waiting in the snow.",
        "The mayor said the views expressed at the meeting would shape the council's next budget.",
    ],
)
def test_story_sentences_sharing_words_with_the_new_cues_stay_body(line):
    parsed = parse_article(_page(middle=(line,)))
    assert line in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe (Fjord Ledger)",
        "By Jane Roe - Fjord Ledger",
        "By Jane Roe · Fjord Ledger · 3 min read",
        "Jane Roe | Fjord Ledger | March 3, 2024",
        "Jane Roe • The Fjord Ledger",
    ],
)
def test_a_byline_with_its_outlet_in_brackets_or_after_a_separator_gives_both(line):
    parsed = parse_article(_page(line))
    assert parsed.byline == "Jane Roe"
    assert parsed.outlet in ("Fjord Ledger", "The Fjord Ledger")
    assert line not in parsed.body


def test_a_byline_with_a_section_after_its_separator_credits_no_outlet():
    parsed = parse_article(_page("Jane Roe | Education | March 3, 2024"))
    assert parsed.outlet is None


def test_a_dateline_with_its_country_in_square_brackets_gives_place_and_agency():
    lead = (
        "New Delhi [India], March 3 (ANI): The regional council voted on Tuesday to close three "
        "rural schools after a long debate, officials said."
    )
    parsed = parse_article(_page(lead))
    assert parsed.dateline == "New Delhi"
    assert parsed.outlet == "ANI"
    assert lead in parsed.body


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Published in Harbour Weekly, March 3rd, 2024", "Harbour Weekly"),
        ("Published in The Fjord Ledger on March 3, 2024", "Fjord Ledger"),
    ],
)
def test_a_closing_print_edition_line_credits_the_paper_and_dates_the_story(line, outlet):
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet == outlet
    assert parsed.published_date == date(2024, 3, 3)
    assert line not in parsed.body


def test_a_sentence_opening_with_published_in_credits_nobody():
    assert first_ran("Published in Nature, the study found that 2019 was hot.") is None
    assert first_ran("Published in 2019, the report was widely read.") is None


def _story(*middle: str) -> str:
    return _page(middle=middle)


def test_two_forms_of_one_agency_named_as_sources_give_its_usual_form():
    line = (
        "Police fired warning shots as the crowd scattered, an Agence France-Presse journalist "
        'said. "We want work," one protester told AFP.'
    )
    assert parse_article(_story(line)).outlet == "AFP"


@pytest.mark.parametrize(
    "line",
    [
        "The ferry sank before dawn, a coastguard spokesman told news agency AFP on Tuesday.",
        "The harbour board raised its fees for the third time this year, reports AFP.",
    ],
)
def test_an_agency_named_after_its_kind_or_after_reports_is_the_source(line):
    assert parse_article(_story(line)).outlet == "AFP"


def test_a_verb_that_only_looks_like_reports_names_no_source():
    line = "The mayor said the harbour board reported AFP photographers to the police last year."
    assert parse_article(_story(line)).outlet is None


def test_a_known_outlet_and_its_section_in_capitals_is_a_credit_not_a_dateline():
    parsed = parse_article(_page("BBC NEWS, MIDDLE EAST"))
    assert parsed.outlet == "BBC News"
    assert parsed.dateline is None
    assert "BBC NEWS, MIDDLE EAST" not in parsed.body


def test_a_credit_label_alone_takes_its_value_from_the_next_line():
    parsed = parse_article(_page(tail=("Source:", "Xinhua and agencies")))
    assert parsed.outlet == "Xinhua"
    assert "Xinhua and agencies" not in parsed.body
    assert "Source:" not in parsed.body


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("jbh/ng (AP, Reuters)", "AP"),
        ("-With Fjord Ledger input", "Fjord Ledger"),
        ("(With AFP inputs)", "AFP"),
    ],
)
def test_closing_credit_lines_of_rewrites_name_their_sources(line, outlet):
    parsed = parse_article(_page(tail=(line,)))
    assert parsed.outlet == outlet
    assert line not in parsed.body


def test_a_person_reporting_or_an_unknown_bracket_after_initials_credits_nobody():
    for line in ("With Jane Roe reporting", "jbh/ng (Jane Roe)"):
        assert parse_article(_page(tail=(line,))).outlet is None


def test_a_sentence_split_over_the_last_two_lines_and_cut_off_stays_body():
    head = (
        "The harbour master also said that the board - which met on Monday - had asked the "
        "former mayor Jane"
    )
    tail = "Roe to step down"
    parsed = parse_article(_page(tail=(head, tail)))
    assert head in parsed.body
    assert tail in parsed.body


def test_two_headline_links_closing_the_page_are_still_furniture():
    links = ("Rail Strike Ends After Two Weeks Of Talks At Oslo Station", "Ferry Fares Rise Again")
    parsed = parse_article(_page(tail=links))
    assert links[0] not in parsed.body


def test_a_related_link_labelled_with_a_bar_is_furniture_even_with_a_full_stop():
    line = "Also Read | Harbour Board Raises Fees for the Third Time This Year."
    parsed = parse_article(_page(middle=(line,)))
    assert line not in parsed.body


@pytest.mark.parametrize(
    "line",
    [
        "(The above story is verified and written by the Nordic Wire staff. Nordic Wire is a "
        "news agency with forty journalists.)",
        "Sorry, we are not currently accepting comments on this article.",
        "Comments have to be in full sentences. They cannot be abusive or personal. Please "
        "abide by our community guidelines for posting your comments.",
    ],
)
def test_syndication_notes_and_comment_policies_are_furniture(line):
    parsed = parse_article(_page(tail=(line,)))
    assert line not in parsed.body


def test_bullets_between_furniture_lines_are_furniture_and_a_story_list_stays():
    furniture = (
        "Sign in to unlock member-only benefits!",
        "  • Access ten free stories every month",
        "  • Save stories to read later",
        "  • Get notified by email for early access to discounts & offers on our products",
        "Sign in",
    )
    parsed = parse_article(_page(tail=furniture))
    assert "Save stories to read later" not in parsed.body
    story = (
        "The council listed three reasons for the closures:",
        "  • falling enrolment in the villages",
        "  • the cost of heating old buildings",
        "The mayor said the list was not complete.",
    )
    parsed = parse_article(_page(middle=story))
    assert "falling enrolment in the villages" in parsed.body


def test_a_cut_off_last_line_after_the_page_furniture_is_furniture():
    closing = ("Comments", "Sign in", "Please abide by our community guidelines.", "We moved to a")
    parsed = parse_article(_page(tail=closing))
    assert "We moved to a" not in parsed.body
    # right after the story, a line cut off where the text stops is the story's own
    parsed = parse_article(_page(tail=("Advertisement", "The mayor said that the board")))
    assert "The mayor said that the board" in parsed.body
