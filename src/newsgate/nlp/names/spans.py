"""Entity spans beyond the gazetteer: rules over titles, reporting verbs, word shape and context.

The rules run after the gazetteer ruler (and after a trained NER when one is configured) and only
add spans over tokens nobody has claimed yet, in this order: ships ("USS Donald Cook"), acronyms
defined in parentheses, people introduced by a title ("Deputy Foreign Minister Alexander Grushko",
"Russia's ambassador to NATO, Alexander Grushko"), people next to a reporting verb ("Grushko
said", "said Grushko"), people in appositions ("Alexander Grushko, Russia's ambassador"),
organisations and places named by their head word ("Defense Ministry", "Barents Sea"), compass
regions ("eastern Ukraine"), and places named by context ("the town of X"). The in-article
resolution in `newsgate.nlp.names.local` then gives every span its canonical name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgate.nlp.dates import MONTH_NAMES
from newsgate.nlp.gazetteer import country_demonyms, country_names, surface_index
from newsgate.nlp.lexicon import (
    COMPANY_SUFFIXES,
    COMPASS_WORDS,
    DOCUMENT_HEADS,
    GENERIC_ORG_WORDS,
    HONORIFICS,
    KINSHIP_WORDS,
    LOC_HEADS,
    NAME_PARTICLES,
    NOT_ACRONYMS,
    NOT_NAMES,
    ORG_HEADS,
    SHIP_PREFIXES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEAK_TITLE_HEADS,
    common_word_surnames,
    common_words,
    function_words,
    given_names,
    reporting_verb_forms,
    street_words,
)
from newsgate.nlp.names.abbreviations import find_definitions, undefined_expansions
from newsgate.nlp.names.bodies import PLACE_ORG_HEADS, find_companies, find_place_bodies
from newsgate.nlp.names.fold import NAME_SUFFIXES
from newsgate.nlp.names.lists import find_listed_bodies
from newsgate.nlp.names.local import INNER_MENTIONS, resolve_in_article
from newsgate.nlp.names.places import (
    find_addressed_places,
    find_divisions,
    find_local_places,
    find_prefixed_places,
)
from newsgate.nlp.names.shape import (
    CAPITALISED_MONTHS,
    CONNECTORS,
    DETERMINERS,
    POSSESSIVE,
    ROLE_LABELS,
    NameFinder,
    Role,
    acronym_matches,
    capitalised_free,
    headline_tokens,
    honorific_end,
    is_name_token,
    is_title_word,
    joined_end,
    name_end,
    name_start,
    org_or_country,
    title_spans,
    title_text,
)
from newsgate.nlp.names.span_model import learned_spans

_PRONOUN_OWNERS = {"its", "their"}
_TRAILING_AGENT = {"according"}
_LOWER_ORG_HEADS = {"ministry", "bank"}
_PLACE_NOUNS = {
    "area",
    "city",
    "town",
    "village",
    "port",
    "capital",
    "region",
    "province",
    "district",
    "municipality",
    "settlement",
    "oblast",
    "governorate",
    "county",
    "state",
    "island",
}
_REGION_NOUNS = {
    "region",
    "province",
    "district",
    "oblast",
    "governorate",
    "county",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "area",
}
# "the Kakrail area", "the area of X": "area" needs a name that is no common word
_AREA_NOUNS = frozenset({"area", "areas"})
# "at Polwire village", "in Kelbora town": a settlement noun after its name, as a region noun is
# ("in Kandahar province"); not before another noun ("the Kelbora village council")
_SETTLEMENT_NOUNS = {"village", "town", "township"}
# "Doho, Mina Maideni and Lawari villages": a list of names before a plural place noun
_PLURAL_PLACE_NOUNS = {
    "villages",
    "towns",
    "cities",
    "districts",
    "provinces",
    "regions",
    "counties",
    "communities",
    "settlements",
    "islands",
    "municipalities",
    "areas",
}
# "his wife Sharon", "Banks' brother Curtis": owners that make the kin word a relation
_KIN_OWNERS = {"his", "her", "their", "my", "our", "your", "'s", "’s", "'", "’"}
# the venue nouns of loc_heads.txt, which may follow a name in lower case ("Queen Elizabeth hospital")
_VENUE_HEADS = frozenset(
    w.lower()
    for w in LOC_HEADS
    if w in {"Hospital", "Airport", "Stadium", "Hotel", "Prison", "Courthouse", "Mosque"}
)
# "the FTSE 100 index", "the Dow Jones industrial average": a market index, not a body
_INDEX_WORDS = {"index", "indices", "average"}
_LED_BY = {"led", "headed", "chaired", "hosted", "founded", "commanded"}
# one-word places that open a longer name are part of it: "Porto Alegre", "Jordan Bardella"
_PLACE_PREFIX_LABELS = {"GPE"}
# finite reporting-verb forms: a name before or after one is a speaker ("Grushko said")
_SPEAKER_VERBS = frozenset(f for f in reporting_verb_forms() if not f.endswith("ing"))
# "Ana Ruiz from the council said": prepositions that qualify a subject before its verb
_SUBJECT_QUALIFIERS = frozenset({"from", "of", "at", "with"})
_MAX_SUBJECT_TOKENS = 14
# adverbs between a subject's closing comma and its reporting verb ("…, recently said")
_SPEECH_ADVERBS = frozenset(
    {"also", "recently", "later", "earlier", "previously", "then", "further", "again", "once"}
)
# words before "X province", "X district" that leave X to be the place's name
_BEFORE_REGION = frozenset({"the", "'s", "’s", "in", "of", "from", "at", "across", "near", "and"})
_IRREGULAR_PLURALS = function_words("irregular_plural")
_BEFORE_SURNAME = {"and", "but", "as", "while", "when", "where", "which", "that", "'s", "’s"}
# institutions written with generic words only are still named ("the Supreme Court")
_INSTITUTION_HEADS = {
    "Court",
    "Council",
    "Parliament",
    "Assembly",
    "Senate",
    "Tribunal",
    "Congress",
    "Commission",
    "Committee",
}
_SINGLE_WORD_BODIES = {
    "Government",
    "Army",
    "Navy",
    "Parliament",
    "Police",
    "Cabinet",
    "Military",
    "Embassy",
    "Consulate",
}


def _find_ships(finder: NameFinder) -> None:
    doc = finder.doc
    for token in doc:
        if token.text in SHIP_PREFIXES and token.i + 1 < len(doc):
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and doc[end].is_title:
                end += 1
            if end > token.i + 1:
                # a ship's name is never a person, even when a trained NER says so
                for ent in finder.ents:
                    if ent.start < end and ent.end > token.i:
                        finder.removed.add(ent.start)
                        finder.taken.difference_update(range(ent.start, ent.end))
                finder.add(token.i, end, "PRODUCT", doc[token.i : end].text)


def _find_acronyms(finder: NameFinder, terms: set[str]) -> dict[str, tuple[str, str]]:
    """Find "Long Form Name (LFN)" and return acronym -> (label, canonical long form).

    Short forms defined as terms (laws, offices) are added to `terms`.
    """
    doc = finder.doc
    defined: dict[str, tuple[str, str]] = {}
    texts = finder.text
    for i in range(len(texts) - 2):
        if texts[i] != "(" or texts[i + 2] != ")":
            continue
        token = doc[i]
        acronym = doc[i + 1]
        if not (acronym.is_upper and acronym.is_alpha and 2 <= len(acronym) <= 8):
            continue
        # "the Royal College of Nursing's (RCN)": a possessive may sit before the parenthesis
        last = token.i - 2 if texts[token.i - 1] in POSSESSIVE else token.i - 1
        before = finder.ent_by_token.get(last)
        if (
            before is not None
            and before.end == last + 1
            and acronym_matches(before.text.split(), acronym.text)
        ):
            defined[acronym.text] = (before.label_, before.kb_id_ or before.text)
            continue
        stop = last + 1  # where the long form ends
        member = _member_of(finder, last)
        if doc[last].lower_ in TITLE_HEADS or (doc[last].text in DOCUMENT_HEADS and not member):
            terms.add(acronym.text)
            continue  # "District Police Officer (DPO)", "... Act (XA)": an office or a law
        start = stop
        while start > 0 and (
            doc[start - 1].is_title
            or doc[start - 1].lower_ in CONNECTORS
            or _in_hyphenated_word(doc, start - 1)
            # "Popular People's Party (PPP)": a possessive between capitalised words is
            # inside the long form; stopping there leaves Schwartz & Hearst's shortest pairing
            # ("People's Party"), which drops the long form's first word
            or (
                doc[start - 1].text in POSSESSIVE
                and start - 1 > 0
                and doc[start - 2].is_title
                and start < stop
            )
        ):
            start -= 1
        # an acronym the gazetteer knows names the long form too: "... Countries (OPEC)" is OPEC
        known = finder.ent_by_token.get(acronym.i)
        for first in range(start, stop - 1):
            # "Tehreek-i-Taliban Pakistan": each part of a hyphenated word is a word
            words = [t.text for t in doc[first:stop] if t.text not in _HYPHEN_TOKENS]
            if (
                doc[first].is_title
                and doc[first].lower_ not in CONNECTORS
                and acronym_matches(words, acronym.text)
            ):
                if (
                    known is None
                    and _concept(words)
                    and not _speaks(finder, acronym.text)
                    and not member
                ):
                    terms.add(acronym.text)  # "Gross Domestic Product (GDP)": a concept
                    break
                label = "LOC" if doc[stop - 1].text in LOC_HEADS else "ORG"
                name = doc[first:stop].text
                if known is not None and known.label_ == label and known.kb_id_:
                    name = known.kb_id_
                if finder.claim(first, stop, label, name):
                    defined[acronym.text] = (label, name)
                break
    _define_abbreviations(finder, defined, terms)
    if defined:
        for i, word in enumerate(texts):
            if word in defined and i not in finder.taken:
                label, name = defined[word]
                finder.add(i, i + 1, label, name)
    return defined


def _define_abbreviations(
    finder: NameFinder, defined: dict[str, tuple[str, str]], terms: set[str]
) -> None:
    """Add the long forms that Schwartz & Hearst pairing finds and the title-run rule missed.

    "Inter-parliamentary Assembly on Orthodoxy (IAO)", "US Geological Survey (USGS)", "Kenya
    National Union of Teachers (Knut)", "MSF (Medecins Sans Frontieres)". A long form naming a
    law or document ("... Agreement for ...") or an office ("... Officer") defines a term: its
    short form goes to `terms`, and names inside it are no places of their own. A long form
    holding a person is no body.
    """
    doc = finder.doc
    for definition in find_definitions(doc, _FUNCTION_WORDS):
        short = finder.text[definition.short]
        if short in defined or short.lower() in common_words():
            continue
        start, end = definition.start, definition.end
        owner = finder.ent_by_token.get(start)
        if (
            owner is not None
            and owner.label_ in {"GPE", "LOC"}
            and owner.start == start
            and owner.end + 1 < end
            and finder.text[owner.end] in POSSESSIVE
        ):
            # "Peru's National Electoral Board (JNE)": the owner is the body's country,
            # not a word of its name (the pairing borrowed its initial for a translated acronym)
            start = owner.end + 1
        if finder.lower[start] == "the" and end - start >= 2:
            start += 1  # "The Supreme Electoral Tribunal (TSE)": the article opens no name
        inside = [finder.ent_by_token.get(k) for k in range(start, end)]
        if any(w in DOCUMENT_HEADS for w in finder.text[start:end]):
            terms.add(short)
            for ent in inside:
                if ent is not None and ent.label_ in {"GPE", "LOC"} and ent in finder.ents:
                    finder.removed.add(ent.start)
            continue
        known = finder.ent_by_token.get(definition.short)
        if finder.lower[end - 1] in TITLE_HEADS or (
            known is None and _concept(finder.text[start:end]) and not _speaks(finder, short)
        ):
            terms.add(short)
            continue
        if any(e is not None and e.label_ == "PERSON" for e in inside):
            continue
        whole = inside[0]
        label = "LOC" if finder.text[end - 1] in LOC_HEADS else "ORG"
        if whole is not None and whole.start == start and whole.end == end:
            label, name = whole.label_, whole.kb_id_ or whole.text
        else:
            name = doc[start:end].text
        if known is not None and known.label_ == label and known.kb_id_:
            name = known.kb_id_  # "... Organization (NATO)": a body best known by its acronym
        elif known is not None:
            continue  # a short form the gazetteer knows as something else ("(AP)")
        if whole is not None and whole.start == start and whole.end == end:
            pass
        elif not finder.claim(start, end, label, name):
            continue
        defined[short] = (label, name)


def _member_of(finder: NameFinder, last: int) -> bool:
    """Return whether the capitalised run ending at `last` follows "<Name> of the": a named
    person or body "of the" run belongs to it ("Ana Ruiz of the National Convention (NC)"),
    so the run names a body, not a law or a concept."""
    doc = finder.doc
    k = last
    while k > 0 and last - k < 8 and (doc[k].is_title or doc[k].text in POSSESSIVE):
        k -= 1
    if k == last or k < 2 or doc[k].lower_ != "the" or doc[k - 1].lower_ not in {"of", "from"}:
        return False
    name = doc[k - 2]
    return name.is_title and not name.is_sent_start and name.lower_ not in TITLE_HEADS


def _speaks(finder: NameFinder, short: str) -> bool:
    """Return whether a short form is ever the subject of a reporting verb ("the ISPR said"):
    a concept never speaks, so a long form of common words that does names a body."""
    texts, lower = finder.text, finder.lower
    return any(texts[i] == short and lower[i + 1] in _SPEAKER_VERBS for i in range(len(texts) - 1))


def _concept(words: list[str]) -> bool:
    """Return whether a capitalised long form names a concept, not a body ("Gross Domestic
    Product", "Consumer Price Index"): every word is an ordinary lower-case English word and
    none is a body's head. All-caps words ("US") and names outside the dictionary make a name.
    """
    if any(w.lower() in {"of", "for"} for w in words):
        return False  # "Economic Community of … States": a formal name joins its parts
    common = common_words()
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS and w not in _HYPHEN_TOKENS]
    return bool(content) and all(
        not w.isupper()
        and w.lower() in common
        and w not in ORG_HEADS
        and w not in GENERIC_ORG_WORDS
        and w not in LOC_HEADS
        for w in content
    )


# the connectors of a name, "to"/"at", and the Romance articles a long form may hold
_FUNCTION_WORDS = frozenset(CONNECTORS | {"to", "at", "de", "du", "des", "del", "la", "le"})
_HYPHEN_TOKENS = {"-", "‑", "‐"}


def _in_hyphenated_word(doc: Doc, index: int) -> bool:
    """Return whether a token is a hyphen or a part of a hyphenated word ("Lashkar-i-Islam")."""
    token = doc[index]
    if token.text in _HYPHEN_TOKENS:
        return not token.whitespace_ and index > 0 and not doc[index - 1].whitespace_
    return (
        token.is_alpha
        and not token.whitespace_
        and index + 1 < len(doc)
        and doc[index + 1].text in _HYPHEN_TOKENS
    )


def _plural_title(finder: NameFinder, i: int) -> bool:
    """Return whether the word at `i` is a capitalised plural of a title head ("Secretaries",
    "Ministers"), which goes on with the title before it rather than opening a name."""
    if i >= len(finder.doc) or not finder.doc[i].is_title:
        return False
    lower = finder.lower[i]
    return lower not in TITLE_HEADS and is_title_word(lower, finder.doc[i].text)


def _find_titled_people(finder: NameFinder) -> None:
    doc = finder.doc
    common = common_words()
    title_ends = dict(title_spans(finder.lower))
    for start, end in title_spans(finder.lower):
        head = finder.lower[end - 1]
        org, country, role_start = finder.qualifier_before(start)
        after_org, after_country, n_start = finder.qualifier_after(end)
        org, country = org or after_org, country or after_country
        if n_start == end:
            n_start = _office_complement_end(finder, end, title_ends)
        if n_start == end and _plural_title(finder, n_start):
            n_start += 1  # "General Secretaries Ana Ruiz and …": a title shared by a list
        role_text = doc[role_start:n_start].text
        after_comma = n_start < len(doc) and doc[n_start].text == ","
        if after_comma:
            n_start += 1
        n_end = name_end(doc, n_start, finder.taken, finder.soft())
        if n_end == n_start or (after_comma and n_end - n_start < 2):
            continue  # "Vice President, Media and …": one word after a comma is no name
        capitalised = doc[start].text[0].isupper() or doc[end - 1].text[0].isupper()
        if head in WEAK_TITLE_HEADS and not capitalised and n_end - n_start < 2:
            continue
        if head in WEAK_TITLE_HEADS and all(
            finder.lower[k] in common for k in range(n_start, n_end)
        ):
            continue  # "General Purpose Machine Gun": common words after a weak title
        if n_end - n_start == 1 and _participle_not_name(finder, n_start):
            continue  # "Ex-Mayor Convicted of fraud": a headline's verb, not a surname
        if n_end - n_start == 1 and n_start > end and finder.lower[n_start] in common:
            continue  # "chairman of the National Employers' …": a body's word, not a surname
        if n_end - n_start == 1 and doc[n_start].text in given_names():
            n_end = _word_surname_after_title(finder, n_start)
        title = title_text(doc, start, end)
        finder.person(
            n_start,
            n_end,
            Role(title, org, country, role_text),
        )
    after = 0
    for i in range(len(doc)):
        if i < after:
            continue  # inside an honorific run already read ("Lt Col", "Tan Sri")
        after = honorific_end(finder.text, i)
        if after > i:
            start = after
            first = start
            if start < len(doc) and doc[start].lower_ in NAME_PARTICLES:
                # "Ms von der Leyen": after an honorific a name may open with its particles
                while (
                    first < len(doc) and doc[first].lower_ in NAME_PARTICLES and first - start < 2
                ):
                    first += 1
            end = name_end(doc, first, finder.taken)
            if end > first:
                finder.person(start, end)


def _participle_not_name(finder: NameFinder, index: int) -> bool:
    """Return whether the word at `index` is an English past participle ("Convicted", "Elected").

    A capitalised "-ed" word whose stem is an English word too (wamerican) is a verb written in
    a headline's capitals after a title, not the holder's surname.
    """
    word = finder.lower[index]
    if not word.endswith("ed") or word not in common_words():
        return False
    stems = (word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else "")
    return any(len(stem) >= 4 and stem in common_words() for stem in stems)


def _word_surname_after_title(finder: NameFinder, given: int) -> int:
    """Return the end of "Prime Minister Theresa May", "Deputy Minister Bill English": after a
    title, a lone given name takes a month name or a demonym written next to it as its surname
    (not a date: no number follows); else the end of the given name."""
    doc = finder.doc
    word = given + 1
    if word >= len(doc) or not doc[word].is_title or doc[word].is_sent_start:
        return given + 1
    if word + 1 < len(doc) and (doc[word + 1].like_num or doc[word + 1].text in {"-", "–"}):
        return given + 1  # "Minister Ana May 5": a date after the name
    ent = finder.ent_by_token.get(word)
    month = ent is None and doc[word].lower_ in MONTH_NAMES  # a full month name, not "Jun"
    demonym = (
        ent is not None
        and ent.label_ == "NORP"
        and len(ent) == 1
        and ent.start not in finder.removed
    )
    if demonym:
        finder.removed.add(ent.start)
        finder.taken.discard(word)
    return word + 1 if month or demonym else given + 1


def _office_complement_end(finder: NameFinder, end: int, title_ends: dict[int, int]) -> int:
    """Return where the name may start after a title's complement, or `end` when there is none.

    "Speaker of Parliament Karu Jayasuriya", "Chief of Army Staff General Raheel Sharif": a
    body's words (and a second title) sit between the title and the name; "the minister of
    lands, Kezzie Msukwa": lower-case words and a comma do.
    """
    doc, lower = finder.doc, finder.lower
    if end + 1 >= len(doc) or lower[end] not in {"of", "for", "to"}:
        return end
    j = end + 1 + (1 if lower[end + 1] == "the" else 0)
    k = j
    while (
        k < len(doc)
        and k - j < 4
        and k not in finder.taken
        and doc[k].is_title
        and (doc[k].text in ORG_HEADS or doc[k].text in GENERIC_ORG_WORDS)
    ):
        k += 1
    if k > j:
        return title_ends.get(k, k)
    # "minister to leave the Cabinet": a determiner inside opens a clause, not an office's words
    while (
        k < len(doc)
        and k - j < 3
        and doc[k].is_lower
        and doc[k].is_alpha
        and finder.lower[k] not in DETERMINERS
    ):
        k += 1
    if k <= j or k >= len(doc):
        return end
    # "minister for economic affairs Ana Ruiz": lower-case words, then the name itself
    if doc[k].text == "," or (doc[k].is_title and is_name_token(doc[k]) and k not in finder.taken):
        return k
    return end


def _find_speakers(finder: NameFinder) -> None:
    doc = finder.doc
    lower = finder.lower
    for i, word in enumerate(lower):
        if word in _SPEAKER_VERBS and _so_called(lower, i):
            continue  # "the so-called Park Fire": an adjective, no speech and no speaker
        if word in _SPEAKER_VERBS:
            start = name_start(doc, i, finder.taken)
            # a lone capitalised word before "said" is a surname only after a clause boundary
            single_ok = (
                not doc[start].is_sent_start
                and start > 0
                and (
                    doc[start - 1].is_punct
                    or doc[start - 1].is_quote
                    or lower[start - 1] in _BEFORE_SURNAME
                )
                # "the Ministry of Roads and Infrastructure said": the word after "and"
                # is the last part of a body's formal name, the body is the subject
                and not (
                    lower[start - 1] == "and"
                    and _ordinary_word(finder, start)
                    and _ends_formal_name(finder, start - 2)
                )
            )
            if start < i and (i - start > 1 or single_ok):
                finder.person(start, i)
            else:
                _find_qualified_subject(finder, i)
            if i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_quote):
                end = name_end(doc, i + 1, finder.taken)
                # "…,” added Envoy Mia Chen": a title before an already-found name is no person
                if not all(
                    lower[k] in TITLE_HEADS or lower[k] in TITLE_MODIFIERS
                    for k in range(i + 1, end)
                ):
                    finder.person(i + 1, end)
        elif word == "by" and i > 0 and lower[i - 1] in _LED_BY:
            end = name_end(doc, i + 1, finder.taken)
            if end - i - 1 >= 2:
                finder.person(i + 1, end)
        elif word in _TRAILING_AGENT and i + 1 < len(lower) and lower[i + 1] == "to":
            finder.person(i + 2, name_end(doc, i + 2, finder.taken))


def _ordinary_word(finder: NameFinder, index: int) -> bool:
    """Return whether the word at `index` is an ordinary English word and no name's word: not
    a given name, nor a common surname ("Infrastructure", not "Bailey" or "Brown")."""
    text = finder.text[index]
    return (
        finder.lower[index] in common_words()
        and text not in given_names()
        and text not in common_word_surnames()
    )


_FORMAL_NAME_LINKS = frozenset({"of", "for", "the", "and", ","})


def _ends_formal_name(finder: NameFinder, index: int) -> bool:
    """Return whether the token at `index` ends a body's formal name: read back over
    capitalised words and links, an "of" or "for" comes after a head word ("Ministry of
    Health", "Commission for Human Rights")."""
    doc, lower = finder.doc, finder.lower
    k, joined = index, False
    while k >= 0 and index - k < 8 and (doc[k].is_title or lower[k] in _FORMAL_NAME_LINKS):
        if lower[k] in {"of", "for"}:
            joined = True
        elif joined and doc[k].text in ORG_HEADS:
            return True
        k -= 1
    return False


# words that open a role phrase in apposition to a name: articles, possessive determiners and
# the partitive "one (of)" ("his lawyer, Ana Ruiz, said", "One of her aides, Ana Ruiz, said")
_APPOSITION_OPENERS = frozenset(
    {*DETERMINERS, "his", "her", "their", "its", "our", "one", "another"}
)


def _so_called(lower: list[str], index: int) -> bool:
    """Return whether the verb at `index` is the "called" of the adjective "so-called"."""
    return index >= 2 and lower[index] == "called" and lower[index - 2 : index] == ["so", "-"]


def _find_apposed_speakers(finder: NameFinder) -> None:
    """Find the name of "Ana Ruiz, a nurse at the clinic, said" and "A nurse, Ana Ruiz, said".

    A phrase set off by commas just before a reporting verb stands in apposition to the
    subject: when one side opens with a determiner ("a", "the", "his"), the other side, two
    name words or more, is the person who speaks.
    """
    doc, lower = finder.doc, finder.lower
    for verb, word in enumerate(lower):
        if word not in _SPEAKER_VERBS or verb < 4:
            continue
        close = verb - 1
        while close > 0 and verb - close <= 2 and lower[close] in _SPEECH_ADVERBS:
            close -= 1
        if doc[close].text != ",":
            continue
        open_ = close - 1
        while (
            open_ > 0
            and close - open_ <= _MAX_SUBJECT_TOKENS
            and doc[open_].text not in {",", ";", ":", "(", ")"}
            and not doc[open_].is_quote
            and not doc[open_].is_sent_start
            and "\n" not in doc[open_].text
        ):
            open_ -= 1
        if doc[open_].text != "," or close - open_ < 2:
            continue
        inner_start = open_ + 1
        if lower[inner_start] in _APPOSITION_OPENERS and doc[inner_start].is_lower:
            # "Ana Ruiz, a nurse …, said": the name closes the clause before the first comma
            # "Ana Ruiz Jr., a lawyer": a suffix closes the name
            last = open_ - 1 if doc[open_ - 1].text in NAME_SUFFIXES else open_
            start = name_start(doc, last, finder.taken)
            if last - start >= 2 and _opens_clause(doc, start) and _person_like(doc, start, open_):
                finder.person(start, open_)
            continue
        end = name_end(doc, inner_start, finder.taken, finder.soft())
        if end != close or end - inner_start < 2 or not _person_like(doc, inner_start, end):
            continue
        k = open_ - 1
        while k > 0 and not doc[k].is_sent_start and "\n" not in doc[k - 1].text:
            if doc[k].is_quote or doc[k].text in {";", ":"}:
                break
            k -= 1
        # "An adviser to the president, Ana Ruiz, said": the clause opens with a role phrase
        if lower[k] in _APPOSITION_OPENERS and open_ - k <= _MAX_SUBJECT_TOKENS:
            finder.person(inner_start, end)


def _person_like(doc: Doc, start: int, end: int) -> bool:
    """Return whether name words read as a person's: no body or place head, at most one common word.

    "Inter-Services Public Relations, the army's mouthpiece, said" names a body.
    """
    words = [t.text for t in doc[start:end] if t.is_alpha]
    if any(w in ORG_HEADS or w in LOC_HEADS or w in GENERIC_ORG_WORDS for w in words):
        return False
    common = common_words()
    return sum(w.lower() in common for w in words) <= 1


def _opens_clause(doc: Doc, start: int) -> bool:
    """Return whether a name opens its sentence, paragraph or quoted clause."""
    if start == 0 or doc[start].is_sent_start:
        return True
    before = doc[start - 1]
    return before.is_quote or before.text in {",", ";", ":"} or "\n" in before.text


def _find_qualified_subject(finder: NameFinder, verb: int) -> None:
    """Find "Ana Ruiz from the city council told…": a name opening the clause of a reporting verb."""
    doc = finder.doc
    k = verb - 1
    while k > 0 and verb - k <= _MAX_SUBJECT_TOKENS and not doc[k].is_sent_start:
        if doc[k].is_quote or doc[k].text in {";", ":", "(", ")"} or "\n" in doc[k].text:
            break
        k -= 1
    # the clause opens at the sentence or paragraph start, or after a closing quotation mark
    start = k if doc[k].is_sent_start and "\n" not in doc[k].text else k + 1
    end = name_end(doc, start, finder.taken)
    if (
        end - start >= 2
        and end < verb
        and finder.lower[end] in _SUBJECT_QUALIFIERS
        and not any(doc[t].text in ORG_HEADS or doc[t].text in LOC_HEADS for t in range(start, end))
    ):
        finder.person(start, end)


def _find_appositions(finder: NameFinder) -> None:
    """Find "Name, [the] [Qualifier] title" and "Name, who" where Name has at least two words."""
    doc = finder.doc
    commas = [i for i, word in enumerate(finder.text) if word == ","]
    for i in commas:
        if i + 1 < len(doc) and finder.lower[i + 1] == "who":
            start = name_start(doc, i, finder.taken)
            if i - start >= 2:
                finder.person(start, i)
    title_starts = {start: end for start, end in title_spans(finder.lower)}
    for i in commas:
        if i < 2:
            continue
        token = doc[i]
        j = token.i + 1
        if j < len(doc) and doc[j].lower_ in DETERMINERS:
            j += 1
        ent = finder.ent_by_token.get(j)
        qualifier_end = j
        if ent is not None and ent.start == j and ent.label_ in ROLE_LABELS:
            qualifier_end = ent.end
            if qualifier_end < len(doc) and doc[qualifier_end].text in POSSESSIVE:
                qualifier_end += 1
        # capitalised words of an unnamed body may sit before the title: "the Foreign Ministry
        # spokeswoman", "the White House press secretary"
        skip = qualifier_end
        while (
            skip not in title_starts
            and skip < len(doc)
            and skip - qualifier_end < 3
            and doc[skip].is_title
            and finder.lower[skip] not in DETERMINERS
        ):
            skip += 1
        if skip not in title_starts:
            continue
        qualifier_end = skip
        end = token.i
        start = name_start(doc, end, finder.taken)
        if end - start >= 2:
            title_end = title_starts[qualifier_end]
            org, country = (
                org_or_country(ent) if ent is not None and ent.start == j else (None, None)
            )
            after_org, after_country, _ = finder.qualifier_after(title_end)
            role = Role(
                title_text(doc, qualifier_end, title_end),
                org or after_org,
                country or after_country,
                doc[j:title_end].text,
            )
            finder.person(start, end, role)


def _nearest_country(finder: NameFinder, index: int) -> str | None:
    demonyms = country_demonyms(by_country=True)
    for ent in reversed(finder.ents):
        if ent.end <= index and ent.label_ == "GPE" and (ent.kb_id_ or ent.text) in demonyms:
            return ent.kb_id_ or ent.text
    return None


def _find_headed_spans(finder: NameFinder) -> None:
    """Type capitalised runs by their last word: "... Ministry" is ORG, "... Sea" is LOC."""
    doc = finder.doc
    demonyms = country_demonyms(by_country=True)
    headline = headline_tokens(doc)
    common = common_words()
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and capitalised_free(finder, end):
            end += 1
            # "Legislature-Parliament": a hyphen joins two capitalised words into one
            joined = joined_end(doc, end - 1)
            if joined > end and all(capitalised_free(finder, k) for k in range(end + 1, joined, 2)):
                end = joined
            # "People's Liberation Army": a possessive inside a body's name
            if (
                end + 1 < len(doc)
                and doc[end].text in POSSESSIVE
                and capitalised_free(finder, end + 1)
                and end - i >= 1
            ):
                end += 1
            # "Joint Chiefs of Staff", "Ministry of Defence": "of" joins two capitalised parts
            if (
                end + 1 < len(doc)
                and doc[end].lower_ in {"of", "for"}
                and capitalised_free(finder, end + 1)
            ):
                end += 1
            else:
                end += _formal_join(finder, end)
            # "Securities and Exchange Commission", "Food and Drug Administration": "and"
            # joins two capitalised parts when the part after it closes with a body's head
            # and the part before it has none ("Army Command and Navy League" are two)
            if _and_joins_body(finder, i, end):
                end += 1
        if end == i:
            i += 1
            continue
        if any(finder.lower[k] == "of" for k in range(i, end)):
            end = _listed_end(finder, end)
        end = _company_form_end(finder, end)  # "Varda Holdings plc", "Merck & Co. Inc."
        start = i
        # closed-class words open no name, numbers and ordinals may ("First Wave Movement");
        # spaCy's stop list also holds a head word ("front"), which a name may still open
        while (
            start < end
            and doc[start].is_stop
            and not doc[start].like_num
            and doc[start].text not in ORG_HEADS
        ):
            start += 1
        if (
            end - start >= 3
            and finder.lower[start] in TITLE_HEADS
            and finder.lower[start + 1] == "of"
        ):
            i = end  # "Commissioner of Police", "Chief of Army Staff": an office, not a body
            continue
        if (
            start < end
            and start in headline
            and all(finder.lower[k] in common or doc[k].is_stop for k in range(start, end))
        ):
            # "Inflation Forces …", "World News |": on a headline-case line a run of common
            # words is not a name by its capitals; a body the story names is found in its text
            i = end
            continue
        head = doc[end - 1].text
        if head.lower().rstrip(".") in COMPANY_SUFFIXES and end - start >= 2:
            head = "Inc"  # "Acme Holdings plc", "Vostok GmbH": a legal form heads a company
        after = finder.ent_by_token.get(end) if end < len(doc) else None
        # a run cut short by another name is only part of a longer name, unless a person follows
        cut = end < len(doc) and end in finder.taken and not (after and after.label_ == "PERSON")
        inner_head = (
            not cut
            and any(t.text in ORG_HEADS for t in doc[start:end])
            and any(t.lower_ in {"of", "for"} for t in doc[start:end])
        )
        place = _place_after_of(finder, end)
        owned_place = head in LOC_HEADS and any(
            doc[k].text in POSSESSIVE for k in range(start + 1, end - 1)
        )
        if owned_place:
            _add_venue(finder, start, end, demonyms)
        elif (
            (head in ORG_HEADS or head in LOC_HEADS)
            and start == i
            and _claim_after_name(finder, start, end, "ORG" if head in ORG_HEADS else "LOC")
        ):
            pass
        elif (head in ORG_HEADS or inner_head) and place is not None and end - start >= 1:
            # "Bank of England", "Ministry of Defence of Ukraine": the place is part of the name
            last = _second_place(finder, place.end) or place.end
            finder.claim(start, last, "ORG", doc[start:last].text)
        elif (head in ORG_HEADS or inner_head) and end > start:
            if not _claim_with_qualifier(finder, start, end):
                _add_org(finder, start, end, demonyms)
        elif head in LOC_HEADS and end - start >= 2:
            _add_venue(finder, start, end, demonyms)
        i = end


def _add_venue(finder: NameFinder, start: int, end: int, demonyms: dict[str, str]) -> None:
    """Add a place named by its head word ("Barents Sea", "Airport Road").

    An owner inside the run is a name of its own ("X Air Force's Y Air Base": the body owns the
    base), and a place joined by a hyphen before it opens the name of a route ("Dhaka-Mymensingh
    Highway").
    """
    doc = finder.doc
    owned = [k for k in range(start + 1, end - 1) if doc[k].text in POSSESSIVE]
    if owned:
        mark = owned[-1]
        if end - mark - 1 >= 2:
            if doc[mark - 1].text in ORG_HEADS:
                country = finder.ent_by_token.get(start - 1) if start > 0 else None
                first = start
                if country is not None and country.end == start and country.label_ == "GPE":
                    first = country.start  # "Pakistan Air Force's …": the country opens it
                finder.claim(first, mark, "ORG", doc[first:mark].text)
            finder.add(mark + 1, end, "LOC", doc[mark + 1 : end].text)
        return
    first = _route_start(finder, start)
    if first < start:
        finder.claim(first, end, "LOC", doc[first:end].text)
    else:
        finder.add(start, end, "LOC", doc[start:end].text)


def _route_start(finder: NameFinder, start: int) -> int:
    """Return where a route's name opens: at a place joined by a hyphen before `start`
    ("Dhaka-Mymensingh Highway"), else `start`."""
    doc = finder.doc
    before = finder.ent_by_token.get(start - 2) if start >= 2 else None
    if (
        before is not None
        and before.end == start - 1
        and before.label_ == "GPE"
        and doc[start - 1].text in _HYPHEN_TOKENS
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    ):
        return before.start
    return start


def _formal_join(finder: NameFinder, index: int) -> int:
    """Return how many tokens from `index` join a body's head to the rest of its formal name.

    After a head word ("Office", "Commission", "Movement"), "of the" and "for the" go on into
    the name ("Office of the Ombudsman", "Commission for the Protection of …"), and so does
    "of"/"for" before a party adjective or demonym the gazetteer took ("Movement for Democratic
    Change"): a formal name's parts are capitalised words, whatever else they also name. 0 when
    nothing joins.
    """
    doc = finder.doc
    if index < 1 or index + 2 >= len(doc) or doc[index].lower_ not in {"of", "for"}:
        return 0
    if doc[index - 1].text not in ORG_HEADS:
        return 0
    after = doc[index + 1]
    if after.lower_ == "the" and after.is_lower and capitalised_free(finder, index + 2):
        return 2
    adjective = finder.ent_by_token.get(index + 1)
    if (
        adjective is not None
        and adjective.label_ == "NORP"
        and adjective.start == index + 1
        and adjective.end == index + 2
        and capitalised_free(finder, index + 2)
    ):
        return 2
    return 0


def _and_joins_body(finder: NameFinder, start: int, end: int) -> bool:
    """Return whether the "and" at `end` joins the run `start:end` to a body's name after it."""
    doc = finder.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or end - start > 3:
        return False
    if not capitalised_free(finder, end + 1):
        return False
    if doc[end - 1].text in ORG_HEADS or any(
        finder.lower[k] in {"of", "for"} for k in range(start, end)
    ):
        return False
    while start < end and doc[start].is_stop:
        start += 1  # "The Securities and …": the article opens no name
    if start == end or any(doc[k].is_stop for k in range(start, end)):
        return False
    k = end + 1
    while k < len(doc) and k - end <= 3 and capitalised_free(finder, k):
        if doc[k].text in ORG_HEADS:
            return True
        k += 1
    return False


def _second_place(finder: NameFinder, index: int) -> int | None:
    """Return the end of "… of New York and New Jersey": a second place joined by "and"."""
    doc = finder.doc
    if index + 1 >= len(doc) or doc[index].lower_ != "and":
        return None
    ent = finder.ent_by_token.get(index + 1)
    if ent is None or ent.start != index + 1 or ent.label_ != "GPE":
        return None
    if ent.end < len(doc) and doc[ent.end].text in POSSESSIVE:
        return None  # "… of Japan and France's central bank": the second place owns the rest
    return ent.end


def _listed_end(finder: NameFinder, end: int) -> int:
    """Return the end of "Ministry of Culture, Sports and Tourism": a formal name's listed parts."""
    doc, k = finder.doc, end
    common = common_words()
    # the parts are ordinary nouns ("Sports"), not further names ("Bank of England, Barclays and …")
    while k + 1 < len(doc) and capitalised_free(finder, k + 1) and finder.lower[k + 1] in common:
        if finder.text[k] == ",":
            k += 2
        elif finder.lower[k] == "and":
            # "… of Health and Human Services": the last part may have a few ordinary words
            k += 2
            while (
                k < len(doc)
                and k - end < 6
                and capitalised_free(finder, k)
                and finder.lower[k] in common
                and finder.lower[k] not in TITLE_HEADS
            ):
                k += 1
            return k
        else:
            break
    return end


def _claim_after_name(finder: NameFinder, start: int, end: int, label: str) -> bool:
    """Claim "Federal Reserve Board", "Cathay Pacific Airways", "Colleton County Courthouse".

    A name found before a body's or venue's words, with the capitalised words before it, is
    the first part of the longer name. Places before a body's words are left to
    `_claim_with_qualifier` (they name its country: "Nepali Congress").
    """
    doc = finder.doc
    prev = finder.ent_by_token.get(start - 1) if start > 0 else None
    if prev is None or prev.end != start or prev.start in finder.removed:
        return False
    if prev.label_ not in {"ORG", "LOC", "GPE", "FAC"} or (label == "ORG" and prev.label_ == "GPE"):
        return False
    first = prev.start
    if label == "LOC" and prev.label_ == "GPE":
        first = _route_start(finder, prev.start)  # "Dhaka-Mymensingh Highway"
    while (
        first > 0
        and prev.start - first < 2
        and first - 1 not in finder.taken
        and doc[first - 1].is_title
        and not doc[first - 1].is_stop
    ):
        first -= 1
    return finder.claim(first, end, label, doc[first:end].text)


def _claim_with_qualifier(finder: NameFinder, start: int, end: int) -> bool:
    """Claim "Nepali Congress", "Seoul Central District Court": a place or demonym opening a body's name.

    Bodies whose words are all generic ("Defense Ministry") are left to `_add_org`, which names
    them after their country.
    """
    doc = finder.doc
    qualifier = finder.ent_by_token.get(start - 1) if start > 0 else None
    if qualifier is None or qualifier.end != start or qualifier.label_ not in {"NORP", "GPE"}:
        return False
    words = [t.text for t in doc[start:end] if t.lower_ not in {"of", "for"}]
    if all(w in GENERIC_ORG_WORDS for w in words):
        return False
    if (
        qualifier.label_ == "GPE"
        and (qualifier.kb_id_ or qualifier.text) in country_names()
        and _is_abbreviated_country(qualifier)
    ):
        # "the U.S. Securities and Exchange Commission": a country's abbreviation before a
        # body's own name is a modifier; the body and the country are each named. A country
        # written in full opens the name ("Zimbabwe Lawyers for Human Rights", "Sudan
        # People's Liberation Movement")
        finder.add(start, end, "ORG", doc[start:end].text)
        return True
    first = _name_words_before(finder, qualifier) if qualifier.label_ == "NORP" else qualifier.start
    return finder.claim(first, end, "ORG", doc[first:end].text)


def _name_words_before(finder: NameFinder, qualifier: Span) -> int:
    """Return where a body's name opens before the adjective that qualifies it: "National" in
    "National Democratic Front", "United" in "United Democratic Front".

    A demonym or party adjective inside a name cuts the capitalised run in two, so the words
    before it are read back: up to two unclaimed capitalised words that are no closed-class word,
    title (a generic body word such as "National" is not one here) or page furniture; a sentence's first word only when it is a generic body word
    ("National") or no common English word (a capital there is no evidence of a name).
    """
    doc, lower = finder.doc, finder.lower
    first = qualifier.start
    common = common_words()
    while (
        first > 0
        and qualifier.start - first < 2
        and capitalised_free(finder, first - 1)
        and not doc[first - 1].is_stop
        and finder.text[first - 1] not in NOT_NAMES
        and lower[first - 1] not in TITLE_HEADS
        # "Senior Democratic Party official" is a title; "National …" a body's own word
        and (lower[first - 1] not in TITLE_MODIFIERS or finder.text[first - 1] in GENERIC_ORG_WORDS)
    ):
        word = doc[first - 1]
        if word.is_sent_start and word.text not in GENERIC_ORG_WORDS and word.lower_ in common:
            break
        first -= 1
    return first


def _place_after_of(finder: NameFinder, index: int) -> Span | None:
    doc = finder.doc
    if index + 1 >= len(doc) or doc[index].lower_ != "of":
        return None
    ent = finder.ent_by_token.get(index + 1)
    if ent is None or ent.start != index + 1 or ent.label_ not in {"GPE", "LOC"}:
        return None
    return ent


def _add_org(finder: NameFinder, start: int, end: int, demonyms: dict[str, str]) -> None:
    doc = finder.doc
    words = [t.text for t in doc[start:end] if t.lower_ not in {"of", "for"}]
    generic = all(w in GENERIC_ORG_WORDS for w in words)
    qualifier = finder.ent_by_token.get(start - 1)
    if start > 0 and doc[start - 1].text in POSSESSIVE:
        qualifier = finder.ent_by_token.get(start - 2)
    foldable = generic and (len(words) >= 2 or words[0] in _SINGLE_WORD_BODIES)
    if (
        foldable
        and qualifier is not None
        and qualifier.label_ in {"GPE", "NORP"}
        and qualifier.end >= start - 1
    ):
        _, country = org_or_country(qualifier)
        if country and country in demonyms:
            name = _us_spelling(f"{demonyms[country]} {doc[start:end].text}")
            if qualifier.end < start:
                # "Sri Lanka's Parliament": the place stays a place, the body is the country's
                finder.add(start, end, "ORG", name)
                return
            # drop the qualifier span so the whole "Russian Defense Ministry" becomes one ORG
            finder.found = [s for s in finder.found if s.start != qualifier.start]
            finder.ent_by_token = {
                k: v for k, v in finder.ent_by_token.items() if v.start != qualifier.start
            }
            finder.taken.difference_update(range(qualifier.start, qualifier.end))
            finder.removed.add(qualifier.start)
            finder.add(qualifier.start, end, "ORG", name)
            return
    formal = any(t.lower_ == "of" for t in doc[start:end]) and len(words) >= 2
    if not generic or formal:
        # "Ministry of Defense" is the formal name of a body even without its country; a
        # party adjective the gazetteer took inside it is part of it ("Movement for Democratic
        # Change")
        if len(words) >= 2:
            finder.claim(start, end, "ORG", doc[start:end].text)
        return
    owner = doc[start - 1].lower_ if start > 0 else ""
    if len(words) >= 2 and words[-1] in _INSTITUTION_HEADS and owner not in POSSESSIVE:
        # "the Supreme Court", "the State Council": an institution is named by its words
        finder.add(start, end, "ORG", doc[start:end].text)
        return
    if owner in _PRONOUN_OWNERS:
        country = _nearest_country(finder, start)
        if country and country in demonyms and len(words) >= 2:
            finder.add(
                start, end, "ORG", _us_spelling(f"{demonyms[country]} {doc[start:end].text}")
            )


def _us_spelling(name: str) -> str:
    """Return a built ministry name in one spelling, so "Defence" and "Defense" are one entity."""
    return name.replace("Defence", "Defense")


def _find_lowercase_ministries(finder: NameFinder) -> None:
    """Find "China's foreign ministry" / "the Russian defence ministry" as the country's ministry."""
    doc = finder.doc
    demonyms = country_demonyms(by_country=True)
    for ent in finder.ents:
        if ent.label_ not in {"GPE", "NORP"} or ent.start in finder.removed:
            continue
        start = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text in POSSESSIVE else 0)
        end = start
        while end < len(doc) and end - start < 3 and doc[end].is_lower and end not in finder.taken:
            end += 1
            if doc[end - 1].lower_ in _LOWER_ORG_HEADS:
                break
        if end == start or doc[end - 1].lower_ not in _LOWER_ORG_HEADS:
            continue
        if end < len(doc) and doc[end].lower_ == "of":
            continue
        words = doc[start:end]
        if not all(t.text.capitalize() in GENERIC_ORG_WORDS or t.lower_ == "bank" for t in words):
            continue
        _, country = org_or_country(ent)
        if country in demonyms:
            name = _us_spelling(
                f"{demonyms[country]} " + " ".join(t.text.capitalize() for t in words)
            )
            if start > ent.end:
                # "Peru's foreign ministry": the owner is a place named in the text (a place
                # used as a modifier is still a place), the words after it are the body
                finder.add(start, end, "ORG", name)
            else:
                finder.claim(ent.start, end, "ORG", name)


def _find_place_phrases(finder: NameFinder) -> None:
    """Find places named by their context: "the town of X", "X, a city in", "the X region"."""
    doc = finder.doc
    lower = finder.lower
    n = len(doc)
    for i, word in enumerate(lower):
        listed = word in _PLURAL_PLACE_NOUNS or word == "areas"
        if (
            (word in _PLACE_NOUNS or listed)
            and i + 2 < n
            and lower[i + 1] == "of"
            and i > 0
            # "the Kelpani area of the city": no name after "of", so the name is before
            and doc[i + 2].text[:1].isupper()
        ):
            if lower[i - 1] in DETERMINERS or doc[i - 1].is_lower:
                end = _place_name_end(finder, i + 2)
                known = finder.ent_by_token.get(i + 2)
                if end > i + 2 and not (word in _AREA_NOUNS and _all_common(finder, i + 2, end)):
                    finder.add(i + 2, end, "GPE", doc[i + 2 : end].text)
                elif known is not None and known.start == i + 2 and known.label_ in {"GPE", "LOC"}:
                    end = known.end  # the first place is known already
                if listed and end > i + 2:
                    # "the nearby towns of Aldea and Brava", "the provinces of
                    # Daraa, Hama and Homs": every conjunct names a place
                    _add_listed_places(finder, end)
        elif (
            (word in _REGION_NOUNS or (word in _SETTLEMENT_NOUNS and not _noun_follows(doc, i)))
            and i > 0
            and doc[i].is_lower
        ):
            start = i
            place = finder.ent_by_token.get(i - 1)
            if place is not None and place.end == i and place.label_ == "GPE":
                start = place.start  # "the Belgorod region" around the city "Belgorod"
            while start > 0 and i - start < 2 and _is_place_word(finder, start - 1):
                start -= 1
            if word in _AREA_NOUNS and (_noun_follows(doc, i) or _all_common(finder, start, i)):
                continue  # "the Metro area", "the Gaza area police": no place's own name
            if start < i and start > 0 and lower[start - 1] in _BEFORE_REGION:
                # the place is named without its noun: "in Kandahar province" gives Kandahar
                finder.claim(start, i, "GPE", doc[start:i].text)
        elif word == "," and i + 3 < n and lower[i + 1] in {"a", "the"}:
            j = i + 2
            while j < n and j - i <= 4 and doc[j].is_lower and lower[j] not in _PLACE_NOUNS:
                j += 1
            # "X, a city contractor", "X, a state senator": the place noun only modifies the
            # noun after it, and X is no place
            modifier = (
                j + 1 < n
                and doc[j + 1].is_alpha
                and doc[j + 1].is_lower
                and not doc[j + 1].is_stop
                and lower[j + 1] not in _PLACE_NOUNS
            )
            if (
                j < n
                and lower[j] in _PLACE_NOUNS
                and lower[j] not in _REGION_NOUNS
                and not modifier
            ):
                start = i
                while start > 0 and i - start < 3 and _is_place_word(finder, start - 1):
                    start -= 1
                if start < i and not doc[start].is_sent_start:
                    finder.add(start, i, "GPE", doc[start:i].text)


def _all_common(finder: NameFinder, start: int, end: int) -> bool:
    """Return whether every word of `start:end` is a common English word ("Metro", "Health")."""
    common = common_words()
    return all(finder.lower[k] in common for k in range(start, end))


def _add_listed_places(finder: NameFinder, end: int) -> None:
    """Add the places listed after the first one from `end` on: ", B, C and D"."""
    doc, lower = finder.doc, finder.lower
    k = end
    while k < len(doc):
        j = k
        if j < len(doc) and lower[j] == ",":
            j += 1
        if j < len(doc) and lower[j] in {"and", "or"}:
            j += 1
        if j == k or j >= len(doc):
            return
        ent = finder.ent_by_token.get(j)
        if ent is not None and ent.start == j and ent.label_ in {"GPE", "LOC"}:
            k = ent.end  # a place the gazetteer knows is a conjunct too
            continue
        item_end = _place_name_end(finder, j)
        if item_end == j:
            return
        finder.add(j, item_end, "GPE", doc[j:item_end].text)
        k = item_end


def _noun_follows(doc: Doc, index: int) -> bool:
    """Return whether a lower-case content word follows `index` ("village council")."""
    nxt = index + 1
    return nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].is_lower and not doc[nxt].is_stop


