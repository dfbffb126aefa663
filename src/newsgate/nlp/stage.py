"""The NLP stage: run the spaCy pipeline over article bodies and build entity, quote and event tables."""

from __future__ import annotations

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.nlp.entities import (
    CREDIT_SCHEMA,
    credit_mentions,
    mentions_from_doc,
    resolve_with_credits,
)
from newsgate.nlp.events import event_merge_key
from newsgate.nlp.pipeline import load_pipeline, make_doc
from newsgate.tables import stage_tables

STAGE = "nlp"
CREDIT_LINE_REASONS = ["caption", "credit", "byline", "dateline"]

MENTION_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "sentence_index": pl.Int64,
    "local_name": pl.String,
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
}
EVENT_SCHEMA = {
    "article_id": pl.String,
    "event_type": pl.String,
    "cameo_root": pl.String,
    "quad_class": pl.Int64,
    "trigger": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "actor_names": pl.List(pl.String),
    "actor_labels": pl.List(pl.String),
    "place": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_text": pl.String,
    "merge_key": pl.String,
}


def annotate_articles(settings: Settings, run_id: str) -> dict[str, int]:
    """Extract mentions, quotes and events from every article body; return row counts per table."""
    con = warehouse.connect(settings)
    try:
        articles = con.execute(
            "select article_id, body, published_date from work.article order by article_id"
        ).fetchall()
        # entities named only in removed captions, credits and bylines (no body offsets)
        article_ids = [a[0] for a in articles]
        credit_lines = warehouse.read_frame(con, "article_line").filter(
            pl.col("article_id").is_in(article_ids)
            & (pl.col("kind") == "boilerplate")
            & pl.col("reason").is_in(CREDIT_LINE_REASONS)
        )
        credited = dict(
            warehouse.read_frame(con, "article").select("article_id", "credited").iter_rows()
        )
        nlp = load_pipeline(settings.spacy_model)
        docs = nlp.pipe(make_doc(nlp, body, published) for _, body, published in articles)
        mentions, quotes, events = [], [], []
        for (article_id, _, _), doc in zip(articles, docs, strict=True):
            mentions.extend(mentions_from_doc(doc, article_id))
            quotes.extend({"article_id": article_id, **q} for q in doc._.quotes)
            events.extend({"article_id": article_id, **e} for e in doc._.events)
        credits = credit_mentions(
            nlp, credit_lines.sort("article_id", "line_no").to_dicts(), credited
        )
        mention_frame, credit_frame = resolve_with_credits(
            pl.DataFrame(mentions, schema=MENTION_SCHEMA),
            pl.DataFrame(credits, schema=CREDIT_SCHEMA),
        )
        canonical = {
            (label, local): name
            for label, local, name in mention_frame.select("label", "local_name", "canonical_name")
            .unique()
            .iter_rows()
        }
        for quote in quotes:
            if quote["speaker_name"]:
                quote["speaker_name"] = canonical.get(
                    ("PERSON", quote["speaker_name"]), quote["speaker_name"]
                )
        for event in events:
            event["actor_names"] = [
                canonical.get((label, name), name)
                for label, name in zip(event["actor_labels"], event["actor_names"], strict=True)
            ]
            event["merge_key"] = event_merge_key(event)
        warehouse.write_frame(con, "raw_entity_mention", mention_frame)
        warehouse.write_frame(con, "raw_entity_credit", credit_frame)
        warehouse.write_frame(con, "raw_quote", pl.DataFrame(quotes, schema=QUOTE_SCHEMA))
        warehouse.write_frame(
            con,
            "raw_event_mention",
            pl.DataFrame(
                [{k: e.get(k) for k in EVENT_SCHEMA} for e in events], schema=EVENT_SCHEMA
            ),
        )
        return {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
    finally:
        con.close()
