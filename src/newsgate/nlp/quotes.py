"""Quotations in an article body, with their speaker and reporting verb."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from newsgate.nlp import speaker_model
from newsgate.nlp.attribution import (
    NOT_INVERTED,
    Cue,
    Speaker,
    according_to,
    find_verbs,
    left_subject,
    passive_agent,
    passive_quoted_as,
    quoted_as,
    resolve_phrase,
    right_subject,
)
from newsgate.nlp.lexicon import function_words
from newsgate.nlp.names.fold import fold
from newsgate.nlp.names.resolver import ArticleNames, Referent, article_names
from newsgate.nlp.quote_marks import (
    QuoteSpan,
    find_quote_marks,
    mask_quotes,
    paragraph_bounds,
    sentence_bounds,
)

# A line of at most this many words without final punctuation is a headline or crosshead.
_HEADING_MAX_WORDS = 12
# An attribution after a closing mark is at most this many words away from its verb
# ("…,” Russia's ambassador to NATO Alexander Grushko told reporters).
_CUE_MAX_WORDS = 12
# a name in quotation marks has at most this many words, and only these are written in lower case
_NAME_MAX_WORDS = 5
# a quotation with every word capitalised has at most this many words to be a name or title
_TITLE_MAX_WORDS = 8
# a subject between a comma-ended quotation and its verb has at most this many words
_FRAME_MAX_WORDS = 8
_FRAME_DETERMINERS = (
    function_words("definite") | function_words("indefinite") | {"his", "her", "its", "their"}
)
_FRAME_PRONOUNS = frozenset({"he", "she", "they"})
_NAME_LINKS = function_words("preposition") | function_words("definite") | {"and", "a", "an"}
# a verb's "that" clause, after at most two adverbs ("said afterwards that")
_THAT_CLAUSE = re.compile(r"\s+(?:[a-z]+\s+){0,2}that\s+")
# a personal pronoun opening a sentence, after an optional connective
_OPENING_PRONOUN = re.compile(r"\s*(?:(?:But|And|Yet|So|Then|Later|Now)\s*,?\s+)?(He|She)\b")
# the first person singular: a quotation in it is one person's words
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b|\bI[’']")


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
    # the entity that speaks (a person, or an organisation whose speaker_name stays null):
    # its canonical in-article name and label, as the name resolver gives them
    speaker_entity: str | None = None
    speaker_label: str | None = None


@dataclass
class _Context:
    """One article's text, the text with quotations masked, and its name resolver."""

    text: str
    masked: str
    names: ArticleNames


@dataclass
class _Placed:
    """A quotation with the sentence and paragraph it sits in."""

    span: QuoteSpan
    sentence: int
    paragraph: int
    quote: Quote
    attributed: bool = False
    speaker: Speaker | None = None
    # which rule gave the speaker: "cue" (a reporting verb in its sentence), "label" (a name
    # opening the sentence), "continued" (the quotation before), "around" (a cue in the sentences
    # around), "paragraph" (the paragraph's subject), "repeated" (a quotation with its words)
    how: str | None = None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the inner text of every outermost balanced quotation in `text`."""
    return [(span.start_char, span.end_char) for span in find_quote_marks(text)]


def canonical_speaker(name: str | None, persons: dict[str, str]) -> str | None:
    """Return the canonical person a speaker name stands for, given an article's local -> canonical names."""
    if not name or not name.strip():
        return None
    if name in persons:
        return persons[name]
    folded = {fold(local): canonical for local, canonical in persons.items()}
    if fold(name) in folded:
        return folded[fold(name)]
    # A name written more or less fully than the entity layer wrote it: match on a shared surname.
    surname = fold(name).split()[-1]
    matches = {
        canonical
        for local, canonical in persons.items()
        if surname in fold(local).split() or surname in fold(canonical).split()
    }
    return matches.pop() if len(matches) == 1 else name


def find_quotes(doc: Doc) -> list[dict]:
    """Return every quotation of `doc` as a dict with offsets, speaker, description and verb."""
    attributor = _attribute(doc)
    if attributor is None:
        return []
    return [
        asdict(p.quote)
        for p in _unique(doc.text, attributor.placed, attributor.sentences)
        if p in attributor.headings
        or not (_is_quoted_name(p.quote) or _is_capitalised_title(p.quote.text))
    ]


