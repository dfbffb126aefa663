"""Build src/newsgate/nlp/data/outlets.jsonl: news outlets and agencies from three stated sources.

Sources, merged in this order (an entry that shares a name, short form or domain with an earlier
one is merged into it):
1. scripts/sources/news_agencies.tsv: national and international news agencies, photo agencies,
   public and international broadcasters and major newspapers by country, compiled by hand from
   general reference knowledge (see the file's header).
2. fundus 0.5.7 (PyPI, MIT licence): the publisher collection of the fundus news crawler, one
   `Publisher(name=..., domain=...)` per news site in `fundus/publishers/<country>/__init__.py`
   (about 180 sites in 40 countries). The source is parsed, never imported.
3. PETRARCH2 / Phoenix dictionaries (MIT, ../shared/reference/petrarch2): the actors coded as
   media (`[MED]`) in Phoenix.International.actors.txt.

Each form that is one English word, bare or after "The" (Debian's `wamerican` word list,
/usr/share/dict/words), is listed under `ambiguous`: it is recognised in credit positions only,
never as an entity in running text ("Stern", "Metro", "Dawn", "The Australian").

usage: python scripts/build_outlets.py [--fundus WHEEL_OR_DIR] [--petrarch DIR] [--words FILE]
Without --fundus the wheel is fetched with `pip download --no-deps fundus==0.5.7`.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "scripts" / "sources" / "news_agencies.tsv"
OUT = ROOT / "src" / "newsgate" / "nlp" / "data" / "outlets.jsonl"
FUNDUS = "fundus==0.5.7"
# fundus names its country folders by ISO 3166-1 alpha-2 codes, with three exceptions.
FUNDUS_COUNTRY = {"uk": "GB", "ind": "IN", "isl": "IS"}
_BROADCAST = re.compile(
    r"rundfunk|radio|\btv\b|televis|fernsehen|broadcast|kringkasting|\b(?:bbc|zdf|ard|mdr|ndr|br)\b"
    r"|schau\b",
    re.IGNORECASE,
)
_AGENCY = re.compile(r"agentur|agency|ajans|press association|associated press|reuters", re.I)
_PAPER = re.compile(
    r"zeitung|times|post\b|daily|herald|journal|tribune|gazette|nachrichten|shimbun|ilbo|presse"
    r"|standard|blatt|courier|mirror|express|telegraph|guardian|independent|observer|citizen",
    re.IGNORECASE,
)
_REGION_SUFFIX = re.compile(r"\s*\((?:[A-Z]{2}|EN|DE|FR|ES)\)$")
_PARENTHESISED_SHORT = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()]+)\)$")


def _domain(url: str) -> str:
    host = re.sub(r"^https?://", "", url.strip()).split("/")[0].lower()
    return re.sub(r"^www\d*\.", "", host)


def _read_curated() -> list[dict]:
    rows = []
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, domains, kind, country = line.split("\t")
        rows.append(
            {
                "name": name,
                "aliases": [a for a in aliases.split("|") if a],
                "domains": [d for d in domains.split("|") if d],
                "kind": kind,
                "country": country,
                "source": "curated",
            }
        )
    return rows


def _fundus_files(path: Path | None) -> dict[str, str]:
    """Return {relative path: source} of fundus's publisher modules."""
    if path is None:
        tmp = Path(tempfile.mkdtemp(prefix="fundus-"))
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, FUNDUS],
            check=True,
        )
        path = next(tmp.glob("fundus-*.whl"))
    files: dict[str, str] = {}
    if path.is_file():
        with zipfile.ZipFile(path) as wheel:
            for name in wheel.namelist():
                if re.fullmatch(r"fundus/publishers/[a-z]+/__init__\.py", name):
                    files[name] = wheel.read(name).decode("utf-8")
    else:
        for file in path.glob("fundus/publishers/*/__init__.py"):
            files[str(file.relative_to(path))] = file.read_text(encoding="utf-8")
    return files


def _read_fundus(path: Path | None) -> list[dict]:
    rows = []
    for name, source in sorted(_fundus_files(path).items()):
        folder = name.split("/")[-2]
        if folder == "shared":
            continue
        country = FUNDUS_COUNTRY.get(folder, folder.upper())
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Publisher"):
                continue
            kwargs = {
                k.arg: k.value.value
                for k in node.keywords
                if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
            }
            if "name" not in kwargs or "domain" not in kwargs:
                continue
            title = _REGION_SUFFIX.sub("", kwargs["name"].strip())
            aliases = []
            short = _PARENTHESISED_SHORT.match(title)
            # "Neue Zürcher Zeitung (NZZ)" gives a short form; "Daily News (Tanzania)" does not
            if short and (short.group("short").isupper() or short.group("short").islower()):
                title, aliases = short.group("name"), [short.group("short")]
            elif short:
                title = short.group("name") + " " + short.group("short")
            kind = (
                "agency"
                if _AGENCY.search(title)
                else "broadcaster"
                if _BROADCAST.search(title)
                else "newspaper"
                if _PAPER.search(title)
                else "site"
            )
            rows.append(
                {
                    "name": title,
                    "aliases": aliases,
                    "domains": [_domain(kwargs["domain"])],
                    "kind": kind,
                    "country": country,
                    "source": "fundus",
                }
            )
    return rows


