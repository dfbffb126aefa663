"""Round-2 article-field rules, each on small invented texts: titles, dates, datelines, credits
and the page furniture around a story."""

from datetime import date

import pytest

from newsgate.articles import parse_article
from newsgate.boilerplate import classify_lines, is_byline_name, is_place_name
from newsgate.credits import (
    byline_credit,
    caption_credit,
    contributor_credits,
    credit_line,
    source_credits,
)
from newsgate.stamps import stamp_date

HEAD = "New ferry terminal to open next spring after flooding delays"
P1 = (
    "The harbour authority said on Friday that the new ferry terminal would open next spring, "
    "after two years of delays caused by flooding and a shortage of steel."
)
P2 = (
    "Local traders welcomed the decision but warned that prices for tickets should stay low, "
    "because most passengers are commuters who travel to the mainland every day."
)
P3 = (
    "The regional governor is expected to visit the site next week and meet the engineers "
    "who designed the floating pier and its storm barrier."
)


def _kinds(text: str) -> dict[str, tuple[str, str | None]]:
    lines, _ = classify_lines(text)
    return {ln.clean: (ln.kind, ln.reason) for ln in lines if ln.kind != "blank"}


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        f"Home / World / {HEAD}",
        f"Home > {HEAD}",
        f"You are here: Home > {HEAD}",
        f"You are here: Business / {HEAD}",
        f"{HEAD} | Harbour | The Coast Paper",
    ],
)
def test_breadcrumbs_and_site_names_leave_the_headline(line):
    assert parse_article(f"{line}\n{P1}\n{P2}").title == HEAD


def test_a_summary_label_ends_the_headline_search():
    text = f"Story highlights\nTerminal to open next spring\n{P1}\n{P2}"
    assert parse_article(text).title is None


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Updated 1:21 PM,Jul 27,2024", date(2024, 7, 27)),
        ("March 4th, 2023 9:53 a.m. ET", date(2023, 3, 4)),
    ],
)
def test_glued_and_ordinal_stamps(stamp, expected):
    assert stamp_date(stamp) == expected


def test_labelled_publication_date_is_the_published_date():
    parsed = parse_article(f"{HEAD}\nPublication date: 4 March 2023\n{P1}\n{P2}")
    assert parsed.published_date == date(2023, 3, 4)


def test_date_and_time_right_above_the_headline_is_the_timestamp():
    parsed = parse_article(f"Menu\n04 March 2023 14:05\n{HEAD}\n{P1}\n{P2}")
    assert parsed.published_date == date(2023, 3, 4)


def test_marker_glued_to_a_caption_still_dates_the_article():
    caption = " date 2023-03-04 A ferry leaves the harbour at dawn. (Photo: Reuters)"
    parsed = parse_article(f"{HEAD}\n{caption}\n{P1}\n{P2}")
    assert parsed.published_date == date(2023, 3, 4)


# --- datelines --------------------------------------------------------------------------------


def test_wire_dateline_opening_the_paragraph_below_a_standfirst():
    standfirst = "Workers walked out after the company cut wages for the second time this year."
    parsed = parse_article(f"{HEAD}\n{standfirst}\nBERGEN (Reuters) - {P1}\n{P2}")
    assert (parsed.dateline, parsed.outlet) == ("Bergen", "Reuters")


def test_later_paragraph_is_not_read_for_a_label_or_a_common_word():
    standfirst = "Workers walked out after the company cut wages for the second time this year."
    parsed = parse_article(f"{HEAD}\n{standfirst}\n{P1}\nBREAKING - {P2}")
    assert parsed.dateline is None


def test_capitals_place_before_its_state_is_the_place():
    parsed = parse_article(f"{HEAD}\nSACRAMENTO Calif. (AP) — {P1}\n{P2}")
    assert parsed.dateline == "Sacramento"


def test_agency_code_in_its_own_case_in_a_dateline_bracket():
    parsed = parse_article(f"{HEAD}\nFRANKFURT (dpa-AFX) - {P1}\n{P2}")
    assert (parsed.dateline, parsed.credited) == ("Frankfurt", ["dpa-AFX"])


def test_known_place_alone_between_headline_and_lead_is_the_dateline():
    parsed = parse_article(f"{HEAD}\nReykjavik\n{P1}\n{P2}")
    assert parsed.dateline == "Reykjavik"
    assert "Reykjavik" not in parsed.body.split("\n\n")


@pytest.mark.parametrize(
    ("name", "expected"), [("Ulaanbaatar", True), ("CHICO", True), ("BREAKING", False)]
)
def test_place_names_are_gazetteer_places_or_no_english_words(name, expected):
    assert is_place_name(name) is expected


# --- credits ----------------------------------------------------------------------------------


def test_the_pages_own_contact_outranks_a_cited_report():
    text = 'The BBC reported the closure. "We will reopen," the mayor told Reuters on Monday.'
    assert source_credits(text) == ["Reuters"]


def test_a_publication_speaking_of_itself_is_the_source():
    text = "The Fjord Herald has learnt that the pier will close."
    assert source_credits(text) == ["Fjord Herald"]


