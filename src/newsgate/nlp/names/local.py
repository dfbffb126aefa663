"""Resolution inside one article: surnames to full names, role references to their holders."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgate.nlp.gazetteer import country_names
from newsgate.nlp.lexicon import (
    HONORIFICS,
    LEADER_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    common_words,
    given_names,
    reporting_verb_forms,
)
from newsgate.nlp.names.fold import first_names_compatible, fold, surname
from newsgate.nlp.names.shape import (
    NameFinder,
    acronym_matches,
    before_day_number,
    is_name_token,
    title_spans,
)

# doc.user_data key: (start_char, end_char) of the PERSON spans that are role references
ROLE_MENTIONS = "role_mentions"
# doc.user_data key: (start_char, end_char, label, name) of the places named inside a longer
# span that keeps the tokens ("China" inside the region "southwest China"); mentions of their own
INNER_MENTIONS = "inner_mentions"


def _full_name_map(doc: Doc) -> dict[str, str]:
    """Map the folded surname of each person found to the longest full name seen for it; of
    two spellings as long, the one with diacritics (a name keeps them when any mention has
    them: "Joao" and "João" are João)."""
    full_names: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not ent.kb_id_:
            name = ent.text
            key = surname(ent.text.split())
            seen = full_names.get(key, "")
            if len(name) > len(seen) or (
                len(name) == len(seen) and seen.isascii() and not name.isascii()
            ):
                full_names[key] = name
    # a one-word mention of another part of a full name ("Xi" for Xi Jinping, "Deby" for Mahamat
    # Idriss Deby Itno) names that person when exactly one full name has the part
    owners: dict[str, set[str]] = defaultdict(set)
    for full in full_names.values():
        words = full.split()
        for word in words[:-1]:
            if len(word) > 1 and not word.endswith("."):
                owners[fold(word)].add(full)
    for part, fulls in owners.items():
        own = full_names.get(part)
        if len(fulls) == 1 and (own is None or " " not in own):
            full_names[part] = next(iter(fulls))
    return full_names


def _propagate_person_names(doc: Doc) -> dict[str, str]:
    """Mark every other occurrence of a found person's surname, with kb_id = the full name."""
    full_names = _full_name_map(doc)
    if not full_names:
        return full_names
    _surnames_taken_as_places(doc, full_names)
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    extra = []
    for token in doc:
        if (
            token.i not in taken
            and fold(token.text) in full_names
            and is_name_token(token)
            and not before_day_number(doc, token.i + 1)  # "Jun 6" is a date, whoever is "Park Jun"
        ):
            start = token.i
            while (
                start > 0
                and start - 1 not in taken
                and is_name_token(doc[start - 1])
                and not _title_or_word(doc[start - 1].text)
                and token.i - start < 2
            ):
                start -= 1
            extra.append(Span(doc, start, token.i + 1, label="PERSON"))
    ents = filter_spans([*doc.ents, *extra])
    doc.ents = [
        Span(doc, e.start, e.end, label="PERSON", kb_id=_full_for(e, full_names))
        if e.label_ == "PERSON" and not e.kb_id_
        else e
        for e in sorted(ents, key=lambda s: s.start)
    ]
    return full_names


def _title_or_word(text: str) -> bool:
    """Return whether a capitalised word before a surname is a title, honorific or English word
    that is no given name ("Senator Smith", "Garda Smith", "Cabinet Smith"): not part of a name."""
    lower = text.lower()
    if lower in TITLE_HEADS or lower in TITLE_MODIFIERS or text.rstrip(".") in HONORIFICS:
        return True
    return lower in common_words() and text not in given_names()


def _surnames_taken_as_places(doc: Doc, full_names: dict[str, str]) -> None:
    """Turn a one-word place that is a found person's surname and the subject of a reporting
    verb ("Imbert told legislators" after "Colm Imbert") into that person (returns nothing).

    A place may speak for its government ("Russia said"), so countries stay places.
    """
    verbs = _finite_reporting_verbs()
    countries = country_names()
    changed = False
    ents = []
    for ent in doc.ents:
        key = fold(ent.text)
        if (
            ent.label_ in {"GPE", "LOC"}
            and len(ent) == 1
            and key in full_names
            and " " in full_names[key]
            and ent.end < len(doc)
            and doc[ent.end].lower_ in verbs
            and (ent.kb_id_ or ent.text) not in countries
            and ent.text not in countries
        ):
            ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents


