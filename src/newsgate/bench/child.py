"""A measuring child process for the benchmark: the NLP pipeline alone; prints JSON."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _nlp(warehouse_dir: str) -> dict:
    from newsgate.bench.run import count_tokens

    tokens, seconds = count_tokens(Path(warehouse_dir))
    return {"wall_s": seconds, "tokens": tokens, "peak_rss_mb": _peak_rss_mb()}


if __name__ == "__main__":
    print(json.dumps(_nlp(*sys.argv[1:])))
