"""Each boilerplate kind is recognised on small invented texts, and body lines are kept."""

import pytest

from newsgate.boilerplate import classify_lines

PARA_1 = (
    "The harbour authority said on Friday that the new ferry terminal would open next spring, "
    "after two years of delays caused by flooding and a shortage of steel."
)
PARA_2 = (
    "Local traders welcomed the decision but warned that prices for tickets should stay low, "
    "because most passengers are commuters who travel to the mainland every day."
)
PARA_3 = (
    "The regional governor is expected to visit the site next week and meet the engineers "
    "who designed the floating pier and its storm barrier."
)


def _decisions(text: str) -> dict[str, tuple[str, str | None]]:
    lines, _ = classify_lines(text)
    return {ln.clean: (ln.kind, ln.reason) for ln in lines if ln.kind != "blank"}


def _article(*extra_top: str, middle: str = "", tail: tuple[str, ...] = ()) -> str:
    parts = ["Harbour gets new ferry terminal", *extra_top, PARA_1]
    if middle:
        parts.append(middle)
    parts += [PARA_2, PARA_3, *tail]
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Dock workers unload crates at the port of Kavala on Tuesday. Photo: Harbour Post",
            "caption",
        ),
        ("A crane lifts a container at the terminal (Photo: ANSA/AP)", "caption"),
        ("The new pier seen from the air. © Maria Lind / Reuters", "caption"),
        ("afp2024112233 A ferry leaves the harbour at dawn. AFP/JOHN DOE", "caption"),
        (
            "FILE - A ferry docks at the old terminal, June 3, 2019. (AP Photo/Jane Roe, File)",
            "caption",
        ),
        ("Harbour gets new ferry terminal - photo 2", "caption"),
        ("Photo: Reuters", "credit"),
        ("Photo by Nikos Pappas", "credit"),
        ("Athens / AFP", "dateline"),
        ("By Elena Markou", "byline"),
        ("Share on Facebook", "share_widget"),
        ("Read more: Port strike ends after talks", "related_block"),
        ("WATCH: Ferry leaves the harbour for the last time", "related_block"),
        ("Leave a comment", "share_widget"),
        ("Home > News > Europe", "navigation"),
        ("Sign in", "navigation"),
        ("Copyright 2024 Harbour Post. All rights reserved.", "navigation"),
        ("Follow our coverage at https://example.org/harbour", "navigation"),
        ("Ο λιμένας θα ανοίξει την άνοιξη σύμφωνα με τις αρχές.", "non_english"),
        ("El puerto abrirá en la primavera según las autoridades del gobierno.", "non_english"),
        ("Posted: 12 March 2024 10:15", "metadata"),
        ("Tags: ferries, ports, Greece", "metadata"),
        ("5 min read", "metadata"),
        ("Thursday, 14/03/2024 09:30", "metadata"),
        ("QXZ_WWRTPLMNB 10:42", "garbled"),
        ("â€œThe terminal is readyâ€ he said", "garbled"),
    ],
)
def test_top_boilerplate_line_gets_its_reason(line, reason):
    decisions = _decisions(_article(line))
    assert decisions[line] == ("boilerplate", reason)
    assert decisions[PARA_1] == ("body", None)


def test_related_block_runs_until_the_next_paragraph():
    text = _article(
        tail=("Related news", "Port strike ends after talks", "New bridge opens", PARA_1)
    )
    decisions = _decisions(text)
    assert decisions["Related news"] == ("boilerplate", "related_block")
    assert decisions["Port strike ends after talks"] == ("boilerplate", "related_block")
    assert decisions["New bridge opens"] == ("boilerplate", "related_block")


def test_source_credit_lines_name_agencies_as_text_credits():
    for line, who in [
        ("Source: Xinhua", ["Xinhua"]),
        ("(According to AP)", ["AP"]),
        ("With AFP and dpa", ["AFP", "dpa"]),
        ("Based on reporting by Reuters", ["Reuters"]),
    ]:
        lines, evidence = classify_lines(_article(tail=(line,)))
        assert [ln.reason for ln in lines if ln.clean == line] == ["credit"]
        assert evidence.text_credits == who


def test_name_only_line_after_the_story_is_a_byline():
    lines, evidence = classify_lines(_article(tail=("Elena Markou",)))
    assert [ln.reason for ln in lines if ln.clean == "Elena Markou"] == ["byline"]
    assert evidence.bylines == ["Elena Markou"]


