-- file_outcome: one row per input file seen in this run, and what became of it, so that
-- nothing is lost: every file is an article, quarantined, or a byte-duplicate of another file.
with files as (
    select
        f.source_path,
        f.doc_id,
        f.outcome as ingest_outcome
    from work.raw_file as f
    where f.run_id = getvariable('run_id')
),

rejected_file as (
    select
        q.source_path,
        min(q.stage || ':' || q.reason) as reason
    from work.raw_quarantine as q
    where q.source_path is not null
    group by q.source_path
),

rejected_doc as (
    select
        q.doc_id,
        min(q.stage || ':' || q.reason) as reason
    from work.raw_quarantine as q
    where q.doc_id is not null
    group by q.doc_id
)

select
    fl.source_path,
    fl.doc_id,
    a.article_id,
    coalesce(rf.reason, rd.reason) as quarantine_reason,
    case
        when a.article_id is not null and a.source_path = fl.source_path then 'article'
        when rf.reason is not null or rd.reason is not null then 'quarantined'
        when a.article_id is not null then 'duplicate'
    end as outcome,
    case when a.source_path <> fl.source_path then a.source_path end as duplicate_of_path,
    getvariable('run_id') as run_id
from files as fl
left join work.article as a on a.doc_id = fl.doc_id
left join rejected_file as rf on rf.source_path = fl.source_path
left join rejected_doc as rd on rd.doc_id = fl.doc_id
order by fl.source_path
