"""Word lists of the rule components, read from the data files in `nlp/data/words/`.

Each file names its source in its header. The module-level constants are frozen sets (or maps)
built once at import; the reporting verbs are the one list that quotes, the name rules and the
statement events share.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(filename: str, folder: str = "words") -> list[str]:
    """Return the entries of a word-list file: its non-blank lines without '#' comments."""
    path = resources.files("newsgate.nlp").joinpath("data", folder, filename)
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            entries.append(line.strip())
    return entries


def words(filename: str) -> frozenset[str]:
    """Return the entries of a one-word-a-line data file as a frozen set."""
    return frozenset(_lines(filename))


TITLE_MODIFIERS = words("title_modifiers.txt")
TITLE_HEADS = words("title_heads.txt")
WEAK_TITLE_HEADS = words("weak_title_heads.txt")
TITLE_COMPLEMENTS = tuple(tuple(line.split()) for line in _lines("title_complements.txt"))
HONORIFICS = words("honorifics.txt")
# honorifics of several words ("Tan Sri", "Lt Col"), longest first, as word tuples
HONORIFIC_RUNS = tuple(
    sorted((tuple(h.split()) for h in HONORIFICS if " " in h), key=len, reverse=True)
)
LEADER_TITLES = words("leader_titles.txt")
NAME_PARTICLES = words("name_particles.txt")
SHIP_PREFIXES = words("ship_prefixes.txt")
# curated heads, and the heads of many PETRARCH2 organisation names (built by a script)
ORG_HEADS = words("org_heads.txt") | words("org_heads_derived.txt")
GENERIC_ORG_WORDS = words("generic_org_words.txt")
LOC_HEADS = words("loc_heads.txt")
COMPASS_WORDS = dict(line.split("\t") for line in _lines("compass_words.txt"))
NOT_NAMES = words("not_names.txt")
COMPANY_SUFFIXES = words("company_suffixes.txt")
NOT_ACRONYMS = words("not_acronyms.txt")
KINSHIP_WORDS = words("kinship_words.txt")
DOCUMENT_HEADS = words("document_heads.txt")
NEWSROOM_WORDS = words("newsroom_words.txt")


@cache
def function_words(word_class: str) -> frozenset[str]:
    """Return the closed-class words of one class ("definite", "indefinite", "preposition")."""
    pairs = (line.split("\t") for line in _lines("function_words.tsv"))
    return frozenset(word for word, cls in pairs if cls == word_class)


@cache
def corporate_words(word_class: str) -> frozenset[str]:
    """Return the business-news words of one class ("share", "market", "owned", "apposition")."""
    pairs = (line.split("\t") for line in _lines("corporate_words.tsv"))
    return frozenset(word for word, cls in pairs if cls == word_class)


@dataclass(frozen=True)
class ReportingVerb:
    """One reporting verb: its forms, whether it frames a quoted fragment, whether it takes an object."""

    base: str
    past: str
    third: str | None
    ing: str
    judgement: bool
    takes_addressee: bool


@cache
def reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Return every reporting verb of `data/words/reporting_verbs.tsv`."""
    rows = [line.split("\t") for line in _lines("reporting_verbs.tsv")]
    return tuple(
        ReportingVerb(
            base, past, None if third == "-" else third, ing, kind == "judgement", a == "yes"
        )
        for base, past, third, ing, kind, a in rows[1:]
    )


@cache
def reporting_verb_forms() -> dict[str, str]:
    """Return every inflected reporting-verb form ("says", "saying", "said") -> its simple past."""
    forms: dict[str, str] = {}
    for verb in reporting_verbs():
        for form in (verb.past, verb.ing, verb.third):
            if form:
                forms[form] = verb.past
    return forms


@cache
def reporting_verb_lemmas() -> frozenset[str]:
    """Return the base forms of the reporting verbs ("say", "tell", …), for lemma matching."""
    return frozenset(verb.base for verb in reporting_verbs())


@cache
def addressee_verbs() -> frozenset[str]:
    """Return the simple pasts whose right-hand phrase is an object, never an inverted subject."""
    return frozenset(verb.past for verb in reporting_verbs() if verb.takes_addressee)


@cache
def given_name_genders() -> dict[str, str]:
    """Return given name -> "f" / "m" for the names one gender bears almost alone ("Mary" -> "f")."""
    pairs = (line.split("\t") for line in _lines("given_name_genders.tsv", "names"))
    return {name: gender for name, gender in pairs}


@cache
def given_names() -> frozenset[str]:
    """Return the given names of `data/names/given_names.txt` ("James", "Ciriaco", "Xi") and of
    `given_names_world.txt` ("Oluwaseun", "Aarav"), as one set."""
    return frozenset(_lines("given_names.txt", "names") + _lines("given_names_world.txt", "names"))


@cache
def common_word_surnames() -> frozenset[str]:
    """Return the frequent surnames that are common English words, of
    `data/names/common_word_surnames.txt` ("Brown", "King")."""
    return frozenset(_lines("common_word_surnames.txt", "names"))


@cache
def street_words() -> frozenset[str]:
    """Return the last words of street names of `data/names/street_words.txt` ("Street", "Road")."""
    return frozenset(_lines("street_words.txt", "names"))


@cache
def common_words() -> frozenset[str]:
    """Return the lower-case English words of `data/names/common_words.txt` ("will", "park")."""
    return frozenset(_lines("common_words.txt", "names"))
