"""Round-9 kinds of headline, stamp, dateline, credit and furniture, each on invented text: the
rule fires on its kind and leaves lines of a similar shape alone."""

from datetime import date

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


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Last Modified Tuesday, 5 March 2024 (12:53 IST)", 5),
        ("Last Modified: 05 Mar 2024 13:36", 5),
        ("Page last updated at 00:20 GMT, Tuesday, 5 March 2024 01:20 UK", 5),
        # a print issue's number and date
        ("Issue 08, March 5, 2024", 5),
        ("Vol. 12, Issue 3 | March 5, 2024", 5),
    ],
)
def test_stamp_forms_without_a_publication_label(stamp, day):
    parsed = parse_article(_story(HEADLINE, stamp))
    assert parsed.published_date == date(2024, 3, day)
    assert stamp not in parsed.body


def test_a_last_modified_stamp_gives_way_to_a_publication_stamp():
    parsed = parse_article(
        _story(HEADLINE, "Published: 4 March 2024", "Last Modified: 05 Mar 2024 13:36")
    )
    assert parsed.published_date == date(2024, 3, 4)


def test_a_story_sentence_about_an_issue_is_no_stamp():
    sentence = "Issue 3, the harbour levy, was debated on March 5, 2024, for the third time."
    parsed = parse_article(_story(HEADLINE) + "\n\n" + sentence)
    assert parsed.published_date is None
    assert sentence in parsed.body


def test_a_timestamp_in_the_header_below_the_pages_clock_dates_the_story():
    page = _story("12 Jul 2026", "Sunday 3 March 2024 - 14:41", "Story Code : 235279", HEADLINE)
    assert parse_article(page).published_date == date(2024, 3, 3)
    # the page's first line alone is its running clock
    assert (
        parse_article(_story("12 Jul 2026 14:41", "Story Code : 235279", HEADLINE)).published_date
        is None
    )


def test_a_publication_label_beside_a_field_nothing_names_is_the_stamp():
    line = "FE Team | Published: March 4, 2024 00:00:00 | Updated: June 1, 2025 00:00:00"
    parsed = parse_article(_story(HEADLINE, line))
    assert parsed.published_date == date(2024, 3, 4)
    assert line not in parsed.body
    # two unknown fields and no label: no stamp line
    assert (
        parse_article(_story(HEADLINE, "Harbour | Ferries | March 4, 2024")).published_date is None
    )


def test_a_stamp_followed_by_the_dateline():
    line = "March 4, 2024 08:02 am | Updated 08:03 am IST - TROMSO, Norway"
    parsed = parse_article(_story(HEADLINE, line))
    assert parsed.published_date == date(2024, 3, 4)
    assert parsed.dateline == "Tromso"


@pytest.mark.parametrize(
    ("line", "place", "outlet"),
    [
        ("Bergen - AFP", "Bergen", "AFP"),
        ("TROMSO, Norway - Agence France-Presse", "TROMSO", "Agence France-Presse"),
    ],
)
def test_a_dateline_and_a_known_agency_parted_by_a_dash(line, place, outlet):
    parsed = parse_article(_story(HEADLINE, line))
    assert parsed.dateline.casefold() == place.casefold()
    assert parsed.outlet == outlet
    assert parsed.byline is None
    assert line not in parsed.body


def test_a_headline_and_its_site_parted_by_a_dash_is_no_dateline():
    parsed = parse_article(_story(f"{HEADLINE} - Fjord Ledger"))
    assert parsed.dateline is None


def test_a_reporters_name_and_the_place_filed_from():
    parsed = parse_article(_story(HEADLINE, "Jane Roe, Bergen"))
    assert (parsed.byline, parsed.dateline, parsed.outlet) == ("Jane Roe", "Bergen", None)


@pytest.mark.parametrize(
    ("opening", "place", "day"),
    [
        ("Bergen, Norway, Mar 4 — ", "Bergen", None),
        ("BERGEN—", "Bergen", None),
    ],
)
def test_dateline_openings_of_the_lead(opening, place, day):
    parsed = parse_article(_story(HEADLINE).replace(PARA_1, opening + PARA_1))
    assert parsed.dateline == place
    assert parsed.published_date == day


def test_an_en_dash_compound_opening_the_lead_is_no_dateline():
    lead = "BERGEN–Tromso ferry talks resumed on Monday after a long pause, officials said."
    parsed = parse_article(_story(HEADLINE).replace(PARA_1, lead))
    assert parsed.dateline is None


def test_a_sites_address_in_capitals_before_the_dateline():
    parsed = parse_article(_story(HEADLINE).replace(PARA_1, "FJORDNEWS.CO.UK, BERGEN -- " + PARA_1))
    assert (parsed.dateline, parsed.outlet) == ("Bergen", "Fjordnews.co.uk")


def test_a_time_zone_opening_a_stamp_is_no_place():
    page = _story(HEADLINE) + "\n\nGMT 05:55 2024 Tuesday ,5 March"
    assert parse_article(page).dateline is None


