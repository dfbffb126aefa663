"""Line-shape model: how much a line looks like page furniture, from features any site shares.

The article stage's rules recognise furniture by its cue words ("Read more", "Advertisement",
"Photo:"). A site nobody wrote a cue for still prints its furniture in the same *shape*: short
lines without a finished sentence, title-cased words and few function words, runs of such lines
before the headline or after the story, short lines next to the furniture the rules found,
counts and clocks, separators and addresses. This module turns a line, its place on the page
(above or under the headline, between the paragraphs, after the story) and its neighbours into
such features and scores them with a logistic regression (the weights are data:
`data/line_model.json`, fitted by `scripts/build_line_model.py` on the gold of the read sets,
with the figures of its leave-one-set-out test). The article stage applies it to every line its
rules keep as body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgate.errors import LineModelError
from newsgate.language import ENGLISH_STOPWORDS, WORD
from newsgate.logistic import probability, read_model_file

MODEL_PATH = Path(__file__).parent / "data" / "line_model.json"

# the sentence end of a finished line: a full stop, question or exclamation mark, an ellipsis,
# possibly inside closing quotes or brackets
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*$")
_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|org|net|co|uk|in|au)\b|@\w|#\w", re.IGNORECASE)
# separators of menus, breadcrumbs and metadata rows
_SEPARATOR = re.compile(r"\s[|•·»›>/]\s|\s[|•·»›]|[|•·»›]\s")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_QUOTE = re.compile(r"[\"“”]")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)

FEATURES = (
    "bias",
    "finished",
    "words_1_2",
    "words_3_5",
    "words_6_10",
    "words_11_20",
    "capitalised_share",
    "stopword_share",
    "digit_share",
    "address",
    "separator",
    "clock",
    "year",
    "quote_mark",
    "all_capitals",
    "ends_colon",
    "bracketed",
    "starts_lower",
    "after_story",
    "short_neighbours",
    "short_run",
    "repeated",
    # where the line stands: above the headline, between it and the lead, between paragraphs
    "before_title",
    "under_title",
    "between_paragraphs",
    "next_to_title",
    "edge_distance",
    # what stands around it: paragraphs, and lines the rules already call furniture
    "paragraph",
    "prev_paragraph",
    "next_paragraph",
    "prev_furniture",
    "next_furniture",
    "sentence_case_finished",
    "ends_question",
    "second_person",
    "long_line",
)

# a paragraph: enough words to be prose and a sentence end (as boilerplate.is_paragraph)
PARAGRAPH_WORDS = 15


@dataclass(frozen=True)
class LineModel:
    """Weights of the line-shape model and the score above which a body line is furniture."""

    weights: dict[str, float]
    threshold: float


@cache
def load_model(path: Path = MODEL_PATH) -> LineModel:
    """Return the line-shape model stored at `path` (LineModelError when it cannot be used)."""
    (weights,), threshold = read_model_file(
        path,
        ("weights",),
        FEATURES,
        LineModelError,
        "scripts/build_line_model.py",
        "line-shape model",
    )
    return LineModel(weights=weights, threshold=threshold)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")


def _is_paragraph(text: str, words: int) -> bool:
    return words >= PARAGRAPH_WORDS and bool(_SENTENCE_END.search(text + " "))


def story_end(texts: list[str]) -> int:
    """Return the index of the story's last paragraph among a page's lines (-1 for none)."""
    for i in range(len(texts) - 1, -1, -1):
        if _is_paragraph(texts[i], len(WORD.findall(texts[i]))):
            return i
    return -1


def page_features(
    texts: list[str],
    start: int = 0,
    kinds: list[str] | None = None,
    only: set[int] | None = None,
) -> list[dict[str, float]]:
    """Return the shape and position features of the lines of a page (non-blank lines, in
    order) from `start` on, or of the lines whose indices are in `only`; the other lines count
    only as context. `kinds` are the rules' decisions ("title", "body", "boilerplate") of the
    same lines, when known."""
    last = story_end(texts)
    paragraph = [_is_paragraph(text, len(WORD.findall(text))) for text in texts]
    title = kinds.index("title") if kinds and "title" in kinds else -1
    first = next((j for j in range(title + 1, len(texts)) if paragraph[j]), len(texts))
    # furniture with a word in it: a clock or a dash alone next to a line says nothing about
    # it ("10:45" above a live-blog entry), a label or a credit does
    furniture = (
        [
            k == "boilerplate" and _HAS_LETTER.search(t) is not None
            for k, t in zip(kinds, texts, strict=True)
        ]
        if kinds
        else [False] * len(texts)
    )
    keys = [" ".join(text.lower().split()) for text in texts]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    # fewer words than a paragraph, finished or not: a long line a scraper broke off
    # mid-sentence is still running text
    short = [len(WORD.findall(text)) < PARAGRAPH_WORDS for text in texts]
    introduced = _introduced_lists(texts)
    rows = []
    for i in range(start, len(texts)):
        if only is not None and i not in only:
            continue
        text = texts[i]
        words = WORD.findall(text)
        n = len(words)
        letters = [w for w in words if w[:1].isalpha()]
        capitalised = sum(w[:1].isupper() for w in letters)
        stop = sum(w.lower() in ENGLISH_STOPWORDS for w in words)
        chars = len(text) or 1
        neighbours = [short[j] for j in (i - 1, i + 1) if 0 <= j < len(texts)]
        finished = bool(_FINISHED.search(text))
        capitalised_share = capitalised / len(letters) if letters else 0.0
        rows.append(
            {
                "bias": 1.0,
                "finished": float(finished),
                "words_1_2": float(n <= 2),
                "words_3_5": float(3 <= n <= 5),
                "words_6_10": float(6 <= n <= 10),
                "words_11_20": float(11 <= n <= 20),
                "capitalised_share": capitalised_share,
                "stopword_share": stop / n if n else 0.0,
                "digit_share": len(_DIGIT.findall(text)) / chars,
                "address": float(bool(_ADDRESS.search(text))),
                "separator": float(bool(_SEPARATOR.search(text))),
                "clock": float(bool(_CLOCK.search(text))),
                "year": float(bool(_YEAR.search(text))),
                "quote_mark": float(bool(_QUOTE.search(text))),
                "all_capitals": float(bool(letters) and text.upper() == text),
                "ends_colon": float(text.endswith(":")),
                "bracketed": float(text[:1] in "([" and text[-1:] in ")]"),
                "starts_lower": float(text[:1].islower()),
                "after_story": float(i > last),
                "short_neighbours": float(bool(neighbours) and all(neighbours)),
                # one neighbour is short too: a run of short lines (its first or last one)
                "short_run": float(any(neighbours)),
                "repeated": float(seen[keys[i]] > 1),
                "before_title": float(i < title),
                "under_title": float(title < i < first),
                "between_paragraphs": float(first < i < last),
                "next_to_title": float(title >= 0 and abs(i - title) == 1),
                # lines from the page's top or bottom, up to ten: menus and footers sit there
                "edge_distance": min(i, len(texts) - 1 - i, 10) / 10,
                "paragraph": float(paragraph[i]),
                "prev_paragraph": float(i > 0 and paragraph[i - 1]),
                "next_paragraph": float(i + 1 < len(texts) and paragraph[i + 1]),
                "prev_furniture": float(i > 0 and furniture[i - 1]),
                "next_furniture": float(i + 1 < len(texts) and furniture[i + 1]),
                "sentence_case_finished": float(finished and capitalised_share < 0.5),
                "continued": float(_continued(text)),  # the scope test too
                "introduced_list": float(introduced[i]),  # the scope test too
                "ends_question": float(text.rstrip("\"'”’) ").endswith("?")),
                "second_person": float(bool(_SECOND_PERSON.search(text))),
                "long_line": float(n > 20),
            }
        )
    return rows


# a line that stops on a comma, semicolon or dash, or on a lower-case function word ("… from
# the"), continues on the next line: a sentence the scraper broke, never furniture
_CONTINUED = re.compile(r"[,;–—-]\s*$")
# a list item ("- Odesa", "• two ports", "3. The vote"): the story's own list when a line ending in
# a colon introduces it ("The ferries call at:"), otherwise often a promo or link list
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪●◦]|\d{1,2}[.)])\s")


def in_scope(features: dict[str, float], text: str) -> bool:
    """Return whether the model may decide a line: any line but one that continues on the next
    (a sentence the scraper broke) and a list a sentence introduces (the story's own list: "The
    ferries call at:" followed by "- …" items), by grammar, whatever its shape."""
    return not (features["continued"] or features["introduced_list"]) and bool(text.strip())


def _continued(text: str) -> bool:
    words = WORD.findall(text)
    return bool(_CONTINUED.search(text)) or (
        bool(words) and words[-1] in ENGLISH_STOPWORDS and not _FINISHED.search(text)
    )


def _introduced_lists(texts: list[str]) -> list[bool]:
    """Return, for every line, whether it is a list a sentence introduces: the introducing line
    (four words or more ending in ":" before a list item) or a list item after one."""
    out = [False] * len(texts)
    for i, text in enumerate(texts):
        if _LIST_ITEM.match(text):
            j = i - 1
            while j >= 0 and _LIST_ITEM.match(texts[j]):
                j -= 1
            # a sentence introduces the story's list ("The ferries will call at:"); a label of
            # a few words ("Read more:", "Related stories:") introduces links
            if j >= 0 and texts[j].rstrip().endswith(":") and len(WORD.findall(texts[j])) >= 4:
                out[i] = out[j] = True
    return out


def score(features: dict[str, float], model: LineModel) -> float:
    """Return the probability (logistic) that a line with `features` is furniture."""
    return probability(model.weights, features, FEATURES)
