-- file_outcome: what became of every input file, so that nothing is lost and the published
-- tables and this table always agree:
--   files seen in this run: article, duplicate (byte-copy of another file), quarantined, or
--   retracted (its content was retracted with `newsgate retract`);
--   kept: an article from a file picked up in an earlier run that is no longer in the folder
--   (accumulate mode only);
--   removed / retracted: a file of the current publication that is gone from the folder and
--   whose article therefore leaves the publication (mirror mode), or whose content was retracted.
-- previous_path names the path a renamed file's article was published under before.
with files as (
    select
        f.source_path,
        f.doc_id
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
),

retracted as (
    select distinct r.doc_id from work.retraction as r
),

before as (
    select
        p.source_path,
        p.doc_id,
        p.article_id,
        p.outcome
    from work.published_file_outcome as p
    where p.outcome in ('article', 'kept', 'duplicate')
),

seen as (
    select
        fl.source_path,
        fl.doc_id,
        a.article_id,
        coalesce(rf.reason, rd.reason) as quarantine_reason,
        case
            when a.article_id is not null and a.source_path = fl.source_path then 'article'
            when rf.reason is not null or rd.reason is not null then 'quarantined'
            when fl.doc_id in (select r.doc_id from retracted as r) then 'retracted'
            when a.article_id is not null then 'duplicate'
        end as outcome,
        case when a.source_path <> fl.source_path then a.source_path end as duplicate_of_path,
        (
            select min(b.source_path)
            from before as b
            where
                b.doc_id = fl.doc_id
                and b.source_path <> fl.source_path
                and b.source_path not in (select f2.source_path from files as f2)
                and a.source_path = fl.source_path
        ) as previous_path
    from files as fl
    left join work.article as a on a.doc_id = fl.doc_id
    left join rejected_file as rf on rf.source_path = fl.source_path
    left join rejected_doc as rd on rd.doc_id = fl.doc_id
),

kept as (
    select
        a.source_path,
        a.doc_id,
        a.article_id,
        null::varchar as quarantine_reason,
        'kept' as outcome,
        null::varchar as duplicate_of_path,
        null::varchar as previous_path
    from work.article as a
    where a.source_path not in (select fl.source_path from files as fl)
),

gone as (
    select
        b.source_path,
        b.doc_id,
        b.article_id,
        null::varchar as quarantine_reason,
        case when b.doc_id in (select r.doc_id from retracted as r) then 'retracted' else 'removed' end
            as outcome,
        null::varchar as duplicate_of_path,
        null::varchar as previous_path
    from before as b
    where
        b.source_path not in (select fl.source_path from files as fl)
        and b.source_path not in (select a.source_path from work.article as a)
        and b.doc_id not in (select a.doc_id from work.article as a)
)

select
    u.source_path,
    u.doc_id,
    u.article_id,
    u.quarantine_reason,
    u.outcome,
    u.duplicate_of_path,
    u.previous_path,
    getvariable('run_id') as run_id
from (
    select * from seen
    union all
    select * from kept
    union all
    select * from gone
) as u
order by u.source_path
