"""Count the article stage's outlet and boilerplate errors on gold-annotated page sets, by kind.

usage: python scripts/article_errors.py SET [SET ...] [--files]

Each SET is a directory holding `articles/` and `gold/` (shared/gold/CONVENTIONS.md), or
`ARTICLES_DIR,GOLD_DIR` (the seeds: `../shared/seeds,../shared/gold/seeds`). The pages of a set are
parsed as one run parses them (`newsgate.articles.parse_article` with the set's recurring lines)
and compared with the gold the way the reference scorer compares them (shared/tools/score.py):

- **title, date and dateline misses**, by field: none found where the gold has one, one found
  where the gold has none, or another value;
- **outlet misses**, by the form in which the page credits the gold outlet: an opening bracket
  credit (`(Site) –`, `(Site- Agency)`), a dateline credit (`CITY (Agency) –`), a credit line
  (`Source: X`, a bare name), "Read more on X", a source named in the text ("X reported", "told
  X"), a caption credit, a byline, the site's name above the headline (header) or below the story
  (footer), a domain, or none of these (`unseen`: the text never prints the name); a page whose
  gold has no outlet but the stage names one counts as `spurious`;
- **boilerplate lines kept** (gold boilerplate that the body still holds), by a rough kind read
  from the line's shape and cue words: nav/section label, tag list, share/login prompt,
  newsletter/promo, disclaimer/footer, timestamp, credit, byline/dateline, caption,
  related headline, other;
- **body lines lost** (not gold boilerplate, missing from the body), by the reason and rule of
  the stage that removed them.

Only counts (and, with --files, file names with their kinds) are printed; no page text is
printed or stored, so the figures of a check set can be reported without reading its pages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from build_line_model import norm

from newsgate.articles import common_lines, parse_article

_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\bago\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\b(?:share|tweet|log ?in|sign ?in|sign ?up|register|comments?|reply|e-?mail|whatsapp|"
    r"facebook|twitter|print|copy link|follow)\b",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:newsletter|subscribe|subscription|download|app|podcast|inbox|sign up|premium|"
    r"offer|free trial|watch|listen|live)\b",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"©|\b(?:copyright|rights reserved|disclaimer|views expressed|terms|privacy|cookies?|"
    r"policy|responsible for|opinions)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\b(?:photo|photos|image|credit|source|getty|via|file|afp|ap|reuters|epa|xinhua|"
    r"agency|agencies)\b|/",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|editing by)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def line_kind(line: str) -> str:
    """Return a rough kind of a boilerplate line from its shape and cue words (for counting)."""
    words = re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", line)
    n = len(words)
    if _DISCLAIMER.search(line):
        return "disclaimer/footer"
    if n <= 12 and _SHARE.search(line):
        return "share/login prompt"
    if _PROMO.search(line) and n <= 25 and not _SENTENCE_END.search(line):
        return "newsletter/promo"
    if n <= 10 and _DATE.search(line) and sum(w[0].isdigit() for w in words) >= 1:
        return "timestamp"
    if _BYLINE.search(line):
        return "byline/dateline"
    if n <= 8 and _CREDIT.search(line):
        return "credit"
    if line.count(",") >= 2 and n <= 3 * (line.count(",") + 1) and not _SENTENCE_END.search(line):
        return "tag list"
    if n <= 4:
        return "nav/section label"
    if _SENTENCE_END.search(line) or n > 25:
        return "caption or sentence"
    return "related headline"


_SOURCE = re.compile(
    r"(?:\b(?:reported|reports|said|told|according to|quoted by|cited|citing)\b)", re.IGNORECASE
)


def outlet_form(gold: dict, lines: list[str], title_no: int | None, last_body: int) -> str:
    """Return the form in which the page credits the gold outlet (see the module docstring)."""
    name = norm(gold["outlet"])
    boiler = {norm(b) for b in gold.get("boilerplate_lines", [])}
    forms = []
    for no, line in enumerate(lines):
        low = norm(line)
        if not name or name not in low:
            continue
        short = len(low.split()) <= 8
        if re.search(
            r"read more|more on|continue reading|originally|first (?:appeared|published)", low
        ):
            forms.append("read more on X / first ran in X")
        elif re.search(r"\([^()]*" + re.escape(name) + r"[^()]*\)\s*[-–—:]", low):
            forms.append(
                "opening bracket credit (Site- Agency)"
                if no <= (title_no or 0) + 4 or not re.match(r"^[a-z .'-]+,? ?\(", low)
                else "dateline credit CITY (Agency)"
            )
        elif re.search(r"^\s*(?:by|written by)\b", low):
            forms.append("byline")
        elif title_no is not None and no < title_no:
            forms.append("header site name / domain" if short else "header line")
        elif no > last_body and short:
            forms.append("footer site name / domain / ©")
        elif low in boiler and (len(low.split()) > 8):
            forms.append("caption credit")
        elif low in boiler:
            forms.append("credit line")
        elif _SOURCE.search(low):
            forms.append("X reported / told X")
        else:
            forms.append("named in the body")
    return forms[0] if forms else "unseen (name not printed)"


def field_miss(ours: str | None, gold: str | None) -> str:
    """Return how a title, date or dateline misses: none found, spurious, or another value."""
    if ours is None:
        return "none found (gold has one)"
    if gold is None:
        return "spurious (gold: none)"
    return "another value"


def _dirs(spec: str) -> tuple[str, Path, Path]:
    if "," in spec:
        articles, gold = (Path(p) for p in spec.split(",", 1))
        return articles.name, articles, gold
    return Path(spec).name, Path(spec) / "articles", Path(spec) / "gold"


def analyse(spec: str, show_files: bool) -> dict[str, Counter]:
    """Return the counters of one set: field hits, outlet misses, boilerplate kept, body lost."""
    name, articles, gold_dir = _dirs(spec)
    golds = sorted(g for g in gold_dir.glob("*.json") if g.name != "duplicates.json")
    pages = {}
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pages[gold["file"]] = (gold, (articles / gold["file"]).read_text(errors="replace"))
    common = common_lines([text for _, text in pages.values()])
    out = {k: Counter() for k in ("fields", "outlet", "kept", "lost", "field misses")}
    for file, (gold, text) in pages.items():
        parsed = parse_article(text, common)
        out["fields"]["pages"] += 1
        for key in ("title", "published_date", "dateline"):
            ours = getattr(parsed, key)
            ours = ours.isoformat() if hasattr(ours, "isoformat") else ours
            hit = norm(ours) == norm(gold.get(key))
            out["fields"][key] += hit
            if not hit:
                kind = f"{key}: {field_miss(ours, gold.get(key))}"
                out["field misses"][kind] += 1
                if show_files:
                    print(f"  {name}/{file}: {kind}")
        go = gold.get("outlet")
        credited = {norm(c) for c in parsed.credited}
        hit = (
            (norm(parsed.outlet) == norm(go))
            if go is None
            else (norm(parsed.outlet) == norm(go) or norm(go) in credited)
        )
        out["fields"]["outlet"] += hit
        lines = text.splitlines()
        title_key = norm(gold.get("title"))
        title_no = next(
            (i for i, ln in enumerate(lines) if title_key and norm(ln) == title_key), None
        )
        body_set = {norm(x) for x in parsed.body.splitlines()}
        body_all = norm(parsed.body)
        decided = {ln.line_no: ln for ln in parsed.lines}
        boiler = {norm(b) for b in gold.get("boilerplate_lines", [])}
        last_body = max(
            (i for i, ln in enumerate(lines) if norm(ln) and norm(ln) not in boiler), default=0
        )
        if not hit:
            if go is None:
                kind = "spurious (gold: none)"
            else:
                kind = outlet_form(gold, lines, title_no, last_body)
                kind += " [wrong outlet named]" if parsed.outlet else ""
            out["outlet"][kind] += 1
            if show_files:
                print(f"  {name}/{file}: outlet {kind}")
        for i, line in enumerate(lines):
            n = norm(line)
            if not n or n == title_key:
                continue
            present = n in body_set or (len(n) >= 20 and n in body_all)
            out["fields"]["boilerplate lines" if n in boiler else "body lines"] += 1
            if n in boiler and present:
                kind = line_kind(line.strip())
                out["kept"][kind] += 1
                if show_files:
                    print(f"  {name}/{file}:{i + 1}: kept {kind}")
            elif n not in boiler and not present:
                ours = decided.get(i)
                why = f"{ours.reason}: {_rule(ours.signal)}" if ours and ours.reason else "other"
                why = (
                    f"{ours.kind} line" if ours and not ours.reason and ours.kind != "body" else why
                )
                out["lost"][why] += 1
                if show_files:
                    print(f"  {name}/{file}:{i + 1}: lost {why}")
    return out


def _rule(signal: str | None) -> str:
    # a signal names the rule that fired; numbers (model scores) are dropped so the rules group
    return re.sub(r"\s*\d[\d.]*", "", signal or "")[:70]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--files", action="store_true", help="also list file names and kinds")
    args = parser.parse_args()
    for set_dir in args.sets:
        out = analyse(set_dir, args.files)
        f = out["fields"]
        n = max(f["pages"], 1)
        print(
            f"{_dirs(set_dir)[0]}: {f['pages']} pages | title {f['title'] / n:.3f} outlet "
            f"{f['outlet'] / n:.3f} published_date {f['published_date'] / n:.3f} dateline "
            f"{f['dateline'] / n:.3f}"
        )
        for key, label, of in (
            ("field misses", "title, date and dateline misses", "pages"),
            ("outlet", "outlet misses", "pages"),
            ("kept", "boilerplate lines kept", "boilerplate lines"),
            ("lost", "body lines lost", "body lines"),
        ):
            total = sum(out[key].values())
            print(f"  {label}: {total} of {f[of]}")
            for kind, count in out[key].most_common():
                print(f"    {count:3d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
