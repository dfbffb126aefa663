"""Build nlp/data/names/given_names_world.txt: given names of Africa, Asia, the Arab world and
Latin America that the US Census list (names/given_names.txt) lacks.

Source: the first-name lists of every locale of the PyPI package Faker (MIT licence;
faker/providers/person/<locale>/__init__.py: first_names, first_names_male, first_names_female),
among them en_IN, en_PK, en_KE, en_NG, yo_NG, ha_NG, ig_NG, tw_GH, zu_ZA, sw, id_ID, vi_VN, en_TH,
tr_TR, az_AZ, uz_UZ, es_MX, es_AR, es_CO, pt_BR and the European ones. Only names written in the
Latin alphabet are kept (others never match English news), and left out are: names of fewer than
three letters, names that are common English words (names/common_words.txt: "Blessing", "Precious"
would make ordinary capitalised words names), names that are a place, body or demonym of the
gazetteers ("Rosario", "Asuncion"), title and honorific words, and the names the Census list
already has. The name rules read both files as one list (`lexicon.given_names`).

usage: .venv/bin/python scripts/build_world_given_names.py   (needs Faker: pip install faker)
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib import metadata
from pathlib import Path

from newsgate.nlp.gazetteer import derived_entries, surface_index
from newsgate.nlp.lexicon import HONORIFICS, NOT_NAMES, TITLE_HEADS, TITLE_MODIFIERS, _lines

OUT = Path(__file__).resolve().parents[1] / "src/newsgate/nlp/data/names/given_names_world.txt"
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
MIN_LETTERS = 3


def latin_name(name: str) -> bool:
    """Return whether a name is one capitalised word of Latin letters (with accents)."""
    return (
        len(name) >= MIN_LETTERS
        and name.isalpha()
        and name[0].isupper()
        and name[1:].islower()
        and all(ord(c) < 0x250 for c in name)
    )


def faker_first_names() -> dict[str, set[str]]:
    """Return locale -> the Latin-alphabet first names of Faker's person provider for it."""
    import faker.providers.person as person

    out: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        names: set[str] = set()
        for attribute in ATTRIBUTES:
            value = vars(provider).get(attribute)
            if isinstance(value, (dict, tuple, list, set, frozenset)):
                names |= {n for n in value if isinstance(n, str) and latin_name(n)}
        out[module.name] = names
    return out


def build() -> list[str]:
    """Return the sorted world given names the Census list lacks, filtered as the module says."""
    census = set(_lines("given_names.txt", "names"))
    common = set(_lines("common_words.txt", "names"))
    known = set(surface_index()) | {e.name for e in derived_entries()}
    known_folded = {k.lower() for k in known}
    blocked = NOT_NAMES | HONORIFICS
    names: set[str] = set()
    for found in faker_first_names().values():
        names |= found
    return sorted(
        n
        for n in names
        if n not in census
        and n.lower() not in common
        and n.lower() not in known_folded
        and n not in blocked
        and n.lower() not in TITLE_HEADS
        and n.lower() not in TITLE_MODIFIERS
    )


def main() -> None:
    names = build()
    header = [
        "# newsgate word list: given names (first names) of people beyond the US Census list",
        f"# source: Faker {metadata.version('faker')} (MIT), the first-name lists of every locale's "
        "person provider; Latin-alphabet names of 3+ letters, not a common English word, gazetteer "
        "name, title or honorific, nor already in given_names.txt",
        "# built by scripts/build_world_given_names.py; do not edit by hand",
    ]
    OUT.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"world given names: {len(names)} -> {OUT}")


if __name__ == "__main__":
    main()