def _is_place_word(finder: NameFinder, index: int) -> bool:
    return index not in finder.taken and is_name_token(finder.doc[index])


def _place_name_end(finder: NameFinder, start: int) -> int:
    end = start
    while end < len(finder.doc) and end - start < 3 and _is_place_word(finder, end):
        end += 1
    return end


def _find_compass_regions(finder: NameFinder) -> list[Span]:
    """Return "eastern Ukraine"-style spans that replace the country mention they contain."""
    doc = finder.doc
    regions = []
    places = [
        e for e in finder.ents if e.label_ in {"GPE", "LOC"} and e.start not in finder.removed
    ]
    for ent in places:
        if ent.start == 0:
            continue
        word = doc[ent.start - 1]
        if word.lower_ not in COMPASS_WORDS or word.i in finder.taken:
            continue
        if not _is_country_or_region(ent) and not (word.is_title and not word.is_sent_start):
            # "South Los Angeles" names a part of a city; "northern Jakarta", "southern
            # Kandahar", "eastern Bihar" in lower case only say where in the place: the place
            # itself is named, no region of it
            continue
        name = f"{COMPASS_WORDS[word.lower_]} {ent.kb_id_ or ent.text}"
        regions.append(Span(doc, word.i, ent.end, label="LOC", kb_id=name))
    return regions


