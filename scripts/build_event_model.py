"""Fit the event selection model (src/newsgate/nlp/data/event_model.json) on gold-annotated sets.

usage: python scripts/build_event_model.py SET_DIR [SET_DIR ...] [--threshold T] [--write]
       [--scorer ../shared/tools/score.py]

Each SET_DIR holds `articles/` and `gold/` (the read sets: ../shared/dev and the hidden sets
given to read, /work/holdout/A … L). The pages are read at build time only; nothing of them is
written. Every article is parsed as the article stage parses it, run through the NLP pipeline,
and its *candidate* events (`newsgate.nlp.events.find_candidates`: the rules' events and the ones
a rule drops) are described by the features of `newsgate.nlp.event_model.candidate_features`. A
candidate is labelled an event when it matches one of the article's gold events the way the
reference scorer matches events (type family, date when the gold has one, one actor when the
gold lists actors), with the scorer's own matching functions. Leave-one-set-out event precision
and recall on these candidates are printed for the rules (the candidates no rule drops) and for
the model at several thresholds; the model is kept only where it beats the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from gold_sets import ScorerEvent, gold_pages, load_scorer

from newsgate.articles import parse_article
from newsgate.logistic import fit_weights
from newsgate.nlp.event_model import FEATURES, _model_path, candidate_features
from newsgate.nlp.events import find_candidates
from newsgate.nlp.pipeline import load_pipeline, make_doc

# True: the model chooses among all candidates; False: it only filters the rules' events
WIDE = True
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def examples(set_dir: Path, nlp, scorer) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, int]]:
    """Return per article: feature rows, the gold events each candidate matches, rule flags and
    the number of gold events."""
    out = []
    for gold, text in gold_pages(set_dir):
        parsed = parse_article(text)
        doc = nlp(make_doc(nlp, parsed.body, parsed.published_date))
        cands = find_candidates(doc)
        gev = gold.get("events", [])
        rows = candidate_features(cands)
        x = np.array([[r[n] for n in FEATURES] for r in rows]).reshape(len(rows), len(FEATURES))
        match = np.zeros((len(cands), len(gev)), dtype=bool)
        for i, event in enumerate(cands):
            for j, ge in enumerate(gev):
                match[i, j] = scorer._event_ok(ScorerEvent(event), ge)
        rules = np.array([not e["dropped"] for e in cands], dtype=bool)
        out.append((x, match, rules, len(gev), _merge_keys(cands)))
    return out


def _merge_keys(cands: list[dict]) -> list[tuple]:
    """Return per candidate the key under which the event merge joins an article's mentions:
    its type and first party (a mention without one stands alone)."""
    keys = []
    for i, event in enumerate(cands):
        core = [
            n
            for n, r in zip(event["actor_names"], event["actor_roles"], strict=True)
            if r in ("actor1", "actor2")
        ]
        keys.append((event["event_type"], core[0]) if core else (event["event_type"], i))
    return keys


def counts(articles, keep) -> tuple[int, int, int, int]:
    """Return (predicted events matched, predicted, gold events found, gold) over `articles`,
    with each article's kept candidates matched one to one, first fit first, as the scorer does."""
    pm = pred = found = ngold = 0
    for (_, match, _, n, keys), kept in zip(articles, keep, strict=True):
        ngold += n
        # mentions the merge joins are one predicted event; it fits a gold event when one does
        groups: dict[tuple, list[int]] = {}
        for i in np.flatnonzero(kept):
            groups.setdefault(keys[i], []).append(int(i))
        members = list(groups.values())
        pred += len(members)
        used: set[int] = set()
        for j in range(n):
            for g, idx in enumerate(members):
                if g not in used and match[idx, j].any():
                    used.add(g)
                    break
        found += len(used)
        pm += len(used)
    return pm, pred, found, ngold


def _xy(articles):
    x = np.vstack([a[0] for a in articles if len(a[0])])
    y = np.concatenate([a[1].any(axis=1).astype(float) for a in articles if len(a[0])])
    return x, y


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=0.35)
    parser.add_argument("--scorer", type=Path, default=Path("../shared/tools/score.py"))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    nlp = load_pipeline(None)
    data = {}
    for s in args.sets:
        name = s.name if s.name not in (".", "") else str(s)
        data[name] = examples(s, nlp, scorer)
        print(f"{name}: {sum(len(a[0]) for a in data[name])} candidates", file=sys.stderr)
    total = {"rules": [0, 0, 0, 0], **{t: [0, 0, 0, 0] for t in THRESHOLDS}}
    print("leave-one-set-out event precision / recall on the candidates (rules | model at t)")
    for held in data:
        x, y = _xy([a for k, d in data.items() if k != held for a in d])
        w = fit_weights(x, y)
        arts = data[held]
        line = []
        c = counts(arts, [a[2] for a in arts])
        total["rules"] = [u + v for u, v in zip(total["rules"], c, strict=True)]
        line.append(f"rules {c[0] / max(1, c[1]):.3f}/{c[2] / max(1, c[3]):.3f}")
        for t in THRESHOLDS:
            keep = [
                ((1.0 / (1.0 + np.exp(-(a[0] @ w))) >= t) & (a[2] | WIDE)) if len(a[0]) else a[2]
                for a in arts
            ]
            c = counts(arts, keep)
            total[t] = [u + v for u, v in zip(total[t], c, strict=True)]
            line.append(f"{t}: {c[0] / max(1, c[1]):.3f}/{c[2] / max(1, c[3]):.3f}")
        print(f"  {held:6s} " + "  ".join(line))
    figures = {}
    for key, (pm, pred, found, ngold) in total.items():
        p, r = pm / max(1, pred), found / max(1, ngold)
        figures[key] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
        print(f"  pooled {key}: P {p:.3f} R {r:.3f} F1 {figures[key][2]:.3f} ({pred} kept)")
    x, y = _xy([a for d in data.values() for a in d])
    w = fit_weights(x, y)
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:24s} {value:+.3f}")
    if args.write:
        t = args.threshold
        rp, rr, _ = figures["rules"]
        mp, mr, _ = figures[t]
        model = {
            "_source": (
                "Fitted by scripts/build_event_model.py (L2-regularised logistic regression by "
                "gradient descent, numpy) on the candidate events (newsgate.nlp.events."
                "find_candidates) of the read sets' pages "
                f"({', '.join(data)}; {len(y)} candidates, {int(y.sum())} of them matching a gold "
                "event as the reference scorer matches events). Weights only; no page text. "
                f"Leave-one-set-out on the same candidates, pooled: the rules P {rp:.3f} R "
                f"{rr:.3f}; the model at threshold {t} P {mp:.3f} R {mr:.3f}."
                + (
                    " It does not beat the rules, so newsgate.nlp.events.find_events does not "
                    "use it (the rules' candidates are the events)."
                    if figures[t][2] <= figures["rules"][2]
                    else ""
                )
            ),
            "features": list(FEATURES),
            "threshold": t,
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w, strict=True)},
        }
        path = _model_path()
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
