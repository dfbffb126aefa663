"""Measure ingest's decoding (newsgate.ingest.decode_bytes) against charset-normalizer.

Three measures, printed as a Markdown table (docs/decoding.md keeps the figures):
- a labelled corpus of invented article texts written in the encodings people send (UTF-8 with
  and without BOM, UTF-16/32 with BOM, cp1252 with curly quotes and the euro sign, Latin-1) plus
  binary and NUL-filled files that must not become text: right = the exact original text back,
  or no text for binary input;
- real pages (seeds/ and, when present, ../shared/dev/articles): how many files both read to
  the same text;
- speed on a generated corpus (`newsgate bench corpus`), bytes per second.

Usage: .venv/bin/python scripts/measure_decoding.py [--n 800] [--dev ../shared/dev/articles]
"""

from __future__ import annotations

import argparse
import codecs
import random
import tempfile
import time
from pathlib import Path

from charset_normalizer import from_bytes

from newsgate.bench.corpus import write_corpus
from newsgate.ingest import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["Zoë Müller", "José Álvarez", "François Lefèvre", "Søren Kjær", "Ana Peña", "Renée Dubois"]
PLACES = ["Zürich", "Besançon", "Málaga", "Köln", "Tromsø", "Orléans"]
TOPICS = ["the budget", "water prices", "port fees", "school meals", "rail fares", "energy"]


def _text(rng: random.Random, curly: bool) -> str:
    name, place, topic = rng.choice(NAMES), rng.choice(PLACES), rng.choice(TOPICS)
    open_q, close_q = ("“", "”") if curly else ('"', '"')
    dash = " – " if curly else " - "
    sentences = [
        f"Officials in {place} discussed {topic} on Monday{dash}the third meeting this year.",
        f"{open_q}We will not raise {topic} again,{close_q} {name} said after the talks.",
        f"The plan costs about {rng.randint(2, 90)} million, according to the city’s office."
        if curly
        else f"The plan costs about {rng.randint(2, 90)} million, according to the city office.",
        f"Critics said the café owners and shops of {place} had not been consulted.",
    ]
    if curly:
        sentences.append(f"Fees rise to €{rng.randint(3, 40)} per month from next year.")
    rng.shuffle(sentences)
    return f"Talks on {topic} in {place}\n\n" + " ".join(sentences) + "\n"


def labelled_corpus(n: int, seed: int = 7) -> list[tuple[str, bytes, str | None]]:
    """Return (label, bytes, expected text or None for not-text) samples."""
    rng = random.Random(seed)
    samples = []
    for i in range(n):
        kind = i % 8
        if kind == 0:
            text = _text(rng, True)
            samples.append(("utf-8", text.encode("utf-8"), text))
        elif kind == 1:
            text = _text(rng, True)
            samples.append(("utf-8-sig", codecs.BOM_UTF8 + text.encode("utf-8"), text))
        elif kind == 2:
            text = _text(rng, True)
            samples.append(("utf-16", text.encode("utf-16"), text))
        elif kind == 3:
            text = _text(rng, True)
            samples.append(("utf-32", text.encode("utf-32"), text))
        elif kind == 4:
            text = _text(rng, True)
            samples.append(("cp1252", text.encode("cp1252"), text))
        elif kind == 5:
            text = _text(rng, False)
            samples.append(("latin-1", text.encode("latin-1"), text))
        elif kind == 6:
            samples.append(("binary", rng.randbytes(rng.randint(200, 4000)), None))
        else:
            text = _text(rng, False).encode()
            samples.append(("nul bytes", text.replace(b" ", b"\x00", 8), None))
    return samples


def hand_written(data: bytes) -> str | None:
    decoded = decode_bytes(data)
    return decoded.text


def library(data: bytes) -> str | None:
    best = from_bytes(data).best()
    if best is None:
        return None
    # same line-end normalisation as ingest, so only the decoding differs
    return str(best).replace("\r\n", "\n").replace("\r", "\n")


def _right(got: str | None, expected: str | None) -> bool:
    if expected is None:
        return got is None
    return got is not None and got.lstrip("\ufeff") == expected


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=800, help="labelled samples")
    parser.add_argument("--speed-n", type=int, default=2000, help="generated articles for speed")
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "dev" / "articles"))
    args = parser.parse_args()
    samples = labelled_corpus(args.n)
    labels = sorted({label for label, _, _ in samples})
    print("| input | samples | hand-written right | charset-normalizer right |")
    print("|---|---|---|---|")
    totals = [0, 0]
    for label in labels:
        group = [(d, e) for lab, d, e in samples if lab == label]
        a = sum(_right(hand_written(d), e) for d, e in group)
        b = sum(_right(library(d), e) for d, e in group)
        totals[0] += a
        totals[1] += b
        print(f"| {label} | {len(group)} | {a} | {b} |")
    print(f"| **all** | {len(samples)} | {totals[0]} | {totals[1]} |")
    print()
    for name, folder in (("seeds", ROOT / "seeds"), ("dev", Path(args.dev))):
        files = sorted(p for p in folder.glob("**/*") if p.is_file()) if folder.is_dir() else []
        if not files:
            continue
        same = sum(hand_written(p.read_bytes()) == library(p.read_bytes()) for p in files)
        print(f"- {name}: {same} of {len(files)} files read to the same text by both")
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), args.speed_n, 42)
        blobs = [p.read_bytes() for p in sorted(Path(tmp).rglob("*")) if p.is_file()]
    size = sum(map(len, blobs))
    for name, fn in (("hand-written", hand_written), ("charset-normalizer", library)):
        started = time.perf_counter()
        for blob in blobs:
            fn(blob)
        seconds = time.perf_counter() - started
        print(
            f"- speed, {name}: {len(blobs)} generated files, {size / 1e6:.1f} MB in "
            f"{seconds:.2f} s ({size / 1e6 / seconds:.1f} MB/s)"
        )


if __name__ == "__main__":
    main()