def _is_country_or_region(ent: Span) -> bool:
    """Return whether a place is a country or a curated region ("Ukraine", "Europe")."""
    entry = surface_index().get(ent.kb_id_ or ent.text)
    return entry is not None and (entry.label == "LOC" or entry.name in country_names())


def _drop_place_prefixes(doc: Doc) -> None:
    """Drop one-word places followed by another name word ("Porto Alegre", "Jordan Bardella")."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    dropped = set()
    for ent in doc.ents:
        if len(ent) != 1 or ent.label_ not in _PLACE_PREFIX_LABELS or ent.end >= len(doc):
            continue
        nxt = doc[ent.end]
        run_end = ent.end
        while run_end < len(doc) and doc[run_end].is_title and run_end - ent.end < 3:
            run_end += 1
        titled = run_end < len(doc) and (
            doc[run_end].lower_ in TITLE_HEADS or doc[run_end].text in ORG_HEADS
        )
        if (
            not ent.text.isupper()  # "UAE Oil Minister": an acronym opens no name
            and not titled
            and ent.end not in taken
            and is_name_token(nxt)
            and not nxt.is_sent_start
            and nxt.text not in ORG_HEADS
            and nxt.text not in PLACE_ORG_HEADS
            and nxt.text not in LOC_HEADS
            and nxt.lower_ not in TITLE_HEADS
            and nxt.lower_ not in TITLE_MODIFIERS
        ):
            dropped.add(ent.start)
    if dropped:
        doc.ents = [e for e in doc.ents if e.start not in dropped]


def _find_place_lists(finder: NameFinder) -> None:
    """Find "up to Doho, Mina Maideni, Donari and Lawari villages": every listed name is a place."""
    doc, lower = finder.doc, finder.lower
    for i, word in enumerate(lower):
        if word not in _PLURAL_PLACE_NOUNS or i == 0 or not doc[i].is_lower:
            continue
        items: list[tuple[int, int]] = []
        k = i
        while k > 0:
            start = k
            while start > 0 and k - start < 3 and _is_place_word(finder, start - 1):
                start -= 1
            if start == k:
                ent = finder.ent_by_token.get(k - 1)
                if ent is None or ent.end != k or ent.label_ not in {"GPE", "LOC"}:
                    break
                start = ent.start
            items.append((start, k))
            j = start
            if j > 0 and lower[j - 1] in {"and", "or"}:
                j -= 1
            if j > 0 and lower[j - 1] == ",":
                j -= 1
            if j == start:
                break
            k = j
        if len(items) >= 2:
            for start, end in items:
                if word in _AREA_NOUNS and _all_common(finder, start, end):
                    continue  # "the Health and Education areas": fields, not places
                if not doc[start].is_sent_start:
                    finder.add(start, end, "GPE", doc[start:end].text)


def _find_venues(finder: NameFinder) -> None:
    """Find "Queen Elizabeth hospital": a name before a lower-case venue noun names the venue."""
    doc = finder.doc
    for i, word in enumerate(finder.lower):
        if word not in _VENUE_HEADS or i == 0 or not doc[i].is_lower or i in finder.taken:
            continue
        start = i
        while start > 0 and i - start < 4 and _is_place_word(finder, start - 1):
            start -= 1
        if (
            start < i
            and not doc[start].is_sent_start
            and surface_index().get(doc[start:i].text) is None
        ):
            finder.add(start, i + 1, "LOC", doc[start : i + 1].text)


def _find_kin(finder: NameFinder) -> None:
    """Find "his wife Sharon", "Banks' brother Curtis", "X's aunt, Ahdaf Soueif": a relative's name."""
    doc, lower = finder.doc, finder.lower
    for i, word in enumerate(lower):
        if word not in KINSHIP_WORDS or i == 0 or lower[i - 1] not in _KIN_OWNERS:
            continue
        start = i + 1
        if start < len(doc) and doc[start].text == ",":
            start += 1
        end = name_end(doc, start, finder.taken)
        if end > start:
            finder.person(start, end)


