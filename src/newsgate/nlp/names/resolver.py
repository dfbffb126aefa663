"""The one name resolver of an article: what a name, a role phrase or a pronoun refers to.

`article_names(doc)` reads the entity layer (doc.ents, whose kb_id_ is each span's canonical
in-article name, and the titles the span rules saw with each person) and answers, for any
character span of the article, which entity it names or refers to. Quotes resolve speakers and
events resolve actors through it; nothing else resolves names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc

from newsgate.nlp.lexicon import (
    LEADER_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    function_words,
    given_name_genders,
    reporting_verb_forms,
    words,
)
from newsgate.nlp.names.fold import fold, surname
from newsgate.nlp.names.local import ROLE_MENTIONS
from newsgate.nlp.quote_marks import QuoteSpan, find_quote_marks

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_USER_DATA_KEY = "newsgate_names"
_POSSESSIVE = ("'s", "’s")
_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_ORG_PRONOUNS = {"it", "its"}
_DETERMINERS = function_words("definite")
_INDEFINITE = function_words("indefinite")
_PREPOSITIONS = function_words("preposition")
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_JOINED_TITLES = (
    (re.compile(r"\bunder[ -]secretary\b"), "undersecretary"),
    (re.compile(r"\bsecretary[ -]general\b"), "secretary-general"),
    (re.compile(r"\bdirector[ -]general\b"), "director-general"),
    # "the premier" and "the prime minister" are one office (and a bare "the minister" is not it)
    (re.compile(r"\bprime[ -]minister\b"), "premier"),
)
# an honorific right before a name marks its gender ("Mr. Otto Kern", "Ms Lea Brun")
_HONORIFIC_BEFORE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Madam|Sir|Dame|Lord|Lady|Mme|Alhaji|Alhaja|Hajiya|Datin|Sheikha|Shri|Smt"
    r"|Shrimati)\.?\s+$"
)
_COMPLEMENT_JOINS = frozenset({"of", "to", "for", "at", "in"})
_HONORIFIC_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Adm|Prof|Rev)\.")


@cache
def _gender_words() -> dict[str, str]:
    """Return word -> "f" / "m" for the words that mark a person's gender ("Ms", "spokesman")."""
    pairs = (line.split("\t") for line in words("gender_words.tsv"))
    return {word: gender for word, gender in pairs}


@dataclass(frozen=True)
class Referent:
    """An entity that some words of the article name or refer to, with those words' offsets."""

    name: str
    label: str
    start_char: int
    end_char: int
    how: str = "name"


