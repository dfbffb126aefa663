"""Why gold events have no matching candidate: a table of counts per read set.

usage: python scripts/event_misses.py SET_DIR [SET_DIR ...] [--scorer ../shared/tools/score.py]
       [--verbose]

Each SET_DIR holds `articles/` and `gold/` (a read set such as ../shared/dev). Every article is
parsed as the article stage parses it and run through the NLP pipeline; its candidate events
(`newsgate.nlp.events.find_candidates`: the rules' events and the ones a rule drops) are matched
against its gold events with the reference scorer's own `_event_ok` (type family, one actor name
when the gold lists actors, the gold date when the gold has one). A gold event no candidate
matches is put in the first class that fits, judged on the sentence whose words best overlap the
gold summary and actors:

  no_trigger     the sentence has no candidate at all
  wrong_family   the sentence has candidates, none of the gold type's family
  no_actor       a candidate of the family is there, with no actor names
  wrong_actor    a candidate of the family is there, its actors are not the gold actors
  no_date        family and actor fit; the candidate has no date, the gold one does
  wrong_date     family and actor fit; the candidate's date is another one

The rules' events no gold event takes (the scorer's false positives, before the merge) are
classed too, in the first class that fits:

  spurious_duplicate   it fits a gold event another of the rules' events already took
  spurious_date        a gold event of its family fits its actor, not its date
  spurious_actor       a gold event of its family fits, not by actor
  spurious_type        a gold event of another family names one of its actors
  spurious_not_gold    nothing in the gold is near it (no gold event of its family)

`found_rules` counts gold events one of the rules' events (no rule drops it) matches, `found_wide`
those only a dropped candidate matches; `rules_matched` counts the rules' events matched one to
one as the scorer matches published events (before the cross-article merge), so its difference
to the published recall is what the merge loses or gains. Only counts are printed; with --verbose each miss is
printed with its sentence for reading on the terminal (never run it on a score-only set). Nothing
is written to disk.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from gold_sets import ScorerEvent, load_scorer

from newsgate.articles import parse_article
from newsgate.nlp.events import FUNCTION_WORDS, find_candidates
from newsgate.nlp.pipeline import load_pipeline, make_doc

CLASSES = (
    "found_rules",
    "found_wide",
    "no_trigger",
    "wrong_family",
    "no_actor",
    "wrong_actor",
    "no_date",
    "wrong_date",
)
SPURIOUS = (
    "spurious_duplicate",
    "spurious_date",
    "spurious_actor",
    "spurious_type",
    "spurious_not_gold",
)


def _stems(text: str) -> set[str]:
    """Return the five-letter stems of the content words of `text` (inflection-blind)."""
    return {
        w[:5]
        for w in re.findall(r"[a-z0-9]+", text.lower())
        if w not in FUNCTION_WORDS and len(w) > 2
    }


def _best_sentence(sents: list[tuple[int, int, str]], gold: dict) -> int:
    """Return the index of the sentence sharing most stems with the gold summary and actors."""
    want = _stems(gold.get("summary", "")) | _stems(" ".join(gold.get("actors") or []))
    best, best_score = 0, -1.0
    for i, (_, _, text) in enumerate(sents):
        have = _stems(text)
        score = len(want & have) - 0.01 * i
        if score > best_score:
            best, best_score = i, score
    return best


def classify(gold: dict, cands: list[dict], sentence: int, scorer) -> str:
    """Return the class (one of CLASSES) of one gold event among an article's candidates."""
    ok = [e for e in cands if scorer._event_ok(ScorerEvent(e), gold)]
    if ok:
        return "found_rules" if any(not e["dropped"] for e in ok) else "found_wide"
    here = [e for e in cands if e["sentence_index"] == sentence]
    if not here:
        return "no_trigger"
    fam = [e for e in here if scorer.same_family(e["event_type"], gold["type"])]
    if not fam:
        return "wrong_family"
    # the actor test alone: the gold date is taken as the candidate's
    actor_ok = [
        e for e in fam if scorer._event_ok(ScorerEvent(e, event_date=gold.get("date")), gold)
    ]
    if not actor_ok:
        return "no_actor" if all(not e["actor_names"] for e in fam) else "wrong_actor"
    return "no_date" if all(e["event_date"] is None for e in actor_ok) else "wrong_date"