def _find_surnamed(finder: NameFinder) -> None:
    """Find "a businessman surnamed Chen", "identified only by his surname Choi": a person's name."""
    doc, lower = finder.doc, finder.lower
    for i, word in enumerate(lower):
        if word not in _SURNAME_CUES or i + 1 >= len(doc):
            continue
        end = name_end(doc, i + 1, finder.taken)
        if end > i + 1:
            finder.person(i + 1, end)


_SURNAME_CUES = frozenset({"surnamed", "surname", "nicknamed"})


def _age_after(doc: Doc, index: int) -> bool:
    """Return whether ", 34," or ", a 25-year-old" follows a name ending before `index`."""
    if index + 2 >= len(doc) or doc[index].text != ",":
        return False
    k = index + 1
    if doc[k].lower_ in {"a", "an"}:
        k += 1
        return (
            k + 2 < len(doc)
            and doc[k].is_digit
            and doc[k + 1].text in {"-", "‑"}
            and doc[k + 2].lower_ == "year"
        )
    return (
        doc[k].is_digit
        and 0 < int(doc[k].text) < 120
        and k + 1 < len(doc)
        and doc[k + 1].text in {",", ")", ";"}
    )


def _find_aged_people(finder: NameFinder) -> None:
    """Find "Liquori Tate, 25," and "Hsieh Chih-hsiung (謝志雄), 33,": a name with an age is a person."""
    doc = finder.doc
    given = given_names()
    for i, word in enumerate(finder.text):
        if word != "," or not _age_after(doc, i):
            continue
        end = i
        if end > 0 and doc[end - 1].text == ")":
            # a gloss in another script between the name and the age: "(謝志雄)"
            open_at = next(
                (k for k in range(end - 2, max(-1, end - 6), -1) if doc[k].text == "("), None
            )
            if open_at is None or any(
                c.isascii() and c.isalpha() for t in doc[open_at:end] for c in t.text
            ):
                continue
            end = open_at
        start = name_start(doc, end, finder.taken)
        if end - start >= 2 or (end - start == 1 and doc[start].text in given):
            finder.person(start, end)


