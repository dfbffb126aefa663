"""Fit the line-shape model (src/newsgate/data/line_model.json) on gold-annotated page sets.

usage: python scripts/build_line_model.py SET_DIR [SET_DIR ...] [--threshold T] [--write]

Each SET_DIR holds `articles/` (page texts) and `gold/` (one JSON per page, with
`boilerplate_lines` and `title`, see shared/gold/CONVENTIONS.md); the read sets are
../shared/dev and /work/holdout/A … L, read at build time only. Every non-blank line of every
page but the headline, in the model's scope (`newsgate.boilerplate.model_decides`: not a line
that continues on the next, not a list a sentence introduces, not place names only), is an
example: label 1 when the gold
lists it as boilerplate, else 0; its features (`page_features`) include the decisions the
article stage's rules take on its neighbours (run without the model). The model is an
L2-regularised logistic regression fitted by batch gradient descent (numpy, which comes with
scipy and pandas, project dependencies). Before fitting on all sets the script measures it
leave-one-set-out: fitted on the other sets and applied to the lines the rules keep as body on
the held-out set, it prints per set and pooled the boilerplate-line recall and the body-line
recall of the rules alone and of the rules with the model, for a range of thresholds. The
threshold written is the lowest at which the model takes at most 3% of any held-out set's
body lines and at most 0.5% of all of them (the body must stay whole: pick by the body lines
lost, not by the best F1), unless --threshold names one. Only weights and figures are
written; no page text is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from gold_sets import gold_pages, norm

from newsgate.boilerplate import classify_lines, model_decides
from newsgate.line_model import FEATURES, MODEL_PATH, page_features
from newsgate.logistic import fit_weights


def examples(set_dir: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the feature rows, labels, rule-body flags and model-scope flags of every line of a
    set but the headline."""
    rows, labels, rule_body, scope = [], [], [], []
    for gold, text in gold_pages(set_dir):
        lines, _ = classify_lines(text, shape_model=False)
        content = [ln for ln in lines if ln.kind != "blank"]
        boiler = {norm(b) for b in gold.get("boilerplate_lines", [])}
        title = norm(gold.get("title"))
        features = page_features([ln.clean for ln in content], kinds=[ln.kind for ln in content])
        for line, feats in zip(content, features, strict=True):
            key = norm(line.text)
            if not key or key == title or line.kind == "title":
                continue
            rows.append([feats[name] for name in FEATURES])
            labels.append(float(key in boiler))
            rule_body.append(line.kind == "body")
            scope.append(model_decides(feats, line.clean))
    return np.array(rows), np.array(labels), np.array(rule_body, dtype=bool), np.array(scope)


THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98)
MAX_SET_LOSS = 0.03
MAX_POOLED_LOSS = 0.005


def leave_one_set_out(data: dict) -> dict[float, dict[str, tuple[int, int, int, int]]]:
    """Return, per threshold and held-out set, (furniture removed, furniture, body kept, body)
    for the rules with the model fitted on the other sets."""
    out: dict[float, dict[str, tuple[int, int, int, int]]] = {t: {} for t in THRESHOLDS}
    for held in data:
        x = np.vstack([d[0][d[3]] for k, d in data.items() if k != held])
        y = np.concatenate([d[1][d[3]] for k, d in data.items() if k != held])
        w = fit_weights(x, y)
        hx, hy, hbody, hscope = data[held]
        p = 1.0 / (1.0 + np.exp(-(hx @ w)))
        for t in THRESHOLDS:
            body = hbody & ~(hscope & (p >= t))
            out[t][held] = (
                int((~body & (hy == 1)).sum()),
                int((hy == 1).sum()),
                int((body & (hy == 0)).sum()),
                int((hy == 0).sum()),
            )
    return out


def _figures(per_set: dict[str, tuple[int, int, int, int]]) -> str:
    pooled = np.sum(list(per_set.values()), axis=0)
    sets = " ".join(
        f"{k} {v[0] / max(v[1], 1):.2f}/{v[2] / max(v[3], 1):.3f}" for k, v in per_set.items()
    )
    return f"pooled {pooled[0] / pooled[1]:.3f}/{pooled[2] / pooled[3]:.4f} | {sets}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    data = {s.resolve().name: examples(s) for s in args.sets}
    rules = {
        k: (
            int((~d[2] & (d[1] == 1)).sum()),
            int((d[1] == 1).sum()),
            int((d[2] & (d[1] == 0)).sum()),
            int((d[1] == 0).sum()),
        )
        for k, d in data.items()
    }
    print(
        "leave-one-set-out, boilerplate-line recall / body-line recall (every line but the headline)"
    )
    print(f"  rules alone:  {_figures(rules)}")
    loso = leave_one_set_out(data)
    chosen = args.threshold
    for t in THRESHOLDS:
        print(f"  model >= {t}: {_figures(loso[t])}")
        lost = {k: rules[k][2] - v[2] for k, v in loso[t].items()}
        worst = max(lost[k] / max(rules[k][3], 1) for k in lost)
        pooled = sum(lost.values()) / sum(v[3] for v in rules.values())
        if chosen is None and worst <= MAX_SET_LOSS and pooled <= MAX_POOLED_LOSS:
            chosen = t
    chosen = chosen if chosen is not None else THRESHOLDS[-1]
    x = np.vstack([d[0][d[3]] for d in data.values()])
    y = np.concatenate([d[1][d[3]] for d in data.values()])
    w = fit_weights(x, y)
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22s} {value:+.3f}")
    print(f"threshold {chosen}")
    if args.write:
        model = {
            "_source": (
                "Fitted by scripts/build_line_model.py (L2-regularised logistic regression by "
                "gradient descent, numpy) on the gold boilerplate lines of the read page sets "
                f"({', '.join(data)}): every line in the model's scope (not the headline) "
                f"({len(y)} lines, {int(y.sum())} of them boilerplate; newsgate.boilerplate."
                "model_decides). Weights only; no page text. Leave-one-set-out (boilerplate-line "
                "recall / body-line recall over every line of the held-out pages but the headline): "
                "rules alone "
                f"{_figures(rules).split(' |')[0]}; rules and model at threshold {chosen} "
                f"{_figures(loso[chosen]).split(' |')[0]}. The threshold is the lowest at which "
                f"the model takes at most {MAX_SET_LOSS:.0%} of any held-out set's body lines "
                f"and {MAX_POOLED_LOSS:.1%} of all."
            ),
            "features": list(FEATURES),
            "threshold": chosen,
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w, strict=True)},
        }
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
