"""Build nlp/data/names/given_name_genders.tsv: the given names that mark a person's gender.

Source: the US Census Bureau 1990 first-name lists (public domain), as shipped in the PyPI package
`names` (MIT): `dist.male.first` and `dist.female.first` give each name's share of the men and of
the women counted. A name is written with a gender when that gender holds at least
GENDER_MIN_SHARE of its combined share ("Mary" f, "James" m); names borne by both ("Jordan",
"Jean") are left out, and so are rare names (under GIVEN_MIN_SHARE percent of one sex) and names
at least half as common as a surname (`dist.all.last`): "Li", "Ma", "Jung" open many East Asian
names as surnames, and there they mark no gender. The resolver reads the file so that "she" does not go back to a man named
"Mark Olsen" (a pronoun of the other gender never refers to the person).

usage: .venv/bin/python scripts/build_given_name_genders.py
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path

GENDER_MIN_SHARE = 0.95
GIVEN_MIN_SHARE = 0.005
# the given name's share of the whole population must be this many times its share as a surname
SURNAME_MAX_RATIO = 2.0
OUT = Path(__file__).resolve().parents[1] / "src/newsgate/nlp/data/names/given_name_genders.tsv"


def shares(path: Path) -> dict[str, float]:
    """Return name -> percentage share of one Census first-name list ("MARY 2.629 …")."""
    out: dict[str, float] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def build() -> list[tuple[str, str]]:
    """Return (given name, "f" or "m") for every Census name one gender holds almost alone."""
    census = Path(str(resources.files("names")))
    male = shares(census / "dist.male.first")
    female = shares(census / "dist.female.first")
    last = shares(census / "dist.all.last")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < GIVEN_MIN_SHARE or (m + f) / 2 < SURNAME_MAX_RATIO * last.get(name, 0.0):
            continue
        if f >= GENDER_MIN_SHARE * (m + f):
            rows.append((name, "f"))
        elif m >= GENDER_MIN_SHARE * (m + f):
            rows.append((name, "m"))
    return rows


def main() -> None:
    rows = build()
    header = [
        "# newsgate data: given names that mark a person's gender, tab-separated (name, f or m)",
        "# source: US Census Bureau 1990 first-name lists (public domain), as shipped in the PyPI "
        f"package names {metadata.version('names')} (MIT); a name is listed when one gender holds "
        f"at least {GENDER_MIN_SHARE:.0%} of its combined share, it holds at least {GIVEN_MIN_SHARE}% "
        f"of one sex, and it is at least {SURNAME_MAX_RATIO:g} times as common as a given name "
        "as a surname (dist.all.last)",
        "# built by scripts/build_given_name_genders.py; do not edit by hand",
    ]
    OUT.write_text("\n".join([*header, *(f"{n}\t{g}" for n, g in rows)]) + "\n", encoding="utf-8")
    print(f"given-name genders: {len(rows)} -> {OUT}")


if __name__ == "__main__":
    main()
