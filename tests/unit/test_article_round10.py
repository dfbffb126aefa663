"""Round-10 kinds of page shape and dateline, each on invented text: the rule fires on its kind
and leaves lines of a similar shape alone."""

import textwrap
from datetime import date

from newsgate.articles import parse_article
from newsgate.boilerplate import _EMPTY_LABELS
from newsgate.credits import caption_credit
from newsgate.wrapping import continues, wrap_width, wrapped_paragraphs
from tests.unit.test_article_round3 import HEADLINE
from tests.unit.test_boilerplate import PARA_1, PARA_2, PARA_3

STORY = [PARA_1, PARA_2, PARA_3]


def _story(*top: str) -> str:
    return "\n\n".join([*top, *STORY])


def _wrapped(paragraphs: list[str], width: int, blank_between_lines: bool = False) -> str:
    joiner = "\n\n" if blank_between_lines else "\n"
    return "\n\n".join(joiner.join(textwrap.wrap(p, width)) for p in paragraphs)


def test_no_page_of_whole_paragraphs_is_hard_wrapped():
    assert wrap_width([HEADLINE, *STORY]) is None
    assert wrapped_paragraphs([HEADLINE, *STORY]) == [[0], [1], [2], [3]]
    assert wrap_width([]) is None
    assert wrapped_paragraphs([]) == []


def test_the_lines_of_a_hard_wrapped_paragraph_are_one_paragraph():
    text = _wrapped(STORY, 48)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    width = wrap_width(lines)
    assert width is not None and width <= 48
    groups = wrapped_paragraphs(lines)
    assert len(groups) == 3
    assert [" ".join(lines[i] for i in group) for group in groups] == STORY


def test_a_short_unfinished_line_on_a_wrapped_page_stays_alone():
    # a headline leaves room for the next line's first word: no wrapping program broke it
    assert not continues("Ferry terminal delayed", "The harbour authority said", 60)
    # a line that ends a sentence ends its paragraph
    assert not continues("x" * 55 + " end.", "The harbour authority said", 60)
    assert continues("x" * 55 + " and", "the harbour", 60)
    assert not continues("", "the harbour", 60)


def test_a_hard_wrapped_story_keeps_every_line_in_the_body():
    for blank in (False, True):
        text = HEADLINE + "\n\n" + _wrapped(STORY, 50, blank_between_lines=blank)
        parsed = parse_article(text)
        assert parsed.title == HEADLINE
        body_lines = set(parsed.body.split("\n\n"))
        for line in text.split("\n")[2:]:
            if line.strip():
                assert line.strip() in body_lines, line
        wrapped = [ln for ln in parsed.lines if ln.kind == "body"]
        assert wrapped[0].paragraph is not None


def test_a_dateline_opening_a_hard_wrapped_lead_is_read():
    lead = "OSLO (Nordwire) - " + PARA_1
    parsed = parse_article(HEADLINE + "\n\n" + _wrapped([lead, PARA_2, PARA_3], 52))
    assert parsed.dateline == "Oslo"
    assert "Nordwire" in parsed.credited


def test_a_dateline_with_its_country_in_square_brackets_and_a_spaced_colon():
    parsed = parse_article(_story(HEADLINE, "Bergen [Norway], March 3 : " + PARA_1))
    assert parsed.dateline == "Bergen"


def test_a_dateline_of_place_day_and_agency():
    parsed = parse_article(_story(HEADLINE, "Tromso, Jan. 4, AFP - " + PARA_1))
    assert parsed.dateline == "Tromso"
    assert parsed.credited == ["AFP"]
    full = parse_article(_story(HEADLINE, "TROMSO, Jan 4, 2021, AFP. " + PARA_1))
    assert full.dateline == "Tromso"
    assert full.published_date == date(2021, 1, 4)
    # a list of words after a day is no credit
    plain = parse_article(_story(HEADLINE, "Tromso, Jan. 4, and later - " + PARA_1))
    assert plain.credited == []


def test_a_known_place_closed_by_a_full_stop_opens_the_lead():
    parsed = parse_article(_story(HEADLINE, "Bergen. " + PARA_1))
    assert parsed.dateline == "Bergen"
    # an unknown word closed by a full stop is no dateline
    assert parse_article(_story(HEADLINE, "Finally. " + PARA_1)).dateline is None