class ArticleNames:
    """What the names, roles and pronouns of one article refer to (see `article_names`)."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        roles = set(doc.user_data.get(ROLE_MENTIONS, ())) if doc.user_data else set()
        self._mentions = sorted(
            (
                Referent(
                    ent.kb_id_ or _tidy(ent.text),
                    ent.label_,
                    ent.start_char,
                    ent.end_char,
                    "role" if (ent.start_char, ent.end_char) in roles else "name",
                )
                for ent in doc.ents
                if ent.label_ in ENTITY_LABELS
            ),
            key=lambda m: (m.start_char, -m.end_char),
        )
        self._starts = [m.start_char for m in self._mentions]
        self._sentences = (
            [(s.start_char, s.end_char) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [(0, len(doc.text))]
        )
        titles = doc.user_data.get("person_titles", {}) if doc.user_data else {}
        self._roles: dict[str, list[str]] = {}
        for mention in self._mentions:
            if mention.label == "PERSON":
                phrases = self._roles.setdefault(mention.name, list(titles.get(mention.name, [])))
                if mention.how == "name":
                    phrases.extend(_role_context(self.text, mention.start_char, mention.end_char))
                    honorific = _HONORIFIC_BEFORE.search(self.text, 0, mention.start_char)
                    if honorific:
                        phrases.append(honorific.group(1))
        self._genders = {
            name: g
            for name in self._roles
            if (g := _gender(self._roles[name]) or _given_name_gender(name))
        }
        # the article's quotations: names inside them are the speaker's words, never a subject
        self.quote_spans: list[QuoteSpan] = find_quote_marks(self.text)
        self._subjects: list[tuple[int, str, str]] = []
        self._find_subjects()

    # -- lookups -------------------------------------------------------------------------
    def at(self, start_char: int, end_char: int) -> Referent | None:
        """Return the longest entity mention covering or inside the span, or None."""
        found = [
            m
            for m in self._overlapping(start_char, end_char)
            if (m.start_char <= start_char and m.end_char >= end_char)
            or (m.start_char >= start_char and m.end_char <= end_char)
        ]
        return max(found, key=lambda m: m.end_char - m.start_char) if found else None

    def mentions(
        self, start_char: int, end_char: int, labels: set[str] | frozenset[str] | None = None
    ) -> list[Referent]:
        """Return the entity mentions lying inside the span, in text order."""
        return [
            m
            for m in self._overlapping(start_char, end_char)
            if m.start_char >= start_char
            and m.end_char <= end_char
            and (labels is None or m.label in labels)
        ]

    def canonical(self, label: str, text: str) -> str:
        """Return the canonical in-article name of a surface form, or the form itself, tidied."""
        tidy = _tidy(text)
        key = fold(tidy)
        for m in self._mentions:
            if m.label == label and (fold(m.name) == key or fold(self._text(m)) == key):
                return m.name
        if label == "PERSON" and " " not in tidy:
            fuller = {m.name for m in self._mentions if m.label == "PERSON" and m.how == "name"}
            matches = {n for n in fuller if surname(n.split()) == key}
            if len(matches) == 1:
                return matches.pop()
        return tidy

    def persons(self) -> dict[str, list[str]]:
        """Return each person's canonical name -> the titles and roles written with it."""
        return {name: sorted(set(roles)) for name, roles in self._roles.items()}

    def subjects(
        self, start_char: int, end_char: int, labels: frozenset[str] = frozenset({"PERSON"})
    ) -> list[str]:
        """Return the names in subject or speaker position between the offsets, in text order."""
        lo = bisect_left(self._subjects, (start_char, "", ""))
        hi = bisect_left(self._subjects, (end_char, "", ""))
        return [name for _, label, name in self._subjects[lo:hi] if label in labels]

    def note_speaker(self, position: int, name: str) -> None:
        """Record that person `name` speaks at `position`, for later pronouns (returns nothing)."""
        insort(self._subjects, (position, "PERSON", name))

    # -- reference ---------------------------------------------------------------------------
    def refer(
        self, start_char: int, end_char: int, position: int | None = None, inverted: bool = False
    ) -> Referent | None:
        """Return what the phrase at the span refers to: a name in it, a role's holder, a pronoun's antecedent.

        A person owning something in the phrase ("Mia Chen's spokesman") is not the referent.
        `inverted` prefers the first name of the phrase (a subject after its verb), else the last.
        """
        position = start_char if position is None else position
        phrase = self.text[start_char:end_char]
        own = [
            m
            for m in self.mentions(start_char, end_char)
            if not self.text.startswith(_POSSESSIVE, m.end_char)
            and not self.text.startswith(("'", "’"), m.end_char)
        ]
        # a person after a preposition is a complement of the phrase's head, never its referent:
        # "Ana Ruiz from the Lima Port Authority" is Ana Ruiz, "a lawyer for Ana Ruiz" nobody named
        persons = [
            m for m in own if m.label == "PERSON" and not self._after_preposition(start_char, m)
        ]
        if persons:
            return persons[0] if inverted else persons[-1]
        words_ = phrase.strip().split()
        if not words_:
            return None
        lowered = " ".join(words_).lower()
        if lowered in _PERSON_PRONOUNS:
            name = self.salient_person(position, _PERSON_PRONOUNS[lowered])
            return Referent(name, "PERSON", start_char, end_char, "pronoun") if name else None
        group = _GROUP.match(lowered)
        if group:
            # "the duo", "the three leaders", "They agreed": a joint act of persons just named
            # goes to the first of them (the joint-statement convention)
            name = self.first_of_group(position, coordinated=lowered == "they")
            return Referent(name, "PERSON", start_char, end_char, "role") if name else None
        if lowered in _ORG_PRONOUNS:
            found = self._salient(position, {"ORG"})
            return Referent(found[1], found[0], start_char, end_char, "pronoun") if found else None
        if _AGED.match(lowered):
            # "the 43-year-old": an age stands for the person the article is talking about
            name = self.salient_person(position, _gender([lowered]))
            return Referent(name, "PERSON", start_char, end_char, "role") if name else None
        if words_[0].lower() in _INDEFINITE:
            return None  # "a spokesman", "another official": someone unnamed
        holder = self.role_holder(phrase, position) or self._untitled_holder(words_, position)
        if holder:
            return Referent(holder, "PERSON", start_char, end_char, "role")
        bodies = [m for m in own if m.label == "ORG"]
        if bodies and _is_named_body(self.text, bodies[-1], start_char, end_char):
            return bodies[-1]
        body = self._org_by_head(words_, position)
        if body:
            return Referent(body, "ORG", start_char, end_char, "role")
        return None

    def first_of_group(self, position: int, coordinated: bool = False) -> str | None:
        """Return the first person of the latest sentence before `position` naming two or more.

        Only the three sentences before the phrase are read; `coordinated` asks for two persons
        joined by "and" ("Ana Ruiz and Mia Chen"), as a bare "they" needs.
        """
        index = max(0, bisect_right(self._sentences, (position, len(self.text))) - 1)
        for s_start, s_end in reversed(self._sentences[max(0, index - 3) : index + 1]):
            end = min(s_end, position)
            persons = self.mentions(s_start, end, {"PERSON"})
            names = list(dict.fromkeys(m.name for m in persons))
            if len(names) < 2:
                continue
            if coordinated and not any(
                a.name != b.name
                and re.fullmatch(r"\s+and\s+", self.text[a.end_char : b.start_char])
                for a, b in pairwise(persons)
            ):
                return None
            return names[0]
        return None

    def salient_person(self, position: int, gender: str | None = "m") -> str | None:
        """Return the person most recently in subject or speaker position before `position`.

        `gender` is the one the referring words mark ("he", "the spokeswoman"); None when they
        mark none ("the 43-year-old", "the activist"), which any person may then be.
        """
        clash = {"m": "f", "f": "m"}.get(gender or "")
        index = bisect_left(self._subjects, (position, "", ""))
        for _, label, name in reversed(self._subjects[:index]):
            # skip only a person the article itself marks as the other gender ("Ms.", "spokeswoman")
            if label == "PERSON" and (clash is None or self._genders.get(name) != clash):
                return name
        if gender is None:
            return None
        # every subject before is of the other gender: "he" then names the latest person of his
        # gender written elsewhere in the last sentences ("… a day after Mayor Mark Olsen spoke")
        index = max(0, bisect_right(self._sentences, (position, len(self.text))) - 1)
        floor = self._sentences[max(0, index - 3)][0]
        for m in reversed(self.mentions(floor, position, {"PERSON"})):
            if m.how == "name" and self._genders.get(m.name) == gender:
                return m.name
        return None

    def role_holder(self, phrase: str, position: int) -> str | None:
        """Return the one person whose written titles fit a role phrase ("the NATO chief")."""
        head = _role_head(phrase)
        if head is None:
            return None
        heads, others = _role_terms(phrase)
        best: tuple[int, int, str] | None = None
        last_seen = {m.name: m.start_char for m in self._mentions if m.start_char < position}
        for name, phrases in self._roles.items():
            p_heads: set[str] = set()
            p_others: set[str] = set()
            for role_phrase in phrases:
                heads_of, others_of = _role_terms(role_phrase)
                p_heads |= heads_of
                p_others |= others_of
            if head not in p_heads:
                continue
            overlap = len(others & p_others) + len(heads & p_heads)
            candidate = (overlap, last_seen.get(name, -1), name)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return best[2] if best else None

    def _untitled_holder(self, words_: list[str], position: int) -> str | None:
        """Return the person a definite role ("the prime minister") stands for when no person has
        a title written: the one in subject position just before, if the text gives them no role
        that could belong to someone else."""
        if words_[0].lower() not in _DETERMINERS or _role_head(" ".join(words_)) is None:
            return None
        if any(self._titled(name) for name in self._roles):
            return None  # the article writes roles: only a matching title names the holder
        return self.salient_person(position, _gender([" ".join(words_).lower()]))

    def _titled(self, name: str) -> bool:
        return any(_role_terms(phrase)[0] for phrase in self._roles.get(name, []))

    # -- internals -----------------------------------------------------------------------------
    def _text(self, m: Referent) -> str:
        return self.text[m.start_char : m.end_char]

    def _overlapping(self, start_char: int, end_char: int) -> list[Referent]:
        # mentions are short; one starting more than 200 characters earlier cannot reach here
        lo = bisect_left(self._starts, start_char - 200)
        hi = bisect_right(self._starts, end_char)
        return [m for m in self._mentions[lo:hi] if m.end_char > start_char]

    def _after_preposition(self, start_char: int, mention: Referent) -> bool:
        """Return whether a mention follows a preposition (past its title) inside a phrase."""
        before = _before_titles(self.text[start_char : mention.start_char].split())
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _salient(self, position: int, labels: set[str]) -> tuple[str, str] | None:
        index = bisect_left(self._subjects, (position, "", ""))
        for _, label, name in reversed(self._subjects[:index]):
            if label in labels:
                return label, name
        return None

    def _org_by_head(self, words_: list[str], position: int) -> str | None:
        """Return the organisation named earlier whose head word a definite phrase repeats ("the ministry")."""
        if len(words_) != 2 or words_[0].lower() not in _DETERMINERS:
            return None
        head = fold(words_[1])
        found = [
            m.name
            for m in self._mentions
            if m.label == "ORG" and m.start_char < position and fold(m.name).split()[-1:] == [head]
        ]
        return found[-1] if len(set(found)) == 1 else None

    def _find_subjects(self) -> None:
        """Record, per sentence, the entity in subject position: its first name not after a preposition."""
        quoted = [(q.start_char, q.end_char) for q in self.quote_spans]
        for s_start, s_end in self._sentences:
            # the first person and the first body of each sentence, not after a preposition:
            # "he" looks back for persons, "it" for bodies
            seen: set[str] = set()
            for m in self.mentions(s_start, s_end, {"PERSON", "ORG", "GPE"}):
                kind = "PERSON" if m.label == "PERSON" else "BODY"
                if kind in seen:
                    continue
                inside = bisect_right(quoted, (m.start_char, len(self.text))) - 1
                if inside >= 0 and quoted[inside][0] <= m.start_char < quoted[inside][1]:
                    continue
                before = _before_titles(self.text[s_start : m.start_char].split())
                if before and before[-1].lower() in _PREPOSITIONS:
                    continue
                if self.text.startswith(_POSSESSIVE, m.end_char) and m.label != "PERSON":
                    continue
                self._subjects.append((m.start_char, m.label, m.name))
                seen.add(kind)
        self._subjects.sort()