def speaker_candidates(doc: Doc) -> list[tuple[dict, dict[str, dict[str, float]]]]:
    """Return every quotation of `doc` as the rules attribute it, with the features of each of
    its candidate speakers (`speaker_model.candidate_features`), for fitting the ranker."""
    attributor = _attribute(doc)
    if attributor is None:
        return []
    sites = attributor.sites()
    return [
        (asdict(item.quote), attributor.candidates(sites, index))
        for index, item in enumerate(attributor.placed)
    ]


def _attribute(doc: Doc) -> _Attributor | None:
    """Return the attributor of `doc` after the rules gave every quotation its speaker, or None."""
    text = doc.text
    names = article_names(doc)
    spans = names.quote_spans
    if not spans:
        return None
    masked = mask_quotes(text, spans)
    sentences, paragraphs = _structure(text, masked)
    ctx = _Context(text, masked, names)
    placed = _place(text, masked, spans, sentences, paragraphs)
    attributor = _Attributor(ctx, placed, sentences, paragraphs)
    for index in range(len(placed)):
        attributor.attribute(index)
    attributor.attribute_headings()
    attributor.share_repeated_speakers()
    return attributor


def _structure(text: str, masked: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the sentences and paragraphs of the text; a quotation never ends either."""
    paragraphs = paragraph_bounds(masked)
    sentences = [s for p in paragraphs for s in sentence_bounds(text, masked, *p)]
    return sentences, paragraphs


def _place(
    text: str,
    masked: str,
    spans: list[QuoteSpan],
    sentences: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
) -> list[_Placed]:
    placed = []
    for span in spans:
        sentence = _index_of(sentences, span.open_char)
        paragraph = _index_of(paragraphs, span.open_char)
        quote = Quote(
            span.own_start,
            span.end_char,
            text[span.own_start : span.end_char],
            _is_partial(text, masked, span, sentences[sentence]),
        )
        placed.append(_Placed(span, sentence, paragraph, quote))
    return placed


def _index_of(bounds: list[tuple[int, int]], char: int) -> int:
    return max(0, bisect_right(bounds, (char, float("inf"))) - 1)


def _is_partial(text: str, masked: str, span: QuoteSpan, sentence: tuple[int, int]) -> bool:
    """Return whether a quotation is a fragment woven into the reporter's sentence."""
    before = masked[sentence[0] : span.open_char].rstrip()
    starts_clause = not before.replace("\x00", "").strip() or before.endswith(":")
    said_comma = bool(re.search(r"\b\w+,$", before)) and bool(find_verbs(before, 0, len(before)))
    first = text[span.start_char : span.start_char + 1]
    return not ((starts_clause or said_comma) and (first.isupper() or first.isdigit()))


class _Attributor:
    """Attach a reporting verb and speaker to each quotation of one article, in reading order."""

    def __init__(
        self,
        ctx: _Context,
        placed: list[_Placed],
        sentences: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]],
    ):
        self.ctx = ctx
        self.placed = placed
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.headings: list[_Placed] = []

    def attribute_headings(self) -> None:
        """Give a crosshead or headline quotation the speaker of the body quotation with its words.

        "‘Irreparable harm’" over a section whose quotation says "… irreparable harm to our
        economy": the line repeats the speaker's words, so it is theirs (returns nothing).
        """
        for item in self.headings:
            words = _word_key(item.quote.text)
            if not words:
                continue
            speakers = {
                other.quote.speaker_name
                for other in self.placed
                if other is not item
                and other not in self.headings
                and other.quote.speaker_name
                and f" {words} " in f" {_word_key(other.quote.text)} "
            }
            if len(speakers) == 1:
                item.quote.speaker_name = speakers.pop()
                item.how = "repeated"

    def share_repeated_speakers(self) -> None:
        """Give a quotation left without a named speaker the one person whose quotation repeats
        its words: a teaser ("…," UN official says) and the body's "…," he said are one
        person's words (returns nothing)."""
        keys = [_word_key(item.quote.text) for item in self.placed]
        for index, item in enumerate(self.placed):
            words = keys[index]
            if item.quote.speaker_name or item in self.headings:
                continue
            # a fragment nobody is credited with ("made some “discernible progress”", no verb,
            # no source) that another quotation says in full is that quotation's speaker's phrase
            unattributed = not item.quote.verb and not item.quote.speaker_description
            if len(words.split()) < (2 if unattributed else 4):
                continue
            others = [
                other.quote
                for k, other in enumerate(self.placed)
                if k != index
                and other.quote.speaker_name
                and (
                    keys[k] == words
                    or (
                        unattributed
                        and len(keys[k]) > len(words)
                        and f" {words} " in f" {keys[k]} "
                    )
                )
            ]
            if len({other.speaker_name for other in others}) == 1:
                source = others[0]
                item.quote.speaker_name = source.speaker_name
                item.quote.speaker_entity = source.speaker_entity
                item.quote.speaker_label = source.speaker_label
                item.quote.speaker_description = None
                item.how = "repeated"

    def sites(self) -> list[speaker_model.QuoteSite]:
        """Return where each quotation sits and whom the rules gave it, for the ranker."""
        return [
            speaker_model.QuoteSite(
                item.span.open_char,
                item.span.close_char,
                item.sentence,
                item.paragraph,
                item.quote.speaker_name,
                item.how,
                item.speaker.entity.how if item.speaker and item.speaker.entity else None,
                len(item.quote.text.split()),
                item.quote.is_partial,
                item.quote.speaker_description,
                bool(_FIRST_PERSON.search(item.quote.text)),
            )
            for item in self.placed
        ]

    def candidates(
        self, sites: list[speaker_model.QuoteSite], index: int
    ) -> dict[str, dict[str, float]]:
        """Return the candidate speakers of quotation `index` and their features."""
        return speaker_model.candidate_features(
            self.ctx.names, self.ctx.masked, sites, self.sentences, self.paragraphs, index
        )

    def attribute(self, index: int) -> None:
        """Set the verb, speaker and description of the quotation at `index` (returns nothing)."""
        item = self.placed[index]
        cue = self._cue_in_sentence(item)
        if cue is not None:
            item.how = "cue"
            self._apply(item, cue.verb, self._speaker_of(index, cue), cue.verb_start)
            return
        if self._is_heading(item):
            self.headings.append(item)
            return
        framed = self._frame_after(item)
        if framed is not None:
            item.how = "cue"
            self._apply(item, None, self._resolve(framed), framed.verb_start)
            # the frame is the quotation's attribution, so a quotation after it continues it
            item.attributed = True
            return
        subject = self._subject_before(item)
        if subject is not None:
            item.how = "label"
            self._apply(item, None, Speaker.of(subject), item.span.open_char)
            return
        introduced = self._colon_subject(item)
        if introduced is not None:
            item.how = "label"
            self._apply(item, None, introduced, item.span.open_char)
            return
        source = self._neighbour_source(index)
        if source is not None:
            q = source.quote
            speaker = source.speaker or Speaker(q.speaker_name, q.speaker_description)
            item.how = "continued"
            self._apply(item, q.verb, speaker, item.span.open_char)
            return
        cue = self._cue_around(item)
        if cue is not None:
            item.how = "around"
            self._apply(item, cue.verb, self._resolve(cue), cue.verb_start)
            return
        item.quote.speaker_name = self._paragraph_subject(item)
        item.how = "paragraph" if item.quote.speaker_name else None

    def _frame_after(self, item: _Placed) -> Cue | None:
        """Return the subject and verb of the clause a comma-ended quotation runs into, or None.

        '“The bridge opens in May,” the governor surveyed the site.', '“We will be back,” she
        smiled.': a quotation closed by a comma is the object of the clause right after it, so
        that clause's subject speaks whatever its verb (a past form in -ed when no reporting
        verb of the list is written). The cue's verb is the empty string: no reporting verb.
        """
        masked = self.ctx.masked
        close = item.span.close_char + 1
        s_end = self.sentences[item.sentence][1]
        inner = self.ctx.text[item.span.start_char : item.span.end_char].rstrip()
        lead = re.match(r",?[ \t]+", masked[close:s_end])
        if lead is None or not (inner.endswith(",") or lead.group().startswith(",")):
            return None
        start = close + lead.end()
        window = masked[start : min(s_end, start + 100)]
        clause = re.match(r"[^\x00,.;:!?()\[\]—–\n]*", window).group()
        for verb in re.finditer(r"\b[a-z]{2,}ed\b", clause):
            words_ = clause[: verb.start()].split()
            if not words_ or len(words_) > _FRAME_MAX_WORDS:
                return None
            if all(w.lower() in _FRAME_DETERMINERS for w in words_):
                continue  # "the retired general smiled": the -ed word modifies the noun
            first = words_[0]
            if not (first[:1].isupper() or first.lower() in _FRAME_DETERMINERS | _FRAME_PRONOUNS):
                return None
            end = start + len(clause[: verb.start()].rstrip())
            v_start = start + verb.start()
            return Cue("", v_start, start + verb.end(), (start, end))
        return None

    def _subject_before(self, item: _Placed) -> Referent | None:
        """Return the person whose name alone opens the sentence right before the quotation.

        'Ana Ruiz "strongly denied" the charges': the quoted words are the predicate of the
        named subject, so they are that person's words even though no reporting verb is written;
        'Ana Ruiz: "…"' labels the speaker.
        """
        s_start = self.sentences[item.sentence][0]
        open_char = item.span.open_char
        lead = self.ctx.masked[s_start:open_char]
        if "\x00" in lead or not lead.strip() or not lead.endswith((" ", "\n")):
            return None
        start = s_start + len(lead) - len(lead.lstrip())
        end = s_start + len(lead.rstrip())
        if lead.rstrip().endswith(":"):
            # "Lawyer Ana Ruiz: “…”": a speaker's label, as in an interview, names who speaks;
            # a title of up to three words may stand before the name
            end -= 1
            persons = self.ctx.names.mentions(start, end, {"PERSON"})
            if not persons or persons[-1].end_char != end:
                return None
            before = self.ctx.masked[start : persons[-1].start_char].split()
            if len(before) > 3 or find_verbs(self.ctx.masked, start, end):
                return None
            return persons[-1]
        found = self.ctx.names.at(start, end)
        if (
            found is None
            or found.label != "PERSON"
            or found.start_char != start
            or found.end_char != end
        ):
            return None
        return found

    def _colon_subject(self, item: _Placed) -> Speaker | None:
        """Return the person whose clause introduces the quotation with a colon, or None.

        'Engineer Ana Ruiz disagreed: “It is not safe.”': a colon after a clause with no
        reporting verb still hands the floor to that clause's subject — the first person in
        subject position in the sentence, or the pronoun opening it.
        """
        s_start = self.sentences[item.sentence][0]
        open_char = item.span.open_char
        lead = self.ctx.masked[s_start:open_char]
        if "\x00" in lead or not lead.rstrip().endswith(":"):
            return None
        subjects = self.ctx.names.subjects(s_start, open_char)
        if subjects:
            return Speaker(subjects[0])
        pronoun = _OPENING_PRONOUN.match(self.ctx.masked, s_start, open_char)
        if pronoun:
            found = resolve_phrase(
                self.ctx.names, self.ctx.masked, pronoun.span(1), open_char, inverted=False
            )
            if found.name:
                return found
        return None

    def _paragraph_subject(self, item: _Placed) -> str | None:
        """Return who a stand-alone quotation follows: the subject earlier in its paragraph."""
        s_start, s_end = self.sentences[item.sentence]
        if self.ctx.masked[s_start:s_end].replace("\x00", "").strip(" \n.,;!?"):
            return None
        p_start = self.paragraphs[item.paragraph][0]
        if p_start == s_start and item.paragraph > 0:
            # A paragraph that is only a quotation follows the paragraph before it; one more back
            # when that one is background naming no person and quoting nobody ("X said …" /
            # "The union has called strikes." / "“…”": the quotation goes on with X)
            back = item.paragraph - 1
            b_start, b_end = self.paragraphs[back]
            if (
                back > 0
                and not self.ctx.names.mentions(b_start, b_end, {"PERSON"})
                and "\x00" not in self.ctx.masked[b_start:b_end]
            ):
                back -= 1
            p_start = self.paragraphs[back][0]
        previous = self.ctx.names.subjects(p_start, s_start)
        if previous:
            return previous[-1]
        # "He said the river had receded." and then the quotation: the pronoun's person
        for start, end, verb in reversed(find_verbs(self.ctx.masked, p_start, s_start)):
            floor = max(p_start, self.sentences[_index_of(self.sentences, start)][0])
            subject = left_subject(self.ctx.masked, floor, start)
            if subject is not None:
                return self._resolve(Cue(verb, start, end, subject)).name
        return None

    def _apply(self, item: _Placed, verb: str | None, speaker: Speaker, position: int) -> None:
        item.quote.verb = verb
        item.quote.speaker_name = speaker.name
        item.quote.speaker_description = speaker.description
        item.quote.speaker_entity = speaker.entity.name if speaker.entity else None
        item.quote.speaker_label = speaker.entity.label if speaker.entity else None
        item.attributed = verb is not None
        item.speaker = speaker
        if speaker.name:
            # the speaker is the one talked about from the end of the quotation on: "Mrs May told
            # MPs she would “…”" makes May, not the MPs after her verb, what a later "she" is
            self.ctx.names.note_speaker(max(position, item.span.close_char), speaker.name)

    def _resolve(self, cue: Cue) -> Speaker:
        if cue.subject is None:
            return Speaker()
        return resolve_phrase(
            self.ctx.names, self.ctx.masked, cue.subject, cue.verb_start, cue.inverted
        )

    def _cue_in_sentence(self, item: _Placed) -> Cue | None:
        """Return the cue of a quotation's own sentence: right after it, before it, or later."""
        masked = self.ctx.masked
        s_start, s_end = self.sentences[item.sentence]
        span = item.span
        reported = quoted_as(masked, s_start, s_end)
        if reported is not None:
            return reported
        after = _cue_after(masked, span.close_char + 1, s_end)
        before = find_verbs(masked, s_start, span.open_char)
        opens_sentence = not masked[s_start : span.open_char].replace("\x00", "").strip()
        if after is not None and (opens_sentence or not before or after[1]):
            return after[0]
        if before:
            start, end, verb = before[-1]
            agent = passive_agent(masked, start, end, span.close_char + 1, s_end)
            if agent is not None:
                return Cue(verb, start, end, agent, inverted=True)
            return Cue(verb, start, end, left_subject(masked, s_start, start))
        for start, end, verb in find_verbs(masked, span.close_char + 1, s_end):
            subject = left_subject(masked, s_start, start)
            if subject is not None:
                return Cue(verb, start, end, subject)
        return according_to(masked, s_start, s_end)

    def _speaker_of(self, index: int, cue: Cue) -> Speaker:
        """Return the speaker of a cue; a participle ("adding that") takes its clause's subject."""
        speaker = self._resolve(cue)
        if speaker.name:
            return speaker
        item = self.placed[index]
        s_start = self.sentences[item.sentence][0]
        masked = self.ctx.masked
        inverted = self._inverted_after_comma(item, cue)
        if inverted is not None:
            return inverted
        apposed = self._opening_person_apposed(item, cue)
        if apposed is not None:
            return apposed
        reporter = self._matrix_speaker(s_start, cue)
        if reporter is not None:
            return reporter
        if speaker.description:
            return speaker
        # "X announced that Russia and Ukraine had agreed …, noting that …": the participle's
        # subject is a person's verb before it, not the nearest verb of the "that" clause (whose
        # subject, a country, only describes); a description is taken when no person speaks
        described = None
        for start, end, verb in reversed(find_verbs(masked, s_start, cue.verb_start)):
            subject = left_subject(masked, s_start, start)
            if subject is not None:
                found = self._resolve(Cue(verb, start, end, subject))
                if found.name:
                    return found
                if found.description and described is None:
                    described = found
        if described is not None:
            return described
        for prev in reversed(self.placed[:index]):
            if prev.sentence == item.sentence and prev.attributed:
                return prev.speaker or Speaker()
        # "X rejected the claims, saying …": the participle's subject is the sentence's subject.
        subjects = self.ctx.names.subjects(s_start, cue.verb_start)
        if subjects:
            return Speaker(subjects[-1])
        # "She invited them, but called for a “constructive spirit”": the coordinated verb's
        # subject is the pronoun opening the sentence
        pronoun = _OPENING_PRONOUN.match(masked, s_start, cue.verb_start)
        if pronoun:
            found = resolve_phrase(
                self.ctx.names, masked, pronoun.span(1), cue.verb_start, inverted=False
            )
            if found.name:
                return found
        return speaker

    def _inverted_after_comma(self, item: _Placed, cue: Cue) -> Speaker | None:
        """Return the person named after a reporting verb that follows a comma, or None.

        '“…” the legal limit, said the court's president, Ana Ruiz.': a reporting verb set off by
        a comma at the end of a clause is inverted (English news style, "…, said X"), so the
        phrase before the comma is no subject; the person after the verb speaks.
        """
        if cue.inverted or cue.verb in NOT_INVERTED:
            return None
        masked = self.ctx.masked
        if not re.search(r",\s*$", masked[max(0, cue.verb_start - 3) : cue.verb_start]):
            return None
        s_end = self.sentences[item.sentence][1]
        subject = right_subject(masked, cue.verb_end, s_end)
        if subject is None:
            return None
        found = resolve_phrase(self.ctx.names, masked, subject, cue.verb_start, inverted=True)
        return found if found.name else None

    def _opening_person_apposed(self, item: _Placed, cue: Cue) -> Speaker | None:
        """Return the person opening the clause whose appositions run up to the verb, or None.

        '“…,” Ana Ruiz, a professor at the University of Lima, Peru, who studies ports, said.':
        the person named first, right after the quotation or at the start of the sentence and
        set off by a comma, is the subject; everything between it and the comma before the verb
        describes them, however many commas it holds (English apposition).
        """
        masked = self.ctx.masked
        s_start = self.sentences[item.sentence][0]
        if cue.inverted or not re.search(
            r",\s*(?:[a-z]+ly\s+)?$", masked[s_start : cue.verb_start]
        ):
            return None
        persons = [
            m
            for m in self.ctx.names.mentions(s_start, cue.verb_start, {"PERSON"})
            if masked[m.start_char] != "\x00"  # a name inside a quotation is the speaker's word
        ]
        if not persons or persons[0].how != "name":
            return None
        first = persons[0]
        lead = masked[s_start : first.start_char].replace("\x00", "")
        if lead.strip(" \n,;—–-") or not masked.startswith(",", first.end_char):
            return None
        rest = masked[first.end_char : cue.verb_start]
        if (
            "\x00" in rest
            or re.search(r"[.;:!?]", rest)
            or find_verbs(masked, first.end_char, cue.verb_start)
        ):
            return None
        return Speaker(first.name, None, first)

    def _matrix_speaker(self, s_start: int, cue: Cue) -> Speaker | None:
        """Return the person whose reporting verb embeds the cue's clause, or None.

        "Ana Ruiz said afterwards that the four agreed to “…”": the quoted words are reported by
        the subject of the verb whose "that" clause holds the cue, when the cue's own subject
        names no person.
        """
        if cue.subject is None:
            return None
        masked = self.ctx.masked
        for start, end, verb in reversed(find_verbs(masked, s_start, cue.subject[0])):
            if not _THAT_CLAUSE.fullmatch(masked, end, cue.subject[0]):
                continue
            subject = left_subject(masked, s_start, start)
            if subject is None:
                return None
            found = self._resolve(Cue(verb, start, end, subject))
            return found if found.name else None
        return None

    def _is_heading(self, item: _Placed) -> bool:
        """Return whether the quotation sits in a short line without final punctuation (a headline)."""
        start, end = self.paragraphs[item.paragraph]
        line = self.ctx.text[start:end].strip()
        bare = line.rstrip("”’\"'»")
        return len(line.split()) <= _HEADING_MAX_WORDS and not re.search(r"[.!?:;,]$", bare)

    def _neighbour_source(self, index: int) -> _Placed | None:
        """Return the attributed quotation this one continues (split quote, next paragraph)."""
        if index == 0:
            return None
        item, prev = self.placed[index], self.placed[index - 1]
        if not prev.attributed:
            return None
        masked = self.ctx.masked
        between = masked[prev.span.close_char + 1 : item.span.open_char]
        if item.paragraph == prev.paragraph:
            return (
                prev if item.sentence - prev.sentence <= 1 and len(between.split()) <= 20 else None
            )
        p_start = self.paragraphs[item.paragraph][0]
        opens_paragraph = not masked[p_start : item.span.open_char].replace("\x00", "").strip()
        inner = self.ctx.text[item.span.start_char : item.span.end_char].rstrip()
        full_sentence = inner[:1].isupper() and inner[-1:] in ".!?,…"
        if item.paragraph - prev.paragraph == 1 and opens_paragraph and full_sentence:
            prev_end = self.paragraphs[prev.paragraph][1]
            tail = masked[prev.span.close_char + 1 : prev_end]
            # Only when the previous paragraph ends with that quotation's own attribution.
            if len(tail.split()) <= 8:
                return prev
        return None

    def _cue_around(self, item: _Placed) -> Cue | None:
        """Return a cue from the sentence before (ending with a colon) or a short one just after."""
        masked = self.ctx.masked
        if item.sentence > 0:
            p_start, p_end = self.sentences[item.sentence - 1]
            if masked[p_start:p_end].rstrip().endswith(":"):
                verbs = find_verbs(masked, p_start, p_end)
                if verbs:
                    start, end, verb = verbs[-1]
                    return Cue(verb, start, end, left_subject(masked, p_start, start))
        s_start, s_end = self.sentences[item.sentence]
        alone = not masked[s_start:s_end].replace("\x00", "").strip(" \n.,;!?")
        nxt = item.sentence + 1
        if alone and nxt < len(self.sentences):
            n_start, n_end = self.sentences[nxt]
            if _index_of(self.paragraphs, n_start) == item.paragraph:
                for start, end, verb in find_verbs(masked, n_start, n_end):
                    if len(masked[n_start:start].split()) <= 6:
                        subject = left_subject(masked, n_start, start)
                        if subject is not None:
                            return Cue(verb, start, end, subject)
        return None