def test_an_agency_name_opening_a_later_paragraph_is_its_credit_not_a_place():
    parsed = parse_article(_story(HEADLINE, PARA_1, "AFP - " + PARA_2))
    assert parsed.dateline is None
    assert "AFP" in parsed.credited


def test_a_place_stamp_below_the_story_dates_nothing():
    text = _story(HEADLINE) + "\n\nMore videos\n\nBERGEN 14 Mar 2021 09:15 CET\n\nAnother clip"
    parsed = parse_article(text)
    assert parsed.dateline is None
    assert parsed.published_date is None
    assert "BERGEN 14 Mar 2021 09:15 CET" not in parsed.body


def test_a_credit_printed_above_the_lead_comes_first():
    byline = "By Jane Roe, The Associated Press"
    parsed = parse_article("\n\n".join([byline, "OSLO (AP) - " + PARA_1, PARA_2, PARA_3]))
    assert parsed.outlet == "The Associated Press"
    assert parsed.credited == ["The Associated Press"]
    # the lead's own credit first when nothing above it credits the text
    assert parse_article(_story(HEADLINE, "OSLO (AP) - " + PARA_1)).outlet == "AP"


def test_a_header_of_labelled_fields_is_no_headline_and_its_date_field_stamps_the_page():
    header = [
        "Pubdate: Tue, 4 Mar 2014",
        "Source: Nordic Press (Wire)",
        "Author: Jane Roe",
        "Filed: (Harbour News)",
    ]
    parsed = parse_article("\n".join(header) + "\n\n" + "\n\n".join(STORY))
    assert parsed.title is None
    assert parsed.published_date == date(2014, 3, 4)
    assert parsed.outlet == "Nordic Press"
    assert not any(field in parsed.body for field in header)
    # a field that dates something else (an expiry, a visit) is no stamp
    updated = ["Expires: Tue, 4 Mar 2014", "Author: Jane Roe", "Section: Harbour"]
    assert parse_article("\n".join(updated) + "\n\n" + "\n\n".join(STORY)).published_date is None
    # two labelled lines are no header of fields: the headline above them is still found
    two = [HEADLINE, "Author: Jane Roe", "Section: Harbour"]
    assert parse_article("\n".join(two) + "\n\n" + "\n\n".join(STORY)).title == HEADLINE


def test_a_credit_label_glued_before_the_lead_credits_the_text():
    parsed = parse_article(_story(HEADLINE, "Source: Nordwire / Reuters. " + PARA_1))
    assert parsed.credited == ["Nordwire", "Reuters"]
    assert parsed.outlet == "Nordwire"
    # a photo credit glued there credits the picture only
    photo = parse_article(_story(HEADLINE, "Photo: Jane Roe/Reuters. " + PARA_1))
    assert photo.outlet != "Reuters"


def test_a_day_and_an_outlet_in_brackets_open_the_lead():
    parsed = parse_article(_story(HEADLINE, "Dec 06, 2019 (NDX) – " + PARA_1))
    assert parsed.credited == ["NDX"]
    assert parsed.published_date == date(2019, 12, 6)
    # a day without its year credits the outlet but dates nothing
    assert parse_article(_story(HEADLINE, "Dec 06 (NDX) – " + PARA_1)).published_date is None


def test_a_photo_usage_restriction_after_the_credit_still_closes_a_caption():
    caption = (
        "Harbour pilot Jane Roe (C) arrives at the new ferry terminal in Bergen, Norway, "
        "14 March 2023. NTB/JOHN DOE NORWAY AND SWEDEN OUT"
    )
    parsed = parse_article(_story(HEADLINE, PARA_1, caption))
    assert caption not in parsed.body
    assert "NTB" in parsed.credited
    assert caption_credit("The pier at dusk. (AP Photo/Jane Roe) NO SALES") == (
        ["AP"],
        "photo credit at end of line",
    )
    # a sentence ending in a capital word and OUT is no restriction
    assert caption_credit("The dockers said they would walk OUT") is None


