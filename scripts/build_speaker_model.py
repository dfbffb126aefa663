"""Fit the speaker ranker (src/newsgate/nlp/data/speaker_model.json) on gold-annotated page sets.

usage: python scripts/build_speaker_model.py SET_DIR [SET_DIR ...] [--threshold T] [--write]

Each SET_DIR holds `articles/` (page texts) and `gold/` (one JSON per page, with `quotes`, each a
`text` and a `speaker` or null, see shared/gold/CONVENTIONS.md); the read sets are the project's
dev set (../shared/dev) and the holdout sets the owners released for reading
(/work/holdout/A … L), read at build time and never copied. Every quotation the rules find that
matches a gold quotation (the reference scorer's test) is a group of examples: its candidate
speakers (`newsgate.nlp.quotes.speaker_candidates`), label 1 for a candidate that is the gold
speaker (the scorer's person test), else 0 (all 0 when the gold names no speaker). The model is
an L2-regularised logistic regression fitted by batch gradient descent (numpy). Before fitting on
all sets the script measures it leave-one-set-out: fitted on the other sets, it names the
speaker of the held-out set's quotations the rules leave without a person, at each threshold;
it prints speaker accuracy (over gold quotations with a speaker) and the quotations with no gold
speaker that get a name, for the rules alone and rules + ranker. Only weights and figures are
written; no page text is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from gold_sets import gold_pages, same_person, same_quote

from newsgate.articles import parse_article
from newsgate.logistic import fit_weights
from newsgate.nlp.pipeline import load_pipeline, make_doc
from newsgate.nlp.quotes import speaker_candidates
from newsgate.nlp.speaker_model import FEATURES, MODEL_PATH

THRESHOLDS = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)


def groups(nlp, set_dir: Path) -> list[dict]:
    """Return one group per quotation of the set matching a gold one: rows, labels, rule pick."""
    out = []
    for gold, page in gold_pages(set_dir):
        article = parse_article(page)
        if not article.body:
            continue
        doc = nlp(make_doc(nlp, article.body, article.published_date))
        found = speaker_candidates(doc)
        used: set[int] = set()
        for gold_quote in gold.get("quotes", []):
            for i, (quote, candidates) in enumerate(found):
                if i in used or not same_quote(quote["text"], gold_quote["text"]):
                    continue
                used.add(i)
                speaker = gold_quote.get("speaker")
                names = list(candidates)
                out.append(
                    {
                        "gold": speaker,
                        "rule": quote["speaker_name"],
                        "names": names,
                        "x": np.array([[candidates[n][f] for f in FEATURES] for n in names]),
                        "y": np.array(
                            [float(bool(speaker) and same_person(n, speaker)) for n in names]
                        ),
                    }
                )
                break
    return out


def fit(data: list[dict]) -> np.ndarray:
    """Return logistic-regression weights for the candidates of `data` (L2 on all but the bias)."""
    x = np.vstack([g["x"] for g in data if len(g["names"])])
    y = np.concatenate([g["y"] for g in data if len(g["names"])])
    return fit_weights(x, y)


def pick(group: dict, w: np.ndarray | None, threshold: float) -> str | None:
    """Return the speaker the rules give, or the ranker's best candidate when they give none."""
    if group["rule"] or w is None or not group["names"]:
        return group["rule"]
    p = 1.0 / (1.0 + np.exp(-(group["x"] @ w)))
    best = int(np.argmax(p))
    return group["names"][best] if p[best] >= threshold else None


def tally(data: list[dict], w: np.ndarray | None, threshold: float) -> tuple[int, int, int, int]:
    """Return (right speakers, gold speakers, named without a gold speaker, quotes without one)."""
    right = total = named = silent = 0
    for group in data:
        speaker = pick(group, w, threshold)
        if group["gold"]:
            total += 1
            right += bool(speaker) and same_person(speaker, group["gold"])
        else:
            silent += 1
            named += bool(speaker)
    return right, total, named, silent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    nlp = load_pipeline()
    # the rules attribute each quotation once, in `speaker_candidates` (attribution notes speakers
    # in the Doc's name resolver, so the quotation component must not have run before)
    nlp.select_pipes(disable=["newsgate_quotes", "newsgate_events"])
    data = {(s.name if s.name != "." else str(s)): groups(nlp, s) for s in args.sets}
    weights = {held: fit([g for k, d in data.items() if k != held for g in d]) for held in data}
    print("leave-one-set-out, rules alone -> rules + ranker naming the quotations they leave")
    rules = [tally(d, None, 0.0) for d in data.values()]
    r = [sum(col) for col in zip(*rules, strict=True)]
    print(
        f"  rules: speaker {r[0]}/{r[1]} = {r[0] / r[1]:.3f}; named without gold speaker {r[2]}/{r[3]}"
    )
    figures = {}
    for t in THRESHOLDS:
        m = [
            sum(col)
            for col in zip(*(tally(d, weights[k], t) for k, d in data.items()), strict=True)
        ]
        figures[t] = m
        per = " ".join(
            f"{k}:{tally(d, None, 0.0)[0]}->{tally(d, weights[k], t)[0]}" for k, d in data.items()
        )
        print(
            f"  threshold {t}: speaker {m[0]}/{m[1]} = {m[0] / m[1]:.3f}; named without gold "
            f"speaker {m[2]}/{m[3]}  ({per})"
        )
    everything = [g for d in data.values() for g in d]
    w = fit(everything)
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22s} {value:+.3f}")
    if args.write:
        t = args.threshold
        m = figures.get(t) or [
            sum(col)
            for col in zip(*(tally(d, weights[k], t) for k, d in data.items()), strict=True)
        ]
        model = {
            "_source": (
                "Fitted by scripts/build_speaker_model.py (L2-regularised logistic regression by "
                "gradient descent, numpy) on the gold speakers of the read page sets "
                f"({', '.join(data)}): {len(everything)} quotations the rules find that match a "
                f"gold one, {sum(len(g['names']) for g in everything)} candidate speakers. Weights "
                f"only; no page text. Leave-one-set-out at threshold {t}: rules alone name the "
                f"right speaker of {r[0]} of {r[1]} quotations with a gold speaker and name "
                f"someone for {r[2]} of {r[3]} without one; with the ranker naming the speaker of "
                f"quotations the rules leave without a person, {m[0]} of {m[1]} and {m[2]} of {m[3]}."
            ),
            "features": list(FEATURES),
            "threshold": t,
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w, strict=True)},
        }
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