def article_names(doc: Doc) -> ArticleNames:
    """Return the article's name resolver, built once per Doc and kept in doc.user_data."""
    names = doc.user_data.get(_USER_DATA_KEY)
    if not isinstance(names, ArticleNames):
        names = ArticleNames(doc)
        doc.user_data[_USER_DATA_KEY] = names
    return names


def _before_titles(words_: list[str]) -> list[str]:
    """Return the words before a name without the capitalised title written with it.

    "from President Ana Ruiz" and "to Minister of Trade Ana Ruiz": the name still follows a
    preposition, so it is no subject.
    """
    end = len(words_)
    while end > 0:
        word = words_[end - 1]
        if (word[:1].isupper() and word.isalpha()) or (
            word in _TITLE_LINKS and end > 1 and words_[end - 2][:1].isupper()
        ):
            end -= 1
        else:
            break
    return words_[:end]


_GROUP = re.compile(
    r"^(?:they|the (?:duo|pair|two|two men|two women|two leaders|two ministers|three leaders"
    r"|leaders|two sides)|both (?:leaders|men|women|ministers))$"
)
# "the 43-year-old", "the 45-year-old father of three": an age and the short noun phrase it heads
_AGED = re.compile(r"^the \d{1,3}[- ]year[- ]old(?: [a-z]+){0,4}$")
_TITLE_LINKS = frozenset({"of", "for", "and", "the"})


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.lower().startswith("the ") else text


