"""Classify the quotation errors of a published run against a gold set, and print counts only.

usage: python scripts/quote_errors.py WAREHOUSE GOLD_DIR ARTICLES_DIR [--scorer PATH] [--json OUT]

WAREHOUSE is a warehouse the flow published into (`KEEP=DIR scripts/score_reference.sh …` keeps
one at DIR/warehouse). Gold and predicted quotations are paired exactly as the reference scorer
pairs them (its own `quote_match` and `person_match`, loaded from `--scorer`, default
../shared/tools/score.py; the same greedy order over the published rows). Every gold quotation
then falls in one class:

- matched, speaker right (or the gold names no speaker);
- missed, with why: `headline` (in the article's first line), `boilerplate` (in a gold boilerplate
  line), `multi_paragraph` (it, or the predicted quotation holding it, runs over paragraphs),
  `unclosed` (no closing mark after it), `nested` (inside a longer predicted quotation),
  `single_marks` / `straight_marks` / `guillemets` (its mark kind), else `other`;
- speaker wrong (gold names a person), with why, first that applies: `caption` (the gold speaker
  is named only in boilerplate lines), `according_to`, `subject_after_verb` ('…," said X'),
  `role_noun` ('the minister said'), `pronoun` (he/she said, with the speaker not named in the
  paragraph), `previous_paragraph` / `next_paragraph` (the speaker is named there, not in the
  quotation's paragraph), `org_or_unnamed` (the run gave a description and no person), `none`
  (no person at all), else `wrong_person` / `other`.

Predicted quotations matching no gold quotation are `spurious`, with why: `overlaps_gold` (it
shares words with a gold quotation another prediction took), `headline`, `boilerplate`,
`single_marks`, else `other`. Only counts are printed and written; no page text is kept.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import duckdb
from gold_sets import load_scorer

from newsgate.nlp.lexicon import reporting_verb_forms

_DEFAULT_SCORER = (
    Path(__file__).resolve().parents[1] / ".." / ".." / "shared" / "tools" / "score.py"
)
_VERBS = "|".join(sorted(reporting_verb_forms(), key=len, reverse=True))
_AFTER_VERB = re.compile(r"^[\s,;—–-]*(?:" + _VERBS + r")\s+(?!(?:that|reporters|journalists)\b)")
_ROLE_CUE = re.compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?:[a-z'’-]+\s+){0,3}?(?:" + _VERBS + r")\b"
)
_PRONOUN_CUE = re.compile(r"\b(?:he|she|He|She)\s+(?:\w+\s+)?(?:" + _VERBS + r")\b")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def _locate(body: str, text: str) -> int:
    """Return the offset of a gold quotation's text in `body`, whitespace-tolerant, or -1."""
    at = body.find(text)
    if at >= 0:
        return at
    words = text.split()
    if not words:
        return -1
    pattern = r"\s+".join(re.escape(w) for w in words[:12])
    m = re.search(pattern, body)
    return m.start() if m else -1


def _paragraph(body: str, at: int) -> tuple[int, int]:
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    return start, len(body) if end < 0 else end


def _neighbour(body: str, bounds: tuple[int, int], step: int) -> str:
    """Return the non-blank paragraph before (step -1) or after (step 1) `bounds`."""
    start, end = bounds
    if step < 0:
        cut = body[:start].rstrip("\n")
        return cut[cut.rfind("\n") + 1 :]
    rest = body[end:].lstrip("\n")
    stop = rest.find("\n")
    return rest if stop < 0 else rest[:stop]


def _surname(name: str) -> str:
    parts = re.findall(r"[\w’'-]+", name)
    return parts[-1] if parts else name


def classify_missed(gold_text: str, raw: str, body: str, boilerplate: list[str], predicted) -> str:
    """Return why a gold quotation no predicted quotation matched was missed."""
    at = _locate(raw, gold_text)
    first_line = raw.lstrip().split("\n", 1)[0]
    if at >= 0 and raw.lstrip().startswith(first_line) and gold_text in first_line:
        return "headline"
    if any(gold_text in line for line in boilerplate):
        return "boilerplate"
    if "\n" in gold_text.strip():
        return "multi_paragraph"
    for p in predicted:
        if gold_text in str(p.text) and len(str(p.text)) > len(gold_text):
            # a quotation run over paragraphs whose earlier, unclosed paragraphs were kept
            return "multi_paragraph" if "\n" in str(p.text) else "nested"
    if at < 0:
        return "other"
    before = raw[at - 1] if at > 0 else ""
    after_text = raw[at + len(gold_text) : at + len(gold_text) + 3]
    if not re.match(r"\s*[”\"’'»]", after_text):
        return "unclosed"
    if before in "‘'’":
        return "single_marks"
    if before == '"':
        return "straight_marks"
    if before in "«»":
        return "guillemets"
    return "other"


