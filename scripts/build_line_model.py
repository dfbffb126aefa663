"""Fit the line-shape model (src/newsgate/data/line_model.json) on gold-annotated page sets.

usage: python scripts/build_line_model.py SET_DIR [SET_DIR ...] [--threshold T] [--write]

Each SET_DIR holds `articles/` (page texts) and `gold/` (one JSON per page, with
`boilerplate_lines` and `title`, see shared/gold/CONVENTIONS.md). Every non-blank line in the
model's scope (after the story's last paragraph, see `newsgate.line_model.in_scope`) is an
example: label 1 when the gold lists it as boilerplate, else 0. The model
is an L2-regularised logistic regression fitted by batch gradient descent (numpy), on the
features of `newsgate.line_model.page_features` (numpy comes with scipy and pandas, project
dependencies). Before fitting on all sets the script measures
it leave-one-set-out: fitted on the other sets, applied to the lines the article stage's rules
keep as body on the held-out set, it counts the furniture lines it adds (gold boilerplate) and
the body lines it would lose. Only weights and figures are written; no page text is stored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

from newsgate.boilerplate import classify_lines
from newsgate.line_model import FEATURES, MODEL_PATH, in_scope, page_features

L2 = 1.0
STEPS = 3000
RATE = 0.5


def norm(text: str | None) -> str:
    """Return `text` normalised as the reference scorer compares lines."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = (
        s.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    s = re.sub(r"^the\s+", "", s.lower().strip())
    return re.sub(r"[\s\u00a0]+", " ", s).strip(" .,;:'\"")


def examples(set_dir: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the feature rows, labels, rule-body and scope flags of every line of a set."""
    rows, labels, rule_body, scope = [], [], [], []
    for gold_path in sorted((set_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (set_dir / "articles" / gold["file"]).read_text(errors="replace")
        lines, _ = classify_lines(text, shape_model=False)
        content = [ln for ln in lines if ln.kind != "blank"]
        boiler = {norm(b) for b in gold.get("boilerplate_lines", [])}
        title = norm(gold.get("title"))
        for line, feats in zip(content, page_features([ln.clean for ln in content]), strict=True):
            key = norm(line.text)
            if not key or key == title or line.kind == "title":
                continue
            rows.append([feats[name] for name in FEATURES])
            labels.append(float(key in boiler))
            # the lines the model decides: kept as body by the rules, and in its scope
            scope.append(in_scope(feats, line.clean))
            rule_body.append(line.kind == "body" and scope[-1])
    return (
        np.array(rows),
        np.array(labels),
        np.array(rule_body, dtype=bool),
        np.array(scope, dtype=bool),
    )


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return logistic-regression weights for `x`, `y` (L2 on all but the bias)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], L2 / len(y))
    reg[0] = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= RATE * (x.T @ (p - y) / len(y) + reg * w)
    return w


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    data = {s.name if s.name != "." else str(s): examples(s) for s in args.sets}
    thresholds = (0.7, 0.8, 0.85, 0.9, 0.95, 0.97)
    added = {t: [0, 0] for t in thresholds}
    alone = {t: [0, 0] for t in thresholds}
    for held in data:
        x = np.vstack([d[0][d[3]] for k, d in data.items() if k != held])
        y = np.concatenate([d[1][d[3]] for k, d in data.items() if k != held])
        w = fit(x, y)
        hx, hy, hbody, hscope = data[held]
        p = 1.0 / (1.0 + np.exp(-(hx @ w)))
        for t in thresholds:
            flagged = (p >= t) & hbody
            added[t][0] += int((flagged & (hy == 1)).sum())
            added[t][1] += int((flagged & (hy == 0)).sum())
            alone[t][0] += int(((p >= t) & hscope & (hy == 1)).sum())
            alone[t][1] += int(((p >= t) & hscope & (hy == 0)).sum())
    missed = sum(int(((d[1] == 1) & d[2]).sum()) for d in data.values())
    body = sum(int(((d[1] == 0) & d[2]).sum()) for d in data.values())
    print(
        f"leave-one-set-out on rule-body lines: {missed} furniture lines missed by the rules, "
        f"{body} body lines kept"
    )
    y_all = np.concatenate([d[1][d[3]] for d in data.values()])
    for t in thresholds:
        print(
            f"  threshold {t}: +{added[t][0]} furniture, -{added[t][1]} body; model alone "
            f"{alone[t][0]}/{int(y_all.sum())} furniture, {alone[t][1]}/{int((y_all == 0).sum())} body"
        )
    x = np.vstack([d[0][d[3]] for d in data.values()])
    y = np.concatenate([d[1][d[3]] for d in data.values()])
    w = fit(x, y)
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:20s} {value:+.3f}")
    if args.write:
        t = args.threshold
        model = {
            "_source": (
                "Fitted by scripts/build_line_model.py (L2-regularised logistic regression by "
                "gradient descent, numpy) on the gold boilerplate lines of the read page sets "
                f"({', '.join(data)}): the {len(y)} lines in the model's scope (after the story's "
                "last paragraph, not a continued line, a sentence-case sentence or a list a "
                f"sentence introduces; newsgate.line_model.in_scope), {int(y.sum())} of them "
                "boilerplate. Weights only; no page text. Leave-one-set-out at threshold "
                f"{t}: the model alone finds {alone[t][0]} of {int(y_all.sum())} furniture lines "
                f"and takes {alone[t][1]} of {int((y_all == 0).sum())} body lines; on the lines "
                f"the rules keep as body it adds {added[t][0]} of {missed} furniture lines and "
                f"takes {added[t][1]} of {body} body lines."
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