def _is_named_body(text: str, body: Referent, start: int, end: int) -> bool:
    """Return whether an organisation is the phrase's head ("the ministry", not "a ministry spokesman")."""
    rest = text[body.end_char : end].strip(" ,")
    return not rest


def _gender(phrases: list[str]) -> str | None:
    marks = {
        _gender_words().get(w.lower().rstrip(".")) for phrase in phrases for w in phrase.split()
    } - {None}
    return marks.pop() if len(marks) == 1 else None


def _given_name_gender(name: str) -> str | None:
    """Return the gender a person's first name marks in the Census lists ("Mark Olsen" -> "m"), or None."""
    words_ = name.split()
    if len(words_) < 2:
        return None  # a lone word may be a surname ("Ruth", "Mark")
    return given_name_genders().get(words_[0])


def _role_terms_text(phrase: str) -> str:
    """Return a role phrase folded, with multi-word titles joined ("under secretary" -> one word)."""
    text = fold(phrase).replace("’", "'")
    for pattern, joined in _JOINED_TITLES:
        text = pattern.sub(joined, text)
    return re.sub(r"'s\b", "", text)


def _role_terms(phrase: str) -> tuple[set[str], set[str]]:
    """Return (role heads, other content words) of a role phrase, normalised for matching."""
    text = _role_terms_text(phrase)
    tokens = re.findall(r"[a-z][a-z-]*", text)
    roles = {w for w in tokens if w in _TITLE_WORDS or w in LEADER_TITLES}
    heads = {"#top" if w in LEADER_TITLES else w for w in roles} - {"former", "top", "senior"}
    others = {
        _demonym_root(w)
        for w in tokens
        if w not in roles and w not in _DETERMINERS | _INDEFINITE and w not in _PREPOSITIONS
    }
    return heads, others