def _find_owned_reporters(finder: NameFinder) -> None:
    """Find "Al Jazeera's Hamdi al-Bakari": a body's person named right after its possessive."""
    doc = finder.doc
    common = common_words()
    for ent in [*finder.ents, *finder.found]:
        if ent.label_ != "ORG" or ent.start in finder.removed or ent.end + 1 >= len(doc):
            continue
        if doc[ent.end].text not in POSSESSIVE:
            continue
        start = ent.end + 1
        end = name_end(doc, start, finder.taken)
        words = [w for w in doc[start:end].text.replace("-", " ").split()]
        if end - start >= 2 and not any(
            w.lower() in common and w.lower() not in NAME_PARTICLES for w in words
        ):
            finder.person(start, end)


def _find_body_appositions(finder: NameFinder) -> None:
    """Find "Seo Nam-soo, from the Ministry of Education": a name set off before its body."""
    doc, lower = finder.doc, finder.lower
    for ent in [*finder.ents, *finder.found]:
        if ent.label_ != "ORG" or ent.start in finder.removed:
            continue
        k = ent.start - (1 if ent.start > 0 and lower[ent.start - 1] == "the" else 0)
        if k < 3 or lower[k - 1] not in {"from", "of"} or lower[k - 2] != ",":
            continue
        end = k - 2
        start = name_start(doc, end, finder.taken)
        if end - start >= 2:
            finder.person(start, end)


