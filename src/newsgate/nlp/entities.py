"""Entity recognition rules beyond the gazetteer, and resolution of mentions to canonical entities."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import polars as pl
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgate.nlp.lexicon import LOC_HEADS, NOT_NAMES, ORG_HEADS, PERSON_TITLES, REPORTING_VERBS

_TITLE_TOKENS = {tuple(re.findall(r"[\w.]+|-", t)) for t in PERSON_TITLES}
_MAX_TITLE = max(len(t) for t in _TITLE_TOKENS)
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ]+)?$|^[A-Z]\.$")


def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed, for matching name variants."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _is_name_token(token) -> bool:
    return bool(_NAME_TOKEN.match(token.text)) and token.text not in NOT_NAMES


def _name_run(doc: Doc, start: int, limit: int = 3) -> int:
    """Return the end of a run of up to `limit` name-like tokens from `start` (== start if none)."""
    end = start
    while end < len(doc) and end - start < limit and _is_name_token(doc[end]):
        end += 1
    return end


def _title_ends(doc: Doc) -> dict[int, str]:
    """Map the index after each person-title occurrence to the title text."""
    ends = {}
    texts = [t.text for t in doc]
    for i in range(len(doc)):
        for size in range(_MAX_TITLE, 0, -1):
            if tuple(texts[i : i + size]) in _TITLE_TOKENS:
                ends[i + size] = doc[i : i + size].text
                break
    return ends


def find_name_entities(doc: Doc) -> Doc:
    """Add PERSON, ORG and LOC spans found by titles, reporting verbs and capitalisation."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    titles: dict[str, set[str]] = defaultdict(set)

    def person(start: int, end: int, title: str | None = None) -> None:
        if end > start and not any(i in taken for i in range(start, end)):
            found.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
            if title:
                titles[doc[start:end].text].add(title)

    for end_of_title, title in _title_ends(doc).items():
        start = end_of_title
        if start < len(doc) and doc[start].text == ",":
            start += 1
        person(start, _name_run(doc, start), title)
    for token in doc:
        if token.lower_ in REPORTING_VERBS:
            end = token.i
            start = end
            while start > 0 and end - start < 3 and _is_name_token(doc[start - 1]):
                start -= 1
            if start < end and (
                end - start > 1 or not doc[start].is_sent_start or doc[start].text not in NOT_NAMES
            ):
                person(start, end)
            if token.i > 0 and doc[token.i - 1].is_punct:
                person(token.i + 1, _name_run(doc, token.i + 1))
    _add_headed_spans(doc, taken, found)
    doc.ents = sorted(filter_spans([*doc.ents, *found]), key=lambda s: s.start)
    _propagate_person_names(doc)
    doc.user_data["person_titles"] = {k: sorted(v) for k, v in titles.items()}
    return doc


def _add_headed_spans(doc: Doc, taken: set[int], found: list[Span]) -> None:
    i = 0
    while i < len(doc):
        end = i
        while (
            end < len(doc)
            and (doc[end].is_title or (doc[end].is_upper and len(doc[end]) > 1))
            and doc[end].is_alpha
            and end not in taken
        ):
            end += 1
        if end > i:
            head = doc[end - 1].text
            start = i + 1 if doc[i].text in NOT_NAMES else i
            if head in ORG_HEADS and end - start >= 2:
                found.append(Span(doc, start, end, label="ORG"))
                taken.update(range(start, end))
            elif head in LOC_HEADS and end - start >= 2:
                found.append(Span(doc, start, end, label="LOC"))
                taken.update(range(start, end))
        i = max(end, i + 1)


def _propagate_person_names(doc: Doc) -> None:
    """Mark every other occurrence of a found person's full name or surname, with kb_id = full name."""
    full_names: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name = ent.text
            surname = fold(ent[-1].text)
            if len(ent) > 1 and len(name) > len(full_names.get(surname, "")):
                full_names[surname] = name
            full_names.setdefault(surname, name)
    if not full_names:
        return
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    extra = []
    for token in doc:
        if token.i not in taken and fold(token.text) in full_names and _is_name_token(token):
            start = token.i
            while (
                start > 0
                and start - 1 not in taken
                and _is_name_token(doc[start - 1])
                and token.i - start < 2
            ):
                start -= 1
            extra.append(Span(doc, start, token.i + 1, label="PERSON"))
    ents = filter_spans([*doc.ents, *extra])
    doc.ents = [
        Span(doc, e.start, e.end, label=e.label_, kb_id=full_names.get(fold(e[-1].text), e.text))
        if e.label_ == "PERSON"
        else e
        for e in sorted(ents, key=lambda s: s.start)
    ]


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence of `doc` starts."""
    return [sent.start_char for sent in doc.sents]


def mentions_from_doc(doc: Doc, article_id: str) -> list[dict]:
    """Return one row per entity mention in `doc` with offsets and its in-article canonical name."""
    starts = sentence_starts(doc)
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
                "local_name": ent.kb_id_ or ent.text,
            }
        )
    return rows


def _sentence_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _first_names_compatible(a: str, b: str) -> bool:
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    return a.startswith(b) or b.startswith(a) or (a[:4] == b[:4] and abs(len(a) - len(b)) <= 2)


def resolve_entities(mentions: pl.DataFrame) -> pl.DataFrame:
    """Return `mentions` with `canonical_name` added: one name per real entity across articles."""
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, dtype=pl.String).alias("canonical_name"))
    canonical: dict[tuple[str, str], str] = {}
    persons = mentions.filter(pl.col("label") == "PERSON")["local_name"].to_list()
    counts = Counter(persons)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(persons), key=lambda n: (-len(n.split()), -counts[n], n)):
        by_surname[fold(name.split()[-1])[:6]].append(name)
    for group in by_surname.values():
        clusters: list[list[str]] = []
        for name in group:
            parts = name.split()
            for cluster in clusters:
                head = cluster[0].split()
                if len(parts) == 1 or len(head) == 1 or _first_names_compatible(parts[0], head[0]):
                    cluster.append(name)
                    break
            else:
                clusters.append([name])
        for cluster in clusters:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            best = max(
                full, key=lambda n: (sum(counts[m] for m in cluster if m == n), n.isascii(), n)
            )
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