def test_an_agency_caption_opening_is_a_caption_however_long():
    caption = (
        "This handout picture taken and released by the harbour authority on Monday shows "
        "divers searching the water under the old pier after a ferry struck it in a storm, "
        "while crews on two tugs hold the damaged hull away from the quay wall and the "
        "passengers wait in the terminal building for buses that will take them home. "
        "(Photo by Handout / Harbour Authority / NTB)"
    )
    parsed = parse_article(_story(HEADLINE, caption))
    assert caption not in parsed.body
    # a long paragraph that does not open like a caption stays
    assert PARA_1 in parse_article(_story(HEADLINE, caption)).body


def test_a_date_time_and_relative_stamp_line_over_the_headline_dates_the_story():
    parsed = parse_article(
        _story("Business", "March 9, 2024 / 3:10 PM / Updated 2 hours ago", HEADLINE)
    )
    assert parsed.published_date == date(2024, 3, 9)
    assert "Updated 2 hours ago" not in parsed.body
    # a breadcrumb of words is no stamp
    assert parse_article(_story("Home / World / Europe", HEADLINE)).published_date is None


def test_a_bare_date_right_above_the_headline_dates_the_story_but_a_clock_does_not():
    parsed = parse_article(_story("Regional News", "8 March 2024", HEADLINE))
    assert parsed.published_date == date(2024, 3, 8)
    # a clock names the weekday
    clock = parse_article(_story("Regional News", "Friday, 8 March 2024", HEADLINE))
    assert clock.published_date is None


def test_a_page_cut_off_mid_sentence_keeps_its_last_short_line():
    for tail in ("The harbour master said,", "Regarding the timetable"):
        assert tail in parse_article(_story(HEADLINE) + "\n\n" + tail).body
    # a label or a finished phrase closing the page is still furniture
    for tail in ("Newspapers from Norway", "Harbour News"):
        assert tail not in parse_article(_story(HEADLINE) + "\n\n" + tail).body


def test_a_headline_and_wire_dateline_run_into_the_lead_are_read():
    line = f"{HEADLINE} Bergen, Mar 3 (NTB) Mar 03, 2024 {PARA_1} {PARA_2} {PARA_3}"
    parsed = parse_article(line)
    assert parsed.title == HEADLINE
    assert parsed.dateline == "Bergen"
    assert parsed.credited == ["NTB"]
    assert parsed.published_date == date(2024, 3, 3)
    # the line mixes the headline with the story: it stays body as printed
    assert parsed.body == line
    # words ending on a function word before the place are no headline
    sentence = f"The ferry sank at the pier in Bergen, Mar 3 (NTB) {PARA_1} {PARA_2} {PARA_3}"
    assert parse_article(sentence).title is None


def test_a_line_of_field_labels_without_values_is_metadata():
    parsed = parse_article(_story(HEADLINE, "Issued on: Modified:"))
    assert "Issued on: Modified:" not in parsed.body
    # labels with their values are no empty labels
    assert not _EMPTY_LABELS.fullmatch("Issued on: 3 March 2024 Modified:")
    assert not _EMPTY_LABELS.fullmatch("Note: the ferry: late")
    assert _EMPTY_LABELS.fullmatch("Date: Time: Place:")


def test_a_label_closed_by_a_colon_under_the_headline_is_furniture():
    parsed = parse_article(_story(HEADLINE, "Key points for readers:"))
    assert "Key points for readers:" not in parsed.body
    # inside the story a line closed by a colon introduces what follows
    inside = parse_article(_story(HEADLINE, PARA_1, "The harbour master said:"))
    assert "The harbour master said:" in inside.body


def test_an_unfinished_line_restating_an_earlier_paragraph_is_its_caption():
    restated = "The new ferry terminal will open next spring after two years of flooding delays"
    parsed = parse_article(_story(HEADLINE, PARA_1, restated))
    assert restated not in parsed.body
    # a finished sentence, or one adding new words, is story text
    finished = restated + "."
    assert finished in parse_article(_story(HEADLINE, PARA_1, finished)).body
    other = "Fishermen in the northern villages want a second pier for their boats and nets"
    assert other in parse_article(_story(HEADLINE, PARA_1, other)).body
