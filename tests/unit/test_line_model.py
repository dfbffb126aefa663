"""The line-shape model: furniture anywhere on the page by its shape, on lines no cue names."""

import json

import pytest

from newsgate.boilerplate import classify_lines
from newsgate.errors import LineModelError
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


def test_menu_lines_above_the_headline_are_furniture():
    # invented: a site's section menu printed one item a line above the headline
    menu = ["Home", "World News", "Business And Markets", "Sport Results", "Weather Maps"]
    text = "\n".join([*menu, "Harbour gets new ferry terminal", PARA_1, PARA_2, PARA_3])
    lines, _ = classify_lines(text)
    kinds = {ln.clean: ln.kind for ln in lines if ln.kind != "blank"}
    assert [kinds[item] for item in menu] == ["boilerplate"] * len(menu)
    assert kinds[PARA_1] == kinds[PARA_2] == kinds[PARA_3] == "body"


@pytest.mark.parametrize(
    "line",
    [
        # a short sentence between paragraphs
        "The vote is due on Friday.",
        # a quotation standing alone between paragraphs
        "“We waited long enough,” she said.",
    ],
)
def test_sentences_between_the_paragraphs_stay_in_the_body(line):
    text = "\n\n".join(["Harbour gets new ferry terminal", PARA_1, PARA_2, line, PARA_3])
    lines, _ = classify_lines(text)
    assert {ln.clean: ln.kind for ln in lines}[line] == "body"


def test_a_name_label_over_a_photo_credit_between_paragraphs_is_a_caption():
    # invented: a picture's name label and its credit, printed between two paragraphs
    parts = ["Harbour gets new ferry terminal", PARA_1, PARA_2]
    parts += ["Harbour Master Jane Roe", "(Photo: Harbour Authority)", PARA_3]
    lines, _ = classify_lines("\n\n".join(parts))
    label = next(ln for ln in lines if ln.clean == "Harbour Master Jane Roe")
    # a caption, so the entity stage still reads the name
    assert (label.kind, label.reason) == ("boilerplate", "caption")
    assert "between the paragraphs" in label.signal


@pytest.mark.parametrize(
    "line",
    [
        "Altogether,",  # a sentence the scraper broke over two lines
        "He said the new ferries would sail from the",
    ],
)
def test_continued_lines_are_out_of_scope(line):
    texts = [PARA_1, PARA_2, line, "Island Life"]
    assert not in_scope(page_features(texts)[2], line)


def test_a_story_list_a_sentence_introduces_is_out_of_scope():
    texts = [PARA_1, "The ferries will also call at two smaller ports:", "- Brindle", "- Marrow"]
    rows = page_features(texts)
    assert not any(in_scope(row, text) for row, text in zip(rows[1:], texts[1:], strict=True))


def test_position_features_follow_the_rules_decisions():
    texts = ["Home | World", "Harbour gets new ferry terminal", "Island Life", PARA_1, "x", PARA_2]
    kinds = ["boilerplate", "title", "body", "body", "body", "body"]
    rows = page_features(texts, kinds=kinds)
    assert rows[0]["before_title"] and rows[0]["separator"]
    assert rows[2]["under_title"] and rows[2]["next_to_title"] and rows[2]["next_paragraph"]
    assert rows[4]["between_paragraphs"] and rows[4]["prev_paragraph"]
    assert rows[1]["prev_furniture"] and not rows[3]["prev_furniture"]


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"weights": {"bias": 1.0}, "threshold": 0.9}),  # other features
        json.dumps({"weights": {name: 0.0 for name in FEATURES}}),  # no threshold
        json.dumps({"weights": {name: 0.0 for name in FEATURES}, "threshold": 2}),
    ],
)
def test_an_unusable_model_file_is_a_typed_error(tmp_path, content):
    path = tmp_path / "line_model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LineModelError) as caught:
        load_model(path)
    assert caught.value.code == "NG061"


def test_a_missing_model_file_is_a_typed_error(tmp_path):
    with pytest.raises(LineModelError):
        load_model(tmp_path / "absent.json")


def test_score_rises_with_furniture_shape():
    texts = [PARA_1, PARA_2, "Island Life In Pictures", "Ferry Timetables", "Coastal Walks"]
    rows = page_features(texts)
    model = load_model()
    assert score(rows[3], model) > model.threshold
    # the same words as a sentence between two paragraphs: prose, not furniture
    texts = [PARA_1, "The island life is changing, the mayor said on Monday.", PARA_2]
    assert score(page_features(texts)[1], model) < model.threshold
