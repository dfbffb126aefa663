"""Fit the span model (src/newsgate/nlp/data/span_model.json) on gold-annotated page sets.

usage: python scripts/build_span_model.py SET_DIR [SET_DIR ...] [--threshold T] [--write]

Each SET_DIR holds `articles/` (page texts) and `gold/` (one JSON per page with `organizations`
and `places`, see shared/gold/CONVENTIONS.md); the read sets are ../shared/dev and
/work/holdout/A … L, read at build time only. Every page is parsed by the article stage and
annotated by the NLP pipeline with the span model switched off; every capitalised run the rules
left free (`newsgate.nlp.names.span_model.free_runs`), grouped by its text within the page, is an
example, labelled organisation or place when its text (without a leading "the") matches a gold
name of that kind as the reference scorer compares names. Two L2-regularised logistic
regressions (numpy, batch gradient descent) are fitted on `span_model.FEATURES`. Before fitting
on all sets the script measures them leave-one-set-out: fitted on the other sets, applied to
the held-out set's free runs, it prints per type the precision, recall and F1 of the rules
alone (their entities' in-page names against the gold lists) and of the rules plus the model.
Only weights and figures are written; no page text is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from gold_sets import gold_pages, norm

from newsgate.articles import parse_article
from newsgate.logistic import fit_weights
from newsgate.nlp.names import span_model
from newsgate.nlp.names.resolve import mentions_from_doc
from newsgate.nlp.pipeline import load_pipeline, make_doc

KINDS = ("organizations", "places")
_KIND = {"ORG": "organizations", "GPE": "places", "LOC": "places", "FAC": "places"}


def examples(set_dir: Path, nlp) -> dict:
    """Return a set's free-run feature rows and labels, and the rules' counts per type."""
    rows, labels = [], []
    rules = {k: [0, 0, 0] for k in KINDS}  # true positives, predicted, gold
    for gold, text in gold_pages(set_dir):
        parsed = parse_article(text)
        doc = nlp(make_doc(nlp, parsed.body, parsed.published_date))
        names = {k: {norm(g) for g in gold.get(k, [])} for k in KINDS}
        predicted = {k: set() for k in KINDS}
        for m in mentions_from_doc(doc, gold["file"]):
            if m["label"] in _KIND:
                predicted[_KIND[m["label"]]].add(norm(m["local_name"]))
        for k in KINDS:
            rules[k][0] += len(predicted[k] & names[k])
            rules[k][1] += len(predicted[k])
            rules[k][2] += len(names[k])
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        runs = span_model.free_runs(doc, taken)
        for key, (_, features) in span_model.run_features(doc, runs, ents).items():
            label = next((k for k in KINDS if norm(key) in names[k] - predicted[k]), "")
            # a name the rules already found under another form adds nothing: not an example
            if any(norm(key) in predicted[k] for k in KINDS):
                continue
            rows.append([features[f] for f in span_model.FEATURES])
            labels.append(label)
    return {"x": np.array(rows), "y": np.array(labels), "rules": rules}


def _prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def _decide(x: np.ndarray, w_org: np.ndarray, w_place: np.ndarray, t: float) -> np.ndarray:
    p_org = 1.0 / (1.0 + np.exp(-(x @ w_org)))
    p_place = 1.0 / (1.0 + np.exp(-(x @ w_place)))
    kind = np.where(p_org >= p_place, "organizations", "places")
    return np.where(np.maximum(p_org, p_place) >= t, kind, "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    span_model.set_enabled(False)
    nlp = load_pipeline()
    data = {s.name: examples(s, nlp) for s in args.sets}
    thresholds = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
    added = {t: {k: [0, 0] for k in KINDS} for t in thresholds}  # right, wrong
    for held in data:
        x = np.vstack([d["x"] for k, d in data.items() if k != held])
        y = np.concatenate([d["y"] for k, d in data.items() if k != held])
        w_org = fit_weights(x, (y == "organizations").astype(float))
        w_place = fit_weights(x, (y == "places").astype(float))
        hx, hy = data[held]["x"], data[held]["y"]
        for t in thresholds:
            decided = _decide(hx, w_org, w_place, t)
            for k in KINDS:
                added[t][k][0] += int(((decided == k) & (hy == k)).sum())
                added[t][k][1] += int(((decided == k) & (hy != k)).sum())
    rules = {k: [sum(d["rules"][k][i] for d in data.values()) for i in range(3)] for k in KINDS}
    y_all = np.concatenate([d["y"] for d in data.values()])
    print(f"free runs: {len(y_all)}, " + ", ".join(f"{k} {(y_all == k).sum()}" for k in KINDS))
    lines = []
    for k in KINDS:
        tp, npred, ngold = rules[k]
        print(f"{k}: rules alone {_prf(tp, npred, ngold)}")
        for t in thresholds:
            right, wrong = added[t][k]
            line = (
                f"  threshold {t}: +{right} right, +{wrong} wrong; rules + model "
                f"{_prf(tp + right, npred + right + wrong, ngold)}"
            )
            print(line)
            if t == args.threshold:
                lines.append(f"{k}: rules {_prf(tp, npred, ngold)}; {line.strip()}")
    x = np.vstack([d["x"] for d in data.values()])
    w_org = fit_weights(x, (y_all == "organizations").astype(float))
    w_place = fit_weights(x, (y_all == "places").astype(float))
    for name, wo, wp in zip(span_model.FEATURES, w_org, w_place, strict=True):
        print(f"  {name:26s} org {wo:+.3f}  place {wp:+.3f}")
    if args.write:
        model = {
            "_source": (
                "Fitted by scripts/build_span_model.py (two L2-regularised logistic regressions "
                "by gradient descent, numpy) on the free capitalised runs of the read page sets "
                f"({', '.join(data)}) after the span rules: {len(y_all)} runs, "
                f"{int((y_all == 'organizations').sum())} of them gold organisations and "
                f"{int((y_all == 'places').sum())} gold places. Weights only; no page text. "
                "Leave-one-set-out (entities per page, pooled): " + " | ".join(lines)
            ),
            "features": list(span_model.FEATURES),
            "threshold": args.threshold,
            "org_weights": {
                n: round(float(v), 4) for n, v in zip(span_model.FEATURES, w_org, strict=True)
            },
            "place_weights": {
                n: round(float(v), 4) for n, v in zip(span_model.FEATURES, w_place, strict=True)
            },
        }
        span_model.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {span_model.MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
