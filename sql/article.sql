-- article: one row per ingested document that is an article.
-- article_id is the first 16 hex digits of the document's sha256, so it is stable
-- for the same bytes. duplicate_of is the article_id of the earlier article this one
-- rewrites (set by newsgate.near_duplicates: word 5-shingle containment >= 0.12).
with parsed as (
    select
        a.*,
        substr(a.doc_id, 1, 16) as article_id,
        substr(a.duplicate_of_doc_id, 1, 16) as duplicate_of
    from work.raw_article as a
),

with_document as (
    select
        p.*,
        d.source_path
    from parsed as p
    inner join work.document as d on d.doc_id = p.doc_id
)

select
    w.article_id,
    w.doc_id,
    w.source_path,
    w.title,
    w.outlet,
    w.credited,
    w.byline,
    w.dateline,
    w.published_date,
    w.published_date_source,
    w.language,
    w.body,
    w.word_count,
    w.sentence_count,
    w.duplicate_of,
    w.similarity,
    getvariable('run_id') as run_id
from with_document as w
order by w.source_path