def _find_given_name_people(finder: NameFinder) -> None:
    """Find "Firstname Lastname": a known given name and more capitalised name words after it.

    A given name that is also a common English word ("Will", "May", "Mark") counts only away
    from the start of a sentence and before a name word that is not a common word either, so
    "Will Russia…" or "May Day" stay out.
    """
    doc = finder.doc
    given = given_names()
    common = common_words()
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in finder.taken or token.text not in given or not is_name_token(token):
            i += 1
            continue
        end = name_end(doc, i, finder.taken, finder.soft())
        if end == i + 1 and _word_surname(finder, i, common):
            i += 2
            continue
        words = doc[i:end].text.split()
        if len(words) < 2 or (
            end < len(doc) and (doc[end].text in ORG_HEADS or doc[end].text in LOC_HEADS)
        ):
            i = max(end, i + 1)
            continue
        ambiguous = token.lower_ in common
        rest_common = all(w.lower() in common for w in words[1:])
        if ambiguous and (token.is_sent_start or rest_common or _after_boundary(doc, i)):
            i = max(end, i + 1)
            continue
        if any(w.lower() in TITLE_HEADS or w in ORG_HEADS or w in LOC_HEADS for w in words):
            i = max(end, i + 1)
            continue
        if words[-1] in street_words() or _word_not_surname(words[-1], common):
            i = max(end, i + 1)
            continue  # "along York Street", "Victoria Falls": a place, not a person
        finder.person(_first_name_before(finder, i, common), end)
        i = max(end, i + 1)