_ARTICLES = {"AL", "EL", "LE", "LA", "DER", "DIE", "DAS"}


def _petrarch_form(token: str, words: set[str]) -> str:
    """Return a PETRARCH actor token in normal case: "NEW_YORK_TIMES" -> "New York Times"."""

    def case(part: str) -> str:
        if part.lower() in words or part in _ARTICLES or len(part) > 3:
            return part.capitalize()
        return part  # a short non-word is an acronym: BBC, AFP, CNN

    text = re.sub(r"^[\w-]+-BASED_(?:BROADCASTER_|NEWSPAPER_|AGENCY_)?", "", token.strip("_+ "))
    return " ".join("-".join(case(p) for p in w.split("-")) for w in text.split("_") if w)


def _read_petrarch(folder: Path, words: set[str]) -> list[dict]:
    """Return the media actors ([MED]) of Phoenix.International.actors.txt with their synonyms."""
    rows: list[dict] = []
    forms: list[str] = []
    for raw in (
        (folder / "Phoenix.International.actors.txt").read_text(errors="replace").split("\n")
    ):
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            forms = []
            continue
        if line.lstrip().startswith("["):
            if line.strip() == "[MED]" and forms:
                name, *aliases = [_petrarch_form(f, words) for f in forms]
                rows.append(
                    {
                        "name": name,
                        "aliases": aliases,
                        "domains": [],
                        "kind": "site",
                        "country": "",
                        "source": "petrarch2",
                    }
                )
            forms = []
        elif "[" not in line:
            forms.append(line.strip().lstrip("+"))
    # The media block also codes a commentator and "DC journalist": people and roles, not outlets.
    return [r for r in rows if not re.search(r"journalist|reporter|greenwald", r["name"], re.I)]


def _forms(row: dict) -> set[str]:
    return {f.casefold() for f in (row["name"], *row["aliases"])}


def _merge(rows: list[dict]) -> list[dict]:
    merged: list[dict] = []
    by_form: dict[str, dict] = {}
    by_domain: dict[str, dict] = {}
    for row in rows:
        target = next((by_form[f] for f in _forms(row) if f in by_form), None)
        target = target or next((by_domain[d] for d in row["domains"] if d in by_domain), None)
        if target is None:
            target = {**row, "aliases": [], "domains": [], "sources": []}
            merged.append(target)
        for alias in (row["name"], *row["aliases"]):
            if alias.casefold() not in _forms(target):
                target["aliases"].append(alias)
        for domain in row["domains"]:
            if domain not in target["domains"]:
                target["domains"].append(domain)
        if row["source"] not in target["sources"]:
            target["sources"].append(row["source"])
        target["country"] = target["country"] or row["country"]
        for form in _forms(target):
            by_form.setdefault(form, target)
        for domain in target["domains"]:
            by_domain.setdefault(domain, target)
    return merged


_DEMONYM = ("an", "ese", "ish", "i")


def _ambiguous(row: dict, words: set[str], proper: set[str]) -> list[str]:
    """Return the forms that are also ordinary words: one dictionary word, bare or after "The"."""
    out = []
    for form in (row["name"], *row["aliases"]):
        tokens = form.split()
        bare = len(tokens) == 1 and not form.isupper() and form.lower() in words
        # "The Australian", "The National": an article and a common or demonym adjective
        the = (
            len(tokens) == 2
            and tokens[0] == "The"
            and (
                tokens[1].lower() in words or (tokens[1] in proper and tokens[1].endswith(_DEMONYM))
            )
        )
        if len(form) < 2 or bare or the:
            out.append(form)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fundus", type=Path, help="fundus wheel or unpacked folder")
    parser.add_argument(
        "--petrarch", type=Path, default=ROOT.parent / "shared" / "reference" / "petrarch2"
    )
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    args = parser.parse_args()
    if not args.words.exists():
        sys.exit(f"{args.words} not found: install Debian's wamerican (apt-get install wamerican)")
    entries = [w for w in args.words.read_text(errors="replace").split() if w.isalpha()]
    words = {w for w in entries if w.islower()}
    proper = {w for w in entries if w[:1].isupper()}
    rows = _merge(
        _read_curated() + _read_fundus(args.fundus) + _read_petrarch(args.petrarch, words)
    )
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            record = {
                "name": row["name"],
                "aliases": row["aliases"],
                "domains": row["domains"],
                "kind": row["kind"],
                "country": row["country"] or None,
                "ambiguous": _ambiguous(row, words, proper),
                "sources": row["sources"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(rows)} outlets -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