def classify_spurious(event: dict, golds: list[dict], taken: set[int], scorer) -> str:
    """Return the class (one of SPURIOUS) of one of the rules' events no gold event took."""
    if any(scorer._event_ok(ScorerEvent(event), ge) for k, ge in enumerate(golds) if k in taken):
        return "spurious_duplicate"
    family = [ge for ge in golds if scorer.same_family(event["event_type"], ge["type"])]
    if any(scorer._event_ok(ScorerEvent(event, event_date=ge.get("date")), ge) for ge in family):
        return "spurious_date"
    if family:
        return "spurious_actor"
    other = [
        ge
        for ge in golds
        if scorer._event_ok(
            ScorerEvent(event, event_type=ge["type"], event_date=ge.get("date")), ge
        )
    ]
    return "spurious_type" if other else "spurious_not_gold"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--scorer", type=Path, default=Path("../shared/tools/score.py"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    nlp = load_pipeline(None)
    table: dict[str, Counter] = {}
    by_type: Counter = Counter()
    spurious_by_type: Counter = Counter()
    dropping: Counter = Counter()
    for set_dir in args.sets:
        name = set_dir.name if set_dir.name not in (".", "") else str(set_dir)
        counts = table.setdefault(name, Counter())
        for gold_path in sorted((set_dir / "gold").glob("*.json")):
            if gold_path.name == "duplicates.json":
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = (set_dir / "articles" / gold["file"]).read_text(errors="replace")
            parsed = parse_article(text)
            doc = nlp(make_doc(nlp, parsed.body, parsed.published_date))
            cands = find_candidates(doc)
            sents = [(s.start_char, s.end_char, s.text) for s in doc.sents]
            counts["candidates"] += len(cands)
            counts["rules_events"] += sum(not e["dropped"] for e in cands)
            # the rules' events matched one to one, first fit first, as the scorer matches the
            # published events (the cross-article merge can only join or drop from these)
            used: set[int] = set()
            taken: set[int] = set()
            rules = [e for e in cands if not e["dropped"]]
            golds = gold.get("events", [])
            for k, ge in enumerate(golds):
                for i, e in enumerate(rules):
                    if i not in used and scorer._event_ok(ScorerEvent(e), ge):
                        used.add(i)
                        taken.add(k)
                        break
            counts["rules_matched"] += len(used)
            for i, e in enumerate(rules):
                if i not in used:
                    kind = classify_spurious(e, golds, taken, scorer)
                    counts[kind] += 1
                    spurious_by_type[(e["event_type"], kind)] += 1
                    if args.verbose:
                        print(
                            f"\n[{name}/{gold['file']}] {kind}: {e['event_type']} "
                            f"{e['trigger']!r} {e['actor_names']} {e['event_date']}"
                        )
            for ge in gold.get("events", []):
                at = _best_sentence(sents, ge) if sents else 0
                kind = classify(ge, cands, at, scorer)
                counts[kind] += 1
                counts["gold"] += 1
                by_type[(ge["type"], kind)] += 1
                if kind == "found_wide":
                    # the rules that drop the candidates matching it
                    rules = {e["dropped"] for e in cands if scorer._event_ok(ScorerEvent(e), ge)}
                    dropping.update(sorted(rules))
                if args.verbose and kind != "found_rules":
                    print(
                        f"\n[{name}/{gold['file']}] {kind}: {ge['type']} {ge.get('actors')} "
                        f"{ge.get('date')} | {ge.get('summary')}"
                    )
                    print(f"   S: {sents[at][2] if sents else ''}")
                    for e in cands:
                        if e["sentence_index"] == at:
                            print(
                                f"   - {e['event_type']} {e['trigger']!r} {e['actor_names']} "
                                f"{e['event_date']} {e['dropped'] or 'kept'}"
                            )
    names = list(table)
    rows = ["gold", "candidates", "rules_events", "rules_matched", *CLASSES, *SPURIOUS]
    print(f"\n{'class':14s}" + "".join(f"{n:>10s}" for n in names) + f"{'all':>10s}")
    for row in rows:
        values = [table[n][row] for n in names]
        print(f"{row:14s}" + "".join(f"{v:10d}" for v in values) + f"{sum(values):10d}")
    gold_all = sum(table[n]["gold"] for n in names)
    found = sum(table[n][k] for n in names for k in ("found_rules", "found_wide"))
    print(f"covered by some candidate: {found}/{gold_all} = {found / max(1, gold_all):.3f}")
    print(
        "rules dropping the only matching candidates: "
        + ", ".join(f"{rule} {n}" for rule, n in dropping.most_common())
    )
    types = sorted({t for t, _ in by_type})
    print(f"\n{'gold type':16s}" + "".join(f"{c[:11]:>12s}" for c in CLASSES))
    for t in types:
        print(f"{t:16s}" + "".join(f"{by_type[(t, c)]:12d}" for c in CLASSES))
    print(f"\n{'rules type':22s}" + "".join(f"{c[9:]:>10s}" for c in SPURIOUS))
    for t in sorted({t for t, _ in spurious_by_type}):
        print(f"{t:22s}" + "".join(f"{spurious_by_type[(t, c)]:10d}" for c in SPURIOUS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