def _word_not_surname(word: str, common: frozenset[str]) -> bool:
    """Return whether the last word of a given-name run is an English word and no frequent
    surname ("Falls", "Roads", "Fire"; but "Brown", "King" are surnames)."""
    return word.lower() in common and word not in common_word_surnames()


def _word_surname(finder: NameFinder, given: int, common: frozenset[str]) -> bool:
    """Add "Peter May", "Thomas English": a given name that is no common word, then a month name
    or a demonym written as the surname (not a date: no number follows); return whether added."""
    doc = finder.doc
    word = given + 1
    if word >= len(doc) or finder.lower[given] in common or not doc[word].is_title:
        return False
    if word + 1 < len(doc) and (doc[word + 1].like_num or doc[word + 1].text in {"-", "–"}):
        return False  # "Maria March 2020", "Peter May-June"
    ent = finder.ent_by_token.get(word)
    if ent is None and doc[word].text in CAPITALISED_MONTHS and doc[word].text in NOT_NAMES:
        finder.person(given, word + 1)
        return (given, word + 1) in finder.people
    demonym = (
        ent is not None
        and ent.label_ == "NORP"
        and len(ent) == 1
        and ent.start not in finder.removed
    )
    if demonym and finder.claim(given, word + 1, "PERSON", ""):
        finder.people.add((given, word + 1))
        return True
    return False


def _first_name_before(finder: NameFinder, start: int, common: frozenset[str]) -> int:
    """Return where a name opening with a known given name really starts.

    "identified as Saroj Kumar Singh": a first name the list lacks may precede a listed one
    when it is a name word, no common English word, title or head word, and not the first
    word of its sentence.
    """
    doc = finder.doc
    k = start - 1
    if k < 0 or k in finder.taken or doc[start].is_sent_start:
        return start
    token = doc[k]
    if (
        not is_name_token(token)
        or token.is_sent_start
        or not token.is_title
        or token.lower_ in common
        or is_title_word(token.lower_, token.text)  # "General Secretaries Ana Ruiz and …"
        or token.text in ORG_HEADS
        or token.text in LOC_HEADS
        or token.text in HONORIFICS
        or token.text in surface_index()
    ):
        return start
    return k


def _find_qualified_bodies(finder: NameFinder) -> None:
    """Claim "Nepali Congress", "Indian Parliament", "Syrian Red Crescent": a demonym or place
    before a body named by one head word or by common words only (a national branch)."""
    common = common_words()
    for ent in list(finder.ents):
        generic = (len(ent) == 1 and ent.text in ORG_HEADS) or (
            len(ent) >= 2 and all(t.is_alpha and t.lower_ in common for t in ent)
        )
        if ent.label_ == "ORG" and generic and ent.start not in finder.removed:
            qualifier = finder.ent_by_token.get(ent.start - 1) if ent.start > 0 else None
            if (
                qualifier is not None
                and qualifier.end == ent.start
                and qualifier.label_ in {"NORP", "GPE"}
                # "U.S. Federal Reserve": a country's abbreviation before a body's own name of
                # several words is a modifier, as before any formal name (see `_prefix_start`)
                and not (len(ent) >= 2 and _is_abbreviated_country(qualifier))
            ):
                text = finder.doc[qualifier.start : ent.end].text
                if finder.claim(qualifier.start, ent.end, "ORG", text):
                    finder.removed.add(ent.start)


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_ARTICLE_PARTICLES = frozenset({"al", "el", "ad", "an", "as", "ar", "ash", "at", "az"})


def _is_abbreviated_country(ent: Span) -> bool:
    """Return whether a place is a country written as an abbreviation ("U.S.", "UK")."""
    text = ent.text.replace(".", "")
    return len(ent) == 1 and text.isupper() and 2 <= len(text) <= 3 and _is_country_or_region(ent)


def _prefix_start(finder: NameFinder, start: int, end: int, found: bool) -> int:
    """Return where a body's name really starts when words that belong to it precede the span.

    "U.S. District Court" (a country's abbreviation written as part of a federal body's name, for
    a body the rules found: a known body keeps its gazetteer name and the country its place, and
    so does a formal name joining two parts, "U.S. Securities and Exchange Commission"),
    "5th Circuit Court" (an ordinal numbering the body), "al-Nusra Front" (an Arabic article
    joined by a hyphen), "People's Democratic Reform Committee" and "National Employers'
    Organisation" (a capitalised plural owner inside the name).
    """
    doc, lower = finder.doc, finder.lower
    k = start
    if (
        k >= 2
        and doc[k - 1].text in _HYPHEN_TOKENS
        and lower[k - 2] in _ARTICLE_PARTICLES
        and k - 2 not in finder.taken
    ):
        return k - 2  # "al-Nusra Front"
    qualifier = finder.ent_by_token.get(k - 1) if k > 0 else None
    if (
        found
        and "and" not in lower[start:end]
        and qualifier is not None
        and qualifier.end == k
        and _is_abbreviated_country(qualifier)
    ):
        k = qualifier.start
    elif k >= 2 and _plural_owner(finder, k - 2, k - 1):
        k -= 2
        while k > 0 and capitalised_free(finder, k - 1) and not doc[k - 1].is_stop:
            if lower[k - 1] in common_words() or doc[k - 1].is_sent_start:
                k -= 1  # "National Employers' …": capitalised words before the owner
                if doc[k].is_sent_start:
                    break
            else:
                break
    # an ordinal before an acronym numbers a meeting or a term of the body ("the 12th NPC", "the
    # 25th ASEAN summit"), not the body
    acronym = end - start == 1 and doc[start].text.isupper()
    if k > 0 and _ORDINAL.match(doc[k - 1].text) and k - 1 not in finder.taken and not acronym:
        k -= 1
    return k


def _plural_owner(finder: NameFinder, word: int, mark: int) -> bool:
    """Return whether "Employers'" / "People's" is a capitalised plural owner free of any entity."""
    doc = finder.doc
    token = doc[word]
    if word in finder.taken or not token.is_title or not token.is_alpha:
        return False
    if doc[mark].text in {"'", "’"}:
        return token.lower_.endswith("s")
    return doc[mark].text in POSSESSIVE and token.lower_ in _IRREGULAR_PLURALS


def _find_prefixed_bodies(finder: NameFinder) -> None:
    """Widen organisations over the words before them that belong to their name (see
    `_prefix_start`): the qualifier's own span is folded into the body's."""
    found = list(finder.found)
    ents = [e for e in finder.ents if e.start not in finder.removed]
    for span in [*found, *ents]:
        if span.label_ != "ORG" or span.start == 0:
            continue
        start = _prefix_start(finder, span.start, span.end, found=span in found)
        if start < span.start:
            text = finder.doc[start : span.end].text
            finder.claim(start, span.end, "ORG", text)


def _find_bare_acronyms(finder: NameFinder, terms: set[str]) -> None:
    """Mark an acronym the text never expands as an organisation ("the NHS", "DZMM reported").

    An all-caps word of three to six letters counts unless it is a common English word, a listed
    abbreviation of something else (time zones, units, "CEO"), a surname in capitals after a
    given name, or part of a line in capitals.
    """
    doc = finder.doc
    common = common_words()
    given = given_names()
    common_nouns = _counted_acronyms(finder)
    candidates: list[int] = []
    for token in doc:
        text = token.text
        if (
            token.i in finder.taken
            or not (2 <= len(text) <= 6 and text.isalpha() and text.isupper())
            or text.lower() in common
            or text in NOT_ACRONYMS
        ):
            continue
        if text in terms or _defined_as_term(doc, text):
            continue
        if text in common_nouns:
            continue  # "a CBA", "two CBAs": a body's name takes no indefinite article or plural
        if _names_an_index(doc, token.i + 1):
            continue  # "the FTSE 100 index": a market index
        if _is_ticker(doc, token.i):
            continue  # "Acme Corp. (ACM: up $1.20)", "(NYSE: ACM)": a stock symbol
        if len(text) == 2:
            continue  # "DC", "PH", "SA": two capitals are mostly a state or country code
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text in given and before.lower_ not in common:
            continue  # "Photo by Ana RUIZ": a surname in capitals after a given name
        neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
        if any(n.is_alpha and n.is_upper and len(n) > 1 for n in neighbours):
            continue  # a headline or credit line in capitals
        candidates.append(token.i)
    if not candidates:
        return
    expansions = undefined_expansions(
        doc, {finder.text[i] for i in candidates if len(finder.text[i]) >= 3}, _FUNCTION_WORDS
    )
    renamed: dict[str, str] = {}
    for i in candidates:
        known_as = _known_as_body(finder, i)
        if known_as is not None:
            renamed.setdefault(finder.text[i], known_as)
    for i in candidates:
        text = finder.text[i]
        name = text
        if text in renamed:
            name = renamed[text]
        elif text in expansions:
            start, end = expansions[text]
            if any(w in DOCUMENT_HEADS for w in finder.text[start:end]):
                # "... Agreement for ... Partnership" then "the CPTPP": a document, and the
                # places inside its name are no places of the text
                for ent in finder.ents:
                    if start <= ent.start and ent.end <= end and ent.label_ in {"GPE", "LOC"}:
                        finder.removed.add(ent.start)
                continue
            body = finder.ent_by_token.get(end - 1)
            if body is not None and body.label_ == "ORG" and body.end == end:
                name = body.kb_id_ or body.text
                if start < body.start and finder.claim(start, end, "ORG", doc[start:end].text):
                    name = doc[start:end].text  # the spelled-out name is the body's full name
        finder.add(i, i + 1, "ORG", name)


def _find_translated_acronyms(finder: NameFinder, terms: set[str]) -> None:
    """Name "Long Form (ACR)" acronyms whose letters do not spell the body found before them.

    A body is often written in English with the acronym of its own language ("Supreme
    Electoral Tribunal (TSE)", "Doctors Without Borders (MSF)"): an all-caps word in
    parentheses right after a body's name is that body's short form, so it and every later use
    of it name the body instead of an unexpanded acronym of its own.
    """
    doc, texts = finder.doc, finder.text
    defined: dict[str, str] = {}
    for i in range(1, len(texts) - 2):
        if texts[i] != "(" or texts[i + 2] != ")":
            continue
        short = doc[i + 1]
        text = short.text
        if (
            short.i in finder.taken
            or not (2 <= len(text) <= 8 and text.isalpha() and text.isupper())
            or text in NOT_ACRONYMS
            or text in terms
            or text in defined
        ):
            continue
        last = i - 2 if texts[i - 1] in POSSESSIVE else i - 1
        body = finder.ent_by_token.get(last)
        if body is None or body.end != last + 1 or body.label_ != "ORG":
            continue
        if body.start in finder.removed:
            continue
        defined[text] = body.kb_id_ or body.text
    for k, word in enumerate(texts):
        if word in defined and k not in finder.taken:
            finder.add(k, k + 1, "ORG", defined[word])


