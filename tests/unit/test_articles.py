from datetime import date

import pytest

from newsgate.articles import common_lines, flag_near_duplicates, not_article_reason, parse_article

BODY = (
    "The city council voted on a new budget for the coming year after a long debate. "
    "Members said the plan would fund schools, roads and parks across the region "
    "from next spring."
)
BODY_2 = (
    "Opposition members said the budget relied on optimistic tax forecasts and would have "
    "to be revised before the summer if the economy slowed."
)


def test_title_body_and_credit_lines():
    text = f"Council passes budget\n\n{BODY}\n\nSource: Example Wire"
    parsed = parse_article(text)
    assert parsed.title == "Council passes budget"
    assert parsed.credited == ["Example Wire"]
    assert parsed.outlet == "Example Wire"
    assert parsed.body == BODY
    assert not_article_reason(parsed) is None


def test_body_paragraphs_are_separated_by_blank_lines_and_counted():
    parsed = parse_article(f"Council passes budget\n{BODY}\n{BODY_2}")
    assert parsed.body == f"{BODY}\n\n{BODY_2}"
    assert parsed.sentence_count == 3
    assert parsed.word_count == len(BODY.split()) + len(BODY_2.split())


def test_metadata_date_prefix_sets_published_date():
    parsed = parse_article(f" date 2023-03-04 {BODY}")
    assert parsed.published_date == date(2023, 3, 4)
    assert parsed.published_date_source == "metadata"
    # a marker glued to the lead mixes metadata with content: the line stays body as printed
    assert parsed.body.startswith("date 2023-03-04 The city council")


def test_published_label_line_sets_date_but_a_garbled_clock_does_not():
    labelled = parse_article(f"Council passes budget\nPublished: 4 March 2023\n{BODY}\n{BODY_2}")
    assert (labelled.published_date, labelled.published_date_source) == (
        date(2023, 3, 4),
        "metadata",
    )
    parsed = parse_article(f"Council passes budget\nABCD_EFGHIJ 12:20\n{BODY}\n{BODY_2}")
    assert parsed.published_date is None
    assert "ABCD_EFGHIJ" not in parsed.body


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        # an "Updated" stamp dates the article only when no publication stamp does
        (["Updated on: 5 March 2023 10:00"], date(2023, 3, 5)),
        (["Last updated 5 March 2023"], date(2023, 3, 5)),
        (["Updated: 5 March 2023", "Published: 4 March 2023"], date(2023, 3, 4)),
        (["Published: 4 March 2023", "Last modified: 5 March 2023"], date(2023, 3, 4)),
        # several stamps on one line, in either order, and the label after its date
        (["Updated: March 5, 2023 | Published: March 4, 2023"], date(2023, 3, 4)),
        (["4 March 2023 10:15 | Published"], date(2023, 3, 4)),
        (["Published by Jane Roe on March 4, 2023"], date(2023, 3, 4)),
    ],
)
def test_updated_stamps_are_the_last_resort_and_labels_in_any_order(stamps, expected):
    lines = "\n".join(stamps)
    parsed = parse_article(f"Council passes budget\n{lines}\n{BODY}\n{BODY_2}")
    assert parsed.published_date == expected
    assert not any(stamp in parsed.body for stamp in stamps)


def test_date_line_under_the_headline_is_the_stamp_but_a_clock_above_it_is_not():
    under = parse_article(f"Council passes budget\nTuesday March 7 2023\n{BODY}\n{BODY_2}")
    assert (under.published_date, under.published_date_source) == (date(2023, 3, 7), "stamp")
    clock = parse_article(f"Saturday, 25/11/2026 12:20\nCouncil passes budget\n{BODY}\n{BODY_2}")
    assert clock.published_date is None
    assert "25/11/2026" not in clock.body


def test_wire_dateline_prefix_gives_place_outlet_and_dated_publication():
    parsed = parse_article(f"Council passes budget\n\nOSLO, March 4, 2023 (Reuters) - {BODY}")
    assert parsed.dateline == "Oslo"
    assert parsed.outlet == "Reuters"
    assert parsed.published_date == date(2023, 3, 4)
    assert parsed.published_date_source == "dateline"
    assert parsed.body.startswith("OSLO, March 4, 2023 (Reuters) - The city council")


def test_dateline_without_year_leaves_the_date_null():
    parsed = parse_article(f"Council passes budget\n\nOSLO, March 4 (AFP) - {BODY}")
    assert (parsed.dateline, parsed.outlet, parsed.published_date) == ("Oslo", "AFP", None)