def classify_speaker(gold, pred, body: str, boilerplate: list[str]) -> str:
    """Return why a matched quotation's predicted speaker is not the gold person."""
    speaker = gold["speaker"]
    surname = _surname(speaker)
    start = int(pred.start_char) if pred.start_char == pred.start_char else -1
    end = int(pred.end_char) if pred.end_char == pred.end_char else -1
    if start < 0 or end > len(body):
        return "other"
    if surname not in body and any(surname in line for line in boilerplate):
        return "caption"
    bounds = _paragraph(body, start)
    para = body[bounds[0] : bounds[1]]
    after = body[end : min(len(body), end + 40)].lstrip("”\"’'»")
    sentence_before = body[bounds[0] : start]
    if _ACCORDING.search(para):
        return "according_to"
    if _AFTER_VERB.match(after):
        return "subject_after_verb"
    named_here = surname in para
    if not named_here and _PRONOUN_CUE.search(para):
        return "pronoun"
    role = _ROLE_CUE.search(after) or _ROLE_CUE.search(sentence_before[-80:])
    if role and not named_here:
        return "role_noun"
    if not named_here:
        if surname in _neighbour(body, bounds, -1):
            return "previous_paragraph"
        if surname in _neighbour(body, bounds, 1):
            return "next_paragraph"
    has_name = isinstance(pred.speaker_name, str) and pred.speaker_name
    if not has_name and isinstance(pred.speaker_description, str) and pred.speaker_description:
        return "org_or_unnamed"
    if not has_name:
        return "none"
    return "wrong_person" if named_here else "other"


def classify_spurious(pred, gold_quotes, raw: str, boilerplate: list[str], scorer) -> str:
    """Return why a predicted quotation matched no gold quotation."""
    text = str(pred.text)
    words = set(scorer.toks(text))
    for g in gold_quotes:
        other = set(scorer.toks(g["text"]))
        if words and other and len(words & other) / len(words) >= 0.5:
            return "overlaps_gold"
    first_line = raw.lstrip().split("\n", 1)[0]
    if text in first_line:
        return "headline"
    if any(text in line for line in boilerplate):
        return "boilerplate"
    at = raw.find(text)
    if at > 0 and raw[at - 1] in "‘'’":
        return "single_marks"
    return "other"


def analyse(warehouse: Path, gold_dir: Path, articles: Path, scorer) -> dict[str, Counter]:
    """Return the counts of every class (see the module docstring) over one gold set."""
    con = duckdb.connect()
    published = warehouse / "published"
    art = con.execute(f"select * from read_parquet('{published / 'article.parquet'}')").fetch_df()
    quotes = con.execute(f"select * from read_parquet('{published / 'quote.parquet'}')").fetch_df()
    art["base"] = art["source_path"].map(lambda p: Path(str(p)).name)
    by_file = {r.base: r for r in art.itertuples()}
    counts = {k: Counter() for k in ("gold", "missed", "speaker_wrong", "spurious")}
    for gold_path in sorted(gold_dir.glob("*.json")):
        if gold_path.name == "duplicates.json":
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw_path = articles / gold["file"]
        raw = raw_path.read_text(encoding="utf-8", errors="replace") if raw_path.exists() else ""
        boilerplate = gold.get("boilerplate_lines", [])
        row = by_file.get(gold["file"])
        gold_quotes = gold.get("quotes", [])
        if row is None:
            counts["missed"]["no_article"] += len(gold_quotes)
            continue
        body = str(row.body)
        predicted = list(quotes[quotes.article_id == row.article_id].itertuples())
        used: set[int] = set()
        for g in gold_quotes:
            counts["gold"]["all"] += 1
            counts["gold"]["named_speaker"] += bool(g.get("speaker"))
            hit = None
            for i, p in enumerate(predicted):
                if i not in used and scorer.quote_match(p.text, g["text"]):
                    used.add(i)
                    hit = p
                    break
            if hit is None:
                counts["missed"][classify_missed(g["text"], raw, body, boilerplate, predicted)] += 1
                continue
            speaker = g.get("speaker")
            if not speaker:
                continue
            name = hit.speaker_name if isinstance(hit.speaker_name, str) else ""
            if name and scorer.person_match(name, speaker):
                counts["gold"]["speaker_right"] += 1
                continue
            counts["speaker_wrong"][classify_speaker(g, hit, body, boilerplate)] += 1
        for i, p in enumerate(predicted):
            if i not in used:
                counts["spurious"][classify_spurious(p, gold_quotes, raw, boilerplate, scorer)] += 1
    return counts


def main() -> int:
    """Print the class counts of one run against one gold set; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.scorer.exists():
        print(f"quote_errors: scorer {args.scorer} not found (--scorer)", file=sys.stderr)
        return 2
    counts = analyse(args.warehouse, args.gold, args.articles, load_scorer(args.scorer))
    for group, counter in counts.items():
        total = sum(counter.values()) if group != "gold" else counter["all"]
        detail = "  ".join(f"{k}={v}" for k, v in counter.most_common())
        print(f"{group:<14} {total:>4}  {detail}")
    if args.json:
        args.json.write_text(json.dumps({k: dict(v) for k, v in counts.items()}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
