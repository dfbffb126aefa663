"""Places below the gazetteer, named by grammar and by the article's own geography.

Three rules, each run over tokens no earlier rule has claimed:

- administrative divisions written with their head word: "Kogi State", "Harrison County",
  "County Clare", "Co Mayo" (the head is part of the name the text gives);
- villages and small towns from `data/names/local_places.tsv` (GeoNames places of 500+ people
  that the gazetteer leaves out), read only with evidence: a place preposition before the name
  ("in", "near", "outside") and one of the place's countries named in the article, or a
  following ", <country or place of that country>" ("Tarkhan, Pakistan");
- nothing else: a bigger list alone would read given names and ordinary words as villages.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span

from newsgate.nlp.gazetteer import country_demonyms, country_forms, derived_entries, surface_index
from newsgate.nlp.lexicon import (
    GENERIC_ORG_WORDS,
    LOC_HEADS,
    NOT_NAMES,
    ORG_HEADS,
    TITLE_HEADS,
    common_words,
    given_names,
    words,
)
from newsgate.nlp.names.shape import NameFinder, is_name_token

# prepositions that put the name after them in a place: "in Tarkhan", "near Kavarna"
PLACE_PREPOSITIONS = words("place_prepositions.txt")
# capitalised heads of administrative divisions written after the name: "Kogi State"
DIVISION_HEADS = words("division_heads.txt")
_COUNTY_PREFIXES = {"County", "Co", "Co."}
_MAX_LOCAL_TOKENS = 5


@cache
def local_places() -> dict[str, frozenset[str]]:
    """Return village or town name -> the canonical names of the countries that have one."""
    path = resources.files("newsgate.nlp").joinpath("data", "names", "local_places.tsv")
    by_code = country_forms(by_code=True)
    places: dict[str, frozenset[str]] = {}
    sets: dict[str, frozenset[str]] = {}  # one set per code list: most places share a few
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        name, _, codes = line.partition("\t")
        countries = sets.get(codes)
        if countries is None:
            countries = frozenset(by_code[c] for c in codes.split(",") if c in by_code)
            sets[codes] = countries
        places[name] = countries
    return places


@cache
def _local_first_words() -> frozenset[str]:
    """Return the first words of the local places, so most tokens are passed over at once."""
    return frozenset(name.partition(" ")[0].partition("-")[0] for name in local_places())


@cache
def _place_countries() -> dict[str, str]:
    """Return gazetteer place name or alias -> canonical country name, where the data gives one."""
    forms = country_forms()
    out: dict[str, str] = {}
    for entry in (*surface_index().values(), *derived_entries()):
        country = forms.get(entry.country or "")
        if country and entry.label in {"GPE", "LOC"}:
            for form in (entry.name, *entry.aliases):
                out.setdefault(form, country)
    return out


def article_countries(finder: NameFinder) -> frozenset[str]:
    """Return the countries the article names: as countries, by demonym, or by their places."""
    forms = country_forms()
    demonyms = country_demonyms()
    places = _place_countries()
    found = set()
    for ent in finder.ents:
        name = ent.kb_id_ or ent.text
        if ent.label_ == "NORP":
            country = forms.get(demonyms.get(name, "") or demonyms.get(ent.text, ""))
        elif ent.label_ in {"GPE", "LOC"}:
            country = forms.get(name) or places.get(name) or places.get(ent.text)
        else:
            country = None
        if country:
            found.add(country)
    return frozenset(found)


def find_divisions(finder: NameFinder) -> None:
    """Claim "Kogi State", "Harrison County", "County Clare", "Co Mayo" as places."""
    doc = finder.doc
    n = len(doc)
    for i in range(1, n):
        head = doc[i].text
        if head in DIVISION_HEADS and i not in finder.taken:
            start = _division_name_start(finder, i)
            if start is not None and not _followed_by_name(finder, i + 1):
                finder.claim(start, i + 1, "GPE", doc[start : i + 1].text)
    for i in range(n - 1):
        if doc[i].text not in _COUNTY_PREFIXES or i in finder.taken:
            continue
        if i > 0 and (doc[i - 1].text == "&" or doc[i - 1].is_title):
            continue  # "Merck & Co", "Acme Co": a company's legal form, not a county
        end = i + 1
        while end < n and end - i <= 2 and _free_name_word(finder, end):
            end += 1
        if end == i + 1 or (_followed_by_name(finder, end) and doc[end].text in ORG_HEADS):
            continue
        if any(doc[k].text in ORG_HEADS or doc[k].lower_ in TITLE_HEADS for k in range(i + 1, end)):
            continue  # "County Council", "County Commissioner": a body or an office
        finder.claim(i, end, "GPE", "County " + doc[i + 1 : end].text)


@cache
def _place_prefixes() -> dict[tuple[str, str], str]:
    """Return (generic word, form) -> label from `data/words/place_prefixes.tsv`."""
    path = resources.files("newsgate.nlp").joinpath("data", "words", "place_prefixes.tsv")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, form, label = line.split("\t")
            out[(word, form)] = label
    return out


def find_prefixed_places(finder: NameFinder) -> None:
    """Claim "Port Hawkesbury", "Mount Kenya", "Lake Chad", "Port of Long Beach", "Gulf of
    California": a geographic generic written before a name makes one place with it, and a place
    inside it ("Chad", "Long Beach") is no place of its own.

    The name is one to three capitalised words, free or a place already found; a run going on
    into a body's or a place's head ("Mount Sinai Hospital", "Lake Chad Basin Commission") or an
    office ("Port Authority") is left to the other rules.
    """
    doc = finder.doc
    n = len(doc)
    prefixes = _place_prefixes()
    for i in range(n - 1):
        word = doc[i].text
        claimed = finder.ent_by_token.get(i)
        if i in finder.taken and (claimed is None or claimed.label_ not in {"GPE", "LOC"}):
            continue
        start = i + 1
        label = prefixes.get((word, "name"))
        if doc[start].lower_ == "of" and (word, "of") in prefixes:
            label, start = prefixes[(word, "of")], start + 1
        if label is None or start >= n:
            continue
        end = _prefixed_name_end(finder, start)
        if end == start:
            continue
        if end < n and (_followed_by_name(finder, end) or doc[end].text in LOC_HEADS):
            continue
        if any(doc[k].text in ORG_HEADS or doc[k].lower_ in TITLE_HEADS for k in range(i, end)):
            continue
        finder.claim(i, end, label, doc[i:end].text)


def _prefixed_name_end(finder: NameFinder, start: int) -> int:
    """Return the end of the name after a geographic generic (`start` when there is none)."""
    doc = finder.doc
    end = start
    while end < len(doc) and end - start < 3:
        ent = finder.ent_by_token.get(end)
        if ent is not None:
            if ent.start != end or ent.label_ not in {"GPE", "LOC"}:
                break
            end = ent.end  # "Lake Chad": a place already found is the name
            continue
        if _free_name_word(finder, end) and doc[end].text not in LOC_HEADS:
            end += 1
        elif (
            doc[end].text == "-"
            and end + 1 < len(doc)
            and not doc[end].whitespace_
            and not doc[end - 1].whitespace_
            and end > start
        ):
            end += 1  # "Newark-Elizabeth"
        else:
            break
    if end > start and doc[end - 1].text == "-":
        end -= 1
    return end


def _division_name_start(finder: NameFinder, head: int) -> int | None:
    """Return where the name before a division head starts, or None when there is no name."""
    doc = finder.doc
    ent = finder.ent_by_token.get(head - 1)
    if ent is not None:
        if ent.end == head and ent.label_ in {"GPE", "LOC"} and ent.start not in finder.removed:
            return ent.start  # "Kogi" found as a place: "Kogi State"
        return None
    start = head
    while start > 0 and head - start < 2 and _free_name_word(finder, start - 1):
        start -= 1
    if start == head:
        return None
    # the name must be a name: a word that is not an ordinary English word ("Central District",
    # "Electoral District" name no division by their words alone)
    words = [doc[k] for k in range(start, head)]
    if all(t.lower_ in common_words() for t in words):
        return None
    if any(t.text in GENERIC_ORG_WORDS or t.text in ORG_HEADS for t in words):
        return None
    if doc[start].is_sent_start and len(words) == 1 and doc[start].text in given_names():
        return None
    return start


def _free_name_word(finder: NameFinder, index: int) -> bool:
    token = finder.doc[index]
    return (
        index not in finder.taken
        and is_name_token(token)
        and token.text not in NOT_NAMES
        and token.lower_ not in TITLE_HEADS
    )


def _followed_by_name(finder: NameFinder, index: int) -> bool:
    """Return whether a capitalised word follows: "Kogi State Government" is a longer name."""
    doc = finder.doc
    return index < len(doc) and doc[index].is_title and doc[index].is_alpha


def find_local_places(finder: NameFinder) -> None:
    """Claim villages and towns of `local_places()` where the sentence or article says so."""
    doc = finder.doc
    places = local_places()
    first_words = _local_first_words()
    countries: frozenset[str] | None = None
    n = len(doc)
    for i in range(n):
        if doc[i].text not in first_words or i in finder.taken:
            continue
        for end in range(min(n, i + _MAX_LOCAL_TOKENS), i, -1):
            span = doc[i:end]
            if not doc[end - 1].is_alpha or any(k in finder.taken for k in range(i, end)):
                continue
            place_countries = places.get(span.text)
            if place_countries is None:
                continue
            if _followed_by_name(finder, end) or doc[end - 1].text in LOC_HEADS:
                break  # "Tarkhan Textiles": the place opens a longer name
            if countries is None:
                countries = article_countries(finder)
            if _placed(finder, span, place_countries, countries):
                finder.add(i, end, "GPE", span.text)
            break


def _placed(
    finder: NameFinder, span: Span, place_countries: frozenset[str], countries: frozenset[str]
) -> bool:
    """Return whether the text puts `span` in a place of one of its countries."""
    doc = finder.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = finder.ent_by_token.get(span.end + 1)
        if after is not None and after.start == span.end + 1 and after.label_ in {"GPE", "LOC"}:
            forms = country_forms()
            name = after.kb_id_ or after.text
            country = forms.get(name) or _place_countries().get(name)
            return country in place_countries
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in PLACE_PREPOSITIONS and bool(place_countries & countries)


# prepositions that put an unlisted name in a place; "at" and "from" also take bodies ("at Acme")
_ADDRESS_PREPOSITIONS = frozenset({"in", "near", "outside"})


def find_addressed_places(finder: NameFinder) -> None:
    """Claim "in Tolland, Ohio" and "near Tolland in Ohio": a name put in a known place is a place.

    Naming a place by the larger place it lies in is how English writes an address; the rule
    needs no list, so it reads towns no gazetteer has. The name must follow "in", "near" or
    "outside" and be one to three name words that are no body, office or person, nor a village
    of `local_places()` put in a country it is not in.
    """
    doc = finder.doc
    n = len(doc)
    given = given_names()
    local = local_places()
    for i in range(1, n - 2):
        if finder.lower[i - 1] not in _ADDRESS_PREPOSITIONS or doc[i].is_sent_start:
            continue
        end = i
        while end < n and end - i < 3 and _free_name_word(finder, end):
            end += 1
        if end == i or end + 1 >= n:
            continue
        words = [doc[k].text for k in range(i, end)]
        if any(w in ORG_HEADS or w in LOC_HEADS or w in GENERIC_ORG_WORDS for w in words):
            continue
        if len(words) >= 2 and words[0] in given:
            continue  # "in Ana Lima, Brazil's …": a person's name
        link = doc[end].text
        if link not in {",", "in"}:
            continue
        after = finder.ent_by_token.get(end + 1)
        if after is None or after.start != end + 1 or after.label_ != "GPE":
            continue
        if after in finder.ents and after.start in finder.removed:
            continue
        if after.end < n and doc[after.end].text in {"'s", "’s"}:
            continue
        villages = local.get(doc[i:end].text)
        if villages is not None:
            # a known village put in another country is not that village ("X, Chile" for a
            # Kenyan X); round 5's evidence rule reads it where the countries agree
            place = after.kb_id_ or after.text
            country = country_forms().get(place) or _place_countries().get(place)
            if country is not None and country not in villages:
                continue
        finder.add(i, end, "GPE", doc[i:end].text)
