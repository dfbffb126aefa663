"""Measure the NLP stage's throughput (tokens per second) on the seeds and on a larger corpus.

The larger corpus is the seed bodies repeated with their paragraphs shuffled (a fixed seed), so
its text is realistic but no document repeats verbatim. Each figure is the median of --runs runs.

    .venv/bin/python scripts/nlp_benchmark.py [--input seeds] [--copies 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import polars as pl

from newsgate.articles import parse_article
from newsgate.nlp.names.resolve import mentions_from_doc, resolve_entities
from newsgate.nlp.pipeline import load_pipeline, make_doc
from newsgate.nlp.stage import MENTION_SCHEMA


def read_bodies(input_dir: Path) -> list[str]:
    """Return the clean body of every article file under `input_dir`."""
    paths = sorted(p for p in input_dir.rglob("*") if p.is_file())
    bodies = [parse_article(p.read_text(encoding="utf-8", errors="replace")).body for p in paths]
    return [b for b in bodies if b]


def perturbed_corpus(bodies: list[str], copies: int, seed: int = 0) -> list[str]:
    """Return `copies` rounds of the bodies with their paragraphs in a shuffled order."""
    rng = random.Random(seed)
    corpus = []
    for _ in range(copies):
        for body in bodies:
            paragraphs = body.split("\n\n")
            rng.shuffle(paragraphs)
            corpus.append("\n\n".join(paragraphs))
    return corpus


def time_stage(nlp, bodies: list[str]) -> tuple[int, float]:
    """Return (tokens, seconds) for one run of the pipeline, mention rows and resolution."""
    start = time.perf_counter()
    tokens = 0
    rows = []
    docs = nlp.pipe(make_doc(nlp, body, None) for body in bodies)
    for i, doc in enumerate(docs):
        tokens += len(doc)
        rows.extend(mentions_from_doc(doc, str(i)))
    resolve_entities(pl.DataFrame(rows, schema=MENTION_SCHEMA))
    return tokens, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default="seeds")
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--model", default=None, help="a trained spaCy pipeline (as NEWSGATE_SPACY_MODEL)"
    )
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    bodies = read_bodies(Path(args.input))
    time_stage(nlp, bodies[:1])  # warm-up: lazy vocab and matcher set-up
    for label, corpus in (
        ("seeds", bodies),
        (f"seeds x{args.copies} shuffled", perturbed_corpus(bodies, args.copies)),
    ):
        results = [time_stage(nlp, corpus) for _ in range(args.runs)]
        tokens = results[0][0]
        seconds = statistics.median(s for _, s in results)
        print(
            f"{label:<24} docs={len(corpus):>5} tokens={tokens:>8} "
            f"median={seconds:7.3f}s  tokens/s={tokens / seconds:>9.0f}"
        )


if __name__ == "__main__":
    main()
