"""spaCy factories for newsgate's pipeline components; importing this module registers them."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgate.nlp.events import find_events
from newsgate.nlp.gazetteer import derived_entries, gazetteer_entries, surface_index
from newsgate.nlp.names.spans import find_name_entities
from newsgate.nlp.quotes import find_quotes

for _attr, _default in (("published_date", None), ("quotes", None), ("events", None)):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=_default)


class GazetteerRuler:
    """Mark gazetteer surface forms as entities whose kb_id is the canonical name.

    Role references ("the Alliance") count only in articles that also name the entity itself,
    so "the alliance" of two parties is not read as NATO.
    """

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

        self.roles = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries = {}
        for entry in gazetteer_entries():
            key = f"{entry.label}|{entry.name}"
            self.entries[key] = entry
            self.matcher.add(key, [nlp.make_doc(form) for form in (entry.name, *entry.aliases)])
            if entry.roles:
                self.roles.add(key, [nlp.make_doc(form) for form in entry.roles])
        self.derived = _derived_forms()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        named = set()
        for match_id, start, end in self.matcher(doc):
            named.add(match_id)
            spans.append(self._span(doc, match_id, start, end))
        for match_id, start, end in self.roles(doc):
            if match_id in named:
                spans.append(self._span(doc, match_id, start, end))
        spans.extend(self._upper_case_places(doc))
        derived = self._derived_spans(doc)
        # on equal spans the curated gazetteer wins over derived names and a trained NER
        kept = filter_spans([*spans, *derived, *doc.ents])
        doc.ents = sorted(kept, key=lambda s: s.start)
        return doc

    def _derived_spans(self, doc: Doc) -> list[Span]:
        """Return the derived places and organisations written as names (any capitalisation)."""
        forms, longest = self.derived
        spans = []
        text = doc.text
        for token in doc:
            if not (token.is_alpha and token.text[:1].isupper()):
                continue
            start_char = token.idx
            for end in range(token.i + 1, min(len(doc), token.i + _MAX_FORM_TOKENS) + 1):
                last = doc[end - 1]
                end_char = last.idx + len(last)
                if end_char - start_char > longest:
                    break
                label = forms.get(_form_key(text[start_char:end_char]))
                if label and _capitalised(doc[token.i : end]):
                    spans.append(
                        Span(doc, token.i, end, label=label, kb_id=_as_written(doc[token.i : end]))
                    )
        return spans

    def _upper_case_places(self, doc: Doc) -> list[Span]:
        """Return places written in capitals, as in datelines: "BEIJING", "TEL AVIV"."""
        index = surface_index()
        spans = []
        for token in doc:
            if not (token.is_upper and token.is_alpha and len(token) >= 3):
                continue
            for size in (3, 2, 1):
                words = doc[token.i : token.i + size]
                entry = index.get(words.text.title())
                if len(words) == size and entry is not None and entry.label in {"GPE", "LOC"}:
                    spans.append(
                        Span(doc, token.i, token.i + size, label=entry.label, kb_id=entry.name)
                    )
                    break
        return spans

    def _span(self, doc: Doc, match_id: int, start: int, end: int) -> Span:
        entry = self.entries[doc.vocab.strings[match_id]]
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        return Span(doc, start, end, label=entry.label, kb_id=entry.name)


# lower-case words that may join the capitalised words of a derived name ("Bank of England")
_JOINERS = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "de",
        "del",
        "la",
        "le",
        "du",
        "da",
        "al",
        "el",
        "in",
        "on",
        "-",
        "'s",
        "’s",
        "&",
    }
)


_MAX_FORM_TOKENS = 12


def _form_key(text: str) -> str:
    """Return the lookup key of a name: lower case, one space between words."""
    return " ".join(text.lower().split())


@cache
def _derived_forms() -> tuple[dict[str, str], int]:
    """Return (lower-cased form -> label, longest form length) of the derived entries.

    Forms the curated gazetteer knows are left to it (it gives canonical names).
    """
    curated = {_form_key(form) for form in surface_index()}
    forms: dict[str, str] = {}
    for entry in derived_entries():
        for form in (entry.name, *entry.aliases):
            key = _form_key(form)
            if key not in curated:
                forms.setdefault(key, entry.label)
    return forms, max((len(k) for k in forms), default=0)


def _capitalised(span: Span) -> bool:
    """Return whether a span is written as a name: capitalised words, joined by small words."""
    first = span[0]
    if not first.is_alpha or not (first.is_title or first.is_upper or first.text[:1].isupper()):
        return False
    return (
        all(t.text[:1].isupper() or t.lower_ in _JOINERS or not t.is_alpha for t in span[1:])
        and span[-1].text[:1].isupper()
    )


def _as_written(span: Span) -> str:
    """Return a derived name as the text writes it, in title case when the text shouts it."""
    text = " ".join(span.text.split())
    return text.title() if text.isupper() and len(text) > 4 else text


@Language.factory("newsgate_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp)


@Language.component("newsgate_names")
def names_component(doc: Doc) -> Doc:
    """Add PERSON/ORG/LOC entities found by titles, context and capitalisation."""
    return find_name_entities(doc)


@Language.component("newsgate_quotes")
def quotes_component(doc: Doc) -> Doc:
    """Store the document's quotations with speakers in doc._.quotes."""
    doc._.quotes = find_quotes(doc)
    return doc


@Language.component("newsgate_events")
def events_component(doc: Doc) -> Doc:
    """Store the document's events in doc._.events."""
    doc._.events = find_events(doc)
    return doc