def _demonym_root(word: str) -> str:
    """Return a crude shared root so 'russian' matches 'russia' and 'american' matches 'america'."""
    for suffix in ("ian", "an", "ese", "ish", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)][:5]
    return word[:5]


def _role_head(phrase: str) -> str | None:
    """Return the role noun a phrase is about ("Russia's ambassador to NATO" -> ambassador)."""
    main = re.split(r"\s(?:of|to|for|at|in|on|from|with)\s", " " + phrase + " ", maxsplit=1)[0]
    heads, _ = _role_terms(main)
    for word in reversed(re.findall(r"[a-z][a-z-]*", _role_terms_text(main))):
        term = "#top" if word in LEADER_TITLES else word
        if term in heads and word not in TITLE_MODIFIERS:
            return term
    return None


def _title_run(tokens: list[str]) -> list[str]:
    """Return the title at the end of `tokens`: its last role word, what links to it, its complement."""
    roles = [i for i, t in enumerate(tokens) if t.lower().strip(".,") in _TITLE_WORDS]
    if not roles:
        return []
    last = roles[-1]
    after = tokens[last + 1 :]
    # a complement belongs to the title only when a preposition joins it ("envoy to the UN")
    complement = after[:4] if after and after[0].lower() in _COMPLEMENT_JOINS else []
    if len(after) > len(complement):
        return []  # the title is not the one written next to the name
    kept: list[str] = []
    for token in reversed(tokens[: last + 1]):
        bare = token.lower().strip(".,")
        linked = bare in {"of", "the", "to", "for"} or token[:1].isupper() or bare in _TITLE_WORDS
        # one lower-case modifier may precede a role word ("alliance chief", "trade envoy")
        modifier = bool(kept) and kept[0].lower() in _TITLE_WORDS and token.isalpha()
        if not (linked or modifier):
            break
        kept.insert(0, token)
        if (modifier and not linked) or token.endswith(_POSSESSIVE):
            break
    return kept + complement


def _role_context(text: str, start: int, end: int) -> list[str]:
    """Return the phrases written as a person's title or apposition around one mention."""
    found = []
    left = text[max(0, start - 80) : start].rstrip()
    # an honorific's period ("Mr. Otto Kern") does not end the phrase before the name
    left = _HONORIFIC_DOT.sub(r"\1", left)
    if left.endswith(","):
        left = left[:-1]
    segment = re.split(r"[\"“”‘’.;:()—–,]|\b(?:and|but|that|while)\b", left)[-1]
    found.append(" ".join(_title_run(segment.split()[-7:])))
    right = text[end : end + 80]
    if right.startswith(","):
        segment = re.split(r"[\"“”‘’.;:()—–,]", right[1:])[0]
        verbs = reporting_verb_forms()
        if len(segment.split()) <= 8 and not any(w in verbs for w in segment.split()):
            found.append(segment.strip())
    return [f for f in found if f]