def test_repeated_paragraph_and_footer_headline_are_duplicates():
    text = _article(tail=(PARA_3, "Harbour gets new ferry terminal"))
    lines, _ = classify_lines(text)
    repeats = [ln for ln in lines if ln.clean in (PARA_3, "Harbour gets new ferry terminal")]
    assert [(ln.kind, ln.reason) for ln in repeats] == [
        ("title", "title"),
        ("body", None),
        ("boilerplate", "duplicate"),
        ("boilerplate", "duplicate"),
    ]


def test_repeated_caption_keeps_the_caption_reason():
    caption = "A ferry in the harbour at night. Credit: Harbour Post"
    decisions = [
        (ln.kind, ln.reason)
        for ln in classify_lines(_article(caption, caption))[0]
        if ln.clean == caption
    ]
    assert decisions == [("boilerplate", "caption"), ("boilerplate", "caption")]


def test_short_english_headline_and_crosshead_stay_in_the_article():
    crosshead = "Costs still rising"
    decisions = _decisions(_article(middle=crosshead))
    assert decisions["Harbour gets new ferry terminal"] == ("title", "title")
    assert decisions[crosshead] == ("body", None)


def test_sentence_mentioning_an_agency_is_body():
    line = "The plan was first reported by Reuters, which cited two officials close to the talks."
    assert _decisions(_article(middle=line))[line] == ("body", None)


def test_long_first_line_is_not_a_title():
    lines, _ = classify_lines(f"{PARA_1}\n\n{PARA_2}")
    assert [ln.kind for ln in lines if ln.kind != "blank"] == ["body", "body"]


def test_every_boilerplate_line_has_a_signal():
    text = _article("By Elena Markou", "Photo: Reuters", tail=("Share", "Latest"))
    for line in classify_lines(text)[0]:
        assert (line.kind == "boilerplate") == (line.reason not in (None, "title"))
        if line.kind == "boilerplate":
            assert line.signal


def test_tag_list_after_the_story_is_metadata():
    decisions = _decisions(_article(tail=("Tags", "Ferries Greece Ports")))
    assert decisions["Tags"] == ("boilerplate", "metadata")
    assert decisions["Ferries Greece Ports"] == ("boilerplate", "metadata")


def test_section_labels_above_the_headline_are_navigation():
    text = "\n".join(["News", "Europe", "Harbour gets new ferry terminal", PARA_1, PARA_2])
    decisions = _decisions(text)
    assert decisions["News"] == ("boilerplate", "navigation")
    assert decisions["Europe"] == ("boilerplate", "navigation")
    assert decisions["Harbour gets new ferry terminal"] == ("title", "title")


def test_wire_staff_credit_and_contributor_note_are_bylines():
    staff = "(Reporting by Elena Markou in Athens; Editing by Tom Hale)"
    note = "Associated Press writer Nikos Pappas in Athens contributed to this report."
    lines, evidence = classify_lines(_article(tail=(staff, note)))
    assert [ln.reason for ln in lines if ln.clean in (staff, note)] == ["byline", "byline"]
    assert evidence.bylines == ["Elena Markou"]


def test_generic_source_line_is_a_credit_without_a_name():
    lines, evidence = classify_lines(_article(tail=("(With inputs from agencies)",)))
    assert [ln.reason for ln in lines if ln.clean.startswith("(With")] == ["credit"]
    assert evidence.text_credits == []


def test_uncredited_agency_style_caption_is_a_caption():
    caption = "Harbour workers pose at the new pier in Kavala, Greece, 12 March 2024."
    past = "Harbour workers posed at the new pier in Kavala, Greece, on March 12, 2024."
    decisions = _decisions(_article(caption, middle=past))
    assert decisions[caption] == ("boilerplate", "caption")
    assert decisions[past] == ("body", None)


def test_related_cue_above_the_story_does_not_swallow_the_headline():
    text = "\n".join(["Latest", "Harbour gets new ferry terminal", PARA_1, PARA_2])
    decisions = _decisions(text)
    assert decisions["Latest"] == ("boilerplate", "navigation")
    assert decisions["Harbour gets new ferry terminal"] == ("title", "title")


def test_tag_header_above_the_story_does_not_swallow_the_headline():
    decisions = _decisions("\n".join(["Topics", "Harbour gets new ferry terminal", PARA_1, PARA_2]))
    assert decisions["Topics"] == ("boilerplate", "metadata")
    assert decisions["Harbour gets new ferry terminal"] == ("title", "title")