LEAD_BASE = (
    "The harbour authority said on Friday that the new ferry terminal would open next spring, "
    "after two years of delays caused by flooding and a shortage of steel"
)


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        # a rewrite names the paper it is drawn from at the end of its lead
        (f"{LEAD_BASE}, reports The Guardian.", "Guardian"),
        (f"{LEAD_BASE}. It is reported by CBS News.", "CBS News"),
        # a broadcaster's code the gazetteer knows as nothing else
        (f"{LEAD_BASE}, NRKTV reports.", "NRKTV"),
    ],
)
def test_the_lead_of_a_rewrite_names_its_source_whatever_its_kind(lead, outlet):
    parsed = parse_article(_story(HEADLINE).replace(PARA_1, lead))
    assert parsed.outlet == outlet


def test_a_paper_cited_below_the_lead_is_no_outlet():
    cited = "The Guardian reported last year that the terminal would cost more than planned."
    parsed = parse_article(_story(HEADLINE) + "\n\n" + cited)
    assert parsed.outlet is None
    # nor is an organisation reporting in the lead
    lead = f"{LEAD_BASE}, NATO reports."
    assert parse_article(_story(HEADLINE).replace(PARA_1, lead)).outlet is None


def test_an_agencys_reporter_at_the_scene_names_the_outlet():
    line = "An Associated Press reporter at the scene said the pier had been closed."
    parsed = parse_article(_story(HEADLINE) + "\n\n" + line)
    assert parsed.outlet == "Associated Press"


@pytest.mark.parametrize(
    "line",
    [
        # an appeal in the site's voice that opens a sentence with a request
        "Fjord Ledger has covered the coast for a century. Keep our coverage free by joining "
        "us in supporting local reporting.",
        # the archive note of digitised back issues
        "Stories from our archive reflect the standards and practices of the time they were "
        "written.",
        "This story has been updated.",
        "blog comments powered by Harbourchat",
        "Discussion about this post",
    ],
)
def test_furniture_forms_of_round_9(line):
    parsed = parse_article(_story(HEADLINE) + "\n\n" + line)
    assert line not in parsed.body


def test_a_story_sentence_with_a_request_stays():
    line = "The union asked members to keep their ballots and support the strike on Monday."
    assert line in parse_article(_story(HEADLINE) + "\n\n" + line).body
    quoted = "“Please support us,” the harbour master told our reporter at the quay."
    assert quoted in parse_article(_story(HEADLINE) + "\n\n" + quoted).body


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        (
            "Rescuers and onlookers stand next to the damaged ferry at the quay in Bergen after "
            "the storm on Friday. — AFP",
            "AFP",
        ),
        ("Ferry workers repair the pier in Bergen on Friday. AFP photo", "AFP"),
        ("The minister and her deputy pose with the engineers. JANE ROE/MINISTRY PHOTO", None),
    ],
)
def test_caption_credit_forms(caption, credit):
    parsed = parse_article(_story(HEADLINE).replace(PARA_2, f"{caption}\n\n{PARA_2}"))
    assert caption not in parsed.body
    assert parsed.outlet is None
    assert (credit in parsed.credited) if credit else parsed.credited == []


def test_a_paragraph_closed_by_its_wire_credits_the_text():
    lead = PARA_1 + " (REUTERS)"
    parsed = parse_article(_story(HEADLINE).replace(PARA_1, lead))
    assert lead in parsed.body
    assert parsed.outlet == "REUTERS" or parsed.outlet == "Reuters"


def test_the_english_line_under_a_foreign_caption_is_its_translation():
    foreign = "Bộ trưởng gặp các kỹ sư tại bến cảng Hải Phòng hôm thứ Sáu"
    english = "The two presidents held talks on March 15."
    parsed = parse_article(_story(HEADLINE).replace(PARA_2, f"{foreign}\n\n{english}\n\n{PARA_2}"))
    assert foreign not in parsed.body
    assert english not in parsed.body


def test_a_long_story_line_reporting_a_cues_words_stays():
    line = (
        "The union said nurses want a guarantee of terms and conditions across every "
        "hospital in the region, more funding for the wards and new talks on their contracts "
        "this spring."
    )
    assert line in parse_article(_story(HEADLINE) + "\n\n" + line).body
    notice = "Use of this site is subject to our terms and conditions and privacy policy."
    assert notice not in parse_article(_story(HEADLINE) + "\n\n" + notice).body


def test_a_headline_with_an_image_label_and_caption_glued_after_it():
    line = f"{HEADLINE} hinh anh 1The minister greets the engineers at the quay (Photo: NTB)"
    parsed = parse_article(_story(line))
    assert parsed.title == HEADLINE
    assert line not in parsed.body
    # a headline naming a photo stays whole
    assert parse_article(_story("Photo 1 of the harbour wins the regional prize")).title