def _cue_after(masked: str, start: int, end: int) -> tuple[Cue, bool] | None:
    """Return the cue written right after a closing mark, and whether it is adjacent to it."""
    lead = re.match(r"[\s,;—–-]*", masked[start:end])
    offset = start + (lead.end() if lead else 0)
    verbs = find_verbs(masked, offset, end)
    if not verbs:
        return None
    v_start, v_end, verb = verbs[0]
    if masked[v_start:v_end].endswith("ing") and passive_quoted_as(masked, offset, v_start) is None:
        return None
    if v_start == offset:
        subject = right_subject(masked, v_end, end)
        if subject is not None and verb not in NOT_INVERTED:
            return Cue(verb, v_start, v_end, subject, inverted=True), True
        return None
    between = masked[offset:v_start]
    if re.search(r"[\x00.;:!?]", between) or len(between.split()) > _CUE_MAX_WORDS:
        return None
    subject = left_subject(masked, offset, v_start)
    adjacent = subject is not None and subject[0] == offset
    return Cue(verb, v_start, v_end, subject), adjacent


def _is_quoted_name(quote: Quote) -> bool:
    """Return whether a quotation is a name in quotation marks, which is no one's words.

    'the left-wing party “Unbowed France”', 'the operation “Clean Hands”': a fragment woven
    into the sentence, written in title case (every word capitalised but short function words),
    that no reporting verb or source is given for, names something (the gold conventions, §5.1:
    nicknames and names in marks are not quotes).
    """
    if not quote.is_partial or quote.verb or quote.speaker_name or quote.speaker_description:
        return False
    words_ = quote.text.split()
    if not 0 < len(words_) <= _NAME_MAX_WORDS or not words_[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w in _NAME_LINKS for w in words_) and quote.text[-1].isalnum()


def _is_capitalised_title(text: str) -> bool:
    """Return whether a quotation is written with every word capitalised, as a name or a title.

    'a coalition calling itself "Democracy Spring"', "the report 'Rivers Run Dry Again'": speech
    put in quotation marks is written in sentence case, so two to eight words that all start
    with a capital (no lower-case word, not even "of" or "the") name a group, a plan or a work,
    which the gold conventions (§5.1: nicknames and names in marks) do not count as quotations.
    A one-word quotation ("Never.") may be speech and is kept.
    """
    words_ = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not 2 <= len(words_) <= _TITLE_MAX_WORDS or text.rstrip()[-1:] in ".!?,;:":
        return False
    return all(w.lstrip("(‘'\"“")[:1].isupper() for w in words_)


def _word_key(text: str) -> str:
    """Return a quotation's words, lower-cased and joined by single spaces, for comparison."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _unique(text: str, placed: list[_Placed], sentences: list[tuple[int, int]]) -> list[_Placed]:
    """Drop a quotation repeated inside a repeated sentence (a scraper duplicate)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in placed:
        start, end = sentences[item.sentence]
        key = (item.quote.text, " ".join(text[start:end].split()))
        if key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return kept