def test_inline_outlet_prefix_comes_before_source_and_photo_credits():
    text = (
        f"Council passes budget\n\n(CityNews) – {BODY}\n\n"
        "Councillors vote in the town hall. Photo: EPA/VNA\n\n"
        f"{BODY_2}\n\n(According to AFP)"
    )
    parsed = parse_article(text)
    assert parsed.outlet == "CityNews"
    assert parsed.credited == ["CityNews", "AFP", "EPA", "VNA"]
    assert "Photo:" not in parsed.body


def test_photo_credit_alone_names_no_outlet():
    parsed = parse_article(f"{BODY}\n\nCouncillors vote in the town hall. Credit: Getty Images")
    assert parsed.outlet is None
    assert parsed.credited == ["Getty Images"]


def test_place_slash_agency_line_is_the_dateline():
    parsed = parse_article(f"Council passes budget\n\nOslo / AFP\n{BODY}")
    assert (parsed.dateline, parsed.outlet) == ("Oslo", "AFP")


def test_byline_line_sets_byline_and_title_site_suffixes_are_no_credit():
    parsed = parse_article(f"Council passes budget | Nordic Times\nBy Ingrid Dahl\n{BODY}")
    assert parsed.title == "Council passes budget"
    assert parsed.byline == "Ingrid Dahl"
    # the page names itself in its title: that credits nobody for the text
    assert (parsed.outlet, parsed.credited) == (None, [])
    page_title = "Council passes budget for the coming year | Nordic | Fjord Region's Paper"
    several = parse_article(f"{page_title}\n{BODY}")
    assert several.title == "Council passes budget for the coming year"


def test_text_without_sentences_is_not_an_article():
    assert not_article_reason(parse_article("lorem ipsum dolor")) == "no_sentences"


def test_empty_text_is_not_an_article():
    assert not_article_reason(parse_article("")) == "no_sentences"


def test_short_text_is_not_an_article():
    assert not_article_reason(parse_article("Budget passed. Council met today.")) == "too_short"


def test_mostly_foreign_text_is_not_an_article():
    text = (
        "El consejo de la ciudad aprobó el presupuesto para el próximo año después de un largo "
        "debate. Los miembros dijeron que el plan financiará escuelas, carreteras y parques en "
        "toda la región desde la próxima primavera, según el alcalde."
    )
    parsed = parse_article(text)
    assert parsed.language == "es"
    assert not_article_reason(parsed) == "not_english"


@pytest.mark.parametrize(
    "text",
    ['“unbalanced quote\n\n"and another', "x" * 200_000, "\r\n\r\n", "\x00\x01\x02", "Ã©Ã©"],
)
def test_bad_input_gives_a_defined_result(text):
    parsed = parse_article(text)
    assert not_article_reason(parsed) in {"no_sentences", "too_short"}
    assert len(parsed.lines) == text.count("\n") + 1


def test_rewrite_points_at_the_longer_original():
    original = f"{BODY} {BODY_2} The mayor said the vote was a turning point for the city."
    rewrite = f"{BODY} {BODY_2}"
    rows = [
        {"doc_id": "b" * 64, "body": rewrite, "published_date": None},
        {"doc_id": "a" * 64, "body": original, "published_date": None},
        {
            "doc_id": "c" * 64,
            "body": "Storms closed three airports in the north.",
            "published_date": None,
        },
    ]
    flagged = {
        r["doc_id"][0]: (r.get("duplicate_of_doc_id"), r.get("similarity"))
        for r in flag_near_duplicates(rows)
    }
    assert flagged["b"][0] == "a" * 64
    assert flagged["b"][1] == pytest.approx(1.0)
    assert flagged["a"] == (None, None)
    assert flagged["c"] == (None, None)


def test_outlet_code_prefix_is_an_outlet_not_a_dateline():
    parsed = parse_article(f"Council passes budget\n\nCNO/VNA – {BODY}")
    assert parsed.dateline is None
    assert parsed.credited == ["CNO", "VNA"]
    assert parsed.body.startswith("CNO/VNA – The city council")


def test_date_on_the_byline_line_is_the_publication_date():
    parsed = parse_article(f"Council passes budget\nBy Ingrid Dahl | 4 March 2023\n{BODY}")
    assert parsed.byline == "Ingrid Dahl"
    assert (parsed.published_date, parsed.published_date_source) == (date(2023, 3, 4), "byline")


def test_capitals_place_alone_on_a_line_is_the_dateline():
    parsed = parse_article(f"Council passes budget\nBERGEN —\n{BODY}")
    assert parsed.dateline == "Bergen"
    assert "BERGEN" not in parsed.body


def test_with_line_naming_countries_is_body_not_a_credit():
    crosshead = "With Norway and Sweden"
    parsed = parse_article(f"{BODY}\n\n{crosshead}\n\n{BODY_2}")
    assert parsed.credited == []
    assert crosshead in parsed.body


