"""Count missed and spurious entities by kind and by cause, with the reference scorer's matching.

usage: .venv/bin/python scripts/entity_errors.py WAREHOUSE GOLD_DIR ARTICLES_DIR [--scorer PATH] [--names]

WAREHOUSE is a published warehouse of a run over ARTICLES_DIR (``KEEP=DIR
scripts/score_reference.sh ARTICLES GOLD`` leaves one in ``DIR/warehouse``). The gold and
prediction lists are matched exactly as the reference scorer does (its ``name_match`` is
imported from ``--scorer``, default ``../shared/tools/score.py``), and the script checks that its
true-positive counts equal the scorer's. Each unmatched gold name (missed) and each unmatched
predicted entity (spurious) then gets one cause class, the first that applies:

missed
  wrong_label      a prediction of another kind matches the gold name
  wrong_extent     an unmatched prediction of the same kind shares a word with it
  alias_canonical  the gold name is not written in the page at all (an acronym, a mapping,
                   a title plus surname, another spelling): the form in the text was not tied to it
  title_only       written in the headline (article.title) but not in the published body
  credit_line      written in the page, but not in the published body (credit, caption, byline)
  lower_case       written in the body only in lower case
  no_run           written in the body as a capitalised run that nothing picked up
spurious
  <kind>_as_<kind> it matches a gold name of another kind (person_as_org: a gold person
                   predicted as an organisation)
  duplicate        it matches or shares a word with a gold name that another prediction matched
  wrong_extent     it shares a word with an unmatched gold name of its kind
  credit_line      it has no body mention (credit, caption, byline, section word)
  common_noun      every word is a common English word (sentence-initial or headline capitals)
  person_shape     (ORG/place) it opens with a given name
  acronym          one all-capital word
  other

Only counts are printed (with ``--names`` also the names, on the terminal: use it on read sets
only, never on a score-only check set). Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
from gold_sets import load_scorer

from newsgate.nlp.lexicon import common_words, given_names

KINDS = (("persons", {"PERSON"}), ("organizations", {"ORG"}), ("places", {"GPE", "LOC", "FAC"}))
SHORT = {"persons": "person", "organizations": "org", "places": "place"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _capitalised_in(name: str, text: str) -> str:
    """Return 'cap' when the name is written in the text with its capitals, 'lower' when only
    without them, '' when not at all."""
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)", re.I
    )
    found = [m.group(0) for m in pattern.finditer(text)]
    if not found:
        return ""
    return "cap" if any(any(c.isupper() for c in f) for f in found) else "lower"


class Analysis:
    """Cause counts over one gold set."""

    def __init__(self, scorer, names: bool):
        self.s = scorer
        self.names = names
        self.missed: dict[str, Counter] = {k: Counter() for k, _ in KINDS}
        self.spurious: dict[str, Counter] = {k: Counter() for k, _ in KINDS}
        self.tp = Counter()
        self.pred = Counter()
        self.gold = Counter()
        self.common = common_words()
        self.given = given_names()

    def _share_word(self, a: str, b: str) -> bool:
        stop = {"of", "the", "and", "for", "de", "in", "on", "a"}
        return bool((set(self.s.toks(a)) - stop) & (set(self.s.toks(b)) - stop))

    def article(
        self, gold: dict, preds: dict, body: str, title: str, source: str, body_ids: set
    ) -> None:
        """Match one article's predictions to its gold as the scorer does and count the causes."""
        matched: dict[str, dict[int, str]] = {}
        for kind, _labels in KINDS:
            gold_names = list(dict.fromkeys(gold.get(kind, [])))
            plist = preds[kind]
            used: dict[int, str] = {}
            for gn in gold_names:
                for i, (pn, al, _eid) in enumerate(plist):
                    if i not in used and self.s.name_match(pn, al, gn, kind):
                        used[i] = gn
                        break
            matched[kind] = used
            self.tp[kind] += len(used)
            self.pred[kind] += len(plist)
            self.gold[kind] += len(gold_names)
        for kind, _labels in KINDS:
            gold_names = list(dict.fromkeys(gold.get(kind, [])))
            found = set(matched[kind].values())
            plist = preds[kind]
            for gn in gold_names:
                if gn in found:
                    continue
                cause = self._missed_cause(gn, kind, preds, matched, body, title, source)
                self.missed[kind][cause] += 1
                if self.names:
                    print(f"  MISSED {kind:13} {cause:16} {gn}  [{gold['file']}]")
            for i, (pn, al, eid) in enumerate(plist):
                if i in matched[kind]:
                    continue
                cause = self._spurious_cause(pn, al, eid, kind, gold, matched, body_ids)
                self.spurious[kind][cause] += 1
                if self.names:
                    print(f"  SPURIOUS {kind:11} {cause:16} {pn}  [{gold['file']}]")

    def _missed_cause(self, gn, kind, preds, matched, body, title, source) -> str:
        for other, _ in KINDS:
            if other != kind and any(
                self.s.name_match(pn, al, gn, other) or self.s.norm(pn) == self.s.norm(gn)
                for pn, al, _ in preds[other]
            ):
                return "wrong_label"
        for i, (pn, _al, _eid) in enumerate(preds[kind]):
            if i not in matched[kind] and self._share_word(pn, gn):
                return "wrong_extent"
        in_body = _capitalised_in(gn, body)
        if in_body == "cap":
            return "no_run"
        if in_body == "lower":
            return "lower_case"
        if _capitalised_in(gn, title):
            return "title_only"
        if _capitalised_in(gn, source):
            return "credit_line"
        return "alias_canonical"

    def _spurious_cause(self, pn, al, eid, kind, gold, matched, body_ids) -> str:
        for other, _ in KINDS:
            if other == kind:
                continue
            if any(self.s.name_match(pn, al, gn, other) for gn in gold.get(other, [])):
                return f"{SHORT[other]}_as_{SHORT[kind]}"
        found = set(matched[kind].values())
        for gn in gold.get(kind, []):
            if gn in found and (self.s.name_match(pn, al, gn, kind) or self._share_word(pn, gn)):
                return "duplicate"
        for gn in gold.get(kind, []):
            if gn not in found and self._share_word(pn, gn):
                return "wrong_extent"
        if eid not in body_ids:
            return "credit_line"
        words = _words(pn)
        if words and all(w.lower() in self.common for w in words):
            return "common_noun"
        if kind != "persons" and len(words) > 1 and words[0] in self.given:
            return "person_shape"
        if len(words) == 1 and words[0].isupper():
            return "acronym"
        return "other"

    def report(self, title: str) -> None:
        """Print the counts of one set."""
        print(f"== {title}")
        for kind, _ in KINDS:
            p, r, f = self.s.prf(self.tp[kind], self.pred[kind], self.gold[kind])
            print(
                f"{kind}: tp {self.tp[kind]} pred {self.pred[kind]} gold {self.gold[kind]}"
                f"  P {p:.3f} R {r:.3f} F1 {f:.3f}"
            )
            print(
                "  missed:   " + ", ".join(f"{c} {n}" for c, n in self.missed[kind].most_common())
            )
            print(
                "  spurious: " + ", ".join(f"{c} {n}" for c, n in self.spurious[kind].most_common())
            )