@cache
def _finite_reporting_verbs() -> frozenset[str]:
    return frozenset(f for f in reporting_verb_forms() if not f.endswith("ing"))


def _full_for(ent: Span, full_names: dict[str, str]) -> str:
    full = full_names.get(surname(ent.text.split()), ent.text)
    if len(ent.text.split()) == 1:
        return full
    # a different first name with the same surname is a different person
    own = [fold(w) for w in ent.text.split()]
    suffix = [fold(w) for w in full.split()[-len(own) :]]
    if len(own) > 1 and own != suffix and not first_names_compatible(own[0], full.split()[0]):
        return ent.text
    return full


def _store_roles(doc: Doc, found_roles: dict, full_names: dict[str, str]) -> None:
    roles: dict[str, list[dict]] = defaultdict(list)
    titles: dict[str, set[str]] = defaultdict(set)
    for (start, end), found in found_roles.items():
        name = full_names.get(surname(doc[start:end].text.split()), doc[start:end].text)
        for role in found:
            entry = {
                "title": role.title,
                "org": role.org,
                "country": role.country,
                "text": role.text,
            }
            if entry not in roles[name]:
                roles[name].append(entry)
            titles[name].add(role.title)
            if role.text and role.text != role.title:
                titles[name].add(role.text)
    doc.user_data["person_titles"] = {k: sorted(v) for k, v in titles.items()}
    doc.user_data["person_roles"] = dict(roles)


def _title_key(title: str) -> str:
    words = fold(title).replace("-", " ").replace("undersecretary", "under secretary").split()
    words = [w for w in words if w not in {"former", "the", "a", "an"}]
    return " ".join(words)


def _is_leader(title_key: str) -> bool:
    return title_key.split()[-1] in LEADER_TITLES or title_key.endswith("secretary general")


def _role_matches(role: dict, key: str, org: str | None, country: str | None) -> bool:
    own = _title_key(role["title"])
    same_title = own == key or own.endswith(" " + key) or (_is_leader(own) and _is_leader(key))
    if not same_title:
        return False
    if org and role["org"] and org != role["org"]:
        return False
    if country and role["country"] and country != role["country"]:
        return False
    return bool(org or country) or own == key


def _resolve_role_references(doc: Doc) -> None:
    """Mark the title in "the NATO chief" / "the US undersecretary of state" as its holder."""
    roles = doc.user_data.get("person_roles", {})
    if not roles:
        return
    finder = NameFinder(doc)
    replaced: set[int] = set()
    found = []
    for start, end in title_spans(finder.lower):
        org, country, qual_start = finder.qualifier_before(start)
        if qual_start == 0 or doc[qual_start - 1].lower_ != "the":
            continue
        after_org, after_country, span_end = finder.qualifier_after(end)
        org, country = org or after_org, country or after_country
        if span_end < len(doc) and (is_name_token(doc[span_end]) or doc[span_end].text == ","):
            continue
        if _apposed_person_follows(doc, span_end):
            continue
        key = _title_key(doc[start:end].text)
        holders = [
            n for n, rs in roles.items() if any(_role_matches(r, key, org, country) for r in rs)
        ]
        if len(holders) != 1:
            continue
        # the mention is the title words; "NATO" in "the NATO chief" stays an ORG mention
        overlapping = [e for e in doc.ents if e.start < end and e.end > start]
        if any(e.label_ == "PERSON" for e in overlapping):
            continue
        if any(e.start < qual_start - 1 and e.end >= end for e in overlapping):
            continue  # "the Office of the Governor": the title is a word of a body's name

        replaced.update(e.start for e in overlapping)
        found.append(Span(doc, start, end, label="PERSON", kb_id=holders[0]))
    if found:
        kept = [e for e in doc.ents if e.start not in replaced]
        doc.ents = sorted(filter_spans([*kept, *found]), key=lambda s: s.start)
        kept_ents = {(e.start_char, e.end_char) for e in doc.ents}
        doc.user_data[ROLE_MENTIONS] = sorted(
            (s.start_char, s.end_char) for s in found if (s.start_char, s.end_char) in kept_ents
        )


# tokens a title's complement may run before the comma of an apposed name
_APPOSITION_REACH = 14