def test_sentence_count_ignores_initials_and_titles():
    parsed = parse_article(
        "Mr. Dahl met U.S. officials in Oslo on Monday. They discussed the budget for the "
        "coming year. Dr. Lie said the talks went well!"
    )
    assert parsed.sentence_count == 3


@pytest.mark.parametrize(
    ("prefix", "dateline", "credited"),
    [
        ("SGGP – ", None, ["SGGP"]),
        ("LIMA – ", "Lima", []),
        ("Da Nang City (VNA) – ", "Da Nang City", ["VNA"]),
        ("(Reuters) - ", None, ["Reuters"]),
        ("BERGEN, March 4. /TASS/. ", "Bergen", ["TASS"]),
        ("BERGEN. March 4 (Interfax) - ", "Bergen", ["Interfax"]),
    ],
)
def test_opening_prefixes(prefix, dateline, credited):
    parsed = parse_article(f"Council passes budget\n{prefix}{BODY}")
    assert (parsed.dateline, parsed.credited) == (dateline, credited)
    assert parsed.body == f"{prefix}{BODY}"


def test_source_date_editor_header_line_is_metadata_with_its_date():
    parsed = parse_article(
        f"Council passes budget\nSource: Xinhua| 2023-03-04 10:15:00 | Editor: Wu\n{BODY}"
    )
    assert parsed.lines[1].reason == "metadata"
    assert parsed.credited == ["Xinhua"]
    assert (parsed.published_date, parsed.published_date_source) == (date(2023, 3, 4), "metadata")


def test_date_and_time_fields_alone_are_a_clock_not_a_date():
    parsed = parse_article(f"Council passes budget\nSaturday | 04/03/2023 | 10:15\n{BODY}")
    assert parsed.lines[1].reason == "metadata"
    assert parsed.published_date is None


@pytest.mark.parametrize(
    "prefix", [" date 2023-03-04 ", "Published: 4 March 2023 ", "posted March 4, 2023 10:30 "]
)
def test_metadata_prefix_forms(prefix):
    parsed = parse_article(f"{prefix}{BODY}")
    assert parsed.published_date == date(2023, 3, 4)
    assert parsed.body == f"{prefix}{BODY}".strip()


def test_invalid_metadata_date_is_left_in_place():
    parsed = parse_article(f" date 2023-02-31 {BODY}")
    assert parsed.published_date is None


@pytest.mark.parametrize("opening", ["NATO – ", "EU - ", "US — "])
def test_organisation_or_country_code_opening_is_neither_dateline_nor_outlet(opening):
    parsed = parse_article(f"Council passes budget\n{opening}{BODY}")
    assert (parsed.dateline, parsed.credited) == (None, [])
    assert parsed.body.startswith(opening.strip())


def test_parenthesised_organisation_code_is_not_an_agency():
    parsed = parse_article(f"Council passes budget\nThe European Union (EU) – {BODY}")
    assert parsed.credited == []
    assert parsed.dateline is None


# Forms a page names its publisher or source in, on invented pages.
@pytest.mark.parametrize(
    ("page", "outlet", "credited"),
    [
        (
            f"Council passes budget\n{BODY}\n{BODY_2}\n© 2024 Nordic Herald. All rights reserved.",
            "Nordic Herald",
            ["Nordic Herald"],
        ),
        (
            f"Council passes budget\nKABUL (Harbour News- AFP) - {BODY}\n{BODY_2}",
            "Harbour News",
            ["Harbour News", "AFP"],
        ),
        (f"Council passes budget\n{BODY}\n{BODY_2}\nRead more on Xinhua", "Xinhua", ["Xinhua"]),
        (
            f"The Kathmandu Post\nCouncil passes budget\n{BODY}\n{BODY_2}",
            "The Kathmandu Post",
            ["The Kathmandu Post"],
        ),
        (f"Council passes budget\n{BODY} The vote was close.— AFP", "AFP", ["AFP"]),
        (f"Council passes budget\n{BODY}\n{BODY_2}\nUSA TODAY", "USA Today", ["USA Today"]),
    ],
)
def test_publisher_and_source_credits(page, outlet, credited):
    parsed = parse_article(page)
    assert (parsed.outlet, parsed.credited) == (outlet, credited)


def test_standfirst_reporter_credit_names_outlet_and_byline_and_stays_body():
    dek = "Councillors argued for hours before the vote. Nordic TV's Ingrid Dahl reports."
    parsed = parse_article(f"Council passes budget\n{dek}\n{BODY}\n{BODY_2}")
    assert (parsed.outlet, parsed.byline) == ("Nordic TV", "Ingrid Dahl")
    assert parsed.body.startswith(dek)


