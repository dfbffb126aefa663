"""Mention rows of a Doc, and resolution of mentions to canonical entities across articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import polars as pl
from spacy.tokens import Doc, Span

from newsgate.nlp.gazetteer import surface_index
from newsgate.nlp.names.fold import first_names_compatible, surname
from newsgate.nlp.names.local import INNER_MENTIONS, ROLE_MENTIONS


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence of `doc` starts."""
    return [sent.start_char for sent in doc.sents]


def mentions_from_doc(doc: Doc, article_id: str) -> list[dict]:
    """Return one row per entity mention in `doc` with offsets and its in-article canonical name."""
    starts = sentence_starts(doc) or [0]
    roles = set(doc.user_data.get(ROLE_MENTIONS, ())) if doc.user_data else set()
    rows = []
    for ent in doc.ents:
        rows.append(
            {
                "article_id": article_id,
                "start_char": ent.start_char,
                "end_char": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "sentence_index": _sentence_index(starts, ent.start_char),
                "local_name": ent.kb_id_ or local_name(ent),
                # "role" for a role reference ("the NATO chief"): its words are no alias
                "mention_kind": "role" if (ent.start_char, ent.end_char) in roles else "name",
            }
        )
    inner = doc.user_data.get(INNER_MENTIONS, ()) if doc.user_data else ()
    for start_char, end_char, label, name in inner:
        rows.append(
            {
                "article_id": article_id,
                "start_char": start_char,
                "end_char": end_char,
                "text": doc.text[start_char:end_char],
                "label": label,
                "sentence_index": _sentence_index(starts, start_char),
                "local_name": name,
                "mention_kind": "name",
            }
        )
    return rows


def local_name(ent: Span) -> str:
    """Return the mention's own canonical form: gazetteer name when it is a known surface form."""
    entry = surface_index().get(ent.text)
    if entry is not None and entry.label == ent.label_:
        return entry.name
    text = ent.text
    if text.lower().startswith("the "):
        text = text[4:]
    return re.sub(r"\s+", " ", text).strip()


def _sentence_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _person_key(name: str) -> str:
    return surname(name.split())[:6]


def resolve_entities(mentions: pl.DataFrame) -> pl.DataFrame:
    """Return `mentions` with `canonical_name` added: one name per real entity across articles."""
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, dtype=pl.String).alias("canonical_name"))
    canonical: dict[tuple[str, str], str] = {}
    persons = mentions.filter(pl.col("label") == "PERSON")["local_name"].to_list()
    counts = Counter(persons)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(persons), key=lambda n: (-len(n.split()), -counts[n], n)):
        by_surname[_person_key(name)].append(name)
    for group in by_surname.values():
        clusters: list[list[str]] = []
        for name in group:
            parts = name.split()
            for cluster in clusters:
                head = cluster[0].split()
                if len(parts) == 1 or len(head) == 1 or first_names_compatible(parts[0], head[0]):
                    cluster.append(name)
                    break
            else:
                clusters.append([name])
        for cluster in clusters:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            # diacritics are kept when any mention has them (gold conventions §4.2)
            best = max(full, key=lambda n: (counts[n], not n.isascii(), n))
            for name in cluster:
                canonical[("PERSON", name)] = best
    return mentions.with_columns(
        pl.struct("label", "local_name")
        .map_elements(
            lambda r: canonical.get((r["label"], r["local_name"]), r["local_name"]),
            return_dtype=pl.String,
        )
        .alias("canonical_name")
    )


def resolve_with_credits(
    mentions: pl.DataFrame, credits: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return both frames with `canonical_name`, resolved together so credits share entity names."""
    keys = pl.concat(
        [
            mentions.select("label", "local_name"),
            credits.select("label", "local_name"),
        ]
    )
    resolved = (
        resolve_entities(keys)
        .unique(subset=["label", "local_name"])
        .select("label", "local_name", "canonical_name")
    )
    return (
        mentions.join(resolved, on=["label", "local_name"], how="left", maintain_order="left"),
        credits.join(resolved, on=["label", "local_name"], how="left", maintain_order="left"),
    )
