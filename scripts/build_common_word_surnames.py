"""Build nlp/data/names/common_word_surnames.txt: the frequent US surnames that are also common
English words ("Brown", "Young", "King", "Park").

A capitalised run that opens with a given name and ends with a common English word is a person
only when that word is a frequent surname: "Gordon Brown" and "Mary King" are people, "Victoria
Falls", "Hampton Roads" and "Charlotte City" are not.

Source: the US Census Bureau 1990 surname list (public domain), as shipped in the PyPI package
`names` 0.3.0 (MIT) as `dist.all.last` (88,799 surnames ranked by frequency); the surnames of rank
at most MAX_RANK whose lower-case form is in names/common_words.txt (SCOWL via Debian's wamerican).

usage: .venv/bin/python scripts/build_common_word_surnames.py
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path

from newsgate.nlp.lexicon import _lines

OUT = Path(__file__).resolve().parents[1] / "src/newsgate/nlp/data/names/common_word_surnames.txt"
# a surname of rank 2,500 is borne by about 1 in 17,000 Americans; rarer ones that are words
# ("Roads", "Falls", "City") are far more often the word
MAX_RANK = 2500


def build() -> list[str]:
    """Return the frequent Census surnames that are common English words, capitalised, sorted."""
    common = set(_lines("common_words.txt", "names"))
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= MAX_RANK and parts[0].lower() in common:
            found.append(parts[0].capitalize())
    return sorted(found)


def main() -> None:
    surnames = build()
    header = [
        "# newsgate word list: frequent surnames that are also common English words",
        f"# source: US Census Bureau 1990 surname list (public domain) as shipped in the PyPI package "
        f"names {metadata.version('names')} (MIT), rank <= {MAX_RANK}, that are in common_words.txt",
        "# built by scripts/build_common_word_surnames.py; do not edit by hand",
    ]
    OUT.write_text("\n".join([*header, *surnames]) + "\n", encoding="utf-8")
    print(f"common-word surnames: {len(surnames)} -> {OUT}")


if __name__ == "__main__":
    main()