def test_one_named_reporting_agency_is_the_outlet_only_without_a_credit_line():
    told = f'{BODY} "We are ready," the mayor told Reuters.'
    assert parse_article(f"Council passes budget\n{told}\n{BODY_2}").outlet == "Reuters"
    # a newspaper that "reported" is another paper's story being cited, not the source
    cited = f"{BODY} The Indian Express newspaper reported the vote."
    assert parse_article(f"Council passes budget\n{cited}\n{BODY_2}").outlet is None
    # an agency the page's reporters spoke through outranks one whose report is cited
    both = f"{told} AFP reported the vote."
    assert parse_article(f"Council passes budget\n{both}\n{BODY_2}").outlet == "Reuters"
    # two agencies of the same kind named as sources: no single one is the outlet
    two = f'{told} "It passed," a councillor told AFP.'
    assert parse_article(f"Council passes budget\n{two}\n{BODY_2}").outlet is None
    # with a credit line, a quote recipient is not a credit
    credited = parse_article(f"Council passes budget\n{told}\n{BODY_2}\nSource: Xinhua")
    assert credited.credited == ["Xinhua"]


def test_generic_agencies_credit_with_a_glued_timestamp_gives_the_date_only():
    parsed = parse_article(f"Source: Agencies04 Mar 2023 10:19:51\n\n{BODY}\n{BODY_2}")
    assert (parsed.outlet, parsed.credited) == (None, [])
    assert parsed.published_date == date(2023, 3, 4)
    assert parsed.title is None


@pytest.mark.parametrize(
    ("opening", "dateline", "credited"),
    [
        ("AT-BERGEN: ", "Bergen", ["AT"]),
        ("Kathmandu, March 4: ", "Kathmandu", []),
        ("OSLO: ", "Oslo", []),
        ("WASHINGTON - ", "Washington", []),
        ("Oslo, March 4 (Reuters) - ", "Oslo", ["Reuters"]),
        ("BREAKING: ", None, []),
        ("DEVELOPING: ", None, []),
    ],
)
def test_dateline_forms(opening, dateline, credited):
    parsed = parse_article(f"Council passes budget\n{opening}{BODY}\n{BODY_2}")
    assert (parsed.dateline, parsed.credited) == (dateline, credited)


def test_dateline_and_marker_lines_and_glued_byline():
    alone = parse_article(f" date 2023-03-04 Vienna\n\n{BODY}\n{BODY_2}")
    assert (alone.dateline, alone.published_date, alone.title) == ("Vienna", date(2023, 3, 4), None)
    caps = parse_article(f"Council passes budget\nBERGEN, NORWAY\n{BODY}\n{BODY_2}")
    assert caps.dateline == "Bergen"
    glued = parse_article(f"Council passes budget\nBy Ingrid DahlBERGEN, Norway, March 4: {BODY}")
    assert (glued.byline, glued.dateline) == ("Ingrid Dahl", "Bergen")


@pytest.mark.parametrize(
    "stamp",
    [
        "Tuesday March 7 2023",
        "07.03.2023 | 10:15",
        "March 7, 2023 16:18 CET",
        "Posted on March 7, 2023",
    ],
)
def test_stamp_forms_under_the_headline(stamp):
    parsed = parse_article(f"Council passes budget\n{stamp}\n{BODY}\n{BODY_2}")
    assert parsed.published_date == date(2023, 3, 7)
    assert stamp not in parsed.body


def test_headline_with_a_glued_marker_is_the_title_without_it():
    parsed = parse_article(f" date 2023-03-04 Council passes budget\n{BODY}\n{BODY_2}")
    assert (parsed.title, parsed.published_date) == ("Council passes budget", date(2023, 3, 4))
    assert "Council passes budget" not in parsed.body


def test_headline_is_the_line_the_lead_is_about_not_a_navigation_headline():
    page = (
        "Storm batters coast as thousands flee homes\nWorld\nTag Line Here\n"
        f"Council passes budget after long debate\nBy Ingrid Dahl\n{BODY}\n{BODY_2}"
    )
    parsed = parse_article(page)
    assert parsed.title == "Council passes budget after long debate"
    assert "Storm batters coast" not in parsed.body
    assert "Tag Line Here" not in parsed.body


def test_page_opening_with_the_lead_has_no_title():
    assert parse_article(f"{BODY}\n{BODY_2}").title is None


def test_lines_repeated_across_the_corpus_are_furniture():
    pages = [f"Council passes budget\n{BODY}\nSpecial offer for readers today\n{BODY_2}"] * 3
    common = common_lines(pages)
    parsed = parse_article(pages[0], common)
    assert "Special offer" not in parsed.body
    assert parsed.title == "Council passes budget"