def test_bullets_a_sentence_introduces_after_the_last_paragraph_stay_in_the_body():
    intro = "The ferries will also call at two smaller ports this winter:"
    decisions = _decisions(_article(tail=(intro, "- Odesa and Pivdennyi", "- Chornomorsk")))
    assert decisions[intro] == ("body", None)
    assert decisions["- Odesa and Pivdennyi"] == ("body", None)
    assert decisions["- Chornomorsk"] == ("body", None)


@pytest.mark.parametrize(
    "line",
    [
        "According to Reuters, the talks collapsed after midnight.",
        "By Monday, the army had withdrawn from the border villages.",
        "Copyright law was at the centre of the dispute between the publishers.",
        "Share prices fell 3 percent in early trading on Tuesday.",
        "Latest figures show inflation rose to 5 percent in March.",
        "With inflation at 10 percent, the central bank raised rates again.",
        "Home Secretary Ana Silva said the plan would be published in May.",
        "Moscow / Kyiv",
        "Photo opportunities were limited because of the rain.",
    ],
)
def test_body_lines_with_cue_words_stay_in_the_body(line):
    assert _decisions(_article(middle=line))[line] == ("body", None)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Mayor Ana Lind (C) speaks to reporters at the harbour, March 4, 2024.", "caption"),
        ("Ministers of Norway and Greece meet in Athens, November 7, 2022.", "caption"),
        ("Dock workers rest at the pier in Kavala. (Xinhua/Nikos Pappas)", "caption"),
        ("A ferry leaves the harbour at dawn. (NIKOS PAPPAS / AFP)", "caption"),
        ("Expand / Contract", "share_widget"),
        ("Related Image", "related_block"),
        ("Start your morning right ☀️ Ferry news 🚢 Results and schedule", "navigation"),
        ("Subscribe to continue reading this article", "navigation"),
        (
            "Read more: Port authority names the five busiest harbours in the whole region",
            "related_block",
        ),
    ],
)
def test_more_furniture_and_captions_above_the_story(line, reason):
    decisions = _decisions(_article(line))
    assert decisions[line] == ("boilerplate", reason)
    assert decisions[PARA_1] == ("body", None)


def test_past_tense_short_lead_ending_in_a_date_is_not_a_caption():
    lead = "Ministers met in Athens on November 7, 2022."
    decisions = _decisions(f"{lead}\n\n{PARA_1}\n\n{PARA_2}")
    assert decisions[lead] == ("body", None)


def test_disclaimer_inside_the_story_is_boilerplate_but_a_sentence_mentioning_feedback_is_not():
    disclaimer = (
        "The views expressed in this article do not necessarily reflect those of the publisher."
    )
    sentence = "The port received feedback from traders on the new schedule before it opened."
    decisions = _decisions(_article(middle=f"{disclaimer}\n\n{sentence}"))
    assert decisions[disclaimer] == ("boilerplate", "navigation")
    assert decisions[sentence] == ("body", None)


def test_pull_quote_and_its_attribution_are_boilerplate_the_body_quote_stays():
    pull = "“The terminal will change life on the island for everyone.”"
    body = "“The terminal will change life on the island for everyone,” the mayor told reporters."
    decisions = _decisions(_article(middle=f"{pull}\n\n– Mayor Ana Lind\n\n{body}"))
    assert decisions[pull] == ("boilerplate", "pull_quote")
    assert decisions["– Mayor Ana Lind"] == ("boilerplate", "pull_quote")
    assert decisions[body] == ("body", None)


def test_headlines_below_the_story_are_links_but_a_cut_off_last_line_is_body():
    tail = (
        "Minister resigns over expenses row in the capital city",
        "Football club sacks coach after heavy defeat at home",
        "Search",
    )
    decisions = _decisions(_article(tail=tail))
    assert decisions[tail[0]] == ("boilerplate", "related_block")
    assert decisions[tail[1]] == ("boilerplate", "related_block")
    # the stored text stops mid-sentence: the fragment after the last paragraph is story text
    assert _decisions(_article(tail=("The",)))["The"] == ("body", None)
    assert _decisions(_article(tail=("World News",)))["World News"][0] == "boilerplate"


def test_headline_copy_later_in_the_page_is_a_duplicate():
    text = f"Harbour gets new ferry terminal\n\nNews\n\nHarbour gets new ferry terminal\n\n{PARA_1}\n\n{PARA_2}"
    lines, _ = classify_lines(text)
    kinds = [(ln.kind, ln.reason) for ln in lines if ln.clean == "Harbour gets new ferry terminal"]
    assert kinds == [("title", "title"), ("boilerplate", "duplicate")]
