"""The NLP stage's worker side: annotate a batch of articles and return what it found as typed
Arrow tables (no spaCy objects, no pickles). Nothing here touches the warehouse."""

from __future__ import annotations

from functools import cache

import polars as pl
import pyarrow as pa

from newsgate.errors import AnnotationSchemaError
from newsgate.stage_cache import code_version

# The extraction this stage runs but does not own; re-point these imports when they move.
from newsgate.nlp.names.credits import CREDIT_SCHEMA, credit_mentions  # isort: skip
from newsgate.nlp.names.resolve import mentions_from_doc  # isort: skip
from newsgate.nlp.pipeline import load_pipeline, make_doc  # isort: skip

# the modules whose code makes an article's annotations
_EXTRACTOR_MODULES = (
    "newsgate.nlp.pipeline",
    "newsgate.nlp.annotate",
    mentions_from_doc.__module__,
    credit_mentions.__module__,
)

MENTION_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "sentence_index": pl.Int64,
    "local_name": pl.String,
    "mention_kind": pl.String,
}
QUOTE_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "is_partial": pl.Boolean,
    "speaker_name": pl.String,
    "speaker_description": pl.String,
    "verb": pl.String,
    "speaker_label": pl.String,
    "speaker_entity": pl.String,
}
# Every field an article's event carries into the cross-article merge, typed.
EVENT_FIELDS = {
    "article_id": pl.String,
    "event_type": pl.String,
    "cameo_root": pl.String,
    "quad_class": pl.Int64,
    "trigger": pl.String,
    "trigger_start": pl.Int64,
    "trigger_source": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "actor_names": pl.List(pl.String),
    "actor_labels": pl.List(pl.String),
    "actor_roles": pl.List(pl.String),
    "place": pl.String,
    "places": pl.List(pl.String),
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_text": pl.String,
    "date_parts": pl.Struct(
        {"year": pl.Int64, "month": pl.Int64, "day": pl.Int64, "weekday": pl.Int64}
    ),
    "date_ref": pl.Boolean,
    "horizon": pl.Date,
    "future": pl.Boolean,
    "published": pl.Date,
    "words": pl.List(pl.String),
    "article_shingles": pl.List(pl.Int64),
    "reference": pl.Boolean,
    "told_once": pl.Boolean,
    "implied_actor": pl.String,
}
# fields the extractor gives as sets: kept as sorted lists, handed back as frozensets
EVENT_SET_FIELDS = ("article_shingles",)
_KEYED = {"cache_key": pl.String, "ordinal": pl.Int64}
ANNOTATED_SCHEMA = {"cache_key": pl.String, "article_id": pl.String, "run_id": pl.String}
TABLES = {
    "nlp_annotated": ANNOTATED_SCHEMA,
    "nlp_mention": {**_KEYED, **MENTION_SCHEMA},
    "nlp_credit": {**_KEYED, **CREDIT_SCHEMA},
    "nlp_quote": {**_KEYED, **QUOTE_SCHEMA},
    "nlp_event": {**_KEYED, **EVENT_FIELDS},
}


def extractor_version(model: str | None = None) -> str:
    """Return a hash of the code, data and model that make an article's annotations."""
    import spacy

    return code_version(_EXTRACTOR_MODULES, model or "builtin", spacy.__version__)


@cache
def pipeline(model: str | None):
    """Return the NLP pipeline for `model`, loaded once per process."""
    return load_pipeline(model)


def _typed(rows: list[dict], schema: dict, what: str, set_fields: tuple = ()) -> pa.Table:
    """Return annotation rows as an Arrow table of `schema`; unknown fields are an error."""
    names = set(schema)
    for row in rows:
        extra = set(row) - names
        if extra:
            raise AnnotationSchemaError(
                f"{what} field(s) {', '.join(sorted(extra))} have no column: add them to the "
                f"schema in newsgate.nlp.annotate so they are kept with the annotations"
            )
        for field in set_fields:
            if isinstance(row.get(field), set | frozenset):
                row[field] = sorted(row[field])
    return pl.DataFrame(rows, schema=schema).to_arrow()


def _keyed(rows: list[dict], keys: dict[str, str]) -> list[dict]:
    """Number each article's rows in the extractor's order and attach the article's cache key."""
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        ordinal = seen.get(row["article_id"], 0)
        seen[row["article_id"]] = ordinal + 1
        out.append({"cache_key": keys[row["article_id"]], "ordinal": ordinal, **row})
    return out


def annotate_batch(batch: list[dict], spacy_model: str | None, run_id: str) -> dict[str, pa.Table]:
    """Return the annotations of a batch of articles as typed Arrow tables, by table name."""
    nlp = pipeline(spacy_model)
    # bodies are already bounded by the ingest size limit; spaCy's own cap is for parsers
    nlp.max_length = max([nlp.max_length, *(len(item["body"]) + 1 for item in batch)])
    keys = {item["article_id"]: item["cache_key"] for item in batch}
    docs = nlp.pipe(make_doc(nlp, item["body"], item["published_date"]) for item in batch)
    mentions, quotes, events = [], [], []
    for item, doc in zip(batch, docs, strict=True):
        article_id = item["article_id"]
        mentions.extend(mentions_from_doc(doc, article_id))
        quotes.extend({"article_id": article_id, **q} for q in doc._.quotes)
        events.extend({"article_id": article_id, **e} for e in doc._.events)
    credits = credit_mentions(
        nlp,
        [line for item in batch for line in item["lines"]],
        {item["article_id"]: item["credited"] for item in batch},
    )
    annotated = [
        {"cache_key": item["cache_key"], "article_id": item["article_id"], "run_id": run_id}
        for item in batch
    ]
    return {
        "nlp_annotated": _typed(annotated, TABLES["nlp_annotated"], "article"),
        "nlp_mention": _typed(_keyed(mentions, keys), TABLES["nlp_mention"], "mention"),
        "nlp_credit": _typed(_keyed(credits, keys), TABLES["nlp_credit"], "credit"),
        "nlp_quote": _typed(_keyed(quotes, keys), TABLES["nlp_quote"], "quote"),
        "nlp_event": _typed(_keyed(events, keys), TABLES["nlp_event"], "event", EVENT_SET_FIELDS),
    }
