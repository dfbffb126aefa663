"""Quotations in an article body, with their speaker and reporting verb."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from newsgate.nlp.lexicon import REPORTING_VERBS, SPEECH_VERB_LEMMAS

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“"}
_MAX_QUOTE_CHARS = 3000
_VERBS = "|".join(sorted({*REPORTING_VERBS, *SPEECH_VERB_LEMMAS}, key=len, reverse=True))
_PRONOUNS = {"he", "she", "they", "He", "She", "They"}
_AFTER = re.compile(
    rf"^[\s,.;:—–-]*(?:(?P<v1>{_VERBS})\s+(?P<s1>[^,.;:“”\"]+?)|(?P<s2>[^,.;:“”\"]+?)\s+"
    rf"(?P<v2>{_VERBS}))\b"
)
_BEFORE = re.compile(
    rf"(?P<s>(?:[A-Z][\w'’.-]*|the|a|an|he|she|they|He|She|They)(?:[^,.;:“”\"]*?))\s+"
    rf"(?P<v>{_VERBS})\b[^“”\"]*$"
)
_ACCORDING = re.compile(r"according to\s+(?P<s>[^,.;:“”\"]+)", re.IGNORECASE)


@dataclass
class Quote:
    """One quotation: inner text offsets into the body, speaker and reporting verb."""

    start_char: int
    end_char: int
    text: str
    is_partial: bool
    speaker_name: str | None = None
    speaker_description: str | None = None
    verb: str | None = None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the inner text of every balanced quotation in `text`."""
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _OPEN_CLOSE.get(ch)
        if close is None or (ch in '‘"' and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        end = _find_close(text, i + 1, ch, close)
        if end is None:
            i += 1
            continue
        inner_start, inner_end = i + 1, end
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            spans.append((inner_start, inner_end))
        i = end + 1
    return spans


def _find_close(text: str, start: int, opener: str, close: str) -> int | None:
    limit = min(len(text), start + _MAX_QUOTE_CHARS)
    j = start
    while j < limit:
        ch = text[j]
        if ch == close and not (close == "’" and j + 1 < len(text) and text[j + 1].isalpha()):
            return j
        if ch == "\n" and text[j : j + 2] == "\n\n" and opener != close:
            return None
        if ch == opener and opener != close and opener != "‘":
            return None
        j += 1
    return None


def _speaker_in(
    doc: Doc, start: int, end: int, last_person: str | None
) -> tuple[str | None, str | None]:
    """Return (speaker_name, description) for the speaker phrase at doc chars start:end."""
    phrase = doc.text[start:end].strip()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char >= start and ent.end_char <= end:
            return ent.kb_id_ or ent.text, None
    if phrase in _PRONOUNS:
        return last_person, None if last_person else phrase
    titles = doc.user_data.get("person_titles", {})
    words = {w.lower() for w in re.findall(r"[\w-]+", phrase)}
    for name, name_titles in titles.items():
        if any(t.lower() in words or t.lower() in phrase.lower() for t in name_titles):
            return _canonical(doc, name), None
    return None, phrase or None


def _canonical(doc: Doc, name: str) -> str:
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.text == name:
            return ent.kb_id_ or name
    return name


def _verb(word: str) -> str:
    return SPEECH_VERB_LEMMAS.get(word.lower(), word.lower())


def find_quotes(doc: Doc) -> list[dict]:
    """Return every quotation of `doc` as a dict with offsets, speaker and verb."""
    text = doc.text
    spans = find_quote_spans(text)
    sentences = list(doc.sents)
    quotes: list[Quote] = []
    for qs, qe in spans:
        sent = next((s for s in sentences if s.start_char <= qs - 1 < s.end_char), None)
        s_start = sent.start_char if sent is not None else 0
        s_end = sent.end_char if sent is not None else len(text)
        before = text[s_start : qs - 1]
        is_partial = bool(re.search(r"[A-Za-z]", before)) and not before.rstrip().endswith(":")
        quote = Quote(qs, qe, text[qs:qe], is_partial)
        last_person = _last_person_before(doc, qs, spans)
        after_text = text[qe + 1 : s_end]
        after = _AFTER.match(after_text)
        before_match = _BEFORE.search(_mask_quotes(before, s_start, spans))
        according = _ACCORDING.search(text[s_start:s_end])
        if after and not is_partial:
            verb = after.group("v1") or after.group("v2")
            group = "s1" if after.group("v1") else "s2"
            base = qe + 1
            quote.verb = _verb(verb)
            quote.speaker_name, quote.speaker_description = _speaker_in(
                doc, base + after.start(group), base + after.end(group), last_person
            )
        elif before_match:
            quote.verb = _verb(before_match.group("v"))
            quote.speaker_name, quote.speaker_description = _speaker_in(
                doc, s_start + before_match.start("s"), s_start + before_match.end("s"), last_person
            )
        elif according:
            quote.verb = "said"
            quote.speaker_name, quote.speaker_description = _speaker_in(
                doc, s_start + according.start("s"), s_start + according.end("s"), last_person
            )
        elif quotes and quotes[-1].verb and qs - quotes[-1].end_char < 400:
            prev = quotes[-1]
            quote.verb, quote.speaker_name, quote.speaker_description = (
                prev.verb,
                prev.speaker_name,
                prev.speaker_description,
            )
        quotes.append(quote)
    return [asdict(q) for q in quotes]


def _mask_quotes(fragment: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(fragment)
    for qs, qe in spans:
        for k in range(max(qs - 1, offset), min(qe + 1, offset + len(chars))):
            chars[k - offset] = "Q"
    return "".join(chars)


def _last_person_before(doc: Doc, char: int, spans: list[tuple[int, int]]) -> str | None:
    last = None
    for ent in doc.ents:
        if ent.start_char >= char:
            break
        inside = any(qs <= ent.start_char < qe for qs, qe in spans)
        if ent.label_ == "PERSON" and not inside:
            last = ent.kb_id_ or ent.text
    return last
