"""spaCy factories for newsgate's pipeline components; importing this module registers them."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgate.nlp.events import find_events
from newsgate.nlp.gazetteer import gazetteer_entries, surface_index
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
        # on equal spans the gazetteer wins over a trained NER: it knows these names
        kept = filter_spans([*spans, *doc.ents])
        doc.ents = sorted(kept, key=lambda s: s.start)
        return doc

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
