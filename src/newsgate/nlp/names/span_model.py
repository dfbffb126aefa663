"""Span model: whether a capitalised run no rule claimed names an organisation or a place.

The span rules recognise bodies and places by their head words ("… Ministry", "… Province"),
by the gazetteers and by set phrases ("the town of X"). Names with none of these ("Eskom",
"Kamdish", "Cape Breton") stay unread. This module lists the capitalised runs the rules left free,
describes each by features any site shares (word shape, the broad word lists' evidence, the words
around its mentions, the entities it is coordinated with) and scores it with two logistic
regressions, one for organisations and one for places. The weights are data
(`data/span_model.json`), fitted by `scripts/build_span_model.py` on the read sets' gold, with the
figures of its leave-one-set-out test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from newsgate.errors import SpanModelError
from newsgate.logistic import probability, read_model_file
from newsgate.nlp.dates import MONTH_NAMES, WEEKDAYS
from newsgate.nlp.gazetteer import country_demonyms
from newsgate.nlp.lexicon import (
    COMPANY_SUFFIXES,
    GENERIC_ORG_WORDS,
    LOC_HEADS,
    ORG_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    common_words,
    given_names,
    reporting_verb_forms,
    street_words,
    words,
)
from newsgate.nlp.names.places import local_places

MODEL_PATH = Path(__file__).parents[1] / "data" / "span_model.json"

# words that may join the capitalised words of one name ("Bank of England", "Line of Control")
_JOINERS = frozenset({"of", "the", "for", "de", "du", "des", "del", "la", "le", "al"})
_HYPHENS = frozenset({"-", "‑", "‐"})
_POSSESSIVE = frozenset({"'s", "’s"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# lower-case nouns that make the name before them a place ("Kamdish district") or a body
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "villages",
        "district",
        "province",
        "region",
        "county",
        "state",
        "area",
        "camp",
        "river",
        "road",
        "street",
        "municipality",
        "island",
        "valley",
        "neighbourhood",
        "neighborhood",
        "suburb",
    }
)

FEATURES = (
    "bias",
    "words_1",
    "words_2",
    "words_3_plus",
    "all_capitals",
    "inner_capital",
    "hyphen",
    "digit",
    "joiner_inside",
    "first_common",
    "all_common",
    "first_given",
    "unknown_word",
    "org_head",
    "loc_head",
    "street_last",
    "company_suffix",
    "title_word",
    "time_word",
    "demonym",
    "starts_the",
    "all_sentence_start",
    "after_the",
    "after_place_preposition",
    "after_by_with_for",
    "after_of",
    "after_title",
    "after_reporting_verb",
    "before_reporting_verb",
    "before_possessive",
    "before_lower_verb",
    "before_place_noun",
    "before_parenthesis",
    "before_role_noun",
    "next_to_person",
    "coordinated_org",
    "coordinated_place",
    "mentions_2_plus",
)


@dataclass(frozen=True)
class SpanModel:
    """Weights of the organisation and place models and the score a run must reach."""

    org: dict[str, float]
    place: dict[str, float]
    threshold: float


_ENABLED = [True]
# a Doc of a caption or credit line carries this key: the model was fitted on story bodies, and a
# caption's list of names ("X of Armenia and Y of Azerbaijan meet") reads unlike a story's
CAPTION = "newsgate_caption_line"


def set_enabled(enabled: bool) -> None:
    """Switch the model on or off (the build script reads the rules' output without it)."""
    _ENABLED[0] = enabled


@cache
def load_model(path: Path = MODEL_PATH) -> SpanModel:
    """Return the span model stored at `path`."""
    (org, place), threshold = read_model_file(
        path,
        ("org_weights", "place_weights"),
        FEATURES,
        SpanModelError,
        "scripts/build_span_model.py",
        "span model",
    )
    return SpanModel(org=org, place=place, threshold=threshold)


def caption_doc(nlp, text: str) -> Doc:
    """Return an unprocessed Doc of a caption or credit line, marked so the model leaves it."""
    doc = nlp.make_doc(text)
    doc.user_data[CAPTION] = True
    return doc


@cache
def _place_prepositions() -> frozenset[str]:
    return words("place_prepositions.txt")


@cache
def _time_words() -> frozenset[str]:
    return frozenset(MONTH_NAMES) | frozenset(w.lower() for w in WEEKDAYS)


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(f for f in reporting_verb_forms() if not f.endswith("ing"))


def _word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def free_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Return the (start, end) token runs of capitalised words outside `taken`: "Cape Breton",
    "Line of Control", "Schering-Plough"; runs of function words only ("The", "It") are left out."""
    runs = []
    n = len(doc)
    i = 0
    while i < n:
        if i in taken or not _word(doc[i].text):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            text = doc[j].text
            if _word(text):
                j += 1
                continue
            joins = doc[j].lower_ in _JOINERS or (
                text in _HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            )
            if joins and j + 1 < n and j + 1 not in taken and _word(doc[j + 1].text):
                j += 1
                continue
            break
        # a village of the local-place list is the local-place rule's to decide: it knows the
        # village's countries and reads it only where the text agrees
        if not all(doc[k].is_stop or not doc[k].is_alpha for k in range(i, j)) and (
            doc[i:j].text not in local_places()
        ):
            runs.append((i, j))
        i = j
    return runs


def _sentence_start(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return before.is_quote or before.text in {":", "(", "-", "—", "–"} or "\n" in before.text


def run_key(doc: Doc, start: int, end: int) -> str:
    """Return the text a run is grouped and labelled by: its words without a leading "The"."""
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    return doc[start:end].text


def run_features(
    doc: Doc, runs: Iterable[tuple[int, int]], ents: list[Span]
) -> dict[str, tuple[list[tuple[int, int]], dict[str, float]]]:
    """Return, per run text, its mentions and its features (a context feature holds when any
    mention shows it)."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for start, end in runs:
        groups.setdefault(run_key(doc, start, end), []).append((start, end))
    return group_features(doc, groups, ents)


def group_features(
    doc: Doc, groups: dict[str, list[tuple[int, int]]], ents: list[Span]
) -> dict[str, tuple[list[tuple[int, int]], dict[str, float]]]:
    """Return, per name, its mentions and the features of `FEATURES` (shape from the name,
    context from every mention)."""
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    common, given = common_words(), given_names()
    demonyms = country_demonyms()
    out = {}
    for key, mentions in groups.items():
        tokens = key.split()
        content = [w for w in tokens if w.lower() not in _JOINERS]
        letters = "".join(c for c in key if c.isalpha())
        last = tokens[-1]
        f = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        f["words_1"] = float(len(content) == 1)
        f["words_2"] = float(len(content) == 2)
        f["words_3_plus"] = float(len(content) >= 3)
        f["all_capitals"] = float(len(letters) >= 2 and letters.isupper())
        f["inner_capital"] = float(
            any(any(c.isupper() for c in w[1:]) and not w.isupper() for w in content)
        )
        f["hyphen"] = float("-" in key)
        f["digit"] = float(any(c.isdigit() for c in key))
        f["joiner_inside"] = float(len(content) < len(tokens))
        f["first_common"] = float(content[0].lower() in common) if content else 0.0
        f["all_common"] = float(all(w.lower().strip(".") in common for w in content))
        f["first_given"] = float(content[0] in given) if content else 0.0
        # a word no English word list, given-name list or gazetteer knows: a coined name
        f["unknown_word"] = float(
            any(
                w.lower() not in common and w not in given and not w.isupper() and w.isalpha()
                for w in content
            )
        )
        f["org_head"] = float(any(w in ORG_HEADS or w in GENERIC_ORG_WORDS for w in content))
        f["loc_head"] = float(any(w in LOC_HEADS for w in content))
        f["street_last"] = float(last.lower().strip(".") in street_words())
        f["company_suffix"] = float(last.lower().strip(".") in COMPANY_SUFFIXES)
        f["title_word"] = float(
            any(w.lower() in TITLE_HEADS or w.lower() in TITLE_MODIFIERS for w in content)
        )
        f["time_word"] = float(any(w.lower() in _time_words() for w in content))
        f["demonym"] = float(any(w in demonyms for w in content))
        f["mentions_2_plus"] = float(len(mentions) >= 2)
        starts = []
        for start, end in mentions:
            starts.append(_sentence_start(doc, start))
            f["starts_the"] = max(f["starts_the"], float(doc[start].lower_ == "the"))
            before = doc[start - 1] if start > 0 else None
            after = doc[end] if end < len(doc) else None
            if before is not None:
                low = before.lower_
                f["after_the"] = max(f["after_the"], float(low == "the"))
                f["after_place_preposition"] = max(
                    f["after_place_preposition"], float(low in _place_prepositions())
                )
                f["after_by_with_for"] = max(
                    f["after_by_with_for"], float(low in {"by", "with", "for"})
                )
                f["after_of"] = max(f["after_of"], float(low == "of"))
                f["after_title"] = max(f["after_title"], float(low in TITLE_HEADS))
                f["after_reporting_verb"] = max(
                    f["after_reporting_verb"], float(low in _speech_verbs())
                )
                if label_at.get(start - 1) == "PERSON":
                    f["next_to_person"] = 1.0
            if after is not None:
                low = after.lower_
                f["before_reporting_verb"] = max(
                    f["before_reporting_verb"], float(low in _speech_verbs())
                )
                f["before_possessive"] = max(f["before_possessive"], float(low in _POSSESSIVE))
                f["before_lower_verb"] = max(
                    f["before_lower_verb"],
                    float(after.is_lower and after.is_alpha and low.endswith(("ed", "s"))),
                )
                f["before_place_noun"] = max(
                    f["before_place_noun"], float(after.is_lower and low in _PLACE_NOUNS)
                )
                f["before_parenthesis"] = max(f["before_parenthesis"], float(low == "("))
                # "MetService meteorologist", "Knun secretary general": a body's staff
                f["before_role_noun"] = max(
                    f["before_role_noun"], float(after.is_lower and low in TITLE_HEADS)
                )
                if label_at.get(end) == "PERSON":
                    f["next_to_person"] = 1.0
            # "Eskom, Telkom and Glencore": a list's other members tell the kind
            for mark, other in ((start - 1, start - 2), (end, end + 1)):
                if 0 <= other < len(doc) and doc[mark].lower_ in {",", "and", "or"}:
                    label = label_at.get(other)
                    if label == "ORG":
                        f["coordinated_org"] = 1.0
                    elif label in _PLACE_LABELS:
                        f["coordinated_place"] = 1.0
        f["all_sentence_start"] = float(all(starts))
        out[key] = (mentions, f)
    return out


def scores(features: dict[str, float], model: SpanModel) -> tuple[float, float]:
    """Return the probabilities that a run with `features` names an organisation and a place."""
    return probability(model.org, features), probability(model.place, features)


def learned_spans(doc: Doc, ents: list[Span], model: SpanModel | None = None) -> list[Span]:
    """Return ORG and GPE/LOC spans for the free capitalised runs the model scores as names."""
    if not _ENABLED[0] or doc.user_data.get(CAPTION):
        return []
    model = model or load_model()
    taken = {i for e in ents for i in range(e.start, e.end)}
    spans = []
    for key, (mentions, features) in run_features(doc, free_runs(doc, taken), ents).items():
        org, place = scores(features, model)
        if max(org, place) < model.threshold:
            continue
        label = "ORG" if org >= place else ("LOC" if features["loc_head"] else "GPE")
        for start, end in mentions:
            if doc[start].lower_ == "the" and end - start > 1:
                start += 1
            spans.append(Span(doc, start, end, label=label, kb_id=key))
    return spans