def _apposed_person_follows(doc: Doc, index: int) -> bool:
    """Return whether the title phrase going on at token `index` is set off by a comma before a
    person's name ("the general secretary of the Joint Teachers Union (JTU), Ana Ruiz"): the
    apposition names the holder, so the title refers to no one else."""
    for k in range(index, min(len(doc), index + _APPOSITION_REACH)):
        if doc[k].text in {".", ";", ":", "!", "?", '"', "“", "”"} or "\n" in doc[k].text:
            return False
        if doc[k].text == ",":
            return k + 1 < len(doc) and doc[k + 1].ent_type_ == "PERSON"
    return False


# "Ormoc" is "Ormoc City"; but "Kaduna" and "Kaduna State", "Kandahar" and "Kandahar Province"
# are a city and the division named after it, two places
_PLACE_SUFFIXES = frozenset({"City", "Town"})


def _fuller_places(doc: Doc) -> None:
    """Name a place by its fuller form in the same article: "Ormoc" is "Ormoc City"."""
    fuller: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in doc.ents:
        words = (e.kb_id_ or "").split()
        if len(words) < 2:
            continue
        if e.label_ in {"GPE", "LOC"} and words[-1] in _PLACE_SUFFIXES:
            fuller[("place", " ".join(words[:-1]))].add(e.kb_id_)
        elif e.label_ == "ORG":
            # "the Congress" after "the Nepali Congress": the body named in full in the article
            fuller[("ORG", words[-1])].add(e.kb_id_)
    if not fuller:
        return

    def fullest(e: Span) -> str:
        if e.label_ in {"GPE", "LOC"}:
            found = fuller.get(("place", e.kb_id_), set())
        elif (e.label_ == "ORG" and len(e) == 1 and e.text != e.kb_id_) or e.text == e.kb_id_:
            found = fuller.get(("ORG", e.text), set()) - {e.kb_id_}
        else:
            found = set()
        return next(iter(found)) if len(found) == 1 else e.kb_id_

    doc.ents = [
        Span(doc, e.start, e.end, label=e.label_, kb_id=fullest(e)) if e.kb_id_ else e
        for e in doc.ents
    ]


def _fuller_org(name: str, others: set[str]) -> str | None:
    """Return the one longer organisation of the article that `name` shortens, or None.

    "Electoral Commission" and "EC" shorten "Electoral Commission of Ghana"; "Fire Bureau"
    shortens "Taichung City Fire Bureau".
    """
    words = name.split()
    acronym = len(words) == 1 and name.isalpha() and name.isupper() and 2 <= len(name) <= 6
    if len(words) < 2 and not acronym:
        return None
    found = set()
    for other in others:
        if other == name or len(other.split()) < 2:
            continue
        stem = other.split(" of ")[0].split(" for ")[0]
        if acronym:
            if any(acronym_matches(form.split(), name) for form in {other, stem}):
                found.add(other)
        elif other.startswith((name + " of ", name + " for ")) or other.endswith(" " + name):
            found.add(other)
    return found.pop() if len(found) == 1 else None


def _fuller_orgs(doc: Doc) -> None:
    """Name an organisation by the fuller form the same article gives it (one such form only)."""
    names = {e.kb_id_ or e.text for e in doc.ents if e.label_ == "ORG"}
    if len(names) < 2:
        return
    fuller = {n: f for n in names if " " in n and (f := _fuller_org(n, names))}
    # an acronym names the fullest form: "EC" for "Electoral Commission (of Ghana)"
    fullest = {fuller.get(n, n) for n in names}
    for n in names - fuller.keys():
        found = _fuller_org(n, fullest | {n})
        if found and " " not in n:
            fuller[n] = found
    if not fuller:
        return
    doc.ents = [
        Span(doc, e.start, e.end, label="ORG", kb_id=fuller[e.kb_id_ or e.text])
        if e.label_ == "ORG" and (e.kb_id_ or e.text) in fuller
        else e
        for e in doc.ents
    ]


def resolve_in_article(doc: Doc, found_roles: dict) -> None:
    """Give person spans their full in-article name and resolve role references (returns nothing)."""
    _fuller_places(doc)
    _fuller_orgs(doc)
    full_names = _propagate_person_names(doc)
    _store_roles(doc, found_roles, full_names)
    _resolve_role_references(doc)
