-- quarantine: one row per rejected file or row in this run, with the stage and a reason code.
select
    substr(sha256(
        q.stage || ':' || coalesce(q.source_path, '') || ':' || coalesce(q.doc_id, '') || ':' || q.reason
        || ':' || coalesce(q.detail, '')
    ), 1, 16) as quarantine_id,
    q.source_path,
    q.doc_id,
    q.stage,
    q.reason,
    q.detail,
    getvariable('run_id') as run_id
from work.raw_quarantine as q
order by q.stage, q.source_path, q.reason