def _known_as_body(finder: NameFinder, index: int) -> str | None:
    """Return the body an acronym renames in "<Body>, also known as ACR" / "<Body> (known as ACR".

    "known as" introduces another name of the phrase before it, so the acronym is the body's
    alias even when its letters do not spell the English name (a translated body).
    """
    k = index
    if k >= 2 and finder.lower[k - 2] == "known" and finder.lower[k - 1] == "as":
        k -= 2
    else:
        return None
    if k >= 1 and finder.lower[k - 1] in {"also", "commonly", "locally", "widely"}:
        k -= 1
    if k >= 1 and finder.text[k - 1] in {",", "("}:
        k -= 1
    body = finder.ent_by_token.get(k - 1) if k >= 1 else None
    if body is None or body.end != k or body.label_ != "ORG":
        return None
    if body in finder.ents and body.start in finder.removed:
        return None
    return body.kb_id_ or body.text


def _counted_acronyms(finder: NameFinder) -> set[str]:
    """Return the all-caps words a text uses as common nouns: after "a"/"an", or in the plural.

    A proper name of a body is never counted ("a CBA is", "the CBAs"); grammar, not a list.
    """
    counted = set()
    texts = finder.text
    for i, text in enumerate(texts):
        if len(text) < 3 or not text[:2].isupper():
            continue
        # "a CBA is …" counts; "a KRTV reporter" only makes the name a modifier of a noun
        heads = i + 1 >= len(texts) or finder.doc[i + 1].is_punct or finder.doc[i + 1].is_stop
        if i > 0 and finder.lower[i - 1] in {"a", "an"} and heads:
            counted.add(text)
        if text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha():
            counted.add(text[:-1])
    return counted


# exchanges that name a stock symbol after them: "(NYSE: ACM)"
_EXCHANGES = {"NYSE", "Nasdaq", "NASDAQ", "AMEX", "LSE", "TSX", "ASX"}


def _is_ticker(doc: Doc, index: int) -> bool:
    """Return whether the all-caps word at `index` is a stock symbol in parentheses."""
    if index == 0:
        return False
    before, after = doc[index - 1].text, doc[index + 1].text if index + 1 < len(doc) else ""
    if before == "(" and after == ":":
        # "(ACM: up $1.20 …)": a symbol followed by its price move
        k = index + 2
        return k < len(doc) and (doc[k].lower_ in {"up", "down", "unchanged"} or doc[k].like_num)
    return before == ":" and index >= 2 and doc[index - 2].text in _EXCHANGES


def _company_form_end(finder: NameFinder, end: int, capitalised: bool = False) -> int:
    """Return the end of the legal forms written from `end` on ("plc", "& Co. Inc.")."""
    doc, start = finder.doc, end
    common = common_words()
    if (
        end + 1 < len(doc)
        and doc[end].text == "&"
        and doc[end + 1].text.rstrip(".") == "Co"
        and end + 1 not in finder.taken
    ):
        end += 2
    while (
        end < len(doc)
        and end - start < 3
        and end not in finder.taken
        and doc[end].lower_.rstrip(".") in COMPANY_SUFFIXES
        # a legal form in lower case ("plc") only when no English word ("co-wrote", "inc")
        and (
            doc[end].text[:1].isupper()
            or (
                not capitalised and len(doc[end]) >= 3 and doc[end].lower_.rstrip(".") not in common
            )
        )
    ):
        end += 1
    return end


def _find_company_forms(finder: NameFinder) -> None:
    """Extend a known company to the legal form written after it: "Pfizer Inc.", "Merck & Co."."""
    doc = finder.doc
    for ent in finder.ents:
        if ent.label_ != "ORG" or ent.start in finder.removed:
            continue
        end = _company_form_end(finder, ent.end, capitalised=True)
        if end > ent.end:
            finder.claim(ent.start, end, "ORG", doc[ent.start : end].text)


def _is_brand_word(finder: NameFinder, index: int) -> bool:
    """Return whether a free token reads as a word of a brand name: a capital first, letters and
    digits, inner capitals allowed ("CalmSupport", "U4Life", "Rosneft")."""
    text = finder.text[index]
    return (
        index not in finder.taken
        and text[:1].isupper()
        and text.replace("-", "").isalnum()
        and any(c.islower() for c in text)
        and text not in NOT_NAMES
        and not finder.doc[index].is_stop
    )


def _find_suffixed_companies(finder: NameFinder) -> None:
    """Find "CalmSupport LLC", "U4Life Ltd": up to three brand words before a capitalised legal
    form, where word shape alone ("CalmSupport" is no title-case word) left the run unread."""
    doc = finder.doc
    for i in range(1, len(doc)):
        text = finder.text[i]
        if (
            i in finder.taken
            or not text[:1].isupper()
            or text.rstrip(".").lower() not in COMPANY_SUFFIXES
        ):
            continue
        start = i
        while start > 0 and i - start < 3 and _is_brand_word(finder, start - 1):
            start -= 1
        if start < i:
            finder.add(start, i + 1, "ORG", doc[start : i + 1].text)


def _names_an_index(doc: Doc, index: int) -> bool:
    """Return whether the words at `index` make the name before them a market index ("100 index")."""
    if index < len(doc) and doc[index].like_num:
        index += 1
    for k in (index, index + 1):
        if k < len(doc) and doc[k].lower_ in _INDEX_WORDS and doc[k].is_lower:
            return True
        if k >= len(doc) or not doc[k].is_lower:
            break
    return False


def _defined_as_term(doc: Doc, acronym: str) -> bool:
    """Return whether the text defines an acronym as a term, a law or an office, not a body.

    "anti-money laundering (AML)", "ESMA (Essential Services Maintenance Act)", "District
    Police Officer (DPO)".
    """
    text = doc.text
    after = re.search(re.escape(acronym) + r" \(([^()]{3,80})\)", text)
    if after and (after.group(1).split()[-1] in DOCUMENT_HEADS or after.group(1)[:1].islower()):
        return True  # "… Act)", and "CPO (crude palm oil)": a lower-case expansion is a term
    at = text.find(f"({acronym})")
    if at < 0:
        return False
    before = text[max(0, at - 80) : at].split()
    if before and (before[-1] in DOCUMENT_HEADS or before[-1].lower() in TITLE_HEADS):
        return True
    words = re.findall(r"[A-Za-z]+", text[max(0, at - 80) : at])[-len(acronym) - 2 :]
    for first in range(len(words)):
        tail = words[first:]
        if all(w.islower() for w in tail) and "".join(w[0] for w in tail).upper() == acronym:
            return True
    return False


def _after_boundary(doc: Doc, index: int) -> bool:
    """Return whether a token opens a line, a quotation or a clause after a colon."""
    return index > 0 and (
        doc[index - 1].is_quote or doc[index - 1].text in {":", "\n"} or "\n" in doc[index - 1].text
    )


_SUFFIX_COMPASS = frozenset({"North", "South", "East", "West"})


def _with_hyphen_suffixes(doc: Doc, spans: list[Span]) -> list[Span]:
    """Return the spans with an organisation's hyphen-joined suffix taken into its name.

    A body's name may go on after a hyphen with an abbreviation or a compass word ("Zanu-PF",
    "Liberation Army-North"): the hyphen written without spaces joins one word, so the name
    found before it is only part of the name.
    """
    starts = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        end = span.end
        if (
            span.label_ == "ORG"
            and end + 1 < len(doc)
            and doc[end].text in _HYPHEN_TOKENS
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and end + 1 not in starts
            and (
                (doc[end + 1].is_upper and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4)
                or doc[end + 1].text in _SUFFIX_COMPASS
            )
        ):
            text = doc[span.start : end + 2].text
            kb = text if span.kb_id_ in {"", span.text} else span.kb_id_
            span = Span(doc, span.start, end + 2, label="ORG", kb_id=kb)
        out.append(span)
    return out


def find_name_entities(doc: Doc) -> Doc:
    """Add PERSON, ORG, LOC and ship spans found by titles, reporting verbs and word shape."""
    _drop_place_prefixes(doc)
    finder = NameFinder(doc)
    _find_ships(finder)
    terms: set[str] = set()
    _find_acronyms(finder, terms)
    _find_place_lists(finder)
    find_divisions(finder)
    find_prefixed_places(finder)
    find_place_bodies(finder)
    find_companies(finder)
    _find_venues(finder)
    _find_titled_people(finder)
    _find_kin(finder)
    _find_surnamed(finder)
    _find_aged_people(finder)
    _find_owned_reporters(finder)
    _find_appositions(finder)
    _find_speakers(finder)
    _find_apposed_speakers(finder)
    _find_headed_spans(finder)
    _find_company_forms(finder)
    _find_suffixed_companies(finder)
    _find_body_appositions(finder)
    _find_lowercase_ministries(finder)
    _find_place_phrases(finder)
    find_local_places(finder)
    find_addressed_places(finder)
    _find_given_name_people(finder)
    _find_qualified_bodies(finder)
    _find_prefixed_bodies(finder)
    _find_translated_acronyms(finder, terms)
    _find_bare_acronyms(finder, terms)
    find_listed_bodies(finder)
    regions = _find_compass_regions(finder)
    kept = [e for e in doc.ents if e.start not in finder.removed]
    region_starts = {r.start + 1 for r in regions}
    # "southwest China" names China too: the place inside a compass region stays a mention
    doc.user_data[INNER_MENTIONS] = [
        (e.start_char, e.end_char, e.label_, e.kb_id_ or e.text)
        for e in kept
        if e.start in region_starts
    ]
    kept = [e for e in kept if e.start not in region_starts] + regions
    spans = _with_hyphen_suffixes(doc, filter_spans([*kept, *finder.found]))
    # the runs no rule claimed: the learned span model decides which name a body or a place
    spans.extend(learned_spans(doc, spans))
    doc.ents = sorted(spans, key=lambda s: s.start)
    resolve_in_article(doc, finder.roles)
    return doc