def test_a_correspondent_reporting_from_a_place_names_the_outlet():
    text = "Al Jazeera's Jane Roe, reporting from Bergen, said the pier was closed."
    assert source_credits(text) == ["Al Jazeera"]


@pytest.mark.parametrize(
    ("byline", "outlet"), [("By Fjord Times Staff", "Fjord Times"), ("By Staff Report", None)]
)
def test_staff_bylines_credit_their_outlet_or_nobody(byline, outlet):
    assert parse_article(f"{HEAD}\n{byline}\n{P1}\n{P2}").outlet == outlet


@pytest.mark.parametrize("line", ["Jane Roe/AP", "JANE ROE/AFP/Getty Images"])
def test_photographer_and_agency_lines_are_photo_credits(line):
    credit = credit_line(line)
    assert credit is not None and credit.photo
    assert parse_article(f"{HEAD}\n{line}\n{P1}\n{P2}").outlet is None


def test_contributor_notes_credit_agencies_not_people():
    assert contributor_credits("Reuters contributed to this report.") == ["Reuters"]
    assert contributor_credits("Jane Roe in Oslo contributed to this report.") == []
    assert contributor_credits(P1) is None


@pytest.mark.parametrize(
    ("caption", "names"),
    [
        ("A ferry leaves the harbour in Bergen [EPA]", ["EPA"]),
        ("Snow covers the pier in Fairbanks(KTVF)", ["KTVF"]),
        ("Dock workers on the pier on April 27, 2019. — File pic", []),
        ("A ferry leaves the harbour. Jane Roe/AP hide caption", ["AP"]),
    ],
)
def test_caption_credit_forms(caption, names):
    found = caption_credit(caption)
    assert found is not None and found[0] == names


def test_an_acronym_expanded_in_brackets_is_no_credit():
    assert caption_credit("Figures from the Office of Harbour Statistics(OHS)") is None


def test_a_bare_agency_name_closes_a_caption_but_credits_the_text_at_the_end():
    caption = "A farmer leads his pigs out of the flooded barn. The Associated Press"
    kinds = _kinds(f"{HEAD}\n{P1}\n{caption}\n{P2}\n{P3}")
    assert kinds[caption] == ("boilerplate", "caption")


# --- page furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share Comment Print", "share_widget"),
        ("Something went wrong", "share_widget"),
        ("This site is protected by reCAPTCHA and the Google Privacy Policy.", None),
        ("— Harbour Board (@harbourboard) May 2, 2024", "credit"),
        ("harbour_pier_00012.jpg", None),
    ],
)
def test_furniture_lines(line, reason):
    kind, why = _kinds(f"{HEAD}\n{P1}\n{line}\n{P2}\n{P3}")[line]
    assert kind != "body"
    if reason:
        assert why == reason


def test_video_title_and_its_duration_are_player_furniture():
    kinds = _kinds(f"{HEAD}\n{P1}\nStorm hits the coast\nStorm hits the coast 02:29\n{P2}\n{P3}")
    assert kinds["Storm hits the coast"][0] == "boilerplate"
    assert kinds["Storm hits the coast 02:29"][1] == "navigation"


def test_title_case_link_inside_the_story_is_a_related_link():
    link = "Harbour Workers Vote To Strike Again Over Pensions"
    assert _kinds(f"{HEAD}\n{P1}\n{link}\n{P2}\n{P3}")[link] == ("boilerplate", "related_block")


def test_sentence_case_crosshead_inside_the_story_stays_body():
    crosshead = "What the workers want"
    assert _kinds(f"{HEAD}\n{P1}\n{crosshead}\n{P2}\n{P3}")[crosshead][0] == "body"


def test_short_line_printed_twice_in_a_row_is_a_duplicate():
    label = "Dock workers on the pier at dawn"
    lines, _ = classify_lines(f"{HEAD}\n{P1}\n{label}\n{label}\n{P2}\n{P3}")
    marked = [ln for ln in lines if ln.clean == label]
    assert [ln.kind for ln in marked].count("boilerplate") >= 1


def test_labelled_present_tense_caption():
    caption = "Cat nap: A porter rests outside the station"
    assert _kinds(f"{HEAD}\n{P1}\n{caption}\n{P2}\n{P3}")[caption][0] == "boilerplate"


def test_a_capitals_flag_before_a_headline_is_no_caption_label():
    title = "UPDATE: Harbour workers hold talks on the new ferry terminal"
    assert parse_article(f"{title}\n{P1}\n{P2}").title == title


def test_pull_quote_without_marks_repeats_a_quotation():
    quoted = (
        "The mayor said: “We will never let the harbour close while people depend on it for work,” "
        "and left the meeting."
    )
    pull = "We will never let the harbour close while people depend on it for work"
    kinds = _kinds(f"{HEAD}\n{P1}\n{quoted}\n{pull}\n{P2}\n{P3}")
    assert kinds[pull] == ("boilerplate", "pull_quote")