def predictions(con, warehouse: Path):
    """Return (articles by file name, entity rows by article id, body entity ids by article id)."""
    pub = warehouse / "published"
    art = con.execute(
        f"select article_id, source_path, body, title from read_parquet('{pub}/article.parquet')"
    ).fetchall()
    ent = con.execute(f"select * from read_parquet('{pub}/entity.parquet')").fetch_df()
    men = con.execute(
        f"select article_id, entity_id from read_parquet('{pub}/entity_mention.parquet')"
    ).fetchall()
    body_ids: dict[str, set] = {}
    for aid, eid in men:
        body_ids.setdefault(aid, set()).add(eid)
    by_article: dict[str, list] = {}
    credited = "credited_in" in ent.columns
    for r in ent.itertuples():
        ids = {a for a, s in body_ids.items() if r.entity_id in s}
        if credited and r.credited_in is not None:
            ids |= set(r.credited_in)
        for aid in ids:
            by_article.setdefault(aid, []).append(r)
    arts = {Path(str(p)).name: (aid, body or "", title or "") for aid, p, body, title in art}
    return arts, by_article, body_ids


def main(argv: list[str] | None = None) -> int:
    """Print the cause counts of one warehouse against its gold set; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--scorer", default="../shared/tools/score.py")
    ap.add_argument("--names", action="store_true", help="also print each name (read sets only)")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer)
    con = duckdb.connect()
    arts, by_article, body_ids = predictions(con, args.warehouse)
    analysis = Analysis(scorer, args.names)
    for gp in sorted(args.gold.glob("*.json")):
        if gp.name == "duplicates.json":
            continue
        gold = json.loads(gp.read_text())
        if gold["file"] not in arts:
            continue
        aid, body, title = arts[gold["file"]]
        rows = by_article.get(aid, [])
        preds = {
            kind: [
                (r.name, list(r.aliases) if r.aliases is not None else [], r.entity_id)
                for r in rows
                if r.label in labels
            ]
            for kind, labels in KINDS
        }
        source = (args.articles / gold["file"]).read_text(errors="replace")
        analysis.article(gold, preds, body, title, source, body_ids.get(aid, set()))
    analysis.report(str(args.gold))
    # the scorer's own figures for the same warehouse, to confirm the matching is the same
    res = subprocess.run(
        [sys.executable, args.scorer, str(args.warehouse), str(args.gold), str(args.articles)],
        capture_output=True,
        text=True,
        check=False,
    )
    figures = dict(line.split(": ", 1) for line in res.stdout.splitlines() if ": " in line)
    for kind, _ in KINDS:
        _p, _r, f = scorer.prf(analysis.tp[kind], analysis.pred[kind], analysis.gold[kind])
        ref = figures.get(f"entity.{kind}.f1")
        same = ref is not None and abs(float(ref) - f) < 1e-3
        print(
            f"scorer check {kind}: F1 here {f:.3f}, scorer {ref} ({'same' if same else 'DIFFERENT'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
