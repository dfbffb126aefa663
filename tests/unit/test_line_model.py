"""The line-shape model: furniture after the story by its shape, on lines no cue names."""

import pytest

from newsgate.boilerplate import classify_lines
from newsgate.line_model import FEATURES, in_scope, load_model, page_features, score

PARA_1 = (
    "The harbour authority opened a new ferry terminal on Monday, doubling the number of "
    "crossings to the islands after two years of building work."
)
PARA_2 = (
    "Officials said the terminal would handle about four thousand passengers a day and that "
    "fares would stay unchanged until the end of the season."
)
PARA_3 = (
    "Residents of the islands had campaigned for the new terminal for more than a decade, "
    "the mayor told reporters at the opening ceremony."
)


def _decisions(*tail: str) -> dict[str, tuple[str, str | None]]:
    text = "\n\n".join(["Harbour gets new ferry terminal", PARA_1, PARA_2, PARA_3, *tail])
    lines, _ = classify_lines(text)
    furniture = {ln.clean for ln in lines if "line-shape model" in (ln.signal or "")}
    return {
        ln.clean: (ln.kind, "furniture" if ln.clean in furniture else ln.reason)
        for ln in lines
        if ln.kind != "blank"
    }


def test_model_data_names_its_features_and_source():
    model = load_model()
    assert set(model.weights) == set(FEATURES)
    assert 0.5 < model.threshold < 1.0


@pytest.mark.parametrize(
    "tail",
    [
        # invented promo lists with no cue word the rules know
        (
            "• Harbour Towns Weekly Round-Up",
            "• Island Life In Pictures",
            "• Winter Ferry Timetables",
        ),
        ("- Ten Best Coastal Walks Of 2024", "- Island Life In Pictures"),
    ],
)
def test_a_run_of_short_title_cased_lines_after_the_story_is_furniture(tail):
    decisions = _decisions(*tail)
    for line in tail:
        assert decisions[line][0] == "boilerplate", line
    assert ("boilerplate", "furniture") in {decisions[line] for line in tail}


@pytest.mark.parametrize(
    "tail",
    [
        # a closing sentence kept apart from the paragraphs
        ("The terminal will open to cars next spring, the authority said.",),
        # a short quote closing the story
        ("“We waited long enough,” she said.",),
        # short closing sentences in a run (the shape of a link list, but sentences)
        ("He denied the charges.", "The trial continues."),
        ("The hearing was adjourned until March.", "Both sides declined to comment."),
        # the story's own list, introduced by a sentence
        ("The ferries will also call at two smaller ports this winter:", "- Brindle", "- Marrow"),
    ],
)
def test_story_lines_after_the_last_paragraph_stay_in_the_body(tail):
    decisions = _decisions(*tail)
    for line in tail:
        assert decisions[line][0] == "body", line


def test_the_model_decides_no_line_before_or_between_the_paragraphs():
    texts = ["Harbour gets new ferry terminal", "Island Life", PARA_1, "New berths", PARA_2]
    for text, features in zip(texts, page_features(texts), strict=True):
        assert not in_scope(features, text), text


@pytest.mark.parametrize(
    "line",
    [
        "Altogether,",  # a sentence the scraper broke over two lines
        "He said the new ferries would sail from the",
        "Both sides declined to comment.",  # a finished line in sentence case
    ],
)
def test_continued_lines_and_sentences_are_out_of_scope(line):
    texts = [PARA_1, PARA_2, line, "Island Life"]
    assert not in_scope(page_features(texts)[2], line)


def test_score_rises_with_furniture_shape():
    texts = [PARA_1, PARA_2, "Island Life In Pictures", "Ferry Timetables", "Coastal Walks"]
    rows = page_features(texts)
    model = load_model()
    assert score(rows[3], model) > model.threshold
    # the same words as a sentence between two paragraphs: prose, not furniture
    texts = [PARA_1, "The island life is changing, the mayor said on Monday.", PARA_2]
    assert score(page_features(texts)[1], model) < model.threshold