def test_last_line_cut_off_mid_sentence_stays_body():
    cut = "Many of the traders said they would watch the vote from the square"
    assert _kinds(f"{HEAD}\n{P1}\n{P2}\n{P3}\n{cut}")[cut][0] == "body"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Ingrid Dahl", True), ("Market Data", False), ("Staff Report", False), ("Jane Park", True)],
)
def test_name_only_lines_are_bylines_unless_plain_english(line, expected):
    assert is_byline_name(line) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Source: Ghana News Agency", ["Ghana News Agency"]),
        ("Source: News Agency of Nigeria", ["News Agency of Nigeria"]),
        ("Source: Al Jazeera and news agencies", ["Al Jazeera"]),
        ("Source: Agencies", []),
    ],
)
def test_a_known_outlet_holding_a_generic_word_is_kept_whole(line, names):
    credit = credit_line(line)
    assert credit is not None and credit.names == names


def test_an_agency_printed_after_the_byline_name_without_a_comma():
    parsed = parse_article(f"{HEAD}\nBy JANE ROE Associated Press\n{P1}\n{P2}")
    assert (parsed.byline, parsed.outlet) == ("JANE ROE", "Associated Press")


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("ST. PETERSBURG, Fla. — ", "St. Petersburg"),
        ("N'DJAMENA, Chad — ", "N'Djamena"),
        ("RIO DE JANEIRO (AP) — ", "Rio de Janeiro"),
        ("PORT-AU-PRINCE, Haiti (AP) — ", "Port-au-Prince"),
        ("SMALLVILLE, Kan. — ", "Smallville"),
    ],
)
def test_capitals_datelines_with_dots_and_elisions_take_the_usual_spelling(opening, place):
    assert parse_article(f"{HEAD}\n{opening}{P1}\n{P2}").dateline == place


def test_a_role_after_the_byline_name_is_no_outlet():
    parsed = parse_article(f"{HEAD}\nJane Roe, Correspondent\n{P1}\n{P2}")
    assert (parsed.byline, parsed.outlet, parsed.credited) == ("Jane Roe", None, [])


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("— With files from Reuters", ["Reuters"]),
        ("With reporting by Jane Roe", []),
        ("With additional reporting by Jane Roe and AFP", ["AFP"]),
    ],
)
def test_helper_notes_credit_agencies_only(line, names):
    credit = credit_line(line)
    assert credit is not None and credit.names == names


@pytest.mark.parametrize("suffix", [" - Fjord Times", " — The Fjord Daily News"])
def test_an_outlet_shaped_site_name_after_a_dash_leaves_the_headline(suffix):
    parsed = parse_article(f"{HEAD}{suffix}\n{P1}\n{P2}")
    assert (parsed.title, parsed.outlet) == (HEAD, None)


def test_a_dash_joining_two_parts_of_a_headline_stays():
    title = "Ferry terminal delayed again - traders fear for the summer"
    assert parse_article(f"{title}\n{P1}\n{P2}").title == title


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [("2024/03/04", date(2024, 3, 4)), ("March 4, 2024 at 10:05 am", date(2024, 3, 4))],
)
def test_year_first_slashes_and_at_between_date_and_time(stamp, expected):
    assert parse_article(f"{HEAD}\n{stamp}\n{P1}\n{P2}").published_date == expected


@pytest.mark.parametrize(
    "line",
    [
        "Image source, Getty Images",
        "Image caption, A ferry waits at the pier",
        "Listen to this article · 4 min",
        "Sign up for our daily newsletter",
        "Click here to read more",
        "Print this page",
        "We value your feedback",
    ],
)
def test_more_page_furniture(line):
    assert _kinds(f"{HEAD}\n{P1}\n{line}\n{P2}\n{P3}")[line][0] == "boilerplate"


def test_an_image_source_line_is_a_photo_credit_not_the_outlet():
    parsed = parse_article(f"{HEAD}\n{P1}\nImage source, Reuters\n{P2}\n{P3}")
    assert (parsed.outlet, parsed.credited) == (None, ["Reuters"])


def test_a_short_form_in_brackets_closing_a_photo_credit_leaves_no_half_bracket():
    found = caption_credit("File photo: Jane Doe/Press Trust of India (PTI)")
    assert found is not None and found[0] == ["Press Trust of India"]
    found = caption_credit(
        "A ferry leaves the harbour. Picture: Jane Doe/Press Trust of India (PTI)"
    )
    assert found == (["Press Trust of India"], "photo credit at end of line")


@pytest.mark.parametrize(
    ("line", "outlets"),
    [
        ("By Example Wire - Sat Jan 28 2017, 1:57 pm", ["Example Wire"]),
        ("By Example Wire | Thu. 5 March 2020", ["Example Wire"]),
    ],
)
def test_an_abbreviated_weekday_after_a_separator_starts_the_bylines_date(line, outlets):
    assert byline_credit(line) == ([], outlets)


def test_a_surname_like_a_weekday_stays_in_the_byline_without_a_separator():
    people, outlets = byline_credit("By Jane Sun Jan 5, 2020")
    assert "Jane Sun" in people + outlets
